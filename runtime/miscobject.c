/*
** miscobject.c -- the singletons None, NotImplemented and Ellipsis and their types.
** They are static, never freed (their dealloc is a fatal error), as in CPython.
*/
#include "object.h"
#include "error.h"
#include "strobject.h"
#include "typeobject.h"
#include "intobject.h"

static void
singleton_dealloc(Object *o)
{
    (void)o;
    fatal("deallocating None, NotImplemented or Ellipsis");
}

static Object *
none_repr(Object *o)
{
    return str_from_cstr("None");
}

static int
none_bool(Object *o)
{
    return 0;
}

static hash_t
none_hash(Object *o)
{
    return (hash_t)0xFCA86420;     /* 3.12's fixed value; 3.11 hashes the address */
}

static Object *
none_new(TypeObject *t, Object *args, Object *kwds)
{
    if ((args && SIZE(args)) || (kwds && SIZE(kwds)))
        return err_set(exc_TypeError, "NoneType takes no arguments");
    return newref(None);
}

TypeObject none_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "NoneType",
    .basicsize = sizeof(Object),
    .dealloc = singleton_dealloc,
    .repr = none_repr,
    .hash = none_hash,
    .getattro = obj_generic_getattr,
    .new_ = none_new,
    .nb_bool = none_bool,
};

Object none_obj = {1 << 28, &none_type};

static Object *
notimpl_repr(Object *o)
{
    return str_from_cstr("NotImplemented");
}

static int
notimpl_bool(Object *o)
{
    /* 3.9+: DeprecationWarning (not shown by default) */
    return 1;
}

static Object *
notimpl_new(TypeObject *t, Object *args, Object *kwds)
{
    return newref(NotImplemented);
}

TypeObject notimplemented_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "NotImplementedType",
    .basicsize = sizeof(Object),
    .dealloc = singleton_dealloc,
    .repr = notimpl_repr,
    .getattro = obj_generic_getattr,
    .new_ = notimpl_new,
    .nb_bool = notimpl_bool,
};

Object notimplemented_obj = {1 << 28, &notimplemented_type};

static Object *
ellipsis_repr(Object *o)
{
    return str_from_cstr("Ellipsis");
}

static Object *
ellipsis_new(TypeObject *t, Object *args, Object *kwds)
{
    return newref(Ellipsis);
}

TypeObject ellipsis_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "ellipsis",
    .basicsize = sizeof(Object),
    .dealloc = singleton_dealloc,
    .repr = ellipsis_repr,
    .getattro = obj_generic_getattr,
    .new_ = ellipsis_new,
};

Object ellipsis_obj = {1 << 28, &ellipsis_type};
