/*
** genericalias.h -- types.GenericAlias (list[int]) and types.UnionType (int | None).
*/
#ifndef PYHEAP_GENERICALIAS_H
#define PYHEAP_GENERICALIAS_H

#include "object.h"

extern TypeObject genericalias_type, uniontype_type;

/* origin[args]: args a tuple or a single object.  New reference. */
Object *genericalias_new(Object *origin, Object *args);
/* The __class_getitem__ classmethod (METH_O | METH_CLASS) of the generic builtins. */
Object *genericalias_class_getitem(Object *cls, Object *const *args, ssize_t nargs,
                                   Object *kw);
/* a | b: the nb_or of type, GenericAlias and UnionType (NotImplemented for others). */
Object *union_type_or(Object *a, Object *b);
/* The member tuple of a UnionType (borrowed). */
Object *union_args(Object *u);

#endif
