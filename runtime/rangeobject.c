/*
** rangeobject.c -- range (start, stop, step and length kept as int objects, 48 bytes as
** CPython) and its iterators: a C-long iterator when everything fits (the common case,
** and a VM fast path), and a generic one built on int objects otherwise.
*/
#include "object.h"
#include "error.h"
#include "gc.h"
#include "intobject.h"
#include "strobject.h"
#include "tupleobject.h"
#include "typeobject.h"
#include "methodobject.h"
#include "sliceobject.h"
#include "rangeobject.h"

/* length of range(lo, hi, step) as an int object */
static Object *
compute_range_length(Object *start, Object *stop, Object *step)
{
    if (int_is_compact(start) && int_is_compact(stop) && int_is_compact(step)) {
        long lo = int_compact_value(start), hi = int_compact_value(stop),
             st = int_compact_value(step);
        long n = 0;
        if (st > 0 && lo < hi)
            n = 1 + (hi - 1 - lo) / st;
        else if (st < 0 && lo > hi)
            n = 1 + (lo - 1 - hi) / (-st);
        return int_from_long(n);
    }
    /* generic: (hi - lo - 1) // step + 1 when non-empty */
    int sgn = int_sign(step);
    Object *lo = start, *hi = stop, *st = step;
    Object *negstep = NULL;
    if (sgn < 0) {
        lo = stop;
        hi = start;
        negstep = int_neg(step);
        if (!negstep)
            return NULL;
        st = negstep;
    }
    Object *r;
    if (int_compare(lo, hi) >= 0) {
        r = int_from_long(0);
    } else {
        Object *one = int_from_long(1);
        Object *diff = int_sub(hi, lo);
        Object *d1 = diff ? int_sub(diff, one) : NULL;
        Object *q = d1 ? int_floordiv(d1, st) : NULL;
        r = q ? int_add(q, one) : NULL;
        xdecref(one);
        xdecref(diff);
        xdecref(d1);
        xdecref(q);
    }
    xdecref(negstep);
    return r;
}

Object *
range_new_from(Object *start, Object *stop, Object *step)
{
    if (int_sign(step) == 0)
        return err_set(exc_ValueError, "range() arg 3 must not be zero");
    RangeObject *r = (RangeObject *)obj_alloc(&range_type, 0);
    if (!r)
        return NULL;
    r->start = newref(start);
    r->stop = newref(stop);
    r->step = newref(step);
    r->length = compute_range_length(start, stop, step);
    if (!r->length) {
        decref(r);
        return NULL;
    }
    return (Object *)r;
}

/* range(*args) from an array (CPython's range_from_array): no argument tuple is built,
** so range(a, b) leaves the tuple free lists alone, as in 3.11. */
static Object *
range_from_array(Object *const *args, ssize_t n)
{
    Object *start = NULL, *stop = NULL, *step = NULL, *r = NULL;
    if (n == 1) {
        stop = num_index(args[0]);
        start = int_from_long(0);
        step = int_from_long(1);
    } else if (n == 2 || n == 3) {
        start = num_index(args[0]);
        stop = start ? num_index(args[1]) : NULL;
        step = stop ? (n == 3 ? num_index(args[2]) : int_from_long(1)) : NULL;
    } else {
        return err_format(exc_TypeError, n == 0 ? "range expected at least 1 argument, got %zd"
                                                : "range expected at most 3 arguments, got %zd",
                          n);
    }
    if (start && stop && step)
        r = range_new_from(start, stop, step);
    xdecref(start);
    xdecref(stop);
    xdecref(step);
    return r;
}

static Object *
range_new_impl(TypeObject *t, Object *args, Object *kwds)
{
    if (kwds && SIZE(kwds))
        return err_set(exc_TypeError, "range() takes no keyword arguments");
    return range_from_array(TUPLE_ITEMS(args), TUPLE_LEN(args));
}

static Object *
range_vectorcall_new(Object *type, Object *const *args, size_t nargs, Object *kwnames)
{
    if (kwnames && TUPLE_LEN(kwnames))
        return err_set(exc_TypeError, "range() takes no keyword arguments");
    return range_from_array(args, (ssize_t)nargs);
}

static void
range_dealloc(Object *o)
{
    RangeObject *r = (RangeObject *)o;
    xdecref(r->start);
    xdecref(r->stop);
    xdecref(r->step);
    xdecref(r->length);
    obj_free(o);
}

