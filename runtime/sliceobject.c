/*
** sliceobject.c -- slice objects (CPython's Objects/sliceobject.c): the index arithmetic
** of a[i:j:k], slice.indices(), and the one-object cache 3.11 keeps for reuse.
*/
#include "sliceobject.h"
#include "error.h"
#include "gc.h"
#include "intobject.h"
#include "strobject.h"
#include "tupleobject.h"
#include "typeobject.h"
#include "methodobject.h"

static SliceObject *slice_cache;

Object *
slice_new(Object *start, Object *stop, Object *step)
{
    SliceObject *s;
    if (slice_cache) {
        s = slice_cache;
        slice_cache = NULL;
        s->ob_base.refcnt = 1;
        obj_live_count++;
    } else {
        s = (SliceObject *)obj_alloc(&slice_type, 0);
        if (!s)
            return NULL;
    }
    s->start = newref(start ? start : None);
    s->stop = newref(stop ? stop : None);
    s->step = newref(step ? step : None);
    gc_track((Object *)s);
    return (Object *)s;
}

static void
slice_dealloc(Object *o)
{
    SliceObject *s = (SliceObject *)o;
    gc_untrack(o);
    decref(s->step);
    decref(s->start);
    decref(s->stop);
    if (!slice_cache) {
        slice_cache = s;
        obj_live_count--;
    } else {
        obj_free(o);
    }
}

void
slice_clear_cache(void)
{
    if (slice_cache) {
        SliceObject *s = slice_cache;
        slice_cache = NULL;
        obj_live_count++;
        obj_free(s);
    }
}

static int
slice_traverse(Object *o, visitproc visit, void *arg)
{
    SliceObject *s = (SliceObject *)o;
    OBJ_VISIT(s->start);
    OBJ_VISIT(s->stop);
    OBJ_VISIT(s->step);
    return 0;
}

int
slice_index_arg(Object *v, ssize_t *out)
{
    if (v == None)
        return 0;
    if (!index_check(v)) {
        err_set(exc_TypeError, "slice indices must be integers or None or have an __index__ "
                               "method");
        return -1;
    }
    ssize_t x = num_as_ssize(v, NULL);
    if (x == -1 && err_occurred())
        return -1;
    *out = x;
    return 0;
}

int
slice_unpack_indices(Object *slice, ssize_t length, ssize_t *start, ssize_t *stop,
                     ssize_t *step, ssize_t *slicelen)
{
    SliceObject *r = (SliceObject *)slice;
    if (r->step == None) {
        *step = 1;
    } else {
        if (slice_index_arg(r->step, step) < 0)
            return -1;
        if (*step == 0) {
            err_set(exc_ValueError, "slice step cannot be zero");
            return -1;
        }
        if (*step < -SSIZE_MAX)
            *step = -SSIZE_MAX;
    }
    if (r->start == None) {
        *start = *step < 0 ? SSIZE_MAX : 0;
    } else if (slice_index_arg(r->start, start) < 0) {
        return -1;
    }
    if (r->stop == None) {
        *stop = *step < 0 ? -SSIZE_MAX - 1 : SSIZE_MAX;
    } else if (slice_index_arg(r->stop, stop) < 0) {
        return -1;
    }
    /* PySlice_AdjustIndices */
    if (*start < 0) {
        *start += length;
        if (*start < 0)
            *start = (*step < 0) ? -1 : 0;
    } else if (*start >= length) {
        *start = (*step < 0) ? length - 1 : length;
    }
    if (*stop < 0) {
        *stop += length;
        if (*stop < 0)
            *stop = (*step < 0) ? -1 : 0;
    } else if (*stop >= length) {
        *stop = (*step < 0) ? length - 1 : length;
    }
    if (*step < 0) {
        if (*stop < *start)
            *slicelen = (*start - *stop - 1) / (-*step) + 1;
        else
            *slicelen = 0;
    } else {
        if (*start < *stop)
            *slicelen = (*stop - *start - 1) / *step + 1;
        else
            *slicelen = 0;
    }
    return 0;
}

static Object *
slice_repr(Object *o)
{
    SliceObject *s = (SliceObject *)o;
    return str_from_format("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static Object *
slice_richcompare(Object *a, Object *b, int op)
{
    if (TYPE(a) != &slice_type || TYPE(b) != &slice_type)
        return newref(NotImplemented);
    SliceObject *x = (SliceObject *)a, *y = (SliceObject *)b;
    Object *t1 = tuple_pack(3, x->start, x->stop, x->step);
    Object *t2 = tuple_pack(3, y->start, y->stop, y->step);
    Object *r = (t1 && t2) ? obj_richcompare(t1, t2, op) : NULL;
    xdecref(t1);
    xdecref(t2);
    return r;
}

static Object *
slice_new_impl(TypeObject *t, Object *args, Object *kwds)
{
    ssize_t n = TUPLE_LEN(args);
    if (kwds && SIZE(kwds))
        return err_set(exc_TypeError, "slice() takes no keyword arguments");
    if (n < 1 || n > 3)
        return err_format(exc_TypeError, n < 1 ? "slice expected at least 1 argument, got %zd"
                                               : "slice expected at most 3 arguments, got %zd",
                          n);
    if (n == 1)
        return slice_new(NULL, TUPLE_GET(args, 0), NULL);
    return slice_new(TUPLE_GET(args, 0), TUPLE_GET(args, 1), n == 3 ? TUPLE_GET(args, 2) : NULL);
}

static Object *
slice_indices(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    ssize_t len = num_as_ssize(args[0], exc_OverflowError);
    if (len == -1 && err_occurred())
        return NULL;
    if (len < 0)
        return err_set(exc_ValueError, "length should not be negative");
    ssize_t start, stop, step, sl;
    if (slice_unpack_indices(self, len, &start, &stop, &step, &sl) < 0)
        return NULL;
    Object *a = int_from_ssize(start), *b = int_from_ssize(stop), *c = int_from_ssize(step);
    Object *r = (a && b && c) ? tuple_pack(3, a, b, c) : NULL;
    xdecref(a);
    xdecref(b);
    xdecref(c);
    return r;
}

static const MethodDef slice_methods[] = {
    {"indices", slice_indices, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static const MemberDef slice_members[] = {
    {"start", MEMBER_OBJECT, offsetof(SliceObject, start), MEMBER_READONLY, NULL},
    {"stop", MEMBER_OBJECT, offsetof(SliceObject, stop), MEMBER_READONLY, NULL},
    {"step", MEMBER_OBJECT, offsetof(SliceObject, step), MEMBER_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

TypeObject slice_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "slice",
    .basicsize = sizeof(SliceObject),
    .flags = TPFLAG_GC,
    .dealloc = slice_dealloc,
    .traverse = slice_traverse,
    .repr = slice_repr,
    .hash = obj_hash_not_implemented,
    .richcompare = slice_richcompare,
    .getattro = obj_generic_getattr,
    .new_ = slice_new_impl,
    .methods = slice_methods,
    .members = slice_members,
};
