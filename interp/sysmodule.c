/*
** sysmodule.c -- the sys module: argv, path, modules, the standard streams, recursion
** limit, getrefcount/getsizeof/intern (the memory introspection pyheap's users rely on),
** _debugmallocstats, exit, exc_info, displayhook/excepthook and version information.
*/
#include "interp/builtins.h"
#include "interp/vm.h"
#include "runtime/error.h"
#include "runtime/heap.h"
#include "runtime/gc.h"
#include "runtime/state.h"
#include "runtime/intobject.h"
#include "runtime/floatobject.h"
#include "runtime/strobject.h"
#include "runtime/tupleobject.h"
#include "runtime/listobject.h"
#include "runtime/dictobject.h"
#include "runtime/typeobject.h"
#include "runtime/methodobject.h"
#include "runtime/moduleobject.h"
#include "runtime/fileobject.h"
#include "runtime/exceptions.h"
#include "runtime/traceback.h"
#include "runtime/frameobject.h"
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <limits.h>
#include <float.h>

#define PYHEAP_VERSION "0.1.0"

/* ================================================================ version_info */

static const char *const vi_fields[] = {"major", "minor", "micro", "releaselevel", "serial"};

/* A named field of a struct sequence: a read-only member on its tuple item i (CPython's
** structseq members; assigning says "readonly attribute"). */
#define SEQ_FIELD(name, i)                                                               \
    {name, MEMBER_OBJECT, (ssize_t)(offsetof(TupleObject, items) + (i) * sizeof(Object *)), \
     MEMBER_READONLY, NULL}

static Object *
vi_repr(Object *self)
{
    StrBuilder b;
    sb_init(&b);
    sb_puts(&b, "sys.version_info(");
    for (int i = 0; i < 5; i++) {
        if (i)
            sb_puts(&b, ", ");
        sb_puts(&b, vi_fields[i]);
        sb_putc(&b, '=');
        if (sb_put_repr(&b, TUPLE_GET(self, i)) < 0) {
            sb_discard(&b);
            return NULL;
        }
    }
    sb_putc(&b, ')');
    return sb_finish(&b);
}

static const MemberDef vi_members[] = {
    SEQ_FIELD("major", 0), SEQ_FIELD("minor", 1), SEQ_FIELD("micro", 2),
    SEQ_FIELD("releaselevel", 3), SEQ_FIELD("serial", 4), {NULL, 0, 0, 0, NULL},
};

static TypeObject version_info_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "sys.version_info",
    .basicsize = offsetof(TupleObject, items),
    .itemsize = sizeof(Object *),
    .flags = TPFLAG_GC | TPFLAG_TUPLE_SUBCLASS,
    .base = &tuple_type,
    .repr = vi_repr,
    .members = vi_members,
};

static Object *
make_version_info(void)
{
    Object *t = obj_alloc(&version_info_type, 5);
    if (!t)
        return NULL;
    TUPLE_SET(t, 0, int_from_long(3));
    TUPLE_SET(t, 1, int_from_long(11));
    TUPLE_SET(t, 2, int_from_long(7));
    TUPLE_SET(t, 3, str_from_cstr("final"));
    TUPLE_SET(t, 4, int_from_long(0));
    for (int i = 0; i < 5; i++)
        if (!TUPLE_GET(t, i)) {
            decref(t);
            return NULL;
        }
    gc_track(t);
    return t;
}

/* ================================================================ float_info, int_info */

/* Struct sequences like version_info: a tuple subtype with named read-only fields and
** the repr "sys.name(field=value, ...)". */
static Object *
seq_repr(Object *self, const char *const *fields)
{
    StrBuilder b;
    sb_init(&b);
    sb_puts(&b, TYPE(self)->name);
    sb_putc(&b, '(');
    for (ssize_t i = 0; i < TUPLE_LEN(self); i++) {
        if (i)
            sb_puts(&b, ", ");
        sb_puts(&b, fields[i]);
        sb_putc(&b, '=');
        if (sb_put_repr(&b, TUPLE_GET(self, i)) < 0) {
            sb_discard(&b);
            return NULL;
        }
    }
    sb_putc(&b, ')');
    return sb_finish(&b);
}

