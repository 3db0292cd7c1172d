/*
** import.c -- the import statement: builtin modules (sys, builtins, gc, math, time) and
** source modules found on sys.path (NAME.py, or a package NAME/__init__.py), executed
** once and cached in sys.modules; 'import a.b', 'from m import x', relative imports
** inside packages, and 'from m import *' (honouring __all__).
*/
#include "interp/builtins.h"
#include "interp/compile.h"
#include "interp/vm.h"
#include "runtime/error.h"
#include "runtime/heap.h"
#include "runtime/gc.h"
#include "runtime/state.h"
#include "runtime/intobject.h"
#include "runtime/strobject.h"
#include "runtime/tupleobject.h"
#include "runtime/listobject.h"
#include "runtime/dictobject.h"
#include "runtime/moduleobject.h"
#include "runtime/exceptions.h"
#include "runtime/methodobject.h"
#include "runtime/modules.h"
#include "interp/frozen.h"
#include <string.h>
#include <stdio.h>
#include <sys/stat.h>

typedef struct BuiltinModule {
    const char *name;
    Object *(*init)(void);
} BuiltinModule;

/* Modules the reference's start-up has imported that pyheap imports on first use: their
** __package__ '' is among the references to '' the start-up table already counts
** (runtime/startup_singletons.h), so setting it takes that reference over. */
static int
held_at_startup(Object *fullname)
{
    static const char *const names[] = {"atexit", "_weakref", "weakref", NULL};
    for (const char *const *p = names; *p; p++)
        if (str_eq_cstr(fullname, *p))
            return 1;
    return 0;
}

static const BuiltinModule builtin_modules[] = {
    {"gc", gcmodule_init},
    {"math", mathmodule_init},
    {"time", timemodule_init},
    {"os", osmodule_init},
    {"_weakref", weakrefmodule_init},
    {"atexit", atexitmodule_init},
    {NULL, NULL},
};

int
import_init(void)
{
    return 0;
}

static Object *
raise_not_found(Object *name)
{
    Object *msg = str_from_format("No module named %R", name);
    if (!msg)
        return NULL;
    Object *a = tuple_pack(1, msg);
    decref(msg);
    if (!a)
        return NULL;
    Object *e = exc_new(exc_ModuleNotFoundError, a);
    decref(a);
    if (!e)
        return NULL;
    XSETREF(((ImportErrorObject *)e)->name, newref(name));
    err_set_exc(e);
    decref(e);
    return NULL;
}

static int
file_exists(const char *path, int dir)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return 0;
    return dir ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode);
}

