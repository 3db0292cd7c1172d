/* complexobject.h -- complex: an Object header and two doubles (32 bytes, as CPython). */
#ifndef PYHEAP_COMPLEXOBJECT_H
#define PYHEAP_COMPLEXOBJECT_H

#include "object.h"

typedef struct ComplexObject {
    OBJECT_HEAD;
    double real, imag;
} ComplexObject;

Object *complex_from_doubles(double real, double imag);   /* new reference */

#endif
