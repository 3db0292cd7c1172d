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
Object *weakrefmodule_init(void);       /* weakrefobject.c */
Object *atexitmodule_init(void);
/* Call the functions registered with atexit.register(), newest first, and forget them. */
void atexit_run_callbacks(void);

#endif
