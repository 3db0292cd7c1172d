/*
** iterobject.c -- small iterator types: the sequence iterator behind iter() of objects
** with only __getitem__, iter(callable, sentinel), and the builtins enumerate, zip, map,
** filter and reversed (all lazy, as in Python 3).
*/
#include "iterobject.h"
#include "error.h"
#include "gc.h"
#include "intobject.h"
#include "strobject.h"
#include "tupleobject.h"
#include "listobject.h"
#include "dictobject.h"
#include "typeobject.h"
#include "genericalias.h"
#include "methodobject.h"

static Object *
self_iter(Object *o)
{
    return newref(o);
}

/* ================================================================ seqiter */

typedef struct SeqIterObject {
    OBJECT_HEAD;
    ssize_t index;
    Object *seq;
} SeqIterObject;

static void
seqiter_dealloc(Object *o)
{
    gc_untrack(o);
    xdecref(((SeqIterObject *)o)->seq);
    obj_free(o);
}

static int
seqiter_traverse(Object *o, visitproc visit, void *arg)
{
    OBJ_VISIT(((SeqIterObject *)o)->seq);
    return 0;
}

static Object *
seqiter_next(Object *o)
{
    SeqIterObject *it = (SeqIterObject *)o;
    Object *seq = it->seq;
    if (!seq)
        return NULL;
    Object *idx = int_from_ssize(it->index);
    if (!idx)
        return NULL;
    Object *r = obj_getitem(seq, idx);
    decref(idx);
    if (r) {
        it->index++;
        return r;
    }
    if (err_matches(exc_IndexError) || err_matches(exc_StopIteration)) {
        err_clear();
        it->seq = NULL;
        decref(seq);
    }
    return NULL;
}

TypeObject seqiter_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "iterator",
    .basicsize = sizeof(SeqIterObject),
    .flags = TPFLAG_GC,
    .dealloc = seqiter_dealloc,
    .traverse = seqiter_traverse,
    .iter = self_iter,
    .iternext = seqiter_next,
    .getattro = obj_generic_getattr,
};

Object *
seqiter_new(Object *seq)
{
    SeqIterObject *it = (SeqIterObject *)obj_alloc(&seqiter_type, 0);
    if (!it)
        return NULL;
    it->seq = newref(seq);
    gc_track((Object *)it);
    return (Object *)it;
}

/* ================================================================ calliter */

typedef struct CallIterObject {
    OBJECT_HEAD;
    Object *callable, *sentinel;
} CallIterObject;

static void
calliter_dealloc(Object *o)
{
    CallIterObject *it = (CallIterObject *)o;
    gc_untrack(o);
    xdecref(it->callable);
    xdecref(it->sentinel);
    obj_free(o);
}

static int
calliter_traverse(Object *o, visitproc visit, void *arg)
{
    CallIterObject *it = (CallIterObject *)o;
    OBJ_VISIT(it->callable);
    OBJ_VISIT(it->sentinel);
    return 0;
}

static Object *
calliter_next(Object *o)
{
    CallIterObject *it = (CallIterObject *)o;
    if (!it->callable)
        return NULL;
    Object *r = obj_call_noargs(it->callable);
    if (r) {
        int ok = obj_richcompare_bool(it->sentinel, r, CMP_EQ);
        if (ok == 0)
            return r;
        decref(r);
        if (ok > 0) {
            CLEAR(it->callable);
            CLEAR(it->sentinel);
        }
    } else if (err_matches(exc_StopIteration)) {
        err_clear();
        CLEAR(it->callable);
        CLEAR(it->sentinel);
    }
    return NULL;
}

TypeObject calliter_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "callable_iterator",
    .basicsize = sizeof(CallIterObject),
    .flags = TPFLAG_GC,
    .dealloc = calliter_dealloc,
    .traverse = calliter_traverse,
    .iter = self_iter,
    .iternext = calliter_next,
    .getattro = obj_generic_getattr,
};

Object *
calliter_new(Object *callable, Object *sentinel)
{
    CallIterObject *it = (CallIterObject *)obj_alloc(&calliter_type, 0);
    if (!it)
        return NULL;
    it->callable = newref(callable);
    it->sentinel = newref(sentinel);
    gc_track((Object *)it);
    return (Object *)it;
}

