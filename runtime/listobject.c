/*
** listobject.c -- list (CPython's Objects/listobject.c, 3.11).
**
** Capacity.  'allocated' slots exist, SIZE() are used.  list_resize grows to
** (n + n/8 + 6) & ~3 and shrinks only when less than half is used, giving the append
** pattern 0, 4, 8, 16, 24, 32, 40, 52, 64, 76...; extending an empty list by a list,
** tuple or sized iterable preallocates exactly (rounded up to even), as 3.11 does -- so
** sys.getsizeof() agrees with CPython.  Freed list objects (not their item arrays) go to
** a free list of 80 and do not move the collector's generation-0 count.
**
** Sorting is a stable merge sort on runs (timsort's merging without galloping), with
** CPython's pre-check that picks a specialised comparison when all keys are compact
** ints, floats or strs, and the "list modified during sort" guard (the list is empty
** while it is being sorted).
*/
#include "listobject.h"
#include "error.h"
#include "gc.h"
#include "heap.h"
#include "state.h"
#include "intobject.h"
#include "floatobject.h"
#include "strobject.h"
#include "tupleobject.h"
#include "dictobject.h"
#include "typeobject.h"
#include "methodobject.h"
#include "sliceobject.h"
#include <string.h>
#include <stdio.h>

#define LIST_MAXFREELIST 80
static ListObject *free_list[LIST_MAXFREELIST];
static int numfree;

int
list_resize(ListObject *self, ssize_t newsize)
{
    ssize_t allocated = self->allocated;
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        SIZE(self) = newsize;
        return 0;
    }
    size_t new_allocated = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
    if (newsize - SIZE(self) > (ssize_t)(new_allocated - (size_t)newsize))
        new_allocated = ((size_t)newsize + 3) & ~(size_t)3;
    if (newsize == 0)
        new_allocated = 0;
    Object **items;
    if (new_allocated <= (size_t)SSIZE_MAX / sizeof(Object *)) {
        items = new_allocated ? heap_realloc(self->items, new_allocated * sizeof(Object *))
                              : (heap_free(self->items), NULL);
    } else {
        items = NULL;
    }
    if (!items && new_allocated) {
        err_no_memory();
        return -1;
    }
    self->items = items;
    SIZE(self) = newsize;
    self->allocated = (ssize_t)new_allocated;
    return 0;
}

static int
list_preallocate_exact(ListObject *self, ssize_t size)
{
    size = (size + 1) & ~(ssize_t)1;
    if ((size_t)size > (size_t)SSIZE_MAX / sizeof(Object *)) {
        err_no_memory();
        return -1;
    }
    Object **items = heap_alloc(sizeof(Object *) * (size_t)size);
    if (!items) {
        err_no_memory();
        return -1;
    }
    self->items = items;
    self->allocated = size;
    return 0;
}

Object *
list_new(ssize_t n)
{
    if (n < 0)
        return err_bad_internal_call("list_new");
    ListObject *l;
    if (numfree) {
        numfree--;
        l = free_list[numfree];
        l->ob_base.ob_base.refcnt = 1;
        obj_live_count++;
    } else {
        l = (ListObject *)obj_alloc_raw(&list_type, sizeof(ListObject));
        if (!l)
            return NULL;
    }
    if (n <= 0) {
        l->items = NULL;
    } else {
        if ((size_t)n > (size_t)SSIZE_MAX / sizeof(Object *)) {
            obj_free(l);
            return err_no_memory();
        }
        l->items = heap_calloc((size_t)n, sizeof(Object *));
        if (!l->items) {
            SIZE(l) = 0;
            l->allocated = 0;
            obj_free(l);
            return err_no_memory();
        }
    }
    SIZE(l) = n;
    l->allocated = n;
    gc_track((Object *)l);
    return (Object *)l;
}

static void
list_dealloc(Object *o)
{
    ListObject *l = (ListObject *)o;
    gc_untrack(o);
    int tok = trash_begin(o, list_dealloc);
    if (tok < 0)
        return;
    if (l->items) {
        for (ssize_t i = SIZE(l) - 1; i >= 0; i--)
            xdecref(l->items[i]);
        heap_free(l->items);
    }
    if (numfree < LIST_MAXFREELIST && TYPE(o) == &list_type) {
        free_list[numfree++] = l;
        obj_live_count--;
    } else {
        TYPE(o)->free(o);
    }
    trash_end(tok);
}

void
list_clear_freelist(void)
{
    while (numfree) {
        ListObject *l = free_list[--numfree];
        obj_live_count++;
        obj_free(l);
    }
}

void
list_debug_stats(void *out)
{
    heap_print_free_list(out, "free PyListObject", numfree, sizeof(ListObject));
}

static int
list_traverse(Object *o, visitproc visit, void *arg)
{
    ListObject *l = (ListObject *)o;
    for (ssize_t i = SIZE(l) - 1; i >= 0; i--)
        OBJ_VISIT(l->items[i]);
    return 0;
}

static int
list_clear_items(ListObject *l)
{
    Object **items = l->items;
    ssize_t n = SIZE(l);
    if (!items)
        return 0;
    l->items = NULL;
    SIZE(l) = 0;
    l->allocated = 0;
    while (--n >= 0)
        xdecref(items[n]);
    heap_free(items);
    return 0;
}

static int
list_clear_slot(Object *o)
{
    return list_clear_items((ListObject *)o);
}

/* ================================================================ basic operations */

