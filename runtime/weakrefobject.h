/*
** weakrefobject.h -- weak references (CPython's weakrefobject.c): weakref.ref, the two
** proxy types, and the clearing of an object's weak references when it dies.
**
** CPython keeps an object's weak references in a list whose head lives in the object (at
** tp_weaklistoffset).  pyheap keeps the heads in a side table keyed by address, so static
** types need no extra field; a type supports weak references when its weaklistoffset is
** nonzero (the value is CPython's offset, reported as __weakrefoffset__).
*/
#ifndef PYHEAP_WEAKREFOBJECT_H
#define PYHEAP_WEAKREFOBJECT_H

#include "object.h"
#include <stdint.h>

typedef struct WeakRef WeakRef;
struct WeakRef {                /* CPython's PyWeakReference: 64 bytes */
    OBJECT_HEAD;
    Object *wr_object;          /* the referent (borrowed), None once dead */
    Object *wr_callback;        /* NULL or the callable */
    hash_t hash;                /* -1 until computed */
    WeakRef *wr_prev, *wr_next; /* the referent's list */
    vectorcallfunc vectorcall;
};

extern TypeObject weakref_type, weakproxy_type, weakcallableproxy_type;

#define WEAKREF_CHECK(o) obj_type_check((Object *)(o), &weakref_type)
#define WEAKPROXY_CHECK(o)                                                               \
    (TYPE(o) == &weakproxy_type || TYPE(o) == &weakcallableproxy_type)
/* a ref (of any class) or a proxy: PyWeakref_Check */
#define WEAKREF_ANY_CHECK(o) TYPE_HAS_FLAG(TYPE(o), TPFLAG_WEAKREF)

/* Number of objects that have weak references now (the side table's entries). */
extern size_t weakref_objects;
/* A filter in front of the table: bit (address hash) set for every object that got weak
** references since the table was last empty.  Most deallocations stop at this bit. */
#define WEAKREF_FILTER_BITS 65536
extern uint64_t weakref_filter[WEAKREF_FILTER_BITS / 64];
static inline size_t
weakref_filter_bit(const void *o)
{
    uint64_t x = (uint64_t)(uintptr_t)o >> 4;
    return (size_t)((x * 0x9E3779B97F4A7C15ull) >> 48);        /* 16 bits */
}

/* PyObject_ClearWeakRefs: clear every weak reference to o (being deallocated) and call
** their callbacks. */
void weakref_clear_all(Object *o);

/* False when o certainly has no weak references (the usual case, decided without
** touching the table). */
static inline int
weakref_may_have_refs(Object *o)
{
    if (!weakref_objects || !TYPE(o)->weaklistoffset)
        return 0;
    size_t b = weakref_filter_bit(o);
    return (weakref_filter[b >> 6] >> (b & 63)) & 1;
}

/* Deallocators call this first (or, for instances, after __del__). */
static inline void
weakref_clear_refs(Object *o)
{
    if (weakref_may_have_refs(o))
        weakref_clear_all(o);
}

/* The head of o's list (NULL when none). */
WeakRef *weakref_list_head(Object *o);
/* _PyWeakref_ClearRef: make wr dead without calling or dropping its callback. */
void weakref_clear_ref(WeakRef *wr);
/* The referent, or None once dead (borrowed). */
static inline Object *
weakref_get_object(Object *wr)
{
    return ((WeakRef *)wr)->wr_object;
}

/* weakref.ref(o) / weakref.proxy(o) with an optional callback: new references. */
Object *weakref_new_ref(Object *o, Object *callback);
Object *weakref_new_proxy(Object *o, Object *callback);

Object *weakrefmodule_init(void);       /* _weakref */

#endif
