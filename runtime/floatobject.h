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

Object *float_from_double(double v);    /* new reference */
/* float(s) on a str's text: whitespace, underscores (between digits), inf/nan; ValueError
** "could not convert string to float: '...'" on failure. */
Object *float_from_string(const char *s, ssize_t len);
double float_as_double(Object *o);      /* any object with __float__/__index__; -1.0+exc */
Object *float_repr_obj(Object *o);
hash_t float_hash_double(Object *inst, double v);  /* _Py_HashDouble; nan: by identity */
Object *float_richcompare(Object *a, Object *b, int op);
void float_clear_freelist(void);
void float_debug_stats(void *out);      /* FILE *: the "free PyFloatObjects" line */

#endif
