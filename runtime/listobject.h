/*
** listobject.h -- list: 56 bytes with the GC head + 8 per allocated slot; over-allocation
** exactly as CPython 3.11's list_resize ((n + (n >> 3) + 6) & ~3, shrink when below half).
** Freed list objects go to a free list of 80.
*/
#ifndef PYHEAP_LISTOBJECT_H
#define PYHEAP_LISTOBJECT_H

#include "object.h"

typedef struct ListObject {
    VAR_OBJECT_HEAD;
    Object **items;
    ssize_t allocated;
} ListObject;

#define LIST_ITEMS(l) (((ListObject *)(l))->items)
#define LIST_GET(l, i) (((ListObject *)(l))->items[i])
#define LIST_SET(l, i, v) (((ListObject *)(l))->items[i] = (Object *)(v))     /* steals */
#define LIST_LEN(l) SIZE(l)

Object *list_new(ssize_t n);            /* n slots, all NULL: caller fills with LIST_SET */
Object *list_from_array_take(Object *const *items, ssize_t n);  /* steals the items */
int list_append(Object *l, Object *v);  /* increfs v */
int list_append_take(Object *l, Object *v);    /* steals v (even on failure) */
int list_insert(Object *l, ssize_t where, Object *v);
int list_extend(Object *l, Object *iterable);
Object *list_from_iterable(Object *it);
Object *list_as_tuple(Object *l);
Object *list_getslice(Object *l, ssize_t lo, ssize_t hi);
int list_setslice(Object *l, ssize_t lo, ssize_t hi, Object *v);   /* v NULL: delete */
int list_sort(Object *l, Object *key, int reverse);
int list_reverse(Object *l);
int list_resize(ListObject *l, ssize_t newsize);
void list_clear_freelist(void);
void list_swap_freelist(void);    /* side mode's own free lists */
void list_debug_stats(void *out);

/* PyObject_LengthHint: len() if sized, __length_hint__ otherwise, else dflt; -1 with an
** exception. */
ssize_t length_hint(Object *o, ssize_t dflt);

#endif
