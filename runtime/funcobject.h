/*
** funcobject.h -- Python functions and closure cells.  A FunctionObject has CPython
** 3.11's fields (136 bytes + GC head, so getsizeof matches).  Functions are method
** descriptors: fetched through an instance they bind to a new bound method object.
*/
#ifndef PYHEAP_FUNCOBJECT_H
#define PYHEAP_FUNCOBJECT_H

#include "object.h"

typedef struct FunctionObject {
    OBJECT_HEAD;
    Object *globals;            /* dict */
    Object *builtins;           /* dict */
    Object *name;
    Object *qualname;
    Object *code;               /* CodeObject */
    Object *defaults;           /* tuple or NULL */
    Object *kwdefaults;         /* dict or NULL */
    Object *closure;            /* tuple of cells or NULL */
    Object *doc;
    Object *dict;
    Object *weakreflist;
    Object *module;
    Object *annotations;
    vectorcallfunc vectorcall;
    uint32_t version;
} FunctionObject;

typedef struct CellObject {
    OBJECT_HEAD;
    Object *ref;                /* NULL when empty */
} CellObject;

#define FUNC_CODE(f) (((FunctionObject *)(f))->code)
#define CELL_GET(c) (((CellObject *)(c))->ref)

Object *function_new(Object *code, Object *globals, Object *qualname);
Object *cell_new(Object *ref);

#endif