/* ================================================================ enumerate */

typedef struct EnumerateObject {
    OBJECT_HEAD;
    ssize_t en_index;
    Object *en_sit;
    Object *en_result;          /* reusable (index, value) tuple */
    Object *en_longindex;       /* index as int once it overflows ssize_t */
    Object *one;                /* borrowed: the cached int 1 (3.11's enumobject layout) */
} EnumerateObject;

static Object *enumerate_impl(TypeObject *t, Object *iterable, Object *startarg);

static Object *
enumerate_new(TypeObject *t, Object *args, Object *kwds)
{
    static const char *const names[] = {"iterable", "start", NULL};
    Object *vals[2];
    ssize_t n = TUPLE_LEN(args);
    Object *stack[4];
    Object *kwnames = NULL;
    ssize_t nk = kwds ? DICT_LEN(kwds) : 0;
    if (n + nk > 2)
        return err_format(exc_TypeError, "enumerate() takes at most 2 arguments (%zd given)",
                          n + nk);
    if (arg_stack_from_tuple_dict(args, kwds, stack, &kwnames) < 0)
        return NULL;
    int rc = arg_parse("enumerate", stack, (size_t)n, kwnames, names, 0, 0, 1, vals);
    arg_kwnames_release(kwnames);
    if (rc < 0)
        return NULL;
    return enumerate_impl(t, vals[0], vals[1]);
}

/* CPython's enumerate_vectorcall: no argument tuple */
static Object *
enumerate_vectorcall(Object *type, Object *const *args, size_t nargs, Object *kwnames)
{
    static const char *const names[] = {"iterable", "start", NULL};
    Object *vals[2];
    ssize_t nk = kwnames ? TUPLE_LEN(kwnames) : 0;
    if ((ssize_t)nargs + nk > 2)
        return err_format(exc_TypeError, "enumerate() takes at most 2 arguments (%zd given)",
                          (ssize_t)nargs + nk);
    if (arg_parse("enumerate", args, nargs, kwnames, names, 0, 0, 1, vals) < 0)
        return NULL;
    return enumerate_impl((TypeObject *)type, vals[0], vals[1]);
}

static Object *
enumerate_impl(TypeObject *t, Object *iterable, Object *startarg)
{
    EnumerateObject *en = (EnumerateObject *)t->alloc(t, 0);
    if (!en)
        return NULL;
    en->one = (Object *)&int_small_ints[INT_SMALL_NEG + 1];
    if (startarg) {
        Object *start = num_index(startarg);
        if (!start) {
            decref(en);
            return NULL;
        }
        int overflow = 0;
        long s = int_as_long_and_overflow(start, &overflow);
        if (overflow) {
            en->en_index = SSIZE_MAX;
            en->en_longindex = start;
        } else {
            en->en_index = s;
            decref(start);
        }
    }
    en->en_sit = obj_get_iter(iterable);
    if (!en->en_sit) {
        decref(en);
        return NULL;
    }
    en->en_result = tuple_pack(2, None, None);
    if (!en->en_result) {
        decref(en);
        return NULL;
    }
    gc_track((Object *)en);
    return (Object *)en;
}

static void
enumerate_dealloc(Object *o)
{
    EnumerateObject *en = (EnumerateObject *)o;
    gc_untrack(o);
    xdecref(en->en_sit);
    xdecref(en->en_result);
    xdecref(en->en_longindex);
    TYPE(o)->free(o);
}

static int
enumerate_traverse(Object *o, visitproc visit, void *arg)
{
    EnumerateObject *en = (EnumerateObject *)o;
    OBJ_VISIT(en->en_sit);
    OBJ_VISIT(en->en_result);
    OBJ_VISIT(en->en_longindex);
    return 0;
}

