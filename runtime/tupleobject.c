/*
** tupleobject.c -- tuple (CPython's Objects/tupleobject.c, 3.11).
** Free lists: one per length 1..20, up to 2000 tuples each, threaded through items[0].
** A tuple taken from or given back to a free list is not (de)allocated as far as the
** collector's generation-0 count is concerned, exactly as in CPython (the count moves
** only in obj_alloc/obj_free).  The empty tuple is an immortal singleton.
*/
#include "tupleobject.h"
#include "error.h"
#include "gc.h"
#include "heap.h"
#include "state.h"
#include "intobject.h"
#include "strobject.h"
#include "listobject.h"
#include "dictobject.h"
#include "typeobject.h"
#include "genericalias.h"
#include "methodobject.h"
#include "sliceobject.h"
#include <string.h>
#include <stdio.h>

static TupleObject *free_list[TUPLE_MAXSAVESIZE];
static int numfree[TUPLE_MAXSAVESIZE];
/* The empty tuple is static but, being a tuple, must carry a (never tracked) GcHead. */
static struct {
    GcHead gc;
    TupleObject t;
} empty_tuple_storage = {{0, 0}, {{{999999999, &tuple_type}, 0}, {NULL}}};   /* _PyVarObject_IMMORTAL_INIT */
#define EMPTY_TUPLE ((Object *)&empty_tuple_storage.t)

Object *
tuple_empty(void)
{
    return newref(EMPTY_TUPLE);
}

static TupleObject *
tuple_alloc(ssize_t n)
{
    if (n < 0)
        return (TupleObject *)err_bad_internal_call("tuple_alloc");
    /* `n < TUPLE_MAXSAVESIZE`, as 3.11's tuple_alloc: 20-tuples are saved by
    ** tuple_dealloc but never taken back (observable in id() reuse and
    ** sys._debugmallocstats) */
    if (n < TUPLE_MAXSAVESIZE && n > 0) {
        TupleObject *t = free_list[n - 1];
        if (t) {
            free_list[n - 1] = (TupleObject *)t->items[0];
            numfree[n - 1]--;
            t->ob_base.ob_base.refcnt = 1;
            obj_live_count++;
            return t;
        }
    }
    if ((size_t)n > ((size_t)SSIZE_MAX - sizeof(TupleObject)) / sizeof(Object *))
        return (TupleObject *)err_no_memory();
    size_t size = offsetof(TupleObject, items) + (size_t)n * sizeof(Object *);
    TupleObject *t = (TupleObject *)obj_alloc_raw(&tuple_type, size);
    if (!t)
        return NULL;
    SIZE(t) = n;
    return t;
}

Object *
tuple_new(ssize_t n)
{
    if (n == 0)
        return tuple_empty();
    TupleObject *t = tuple_alloc(n);
    if (!t)
        return NULL;
    memset(t->items, 0, sizeof(Object *) * (size_t)n);
    gc_track((Object *)t);
    return (Object *)t;
}

Object *
tuple_from_array(Object *const *items, ssize_t n)
{
    if (n == 0)
        return tuple_empty();
    TupleObject *t = tuple_alloc(n);
    if (!t)
        return NULL;
    for (ssize_t i = 0; i < n; i++)
        t->items[i] = newref(items[i]);
    gc_track((Object *)t);
    return (Object *)t;
}

Object *
tuple_from_array_take(Object *const *items, ssize_t n)
{
    if (n == 0)
        return tuple_empty();
    TupleObject *t = tuple_alloc(n);
    if (!t) {
        for (ssize_t i = 0; i < n; i++)
            decref(items[i]);
        return NULL;
    }
    for (ssize_t i = 0; i < n; i++)     /* mostly 2 or 3 items: no memcpy call */
        t->items[i] = items[i];
    gc_track((Object *)t);
    return (Object *)t;
}