static ssize_t
range_length(Object *o)
{
    return int_as_ssize(((RangeObject *)o)->length);
}

static int
range_bool(Object *o)
{
    return int_sign(((RangeObject *)o)->length) != 0;
}

/* start + i * step as an int object */
static Object *
range_compute_item(RangeObject *r, Object *i)
{
    if (int_is_compact(r->start) && int_is_compact(r->step) && int_is_compact(i))
        return int_from_ll((long long)int_compact_value(r->start) +
                           (long long)int_compact_value(i) * int_compact_value(r->step));
    Object *m = int_mul(i, r->step);
    if (!m)
        return NULL;
    Object *res = int_add(r->start, m);
    decref(m);
    return res;
}

static Object *
range_item(Object *o, ssize_t i)
{
    RangeObject *r = (RangeObject *)o;
    ssize_t len = int_as_ssize(r->length);
    if (len == -1 && err_occurred())
        return NULL;
    if (i < 0 || i >= len)
        return err_set(exc_IndexError, "range object index out of range");
    Object *io = int_from_ssize(i);
    if (!io)
        return NULL;
    Object *res = range_compute_item(r, io);
    decref(io);
    return res;
}

static Object *
range_subscript(Object *o, Object *key)
{
    RangeObject *r = (RangeObject *)o;
    if (index_check(key)) {
        Object *i = num_index(key);
        if (!i)
            return NULL;
        if (int_sign(i) < 0) {
            Object *j = int_add(i, r->length);
            decref(i);
            if (!j)
                return NULL;
            i = j;
        }
        if (int_sign(i) < 0 || int_compare(i, r->length) >= 0) {
            decref(i);
            return err_set(exc_IndexError, "range object index out of range");
        }
        Object *res = range_compute_item(r, i);
        decref(i);
        return res;
    }
    if (TYPE(key) == &slice_type) {
        ssize_t len = int_as_ssize(r->length);
        if (len == -1 && err_occurred())
            return NULL;
        ssize_t start, stop, step, n;
        if (slice_unpack_indices(key, len, &start, &stop, &step, &n) < 0)
            return NULL;
        Object *si = int_from_ssize(start), *ei = int_from_ssize(stop), *st = int_from_ssize(step);
        Object *a = NULL, *b = NULL, *c = NULL, *res = NULL;
        if (si && ei && st) {
            a = range_compute_item(r, si);
            b = range_compute_item(r, ei);
            c = int_mul(st, r->step);
        }
        if (a && b && c)
            res = range_new_from(a, b, c);
        xdecref(si);
        xdecref(ei);
        xdecref(st);
        xdecref(a);
        xdecref(b);
        xdecref(c);
        return res;
    }
    return err_format(exc_TypeError, "range indices must be integers or slices, not %s",
                      TYPE(key)->name);
}

/* is x in the range?  x an int */
static int
range_contains_long(RangeObject *r, Object *x)
{
    int sgn = int_sign(r->step);
    int c1, c2;
    if (sgn > 0) {
        c1 = int_compare(r->start, x) <= 0;
        c2 = int_compare(x, r->stop) < 0;
    } else {
        c1 = int_compare(r->stop, x) < 0;
        c2 = int_compare(x, r->start) <= 0;
    }
    if (!c1 || !c2)
        return 0;
    Object *d = int_sub(x, r->start);
    if (!d)
        return -1;
    Object *m = int_mod(d, r->step);
    decref(d);
    if (!m)
        return -1;
    int res = int_sign(m) == 0;
    decref(m);
    return res;
}

static int
range_contains(Object *o, Object *x)
{
    if (INT_CHECK_EXACT(x) || BOOL_CHECK(x))
        return range_contains_long((RangeObject *)o, x);
    Object *it = obj_get_iter(o);
    if (!it)
        return -1;
    int found = 0;
    for (;;) {
        Object *v = obj_iter_next(it);
        if (!v) {
            if (err_occurred())
                found = -1;
            break;
        }
        int eq = obj_richcompare_bool(v, x, CMP_EQ);
        decref(v);
        if (eq) {
            found = eq;
            break;
        }
    }
    decref(it);
    return found;
}