int
list_append_take(Object *o, Object *v)
{
    ListObject *l = (ListObject *)o;
    ssize_t n = SIZE(l);
    if (l->allocated > n) {
        l->items[n] = v;
        SIZE(l) = n + 1;
        return 0;
    }
    if (list_resize(l, n + 1) < 0) {
        decref(v);
        return -1;
    }
    l->items[n] = v;
    return 0;
}

int
list_append(Object *o, Object *v)
{
    incref(v);
    return list_append_take(o, v);
}

int
list_insert(Object *o, ssize_t where, Object *v)
{
    ListObject *l = (ListObject *)o;
    ssize_t n = SIZE(l);
    if (list_resize(l, n + 1) < 0)
        return -1;
    if (where < 0) {
        where += n;
        if (where < 0)
            where = 0;
    }
    if (where > n)
        where = n;
    Object **items = l->items;
    memmove(&items[where + 1], &items[where], sizeof(Object *) * (size_t)(n - where));
    items[where] = newref(v);
    return 0;
}

Object *
list_getslice(Object *o, ssize_t lo, ssize_t hi)
{
    ssize_t n = SIZE(o);
    if (lo < 0)
        lo = 0;
    if (hi > n)
        hi = n;
    if (hi < lo)
        hi = lo;
    ssize_t len = hi - lo;
    ListObject *r = (ListObject *)list_new(0);
    if (!r)
        return NULL;
    if (len > 0) {
        if (list_preallocate_exact(r, len) < 0) {
            decref(r);
            return NULL;
        }
        for (ssize_t i = 0; i < len; i++)
            r->items[i] = newref(LIST_GET(o, lo + i));
        SIZE(r) = len;
    }
    return (Object *)r;
}

/* a[ilow:ihigh] = v (v NULL: delete), v any iterable.  CPython's list_ass_slice. */
int
list_setslice(Object *o, ssize_t ilow, ssize_t ihigh, Object *v)
{
    ListObject *a = (ListObject *)o;
    Object *v_as_seq = NULL;
    Object **vitem = NULL;
    ssize_t n = 0;
    Object *recycle_small[8];
    Object **recycle = recycle_small;
    int result = -1;
    if (v) {
        if (v == o) {
            v_as_seq = list_getslice(v, 0, SIZE(v));
        } else if (LIST_CHECK(v) || TUPLE_CHECK(v)) {
            v_as_seq = newref(v);
        } else {
            v_as_seq = list_from_iterable(v);
            if (!v_as_seq) {
                if (err_matches(exc_TypeError)) {
                    err_clear();
                    err_set(exc_TypeError, "can only assign an iterable");
                }
                return -1;
            }
        }
        if (!v_as_seq)
            return -1;
        n = SIZE(v_as_seq);
        vitem = LIST_CHECK(v_as_seq) ? LIST_ITEMS(v_as_seq) : TUPLE_ITEMS(v_as_seq);
    }
    if (ilow < 0)
        ilow = 0;
    else if (ilow > SIZE(a))
        ilow = SIZE(a);
    if (ihigh < ilow)
        ihigh = ilow;
    else if (ihigh > SIZE(a))
        ihigh = SIZE(a);
    ssize_t norig = ihigh - ilow;
    ssize_t d = n - norig;
    if (SIZE(a) + d == 0) {
        xdecref(v_as_seq);
        return list_clear_items(a);
    }
    Object **item = a->items;
    size_t s = (size_t)norig * sizeof(Object *);
    if (s) {
        if (s > sizeof(recycle_small)) {
            recycle = heap_alloc(s);
            if (!recycle) {
                err_no_memory();
                goto done;
            }
        }
        memcpy(recycle, &item[ilow], s);
    }
    if (d < 0) {
        memmove(&item[ihigh + d], &item[ihigh],
                (size_t)(SIZE(a) - ihigh) * sizeof(Object *));
        if (list_resize(a, SIZE(a) + d) < 0)
            goto done;
        item = a->items;
    } else if (d > 0) {
        ssize_t k = SIZE(a);
        if (list_resize(a, k + d) < 0)
            goto done;
        item = a->items;
        memmove(&item[ihigh + d], &item[ihigh], (size_t)(k - ihigh) * sizeof(Object *));
    }
    for (ssize_t k = 0; k < n; k++)
        item[ilow + k] = newref(vitem[k]);
    for (ssize_t k = norig - 1; k >= 0; --k)
        xdecref(recycle[k]);
    result = 0;
done:
    if (recycle != recycle_small)
        heap_free(recycle);
    xdecref(v_as_seq);
    return result;
}

/* Length hint of an iterable: len() if sized, __length_hint__ otherwise, else dflt. */
static ssize_t
length_hint(Object *o, ssize_t dflt)
{
    if (TYPE(o)->len) {
        ssize_t n = TYPE(o)->len(o);
        if (n >= 0)
            return n;
        if (!err_matches(exc_TypeError))
            return -1;
        err_clear();
    }
    Object *hint = type_lookup(TYPE(o), ID(__length_hint__));
    if (!hint)
        return dflt;
    Object *r = type_call_special(o, ID(__length_hint__), NULL, 0);
    if (!r) {
        if (err_matches(exc_TypeError)) {
            err_clear();
            return dflt;
        }
        return -1;
    }
    if (r == NotImplemented) {
        decref(r);
        return dflt;
    }
    if (!INT_CHECK(r)) {
        err_format(exc_TypeError, "__length_hint__ must be an integer, not %s",
                   TYPE(r)->name);
        decref(r);
        return -1;
    }
    ssize_t n = int_as_ssize(r);
    decref(r);
    if (n == -1 && err_occurred())
        return -1;
    if (n < 0) {
        err_set(exc_ValueError, "__length_hint__() should return >= 0");
        return -1;
    }
    return n;
}