Object *
tuple_pack(ssize_t n, ...)
{
    if (n == 0)
        return tuple_empty();
    TupleObject *t = tuple_alloc(n);
    if (!t)
        return NULL;
    va_list ap;
    va_start(ap, n);
    for (ssize_t i = 0; i < n; i++)
        t->items[i] = newref(va_arg(ap, Object *));
    va_end(ap);
    gc_track((Object *)t);
    return (Object *)t;
}

static void
tuple_dealloc(Object *o)
{
    TupleObject *t = (TupleObject *)o;
    ssize_t n = SIZE(t);
    if (o == EMPTY_TUPLE) {
        t->ob_base.ob_base.refcnt = 999999999;
        return;
    }
    gc_untrack(o);
    int tok = trash_begin(o, tuple_dealloc);
    if (tok < 0)
        return;
    for (ssize_t i = n - 1; i >= 0; i--)
        xdecref(t->items[i]);
    if (n <= TUPLE_MAXSAVESIZE && n > 0 && TYPE(o) == &tuple_type &&
        numfree[n - 1] < TUPLE_MAXFREELIST) {
        t->items[0] = (Object *)free_list[n - 1];
        free_list[n - 1] = t;
        numfree[n - 1]++;
        obj_live_count--;
    } else {
        TYPE(o)->free(o);
    }
    trash_end(tok);
}

/* The heap's side mode has free lists of its own (rt_swap_freelists). */
void
tuple_swap_freelists(void)
{
    static TupleObject *side_list[TUPLE_MAXSAVESIZE];
    static int side_num[TUPLE_MAXSAVESIZE];
    for (int i = 0; i < TUPLE_MAXSAVESIZE; i++) {
        TupleObject *t = free_list[i];
        free_list[i] = side_list[i];
        side_list[i] = t;
        int n = numfree[i];
        numfree[i] = side_num[i];
        side_num[i] = n;
    }
}

void
tuple_clear_freelists(void)
{
    for (int i = 0; i < TUPLE_MAXSAVESIZE; i++) {
        TupleObject *t = free_list[i];
        free_list[i] = NULL;
        numfree[i] = 0;
        while (t) {
            TupleObject *next = (TupleObject *)t->items[0];
            obj_live_count++;       /* obj_free counts it as a live object */
            obj_free(t);
            t = next;
        }
    }
}

void
tuple_debug_stats(void *out)
{
    FILE *f = out;
    for (int i = 0; i < TUPLE_MAXSAVESIZE; i++) {
        char label[64];
        snprintf(label, sizeof label, "free %d-sized PyTupleObject", i + 1);
        heap_print_free_list(f, label, numfree[i],
                             offsetof(TupleObject, items) + (size_t)(i + 1) * sizeof(Object *));
    }
}

static int
tuple_traverse(Object *o, visitproc visit, void *arg)
{
    TupleObject *t = (TupleObject *)o;
    for (ssize_t i = SIZE(t) - 1; i >= 0; i--)
        OBJ_VISIT(t->items[i]);
    return 0;
}

void
tuple_maybe_untrack(Object *o)
{
    if (!TUPLE_CHECK_EXACT(o) || !gc_is_tracked(o))
        return;
    TupleObject *t = (TupleObject *)o;
    for (ssize_t i = 0; i < SIZE(t); i++) {
        Object *e = t->items[i];
        if (!e)
            return;
        if (gc_may_be_tracked(e))
            return;
    }
    gc_untrack(o);
}

/* ================================================================ protocol */

static ssize_t
tuple_length(Object *o)
{
    return SIZE(o);
}

static Object *
tuple_item(Object *o, ssize_t i)
{
    if ((size_t)i >= (size_t)SIZE(o))
        return err_set(exc_IndexError, "tuple index out of range");
    return newref(TUPLE_GET(o, i));
}

Object *
tuple_getslice(Object *o, ssize_t lo, ssize_t hi)
{
    ssize_t n = SIZE(o);
    if (lo < 0)
        lo = 0;
    if (hi > n)
        hi = n;
    if (hi < lo)
        hi = lo;
    if (lo == 0 && hi == n && TUPLE_CHECK_EXACT(o))
        return newref(o);
    return tuple_from_array(TUPLE_ITEMS(o) + lo, hi - lo);
}