static Object *
enumerate_next(Object *o)
{
    EnumerateObject *en = (EnumerateObject *)o;
    Object *item = TYPE(en->en_sit)->iternext(en->en_sit);
    if (!item)
        return NULL;
    Object *idx;
    if (en->en_index == SSIZE_MAX) {
        if (!en->en_longindex) {
            en->en_longindex = int_from_ssize(SSIZE_MAX);
            if (!en->en_longindex) {
                decref(item);
                return NULL;
            }
        }
        idx = en->en_longindex;
        en->en_longindex = int_add(idx, en->one);
        if (!en->en_longindex) {
            decref(idx);
            decref(item);
            return NULL;
        }
    } else {
        idx = int_from_ssize(en->en_index);
        if (!idx) {
            decref(item);
            return NULL;
        }
        en->en_index++;
    }
    Object *result = en->en_result;
    if (REFCNT(result) == 1) {
        incref(result);
        Object *old_idx = TUPLE_GET(result, 0), *old_item = TUPLE_GET(result, 1);
        TUPLE_SET(result, 0, idx);
        TUPLE_SET(result, 1, item);
        decref(old_idx);
        decref(old_item);
        if (!gc_is_tracked(result))
            gc_track(result);
        return result;
    }
    result = tuple_new(2);
    if (!result) {
        decref(idx);
        decref(item);
        return NULL;
    }
    TUPLE_SET(result, 0, idx);
    TUPLE_SET(result, 1, item);
    return result;
}

static const MethodDef enumerate_methods[] = {
    {"__class_getitem__", genericalias_class_getitem, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

TypeObject enumerate_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "enumerate",
    .basicsize = sizeof(EnumerateObject),
    .flags = TPFLAG_GC | TPFLAG_BASETYPE,
    .dealloc = enumerate_dealloc,
    .traverse = enumerate_traverse,
    .iter = self_iter,
    .iternext = enumerate_next,
    .getattro = obj_generic_getattr,
    .methods = enumerate_methods,
    .new_ = enumerate_new,
    .new_vectorcall = enumerate_vectorcall,
    .alloc = type_generic_alloc,
    .free = obj_free,
};

/* ================================================================ zip */

typedef struct ZipObject {
    OBJECT_HEAD;
    ssize_t tuplesize;
    Object *ittuple;
    Object *result;
    int strict;
} ZipObject;

static Object *
zip_new(TypeObject *t, Object *args, Object *kwds)
{
    int strict = 0;
    if (kwds && DICT_LEN(kwds)) {
        Object *s = dict_getitem_str(kwds, "strict");
        if (!s || DICT_LEN(kwds) > 1)
            return err_set(exc_TypeError, "zip() takes at most one keyword argument: 'strict'");
        strict = obj_is_true(s);
        if (strict < 0)
            return NULL;
    }
    ssize_t n = TUPLE_LEN(args);
    Object *its = tuple_new(n);
    if (!its)
        return NULL;
    for (ssize_t i = 0; i < n; i++) {
        Object *it = obj_get_iter(TUPLE_GET(args, i));
        if (!it) {
            decref(its);
            return NULL;
        }
        TUPLE_SET(its, i, it);
    }
    Object *result = tuple_new(n);
    if (!result) {
        decref(its);
        return NULL;
    }
    for (ssize_t i = 0; i < n; i++)
        TUPLE_SET(result, i, newref(None));
    ZipObject *z = (ZipObject *)t->alloc(t, 0);
    if (!z) {
        decref(its);
        decref(result);
        return NULL;
    }
    z->ittuple = its;
    z->tuplesize = n;
    z->result = result;
    z->strict = strict;
    gc_track((Object *)z);
    return (Object *)z;
}

static void
zip_dealloc(Object *o)
{
    ZipObject *z = (ZipObject *)o;
    gc_untrack(o);
    xdecref(z->ittuple);
    xdecref(z->result);
    TYPE(o)->free(o);
}

static int
zip_traverse(Object *o, visitproc visit, void *arg)
{
    ZipObject *z = (ZipObject *)o;
    OBJ_VISIT(z->ittuple);
    OBJ_VISIT(z->result);
    return 0;
}

static Object *
zip_strict_error(ZipObject *z, ssize_t i)
{
    if (i > 0)
        return err_format(exc_ValueError, "zip() argument %zd is shorter than argument%s%zd",
                          i + 1, i == 1 ? " " : "s 1-", i);
    for (i = 1; i < z->tuplesize; i++) {
        Object *it = TUPLE_GET(z->ittuple, i);
        Object *item = TYPE(it)->iternext(it);
        if (item) {
            decref(item);
            return err_format(exc_ValueError, "zip() argument %zd is longer than argument%s%zd",
                              i + 1, i == 1 ? " " : "s 1-", i);
        }
        if (err_occurred()) {
            if (!err_matches(exc_StopIteration))
                return NULL;
            err_clear();
        }
    }
    return NULL;
}

static Object *
zip_next(Object *o)
{
    ZipObject *z = (ZipObject *)o;
    ssize_t n = z->tuplesize;
    if (n == 0)
        return NULL;
    Object *result = z->result;
    if (REFCNT(result) == 1) {
        incref(result);
        for (ssize_t i = 0; i < n; i++) {
            Object *it = TUPLE_GET(z->ittuple, i);
            Object *item = TYPE(it)->iternext(it);
            if (!item) {
                decref(result);
                if (z->strict && (!err_occurred() || err_matches(exc_StopIteration))) {
                    err_clear();
                    return zip_strict_error(z, i);
                }
                return NULL;
            }
            Object *old = TUPLE_GET(result, i);
            TUPLE_SET(result, i, item);
            decref(old);
        }
        if (!gc_is_tracked(result))
            gc_track(result);
        return result;
    }
    result = tuple_new(n);
    if (!result)
        return NULL;
    for (ssize_t i = 0; i < n; i++) {
        Object *it = TUPLE_GET(z->ittuple, i);
        Object *item = TYPE(it)->iternext(it);
        if (!item) {
            decref(result);
            if (z->strict && (!err_occurred() || err_matches(exc_StopIteration))) {
                err_clear();
                return zip_strict_error(z, i);
            }
            return NULL;
        }
        TUPLE_SET(result, i, item);
    }
    return result;
}

TypeObject zip_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "zip",
    .basicsize = sizeof(ZipObject),
    .flags = TPFLAG_GC | TPFLAG_BASETYPE,
    .dealloc = zip_dealloc,
    .traverse = zip_traverse,
    .iter = self_iter,
    .iternext = zip_next,
    .getattro = obj_generic_getattr,
    .new_ = zip_new,
    .alloc = type_generic_alloc,
    .free = obj_free,
};