static const char *const fi_fields[] = {"max", "max_exp", "max_10_exp", "min", "min_exp",
                                        "min_10_exp", "dig", "mant_dig", "epsilon", "radix",
                                        "rounds"};
static const char *const ii_fields[] = {"bits_per_digit", "sizeof_digit",
                                        "default_max_str_digits", "str_digits_check_threshold"};

static Object *
fi_repr(Object *self)
{
    return seq_repr(self, fi_fields);
}

static Object *
ii_repr(Object *self)
{
    return seq_repr(self, ii_fields);
}

static const MemberDef fi_members[] = {
    SEQ_FIELD("max", 0), SEQ_FIELD("max_exp", 1), SEQ_FIELD("max_10_exp", 2),
    SEQ_FIELD("min", 3), SEQ_FIELD("min_exp", 4), SEQ_FIELD("min_10_exp", 5),
    SEQ_FIELD("dig", 6), SEQ_FIELD("mant_dig", 7), SEQ_FIELD("epsilon", 8),
    SEQ_FIELD("radix", 9), SEQ_FIELD("rounds", 10), {NULL, 0, 0, 0, NULL},
};
static const MemberDef ii_members[] = {
    SEQ_FIELD("bits_per_digit", 0), SEQ_FIELD("sizeof_digit", 1),
    SEQ_FIELD("default_max_str_digits", 2), SEQ_FIELD("str_digits_check_threshold", 3),
    {NULL, 0, 0, 0, NULL},
};

static TypeObject float_info_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "sys.float_info",
    .basicsize = offsetof(TupleObject, items),
    .itemsize = sizeof(Object *),
    .flags = TPFLAG_GC | TPFLAG_TUPLE_SUBCLASS,
    .base = &tuple_type,
    .repr = fi_repr,
    .members = fi_members,
};

static TypeObject int_info_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "sys.int_info",
    .basicsize = offsetof(TupleObject, items),
    .itemsize = sizeof(Object *),
    .flags = TPFLAG_GC | TPFLAG_TUPLE_SUBCLASS,
    .base = &tuple_type,
    .repr = ii_repr,
    .members = ii_members,
};

/* A struct sequence of type t from n new references (NULL items make it fail). */
static Object *
make_seq(TypeObject *t, int n, Object **items)
{
    Object *s = obj_alloc(t, n);
    for (int i = 0; i < n; i++) {
        if (s && items[i])
            TUPLE_SET(s, i, items[i]);
        else
            xdecref(items[i]);
    }
    if (!s)
        return NULL;
    for (int i = 0; i < n; i++)
        if (!TUPLE_GET(s, i)) {
            decref(s);
            return NULL;
        }
    gc_track(s);
    return s;
}

static Object *
make_float_info(void)
{
    Object *v[11] = {float_from_double(DBL_MAX), int_from_long(DBL_MAX_EXP),
                     int_from_long(DBL_MAX_10_EXP), float_from_double(DBL_MIN),
                     int_from_long(DBL_MIN_EXP), int_from_long(DBL_MIN_10_EXP),
                     int_from_long(DBL_DIG), int_from_long(DBL_MANT_DIG),
                     float_from_double(DBL_EPSILON), int_from_long(FLT_RADIX),
                     int_from_long(FLT_ROUNDS)};
    return make_seq(&float_info_type, 11, v);
}

static Object *
make_int_info(void)
{
    Object *v[4] = {int_from_long(30), int_from_long(4), int_from_long(4300),
                    int_from_long(640)};
    return make_seq(&int_info_type, 4, v);
}

/* ================================================================ simple namespace */

typedef struct NamespaceObject {
    OBJECT_HEAD;
    Object *dict;
} NamespaceObject;

static void
ns_dealloc(Object *o)
{
    gc_untrack(o);
    xdecref(((NamespaceObject *)o)->dict);
    obj_free(o);
}

static int
ns_traverse(Object *o, visitproc visit, void *arg)
{
    OBJ_VISIT(((NamespaceObject *)o)->dict);
    return 0;
}