int
list_extend(Object *o, Object *iterable)
{
    ListObject *self = (ListObject *)o;
    if (LIST_CHECK_EXACT(iterable) || TUPLE_CHECK_EXACT(iterable) || iterable == o) {
        ssize_t n = SIZE(iterable);
        if (n == 0)
            return 0;
        ssize_t m = SIZE(self);
        if (self->items == NULL) {
            if (list_preallocate_exact(self, n) < 0)
                return -1;
            SIZE(self) = n;
        } else if (list_resize(self, m + n) < 0) {
            return -1;
        }
        Object **src = LIST_CHECK_EXACT(iterable) ? LIST_ITEMS(iterable)
                                                   : TUPLE_ITEMS(iterable);
        Object **dest = self->items + m;
        for (ssize_t i = 0; i < n; i++)
            dest[i] = newref(src[i]);
        return 0;
    }
    Object *it = obj_get_iter(iterable);
    if (!it)
        return -1;
    unaryfunc iternext = TYPE(it)->iternext;
    ssize_t n = length_hint(iterable, 8);
    if (n < 0) {
        decref(it);
        return -1;
    }
    ssize_t m = SIZE(self);
    if (m > SSIZE_MAX - n) {
        /* overflow: let append sort it out */
    } else if (self->items == NULL) {
        if (n && list_preallocate_exact(self, n) < 0)
            goto error;
    } else {
        if (list_resize(self, m + n) < 0)
            goto error;
        SIZE(self) = m;
    }
    for (;;) {
        Object *item = iternext(it);
        if (!item) {
            if (err_occurred()) {
                if (err_matches(exc_StopIteration))
                    err_clear();
                else
                    goto error;
            }
            break;
        }
        if (SIZE(self) < self->allocated) {
            self->items[SIZE(self)] = item;
            SIZE(self)++;
        } else if (list_append_take(o, item) < 0) {
            goto error;
        }
    }
    if (SIZE(self) < self->allocated) {
        if (list_resize(self, SIZE(self)) < 0)
            goto error;
    }
    decref(it);
    return 0;
error:
    decref(it);
    return -1;
}

Object *
list_from_iterable(Object *it)
{
    Object *l = list_new(0);
    if (!l)
        return NULL;
    if (TYPE(it)->len && !LIST_CHECK_EXACT(it) && !TUPLE_CHECK_EXACT(it)) {
        ssize_t n = TYPE(it)->len(it);
        if (n < 0) {
            if (!err_matches(exc_TypeError)) {
                decref(l);
                return NULL;
            }
            err_clear();
        } else if (n > 0 && list_preallocate_exact((ListObject *)l, n) < 0) {
            decref(l);
            return NULL;
        }
    }
    if (list_extend(l, it) < 0) {
        decref(l);
        return NULL;
    }
    return l;
}

Object *
list_as_tuple(Object *l)
{
    return tuple_from_array(LIST_ITEMS(l), SIZE(l));
}

int
list_reverse(Object *o)
{
    ListObject *l = (ListObject *)o;
    ssize_t n = SIZE(l);
    for (ssize_t i = 0, j = n - 1; i < j; i++, j--) {
        Object *t = l->items[i];
        l->items[i] = l->items[j];
        l->items[j] = t;
    }
    return 0;
}

/* ================================================================ protocol slots */

static ssize_t
list_length(Object *o)
{
    return SIZE(o);
}

static Object *
list_item(Object *o, ssize_t i)
{
    if ((size_t)i >= (size_t)SIZE(o))
        return err_set(exc_IndexError, "list index out of range");
    return newref(LIST_GET(o, i));
}

static Object *
list_subscript(Object *o, Object *key)
{
    if (INT_CHECK_EXACT(key) && int_is_compact(key)) {
        ssize_t i = int_compact_value(key);
        if (i < 0)
            i += SIZE(o);
        return list_item(o, i);
    }
    if (index_check(key)) {
        ssize_t i = num_as_ssize(key, exc_IndexError);
        if (i == -1 && err_occurred())
            return NULL;
        if (i < 0)
            i += SIZE(o);
        return list_item(o, i);
    }
    if (TYPE(key) == &slice_type) {
        ssize_t start, stop, step, n;
        if (slice_unpack_indices(key, SIZE(o), &start, &stop, &step, &n) < 0)
            return NULL;
        if (n <= 0)
            return list_new(0);
        if (step == 1)
            return list_getslice(o, start, stop);
        ListObject *r = (ListObject *)list_new(0);
        if (!r || list_preallocate_exact(r, n) < 0) {
            xdecref(r);
            return NULL;
        }
        for (ssize_t i = 0, j = start; i < n; i++, j += step)
            r->items[i] = newref(LIST_GET(o, j));
        SIZE(r) = n;
        return (Object *)r;
    }
    return err_format(exc_TypeError, "list indices must be integers or slices, not %s",
                      TYPE(key)->name);
}

