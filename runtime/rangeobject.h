/* rangeobject.h -- range objects and the C-long range iterator (a VM fast path). */
#ifndef PYHEAP_RANGEOBJECT_H
#define PYHEAP_RANGEOBJECT_H

#include "object.h"

typedef struct RangeObject {
    OBJECT_HEAD;
    Object *start, *stop, *step, *length;
} RangeObject;

typedef struct RangeIterObject {
    OBJECT_HEAD;
    long index, start, step, len;
} RangeIterObject;

extern TypeObject rangeiter_type, longrangeiter_type;
Object *range_new_from(Object *start, Object *stop, Object *step);

#endif