static Object *
ns_repr(Object *o)
{
    NamespaceObject *ns = (NamespaceObject *)o;
    StrBuilder b;
    sb_init(&b);
    sb_puts(&b, "namespace(");
    ssize_t pos = 0;
    Object *k, *v;
    int first = 1;
    while (ns->dict && dict_next(ns->dict, &pos, &k, &v)) {
        if (!first)
            sb_puts(&b, ", ");
        first = 0;
        sb_put_str(&b, k);
        sb_putc(&b, '=');
        if (sb_put_repr(&b, v) < 0) {
            sb_discard(&b);
            return NULL;
        }
    }
    sb_putc(&b, ')');
    return sb_finish(&b);
}

static TypeObject namespace_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "types.SimpleNamespace",
    .basicsize = sizeof(NamespaceObject),
    .flags = TPFLAG_GC,
    .dealloc = ns_dealloc,
    .traverse = ns_traverse,
    .repr = ns_repr,
    .getattro = obj_generic_getattr,
    .setattro = obj_generic_setattr,
    .dictoffset = offsetof(NamespaceObject, dict),
};

/* ================================================================ functions */

static Object *
sys_exit(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_check_count("exit", (size_t)nargs, 0, 1) < 0)
        return NULL;
    err_set_object(exc_SystemExit, nargs ? args[0] : NULL);
    return NULL;
}

static Object *
sys_getrecursionlimit(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return int_from_long(rt.recursion_limit);
}

static Object *
sys_setrecursionlimit(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (!INT_CHECK(args[0]))
        return err_format(exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          TYPE(args[0])->name);
    int overflow = 0;
    long v = int_as_long_and_overflow(args[0], &overflow);
    if (overflow || v > INT_MAX)
        return err_set(exc_OverflowError, "Python int too large to convert to C int");
    if (v < 1)
        return err_set(exc_ValueError, "recursion limit must be greater or equal than 1");
    if (v <= rt.recursion_depth)
        return err_format(exc_RecursionError,
                          "cannot set the recursion limit to %ld at the recursion depth %d: the "
                          "limit is too low",
                          v, rt.recursion_depth);
    rt.recursion_limit = (int)v;
    return newref(None);
}

static Object *
sys_getrefcount(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (TYPE(args[0]) == &str_type)
        str_startup_adjust(args[0]);
    return int_from_ssize(REFCNT(args[0]));
}

ssize_t sys_getsizeof_impl(Object *o);
ssize_t
sys_getsizeof_impl(Object *o)
{
    Object *r = type_call_special(o, ID(__sizeof__), NULL, 0);
    if (!r) {
        if (err_matches(exc_AttributeError) && !type_lookup(TYPE(o), ID(__sizeof__))) {
            err_clear();
            err_format(exc_TypeError, "Type %s doesn't define __sizeof__", TYPE(o)->name);
        }
        return -1;
    }
    ssize_t size = num_as_ssize(r, exc_OverflowError);
    decref(r);
    if (size == -1 && err_occurred())
        return -1;
    if (size < 0) {
        err_set(exc_ValueError, "__sizeof__() should return >= 0");
        return -1;
    }
    /* _PyType_PreHeaderSize of the object's type: a static type counts a GC head too
    ** (type is a GC type), as in CPython 3.11 */
    return size + (ssize_t)obj_presize(TYPE(o));
}

static Object *sys_getsizeof_args(Object *const *args, ssize_t nargs, Object *kwnames);

static Object *
sys_getsizeof(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    /* METH_VARARGS in CPython: its argument tuple counts in gc's generation 0 */
    Object *argstuple, *kwdict;
    if (arg_pack_like_cpython(args, (size_t)nargs, kwnames, &argstuple, &kwdict) < 0)
        return NULL;
    Object *r = sys_getsizeof_args(args, nargs, kwnames);
    decref(argstuple);
    xdecref(kwdict);
    return r;
}

static Object *
sys_getsizeof_args(Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"object", "default", NULL};
    Object *v[2];
    if (arg_parse("getsizeof", args, (size_t)nargs, kwnames, names, 0, 0, 1, v) < 0)
        return NULL;
    ssize_t n = sys_getsizeof_impl(v[0]);
    if (n < 0) {
        if (v[1] && err_matches(exc_TypeError)) {
            err_clear();
            return newref(v[1]);
        }
        return NULL;
    }
    return int_from_ssize(n);
}

