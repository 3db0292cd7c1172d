/*
** setobject.h -- set and frozenset, laid out as CPython 3.11's PySetObject so that sizes,
** probing and therefore iteration order match: an open-addressing table of {key, hash}
** entries whose first 8 slots live inside the object ('smalltable'), so
** sys.getsizeof(set()) == 16 (GC head) + 200; a larger table is a separate heap block that
** __sizeof__ adds.  'fill' counts active + dummy slots, 'used' active ones; a deleted
** slot holds the shared dummy key with hash -1.  frozenset caches its hash in 'hash'.
** See setobject.c for the probing and resize policy.
*/
#ifndef PYHEAP_SETOBJECT_H
#define PYHEAP_SETOBJECT_H

#include "object.h"

#define SET_MINSIZE 8

typedef struct SetEntry {
    Object *key;                /* NULL: never used; set_dummy: deleted; else owned */
    hash_t hash;                /* cached hash of key (-1 for a dummy) */
} SetEntry;

typedef struct SetObject {
    OBJECT_HEAD;
    ssize_t fill;               /* active + dummy entries */
    ssize_t used;               /* active entries (len) */
    ssize_t mask;               /* table size - 1 (a power of two minus one) */
    SetEntry *table;            /* smalltable or a heap block of mask + 1 entries */
    hash_t hash;                /* frozenset only: cached hash, -1 = not computed */
    ssize_t finger;             /* where pop() resumes its search */
    SetEntry smalltable[SET_MINSIZE];
    Object *weakreflist;        /* kept for CPython's layout (no weakrefs yet) */
} SetObject;

#define SET_CHECK_EXACT(o) (TYPE(o) == &set_type)
#define FROZENSET_CHECK_EXACT(o) (TYPE(o) == &frozenset_type)
#define ANYSET_CHECK_EXACT(o) (SET_CHECK_EXACT(o) || FROZENSET_CHECK_EXACT(o))
#define SET_CHECK(o) obj_type_check(OB(o), &set_type)
#define FROZENSET_CHECK(o) obj_type_check(OB(o), &frozenset_type)
#define ANYSET_CHECK(o) (SET_CHECK(o) || FROZENSET_CHECK(o))
#define SET_SIZE(o) (((SetObject *)(o))->used)

extern TypeObject setiter_type;

/* Constructors: a new set / frozenset with the elements of iterable (NULL: empty).
** New reference; NULL + exception on failure (e.g. an unhashable element). */
Object *set_new(Object *iterable);
Object *frozenset_new(Object *iterable);

/* Add key (increfs it; no effect if an equal key is present).  Works on a set, or on a
** frozenset still being built (refcount 1), as PySet_Add.  0, or -1 + exception. */
int set_add(Object *set, Object *key);
/* Membership in a set or frozenset: 1/0, or -1 + exception (unhashable key). */
int set_contains(Object *set, Object *key);
/* Remove key if present: 1 removed, 0 absent, -1 + exception. */
int set_discard(Object *set, Object *key);
ssize_t set_size(Object *set);
/* Iterate: *pos starts at 0; returns 1 with a borrowed key and its hash, 0 at the end.
** The set must not change during the loop. */
int set_next(Object *set, ssize_t *pos, Object **key, hash_t *hash);
/* set |= iterable (set.update with one argument): 0, or -1 + exception. */
int set_update(Object *set, Object *iterable);
int set_clear(Object *set);             /* remove everything: 0 */
Object *set_pop(Object *set);           /* new ref; KeyError when empty */
void set_clear_freelist(void);          /* 3.11 sets have no free list: a no-op */
/* Ready set, frozenset and set_iterator (rt_init calls it): 0, or -1 + exception. */
int set_init(void);

#endif
