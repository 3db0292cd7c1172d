/*
** modules.h -- the builtin extension modules' entry points (each returns a new module
** object or NULL with an exception set).  import.c lists them by name.
*/
#ifndef PYHEAP_MODULES_H
#define PYHEAP_MODULES_H

#include "object.h"

Object *gcmodule_init(void);
Object *mathmodule_init(void);
Object *timemodule_init(void);
Object *osmodule_init(void);

#endif