static Object *
sys_intern(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *s = args[0];
    if (!STR_CHECK(s))
        return err_format(exc_TypeError, "intern() argument must be str, not %s", TYPE(s)->name);
    if (!STR_CHECK_EXACT(s))
        return err_format(exc_TypeError, "can't intern %s", TYPE(s)->name);
    Object *r = newref(s);
    str_intern_inplace(&r);
    return r;
}

void float_debug_stats(void *out);
void list_debug_stats(void *out);
void dict_debug_stats(void *out);
void tuple_debug_stats(void *out);

void sys_debugmallocstats_to(FILE *out);
void
sys_debugmallocstats_to(FILE *out)
{
    file_flush_stdout();
    if (heap_print_stats(out))
        fputc('\n', out);
    dict_debug_stats(out);
    float_debug_stats(out);
    list_debug_stats(out);
    tuple_debug_stats(out);
    fflush(out);
}

static Object *
sys_debugmallocstats(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    sys_debugmallocstats_to(stderr);
    return newref(None);
}

static Object *
sys_exc_info(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *e = NULL;
    for (ExcInfo *ei = rt.exc_info; ei; ei = ei->previous)
        if (ei->exc_value && ei->exc_value != None) {
            e = ei->exc_value;
            break;
        }
    if (!e)
        return tuple_pack(3, None, None, None);
    Object *tb = EXC(e)->traceback;
    return tuple_pack(3, TYPE(e), e, tb ? tb : None);
}

static Object *
sys_exception(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    for (ExcInfo *ei = rt.exc_info; ei; ei = ei->previous)
        if (ei->exc_value && ei->exc_value != None)
            return newref(ei->exc_value);
    return newref(None);
}

static Object *
sys_displayhook(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *o = args[0];
    import_spec_probe(rt.builtins_module);      /* CPython's PyImport_GetModule(builtins) */
    if (o == None)
        return newref(None);
    Object *bi = rt.builtins;
    /* CPython sets builtins._ with PyObject_SetAttr: the module type's attribute lookup
    ** leaves '_' in the method cache (a reference) */
    type_lookup(TYPE(rt.builtins_module), ID(_));
    if (dict_setitem(bi, ID(_), None) < 0)
        return NULL;
    Object *out = dict_getitem(rt.sys_dict, ID(stdout));
    if (!out || out == None)
        return err_set(exc_RuntimeError, "lost sys.stdout");
    Object *r = obj_repr(o);
    if (!r)
        return NULL;
    int ok = file_write_str(out, r) == 0 && file_write_cstr(out, "\n") == 0;
    decref(r);
    if (!ok)
        return NULL;
    if (dict_setitem(bi, ID(_), o) < 0)
        return NULL;
    return newref(None);
}

static Object *
sys_excepthook(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_check_count("excepthook", (size_t)nargs, 3, 3) < 0)
        return NULL;
    /* PyErr_Display: the text goes to sys.stderr (nothing when it is None) */
    Object *file = dict_getitem(rt.sys_dict, ID(stderr));
    if (file == None)
        return newref(None);
    file_flush_stdout();
    char *text = NULL;
    size_t len = 0;
    FILE *mem = file ? open_memstream(&text, &len) : NULL;
    if (!mem) {
        if (!file)
            fputs("lost sys.stderr\n", stderr);
        tb_print_exception(args[1], stderr);
        fflush(stderr);
        return newref(None);
    }
    tb_print_exception(args[1], mem);
    fclose(mem);
    incref(file);
    int r = file_write_cstr(file, text ? text : "");
    free(text);
    if (r < 0) {
        decref(file);
        return NULL;
    }
    Object *fr = obj_call_method(file, "flush", NULL, 0);
    decref(file);
    if (fr)
        decref(fr);
    else
        err_clear();            /* file.flush() errors are silently ignored */
    return newref(None);
}

static Object *
sys_get_int_max_str_digits(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return int_from_long(int_max_str_digits);
}

static Object *
sys_set_int_max_str_digits(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"maxdigits", NULL};
    Object *v[1];
    if (arg_parse_clinic("set_int_max_str_digits", args, (size_t)nargs, kwnames, names, 0, 0, 1,
                         v) < 0)
        return NULL;
    ssize_t n = num_as_ssize(v[0], exc_OverflowError);
    if (n == -1 && err_occurred())
        return NULL;
    if (n != 0 && n < INT_MAX_STR_DIGITS_THRESHOLD)
        return err_format(exc_ValueError, "maxdigits must be 0 or larger than %d",
                          INT_MAX_STR_DIGITS_THRESHOLD);
    int_max_str_digits = (int)n;
    return newref(None);
}

