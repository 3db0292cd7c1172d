/*
** sliceobject.h -- slice objects and the index arithmetic of slicing.  As in CPython
** 3.11, one freed slice is kept for reuse (the "slice cache").
*/
#ifndef PYHEAP_SLICEOBJECT_H
#define PYHEAP_SLICEOBJECT_H

#include "object.h"

typedef struct SliceObject {
    OBJECT_HEAD;
    Object *start, *stop, *step;        /* never NULL (None when omitted) */
} SliceObject;

Object *slice_new(Object *start, Object *stop, Object *step);   /* NULL args -> None */
/* Resolve slice against a sequence of length len (PySlice_Unpack + AdjustIndices):
** returns -1 on error; *slicelen may be 0. */
int slice_unpack_indices(Object *slice, ssize_t len, ssize_t *start, ssize_t *stop,
                         ssize_t *step, ssize_t *slicelen);
/* _PyEval_SliceIndex: None leaves *out unchanged; ints are clamped to ssize_t. */
int slice_index_arg(Object *v, ssize_t *out);
void slice_clear_cache(void);

#endif