/* ================================================================ map */

typedef struct MapObject {
    OBJECT_HEAD;
    Object *iters;              /* tuple */
    Object *func;
} MapObject;

static Object *map_impl(TypeObject *t, Object *const *args, ssize_t n);

static Object *
map_new(TypeObject *t, Object *args, Object *kwds)
{
    if (kwds && DICT_LEN(kwds) && t == &map_type)
        return err_set(exc_TypeError, "map() takes no keyword arguments");
    return map_impl(t, &TUPLE_GET(args, 0), TUPLE_LEN(args));
}

/* CPython's map_vectorcall: no argument tuple */
static Object *
map_vectorcall(Object *type, Object *const *args, size_t nargs, Object *kwnames)
{
    if (kwnames && TUPLE_LEN(kwnames) && type == (Object *)&map_type)
        return err_set(exc_TypeError, "map() takes no keyword arguments");
    return map_impl((TypeObject *)type, args, (ssize_t)nargs);
}

static Object *
map_impl(TypeObject *t, Object *const *args, ssize_t n)
{
    if (n < 2)
        return err_set(exc_TypeError, "map() must have at least two arguments.");
    Object *its = tuple_new(n - 1);
    if (!its)
        return NULL;
    for (ssize_t i = 1; i < n; i++) {
        Object *it = obj_get_iter(args[i]);
        if (!it) {
            decref(its);
            return NULL;
        }
        TUPLE_SET(its, i - 1, it);
    }
    MapObject *m = (MapObject *)t->alloc(t, 0);
    if (!m) {
        decref(its);
        return NULL;
    }
    m->iters = its;
    m->func = newref(args[0]);
    gc_track((Object *)m);
    return (Object *)m;
}

static void
map_dealloc(Object *o)
{
    MapObject *m = (MapObject *)o;
    gc_untrack(o);
    xdecref(m->iters);
    xdecref(m->func);
    TYPE(o)->free(o);
}