static int
list_ass_item(Object *o, ssize_t i, Object *v)
{
    if ((size_t)i >= (size_t)SIZE(o)) {
        err_set(exc_IndexError, "list assignment index out of range");
        return -1;
    }
    if (!v)
        return list_setslice(o, i, i + 1, NULL);
    Object *old = LIST_GET(o, i);
    LIST_SET(o, i, newref(v));
    decref(old);
    return 0;
}

static int
list_ass_subscript(Object *o, Object *key, Object *v)
{
    ListObject *self = (ListObject *)o;
    if (index_check(key)) {
        ssize_t i = num_as_ssize(key, exc_IndexError);
        if (i == -1 && err_occurred())
            return -1;
        if (i < 0)
            i += SIZE(o);
        return list_ass_item(o, i, v);
    }
    if (TYPE(key) != &slice_type) {
        err_format(exc_TypeError, "list indices must be integers or slices, not %s",
                   TYPE(key)->name);
        return -1;
    }
    ssize_t start, stop, step, slicelen;
    if (slice_unpack_indices(key, SIZE(o), &start, &stop, &step, &slicelen) < 0)
        return -1;
    if (step == 1)
        return list_setslice(o, start, stop, v);
    /* Make sure s[5:2] = [..] inserts at the right place: before 5, not before 2. */
    if ((step < 0 && start < stop) || (step > 0 && start > stop))
        stop = start;
    if (!v) {
        if (slicelen <= 0)
            return 0;
        if (step < 0) {
            stop = start + 1;
            start = stop + step * (slicelen - 1) - 1;
            step = -step;
        }
        Object **garbage = heap_alloc(sizeof(Object *) * (size_t)slicelen);
        if (!garbage) {
            err_no_memory();
            return -1;
        }
        ssize_t cur, i;
        for (cur = start, i = 0; cur < stop; cur += step, i++) {
            ssize_t lim = step - 1;
            garbage[i] = LIST_GET(o, cur);
            if (cur + step >= SIZE(o))
                lim = SIZE(o) - cur - 1;
            memmove(self->items + cur - i, self->items + cur + 1,
                    (size_t)lim * sizeof(Object *));
        }
        cur = start + slicelen * step;
        if (cur < SIZE(o))
            memmove(self->items + cur - slicelen, self->items + cur,
                    (size_t)(SIZE(o) - cur) * sizeof(Object *));
        SIZE(self) -= slicelen;
        int rc = list_resize(self, SIZE(self));
        for (i = 0; i < slicelen; i++)
            decref(garbage[i]);
        heap_free(garbage);
        return rc;
    }
    Object *seq;
    if (v == o)
        seq = list_getslice(v, 0, SIZE(v));
    else
        seq = list_from_iterable(v);
    if (!seq) {
        if (err_matches(exc_TypeError)) {
            err_clear();
            err_set(exc_TypeError, "must assign iterable to extended slice");
        }
        return -1;
    }
    if (SIZE(seq) != slicelen) {
        err_format(exc_ValueError,
                   "attempt to assign sequence of size %zd to extended slice of size %zd",
                   SIZE(seq), slicelen);
        decref(seq);
        return -1;
    }
    if (!slicelen) {
        decref(seq);
        return 0;
    }
    Object **garbage = heap_alloc(sizeof(Object *) * (size_t)slicelen);
    if (!garbage) {
        decref(seq);
        err_no_memory();
        return -1;
    }
    for (ssize_t cur = start, i = 0; i < slicelen; cur += step, i++) {
        garbage[i] = self->items[cur];
        self->items[cur] = newref(LIST_GET(seq, i));
    }
    for (ssize_t i = 0; i < slicelen; i++)
        decref(garbage[i]);
    heap_free(garbage);
    decref(seq);
    return 0;
}

static Object *
list_concat(Object *a, Object *b)
{
    if (!LIST_CHECK(b))
        return err_format(exc_TypeError, "can only concatenate list (not \"%s\") to list",
                          TYPE(b)->name);
    ssize_t na = SIZE(a), nb = SIZE(b);
    if (na > SSIZE_MAX - nb)
        return err_no_memory();
    ListObject *r = (ListObject *)list_new(na + nb);
    if (!r)
        return NULL;
    for (ssize_t i = 0; i < na; i++)
        r->items[i] = newref(LIST_GET(a, i));
    for (ssize_t i = 0; i < nb; i++)
        r->items[na + i] = newref(LIST_GET(b, i));
    return (Object *)r;
}

static Object *
list_repeat(Object *a, ssize_t n)
{
    ssize_t len = SIZE(a);
    if (n < 0)
        n = 0;
    if (len == 0 || n == 0)
        return list_new(0);
    if (len > SSIZE_MAX / n)
        return err_no_memory();
    ListObject *r = (ListObject *)list_new(len * n);
    if (!r)
        return NULL;
    Object **p = r->items;
    if (len == 1) {
        Object *e = LIST_GET(a, 0);
        for (ssize_t i = 0; i < n; i++)
            p[i] = e;
        e->refcnt += n;
        return (Object *)r;
    }
    for (ssize_t i = 0; i < n; i++)
        for (ssize_t j = 0; j < len; j++)
            *p++ = newref(LIST_GET(a, j));
    return (Object *)r;
}

static Object *
list_inplace_concat(Object *a, Object *b)
{
    if (list_extend(a, b) < 0)
        return NULL;
    return newref(a);
}

