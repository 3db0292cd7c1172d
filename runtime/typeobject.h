/*
** typeobject.h -- type objects: readying static types, creating classes (heap types),
** the MRO, attribute lookup along it (with a global method cache keyed by type version
** tags), and the slot machinery that connects C slots with dunder methods both ways:
** a builtin type's slots appear as slot-wrapper descriptors in its __dict__ (int.__add__),
** and a class's dunder methods fill its slots with generic slot_* functions.
*/
#ifndef PYHEAP_TYPEOBJECT_H
#define PYHEAP_TYPEOBJECT_H

#include "object.h"

int type_ready(TypeObject *t);          /* 0, or -1 with exception */
/* Find name along t's MRO: borrowed reference or NULL (never raises). */
Object *type_lookup(TypeObject *t, Object *name);

/* The method cache behind type_lookup: direct-mapped on (version tag, name), each entry
** holding a strong reference to its name (as CPython 3.11), so an entry found by name
** identity is about that very string.  The VM keeps one more fact in it for its
** polymorphic attribute sites (a cached LOAD_ATTR / STORE_ATTR / LOAD_METHOD that meets
** another class re-targets itself from here instead of redoing the lookups): vm_keys is
** the name's index in the type's shared instance keys (>= 0), -2 - n when the name is
** not among the first n shared keys, TYPE_MCACHE_KEYS_UNKNOWN when not known.  A refill
** of the entry forgets it. */
typedef struct TypeCacheEntry {
    unsigned int version;
    int vm_keys;
    Object *name;               /* strong */
    Object *value;              /* borrowed: type_lookup's result, NULL if none */
} TypeCacheEntry;
#define TYPE_MCACHE_BITS 12
#define TYPE_MCACHE_SIZE (1u << TYPE_MCACHE_BITS)
#define TYPE_MCACHE_KEYS_UNKNOWN (-1)
#define TYPE_MCACHE_HASH(v, name)                                                        \
    ((((unsigned int)(v)) ^ (unsigned int)((uintptr_t)(name) >> 4)) & (TYPE_MCACHE_SIZE - 1))
extern TypeCacheEntry type_method_cache[TYPE_MCACHE_SIZE];

/* t's cache entry for name if type_lookup(t, name) is cached, else NULL. */
static inline TypeCacheEntry *
type_cache_find(TypeObject *t, Object *name)
{
    if (!(t->flags & TPFLAG_VALID_VERSION))
        return NULL;
    TypeCacheEntry *e = &type_method_cache[TYPE_MCACHE_HASH(t->version_tag, name)];
    return e->version == t->version_tag && e->name == name ? e : NULL;
}
/* Start counting the method cache's references to None as CPython 3.11's entries hold
** them, from the first line of a script (repl 0) or prompt (1) on; and stop. */
void type_mcache_model_start(int repl);
void type_mcache_model_fini(void);
/* The name of the attribute instruction (or getattr() call) running, if any: a lookup
** of it is the program's, not the C code's (the model tells CPython's two objects for
** a name apart).  Set and restored around the call with MC_PROGRAM_NAME. */
extern Object *type_mcache_program_name;
#define MC_PROGRAM_NAME(name, call)                                                      \
    do {                                                                                 \
        Object *mc_saved_ = type_mcache_program_name;                                    \
        type_mcache_program_name = (name);                                               \
        call;                                                                            \
        type_mcache_program_name = mc_saved_;                                            \
    } while (0)
/* Record vm_keys in t's entry for name (if it is cached). */
void type_cache_note_keys(TypeObject *t, Object *name, int vm_keys);
/* Invalidate cached lookups for t and its subclasses after its dict changed. */
void type_modified(TypeObject *t);
/* t's version tag, assigned if need be; 0 if none can be (the VM's attribute caches
** key on it: it changes whenever t or a base is modified). */
unsigned int type_version(TypeObject *t);
/* Create a class: type(name, bases, dict) (steals nothing). */
Object *type_new_from_spec(Object *name, Object *bases, Object *dict);
/* Call a special method looked up on the type: new ref, or NULL with AttributeError
** if the type has no such method. */
Object *type_call_special(Object *self, Object *name, Object *const *args, size_t nargs);
Object *type_name_obj(TypeObject *t);   /* new ref: __name__ */
Object *type_qualname_obj(TypeObject *t);
Object *type_module_obj(TypeObject *t); /* new ref: __module__ ("builtins" for static) */
int type_is_abstract(TypeObject *t);
void type_fini(void);                   /* teardown: release every static type's dict... */
int type_is_static_ready(const TypeObject *t);  /* t was readied as a static type */
void type_forget_static(void);          /* drop that registry (very last) */
/* object.__new__/__init__ etc. used by other types */
Object *object_generic_new(TypeObject *t, Object *args, Object *kwds);
Object *object_repr_default(Object *self);       /* <mod.Name object at 0x...> */
/* Subtype dealloc/traverse/clear for heap-type instances. */
void subtype_dealloc(Object *self);
int subtype_traverse(Object *self, visitproc visit, void *arg);
int subtype_clear(Object *self);
/* Call __init_subclass__, __set_name__ ... as type.__new__ does. */

#endif