static int
map_traverse(Object *o, visitproc visit, void *arg)
{
    MapObject *m = (MapObject *)o;
    OBJ_VISIT(m->iters);
    OBJ_VISIT(m->func);
    return 0;
}

static Object *
map_next(Object *o)
{
    MapObject *m = (MapObject *)o;
    ssize_t n = TUPLE_LEN(m->iters);
    Object *stack[8] = {NULL};
    if (n > 8)
        return err_set(exc_TypeError, "map() with more than 8 iterables is not supported");
    ssize_t i;
    for (i = 0; i < n; i++) {
        Object *it = TUPLE_GET(m->iters, i);
        Object *v = TYPE(it)->iternext(it);
        if (!v)
            goto done;
        stack[i] = v;
    }
    Object *r = obj_vectorcall(m->func, stack, (size_t)n, NULL);
    for (ssize_t j = 0; j < n; j++)
        decref(stack[j]);
    return r;
done:
    for (ssize_t j = 0; j < i; j++)
        decref(stack[j]);
    return NULL;
}

TypeObject map_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "map",
    .basicsize = sizeof(MapObject),
    .flags = TPFLAG_GC | TPFLAG_BASETYPE,
    .dealloc = map_dealloc,
    .traverse = map_traverse,
    .iter = self_iter,
    .iternext = map_next,
    .getattro = obj_generic_getattr,
    .new_ = map_new,
    .new_vectorcall = map_vectorcall,
    .alloc = type_generic_alloc,
    .free = obj_free,
};

/* ================================================================ filter */

typedef struct FilterObject {
    OBJECT_HEAD;
    Object *func;
    Object *it;
} FilterObject;

static Object *filter_impl(TypeObject *t, Object *const *args, ssize_t n);

static Object *
filter_new(TypeObject *t, Object *args, Object *kwds)
{
    if (kwds && DICT_LEN(kwds) && t == &filter_type)
        return err_set(exc_TypeError, "filter() takes no keyword arguments");
    return filter_impl(t, &TUPLE_GET(args, 0), TUPLE_LEN(args));
}

/* CPython's filter_vectorcall: no argument tuple */
static Object *
filter_vectorcall(Object *type, Object *const *args, size_t nargs, Object *kwnames)
{
    if (kwnames && TUPLE_LEN(kwnames) && type == (Object *)&filter_type)
        return err_set(exc_TypeError, "filter() takes no keyword arguments");
    return filter_impl((TypeObject *)type, args, (ssize_t)nargs);
}

static Object *
filter_impl(TypeObject *t, Object *const *args, ssize_t n)
{
    if (n != 2)
        return err_format(exc_TypeError, "filter expected 2 arguments, got %zd", n);
    Object *it = obj_get_iter(args[1]);
    if (!it)
        return NULL;
    FilterObject *f = (FilterObject *)t->alloc(t, 0);
    if (!f) {
        decref(it);
        return NULL;
    }
    f->func = newref(args[0]);
    f->it = it;
    gc_track((Object *)f);
    return (Object *)f;
}

static void
filter_dealloc(Object *o)
{
    FilterObject *f = (FilterObject *)o;
    gc_untrack(o);
    xdecref(f->func);
    xdecref(f->it);
    TYPE(o)->free(o);
}

static int
filter_traverse(Object *o, visitproc visit, void *arg)
{
    FilterObject *f = (FilterObject *)o;
    OBJ_VISIT(f->func);
    OBJ_VISIT(f->it);
    return 0;
}

static Object *
filter_next(Object *o)
{
    FilterObject *f = (FilterObject *)o;
    unaryfunc next = TYPE(f->it)->iternext;
    int checktrue = f->func == None || f->func == (Object *)&bool_type;
    for (;;) {
        Object *item = next(f->it);
        if (!item)
            return NULL;
        int ok;
        if (checktrue) {
            ok = obj_is_true(item);
        } else {
            Object *good = obj_call_one(f->func, item);
            if (!good) {
                decref(item);
                return NULL;
            }
            ok = obj_is_true(good);
            decref(good);
        }
        if (ok > 0)
            return item;
        decref(item);
        if (ok < 0)
            return NULL;
    }
}