static Object *
list_inplace_repeat(Object *o, ssize_t n)
{
    ListObject *self = (ListObject *)o;
    ssize_t size = SIZE(self);
    if (size == 0 || n == 1)
        return newref(o);
    if (n < 1) {
        list_clear_items(self);
        return newref(o);
    }
    if (size > SSIZE_MAX / n)
        return err_no_memory();
    if (list_resize(self, size * n) < 0)
        return NULL;
    Object **p = self->items + size;
    for (ssize_t i = 1; i < n; i++)
        for (ssize_t j = 0; j < size; j++)
            *p++ = newref(self->items[j]);
    return newref(o);
}

static int
list_contains(Object *o, Object *x)
{
    for (ssize_t i = 0; i < SIZE(o); i++) {
        Object *item = LIST_GET(o, i);
        incref(item);
        int c = obj_richcompare_bool(item, x, CMP_EQ);
        decref(item);
        if (c != 0)
            return c;
    }
    return 0;
}

static Object *
list_richcompare(Object *v, Object *w, int op)
{
    if (!LIST_CHECK(v) || !LIST_CHECK(w))
        return newref(NotImplemented);
    if (SIZE(v) != SIZE(w) && (op == CMP_EQ || op == CMP_NE))
        return bool_from(op == CMP_NE);
    ssize_t i;
    for (i = 0; i < SIZE(v) && i < SIZE(w); i++) {
        Object *vi = LIST_GET(v, i), *wi = LIST_GET(w, i);
        if (vi == wi)
            continue;
        incref(vi);
        incref(wi);
        int k = obj_richcompare_bool(vi, wi, CMP_EQ);
        decref(vi);
        decref(wi);
        if (k < 0)
            return NULL;
        if (!k)
            break;
    }
    if (i >= SIZE(v) || i >= SIZE(w)) {
        ssize_t vl = SIZE(v), wl = SIZE(w);
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
    Object *vi = newref(LIST_GET(v, i)), *wi = newref(LIST_GET(w, i));
    Object *r = obj_richcompare(vi, wi, op);
    decref(vi);
    decref(wi);
    return r;
}

static Object *
list_repr(Object *o)
{
    if (SIZE(o) == 0)
        return str_from_cstr("[]");
    int rc = repr_enter(o);
    if (rc != 0)
        return rc > 0 ? str_from_cstr("[...]") : NULL;
    StrBuilder b;
    sb_init(&b);
    if (sb_putc(&b, '[') < 0)
        goto fail;
    for (ssize_t i = 0; i < SIZE(o); i++) {
        if (i && sb_puts(&b, ", ") < 0)
            goto fail;
        Object *item = newref(LIST_GET(o, i));
        int r = sb_put_repr(&b, item);
        decref(item);
        if (r < 0)
            goto fail;
    }
    if (sb_putc(&b, ']') < 0)
        goto fail;
    repr_leave(o);
    return sb_finish(&b);
fail:
    repr_leave(o);
    sb_discard(&b);
    return NULL;
}

/* ================================================================ iterators */

typedef struct ListIterObject {
    OBJECT_HEAD;
    ssize_t index;
    Object *seq;
} ListIterObject;

static void
listiter_dealloc(Object *o)
{
    gc_untrack(o);
    xdecref(((ListIterObject *)o)->seq);
    obj_free(o);
}

static int
listiter_traverse(Object *o, visitproc visit, void *arg)
{
    OBJ_VISIT(((ListIterObject *)o)->seq);
    return 0;
}

static Object *
listiter_next(Object *o)
{
    ListIterObject *it = (ListIterObject *)o;
    Object *s = it->seq;
    if (!s)
        return NULL;
    if (it->index < SIZE(s))
        return newref(LIST_GET(s, it->index++));
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
listiter_length_hint(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    ListIterObject *it = (ListIterObject *)self;
    ssize_t n = it->seq ? SIZE(it->seq) - it->index : 0;
    return int_from_ssize(n < 0 ? 0 : n);
}

static const MethodDef listiter_methods[] = {
    {"__length_hint__", listiter_length_hint, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObject listiter_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "list_iterator",
    .basicsize = sizeof(ListIterObject),
    .flags = TPFLAG_GC,
    .dealloc = listiter_dealloc,
    .traverse = listiter_traverse,
    .iter = self_iter,
    .iternext = listiter_next,
    .getattro = obj_generic_getattr,
    .methods = listiter_methods,
};

static Object *
list_iter(Object *o)
{
    ListIterObject *it = (ListIterObject *)obj_alloc(&listiter_type, 0);
    if (!it)
        return NULL;
    it->seq = newref(o);
    gc_track((Object *)it);
    return (Object *)it;
}

static Object *
listrevit_next(Object *o)
{
    ListIterObject *it = (ListIterObject *)o;
    Object *s = it->seq;
    if (!s)
        return NULL;
    if (it->index >= 0 && it->index < SIZE(s))
        return newref(LIST_GET(s, it->index--));
    it->index = -1;
    it->seq = NULL;
    decref(s);
    return NULL;
}

static Object *
listrevit_length_hint(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    ListIterObject *it = (ListIterObject *)self;
    ssize_t n = it->seq ? it->index + 1 : 0;
    if (it->seq && n > SIZE(it->seq))
        n = 0;
    return int_from_ssize(n);
}

static const MethodDef listrevit_methods[] = {
    {"__length_hint__", listrevit_length_hint, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObject listrevit_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "list_reverseiterator",
    .basicsize = sizeof(ListIterObject),
    .flags = TPFLAG_GC,
    .dealloc = listiter_dealloc,
    .traverse = listiter_traverse,
    .iter = self_iter,
    .iternext = listrevit_next,
    .getattro = obj_generic_getattr,
    .methods = listrevit_methods,
};

static Object *
list_reversed_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    ListIterObject *it = (ListIterObject *)obj_alloc(&listrevit_type, 0);
    if (!it)
        return NULL;
    it->seq = newref(self);
    it->index = SIZE(self) - 1;
    gc_track((Object *)it);
    return (Object *)it;
}

/* ================================================================ sort */

typedef struct SortState {
    int kind;               /* 0 generic, 1 compact ints, 2 floats, 3 exact str */
    int error;
} SortState;

/* a < b ?  1, 0 or -1 on error */
static inline int
sort_lt(SortState *st, Object *a, Object *b)
{
    switch (st->kind) {
    case 1:
        return int_compact_value(a) < int_compact_value(b);
    case 2:
        return FLOAT_VAL(a) < FLOAT_VAL(b);
    case 3: {
        if (STR_KIND(a) == 1 && STR_KIND(b) == 1) {
            ssize_t la = STR_LEN(a), lb = STR_LEN(b);
            int c = memcmp(STR_DATA(a), STR_DATA(b), (size_t)(la < lb ? la : lb));
            return c < 0 || (c == 0 && la < lb);
        }
        return str_compare(a, b) < 0;
    }
    default: {
        if (st->error)
            return -1;
        int r = obj_richcompare_bool(a, b, CMP_LT);
        if (r < 0)
            st->error = 1;
        return r;
    }
    }
}

/* Stable merge sort of (keys, values) pairs; values may be NULL (keys are the items). */
static int
merge_sort(SortState *st, Object **keys, Object **vals, ssize_t n, Object **tk, Object **tv)
{
    /* binary insertion sort for small blocks, then bottom-up merges */
    const ssize_t RUN = 32;
    for (ssize_t lo = 0; lo < n; lo += RUN) {
        ssize_t hi = lo + RUN < n ? lo + RUN : n;
        for (ssize_t i = lo + 1; i < hi; i++) {
            Object *k = keys[i], *v = vals ? vals[i] : NULL;
            ssize_t l = lo, r = i;
            while (l < r) {
                ssize_t m = (l + r) >> 1;
                int c = sort_lt(st, k, keys[m]);
                if (c < 0)
                    return -1;
                if (c)
                    r = m;
                else
                    l = m + 1;
            }
            memmove(&keys[l + 1], &keys[l], sizeof(Object *) * (size_t)(i - l));
            keys[l] = k;
            if (vals) {
                memmove(&vals[l + 1], &vals[l], sizeof(Object *) * (size_t)(i - l));
                vals[l] = v;
            }
        }
    }
    for (ssize_t width = RUN; width < n; width *= 2) {
        for (ssize_t lo = 0; lo + width < n; lo += 2 * width) {
            ssize_t mid = lo + width, hi = lo + 2 * width < n ? lo + 2 * width : n;
            /* already ordered? */
            int c = sort_lt(st, keys[mid], keys[mid - 1]);
            if (c < 0)
                return -1;
            if (!c)
                continue;
            ssize_t nl = mid - lo;
            memcpy(tk, keys + lo, sizeof(Object *) * (size_t)nl);
            if (vals)
                memcpy(tv, vals + lo, sizeof(Object *) * (size_t)nl);
            ssize_t i = 0, j = mid, k = lo;
            while (i < nl && j < hi) {
                c = sort_lt(st, keys[j], tk[i]);
                if (c < 0) {
                    /* restore the remainder so no item is lost */
                    while (i < nl) {
                        keys[k] = tk[i];
                        if (vals)
                            vals[k] = tv[i];
                        k++, i++;
                    }
                    return -1;
                }
                if (c) {
                    keys[k] = keys[j];
                    if (vals)
                        vals[k] = vals[j];
                    j++;
                } else {
                    keys[k] = tk[i];
                    if (vals)
                        vals[k] = tv[i];
                    i++;
                }
                k++;
            }
            while (i < nl) {
                keys[k] = tk[i];
                if (vals)
                    vals[k] = tv[i];
                k++, i++;
            }
        }
    }
    return 0;
}

int
list_sort(Object *o, Object *keyfunc, int reverse)
{
    ListObject *self = (ListObject *)o;
    if (keyfunc == None)
        keyfunc = NULL;
    /* The list is emptied while sorting, as CPython does. */
    ssize_t saved_n = SIZE(self);
    Object **saved_items = self->items;
    ssize_t saved_alloc = self->allocated;
    SIZE(self) = 0;
    self->items = NULL;
    self->allocated = -1;
    Object **keys = NULL, **tmp = NULL;
    int result = -1;
    ssize_t n = saved_n;
    ssize_t nkeys = 0;
    if (keyfunc && n > 0) {
        keys = heap_alloc(sizeof(Object *) * (size_t)n);
        if (!keys) {
            err_no_memory();
            goto done;
        }
        for (nkeys = 0; nkeys < n; nkeys++) {
            keys[nkeys] = obj_call_one(keyfunc, saved_items[nkeys]);
            if (!keys[nkeys])
                goto done;
        }
    }
    Object **k = keys ? keys : saved_items;
    Object **v = keys ? saved_items : NULL;
    if (reverse && n > 1) {
        /* reverse, sort stably, reverse back: keeps stability for equal keys */
        for (ssize_t i = 0, j = n - 1; i < j; i++, j--) {
            Object *t = k[i];
            k[i] = k[j];
            k[j] = t;
            if (v) {
                t = v[i];
                v[i] = v[j];
                v[j] = t;
            }
        }
    }
    SortState st = {0, 0};
    if (n > 1) {
        TypeObject *t0 = TYPE(k[0]);
        int same = 1, compact = 1;
        for (ssize_t i = 0; i < n; i++) {
            if (TYPE(k[i]) != t0) {
                same = 0;
                break;
            }
            if (t0 == &int_type && !int_is_compact(k[i]))
                compact = 0;
        }
        if (same) {
            if (t0 == &int_type && compact)
                st.kind = 1;
            else if (t0 == &float_type)
                st.kind = 2;
            else if (t0 == &str_type)
                st.kind = 3;
        }
        tmp = heap_alloc(sizeof(Object *) * (size_t)n * (v ? 2 : 1));
        if (!tmp) {
            err_no_memory();
            goto restore;
        }
        if (merge_sort(&st, k, v, n, tmp, v ? tmp + n : NULL) < 0)
            goto restore;
    }
    if (reverse && n > 1) {
        for (ssize_t i = 0, j = n - 1; i < j; i++, j--) {
            Object *t = k[i];
            k[i] = k[j];
            k[j] = t;
            if (v) {
                t = v[i];
                v[i] = v[j];
                v[j] = t;
            }
        }
    }
    result = 0;
restore:
    ;
done:
    heap_free(tmp);
    if (keys) {
        for (ssize_t i = 0; i < nkeys; i++)
            decref(keys[i]);
        heap_free(keys);
    }
    if (self->allocated != -1 && result >= 0) {
        err_set(exc_ValueError, "list modified during sort");
        result = -1;
    }
    /* put the items back (dropping anything the key function added) */
    Object **final_items = self->items;
    ssize_t final_n = SIZE(self);
    self->items = saved_items;
    SIZE(self) = saved_n;
    self->allocated = saved_alloc;
    if (final_items) {
        for (ssize_t i = final_n - 1; i >= 0; i--)
            xdecref(final_items[i]);
        heap_free(final_items);
    }
    return result;
}

/* ================================================================ methods */

static Object *
list_append_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (list_append(self, args[0]) < 0)
        return NULL;
    return newref(None);
}

static Object *
list_extend_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (list_extend(self, args[0]) < 0)
        return NULL;
    return newref(None);
}

static Object *
list_insert_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_no_kwargs("insert", kw) < 0)
        return NULL;
    if (nargs != 2)
        return err_format(exc_TypeError, "insert expected 2 arguments, got %zd", nargs);
    ssize_t i = num_as_ssize(args[0], exc_OverflowError);
    if (i == -1 && err_occurred())
        return NULL;
    if (list_insert(self, i, args[1]) < 0)
        return NULL;
    return newref(None);
}

