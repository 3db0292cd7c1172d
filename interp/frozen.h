/*
** frozen.h -- the Python-source modules compiled into the interpreter (the files of lib/, turned
** into build/.../gen/frozen.c by scripts/freeze.sh).  import.c runs one when it is first
** imported, after the builtin (C) modules are looked up.
*/
#ifndef PYHEAP_FROZEN_H
#define PYHEAP_FROZEN_H

typedef struct FrozenModule {
    const char *name;           /* NULL ends the table */
    const char *source;
} FrozenModule;

extern const FrozenModule frozen_modules[];

#endif
