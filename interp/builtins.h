/*
** builtins.h -- the modules built into the interpreter: builtins, sys, and the import
** machinery that finds them (and .py modules on sys.path).
*/
#ifndef PYHEAP_BUILTINS_H
#define PYHEAP_BUILTINS_H

#include "runtime/object.h"

Object *builtins_init(void);                    /* new module */
Object *sysmodule_init(int argc, char **argv);  /* new module; argv: script args */
void sysmodule_set_argv(int argc, char **argv, const char *argv0);
int builtin_isinstance_impl(Object *inst, Object *cls);

/* import */
int import_init(void);
Object *import_module_cstr(const char *name);   /* new ref */
extern int import_specless;                     /* built-in modules get no __spec__ */
/* IMPORT_NAME / IMPORT_FROM / IMPORT_STAR and builtins.__import__ */
Object *import_name(Object *name, Object *globals, Object *fromlist, Object *level);
/* A module imported again: CPython's __spec__._initializing lookup (sys, builtins). */
void import_spec_probe(Object *m);
Object *import_from(Object *module, Object *name);
int import_star(Object *module, Object *locals);
Object *import_builtin___import__(Object *const *args, ssize_t nargs, Object *kwnames);

#endif
