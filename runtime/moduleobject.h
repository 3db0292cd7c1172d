/* moduleobject.h -- module objects: a namespace dict with __name__ (72 bytes, as CPython). */
#ifndef PYHEAP_MODULEOBJECT_H
#define PYHEAP_MODULEOBJECT_H

#include "object.h"

typedef struct ModuleObject {
    OBJECT_HEAD;
    Object *md_dict;
    void *md_def;
    void *md_state;                     /* an imported builtin module: see import_full */
    void *md_weaklist;                  /* CPython's weakref list; here the watch slot */
    Object *md_name;
} ModuleObject;

extern TypeObject module_type;
#define MODULE_CHECK(o) obj_type_check((o), &module_type)

Object *module_new(const char *name);           /* new module with __name__ etc. set */
Object *module_new_obj(Object *name);
Object *module_get_dict(Object *m);             /* borrowed */
/* Add the functions of a MethodDef table to module m (bound to m). */
int module_add_functions(Object *m, const MethodDef *defs);
int module_add_object(Object *m, const char *name, Object *v);  /* increfs v */
int module_add_int(Object *m, const char *name, long v);
/* The weak reference interpreter shutdown keeps to each module it removes from sys.modules
** (CPython's finalize_remove_modules; pyheap has no weakref type): *slot = m now, and
** NULL once m is deallocated.  One slot per module; the slot must outlive m or be
** released with module_unwatch(m). */
void module_watch(Object *m, Object **slot);
void module_unwatch(Object *m);

#endif
