/*
** gcmodule.c -- the Python-level 'gc' module over gc.c: enable/disable, collect,
** thresholds, counts, stats, debug flags, garbage, callbacks, object introspection
** (get_objects, get_referrers, get_referents, is_tracked, is_finalized) and freeze.
*/
#include "modules.h"
#include "gc.h"
#include "error.h"
#include "state.h"
#include "intobject.h"
#include "strobject.h"
#include "tupleobject.h"
#include "listobject.h"
#include "dictobject.h"
#include "typeobject.h"
#include "methodobject.h"
#include "moduleobject.h"

Object *gc_garbage_list(void);
Object *gc_callbacks_list(void);
void gc_get_stats(int gen, ssize_t *collections, ssize_t *collected, ssize_t *uncollectable);
int gc_foreach(int gen, int (*fn)(Object *, void *), void *arg);
void gc_freeze(void);
void gc_unfreeze(void);

static Object *
gc_enable(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    gc_set_enabled(1);
    return newref(None);
}

static Object *
gc_disable(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    gc_set_enabled(0);
    return newref(None);
}

static Object *
gc_isenabled(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bool_from(gc_is_enabled());
}

static Object *
gcm_collect(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"generation", NULL};
    Object *v[1];
    if (arg_parse("collect", args, (size_t)nargs, kwnames, names, 0, 0, 0, v) < 0)
        return NULL;
    long gen = 2;
    if (v[0]) {
        if (!INT_CHECK(v[0]))
            return err_format(exc_TypeError, "'%s' object cannot be interpreted as an integer",
                              TYPE(v[0])->name);
        gen = int_as_long(v[0]);
        if (gen == -1 && err_occurred())
            return NULL;
    }
    if (gen < 0 || gen >= GC_NUM_GENERATIONS)
        return err_set(exc_ValueError, "invalid generation");
    ssize_t n = gc_collect((int)gen);
    if (err_occurred())
        return NULL;
    return int_from_ssize(n < 0 ? 0 : n);
}

static Object *
gcm_get_threshold(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *a = int_from_long(gc_get_threshold(0)), *b = int_from_long(gc_get_threshold(1)),
           *c = int_from_long(gc_get_threshold(2));
    Object *r = a && b && c ? tuple_pack(3, a, b, c) : NULL;
    xdecref(a);
    xdecref(b);
    xdecref(c);
    return r;
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
    int vals[3];
    for (ssize_t i = 0; i < nargs; i++) {
        if (!INT_CHECK(args[i]))
            return err_format(exc_TypeError, "'%s' object cannot be interpreted as an integer",
                              TYPE(args[i])->name);
        long v = int_as_long(args[i]);
        if (v == -1 && err_occurred())
            return NULL;
        vals[i] = (int)v;
    }
    for (ssize_t i = 0; i < nargs; i++)
        gc_set_threshold((int)i, vals[i]);
    return newref(None);
}

static Object *
gcm_get_count(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *a = int_from_long(gc_get_count(0)), *b = int_from_long(gc_get_count(1)),
           *c = int_from_long(gc_get_count(2));
    Object *r = a && b && c ? tuple_pack(3, a, b, c) : NULL;
    xdecref(a);
    xdecref(b);
    xdecref(c);
    return r;
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
        if (!d || !a || !b || !c || dict_setitem_str(d, "collections", a) < 0 ||
            dict_setitem_str(d, "collected", b) < 0 ||
            dict_setitem_str(d, "uncollectable", c) < 0 || list_append(l, d) < 0) {
            xdecref(d);
            xdecref(a);
            xdecref(b);
            xdecref(c);
            decref(l);
            return NULL;
        }
        decref(d);
        decref(a);
        decref(b);
        decref(c);
    }
    return l;
}

static Object *
gcm_set_debug(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (!INT_CHECK(args[0]))
        return err_format(exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          TYPE(args[0])->name);
    long v = int_as_long(args[0]);
    if (v == -1 && err_occurred())
        return NULL;
    gc_set_debug((int)v);
    return newref(None);
}

static Object *
gcm_get_debug(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return int_from_long(gc_get_debug());
}

typedef struct {
    Object *list;
    Object *const *targets;
    ssize_t ntargets;
    Object *current;
    int found;
} RefCtx;

static int
collect_obj(Object *o, void *arg)
{
    RefCtx *ctx = arg;
    /* skip the list we are building */
    if (o == ctx->list)
        return 0;
    return list_append(ctx->list, o) < 0 ? -1 : 0;
}

