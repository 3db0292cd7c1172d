/*
** methodobject.c -- builtin functions/methods (cfunction_type), bound methods
** (method_type), and the argument-checking helpers C functions use.
*/
#include "weakrefobject.h"
#include "methodobject.h"
#include "error.h"
#include "gc.h"
#include "heap.h"
#include "state.h"
#include "intobject.h"
#include "strobject.h"
#include "tupleobject.h"
#include "dictobject.h"
#include "typeobject.h"
#include "funcobject.h"
#include "hash.h"
#include "moduleobject.h"
#include <stdio.h>
#include <string.h>

/* ================================================================ argument helpers */

int
arg_no_kwargs(const char *fname, Object *kwnames)
{
    if (kwnames && TUPLE_LEN(kwnames)) {
        err_format(exc_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    return 0;
}

int
arg_check_count(const char *fname, size_t nargs, size_t min, size_t max)
{
    if (nargs >= min && nargs <= max)
        return 0;
    if (min == max) {
        if (min == 0)
            err_format(exc_TypeError, "%s() takes no arguments (%zu given)", fname, nargs);
        else if (min == 1)
            err_format(exc_TypeError, "%s() takes exactly one argument (%zu given)", fname,
                       nargs);
        else
            err_format(exc_TypeError, "%s expected %zu arguments, got %zu", fname, min, nargs);
    } else if (nargs < min) {
        err_format(exc_TypeError, "%s expected at least %zu argument%s, got %zu", fname, min,
                   min == 1 ? "" : "s", nargs);
    } else {
        err_format(exc_TypeError, "%s expected at most %zu argument%s, got %zu", fname, max,
                   max == 1 ? "" : "s", nargs);
    }
    return -1;
}

/* The tuple and dict obj_call (CPython's PyObject_Call) unpacked onto args for a
** vectorcall: a callee that packs them again, as CPython's tp_call gets them, gets these
** (once), since CPython's passes them on as they are. */
ArgPrepacked arg_prepacked;

int
arg_pack_like_cpython(Object *const *args, size_t nargs, Object *kwnames, Object **argstuple,
                      Object **kwdict)
{
    if (arg_prepacked.targs && args == arg_prepacked.items && nargs == arg_prepacked.nargs &&
        kwnames == arg_prepacked.kwnames) {
        *argstuple = arg_prepacked.targs;
        *kwdict = arg_prepacked.kw;
        incref(*argstuple);
        if (*kwdict)
            incref(*kwdict);
        arg_prepacked.targs = NULL;
        return 0;
    }
    *kwdict = NULL;
    *argstuple = tuple_from_array(args, (ssize_t)nargs);
    if (!*argstuple)
        return -1;
    if (kwnames && TUPLE_LEN(kwnames)) {
        *kwdict = dict_new();
        if (!*kwdict)
            goto fail;
        for (ssize_t i = 0; i < TUPLE_LEN(kwnames); i++)
            if (dict_setitem(*kwdict, TUPLE_GET(kwnames, i), args[nargs + (size_t)i]) < 0)
                goto fail;
    }
    return 0;
fail:
    CLEAR(*argstuple);
    CLEAR(*kwdict);
    return -1;
}

int
arg_stack_from_tuple_dict(Object *args, Object *kwds, Object **stack, Object **kwnames)
{
    ssize_t n = args ? TUPLE_LEN(args) : 0, nk = kwds ? DICT_LEN(kwds) : 0;
    for (ssize_t i = 0; i < n; i++)
        stack[i] = TUPLE_GET(args, i);
    *kwnames = NULL;
    if (!nk)
        return 0;
    heap_side_enter();
    *kwnames = tuple_new(nk);
    heap_side_leave();
    if (!*kwnames)
        return -1;
    ssize_t pos = 0, i = 0;
    Object *k, *v;
    while (dict_next(kwds, &pos, &k, &v)) {
        TUPLE_SET(*kwnames, i, newref(k));
        stack[n + i++] = v;
    }
    return 0;
}

void
arg_kwnames_release(Object *kwnames)
{
    heap_side_enter();
    xdecref(kwnames);
    heap_side_leave();
}

/* CPython 3.11's Argument Clinic parsers build their keyword tuple (parser_init: a GC
** tuple of the interned keyword names, kept for ever) the first time a call takes the
** slow path -- the first call with keywords.  The names arrays are static, so their
** addresses say which parsers are ready.  The reference interpreter's start-up (site
** and the modules it imports) has already called some of them with keywords: their
** tuples are part of the start-up state (runtime/startup_names.h counts their names'
** references), so their first call here builds nothing. */
static const char *const *clinic_ready[128];
static int nclinic_ready;
static const char *const clinic_ready_at_startup[] = {"property", NULL};
/* ... and those the warnings module's imports (linecache, tokenize) call with keywords:
** ready at the prompt, whose start-up imported them, and in a script after the first
** warning shown (str_first_warning). */
static const char *const clinic_ready_after_warning[] = {"sort", NULL};
static int clinic_warned;

void
arg_clinic_warning_imports(void)
{
    clinic_warned = 1;
}

static int
clinic_mark_ready(const char *const *names)
{
    for (int i = 0; i < nclinic_ready; i++)
        if (clinic_ready[i] == names)
            return 0;
    if (nclinic_ready == (int)(sizeof clinic_ready / sizeof clinic_ready[0]))
        return 0;
    clinic_ready[nclinic_ready++] = names;
    return 1;
}

int
arg_clinic_keywords(Object *kwnames, const char *const *names, int npos_only)
{
    if (!kwnames || !TUPLE_LEN(kwnames))
        return 0;
    if (!clinic_mark_ready(names))
        return 0;
    ssize_t n = 0;
    while (names[npos_only + n])
        n++;
    Object *kwtuple = rt_keep(tuple_new(n));
    if (!kwtuple)
        return -1;
    for (ssize_t i = 0; i < n; i++) {
        Object *s = str_intern_cstr(names[npos_only + i]);
        if (!s)
            return -1;
        TUPLE_SET(kwtuple, i, s);
    }
    return 0;
}

int
arg_parse_clinic(const char *fname, Object *const *args, size_t nargs, Object *kwnames,
                 const char *const *names, int npos_only, int nkw_only, int min_req,
                 Object **out)
{
    if (kwnames && TUPLE_LEN(kwnames)) {
        for (int i = 0; clinic_ready_at_startup[i]; i++)
            if (strcmp(fname, clinic_ready_at_startup[i]) == 0)
                clinic_mark_ready(names);
        for (int i = 0; clinic_warned && clinic_ready_after_warning[i]; i++)
            if (strcmp(fname, clinic_ready_after_warning[i]) == 0)
                clinic_mark_ready(names);
    }
    if (arg_clinic_keywords(kwnames, names, npos_only) < 0)
        return -1;
    return arg_parse(fname, args, nargs, kwnames, names, npos_only, nkw_only, min_req, out);
}

/* The rules and messages of CPython's _PyArg_UnpackKeywords (Argument Clinic). */
int
arg_parse(const char *fname, Object *const *args, size_t nargs, Object *kwnames,
          const char *const *names, int npos_only, int nkw_only, int min_req, Object **out)
{
    int maxargs = 0;
    while (names[maxargs])
        maxargs++;
    int maxpos = maxargs - nkw_only;
    int minpos = min_req < maxpos ? min_req : maxpos;
    int minkw = min_req > maxpos ? min_req - maxpos : 0;
    int reqlimit = minkw ? maxpos + minkw : minpos;
    int minposonly = npos_only < minpos ? npos_only : minpos;
    ssize_t nkw = kwnames ? TUPLE_LEN(kwnames) : 0;
    for (int i = 0; i < maxargs; i++)
        out[i] = NULL;
    if ((ssize_t)nargs + nkw > maxargs) {
        err_format(exc_TypeError, "%s() takes at most %d %sargument%s (%zd given)", fname,
                   maxargs, nargs == 0 ? "keyword " : "", maxargs == 1 ? "" : "s",
                   (ssize_t)nargs + nkw);
        return -1;
    }
    if ((int)nargs > maxpos) {
        if (maxpos == 0)
            err_format(exc_TypeError, "%s() takes no positional arguments", fname);
        else
            err_format(exc_TypeError, "%s() takes %s %d positional argument%s (%zu given)",
                       fname, minpos < maxpos ? "at most" : "exactly", maxpos,
                       maxpos == 1 ? "" : "s", nargs);
        return -1;
    }
    if ((int)nargs < minposonly) {
        err_format(exc_TypeError, "%s() takes %s %d positional argument%s (%zu given)", fname,
                   minposonly < maxpos ? "at least" : "exactly", minposonly,
                   minposonly == 1 ? "" : "s", nargs);
        return -1;
    }
    for (size_t i = 0; i < nargs; i++)
        out[i] = args[i];
    ssize_t left = nkw;
    int start = (int)nargs > npos_only ? (int)nargs : npos_only;
    for (int i = start; i < maxargs; i++) {
        Object *cur = NULL;
        if (left) {
            for (ssize_t k = 0; k < nkw; k++)
                if (str_eq_cstr(TUPLE_GET(kwnames, k), names[i])) {
                    cur = args[nargs + (size_t)k];
                    break;
                }
        } else if (i >= reqlimit) {
            break;
        }
        out[i] = cur;
        if (cur)
            left--;
        else if (i < minpos || (maxpos <= i && i < reqlimit)) {
            err_format(exc_TypeError, "%s() missing required argument '%s' (pos %d)", fname,
                       names[i], i + 1);
            return -1;
        }
    }
    if (left > 0) {
        for (int i = npos_only; i < (int)nargs; i++)
            for (ssize_t k = 0; k < nkw; k++)
                if (str_eq_cstr(TUPLE_GET(kwnames, k), names[i])) {
                    err_format(exc_TypeError,
                               "argument for %s() given by name ('%s') and position (%d)",
                               fname, names[i], i + 1);
                    return -1;
                }
        for (ssize_t k = 0; k < nkw; k++) {
            Object *kn = TUPLE_GET(kwnames, k);
            int known = 0;
            for (int i = npos_only; i < maxargs && !known; i++)
                known = str_eq_cstr(kn, names[i]);
            if (!known) {
                err_format(exc_TypeError, "'%U' is an invalid keyword argument for %s()", kn,
                           fname);
                return -1;
            }
        }
        err_format(exc_TypeError, "invalid keyword argument for %s()", fname);
        return -1;
    }
    return 0;
}

/* ================================================================ builtin functions */

/* CPython's _PyObject_FunctionStr for a builtin: "len()", "str.upper()", "math.sqrt()". */
static void
function_str(char *buf, size_t size, const MethodDef *ml, Object *self, TypeObject *owner)
{
    const char *prefix = NULL;
    if (owner)
        prefix = owner->name;
    else if (self && obj_type_check(self, &module_type)) {
        Object *name = ((ModuleObject *)self)->md_name;
        ssize_t n;
        const char *s = name && STR_CHECK(name) ? str_as_utf8(name, &n) : NULL;
        if (s && strcmp(s, "builtins") != 0)
            prefix = s;
    } else if (self && TYPE_CHECK(self))
        prefix = ((TypeObject *)self)->name;
    else if (self)
        prefix = TYPE(self)->name;
    if (prefix) {
        const char *dot = strrchr(prefix, '.');
        if (dot && !owner && !(self && obj_type_check(self, &module_type)))
            prefix = dot + 1;
        snprintf(buf, size, "%s.%s()", prefix, ml->name);
    } else {
        snprintf(buf, size, "%s()", ml->name);
    }
}

int
cfunction_check_args(const MethodDef *ml, Object *self, TypeObject *owner, size_t nargs,
                     Object *kwnames)
{
    int flags = ml->flags;
    const char *what = NULL;
    int count = 1;
    if (kwnames && TUPLE_LEN(kwnames) && !(flags & METH_KEYWORDS))
        what = "takes no keyword arguments", count = 0;
    else if ((flags & METH_NOARGS) && nargs != 0)
        what = "takes no arguments";
    else if ((flags & METH_O) && nargs != 1)
        what = "takes exactly one argument";
    if (!what)
        return 0;
    char fs[256];
    function_str(fs, sizeof fs, ml, self, owner);
    if (!count)
        err_format(exc_TypeError, "%s %s", fs, what);
    else
        err_format(exc_TypeError, "%s %s (%zu given)", fs, what, nargs);
    return -1;
}

Object *
cfunction_call_ml(const MethodDef *ml, Object *self, TypeObject *owner, Object *const *args,
                  size_t nargs, Object *kwnames)
{
    if (cfunction_check_args(ml, self, owner, nargs, kwnames) < 0)
        return NULL;
    Object *argstuple = NULL, *kwdict = NULL;
    if ((ml->flags & METH_TUPLE) &&
        arg_pack_like_cpython(args, nargs, kwnames, &argstuple, &kwdict) < 0)
        return NULL;
    if (rt_enter_recursion(" while calling a Python object") < 0) {
        xdecref(argstuple);
        xdecref(kwdict);
        return NULL;
    }
    Object *r = ml->meth(self, args, (ssize_t)nargs,
                         kwnames && TUPLE_LEN(kwnames) ? kwnames : NULL);
    rt_leave_recursion();
    xdecref(argstuple);
    xdecref(kwdict);
#ifdef CFG_DEBUG
    if ((r == NULL) != (err_occurred() != NULL)) {
        if (r)
            fatal("builtin returned a result with an exception set");
        fatal("builtin returned NULL without setting an exception");
    }
#endif
    return r;
}

static Object *
cfunction_vectorcall(Object *callable, Object *const *args, size_t nargs, Object *kwnames)
{
    CFunctionObject *f = (CFunctionObject *)callable;
    return cfunction_call_ml(f->ml, f->self, NULL, args, nargs, kwnames);
}

Object *
cfunction_new(const MethodDef *ml, Object *self, Object *module)
{
    CFunctionObject *f = (CFunctionObject *)obj_alloc(&cfunction_type, 0);
    if (!f)
        return NULL;
    f->ml = ml;
    f->self = xnewref(self);
    f->module = xnewref(module);
    f->vectorcall = cfunction_vectorcall;
    gc_track((Object *)f);
    return (Object *)f;
}

static void
cfunction_dealloc(Object *o)
{
    CFunctionObject *f = (CFunctionObject *)o;
    gc_untrack(o);
    weakref_clear_refs(o);
    xdecref(f->self);
    xdecref(f->module);
    obj_free(o);
}

static int
cfunction_traverse(Object *o, visitproc visit, void *arg)
{
    CFunctionObject *f = (CFunctionObject *)o;
    OBJ_VISIT(f->self);
    OBJ_VISIT(f->module);
    return 0;
}

static Object *
cfunction_repr(Object *o)
{
    CFunctionObject *f = (CFunctionObject *)o;
    if (!f->self || TYPE(f->self) == &module_type)
        return str_from_format("<built-in function %s>", f->ml->name);
    if (TYPE_CHECK(f->self) && (f->ml->flags & METH_CLASS))
        return str_from_format("<built-in method %s of type object at %p>", f->ml->name,
                               (void *)f->self);
    return str_from_format("<built-in method %s of %s object at %p>", f->ml->name,
                           TYPE(f->self)->name, (void *)f->self);
}

static Object *
cfunction_richcompare(Object *a, Object *b, int op)
{
    if ((op != CMP_EQ && op != CMP_NE) || TYPE(b) != &cfunction_type)
        return newref(NotImplemented);
    CFunctionObject *x = (CFunctionObject *)a, *y = (CFunctionObject *)b;
    int eq = x->ml->meth == y->ml->meth && x->self == y->self;
    return bool_from(op == CMP_EQ ? eq : !eq);
}

static hash_t
cfunction_hash(Object *o)
{
    CFunctionObject *f = (CFunctionObject *)o;
    hash_t x = f->self ? obj_hash(f->self) : 0;
    if (x == -1) {
        err_clear();
        x = (hash_t)(uintptr_t)f->self;
    }
    hash_t y = (hash_t)((uintptr_t)f->ml->meth >> 4);
    x ^= y;
    return x == -1 ? -2 : x;
}

static Object *
cfunction_get_name(Object *o, void *c)
{
    return str_from_cstr(((CFunctionObject *)o)->ml->name);
}

static Object *
cfunction_get_qualname(Object *o, void *c)
{
    CFunctionObject *f = (CFunctionObject *)o;
    if (!f->self || TYPE(f->self) == &module_type)
        return str_from_cstr(f->ml->name);
    TypeObject *t = TYPE_CHECK(f->self) ? (TypeObject *)f->self : TYPE(f->self);
    Object *tq = type_qualname_obj(t);
    if (!tq)
        return NULL;
    Object *r = str_from_format("%U.%s", tq, f->ml->name);
    decref(tq);
    return r;
}

static Object *
cfunction_get_self(Object *o, void *c)
{
    Object *s = ((CFunctionObject *)o)->self;
    return newref(s ? s : None);
}

static Object *
cfunction_get_doc(Object *o, void *c)
{
    const char *d = ((CFunctionObject *)o)->ml->doc;
    return d ? str_from_cstr(d) : newref(None);
}

static Object *
cfunction_get_module(Object *o, void *c)
{
    Object *m = ((CFunctionObject *)o)->module;
    return newref(m ? m : None);
}

static const GetSetDef cfunction_getset[] = {
    {"__name__", cfunction_get_name, NULL, NULL, NULL},
    {"__qualname__", cfunction_get_qualname, NULL, NULL, NULL},
    {"__self__", cfunction_get_self, NULL, NULL, NULL},
    {"__doc__", cfunction_get_doc, NULL, NULL, NULL},
    {"__module__", cfunction_get_module, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TypeObject cfunction_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "builtin_function_or_method",
    .basicsize = sizeof(CFunctionObject),
    .flags = TPFLAG_GC,
    .dealloc = cfunction_dealloc,
    .weaklistoffset = 40,
    .traverse = cfunction_traverse,
    .repr = cfunction_repr,
    .hash = cfunction_hash,
    .richcompare = cfunction_richcompare,
    .vectorcall = cfunction_vectorcall,
    .getattro = obj_generic_getattr,
    .getset = cfunction_getset,
};

/* ================================================================ bound methods */

static Object *
method_vectorcall(Object *callable, Object *const *args, size_t nargs, Object *kwnames)
{
    MethodObject *m = (MethodObject *)callable;
    size_t nk = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0;
    size_t total = nargs + nk;
    Object *small[8];
    Object **stack = small;
    if (total + 1 > 8) {
        stack = heap_alloc(sizeof(Object *) * (total + 1));
        if (!stack)
            return err_no_memory();
    }
    stack[0] = m->self;
    if (total)
        memcpy(stack + 1, args, sizeof(Object *) * total);
    Object *func = newref(m->func);
    Object *self = newref(m->self);
    Object *r = obj_vectorcall(func, stack, nargs + 1, kwnames);
    decref(func);
    decref(self);
    if (stack != small)
        heap_free(stack);
    return r;
}

Object *
method_new(Object *func, Object *self)
{
    MethodObject *m = (MethodObject *)obj_alloc(&method_type, 0);
    if (!m)
        return NULL;
    m->func = newref(func);
    m->self = newref(self);
    m->vectorcall = method_vectorcall;
    gc_track((Object *)m);
    return (Object *)m;
}

void
method_clear_freelist(void)
{
}

static void
method_dealloc(Object *o)
{
    MethodObject *m = (MethodObject *)o;
    gc_untrack(o);
    weakref_clear_refs(o);
    xdecref(m->func);
    xdecref(m->self);
    obj_free(o);
}

static int
method_traverse(Object *o, visitproc visit, void *arg)
{
    MethodObject *m = (MethodObject *)o;
    OBJ_VISIT(m->func);
    OBJ_VISIT(m->self);
    return 0;
}

static Object *
method_repr(Object *o)
{
    MethodObject *m = (MethodObject *)o;
    Object *name = obj_lookup_attr(m->func, ID(__qualname__));
    if (!name) {
        if (err_occurred())
            return NULL;
        name = obj_lookup_attr(m->func, ID(__name__));
        if (!name && err_occurred())
            return NULL;
    }
    Object *r;
    if (name && STR_CHECK(name))
        r = str_from_format("<bound method %U of %R>", name, m->self);
    else
        r = str_from_format("<bound method ? of %R>", m->self);
    xdecref(name);
    return r;
}

static Object *
method_richcompare(Object *a, Object *b, int op)
{
    if ((op != CMP_EQ && op != CMP_NE) || TYPE(b) != &method_type)
        return newref(NotImplemented);
    MethodObject *x = (MethodObject *)a, *y = (MethodObject *)b;
    int eq = x->self == y->self;
    if (eq) {
        eq = obj_richcompare_bool(x->func, y->func, CMP_EQ);
        if (eq < 0)
            return NULL;
    }
    return bool_from(op == CMP_EQ ? eq : !eq);
}

static hash_t
method_hash(Object *o)
{
    MethodObject *m = (MethodObject *)o;
    hash_t x = hash_pointer(m->self);
    hash_t y = obj_hash(m->func);
    if (y == -1)
        return -1;
    x ^= y;
    return x == -1 ? -2 : x;
}

static Object *
method_getattro(Object *o, Object *name)
{
    /* attributes of the bound method itself first, then of the function */
    TypeObject *t = TYPE(o);
    Object *descr = type_lookup(t, name);
    if (descr) {
        descrgetfunc f = TYPE(descr)->descr_get;
        if (f)
            return f(descr, o, (Object *)t);
        return newref(descr);
    }
    return obj_getattr(((MethodObject *)o)->func, name);
}

static Object *
method_descr_get_self(Object *o, Object *obj, Object *type)
{
    return newref(o);
}

static const MemberDef method_members[] = {
    {"__func__", MEMBER_OBJECT, offsetof(MethodObject, func), MEMBER_READONLY, NULL},
    {"__self__", MEMBER_OBJECT, offsetof(MethodObject, self), MEMBER_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static Object *
method_get_doc(Object *o, void *c)
{
    return obj_getattr(((MethodObject *)o)->func, ID(__doc__));
}

static const GetSetDef method_getset[] = {
    {"__doc__", method_get_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* method(function, instance): types.MethodType */
static Object *
method_tp_new(TypeObject *t, Object *args, Object *kwds)
{
    if (kwds && DICT_LEN(kwds))
        return err_set(exc_TypeError, "method() takes no keyword arguments");
    if (TUPLE_LEN(args) != 2)
        return err_format(exc_TypeError, "method expected 2 arguments, got %zd",
                          TUPLE_LEN(args));
    Object *func = TUPLE_GET(args, 0), *self = TUPLE_GET(args, 1);
    if (!TYPE(func)->call && !TYPE(func)->vectorcall)
        return err_set(exc_TypeError, "first argument must be callable");
    if (self == None)
        return err_set(exc_TypeError, "instance must not be None");
    return method_new(func, self);
}

TypeObject method_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "method",
    .basicsize = sizeof(MethodObject),
    .flags = TPFLAG_GC,
    .dealloc = method_dealloc,
    .weaklistoffset = 32,
    .traverse = method_traverse,
    .repr = method_repr,
    .hash = method_hash,
    .richcompare = method_richcompare,
    .vectorcall = method_vectorcall,
    .getattro = method_getattro,
    .setattro = obj_generic_setattr,
    .descr_get = method_descr_get_self,
    .new_ = method_tp_new,
    .members = method_members,
    .getset = method_getset,
};
