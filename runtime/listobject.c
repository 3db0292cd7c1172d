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
** Sorting is CPython 3.11's timsort, ported step for step (the same '<' calls in the
** same order), with its pre-sort check that picks a specialised comparison and the
** "list modified during sort" guard; see the essay opening the sort section.
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
#include "genericalias.h"
#include "methodobject.h"
#include "sliceobject.h"
#include <string.h>
#include <stdio.h>

#define LIST_MAXFREELIST 80
/* Two free lists, the program's and the heap side mode's (rt_swap_freelists): swapping
** them is swapping the pointers. */
static ListObject *free_store[2][LIST_MAXFREELIST];
static ListObject **free_list = free_store[0];
static int numfree;

void
list_swap_freelist(void)
{
    static int side_num;
    free_list = free_store[free_list == free_store[0]];
    int n = numfree;
    numfree = side_num;
    side_num = n;
}

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

/* Give the empty list [self] room for exactly [size] items (CPython's list_new_prealloc,
** used by slicing: a slice's capacity is its length). */
static int
list_preallocate_n(ListObject *self, ssize_t size)
{
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

/* As list_preallocate_n, rounded up to an even count: with 16-byte size classes an odd
** slot would be wasted anyway (list(iterable), extend of an empty list). */
static int
list_preallocate_exact(ListObject *self, ssize_t size)
{
    return list_preallocate_n(self, (size + 1) & ~(ssize_t)1);
}

/* A list object from the free list or new (untracked, items not set); NULL + MemoryError. */
static inline ListObject *
list_take_object(void)
{
    if (numfree) {
        ListObject *l = free_list[--numfree];
        l->ob_base.ob_base.refcnt = 1;
        obj_live_count++;
        return l;
    }
    return (ListObject *)obj_alloc_raw(&list_type, sizeof(ListObject));
}

Object *
list_new(ssize_t n)
{
    if (n < 0)
        return err_bad_internal_call("list_new");
    ListObject *l = list_take_object();
    if (!l)
        return NULL;
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

Object *
list_from_array_take(Object *const *src, ssize_t n)
{
    /* list_new(n) and the stores, without clearing the items first (the same blocks,
    ** taken in the same order: the list, then its items) */
    ListObject *l = list_take_object();
    if (!l)
        goto fail;
    if (n <= 0) {
        l->items = NULL;
    } else {
        Object **items = NULL;
        if ((size_t)n <= (size_t)SSIZE_MAX / sizeof(Object *))
            items = heap_alloc((size_t)n * sizeof(Object *));
        if (!items) {
            SIZE(l) = 0;
            l->allocated = 0;
            l->items = NULL;
            obj_free(l);
            err_no_memory();
            goto fail;
        }
        for (ssize_t i = 0; i < n; i++)
            items[i] = src[i];
        l->items = items;
    }
    SIZE(l) = n;
    l->allocated = n;
    gc_track((Object *)l);
    return (Object *)l;
fail:
    for (ssize_t i = 0; i < n; i++)
        decref(src[i]);
    return NULL;
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
        if (list_preallocate_n(r, len) < 0) {
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

ssize_t
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
        if (!r || list_preallocate_n(r, n) < 0) {
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
/*
** list.sort is CPython 3.11's timsort (Objects/listobject.c, Objects/listsort.txt),
** ported step for step: the same '<' calls in the same order, hence the same result for
** inconsistent comparisons (NaN keys, random __lt__) and the same list state after an
** exception.  Outline:
**   - count_run finds the next natural run (non-descending, or strictly descending and
**     then reversed in place; strictness keeps the sort stable); a run shorter than
**     'minrun' (32..64, merge_compute_minrun) is extended by binarysort;
**   - runs go on a stack; found_new_run merges by the powersort rule (each boundary's
**     "power" is its depth in an ideal merge tree, powerloop), merge_force_collapse
**     merges what is left;
**   - merge_at trims each side with a gallop, then merge_lo/merge_hi copy the shorter
**     run to temp space and merge, switching to galloping (exponential search) when
**     one side wins MIN_GALLOP times in a row; 'min_gallop' adapts to the data.
** With a key function every key is computed once, in item order, before any comparison;
** keys and items then move in lockstep (a SortSlice).  Each step leaves the array a
** permutation of its input, so an exception from '<' leaves the list a permutation of
** its items.  The pre-sort check picks the comparison once: exact ints of one digit ->
** unsafe_long_compare, floats -> unsafe_float_compare, latin-1 strs ->
** unsafe_latin_compare, any other single type -> unsafe_object_compare (that type's
** richcompare slot called directly), non-empty tuples -> unsafe_tuple_compare (first
** items by the same rules), otherwise safe_object_compare.  reverse=True reverses,
** sorts stably and reverses back (also after a failure).  The list is empty while it
** is sorted; finding it changed afterwards raises "list modified during sort".
*/

typedef struct SortSlice {
    Object **keys;
    Object **values;        /* parallel to keys; NULL when the keys are the items */
} SortSlice;

static inline void
sortslice_copy(SortSlice *s1, ssize_t i, SortSlice *s2, ssize_t j)
{
    s1->keys[i] = s2->keys[j];
    if (s1->values)
        s1->values[i] = s2->values[j];
}

static inline void
sortslice_copy_incr(SortSlice *dst, SortSlice *src)
{
    *dst->keys++ = *src->keys++;
    if (dst->values)
        *dst->values++ = *src->values++;
}

static inline void
sortslice_copy_decr(SortSlice *dst, SortSlice *src)
{
    *dst->keys-- = *src->keys--;
    if (dst->values)
        *dst->values-- = *src->values--;
}

static inline void
sortslice_memcpy(SortSlice *s1, ssize_t i, SortSlice *s2, ssize_t j, ssize_t n)
{
    memcpy(&s1->keys[i], &s2->keys[j], sizeof(Object *) * (size_t)n);
    if (s1->values)
        memcpy(&s1->values[i], &s2->values[j], sizeof(Object *) * (size_t)n);
}

static inline void
sortslice_memmove(SortSlice *s1, ssize_t i, SortSlice *s2, ssize_t j, ssize_t n)
{
    memmove(&s1->keys[i], &s2->keys[j], sizeof(Object *) * (size_t)n);
    if (s1->values)
        memmove(&s1->values[i], &s2->values[j], sizeof(Object *) * (size_t)n);
}

static inline void
sortslice_advance(SortSlice *s, ssize_t n)
{
    s->keys += n;
    if (s->values)
        s->values += n;
}

static void
sort_reverse_slice(Object **lo, Object **hi)
{
    for (--hi; lo < hi; ++lo, --hi) {
        Object *t = *lo;
        *lo = *hi;
        *hi = t;
    }
}

static void
sortslice_reverse(SortSlice *s, ssize_t n)
{
    sort_reverse_slice(s->keys, s->keys + n);
    if (s->values)
        sort_reverse_slice(s->values, s->values + n);
}

#define SORT_MAX_PENDING ((int)sizeof(size_t) * 8)   /* floor(log2(n)) + 1 suffices */
#define SORT_MIN_GALLOP 7
#define SORT_TEMP_SIZE 256          /* merge space (and small key arrays) on the C stack */

typedef struct MergeState MergeState;
typedef int (*sortcmpfunc)(Object *v, Object *w, MergeState *ms);

typedef struct SortRun {
    SortSlice base;
    ssize_t len;
    int power;              /* powersort depth of the boundary after this run */
} SortRun;

struct MergeState {
    ssize_t min_gallop;     /* galloping starts after this many wins in a row */
    ssize_t listlen;
    Object **basekeys;      /* keys[0], for run start indices */
    SortSlice a;            /* temp space for merges: temparray or a heap block */
    ssize_t alloced;        /* its capacity (in key/value pairs) */
    int n;                  /* pending runs; pending[i] ends where pending[i+1] starts */
    SortRun pending[SORT_MAX_PENDING];
    Object *temparray[SORT_TEMP_SIZE];
    sortcmpfunc key_compare;            /* chosen by the pre-sort check */
    richcmpfunc key_richcompare;        /* for unsafe_object_compare */
    sortcmpfunc tuple_elem_compare;     /* for unsafe_tuple_compare's first items */
};

static int unsafe_long_compare(Object *v, Object *w, MergeState *ms);
static int unsafe_float_compare(Object *v, Object *w, MergeState *ms);

/* v < w under the chosen comparison: 1, 0, or -1 with an exception set.  The two
** cheapest comparisons are expanded in line (same result, no indirect call): this
** halves the instruction count of sorting small ints. */
static inline int
sort_lt(MergeState *ms, Object *v, Object *w)
{
    sortcmpfunc f = ms->key_compare;
    if (f == unsafe_long_compare)
        return int_compact_value(v) < int_compact_value(w);
    if (f == unsafe_float_compare)
        return FLOAT_VAL(v) < FLOAT_VAL(w);
    return f(v, w, ms);
}

/* Stable binary insertion sort of lo.keys[0 : hi - lo.keys], whose prefix up to 'start'
** is already sorted.  On error the slice is still a permutation of its input. */
static int
binarysort(MergeState *ms, SortSlice lo, Object **hi, Object **start)
{
    if (lo.keys == start)
        ++start;
    for (; start < hi; ++start) {
        Object **l = lo.keys, **r = start;
        Object *pivot = *r;
        /* pivot >= everything in [lo, l), pivot < everything in [r, start) */
        do {
            Object **p = l + ((r - l) >> 1);
            int k = sort_lt(ms, pivot, *p);
            if (k < 0)
                return -1;
            if (k)
                r = p;
            else
                l = p + 1;
        } while (l < r);
        /* l is after any element equal to pivot: that is what keeps it stable */
        for (Object **p = start; p > l; --p)
            *p = *(p - 1);
        *l = pivot;
        if (lo.values) {
            Object **vs = lo.values + (start - lo.keys), **vl = lo.values + (l - lo.keys);
            Object *vpivot = *vs;
            for (Object **p = vs; p > vl; --p)
                *p = *(p - 1);
            *vl = vpivot;
        }
    }
    return 0;
}

/* Length of the run starting at lo (lo < hi): the longest lo[0] <= lo[1] <= ... or the
** longest strictly descending lo[0] > lo[1] > ... (*descending = 1).  -1 on error. */
static ssize_t
count_run(MergeState *ms, Object **lo, Object **hi, int *descending)
{
    int k;
    ssize_t n;

    *descending = 0;
    ++lo;
    if (lo == hi)
        return 1;
    n = 2;
    k = sort_lt(ms, *lo, *(lo - 1));
    if (k < 0)
        return -1;
    if (k) {
        *descending = 1;
        for (lo = lo + 1; lo < hi; ++lo, ++n) {
            k = sort_lt(ms, *lo, *(lo - 1));
            if (k < 0)
                return -1;
            if (!k)
                break;
        }
    } else {
        for (lo = lo + 1; lo < hi; ++lo, ++n) {
            k = sort_lt(ms, *lo, *(lo - 1));
            if (k < 0)
                return -1;
            if (k)
                break;
        }
    }
    return n;
}

/* Where key goes in the sorted a[0:n] (n > 0), left of any equal elements: the k in
** 0..n with a[k-1] < key <= a[k].  The search starts at a[hint] (0 <= hint < n) and
** gallops outwards by 1, 3, 7, 15... before a binary search.  -1 on error. */
static ssize_t
gallop_left(MergeState *ms, Object *key, Object **a, ssize_t n, ssize_t hint)
{
    ssize_t ofs = 1, lastofs = 0;
    int k;

    a += hint;
    k = sort_lt(ms, *a, key);
    if (k < 0)
        return -1;
    if (k) {
        /* a[hint] < key: gallop right until a[hint + lastofs] < key <= a[hint + ofs] */
        const ssize_t maxofs = n - hint;
        while (ofs < maxofs) {
            k = sort_lt(ms, a[ofs], key);
            if (k < 0)
                return -1;
            if (!k)
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    } else {
        /* key <= a[hint]: gallop left until a[hint - ofs] < key <= a[hint - lastofs] */
        const ssize_t maxofs = hint + 1;
        while (ofs < maxofs) {
            k = sort_lt(ms, *(a - ofs), key);
            if (k < 0)
                return -1;
            if (k)
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        ssize_t t = lastofs;
        lastofs = hint - ofs;
        ofs = hint - t;
    }
    a -= hint;
    /* a[lastofs] < key <= a[ofs]: binary search in between */
    ++lastofs;
    while (lastofs < ofs) {
        ssize_t m = lastofs + ((ofs - lastofs) >> 1);
        k = sort_lt(ms, a[m], key);
        if (k < 0)
            return -1;
        if (k)
            lastofs = m + 1;
        else
            ofs = m;
    }
    return ofs;
}

/* As gallop_left, but right of any equal elements: a[k-1] <= key < a[k]. */
static ssize_t
gallop_right(MergeState *ms, Object *key, Object **a, ssize_t n, ssize_t hint)
{
    ssize_t ofs = 1, lastofs = 0;
    int k;

    a += hint;
    k = sort_lt(ms, key, *a);
    if (k < 0)
        return -1;
    if (k) {
        /* key < a[hint]: gallop left until a[hint - ofs] <= key < a[hint - lastofs] */
        const ssize_t maxofs = hint + 1;
        while (ofs < maxofs) {
            k = sort_lt(ms, key, *(a - ofs));
            if (k < 0)
                return -1;
            if (!k)
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        ssize_t t = lastofs;
        lastofs = hint - ofs;
        ofs = hint - t;
    } else {
        /* a[hint] <= key: gallop right until a[hint + lastofs] <= key < a[hint + ofs] */
        const ssize_t maxofs = n - hint;
        while (ofs < maxofs) {
            k = sort_lt(ms, key, a[ofs]);
            if (k < 0)
                return -1;
            if (k)
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    }
    a -= hint;
    /* a[lastofs] <= key < a[ofs] */
    ++lastofs;
    while (lastofs < ofs) {
        ssize_t m = lastofs + ((ofs - lastofs) >> 1);
        k = sort_lt(ms, key, a[m]);
        if (k < 0)
            return -1;
        if (k)
            ofs = m;
        else
            lastofs = m + 1;
    }
    return ofs;
}

/* With a key function, temparray also holds the values, and (for lists shorter than
** SORT_TEMP_SIZE/2) the keys themselves above the merge space; see list_sort. */
static void
merge_init(MergeState *ms, ssize_t list_size, int has_keyfunc, SortSlice *lo)
{
    if (has_keyfunc) {
        /* a merge needs at most ceil(n/2) temp slots */
        ms->alloced = (list_size + 1) / 2;
        if (SORT_TEMP_SIZE / 2 < ms->alloced)
            ms->alloced = SORT_TEMP_SIZE / 2;
        ms->a.values = &ms->temparray[ms->alloced];
    } else {
        ms->alloced = SORT_TEMP_SIZE;
        ms->a.values = NULL;
    }
    ms->a.keys = ms->temparray;
    ms->n = 0;
    ms->min_gallop = SORT_MIN_GALLOP;
    ms->listlen = list_size;
    ms->basekeys = lo->keys;
}

static void
merge_freemem(MergeState *ms)
{
    if (ms->a.keys != ms->temparray) {
        heap_free(ms->a.keys);
        ms->a.keys = NULL;
    }
}

/* Make room for 'need' temp pairs (the old contents need not survive). */
static int
merge_getmem(MergeState *ms, ssize_t need)
{
    if (need <= ms->alloced)
        return 0;
    size_t multiplier = ms->a.values ? 2 : 1;
    merge_freemem(ms);
    if ((size_t)need > (size_t)SSIZE_MAX / sizeof(Object *) / multiplier) {
        err_no_memory();
        return -1;
    }
    ms->a.keys = heap_alloc(multiplier * (size_t)need * sizeof(Object *));
    if (!ms->a.keys) {
        err_no_memory();
        return -1;
    }
    ms->alloced = need;
    if (ms->a.values)
        ms->a.values = &ms->a.keys[need];
    return 0;
}

/* Merge the na elements at ssa with the nb elements right after them (na <= nb, both
** > 0, ssa.keys[na-1] belongs at the end), copying run A out to temp space. */
static int
merge_lo(MergeState *ms, SortSlice ssa, ssize_t na, SortSlice ssb, ssize_t nb)
{
    SortSlice dest;
    ssize_t k, min_gallop;
    int result = -1;

    if (merge_getmem(ms, na) < 0)
        return -1;
    sortslice_memcpy(&ms->a, 0, &ssa, 0, na);
    dest = ssa;
    ssa = ms->a;

    sortslice_copy_incr(&dest, &ssb);
    --nb;
    if (nb == 0)
        goto succeed;
    if (na == 1)
        goto copy_b;

    min_gallop = ms->min_gallop;
    for (;;) {
        ssize_t acount = 0, bcount = 0;     /* wins in a row */

        /* one pair at a time until one run wins min_gallop times in a row */
        for (;;) {
            k = sort_lt(ms, ssb.keys[0], ssa.keys[0]);
            if (k) {
                if (k < 0)
                    goto fail;
                sortslice_copy_incr(&dest, &ssb);
                ++bcount;
                acount = 0;
                --nb;
                if (nb == 0)
                    goto succeed;
                if (bcount >= min_gallop)
                    break;
            } else {
                sortslice_copy_incr(&dest, &ssa);
                ++acount;
                bcount = 0;
                --na;
                if (na == 1)
                    goto copy_b;
                if (acount >= min_gallop)
                    break;
            }
        }

        /* gallop while either run keeps winning by MIN_GALLOP or more */
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            k = gallop_right(ms, ssb.keys[0], ssa.keys, na, 0);
            acount = k;
            if (k) {
                if (k < 0)
                    goto fail;
                sortslice_memcpy(&dest, 0, &ssa, 0, k);
                sortslice_advance(&dest, k);
                sortslice_advance(&ssa, k);
                na -= k;
                if (na == 1)
                    goto copy_b;
                /* na == 0 is impossible for a consistent '<', but not in general */
                if (na == 0)
                    goto succeed;
            }
            sortslice_copy_incr(&dest, &ssb);
            --nb;
            if (nb == 0)
                goto succeed;

            k = gallop_left(ms, ssa.keys[0], ssb.keys, nb, 0);
            bcount = k;
            if (k) {
                if (k < 0)
                    goto fail;
                sortslice_memmove(&dest, 0, &ssb, 0, k);
                sortslice_advance(&dest, k);
                sortslice_advance(&ssb, k);
                nb -= k;
                if (nb == 0)
                    goto succeed;
            }
            sortslice_copy_incr(&dest, &ssa);
            --na;
            if (na == 1)
                goto copy_b;
        } while (acount >= SORT_MIN_GALLOP || bcount >= SORT_MIN_GALLOP);
        ++min_gallop;       /* penalise leaving galloping mode */
        ms->min_gallop = min_gallop;
    }
succeed:
    result = 0;
fail:
    if (na)
        sortslice_memcpy(&dest, 0, &ssa, 0, na);
    return result;
copy_b:
    /* the last element of A belongs at the end of the merge */
    sortslice_memmove(&dest, 0, &ssb, 0, nb);
    sortslice_copy(&dest, nb, &ssa, 0);
    return 0;
}

/* As merge_lo, with na >= nb: run B goes to temp space and the merge runs backwards. */
static int
merge_hi(MergeState *ms, SortSlice ssa, ssize_t na, SortSlice ssb, ssize_t nb)
{
    SortSlice dest, basea, baseb;
    ssize_t k, min_gallop;
    int result = -1;

    if (merge_getmem(ms, nb) < 0)
        return -1;
    dest = ssb;
    sortslice_advance(&dest, nb - 1);
    sortslice_memcpy(&ms->a, 0, &ssb, 0, nb);
    basea = ssa;
    baseb = ms->a;
    ssb.keys = ms->a.keys + nb - 1;
    if (ssb.values)
        ssb.values = ms->a.values + nb - 1;
    sortslice_advance(&ssa, na - 1);

    sortslice_copy_decr(&dest, &ssa);
    --na;
    if (na == 0)
        goto succeed;
    if (nb == 1)
        goto copy_a;

    min_gallop = ms->min_gallop;
    for (;;) {
        ssize_t acount = 0, bcount = 0;

        for (;;) {
            k = sort_lt(ms, ssb.keys[0], ssa.keys[0]);
            if (k) {
                if (k < 0)
                    goto fail;
                sortslice_copy_decr(&dest, &ssa);
                ++acount;
                bcount = 0;
                --na;
                if (na == 0)
                    goto succeed;
                if (acount >= min_gallop)
                    break;
            } else {
                sortslice_copy_decr(&dest, &ssb);
                ++bcount;
                acount = 0;
                --nb;
                if (nb == 1)
                    goto copy_a;
                if (bcount >= min_gallop)
                    break;
            }
        }

        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            k = gallop_right(ms, ssb.keys[0], basea.keys, na, na - 1);
            if (k < 0)
                goto fail;
            k = na - k;
            acount = k;
            if (k) {
                sortslice_advance(&dest, -k);
                sortslice_advance(&ssa, -k);
                sortslice_memmove(&dest, 1, &ssa, 1, k);
                na -= k;
                if (na == 0)
                    goto succeed;
            }
            sortslice_copy_decr(&dest, &ssb);
            --nb;
            if (nb == 1)
                goto copy_a;

            k = gallop_left(ms, ssa.keys[0], baseb.keys, nb, nb - 1);
            if (k < 0)
                goto fail;
            k = nb - k;
            bcount = k;
            if (k) {
                sortslice_advance(&dest, -k);
                sortslice_advance(&ssb, -k);
                sortslice_memcpy(&dest, 1, &ssb, 1, k);
                nb -= k;
                if (nb == 1)
                    goto copy_a;
                /* nb == 0 is impossible for a consistent '<', but not in general */
                if (nb == 0)
                    goto succeed;
            }
            sortslice_copy_decr(&dest, &ssa);
            --na;
            if (na == 0)
                goto succeed;
        } while (acount >= SORT_MIN_GALLOP || bcount >= SORT_MIN_GALLOP);
        ++min_gallop;
        ms->min_gallop = min_gallop;
    }
succeed:
    result = 0;
fail:
    if (nb)
        sortslice_memcpy(&dest, -(nb - 1), &baseb, 0, nb);
    return result;
copy_a:
    /* the first element of B belongs at the front of the merge */
    sortslice_memmove(&dest, 1 - na, &ssa, 1 - na, na);
    sortslice_advance(&dest, -na);
    sortslice_advance(&ssa, -na);
    sortslice_copy(&dest, 0, &ssb, 0);
    return 0;
}

/* Merge the runs at stack indices i and i+1 (i is the second- or third-last). */
static int
merge_at(MergeState *ms, int i)
{
    SortSlice ssa = ms->pending[i].base, ssb = ms->pending[i + 1].base;
    ssize_t na = ms->pending[i].len, nb = ms->pending[i + 1].len;
    ssize_t k;

    ms->pending[i].len = na + nb;
    if (i == ms->n - 3)
        ms->pending[i + 1] = ms->pending[i + 2];
    --ms->n;

    /* elements of A before where B[0] goes are already in place */
    k = gallop_right(ms, *ssb.keys, ssa.keys, na, 0);
    if (k < 0)
        return -1;
    sortslice_advance(&ssa, k);
    na -= k;
    if (na == 0)
        return 0;
    /* and so are the elements of B after where A's last goes */
    nb = gallop_left(ms, ssa.keys[na - 1], ssb.keys, nb, nb - 1);
    if (nb <= 0)
        return (int)nb;
    if (na <= nb)
        return merge_lo(ms, ssa, na, ssb, nb);
    return merge_hi(ms, ssa, na, ssb, nb);
}

/* The "power" of the boundary between adjacent runs [s1, s1+n1) and [s1+n1, s1+n1+n2)
** of a list of n: the first bit at which the binary expansions of their midpoints / n
** differ (listsort.txt, "powersort").  Doubled midpoints keep it in integers. */
static int
powerloop(ssize_t s1, ssize_t n1, ssize_t n2, ssize_t n)
{
    int result = 0;
    ssize_t a = 2 * s1 + n1;
    ssize_t b = a + n1 + n2;
    for (;;) {
        ++result;
        if (a >= n) {           /* both bits 1 */
            a -= n;
            b -= n;
        } else if (b >= n) {    /* bits differ */
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    return result;
}

/* A new run of length n2 follows the top of the stack: merge runs whose boundary is
** deeper than the new one, then record its power.  The caller pushes the run. */
static int
found_new_run(MergeState *ms, ssize_t n2)
{
    if (ms->n) {
        SortRun *p = ms->pending;
        ssize_t s1 = p[ms->n - 1].base.keys - ms->basekeys;
        ssize_t n1 = p[ms->n - 1].len;
        int power = powerloop(s1, n1, n2, ms->listlen);
        while (ms->n > 1 && p[ms->n - 2].power > power) {
            if (merge_at(ms, ms->n - 2) < 0)
                return -1;
        }
        p[ms->n - 1].power = power;
    }
    return 0;
}

static int
merge_force_collapse(MergeState *ms)
{
    SortRun *p = ms->pending;
    while (ms->n > 1) {
        int n = ms->n - 2;
        if (n > 0 && p[n - 1].len < p[n + 1].len)
            --n;
        if (merge_at(ms, n) < 0)
            return -1;
    }
    return 0;
}

/* n itself below 64; else a k in 32..64 with n/k just below a power of two. */
static ssize_t
merge_compute_minrun(ssize_t n)
{
    ssize_t r = 0;          /* 1 once any 1 bit is shifted off */
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

/* ---- comparisons chosen by the pre-sort check */

static int
safe_object_compare(Object *v, Object *w, MergeState *ms)
{
    (void)ms;
    return obj_richcompare_bool(v, w, CMP_LT);
}

/* All keys share one type: call its richcompare slot directly (no reflected operation
** or recursion check), falling back to the full protocol on NotImplemented. */
static int
unsafe_object_compare(Object *v, Object *w, MergeState *ms)
{
    if (TYPE(v)->richcompare != ms->key_richcompare)
        return obj_richcompare_bool(v, w, CMP_LT);
    Object *r = ms->key_richcompare(v, w, CMP_LT);
    if (r == NotImplemented) {
        decref(r);
        return obj_richcompare_bool(v, w, CMP_LT);
    }
    if (!r)
        return -1;
    int res = BOOL_CHECK(r) ? r == True_ : obj_is_true(r);
    decref(r);
    return res;
}

/* Two str of kind 1 (latin-1): code point order is byte order. */
static int
unsafe_latin_compare(Object *v, Object *w, MergeState *ms)
{
    (void)ms;
    ssize_t lv = STR_LEN(v), lw = STR_LEN(w);
    int c = memcmp(STR_DATA(v), STR_DATA(w), (size_t)(lv < lw ? lv : lw));
    return c != 0 ? c < 0 : lv < lw;
}

/* Two exact ints of at most one digit. */
static int
unsafe_long_compare(Object *v, Object *w, MergeState *ms)
{
    (void)ms;
    return int_compact_value(v) < int_compact_value(w);
}

static int
unsafe_float_compare(Object *v, Object *w, MergeState *ms)
{
    (void)ms;
    return FLOAT_VAL(v) < FLOAT_VAL(w);
}

/* Two non-empty tuples: tuple '<', except that when the first items differ they are
** compared with ms->tuple_elem_compare. */
static int
unsafe_tuple_compare(Object *v, Object *w, MergeState *ms)
{
    ssize_t i, vlen = TUPLE_LEN(v), wlen = TUPLE_LEN(w);
    for (i = 0; i < vlen && i < wlen; i++) {
        int k = obj_richcompare_bool(TUPLE_GET(v, i), TUPLE_GET(w, i), CMP_EQ);
        if (k < 0)
            return -1;
        if (!k)
            break;
    }
    if (i >= vlen || i >= wlen)
        return vlen < wlen;
    if (i == 0)
        return ms->tuple_elem_compare(TUPLE_GET(v, 0), TUPLE_GET(w, 0), ms);
    return obj_richcompare_bool(TUPLE_GET(v, i), TUPLE_GET(w, i), CMP_LT);
}

/* The pre-sort check: one pass over the keys (n > 1) choosing ms->key_compare. */
static void
sort_choose_compare(MergeState *ms, Object **keys, ssize_t n)
{
    /* the first key stands for all; then every key is checked */
    int in_tuples = TYPE(keys[0]) == &tuple_type && TUPLE_LEN(keys[0]) > 0;
    TypeObject *key_type = in_tuples ? TYPE(TUPLE_GET(keys[0], 0)) : TYPE(keys[0]);
    int same_type = 1, latin = 1, bounded = 1;

    for (ssize_t i = 0; i < n; i++) {
        if (in_tuples && !(TYPE(keys[i]) == &tuple_type && TUPLE_LEN(keys[i]) != 0)) {
            in_tuples = 0;
            same_type = 0;
            break;
        }
        Object *key = in_tuples ? TUPLE_GET(keys[i], 0) : keys[i];
        if (TYPE(key) != key_type) {
            same_type = 0;
            /* tuples: keep going, every key must still be a tuple */
            if (!in_tuples)
                break;
        }
        if (same_type) {
            if (key_type == &int_type && bounded && !int_is_compact(key))
                bounded = 0;
            else if (key_type == &str_type && latin && STR_KIND(key) != 1)
                latin = 0;
        }
    }

    if (same_type) {
        if (key_type == &str_type && latin)
            ms->key_compare = unsafe_latin_compare;
        else if (key_type == &int_type && bounded)
            ms->key_compare = unsafe_long_compare;
        else if (key_type == &float_type)
            ms->key_compare = unsafe_float_compare;
        else if ((ms->key_richcompare = key_type->richcompare) != NULL)
            ms->key_compare = unsafe_object_compare;
        else
            ms->key_compare = safe_object_compare;
    } else {
        ms->key_compare = safe_object_compare;
    }
    if (in_tuples) {
        /* tuples of tuples: the first items compare safely */
        ms->tuple_elem_compare =
            key_type == &tuple_type ? safe_object_compare : ms->key_compare;
        ms->key_compare = unsafe_tuple_compare;
    }
}

int
list_sort(Object *o, Object *keyfunc, int reverse)
{
    ListObject *self = (ListObject *)o;
    MergeState ms;
    SortSlice lo;
    Object **keys;
    ssize_t i, nremaining, minrun;
    int result = -1;

    if (keyfunc == None)
        keyfunc = NULL;
    /* Empty the list while sorting, so that what comparisons do to it cannot touch the
    ** array being sorted. */
    ssize_t saved_n = SIZE(self);
    Object **saved_items = self->items;
    ssize_t saved_alloc = self->allocated;
    SIZE(self) = 0;
    self->items = NULL;
    self->allocated = -1;       /* any operation on the list resets it */

    if (!keyfunc) {
        keys = NULL;
        lo.keys = saved_items;
        lo.values = NULL;
    } else {
        if (saved_n < SORT_TEMP_SIZE / 2) {
            keys = &ms.temparray[saved_n + 1];      /* above merge_init's merge space */
        } else {
            keys = heap_alloc(sizeof(Object *) * (size_t)saved_n);
            if (!keys) {
                err_no_memory();
                goto keyfunc_fail;
            }
        }
        for (i = 0; i < saved_n; i++) {
            keys[i] = obj_call_one(keyfunc, saved_items[i]);
            if (!keys[i]) {
                while (--i >= 0)
                    decref(keys[i]);
                if (saved_n >= SORT_TEMP_SIZE / 2)
                    heap_free(keys);
                goto keyfunc_fail;
            }
        }
        lo.keys = keys;
        lo.values = saved_items;
    }

    if (saved_n > 1)
        sort_choose_compare(&ms, lo.keys, saved_n);
    merge_init(&ms, saved_n, keys != NULL, &lo);

    nremaining = saved_n;
    if (nremaining < 2)
        goto succeed;

    /* reverse, sort stably, reverse back: equal keys keep their order */
    if (reverse) {
        if (keys)
            sort_reverse_slice(keys, keys + saved_n);
        sort_reverse_slice(saved_items, saved_items + saved_n);
    }

    /* one pass left to right: natural runs, short ones extended to minrun */
    minrun = merge_compute_minrun(nremaining);
    do {
        int descending;
        ssize_t n = count_run(&ms, lo.keys, lo.keys + nremaining, &descending);
        if (n < 0)
            goto fail;
        if (descending)
            sortslice_reverse(&lo, n);
        if (n < minrun) {
            const ssize_t force = nremaining <= minrun ? nremaining : minrun;
            if (binarysort(&ms, lo, lo.keys + force, lo.keys + n) < 0)
                goto fail;
            n = force;
        }
        if (found_new_run(&ms, n) < 0)
            goto fail;
        ms.pending[ms.n].base = lo;
        ms.pending[ms.n].len = n;
        ++ms.n;
        sortslice_advance(&lo, n);
        nremaining -= n;
    } while (nremaining);

    if (merge_force_collapse(&ms) < 0)
        goto fail;

succeed:
    result = 0;
fail:
    if (keys) {
        for (i = 0; i < saved_n; i++)
            decref(keys[i]);
        if (saved_n >= SORT_TEMP_SIZE / 2)
            heap_free(keys);
    }
    if (self->allocated != -1 && result == 0) {
        /* the list was changed during the sort, and no other error is pending */
        err_set(exc_ValueError, "list modified during sort");
        result = -1;
    }
    if (reverse && saved_n > 1)
        sort_reverse_slice(saved_items, saved_items + saved_n);
    merge_freemem(&ms);

keyfunc_fail:;
    /* put the items back, dropping whatever was put in the list meanwhile */
    Object **final_items = self->items;
    i = SIZE(self);
    SIZE(self) = saved_n;
    self->items = saved_items;
    self->allocated = saved_alloc;
    if (final_items) {
        while (--i >= 0)
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
    if (arg_parse_clinic("sort", args, (size_t)nargs, kwnames, names, 0, 2, 0, vals) < 0)
        return NULL;
    int rev = 0;
    if (vals[1]) {
        /* Argument Clinic's bool(accept={int}): an int's truth, anything else a TypeError */
        Object *ix = num_index(vals[1]);
        if (!ix)
            return NULL;
        int overflow = 0;
        long v = int_as_long_and_overflow(ix, &overflow);
        decref(ix);
        if (overflow || v > INT_MAX || v < INT_MIN)
            return err_set(exc_OverflowError, "Python int too large to convert to C int");
        rev = v != 0;
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
    {"__class_getitem__", genericalias_class_getitem, METH_O | METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

/* ================================================================ construction */

/* list() and list.__new__ allocate through the type (PyType_GenericAlloc), never from the
** free list, as CPython's list_vectorcall/PyType_GenericNew do: `id(list()) == id(list())`
** is False, and a list built this way counts as a generation-0 allocation. */
static Object *
list_new_impl(TypeObject *t, Object *args, Object *kwds)
{
    ListObject *l;
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
    Object *l = list_new_impl((TypeObject *)type, NULL, NULL);
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
