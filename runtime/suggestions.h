/*
** suggestions.h -- CPython 3.11's "Did you mean" hints for uncaught AttributeError and
** NameError (suggestions.c).
*/
#ifndef PYHEAP_SUGGESTIONS_H
#define PYHEAP_SUGGESTIONS_H

#include "object.h"

/* The name to suggest for exc (an exact AttributeError with name/obj, or an exact
** NameError with a traceback): a new reference to a str, or NULL (never an exception). */
Object *suggestions_for_exception(Object *exc);

#endif