static Object *
list_pop_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_no_kwargs("pop", kw) < 0 || arg_check_count("pop", (size_t)nargs, 0, 1) < 0)
        return NULL;
    ListObject *l = (ListObject *)self;
    ssize_t i = -1;
    if (nargs) {
        i = num_as_ssize(args[0], exc_OverflowError);
        if (i == -1 && err_occurred())
            return NULL;
    }
    if (SIZE(l) == 0)
        return err_set(exc_IndexError, "pop from empty list");
    if (i < 0)
        i += SIZE(l);
    if ((size_t)i >= (size_t)SIZE(l))
        return err_set(exc_IndexError, "pop index out of range");
    Object *v = l->items[i];
    if (i == SIZE(l) - 1) {
        if (list_resize(l, SIZE(l) - 1) < 0)
            return NULL;
        return v;
    }
    incref(v);
    if (list_setslice(self, i, i + 1, NULL) < 0) {
        decref(v);
        return NULL;
    }
    return v;
}

static Object *
list_remove_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    for (ssize_t i = 0; i < SIZE(self); i++) {
        Object *item = newref(LIST_GET(self, i));
        int c = obj_richcompare_bool(item, args[0], CMP_EQ);
        decref(item);
        if (c > 0) {
            if (list_setslice(self, i, i + 1, NULL) < 0)
                return NULL;
            return newref(None);
        }
        if (c < 0)
            return NULL;
    }
    return err_set(exc_ValueError, "list.remove(x): x not in list");
}

