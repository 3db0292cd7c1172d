/* moduleobject.h -- module objects: a namespace dict with __name__ (72 bytes, as CPython). */
#ifndef PYHEAP_MODULEOBJECT_H
#define PYHEAP_MODULEOBJECT_H

#include "object.h"

typedef struct ModuleObject {
    OBJECT_HEAD;
    Object *md_dict;
    void *md_def;
    void *md_state;
    Object *md_weaklist;
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

#endif
