/*
** superobject.c -- super(): attribute lookup along type(obj).__mro__ starting after a
** given class.  The zero-argument form is resolved by the VM (it knows the __class__
** cell and the first argument of the running frame) through super_new's hook below.
*/
#include "object.h"
#include "error.h"
#include "gc.h"
#include "strobject.h"
#include "tupleobject.h"
#include "dictobject.h"
#include "typeobject.h"
#include "funcobject.h"
#include "codeobject.h"
#include "frameobject.h"
#include "ceval.h"

typedef struct SuperObject {
    OBJECT_HEAD;
    TypeObject *type;           /* the class super() was called in */
    Object *obj;                /* the instance or class, or NULL (unbound) */
    TypeObject *obj_type;       /* type(obj) or obj if it is a class */
} SuperObject;

static TypeObject *
supercheck(TypeObject *type, Object *obj)
{
    if (TYPE_CHECK(obj) && type_is_subtype((TypeObject *)obj, type))
        return (TypeObject *)newref(obj);
    if (type_is_subtype(TYPE(obj), type))
        return (TypeObject *)newref(TYPE(obj));
    Object *cls = obj_lookup_attr(obj, ID(__class__));
    if (cls) {
        if (TYPE_CHECK(cls) && cls != (Object *)TYPE(obj) &&
            type_is_subtype((TypeObject *)cls, type))
            return (TypeObject *)cls;
        decref(cls);
    } else if (err_occurred()) {
        return NULL;
    }
    err_set(exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

Object *super_make(TypeObject *t, Object *obj);
Object *
super_make(TypeObject *t, Object *obj)
{
    TypeObject *ot = NULL;
    if (obj) {
        ot = supercheck(t, obj);
        if (!ot)
            return NULL;
    }
    SuperObject *s = (SuperObject *)obj_alloc(&super_type, 0);
    if (!s) {
        xdecref(ot);
        return NULL;
    }
    s->type = (TypeObject *)newref(t);
    s->obj = xnewref(obj);
    s->obj_type = ot;
    gc_track((Object *)s);
    return (Object *)s;
}

static void
super_dealloc(Object *o)
{
    SuperObject *s = (SuperObject *)o;
    gc_untrack(o);
    xdecref(s->obj);
    xdecref(s->type);
    xdecref(s->obj_type);
    TYPE(o)->free(o);
}

static int
super_traverse(Object *o, visitproc visit, void *arg)
{
    SuperObject *s = (SuperObject *)o;
    OBJ_VISIT(s->obj);
    OBJ_VISIT(s->type);
    OBJ_VISIT(s->obj_type);
    return 0;
}

static Object *
super_getattro(Object *self, Object *name)
{
    SuperObject *su = (SuperObject *)self;
    TypeObject *starttype = su->obj_type;
    if (!starttype || (STR_CHECK_EXACT(name) && str_eq(name, ID(__class__))))
        return obj_generic_getattr(self, name);
    Object *mro = starttype->mro;
    if (!mro)
        return obj_generic_getattr(self, name);
    ssize_t n = TUPLE_LEN(mro), i;
    for (i = 0; i + 1 < n; i++)
        if ((Object *)su->type == TUPLE_GET(mro, i))
            break;
    i++;
    if (i >= n)
        return obj_generic_getattr(self, name);
    incref(mro);
    for (; i < n; i++) {
        Object *d = ((TypeObject *)TUPLE_GET(mro, i))->dict;
        Object *res = dict_getitem(d, name);
        if (res) {
            incref(res);
            decref(mro);
            descrgetfunc f = TYPE(res)->descr_get;
            if (f) {
                Object *r = f(res, su->obj == (Object *)starttype ? NULL : su->obj,
                              (Object *)starttype);
                decref(res);
                return r;
            }
            return res;
        }
    }
    decref(mro);
    return obj_generic_getattr(self, name);
}

/* Zero-argument super(): __class__ cell and first argument of the calling frame. */
static int
super_init_without_args(TypeObject **type_p, Object **obj_p)
{
    Frame *f = vm_current_frame();
    if (!f || !f->code) {
        err_set(exc_RuntimeError, "super(): no current frame");
        return -1;
    }
    CodeObject *co = f->code;
    if (co->argcount == 0) {
        err_set(exc_RuntimeError, "super(): no arguments");
        return -1;
    }
    Object *firstarg = f->localsplus[0];
    if (firstarg && (co->localspluskinds[0] & CO_FAST_CELL) && TYPE(firstarg) == &cell_type)
        firstarg = CELL_GET(firstarg);
    if (!firstarg) {
        err_set(exc_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    for (int i = 0; i < co->nlocalsplus; i++) {
        Object *name = TUPLE_GET(co->localsplusnames, i);
        if (!(co->localspluskinds[i] & CO_FAST_FREE) || !str_eq(name, ID(__class__)))
            continue;
        Object *cell = f->localsplus[i];
        if (!cell || TYPE(cell) != &cell_type) {
            err_set(exc_RuntimeError, "super(): bad __class__ cell");
            return -1;
        }
        Object *t = CELL_GET(cell);
        if (!t) {
            err_set(exc_RuntimeError, "super(): empty __class__ cell");
            return -1;
        }
        if (!TYPE_CHECK(t)) {
            err_format(exc_RuntimeError, "super(): __class__ is not a type (%s)",
                       TYPE(t)->name);
            return -1;
        }
        *type_p = (TypeObject *)t;
        *obj_p = firstarg;
        return 0;
    }
    err_set(exc_RuntimeError, "super(): __class__ cell not found");
    return -1;
}

static Object *
super_vectorcall(Object *type, Object *const *args, size_t nargs, Object *kwnames)
{
    if (kwnames && TUPLE_LEN(kwnames))
        return err_set(exc_TypeError, "super() takes no keyword arguments");
    TypeObject *t;
    Object *obj = NULL;
    if (nargs == 0) {
        if (super_init_without_args(&t, &obj) < 0)
            return NULL;
    } else {
        if (!TYPE_CHECK(args[0]))
            return err_format(exc_TypeError, "super() argument 1 must be a type, not %s",
                              TYPE(args[0])->name);
        t = (TypeObject *)args[0];
        if (nargs > 2)
            return err_format(exc_TypeError, "super() takes at most 2 arguments (%zu given)",
                              nargs);
        if (nargs == 2 && args[1] != None)
            obj = args[1];
    }
    if ((TypeObject *)type != &super_type) {
        Object *a = tuple_from_array(args, (ssize_t)nargs);
        if (!a)
            return NULL;
        Object *r = obj_call((Object *)type, a, NULL);
        decref(a);
        return r;
    }
    return super_make(t, obj);
}

static Object *
super_repr(Object *o)
{
    SuperObject *s = (SuperObject *)o;
    if (s->obj_type)
        return str_from_format("<super: <class '%s'>, <%s object>>", s->type->name,
                               s->obj_type->name);
    return str_from_format("<super: <class '%s'>, NULL>", s->type ? s->type->name : "NULL");
}

static Object *
super_descr_get(Object *self, Object *obj, Object *type)
{
    SuperObject *su = (SuperObject *)self;
    if (!obj || obj == None || su->obj)
        return newref(self);
    return super_make(su->type, obj);
}

static const MemberDef super_members[] = {
    {"__thisclass__", MEMBER_OBJECT, offsetof(SuperObject, type), MEMBER_READONLY, NULL},
    {"__self__", MEMBER_OBJECT, offsetof(SuperObject, obj), MEMBER_READONLY, NULL},
    {"__self_class__", MEMBER_OBJECT, offsetof(SuperObject, obj_type), MEMBER_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

TypeObject super_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "super",
    .basicsize = sizeof(SuperObject),
    .flags = TPFLAG_GC | TPFLAG_BASETYPE,
    .dealloc = super_dealloc,
    .traverse = super_traverse,
    .repr = super_repr,
    .getattro = super_getattro,
    .descr_get = super_descr_get,
    .new_vectorcall = super_vectorcall,
    .alloc = type_generic_alloc,
    .free = obj_free,
    .members = super_members,
};