static Object *
tuple_subscript(Object *o, Object *key)
{
    if (INT_CHECK_EXACT(key) && int_is_compact(key)) {
        ssize_t i = int_compact_value(key);
        if (i < 0)
            i += SIZE(o);
        return tuple_item(o, i);
    }
    if (index_check(key)) {
        ssize_t i = num_as_ssize(key, exc_IndexError);
        if (i == -1 && err_occurred())
            return NULL;
        if (i < 0)
            i += SIZE(o);
        return tuple_item(o, i);
    }
    if (TYPE(key) == &slice_type) {
        ssize_t start, stop, step, n;
        if (slice_unpack_indices(key, SIZE(o), &start, &stop, &step, &n) < 0)
            return NULL;
        if (n <= 0)
            return tuple_empty();
        if (step == 1)
            return tuple_getslice(o, start, stop);
        TupleObject *r = tuple_alloc(n);
        if (!r)
            return NULL;
        for (ssize_t i = 0, j = start; i < n; i++, j += step)
            r->items[i] = newref(TUPLE_GET(o, j));
        gc_track((Object *)r);
        return (Object *)r;
    }
    return err_format(exc_TypeError, "tuple indices must be integers or slices, not %s",
                      TYPE(key)->name);
}

static Object *
tuple_concat(Object *a, Object *b)
{
    if (!TUPLE_CHECK(b))
        return err_format(exc_TypeError, "can only concatenate tuple (not \"%s\") to tuple",
                          TYPE(b)->name);
    ssize_t na = SIZE(a), nb = SIZE(b);
    if (nb == 0 && TUPLE_CHECK_EXACT(a))
        return newref(a);
    if (na == 0 && TUPLE_CHECK_EXACT(b))
        return newref(b);
    if (na > SSIZE_MAX - nb)
        return err_no_memory();
    TupleObject *r = tuple_alloc(na + nb);
    if (!r)
        return NULL;
    for (ssize_t i = 0; i < na; i++)
        r->items[i] = newref(TUPLE_GET(a, i));
    for (ssize_t i = 0; i < nb; i++)
        r->items[na + i] = newref(TUPLE_GET(b, i));
    gc_track((Object *)r);
    return (Object *)r;
}

static Object *
tuple_repeat(Object *a, ssize_t n)
{
    ssize_t len = SIZE(a);
    if (len == 0 || n == 1) {
        if (TUPLE_CHECK_EXACT(a))
            return newref(a);
    }
    if (n <= 0 || len == 0)
        return tuple_empty();
    if (len > SSIZE_MAX / n)
        return err_no_memory();
    TupleObject *r = tuple_alloc(len * n);
    if (!r)
        return NULL;
    Object **p = r->items;
    for (ssize_t i = 0; i < n; i++)
        for (ssize_t j = 0; j < len; j++)
            *p++ = newref(TUPLE_GET(a, j));
    gc_track((Object *)r);
    return (Object *)r;
}

static int
tuple_contains(Object *o, Object *x)
{
    for (ssize_t i = 0; i < SIZE(o); i++) {
        int c = obj_richcompare_bool(TUPLE_GET(o, i), x, CMP_EQ);
        if (c != 0)
            return c;
    }
    return 0;
}

#define XXPRIME_1 ((size_t)11400714785074694791ULL)
#define XXPRIME_2 ((size_t)14029467366897019727ULL)
#define XXPRIME_5 ((size_t)2870177450012600261ULL)
#define XXROTATE(x) ((x << 31) | (x >> 33))