static Object *
list_index_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_no_kwargs("index", kw) < 0 || arg_check_count("index", (size_t)nargs, 1, 3) < 0)
        return NULL;
    ssize_t start = 0, stop = SSIZE_MAX;
    if (nargs > 1 && slice_index_arg(args[1], &start) < 0)
        return NULL;
    if (nargs > 2 && slice_index_arg(args[2], &stop) < 0)
        return NULL;
    if (start < 0) {
        start += SIZE(self);
        if (start < 0)
            start = 0;
    }
    if (stop < 0) {
        stop += SIZE(self);
        if (stop < 0)
            stop = 0;
    }
    for (ssize_t i = start; i < stop && i < SIZE(self); i++) {
        Object *item = newref(LIST_GET(self, i));
        int c = obj_richcompare_bool(item, args[0], CMP_EQ);
        decref(item);
        if (c > 0)
            return int_from_ssize(i);
        if (c < 0)
            return NULL;
    }
    return err_format(exc_ValueError, "%R is not in list", args[0]);
}

static Object *
list_count_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    ssize_t count = 0;
    for (ssize_t i = 0; i < SIZE(self); i++) {
        Object *item = LIST_GET(self, i);
        if (item == args[0]) {
            count++;
            continue;
        }
        incref(item);
        int c = obj_richcompare_bool(item, args[0], CMP_EQ);
        decref(item);
        if (c > 0)
            count++;
        else if (c < 0)
            return NULL;
    }
    return int_from_ssize(count);
}

