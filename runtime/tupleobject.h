/*
** tupleobject.h -- tuple: VarObject + inline item array (40 + 8n bytes with the GC head,
** as CPython).  The empty tuple is a singleton; freed tuples of length 1..20 go to one
** free list per length (2000 each), as 3.11.  Tuples holding only untracked objects are
** untracked by the collector (gc.c maybe_untrack).
*/
#ifndef PYHEAP_TUPLEOBJECT_H
#define PYHEAP_TUPLEOBJECT_H

#include "object.h"

typedef struct TupleObject {
    VAR_OBJECT_HEAD;
    Object *items[1];
} TupleObject;

#define TUPLE_ITEMS(t) (((TupleObject *)(t))->items)
#define TUPLE_GET(t, i) (((TupleObject *)(t))->items[i])
#define TUPLE_SET(t, i, v) (((TupleObject *)(t))->items[i] = (Object *)(v))   /* steals */
#define TUPLE_LEN(t) SIZE(t)

#define TUPLE_MAXSAVESIZE 20
#define TUPLE_MAXFREELIST 2000

Object *tuple_new(ssize_t n);           /* items NULL; tracked; caller fills them */
Object *tuple_pack(ssize_t n, ...);     /* increfs the items */
Object *tuple_from_array(Object *const *items, ssize_t n);          /* increfs */
Object *tuple_from_array_take(Object *const *items, ssize_t n);     /* steals */
Object *tuple_from_iterable(Object *it);   /* tuple(it) */
Object *tuple_getslice(Object *t, ssize_t lo, ssize_t hi);
Object *tuple_empty(void);              /* new ref to () */
void tuple_maybe_untrack(Object *t);    /* untrack if every item is atomic/untracked */
void tuple_clear_freelists(void);
void tuple_swap_freelists(void);    /* side mode's own free lists */
void tuple_debug_stats(void *out);

#endif