static hash_t
tuple_hash(Object *o)
{
    ssize_t len = SIZE(o);
    size_t acc = XXPRIME_5;
    /* hash(((((),),),)...) recurses once per level (CPython has no guard here and
    ** overflows the C stack) */
    if (rt_check_c_stack() < 0)
        return -1;
    for (ssize_t i = 0; i < len; i++) {
        hash_t lane = obj_hash(TUPLE_GET(o, i));
        if (lane == -1)
            return -1;
        acc += (size_t)lane * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += (size_t)len ^ (XXPRIME_5 ^ 3527539UL);
    if (acc == (size_t)-1)
        return 1546275796;
    return (hash_t)acc;
}

static Object *
tuple_richcompare(Object *v, Object *w, int op)
{
    if (!TUPLE_CHECK(v) || !TUPLE_CHECK(w))
        return newref(NotImplemented);
    ssize_t vl = SIZE(v), wl = SIZE(w), i;
    for (i = 0; i < vl && i < wl; i++) {
        int k = obj_richcompare_bool(TUPLE_GET(v, i), TUPLE_GET(w, i), CMP_EQ);
        if (k < 0)
            return NULL;
        if (!k)
            break;
    }
    if (i >= vl || i >= wl) {
        int r;
        switch (op) {
        case CMP_LT: r = vl < wl; break;
        case CMP_LE: r = vl <= wl; break;
        case CMP_EQ: r = vl == wl; break;
        case CMP_NE: r = vl != wl; break;
        case CMP_GT: r = vl > wl; break;
        default: r = vl >= wl; break;
        }
        return bool_from(r);
    }
    if (op == CMP_EQ)
        return bool_from(0);
    if (op == CMP_NE)
        return bool_from(1);
    return obj_richcompare(TUPLE_GET(v, i), TUPLE_GET(w, i), op);
}

static Object *
tuple_repr(Object *o)
{
    ssize_t n = SIZE(o);
    if (n == 0)
        return str_from_cstr("()");
    int rc = repr_enter(o);
    if (rc != 0)
        return rc > 0 ? str_from_cstr("(...)") : NULL;
    StrBuilder b;
    sb_init(&b);
    if (sb_putc(&b, '(') < 0)
        goto fail;
    for (ssize_t i = 0; i < n; i++) {
        if (i && sb_puts(&b, ", ") < 0)
            goto fail;
        if (sb_put_repr(&b, TUPLE_GET(o, i)) < 0)
            goto fail;
    }
    if (n == 1 && sb_putc(&b, ',') < 0)
        goto fail;
    if (sb_putc(&b, ')') < 0)
        goto fail;
    repr_leave(o);
    return sb_finish(&b);
fail:
    repr_leave(o);
    sb_discard(&b);
    return NULL;
}

/* ================================================================ iterator */

typedef struct TupleIterObject {
    OBJECT_HEAD;
    ssize_t index;
    Object *seq;
} TupleIterObject;

static void
tupleiter_dealloc(Object *o)
{
    gc_untrack(o);
    xdecref(((TupleIterObject *)o)->seq);
    obj_free(o);
}

static int
tupleiter_traverse(Object *o, visitproc visit, void *arg)
{
    OBJ_VISIT(((TupleIterObject *)o)->seq);
    return 0;
}

static Object *
tupleiter_next(Object *o)
{
    TupleIterObject *it = (TupleIterObject *)o;
    Object *s = it->seq;
    if (!s)
        return NULL;
    if (it->index < SIZE(s))
        return newref(TUPLE_GET(s, it->index++));
    it->seq = NULL;
    decref(s);
    return NULL;
}

static Object *
self_iter(Object *o)
{
    return newref(o);
}

static Object *
tupleiter_length_hint(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    TupleIterObject *it = (TupleIterObject *)self;
    return int_from_ssize(it->seq ? SIZE(it->seq) - it->index : 0);
}

static const MethodDef tupleiter_methods[] = {
    {"__length_hint__", tupleiter_length_hint, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObject tupleiter_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "tuple_iterator",
    .basicsize = sizeof(TupleIterObject),
    .flags = TPFLAG_GC,
    .dealloc = tupleiter_dealloc,
    .traverse = tupleiter_traverse,
    .iter = self_iter,
    .iternext = tupleiter_next,
    .getattro = obj_generic_getattr,
    .methods = tupleiter_methods,
};

static Object *
tuple_iter(Object *o)
{
    TupleIterObject *it = (TupleIterObject *)obj_alloc(&tupleiter_type, 0);
    if (!it)
        return NULL;
    it->seq = newref(o);
    gc_track((Object *)it);
    return (Object *)it;
}

/* ================================================================ methods, new */

/* _PyTuple_Resize: *pv (a tuple nobody else holds yet) to n items, in place when the
** heap can (pymalloc's realloc); the empty tuple is replaced, never resized.  0, or -1
** with an exception and *pv released. */
static int
tuple_resize(Object **pv, ssize_t n)
{
    TupleObject *v = (TupleObject *)*pv;
    ssize_t old = SIZE(v);
    if (old == n)
        return 0;
    if (n == 0) {
        decref(*pv);
        *pv = tuple_empty();
        return 0;
    }
    if (old == 0) {
        decref(*pv);
        *pv = tuple_new(n);
        return *pv ? 0 : -1;
    }
    if (gc_is_tracked(*pv))
        gc_untrack(*pv);
    for (ssize_t i = n; i < old; i++)
        CLEAR(v->items[i]);
    size_t pre = obj_presize(&tuple_type);
    size_t size = offsetof(TupleObject, items) + (size_t)n * sizeof(Object *);
    char *mem = heap_realloc((char *)v - pre, pre + size);
    if (!mem) {
        gc_track(*pv);
        decref(*pv);
        *pv = NULL;
        err_no_memory();
        return -1;
    }
    v = (TupleObject *)(mem + pre);
    if (n > old)
        memset(&v->items[old], 0, sizeof(Object *) * (size_t)(n - old));
    SIZE(v) = n;
    *pv = (Object *)v;
    gc_track(*pv);
    return 0;
}

/* PySequence_Tuple: lists copied; anything else iterated into a tuple sized by its
** length hint (10 without one) that grows by 10 + 25% and is cut back at the end, as
** CPython's -- the same blocks, so ids and generation-0 counts follow. */
Object *
tuple_from_iterable(Object *v)
{
    if (TUPLE_CHECK_EXACT(v))
        return newref(v);
    if (LIST_CHECK_EXACT(v))
        return tuple_from_array(LIST_ITEMS(v), LIST_LEN(v));
    Object *it = obj_get_iter(v);
    if (!it)
        return NULL;
    ssize_t n = length_hint(v, 10);
    if (n < 0) {
        decref(it);
        return NULL;
    }
    Object *result = tuple_new(n);
    if (!result) {
        decref(it);
        return NULL;
    }
    ssize_t j;
    for (j = 0;; ++j) {
        Object *item = obj_iter_next(it);
        if (!item) {
            if (err_occurred())
                goto fail;
            break;
        }
        if (j >= n) {
            size_t newn = (size_t)n + 10u;
            newn += newn >> 2;
            if (newn > (size_t)SSIZE_MAX) {
                decref(item);
                err_set(exc_OverflowError, "too many items in the iterable");
                goto fail;
            }
            n = (ssize_t)newn;
            if (tuple_resize(&result, n) < 0) {
                decref(item);
                goto fail;
            }
        }
        TUPLE_SET(result, j, item);
    }
    if (j < n && tuple_resize(&result, j) < 0)
        goto fail;
    decref(it);
    return result;
fail:
    xdecref(result);
    decref(it);
    return NULL;
}

static Object *
tuple_new_impl(TypeObject *t, Object *args, Object *kwds)
{
    if (kwds && DICT_LEN(kwds))
        return err_set(exc_TypeError, "tuple() takes no keyword arguments");
    ssize_t n = TUPLE_LEN(args);
    if (n > 1)
        return err_format(exc_TypeError, "tuple expected at most 1 argument, got %zd", n);
    Object *r = n ? tuple_from_iterable(TUPLE_GET(args, 0)) : tuple_empty();
    if (!r || t == &tuple_type)
        return r;
    ssize_t len = SIZE(r);
    Object *s = t->alloc(t, len);
    if (!s) {
        decref(r);
        return NULL;
    }
    for (ssize_t i = 0; i < len; i++)
        TUPLE_SET(s, i, newref(TUPLE_GET(r, i)));
    decref(r);
    gc_track(s);
    return s;
}

static Object *
tuple_vectorcall_new(Object *type, Object *const *args, size_t nargs, Object *kwnames)
{
    if (kwnames && TUPLE_LEN(kwnames))
        return err_set(exc_TypeError, "tuple() takes no keyword arguments");
    if (nargs > 1)
        return err_format(exc_TypeError, "tuple expected at most 1 argument, got %zu", nargs);
    return nargs ? tuple_from_iterable(args[0]) : tuple_empty();
}

static Object *
tuple_index_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_no_kwargs("index", kw) < 0 || arg_check_count("index", (size_t)nargs, 1, 3) < 0)
        return NULL;
    ssize_t n = SIZE(self), start = 0, stop = n;
    if (nargs > 1 && slice_index_arg(args[1], &start) < 0)
        return NULL;
    if (nargs > 2 && slice_index_arg(args[2], &stop) < 0)
        return NULL;
    if (start < 0) {
        start += n;
        if (start < 0)
            start = 0;
    }
    if (stop < 0)
        stop += n;
    if (stop > n)
        stop = n;
    for (ssize_t i = start; i < stop; i++) {
        int c = obj_richcompare_bool(TUPLE_GET(self, i), args[0], CMP_EQ);
        if (c > 0)
            return int_from_ssize(i);
        if (c < 0)
            return NULL;
    }
    return err_set(exc_ValueError, "tuple.index(x): x not in tuple");
}

