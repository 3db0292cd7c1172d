/*
** descrobject.h -- descriptors: the objects in a type's __dict__ that make attribute
** access on instances do something (CPython's descrobject.c + funcobject.c's
** staticmethod/classmethod + property):
**   method_descr     list.append: a C MethodDef; binds to a builtin method on access
**   classmethod_descr  dict.fromkeys: a C classmethod
**   member_descr     a C struct field (MemberDef)
**   getset_descr     a computed attribute in C (GetSetDef)
**   wrapper_descr    int.__add__: a C slot exposed as a dunder method (SlotDef)
**   method-wrapper   (1).__add__: a wrapper_descr bound to an instance
**   staticmethod, classmethod, property
*/
#ifndef PYHEAP_DESCROBJECT_H
#define PYHEAP_DESCROBJECT_H

#include "object.h"

typedef struct SlotDef SlotDef;
typedef Object *(*wrapperfunc)(Object *self, Object *const *args, size_t nargs,
                               Object *kwnames, void *wrapped, const SlotDef *sd);

struct SlotDef {
    const char *name;           /* "__add__" */
    size_t offset;              /* offsetof(TypeObject, slot) */
    void *function;             /* generic slot_* implementation for classes */
    wrapperfunc wrapper;        /* calls the C slot from a dunder call */
    int op;                     /* richcompare op, or 1 for reflected binary ops */
    const char *doc;
    Object *name_strobj;        /* interned name (filled at start-up) */
};

typedef struct DescrObject {
    OBJECT_HEAD;
    TypeObject *d_type;         /* the type that defines it (borrowed: types are
                                   immortal or own their dict) */
    Object *d_name;
    Object *d_qualname;
} DescrObject;

typedef struct MethodDescrObject {
    DescrObject common;
    const MethodDef *d_method;
    vectorcallfunc vectorcall;
} MethodDescrObject;

typedef struct MemberDescrObject {
    DescrObject common;
    const MemberDef *d_member;
} MemberDescrObject;

typedef struct GetSetDescrObject {
    DescrObject common;
    const GetSetDef *d_getset;
} GetSetDescrObject;

typedef struct WrapperDescrObject {
    DescrObject common;
    const SlotDef *d_base;
    void *d_wrapped;            /* the C slot function */
} WrapperDescrObject;

typedef struct MethodWrapperObject {
    OBJECT_HEAD;
    WrapperDescrObject *descr;
    Object *self;
} MethodWrapperObject;

typedef struct StaticMethodObject {     /* also classmethod */
    OBJECT_HEAD;
    Object *callable;
    Object *dict;
} StaticMethodObject;

typedef struct PropertyObject {
    OBJECT_HEAD;
    Object *fget, *fset, *fdel, *doc, *name;
    int getter_doc;
} PropertyObject;

Object *descr_new_method(TypeObject *t, const MethodDef *ml);
Object *descr_new_classmethod(TypeObject *t, const MethodDef *ml);
Object *descr_new_member(TypeObject *t, const MemberDef *m);
Object *descr_new_getset(TypeObject *t, const GetSetDef *g);
Object *descr_new_wrapper(TypeObject *t, const SlotDef *sd, void *wrapped);
/* sd's wrapper called with the arguments packed as CPython's tp_call packs them */
Object *slot_wrapper_call_packed(const SlotDef *sd, void *wrapped, Object *self,
                                 Object *const *args, size_t nargs, Object *kwnames,
                                 Object *targs, Object *tkw);
Object *staticmethod_new(Object *callable);
Object *classmethod_new(Object *callable);

extern TypeObject mappingproxy_type;
Object *mappingproxy_new(Object *mapping);

#endif