static Object *
list_sort_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"key", "reverse", NULL};
    Object *vals[2];
    if (nargs)
        return err_set(exc_TypeError, "sort() takes no positional arguments");
    if (arg_parse("sort", args, (size_t)nargs, kwnames, names, 0, 2, 0, vals) < 0)
        return NULL;
    int rev = 0;
    if (vals[1]) {
        rev = obj_is_true(vals[1]);
        if (rev < 0)
            return NULL;
    }
    if (list_sort(self, vals[0], rev) < 0)
        return NULL;
    return newref(None);
}

static Object *
list_reverse_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    list_reverse(self);
    return newref(None);
}

static Object *
list_copy_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return list_getslice(self, 0, SIZE(self));
}

static Object *
list_clear_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    list_clear_items((ListObject *)self);
    return newref(None);
}

static Object *
list_sizeof_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return int_from_ssize(TYPE(self)->basicsize +
                          ((ListObject *)self)->allocated * (ssize_t)sizeof(Object *));
}

static const MethodDef list_methods[] = {
    {"append", list_append_meth, METH_O, NULL},
    {"extend", list_extend_meth, METH_O, NULL},
    {"insert", list_insert_meth, METH_VARARGS, NULL},
    {"pop", list_pop_meth, METH_VARARGS, NULL},
    {"remove", list_remove_meth, METH_O, NULL},
    {"index", list_index_meth, METH_VARARGS, NULL},
    {"count", list_count_meth, METH_O, NULL},
    {"sort", list_sort_meth, METH_VARARGS | METH_KEYWORDS, NULL},
    {"reverse", list_reverse_meth, METH_NOARGS, NULL},
    {"copy", list_copy_meth, METH_NOARGS, NULL},
    {"clear", list_clear_meth, METH_NOARGS, NULL},
    {"__reversed__", list_reversed_meth, METH_NOARGS, NULL},
    {"__sizeof__", list_sizeof_meth, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* ================================================================ construction */

static Object *
list_new_impl(TypeObject *t, Object *args, Object *kwds)
{
    ListObject *l;
    if (t == &list_type)
        return list_new(0);
    l = (ListObject *)t->alloc(t, 0);
    if (!l)
        return NULL;
    gc_track((Object *)l);
    return (Object *)l;
}

static int
list_init_impl(ListObject *self, Object *iterable)
{
    if (self->items)
        list_clear_items(self);
    if (!iterable)
        return 0;
    if (TYPE(iterable)->len) {
        ssize_t n = TYPE(iterable)->len(iterable);
        if (n < 0) {
            if (!err_matches(exc_TypeError))
                return -1;
            err_clear();
        } else if (n > 0 && !self->items &&
                   list_preallocate_exact(self, n) < 0) {
            return -1;
        }
    }
    return list_extend((Object *)self, iterable);
}

static int
list_init(Object *self, Object *args, Object *kwds)
{
    if (kwds && DICT_LEN(kwds) && TYPE(self) == &list_type) {
        err_set(exc_TypeError, "list() takes no keyword arguments");
        return -1;
    }
    ssize_t n = TUPLE_LEN(args);
    if (n > 1) {
        err_format(exc_TypeError, "list expected at most 1 argument, got %zd", n);
        return -1;
    }
    return list_init_impl((ListObject *)self, n ? TUPLE_GET(args, 0) : NULL);
}

static Object *
list_vectorcall_new(Object *type, Object *const *args, size_t nargs, Object *kwnames)
{
    if (kwnames && TUPLE_LEN(kwnames))
        return err_set(exc_TypeError, "list() takes no keyword arguments");
    if (nargs > 1)
        return err_format(exc_TypeError, "list expected at most 1 argument, got %zu", nargs);
    Object *l = list_new(0);
    if (!l)
        return NULL;
    if (nargs && list_init_impl((ListObject *)l, args[0]) < 0) {
        decref(l);
        return NULL;
    }
    return l;
}

TypeObject list_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "list",
    .basicsize = sizeof(ListObject),
    .flags = TPFLAG_BASETYPE | TPFLAG_GC | TPFLAG_LIST_SUBCLASS,
    .doc = "Built-in mutable sequence.",
    .dealloc = list_dealloc,
    .traverse = list_traverse,
    .clear = list_clear_slot,
    .free = obj_free,
    .repr = list_repr,
    .hash = obj_hash_not_implemented,
    .richcompare = list_richcompare,
    .iter = list_iter,
    .getattro = obj_generic_getattr,
    .init = list_init,
    .new_ = list_new_impl,
    .new_vectorcall = list_vectorcall_new,
    .alloc = type_generic_alloc,
    .len = list_length,
    .sq_concat = list_concat,
    .sq_repeat = list_repeat,
    .sq_item = list_item,
    .sq_contains = list_contains,
    .sq_inplace_concat = list_inplace_concat,
    .sq_inplace_repeat = list_inplace_repeat,
    .mp_subscript = list_subscript,
    .mp_ass_subscript = list_ass_subscript,
    .methods = list_methods,
};