static Object *
tuple_count_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    ssize_t count = 0;
    for (ssize_t i = 0; i < SIZE(self); i++) {
        int c = obj_richcompare_bool(TUPLE_GET(self, i), args[0], CMP_EQ);
        if (c > 0)
            count++;
        else if (c < 0)
            return NULL;
    }
    return int_from_ssize(count);
}

static Object *
tuple_getnewargs(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *c = tuple_from_array(TUPLE_ITEMS(self), SIZE(self));
    if (!c)
        return NULL;
    Object *r = tuple_pack(1, c);
    decref(c);
    return r;
}

static Object *
tuple_sizeof(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return int_from_ssize(TYPE(self)->basicsize + SIZE(self) * (ssize_t)sizeof(Object *));
}

static const MethodDef tuple_methods[] = {
    {"index", tuple_index_meth, METH_VARARGS, NULL},
    {"count", tuple_count_meth, METH_O, NULL},
    {"__getnewargs__", tuple_getnewargs, METH_NOARGS, NULL},
    {"__sizeof__", tuple_sizeof, METH_NOARGS, NULL},
    {"__class_getitem__", genericalias_class_getitem, METH_O | METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

static void
tuple_free(void *o)
{
    obj_free(o);
}

TypeObject tuple_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "tuple",
    .basicsize = offsetof(TupleObject, items),
    .itemsize = sizeof(Object *),
    .flags = TPFLAG_BASETYPE | TPFLAG_GC | TPFLAG_TUPLE_SUBCLASS,
    .doc = "Built-in immutable sequence.",
    .dealloc = tuple_dealloc,
    .traverse = tuple_traverse,
    .free = tuple_free,
    .repr = tuple_repr,
    .hash = tuple_hash,
    .richcompare = tuple_richcompare,
    .iter = tuple_iter,
    .getattro = obj_generic_getattr,
    .new_ = tuple_new_impl,
    .new_vectorcall = tuple_vectorcall_new,
    .alloc = type_generic_alloc,
    .len = tuple_length,
    .sq_concat = tuple_concat,
    .sq_repeat = tuple_repeat,
    .sq_item = tuple_item,
    .sq_contains = tuple_contains,
    .mp_subscript = tuple_subscript,
    .methods = tuple_methods,
};