static Object *
range_repr(Object *o)
{
    RangeObject *r = (RangeObject *)o;
    if (int_is_compact(r->step) && int_compact_value(r->step) == 1)
        return str_from_format("range(%R, %R)", r->start, r->stop);
    return str_from_format("range(%R, %R, %R)", r->start, r->stop, r->step);
}

static Object *
range_richcompare(Object *a, Object *b, int op)
{
    if (TYPE(b) != &range_type || (op != CMP_EQ && op != CMP_NE))
        return newref(NotImplemented);
    RangeObject *x = (RangeObject *)a, *y = (RangeObject *)b;
    int eq;
    if (a == b)
        eq = 1;
    else if (int_compare(x->length, y->length) != 0)
        eq = 0;
    else if (int_sign(x->length) == 0)
        eq = 1;
    else if (int_compare(x->start, y->start) != 0)
        eq = 0;
    else if (int_is_compact(x->length) && int_compact_value(x->length) == 1)
        eq = 1;
    else
        eq = int_compare(x->step, y->step) == 0;
    return bool_from(op == CMP_EQ ? eq : !eq);
}

static hash_t
range_hash(Object *o)
{
    RangeObject *r = (RangeObject *)o;
    Object *t;
    if (int_sign(r->length) == 0)
        t = tuple_pack(3, r->length, None, None);
    else if (int_is_compact(r->length) && int_compact_value(r->length) == 1)
        t = tuple_pack(3, r->length, r->start, None);
    else
        t = tuple_pack(3, r->length, r->start, r->step);
    if (!t)
        return -1;
    hash_t h = obj_hash(t);
    decref(t);
    return h;
}

/* ---- iterators ---- */

static void
rangeiter_dealloc(Object *o)
{
    obj_free(o);
}

static Object *
rangeiter_next(Object *o)
{
    RangeIterObject *r = (RangeIterObject *)o;
    if (r->index < r->len) {
        long v = r->start + r->index * r->step;
        r->index++;
        return int_from_long(v);
    }
    return NULL;
}

static Object *
self_iter(Object *o)
{
    return newref(o);
}

static Object *
rangeiter_length_hint(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    RangeIterObject *r = (RangeIterObject *)self;
    return int_from_long(r->len - r->index);
}

static const MethodDef rangeiter_methods[] = {
    {"__length_hint__", rangeiter_length_hint, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObject rangeiter_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "range_iterator",
    .basicsize = sizeof(RangeIterObject),
    .dealloc = rangeiter_dealloc,
    .iter = self_iter,
    .iternext = rangeiter_next,
    .getattro = obj_generic_getattr,
    .methods = rangeiter_methods,
};

typedef struct LongRangeIterObject {
    OBJECT_HEAD;
    Object *index, *start, *step, *len; /* 3.11's layout: next = start + index*step */
} LongRangeIterObject;

static void
longrangeiter_dealloc(Object *o)
{
    LongRangeIterObject *r = (LongRangeIterObject *)o;
    xdecref(r->index);
    xdecref(r->start);
    xdecref(r->step);
    xdecref(r->len);
    obj_free(o);
}

static Object *
longrangeiter_next(Object *o)
{
    LongRangeIterObject *r = (LongRangeIterObject *)o;
    if (int_compare(r->index, r->len) >= 0)
        return NULL;
    Object *new_index = int_add(r->index, (Object *)&int_small_ints[INT_SMALL_NEG + 1]);
    if (!new_index)
        return NULL;
    Object *product = int_mul(r->index, r->step);
    if (!product) {
        decref(new_index);
        return NULL;
    }
    Object *result = int_add(r->start, product);
    decref(product);
    if (result)
        SETREF(r->index, new_index);
    else
        decref(new_index);
    return result;
}

TypeObject longrangeiter_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "longrange_iterator",
    .basicsize = sizeof(LongRangeIterObject),
    .dealloc = longrangeiter_dealloc,
    .iter = self_iter,
    .iternext = longrangeiter_next,
    .getattro = obj_generic_getattr,
};

