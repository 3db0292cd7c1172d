/*
** gcmodule.c -- the Python-level 'gc' module over gc.c: enable/disable, collect,
** thresholds, counts, stats, debug flags, garbage, callbacks, object introspection
** (get_objects, get_referrers, get_referents, is_tracked, is_finalized) and freeze.
** Argument handling and error messages are CPython 3.11's (Argument Clinic converters
** for collect/set_debug/get_objects, PyArg_ParseTuple("i|ii") for set_threshold).
*/
#include "modules.h"
#include "gc.h"
#include "error.h"
#include "state.h"
#include "intobject.h"
#include "floatobject.h"
#include "strobject.h"
#include "tupleobject.h"
#include "listobject.h"
#include "dictobject.h"
#include "typeobject.h"
#include "methodobject.h"
#include "moduleobject.h"

/* ================================================================ argument conversion */

/* The clinic 'int' converter (_PyLong_AsInt). */
static int
arg_c_int(Object *o, int *out)
{
    Object *v = num_index(o);
    if (!v)
        return -1;
    int overflow = 0;
    long r = int_as_long_and_overflow(v, &overflow);
    decref(v);
    if (overflow || r > INT_MAX || r < INT_MIN) {
        err_set(exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)r;
    return 0;
}

/* PyArg_ParseTuple's "i". */
static int
arg_tuple_int(Object *o, int *out)
{
    if (FLOAT_CHECK(o)) {
        err_set(exc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    Object *v = num_index(o);
    if (!v)
        return -1;
    long r = int_as_long(v);
    decref(v);
    if (r == -1 && err_occurred()) {
        if (err_matches(exc_OverflowError)) {
            err_clear();
            err_set(exc_OverflowError, "Python int too large to convert to C long");
        }
        return -1;
    }
    if (r > INT_MAX) {
        err_set(exc_OverflowError, "signed integer is greater than maximum");
        return -1;
    }
    if (r < INT_MIN) {
        err_set(exc_OverflowError, "signed integer is less than minimum");
        return -1;
    }
    *out = (int)r;
    return 0;
}

/* ================================================================ the functions */

static Object *
gcm_enable(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    gc_set_enabled(1);
    return newref(None);
}

static Object *
gcm_disable(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    gc_set_enabled(0);
    return newref(None);
}

static Object *
gcm_isenabled(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bool_from(gc_is_enabled());
}

static Object *
gcm_collect(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"generation", NULL};
    Object *v[1];
    if (arg_parse_clinic("collect", args, (size_t)nargs, kwnames, names, 0, 0, 0, v) < 0)
        return NULL;
    int gen = GC_NUM_GENERATIONS - 1;
    if (v[0] && arg_c_int(v[0], &gen) < 0)
        return NULL;
    if (gen < 0 || gen >= GC_NUM_GENERATIONS)
        return err_set(exc_ValueError, "invalid generation");
    return int_from_ssize(gc_collect(gen));
}

static Object *
int_triple(int a, int b, int c)
{
    Object *x = int_from_long(a), *y = int_from_long(b), *z = int_from_long(c);
    Object *r = x && y && z ? tuple_pack(3, x, y, z) : NULL;
    xdecref(x);
    xdecref(y);
    xdecref(z);
    return r;
}

static Object *
gcm_get_threshold(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return int_triple(gc_get_threshold(0), gc_get_threshold(1), gc_get_threshold(2));
}

static Object *
gcm_set_threshold(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (kw && TUPLE_LEN(kw))
        return err_set(exc_TypeError, "set_threshold() takes no keyword arguments");
    if (nargs < 1)
        return err_format(exc_TypeError, "set_threshold() takes at least 1 argument (%zd given)",
                          nargs);
    if (nargs > 3)
        return err_format(exc_TypeError, "set_threshold() takes at most 3 arguments (%zd given)",
                          nargs);
    /* as PyArg_ParseTuple: each threshold is stored as soon as it is converted */
    for (ssize_t i = 0; i < nargs; i++) {
        int v;
        if (arg_tuple_int(args[i], &v) < 0)
            return NULL;
        gc_set_threshold((int)i, v);
    }
    return newref(None);
}

static Object *
gcm_get_count(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return int_triple(gc_get_count(0), gc_get_count(1), gc_get_count(2));
}

static Object *
gcm_get_stats(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *l = list_new(0);
    if (!l)
        return NULL;
    for (int g = 0; g < GC_NUM_GENERATIONS; g++) {
        ssize_t c1, c2, c3;
        gc_get_stats(g, &c1, &c2, &c3);
        Object *d = dict_new();
        Object *a = int_from_ssize(c1), *b = int_from_ssize(c2), *c = int_from_ssize(c3);
        int ok = d && a && b && c && dict_setitem_str(d, "collections", a) == 0 &&
                 dict_setitem_str(d, "collected", b) == 0 &&
                 dict_setitem_str(d, "uncollectable", c) == 0 && list_append(l, d) == 0;
        xdecref(d);
        xdecref(a);
        xdecref(b);
        xdecref(c);
        if (!ok) {
            decref(l);
            return NULL;
        }
    }
    return l;
}

static Object *
gcm_set_debug(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    int v;
    if (arg_c_int(args[0], &v) < 0)
        return NULL;
    gc_set_debug(v);
    return newref(None);
}

static Object *
gcm_get_debug(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return int_from_long(gc_get_debug());
}

/* ---------------------------------------------------------------- introspection */

typedef struct {
    Object *list;               /* the result (never reported as a referrer/object) */
    Object *const *targets;     /* get_referrers: the objects looked for */
    ssize_t ntargets;
    Object *argstuple;          /* get_referrers: its own argument tuple, not reported */
} RefCtx;

static int
collect_obj(Object *o, void *arg)
{
    RefCtx *ctx = arg;
    if (o == ctx->list)
        return 0;
    return list_append(ctx->list, o) < 0 ? -1 : 0;
}

static Object *
gcm_get_objects(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"generation", NULL};
    Object *v[1];
    if (arg_parse_clinic("get_objects", args, (size_t)nargs, kwnames, names, 0, 0, 0, v) < 0)
        return NULL;
    ssize_t gen = -1;   /* None; as in CPython, an explicit -1 means "all" too */
    if (v[0] && v[0] != None) {
        if (!index_check(v[0]))
            return err_format(exc_TypeError, "argument should be integer or None, not '%s'",
                              TYPE(v[0])->name);
        gen = num_as_ssize(v[0], exc_OverflowError);
        if (gen == -1 && err_occurred())
            return NULL;
    }
    if (gen >= GC_NUM_GENERATIONS)
        return err_format(exc_ValueError, "generation parameter must be less than the number "
                                          "of available generations (%d)",
                          GC_NUM_GENERATIONS);
    if (gen < -1)
        return err_set(exc_ValueError, "generation parameter cannot be negative");
    RefCtx ctx = {list_new(0), NULL, 0, NULL};
    if (!ctx.list)
        return NULL;
    for (int g = 0; g < GC_NUM_GENERATIONS; g++) {
        if (gen != -1 && g != gen)
            continue;
        if (gc_foreach(g, collect_obj, &ctx) < 0) {
            decref(ctx.list);
            return NULL;
        }
    }
    return ctx.list;
}

static int
referrer_visit(Object *o, void *arg)
{
    RefCtx *ctx = arg;
    for (ssize_t i = 0; i < ctx->ntargets; i++)
        if (o == ctx->targets[i])
            return 1;
    return 0;
}

static int
referrer_scan(Object *o, void *arg)
{
    RefCtx *ctx = arg;
    if (o == ctx->list || o == ctx->argstuple)
        return 0;
    traverseproc t = TYPE(o)->traverse;
    if (t && t(o, referrer_visit, ctx) && list_append(ctx->list, o) < 0)
        return -1;
    return 0;
}

static Object *
gcm_get_referrers(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    /* METH_VARARGS in CPython: the argument tuple is made, and skipped by the scan */
    Object *argstuple, *kwdict;
    if (arg_pack_like_cpython(args, (size_t)nargs, kw, &argstuple, &kwdict) < 0)
        return NULL;
    if (kw && TUPLE_LEN(kw)) {
        decref(argstuple);
        xdecref(kwdict);
        return err_set(exc_TypeError, "get_referrers() takes no keyword arguments");
    }
    RefCtx ctx = {list_new(0), args, nargs, argstuple};
    for (int g = 0; ctx.list && g < GC_NUM_GENERATIONS; g++)
        if (gc_foreach(g, referrer_scan, &ctx) < 0)
            CLEAR(ctx.list);
    decref(argstuple);
    return ctx.list;
}

static int
referent_visit(Object *o, void *arg)
{
    return list_append(((RefCtx *)arg)->list, o) < 0 ? -1 : 0;
}

static Object *
gcm_get_referents(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (kw && TUPLE_LEN(kw))
        return err_set(exc_TypeError, "get_referents() takes no keyword arguments");
    RefCtx ctx = {list_new(0), NULL, 0, NULL};
    if (!ctx.list)
        return NULL;
    for (ssize_t i = 0; i < nargs; i++) {
        Object *o = args[i];
        if (!OBJ_IS_GC(o))
            continue;
        traverseproc t = TYPE(o)->traverse;
        if (t && t(o, referent_visit, &ctx)) {
            decref(ctx.list);
            return NULL;
        }
    }
    return ctx.list;
}

static Object *
gcm_is_tracked(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *o = args[0];
    return bool_from(OBJ_IS_GC(o) && gc_is_tracked(o));
}

static Object *
gcm_is_finalized(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *o = args[0];
    return bool_from(OBJ_IS_GC(o) && gc_is_finalized(o));
}

static Object *
gcm_freeze(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    gc_freeze();
    return newref(None);
}

static Object *
gcm_unfreeze(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    gc_unfreeze();
    return newref(None);
}

static Object *
gcm_get_freeze_count(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return int_from_ssize(gc_gen_size_shown(GC_NUM_GENERATIONS));
}

#define VA (METH_VARARGS | METH_KEYWORDS)

static const MethodDef gc_methods[] = {
    {"enable", gcm_enable, METH_NOARGS, "Enable automatic garbage collection."},
    {"disable", gcm_disable, METH_NOARGS, "Disable automatic garbage collection."},
    {"isenabled", gcm_isenabled, METH_NOARGS,
     "Returns true if automatic garbage collection is enabled."},
    {"collect", gcm_collect, VA, "Run the garbage collector."},
    {"get_threshold", gcm_get_threshold, METH_NOARGS,
     "Return the current collection thresholds."},
    {"set_threshold", gcm_set_threshold, VA | METH_TUPLE, "Set the collection thresholds."},
    {"get_count", gcm_get_count, METH_NOARGS,
     "Return a three-tuple of the current collection counts."},
    {"get_stats", gcm_get_stats, METH_NOARGS,
     "Return a list of dictionaries containing per-generation statistics."},
    {"set_debug", gcm_set_debug, METH_O, "Set the garbage collection debugging flags."},
    {"get_debug", gcm_get_debug, METH_NOARGS, "Get the garbage collection debugging flags."},
    {"get_objects", gcm_get_objects, VA,
     "Return a list of objects tracked by the collector (excluding the list returned)."},
    {"get_referrers", gcm_get_referrers, VA,
     "Return the list of objects that directly refer to any of objs."},
    {"get_referents", gcm_get_referents, VA | METH_TUPLE,
     "Return the list of objects that are directly referred to by objs."},
    {"is_tracked", gcm_is_tracked, METH_O,
     "Returns true if the object is tracked by the garbage collector."},
    {"is_finalized", gcm_is_finalized, METH_O,
     "Returns true if the object has been already finalized by the GC."},
    {"freeze", gcm_freeze, METH_NOARGS,
     "Freeze all current tracked objects and ignore them for future collections."},
    {"unfreeze", gcm_unfreeze, METH_NOARGS, "Unfreeze all objects in the permanent generation."},
    {"get_freeze_count", gcm_get_freeze_count, METH_NOARGS,
     "Return the number of objects in the permanent generation."},
    {NULL, NULL, 0, NULL},
};

static const char gc_doc[] =
    "This module provides access to the garbage collector for reference cycles.\n"
    "\n"
    "enable() -- Enable automatic garbage collection.\n"
    "disable() -- Disable automatic garbage collection.\n"
    "isenabled() -- Returns true if automatic collection is enabled.\n"
    "collect() -- Do a full collection right now.\n"
    "get_count() -- Return the current collection counts.\n"
    "get_stats() -- Return list of dictionaries containing per-generation stats.\n"
    "set_debug() -- Set debugging flags.\n"
    "get_debug() -- Get debugging flags.\n"
    "set_threshold() -- Set the collection thresholds.\n"
    "get_threshold() -- Return the current the collection thresholds.\n"
    "get_objects() -- Return a list of all objects tracked by the collector.\n"
    "is_tracked() -- Returns true if a given object is tracked.\n"
    "is_finalized() -- Returns true if a given object has been already finalized.\n"
    "get_referrers() -- Return the list of objects that refer to an object.\n"
    "get_referents() -- Return the list of objects that an object refers to.\n"
    "freeze() -- Freeze all tracked objects and ignore them for future collections.\n"
    "unfreeze() -- Unfreeze all objects in the permanent generation.\n"
    "get_freeze_count() -- Return the number of objects in the permanent generation.\n";

Object *
gcmodule_init(void)
{
    Object *m = module_new("gc");
    if (!m)
        return NULL;
    Object *doc = str_from_cstr(gc_doc);
    int rd = doc ? module_add_object(m, "__doc__", doc) : -1;
    xdecref(doc);
    Object *garbage = gc_garbage_list(), *callbacks = gc_callbacks_list();
    if (rd < 0 || !garbage || !callbacks || module_add_functions(m, gc_methods) < 0 ||
        module_add_int(m, "DEBUG_STATS", GC_DEBUG_STATS) < 0 ||
        module_add_int(m, "DEBUG_COLLECTABLE", GC_DEBUG_COLLECTABLE) < 0 ||
        module_add_int(m, "DEBUG_UNCOLLECTABLE", GC_DEBUG_UNCOLLECTABLE) < 0 ||
        module_add_int(m, "DEBUG_SAVEALL", GC_DEBUG_SAVEALL) < 0 ||
        module_add_int(m, "DEBUG_LEAK", GC_DEBUG_LEAK) < 0 ||
        module_add_object(m, "garbage", garbage) < 0 ||
        module_add_object(m, "callbacks", callbacks) < 0) {
        decref(m);
        return NULL;
    }
    return m;
}