static Object *
gcm_get_objects(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"generation", NULL};
    Object *v[1];
    if (arg_parse("get_objects", args, (size_t)nargs, kwnames, names, 0, 0, 0, v) < 0)
        return NULL;
    int gen = -1;
    if (v[0] && v[0] != None) {
        long g = int_as_long(v[0]);
        if (g == -1 && err_occurred())
            return NULL;
        if (g >= GC_NUM_GENERATIONS)
            return err_format(exc_ValueError, "generation parameter must be less than the number "
                                              "of available generations (%d)",
                              GC_NUM_GENERATIONS);
        if (g < 0)
            return err_set(exc_ValueError, "generation parameter cannot be negative");
        gen = (int)g;
    }
    RefCtx ctx = {list_new(0), NULL, 0, NULL, 0};
    if (!ctx.list)
        return NULL;
    if (gen < 0) {
        for (int g = 0; g < GC_NUM_GENERATIONS; g++)
            if (gc_foreach(g, collect_obj, &ctx) < 0) {
                decref(ctx.list);
                return NULL;
            }
    } else if (gc_foreach(gen, collect_obj, &ctx) < 0) {
        decref(ctx.list);
        return NULL;
    }
    return ctx.list;
}

static int
referrer_visit(Object *o, void *arg)
{
    RefCtx *ctx = arg;
    for (ssize_t i = 0; i < ctx->ntargets; i++)
        if (o == ctx->targets[i]) {
            ctx->found = 1;
            return 1;
        }
    return 0;
}

static int
referrer_scan(Object *o, void *arg)
{
    RefCtx *ctx = arg;
    if (o == ctx->list)
        return 0;
    traverseproc t = TYPE(o)->traverse;
    if (!t)
        return 0;
    ctx->found = 0;
    t(o, referrer_visit, ctx);
    if (ctx->found && list_append(ctx->list, o) < 0)
        return -1;
    return 0;
}

static Object *
gcm_get_referrers(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    RefCtx ctx = {list_new(0), args, nargs, NULL, 0};
    if (!ctx.list)
        return NULL;
    for (int g = 0; g < GC_NUM_GENERATIONS; g++)
        if (gc_foreach(g, referrer_scan, &ctx) < 0) {
            decref(ctx.list);
            return NULL;
        }
    return ctx.list;
}

static int
referent_visit(Object *o, void *arg)
{
    RefCtx *ctx = arg;
    return list_append(ctx->list, o) < 0 ? -1 : 0;
}

static Object *
gcm_get_referents(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    RefCtx ctx = {list_new(0), NULL, 0, NULL, 0};
    if (!ctx.list)
        return NULL;
    for (ssize_t i = 0; i < nargs; i++) {
        Object *o = args[i];
        if (!OBJ_IS_GC(o))
            continue;
        traverseproc t = TYPE(o)->traverse;
        if (t && t(o, referent_visit, &ctx) < 0) {
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
    return int_from_ssize(gc_gen_size(GC_NUM_GENERATIONS));
}

static const MethodDef gc_methods[] = {
    {"enable", gc_enable, METH_NOARGS, NULL},
    {"disable", gc_disable, METH_NOARGS, NULL},
    {"isenabled", gc_isenabled, METH_NOARGS, NULL},
    {"collect", gcm_collect, METH_VARARGS | METH_KEYWORDS, NULL},
    {"get_threshold", gcm_get_threshold, METH_NOARGS, NULL},
    {"set_threshold", gcm_set_threshold, METH_VARARGS, NULL},
    {"get_count", gcm_get_count, METH_NOARGS, NULL},
    {"get_stats", gcm_get_stats, METH_NOARGS, NULL},
    {"set_debug", gcm_set_debug, METH_O, NULL},
    {"get_debug", gcm_get_debug, METH_NOARGS, NULL},
    {"get_objects", gcm_get_objects, METH_VARARGS | METH_KEYWORDS, NULL},
    {"get_referrers", gcm_get_referrers, METH_VARARGS, NULL},
    {"get_referents", gcm_get_referents, METH_VARARGS, NULL},
    {"is_tracked", gcm_is_tracked, METH_O, NULL},
    {"is_finalized", gcm_is_finalized, METH_O, NULL},
    {"freeze", gcm_freeze, METH_NOARGS, NULL},
    {"unfreeze", gcm_unfreeze, METH_NOARGS, NULL},
    {"get_freeze_count", gcm_get_freeze_count, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

Object *
gcmodule_init(void)
{
    Object *m = module_new("gc");
    if (!m)
        return NULL;
    if (module_add_functions(m, gc_methods) < 0 ||
        module_add_int(m, "DEBUG_STATS", GC_DEBUG_STATS) < 0 ||
        module_add_int(m, "DEBUG_COLLECTABLE", GC_DEBUG_COLLECTABLE) < 0 ||
        module_add_int(m, "DEBUG_UNCOLLECTABLE", GC_DEBUG_UNCOLLECTABLE) < 0 ||
        module_add_int(m, "DEBUG_SAVEALL", GC_DEBUG_SAVEALL) < 0 ||
        module_add_int(m, "DEBUG_LEAK", GC_DEBUG_LEAK) < 0 ||
        module_add_object(m, "garbage", gc_garbage_list()) < 0 ||
        module_add_object(m, "callbacks", gc_callbacks_list()) < 0) {
        decref(m);
        return NULL;
    }
    return m;
}