static Object *
make_range_iter(Object *start, Object *step, Object *len)
{
    int overflow = 0;
    long lstart = int_as_long_and_overflow(start, &overflow);
    long lstep = overflow ? 0 : int_as_long_and_overflow(step, &overflow);
    long llen = overflow ? 0 : int_as_long_and_overflow(len, &overflow);
    if (!overflow) {
        /* the last value must fit in a long too */
        long long last = (long long)lstart + (long long)(llen > 0 ? llen - 1 : 0) * lstep;
        if (llen < 0 || last > LONG_MAX || last < LONG_MIN || (lstep && llen > 0 &&
            ((llen - 1) > LONG_MAX / (lstep < 0 ? -lstep : lstep))))
            overflow = 1;
    }
    if (!overflow) {
        RangeIterObject *it = (RangeIterObject *)obj_alloc(&rangeiter_type, 0);
        if (!it)
            return NULL;
        it->start = lstart;
        it->step = lstep;
        it->len = llen;
        it->index = 0;
        return (Object *)it;
    }
    err_clear();
    LongRangeIterObject *it = (LongRangeIterObject *)obj_alloc(&longrangeiter_type, 0);
    if (!it)
        return NULL;
    it->index = int_from_long(0);
    it->start = newref(start);
    it->step = newref(step);
    it->len = newref(len);
    return (Object *)it;
}

static Object *
range_iter(Object *o)
{
    RangeObject *r = (RangeObject *)o;
    return make_range_iter(r->start, r->step, r->length);
}

static Object *
range_reversed(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    RangeObject *r = (RangeObject *)self;
    /* start' = start + (len-1)*step, step' = -step */
    Object *one = int_from_long(1);
    Object *lm1 = int_sub(r->length, one);
    decref(one);
    if (!lm1)
        return NULL;
    Object *last = range_compute_item(r, lm1);
    decref(lm1);
    if (!last)
        return NULL;
    Object *nstep = int_neg(r->step);
    Object *res = nstep ? make_range_iter(last, nstep, r->length) : NULL;
    decref(last);
    xdecref(nstep);
    return res;
}

static Object *
range_count(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (INT_CHECK_EXACT(args[0]) || BOOL_CHECK(args[0])) {
        int r = range_contains_long((RangeObject *)self, args[0]);
        if (r < 0)
            return NULL;
        return int_from_long(r);
    }
    ssize_t n = 0;
    Object *it = obj_get_iter(self);
    if (!it)
        return NULL;
    for (;;) {
        Object *v = obj_iter_next(it);
        if (!v)
            break;
        int eq = obj_richcompare_bool(v, args[0], CMP_EQ);
        decref(v);
        if (eq < 0) {
            decref(it);
            return NULL;
        }
        n += eq;
    }
    decref(it);
    if (err_occurred())
        return NULL;
    return int_from_ssize(n);
}

static Object *
range_index(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    RangeObject *r = (RangeObject *)self;
    Object *x = args[0];
    if (INT_CHECK_EXACT(x) || BOOL_CHECK(x)) {
        int c = range_contains_long(r, x);
        if (c < 0)
            return NULL;
        if (c) {
            Object *d = int_sub(x, r->start);
            if (!d)
                return NULL;
            Object *q = int_floordiv(d, r->step);
            decref(d);
            return q;
        }
    }
    return err_format(exc_ValueError, "%R is not in range", x);
}

static const MethodDef range_methods[] = {
    {"__reversed__", range_reversed, METH_NOARGS, NULL},
    {"count", range_count, METH_O, NULL},
    {"index", range_index, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static const MemberDef range_members[] = {
    {"start", MEMBER_OBJECT, offsetof(RangeObject, start), MEMBER_READONLY, NULL},
    {"stop", MEMBER_OBJECT, offsetof(RangeObject, stop), MEMBER_READONLY, NULL},
    {"step", MEMBER_OBJECT, offsetof(RangeObject, step), MEMBER_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

TypeObject range_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "range",
    .basicsize = sizeof(RangeObject),
    .doc = "range(stop) -> range object\nrange(start, stop[, step]) -> range object",
    .dealloc = range_dealloc,
    .repr = range_repr,
    .hash = range_hash,
    .richcompare = range_richcompare,
    .iter = range_iter,
    .getattro = obj_generic_getattr,
    .new_ = range_new_impl,
    .new_vectorcall = range_vectorcall_new,
    .len = range_length,
    .nb_bool = range_bool,
    .sq_item = range_item,
    .sq_contains = range_contains,
    .mp_subscript = range_subscript,
    .methods = range_methods,
    .members = range_members,
};
