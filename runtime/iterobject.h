/*
** iterobject.h -- the small iterator types: sequence iterator (iter() over __getitem__),
** callable iterator (iter(f, sentinel)), enumerate, zip, map, filter, reversed.
*/
#ifndef PYHEAP_ITEROBJECT_H
#define PYHEAP_ITEROBJECT_H

#include "object.h"

extern TypeObject seqiter_type, calliter_type, enumerate_type, zip_type, map_type,
    filter_type, reversed_type;

Object *seqiter_new(Object *seq);
Object *calliter_new(Object *callable, Object *sentinel);

#endif