static Object *
sys_getdefaultencoding(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return str_from_cstr("utf-8");
}

static Object *
sys_getframe(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_check_count("_getframe", (size_t)nargs, 0, 1) < 0)
        return NULL;
    long depth = 0;
    if (nargs) {
        depth = int_as_long(args[0]);
        if (depth == -1 && err_occurred())
            return NULL;
    }
    Frame *f = vm_current_frame();
    while (f && depth > 0) {
        f = f->previous;
        depth--;
    }
    if (!f)
        return err_set(exc_ValueError, "call stack is not deep enough");
    FrameObject *fo = frame_get_object(f);
    return fo ? newref(fo) : NULL;
}

static Object *
sys_settrace(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return newref(None);
}

static Object *
sys_gettrace(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return newref(None);
}

static const MethodDef sys_methods[] = {
    {"exit", sys_exit, METH_VARARGS, NULL},
    {"getrecursionlimit", sys_getrecursionlimit, METH_NOARGS, NULL},
    {"setrecursionlimit", sys_setrecursionlimit, METH_O, NULL},
    {"getrefcount", sys_getrefcount, METH_O, NULL},
    {"getsizeof", sys_getsizeof, METH_VARARGS | METH_KEYWORDS, NULL},
    {"intern", sys_intern, METH_O, NULL},
    {"_debugmallocstats", sys_debugmallocstats, METH_NOARGS, NULL},
    {"exc_info", sys_exc_info, METH_NOARGS, NULL},
    {"exception", sys_exception, METH_NOARGS, NULL},
    {"displayhook", sys_displayhook, METH_O, NULL},
    {"excepthook", sys_excepthook, METH_VARARGS, NULL},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, METH_NOARGS, NULL},
    {"set_int_max_str_digits", sys_set_int_max_str_digits, METH_VARARGS | METH_KEYWORDS, NULL},
    {"getdefaultencoding", sys_getdefaultencoding, METH_NOARGS, NULL},
    {"getfilesystemencoding", sys_getdefaultencoding, METH_NOARGS, NULL},
    {"_getframe", sys_getframe, METH_VARARGS, NULL},
    {"settrace", sys_settrace, METH_O, NULL},
    {"setprofile", sys_settrace, METH_O, NULL},
    {"gettrace", sys_gettrace, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static int
add_str(Object *d, const char *name, const char *v)
{
    Object *s = str_from_cstr(v);
    if (!s)
        return -1;
    int r = dict_setitem_str(d, name, s);
    decref(s);
    return r;
}

static int
add_take(Object *d, const char *name, Object *v)
{
    if (!v)
        return -1;
    int r = dict_setitem_str(d, name, v);
    decref(v);
    return r;
}

void
sysmodule_set_argv(int argc, char **argv, const char *path0)
{
    Object *l = list_new(0);
    for (int i = 0; l && i < argc; i++) {
        Object *s = str_from_cstr(argv[i]);
        if (!s || list_append_take(l, s) < 0) {
            err_clear();
            break;
        }
    }
    if (l && argc == 0) {
        Object *s = str_empty();
        list_append_take(l, s);
    }
    if (l) {
        dict_setitem_str(rt.sys_dict, "argv", l);
        decref(l);
    }
    Object *path = dict_getitem_str(rt.sys_dict, "path");
    if (path && LIST_CHECK(path)) {
        Object *s = str_from_cstr(path0 ? path0 : "");
        if (s) {
            list_insert(path, 0, s);
            decref(s);
        }
    }
    err_clear();
}

Object *
sysmodule_init(int argc, char **argv)
{
    if (type_ready(&version_info_type) < 0 || type_ready(&namespace_type) < 0 ||
        type_ready(&float_info_type) < 0 || type_ready(&int_info_type) < 0)
        return NULL;
    Object *m = module_new("sys");
    if (!m)
        return NULL;
    Object *d = module_get_dict(m);
    rt.sys_module = m;
    rt.sys_dict = d;
    if (module_add_functions(m, sys_methods) < 0)
        goto fail;
    /* the originals stay reachable as sys.__displayhook__ / sys.__excepthook__ */
    if (dict_setitem_str(d, "__displayhook__", dict_getitem_str(d, "displayhook")) < 0 ||
        dict_setitem_str(d, "__excepthook__", dict_getitem_str(d, "excepthook")) < 0)
        goto fail;
    Object *in = file_new_std(0, "<stdin>", 1), *out = file_new_std(1, "<stdout>", 1),
           *err = file_new_std(2, "<stderr>", 0);
    if (!in || !out || !err)
        goto fail;
    if (dict_setitem_str(d, "stdin", in) < 0 || dict_setitem_str(d, "stdout", out) < 0 ||
        dict_setitem_str(d, "stderr", err) < 0 || dict_setitem_str(d, "__stdin__", in) < 0 ||
        dict_setitem_str(d, "__stdout__", out) < 0 || dict_setitem_str(d, "__stderr__", err) < 0)
        goto fail;
    decref(in);
    decref(out);
    /* CPython's start-up (site) imports threading, whose _MainThread keeps a reference to
    ** sys.stderr (Thread._stderr) until the end: kept with the runtime's roots instead */
    rt_keep(err);
    if (dict_setitem_str(d, "modules", rt.modules) < 0)
        goto fail;
    if (add_take(d, "path", list_new(0)) < 0 || add_take(d, "argv", list_new(0)) < 0 ||
        add_take(d, "warnoptions", list_new(0)) < 0 || add_take(d, "meta_path", list_new(0)) < 0)
        goto fail;
    if (add_str(d, "version", "3.11.7 (pyheap " PYHEAP_VERSION ")") < 0 ||
        add_str(d, "platform", "linux") < 0 || add_str(d, "byteorder", "little") < 0 ||
        add_str(d, "float_repr_style", "short") < 0 ||
        add_str(d, "copyright", "pyheap: a CPython 3.11-compatible heap for learning.") < 0)
        goto fail;
    if (add_take(d, "version_info", make_version_info()) < 0 ||
        add_take(d, "float_info", make_float_info()) < 0 ||
        add_take(d, "int_info", make_int_info()) < 0 ||
        add_take(d, "maxsize", int_from_ssize(SSIZE_MAX)) < 0 ||
        add_take(d, "maxunicode", int_from_long(0x10FFFF)) < 0 ||
        add_take(d, "hexversion", int_from_long(0x030b07f0)) < 0 ||
        add_take(d, "api_version", int_from_long(1013)) < 0)
        goto fail;
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[n > 0 ? n : 0] = 0;
    if (add_str(d, "executable", exe) < 0 || add_str(d, "prefix", "/usr/local") < 0 ||
        add_str(d, "exec_prefix", "/usr/local") < 0)
        goto fail;
    /* implementation */
    NamespaceObject *impl = (NamespaceObject *)obj_alloc(&namespace_type, 0);
    if (!impl)
        goto fail;
    impl->dict = dict_new();
    gc_track((Object *)impl);
    if (!impl->dict || add_str(impl->dict, "name", "pyheap") < 0 ||
        add_str(impl->dict, "cache_tag", "pyheap-311") < 0 ||
        dict_setitem_str(impl->dict, "version", dict_getitem_str(d, "version_info")) < 0 ||
        add_take(impl->dict, "hexversion", int_from_long(0x000100f0)) < 0) {
        decref(impl);
        goto fail;
    }
    if (add_take(d, "implementation", (Object *)impl) < 0)
        goto fail;
    Object *names = tuple_new(5);
    if (!names)
        goto fail;
    const char *bn[] = {"builtins", "gc", "math", "sys", "time"};
    for (int i = 0; i < 5; i++)
        TUPLE_SET(names, i, str_from_cstr(bn[i]));
    if (add_take(d, "builtin_module_names", names) < 0)
        goto fail;
    Object *orig = list_new(0);
    for (int i = 0; orig && i < argc; i++) {
        Object *s = str_from_cstr(argv[i]);
        if (s)
            list_append_take(orig, s);
    }
    if (add_take(d, "orig_argv", orig) < 0)
        goto fail;
    return m;
fail:
    decref(m);
    return NULL;
}
