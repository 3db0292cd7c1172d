/*
** floatobject.h -- float: an Object header and a C double (24 bytes, as CPython).
** Freed floats go to a free list of up to 100 (3.11's PyFloat_MAXFREELIST), reused LIFO.
*/
#ifndef PYHEAP_FLOATOBJECT_H
#define PYHEAP_FLOATOBJECT_H

#include "object.h"

typedef struct FloatObject {
    OBJECT_HEAD;
    double fval;
} FloatObject;

#define FLOAT_VAL(o) (((FloatObject *)(o))->fval)

/* The free list (floatobject.c), exposed so float creation and release can be inlined in
** the VM's arithmetic: the next free float is linked through ob_type. */
extern FloatObject *float_free_list;
extern int float_numfree;
extern TypeObject float_type;
#define FLOAT_MAXFREELIST 100

Object *float_from_double_slow(double v);   /* empty free list: a new block */
void float_dealloc_slow(Object *o);         /* full free list: back to the heap */

/* Drop a reference to an exact float (the VM's float arithmetic). */
static inline void
float_decref_exact(Object *o)
{
    if (--o->refcnt != 0)
        return;
    if (__builtin_expect(float_numfree >= FLOAT_MAXFREELIST, 0)) {
        float_dealloc_slow(o);
        return;
    }
    FloatObject *op = (FloatObject *)o;
    op->ob_base.type = (TypeObject *)float_free_list;
    float_free_list = op;
    float_numfree++;
    obj_live_count--;
}

static inline Object *
float_from_double(double v)                 /* new reference */
{
    FloatObject *op = float_free_list;
    if (__builtin_expect(op == NULL, 0))
        return float_from_double_slow(v);
    float_free_list = (FloatObject *)op->ob_base.type;
    float_numfree--;
    obj_live_count++;
    op->ob_base.type = &float_type;
    op->ob_base.refcnt = 1;
    op->fval = v;
    return (Object *)op;
}
/* float(s) on a str's text: whitespace, underscores (between digits), inf/nan; ValueError
** "could not convert string to float: '...'" on failure. */
Object *float_from_string(const char *s, ssize_t len);
double float_as_double(Object *o);      /* any object with __float__/__index__; -1.0+exc */
Object *float_repr_obj(Object *o);
hash_t float_hash_double(Object *inst, double v);  /* _Py_HashDouble; nan: by identity */
Object *float_richcompare(Object *a, Object *b, int op);
void float_clear_freelist(void);
void float_swap_freelist(void);    /* side mode's own free lists */
void float_debug_stats(void *out);      /* FILE *: the "free PyFloatObjects" line */

#endif