static char *
read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 8192, n = 0;
    char *buf = heap_alloc(cap);
    if (!buf) {
        fclose(f);
        return NULL;
    }
    size_t r;
    while ((r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            char *nb = heap_realloc(buf, cap * 2);
            if (!nb) {
                heap_free(buf);
                fclose(f);
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

/* Execute source file 'path' as module 'name' (already in sys.modules). */
static int
exec_source_module(Object *module, const char *path)
{
    size_t len;
    char *src = read_file(path, &len);
    if (!src) {
        err_format(exc_ImportError, "cannot read %s", path);
        return -1;
    }
    Object *code = compile_source(src, len, path, PARSE_FILE, NULL);
    heap_free(src);
    if (!code)
        return -1;
    Object *r = vm_run_module_code(code, module_get_dict(module));
    decref(code);
    if (!r)
        return -1;
    decref(r);
    return 0;
}

/* A module of lib/ compiled into the interpreter (frozen.h): run it as a source module,
** with "<frozen NAME>" as its file name in tracebacks. */
static Object *
load_frozen(Object *fullname, const FrozenModule *fm)
{
    Object *m = module_new_obj(fullname);
    if (!m)
        return NULL;
    if (dict_setitem(module_get_dict(m), ID(__builtins__), rt.builtins_module) < 0 ||
        dict_setitem(rt.modules, fullname, m) < 0) {
        decref(m);
        return NULL;
    }
    char fname[128];
    snprintf(fname, sizeof fname, "<frozen %s>", fm->name);
    Object *code = compile_source(fm->source, strlen(fm->source), fname, PARSE_FILE, NULL);
    Object *r = code ? vm_run_module_code(code, module_get_dict(m)) : NULL;
    xdecref(code);
    if (!r) {
        dict_delitem_if_present(rt.modules, fullname);
        decref(m);
        return NULL;
    }
    decref(r);
    return m;
}

/* Find and load module 'fullname' whose last component is 'name', searching 'path'
** (a list of directories).  Returns a new reference or NULL (with ModuleNotFoundError
** when nothing was found). */
static Object *
load_module(Object *fullname, Object *name, Object *path)
{
    const char *n = str_as_utf8(name, NULL);
    if (!n)
        return NULL;
    for (ssize_t i = 0; path && LIST_CHECK(path) && i < LIST_LEN(path); i++) {
        Object *dir = LIST_GET(path, i);
        if (!STR_CHECK(dir))
            continue;
        const char *d = str_as_utf8(dir, NULL);
        if (!d)
            return NULL;
        char buf[4096];
        const char *sep = d[0] ? "/" : "";
        const char *base = d[0] ? d : ".";
        int is_pkg = 0;
        snprintf(buf, sizeof buf, "%s%s%s/__init__.py", base, sep[0] ? "/" : "/", n);
        snprintf(buf, sizeof buf, "%s/%s/__init__.py", base, n);
        if (file_exists(buf, 0)) {
            is_pkg = 1;
        } else {
            snprintf(buf, sizeof buf, "%s/%s.py", base, n);
            if (!file_exists(buf, 0))
                continue;
        }
        Object *m = module_new_obj(fullname);
        if (!m)
            return NULL;
        Object *md = module_get_dict(m);
        Object *file = str_from_cstr(buf);
        if (!file || dict_setitem(md, ID(__file__), file) < 0 ||
            dict_setitem(md, ID(__builtins__), rt.builtins_module) < 0) {
            xdecref(file);
            decref(m);
            return NULL;
        }
        decref(file);
        if (is_pkg) {
            char pdir[4096];
            snprintf(pdir, sizeof pdir, "%s/%s", base, n);
            Object *pd = str_from_cstr(pdir);
            Object *pl = list_new(0);
            if (!pd || !pl || list_append(pl, pd) < 0 || dict_setitem(md, ID(__path__), pl) < 0 ||
                dict_setitem(md, ID(__package__), fullname) < 0) {
                xdecref(pd);
                xdecref(pl);
                decref(m);
                return NULL;
            }
            decref(pd);
            decref(pl);
        } else {
            /* __package__: the parent package name or '' */
            const char *fn = str_as_utf8(fullname, NULL);
            const char *dot = strrchr(fn, '.');
            Object *pkg = dot ? str_from_utf8(fn, dot - fn) : str_empty();
            if (!pkg || dict_setitem(md, ID(__package__), pkg) < 0) {
                xdecref(pkg);
                decref(m);
                return NULL;
            }
            if (!dot && held_at_startup(fullname))
                pkg->refcnt--;
            decref(pkg);
        }
        if (dict_setitem(rt.modules, fullname, m) < 0) {
            decref(m);
            return NULL;
        }
        if (exec_source_module(m, buf) < 0) {
            dict_delitem_if_present(rt.modules, fullname);
            decref(m);
            return NULL;
        }
        /* the module may have replaced itself in sys.modules */
        Object *final = dict_getitem(rt.modules, fullname);
        if (final && final != m) {
            decref(m);
            return newref(final);
        }
        return m;
    }
    return raise_not_found(fullname);
}

/* Modules CPython's start-up has imported that pyheap imports on first use (weakref is
** Python, and compiling it at every start-up would triple the start-up time). */
static const char *const startup_modules[] = {"atexit", "_weakref", "weakref", NULL};
static int in_startup_import;

static Object *import_full(Object *fullname);

/* Import a start-up module as if it had been there from the start: in the heap's side
** mode, pinned (no pool block, no free-list entry, no generation-0 count: nothing the
** program can see), its objects in the oldest generation among the start-up objects, and
** its references to None, True and False among those CPython's start-up objects hold. */
static Object *
import_startup_module(Object *fullname)
{
    ssize_t singletons[3] = {none_obj.refcnt, true_obj.ob_base.ob_base.refcnt,
                             false_obj.ob_base.ob_base.refcnt};
    ssize_t ints[INT_SMALL_NEG + INT_SMALL_POS];
    int_startup_snapshot(ints);
    StrStartupSnap *names = str_startup_snapshot();
    gc_startup_objects_begin();
    heap_side_enter();
    int pinned = heap_side_pinned;
    heap_side_pinned = 1;
    in_startup_import++;
    Object *m = import_full(fullname);
    in_startup_import--;
    heap_side_pinned = pinned;
    heap_side_leave();
    gc_startup_objects_end();
    /* taken out of the references given for CPython's start-up objects, never more:
    ** the module's own references are released one day */
    int_startup_absorb(ints);
    str_startup_absorb(names);
    Object *objs[3] = {&none_obj, (Object *)&true_obj, (Object *)&false_obj};
    for (int i = 0; i < 3; i++) {
        ssize_t d = objs[i]->refcnt - singletons[i];
        if (d > rt_singleton_startup_refs[i])
            d = rt_singleton_startup_refs[i];
        if (d > 0) {
            objs[i]->refcnt -= d;
            rt_singleton_startup_refs[i] -= d;
        }
    }
    return m;
}

/* CPython's import_ensure_initialized reads __spec__._initializing with PyObject_GetAttr
** whenever a module already imported is imported again.  sys and builtins, whose specs
** importlib's _setup made afterwards, have none: the lookup makes and drops an
** AttributeError each time, whose args tuple goes to the free list and so stays in
** generation 0's count.  The same exception is made and dropped here. */
void
import_spec_probe(Object *m)
{
    if ((m != rt.sys_module && m != rt.builtins_module) || !m || err_occurred())
        return;
    err_format(exc_AttributeError, "'ModuleSpec' object has no attribute '_initializing'");
    err_normalize();                /* as set_attribute_error_context does */
    err_clear();
}

static int spec_set_initializing(Object *spec, int v);

/* The modules main.c imports at start-up (os, time, math) get no spec: the start-up
** reference tables were measured without them. */
int import_specless;

/* The ModuleSpec CPython's BuiltinImporter.find_spec makes for a built-in module
** (lib/_frozen_importlib.py: imported as CPython's start-up had it), _initializing while
** the module is made, as importlib's _load_unlocked sets it. */
static Object *
builtin_spec(Object *fullname)
{
    Object *fi = dict_getitem_str(rt.modules, "_frozen_importlib");
    if (!fi) {
        Object *name = str_intern_cstr("_frozen_importlib");
        fi = name ? import_startup_module(name) : NULL;
        xdecref(name);
        if (!fi)
            return NULL;
        decref(fi);     /* sys.modules keeps it */
    }
    /* made as a start-up object (outside the pools, no generation-0 count, adopted by
    ** the oldest generation): what importlib's path leaves in the counts and on the free
    ** lists is made by the caller.  Its references to None and False are CPython's. */
    StrStartupSnap *names = str_startup_snapshot();
    gc_startup_objects_begin();
    heap_side_enter();
    Object *cls = obj_getattr_str(fi, "ModuleSpec");
    Object *loader = cls ? obj_getattr_str(fi, "BuiltinImporter") : NULL;
    Object *origin = loader ? obj_getattr_str(loader, "_ORIGIN") : NULL;
    Object *args = origin ? tuple_pack(2, fullname, loader) : NULL;
    Object *kw = args ? dict_new() : NULL;
    Object *spec = NULL;
    if (kw && dict_setitem_str(kw, "origin", origin) == 0)
        spec = obj_call(cls, args, kw);
    xdecref(kw);
    xdecref(args);
    xdecref(origin);
    xdecref(loader);
    xdecref(cls);
    heap_side_leave();
    gc_startup_objects_end();
    if (spec && spec_set_initializing(spec, 1) < 0)
        CLEAR(spec);
    /* the attribute names' references (the class's shared keys): CPython's start-up
    ** made specs already */
    str_startup_absorb(names);
    return spec;
}

static int
spec_set_initializing(Object *spec, int v)
{
    heap_side_enter();
    Object *name = str_intern_cstr("_initializing");
    heap_side_leave();
    int r = name ? obj_setattr(spec, name, v ? True_ : False_) : -1;
    xdecref(name);
    return r;
}

/* importlib's _init_module_attrs: __loader__ and __spec__ */
static int
module_set_spec(Object *m, Object *spec)
{
    heap_side_enter();
    Object *loader = obj_getattr_str(spec, "loader");
    heap_side_leave();
    if (!loader)
        return -1;
    Object *d = module_get_dict(m);
    int r = dict_setitem(d, ID(__loader__), loader) < 0 || dict_setitem(d, ID(__spec__), spec) < 0;
    decref(loader);
    return r ? -1 : 0;
}

/* Import one dotted name fully; returns the module for the whole name (new ref). */
static Object *
import_full(Object *fullname)
{
    Object *m = dict_getitem(rt.modules, fullname);
    if (m) {
        if (m == None)
            return raise_not_found(fullname);
        import_spec_probe(m);
        return newref(m);
    }
    ssize_t len;
    const char *s = str_as_utf8(fullname, &len);
    if (!s)
        return NULL;
    const char *dot = strrchr(s, '.');
    if (!dot && !in_startup_import)
        for (const char *const *p = startup_modules; *p; p++)
            if (strcmp(*p, s) == 0)
                return import_startup_module(fullname);
    if (!dot) {
        for (const BuiltinModule *b = builtin_modules; b->name; b++) {
            if (strcmp(b->name, s) == 0) {
                /* CPython imports it through importlib: BuiltinImporter.find_spec makes
                ** its ModuleSpec, which the module keeps as __spec__; the spec keeps a
                ** list (_uninitialized_submodules) as long as the module lives, and the
                ** machinery holds two 3-tuples at once on the way -- what it leaves in
                ** generation 0's count and on the free lists (the module keeps the list
                ** in its unused md_state) */
                Object *spec = import_specless ? NULL : builtin_spec(fullname);
                if (!spec && !import_specless)
                    return NULL;
                Object *spec_list = list_new(0), *t1 = tuple_new(3), *t2 = tuple_new(3);
                xdecref(t2);
                xdecref(t1);
                if (!spec_list || !t1 || !t2) {
                    xdecref(spec_list);
                    xdecref(spec);
                    return NULL;
                }
                Object *nm = b->init();
                if (nm && MODULE_CHECK(nm) && !((ModuleObject *)nm)->md_state)
                    ((ModuleObject *)nm)->md_state = spec_list;
                else
                    decref(spec_list);
                if (spec && (!nm || spec_set_initializing(spec, 0) < 0 ||
                             (MODULE_CHECK(nm) && module_set_spec(nm, spec) < 0))) {
                    xdecref(nm);
                    decref(spec);
                    return NULL;
                }
                xdecref(spec);
                if (!nm)
                    return NULL;
                /* importlib's _init_module_attrs: __package__ is the spec's parent, the
                ** empty string for a top-level module */
                if (MODULE_CHECK(nm)) {
                    Object *empty = str_empty();
                    int r = dict_setitem(((ModuleObject *)nm)->md_dict, ID(__package__), empty);
                    if (r == 0 && held_at_startup(fullname))
                        empty->refcnt--;
                    decref(empty);
                    if (r < 0) {
                        decref(nm);
                        return NULL;
                    }
                }
                if (dict_setitem(rt.modules, fullname, nm) < 0) {
                    decref(nm);
                    return NULL;
                }
                return nm;
            }
        }
        for (const FrozenModule *fm = frozen_modules; fm->name; fm++)
            if (strcmp(fm->name, s) == 0)
                return load_frozen(fullname, fm);
        Object *path = dict_getitem_str(rt.sys_dict, "path");
        return load_module(fullname, fullname, path);
    }
    Object *parentname = str_from_utf8(s, dot - s);
    if (!parentname)
        return NULL;
    Object *parent = import_full(parentname);
    decref(parentname);
    if (!parent)
        return NULL;
    m = dict_getitem(rt.modules, fullname);
    if (m) {
        decref(parent);
        return newref(m);
    }
    Object *path = obj_lookup_attr(parent, ID(__path__));
    if (!path) {
        decref(parent);
        if (err_occurred())
            return NULL;
        Object *msg = str_from_format("No module named %R; %R is not a package", fullname,
                                      module_get_dict(parent) ? fullname : fullname);
        (void)msg;
        xdecref(msg);
        return raise_not_found(fullname);
    }
    Object *last = str_from_cstr(dot + 1);
    Object *r = last ? load_module(fullname, last, path) : NULL;
    decref(path);
    if (r) {
        /* bind the submodule as an attribute of the parent */
        if (obj_setattr(parent, last, r) < 0)
            err_clear();
    }
    xdecref(last);
    decref(parent);
    return r;
}

/* The absolute name for a relative import from 'globals' at 'level'. */
static Object *
resolve_name(Object *name, Object *globals, long level)
{
    Object *package = globals ? dict_getitem(globals, ID(__package__)) : NULL;
    if (!package || package == None) {
        Object *modname = globals ? dict_getitem(globals, ID(__name__)) : NULL;
        if (!modname || !STR_CHECK(modname))
            return err_set(exc_KeyError, "'__name__' not in globals");
        if (globals && dict_getitem(globals, ID(__path__))) {
            package = modname;
        } else {
            ssize_t n;
            const char *s = str_as_utf8(modname, &n);
            const char *dot = s ? strrchr(s, '.') : NULL;
            if (!dot)
                return err_set(exc_ImportError,
                               "attempted relative import with no known parent package");
            Object *p = str_from_utf8(s, dot - s);
            if (!p)
                return NULL;
            Object *r = resolve_name(name, NULL, 0);
            (void)r;
            err_clear();
            package = p;
            decref(p);  /* borrowed below via the dict's copy */
            package = dict_getitem(globals, ID(__name__));
            /* compute base from the module name */
            Object *base = str_from_utf8(s, dot - s);
            if (!base)
                return NULL;
            for (long l = 1; l < level; l++) {
                const char *bs = str_as_utf8(base, NULL);
                const char *d2 = strrchr(bs, '.');
                if (!d2) {
                    decref(base);
                    return err_set(exc_ImportError,
                                   "attempted relative import beyond top-level package");
                }
                Object *nb = str_from_utf8(bs, d2 - bs);
                decref(base);
                if (!nb)
                    return NULL;
                base = nb;
            }
            if (!name || STR_LEN(name) == 0)
                return base;
            Object *full = str_from_format("%U.%U", base, name);
            decref(base);
            return full;
        }
    }
    if (!STR_CHECK(package))
        return err_set(exc_TypeError, "package must be a string");
    if (STR_LEN(package) == 0)
        return err_set(exc_ImportError, "attempted relative import with no known parent package");
    Object *base = newref(package);
    for (long l = 1; l < level; l++) {
        const char *bs = str_as_utf8(base, NULL);
        const char *d2 = strrchr(bs, '.');
        if (!d2) {
            decref(base);
            return err_set(exc_ImportError, "attempted relative import beyond top-level package");
        }
        Object *nb = str_from_utf8(bs, d2 - bs);
        decref(base);
        if (!nb)
            return NULL;
        base = nb;
    }
    if (!name || STR_LEN(name) == 0)
        return base;
    Object *full = str_from_format("%U.%U", base, name);
    decref(base);
    return full;
}

static Object *
import_impl(Object *name, Object *globals, Object *fromlist, long level)
{
    if (!STR_CHECK(name))
        return err_set(exc_TypeError, "module name must be str");
    if (level < 0)
        return err_set(exc_ValueError, "level must be >= 0");
    Object *absname;
    if (level > 0) {
        absname = resolve_name(name, globals, level);
        if (!absname)
            return NULL;
    } else {
        if (STR_LEN(name) == 0)
            return err_set(exc_ValueError, "Empty module name");
        absname = newref(name);
    }
    Object *m = import_full(absname);
    if (!m) {
        decref(absname);
        return NULL;
    }
    int has_from = fromlist && fromlist != None && obj_is_true(fromlist) > 0;
    if (has_from) {
        /* from package import submodule: import submodules named in fromlist */
        if (obj_hasattr(m, ID(__path__)) > 0 && TUPLE_CHECK(fromlist)) {
            for (ssize_t i = 0; i < TUPLE_LEN(fromlist); i++) {
                Object *item = TUPLE_GET(fromlist, i);
                if (!STR_CHECK(item) || str_eq_cstr(item, "*"))
                    continue;
                if (obj_hasattr(m, item) > 0)
                    continue;
                Object *sub = str_from_format("%U.%U", absname, item);
                if (!sub)
                    break;
                Object *sm = import_full(sub);
                decref(sub);
                if (sm)
                    decref(sm);
                else if (err_matches(exc_ModuleNotFoundError))
                    err_clear();
                else
                    break;
            }
            if (err_occurred()) {
                decref(m);
                decref(absname);
                return NULL;
            }
        }
        decref(absname);
        return m;
    }
    /* import a.b.c binds a: return the top-level package */
    ssize_t len;
    const char *s = str_as_utf8(absname, &len);
    const char *dot = s ? strchr(s, '.') : NULL;
    if (!dot || level > 0) {
        decref(absname);
        if (level > 0 && dot) {
            /* relative 'import' without from is not valid syntax; return m */
        }
        return m;
    }
    Object *top = str_from_utf8(s, dot - s);
    decref(absname);
    decref(m);
    if (!top)
        return NULL;
    Object *tm = dict_getitem(rt.modules, top);
    decref(top);
    if (!tm)
        return err_set(exc_KeyError, "top-level package missing from sys.modules");
    return newref(tm);
}

Object *
import_name(Object *name, Object *globals, Object *fromlist, Object *level)
{
    Object *imp = dict_getitem(rt.builtins, ID(__import__));
    long lv = INT_CHECK(level) ? int_as_long(level) : 0;
    /* a user-replaced __import__ is honoured */
    if (imp && !(TYPE(imp) == &cfunction_type)) {
        Object *args[5] = {name, globals ? globals : None, None, fromlist, level};
        return obj_vectorcall(imp, args, 5, NULL);
    }
    return import_impl(name, globals, fromlist, lv);
}

Object *
import_builtin___import__(Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"name", "globals", "locals", "fromlist", "level", NULL};
    Object *v[5];
    if (arg_parse("__import__", args, (size_t)nargs, kwnames, names, 0, 0, 1, v) < 0)
        return NULL;
    long level = 0;
    if (v[4]) {
        level = int_as_long(v[4]);
        if (level == -1 && err_occurred())
            return NULL;
    }
    Object *globals = v[1] && DICT_CHECK(v[1]) ? v[1] : NULL;
    return import_impl(v[0], globals, v[3], level);
}

Object *
import_module_cstr(const char *name)
{
    Object *n = str_from_cstr(name);
    if (!n)
        return NULL;
    Object *m = import_impl(n, NULL, NULL, 0);
    decref(n);
    return m;
}

Object *
import_from(Object *module, Object *name)
{
    Object *x = obj_lookup_attr(module, name);
    if (x || err_occurred())
        return x;
    /* a submodule not yet bound as an attribute */
    Object *pkgname = obj_lookup_attr(module, ID(__name__));
    if (pkgname && STR_CHECK(pkgname)) {
        Object *full = str_from_format("%U.%U", pkgname, name);
        if (full) {
            x = dict_getitem(rt.modules, full);
            decref(full);
            if (x) {
                decref(pkgname);
                return newref(x);
            }
        }
    }
    err_clear();
    Object *file = obj_lookup_attr(module, ID(__file__));
    err_clear();
    Object *msg;
    if (pkgname && STR_CHECK(pkgname)) {
        if (file && STR_CHECK(file))
            msg = str_from_format("cannot import name %R from %R (%U)", name, pkgname, file);
        else
            msg = str_from_format("cannot import name %R from %R (unknown location)", name,
                                  pkgname);
    } else {
        msg = str_from_format("cannot import name %R from '<unknown module name>' (unknown "
                              "location)",
                              name);
    }
    xdecref(file);
    if (msg) {
        Object *a = tuple_pack(1, msg);
        decref(msg);
        if (a) {
            Object *e = exc_new(exc_ImportError, a);
            decref(a);
            if (e) {
                XSETREF(((ImportErrorObject *)e)->name, xnewref(pkgname));
                err_set_exc(e);
                decref(e);
            }
        }
    }
    xdecref(pkgname);
    return NULL;
}

int
import_star(Object *module, Object *locals)
{
    Object *all = obj_lookup_attr(module, ID(__all__));
    int skip_private = 0;
    if (!all) {
        if (err_occurred())
            return -1;
        Object *d = obj_lookup_attr(module, ID(__dict__));
        if (!d) {
            if (!err_occurred())
                err_set(exc_ImportError, "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        all = dict_keys_list(d);
        decref(d);
        if (!all)
            return -1;
        skip_private = 1;
    }
    Object *it = obj_get_iter(all);
    decref(all);
    if (!it)
        return -1;
    int r = 0;
    for (;;) {
        Object *name = obj_iter_next(it);
        if (!name)
            break;
        if (!STR_CHECK(name)) {
            err_format(exc_TypeError, "%s in %s.%s must be str, not %s", "Item",
                       "module", skip_private ? "__dict__" : "__all__", TYPE(name)->name);
            decref(name);
            r = -1;
            break;
        }
        if (skip_private && STR_LEN(name) > 0 && STR_GET(name, 0) == '_') {
            decref(name);
            continue;
        }
        Object *value = obj_getattr(module, name);
        if (!value || obj_setitem(locals, name, value) < 0) {
            xdecref(value);
            decref(name);
            r = -1;
            break;
        }
        decref(value);
        decref(name);
    }
    decref(it);
    if (r == 0 && err_occurred())
        r = -1;
    return r;
}