TypeObject filter_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "filter",
    .basicsize = sizeof(FilterObject),
    .flags = TPFLAG_GC | TPFLAG_BASETYPE,
    .dealloc = filter_dealloc,
    .traverse = filter_traverse,
    .iter = self_iter,
    .iternext = filter_next,
    .getattro = obj_generic_getattr,
    .new_ = filter_new,
    .new_vectorcall = filter_vectorcall,
    .alloc = type_generic_alloc,
    .free = obj_free,
};

/* ================================================================ reversed */

typedef struct ReversedObject {
    OBJECT_HEAD;
    ssize_t index;
    Object *seq;
} ReversedObject;

static Object *reversed_impl(TypeObject *t, Object *const *args, ssize_t n);

static Object *
reversed_new(TypeObject *t, Object *args, Object *kwds)
{
    if (kwds && DICT_LEN(kwds) && t == &reversed_type)
        return err_set(exc_TypeError, "reversed() takes no keyword arguments");
    return reversed_impl(t, &TUPLE_GET(args, 0), TUPLE_LEN(args));
}

/* CPython's reversed_vectorcall: no argument tuple */
static Object *
reversed_vectorcall(Object *type, Object *const *args, size_t nargs, Object *kwnames)
{
    if (kwnames && TUPLE_LEN(kwnames))
        return err_set(exc_TypeError, "reversed() takes no keyword arguments");
    return reversed_impl((TypeObject *)type, args, (ssize_t)nargs);
}

static Object *
reversed_impl(TypeObject *t, Object *const *args, ssize_t nargs)
{
    if (nargs != 1)
        return err_format(exc_TypeError, "reversed expected 1 argument, got %zd", nargs);
    Object *seq = args[0];
    Object *rev = type_lookup(TYPE(seq), ID(__reversed__));
    if (rev == None)
        return err_format(exc_TypeError, "'%s' object is not reversible", TYPE(seq)->name);
    if (rev)
        return type_call_special(seq, ID(__reversed__), NULL, 0);
    if (!TYPE(seq)->len || (!TYPE(seq)->mp_subscript && !TYPE(seq)->sq_item) || DICT_CHECK(seq))
        return err_format(exc_TypeError, "'%s' object is not reversible", TYPE(seq)->name);
    ssize_t n = obj_length(seq);
    if (n < 0)
        return NULL;
    ReversedObject *r = (ReversedObject *)t->alloc(t, 0);
    if (!r)
        return NULL;
    r->index = n - 1;
    r->seq = newref(seq);
    gc_track((Object *)r);
    return (Object *)r;
}

static void
reversed_dealloc(Object *o)
{
    gc_untrack(o);
    xdecref(((ReversedObject *)o)->seq);
    TYPE(o)->free(o);
}

static int
reversed_traverse(Object *o, visitproc visit, void *arg)
{
    OBJ_VISIT(((ReversedObject *)o)->seq);
    return 0;
}

static Object *
reversed_next(Object *o)
{
    ReversedObject *r = (ReversedObject *)o;
    if (r->index >= 0 && r->seq) {
        Object *idx = int_from_ssize(r->index);
        if (!idx)
            return NULL;
        Object *item = obj_getitem(r->seq, idx);
        decref(idx);
        if (item) {
            r->index--;
            return item;
        }
        if (err_matches(exc_IndexError) || err_matches(exc_StopIteration))
            err_clear();
    }
    r->index = -1;
    CLEAR(r->seq);
    return NULL;
}

static Object *
reversed_length_hint(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    ReversedObject *r = (ReversedObject *)self;
    return int_from_ssize(r->seq ? r->index + 1 : 0);
}

static const MethodDef reversed_methods[] = {
    {"__length_hint__", reversed_length_hint, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObject reversed_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "reversed",
    .basicsize = sizeof(ReversedObject),
    .flags = TPFLAG_GC | TPFLAG_BASETYPE,
    .dealloc = reversed_dealloc,
    .traverse = reversed_traverse,
    .iter = self_iter,
    .iternext = reversed_next,
    .getattro = obj_generic_getattr,
    .new_ = reversed_new,
    .new_vectorcall = reversed_vectorcall,
    .alloc = type_generic_alloc,
    .free = obj_free,
    .methods = reversed_methods,
};
