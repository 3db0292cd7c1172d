/*
** moduleobject.c -- module objects.  Attribute lookup goes to the module dict; a missing
** attribute raises "module 'm' has no attribute 'x'" after trying __getattr__ (PEP 562).
*/
#include "weakrefobject.h"
#include "moduleobject.h"
#include "error.h"
#include "gc.h"
#include "intobject.h"
#include "strobject.h"
#include "tupleobject.h"
#include "dictobject.h"
#include "typeobject.h"
#include "methodobject.h"

Object *
module_new_obj(Object *name)
{
    ModuleObject *m = (ModuleObject *)obj_alloc(&module_type, 0);
    if (!m)
        return NULL;
    m->md_dict = dict_new();
    m->md_name = newref(name);
    if (!m->md_dict || dict_setitem(m->md_dict, ID(__name__), name) < 0 ||
        dict_setitem(m->md_dict, ID(__doc__), None) < 0 ||
        dict_setitem(m->md_dict, ID(__package__), None) < 0 ||
        dict_setitem(m->md_dict, ID(__loader__), None) < 0 ||
        dict_setitem(m->md_dict, ID(__spec__), None) < 0) {
        decref(m);
        return NULL;
    }
    gc_track((Object *)m);
    return (Object *)m;
}

Object *
module_new(const char *name)
{
    Object *n = str_intern_cstr(name);
    if (!n)
        return NULL;
    Object *m = module_new_obj(n);
    decref(n);
    return m;
}

Object *
module_get_dict(Object *m)
{
    return ((ModuleObject *)m)->md_dict;
}

int
module_add_functions(Object *m, const MethodDef *defs)
{
    Object *modname = ((ModuleObject *)m)->md_name;
    for (const MethodDef *d = defs; d && d->name; d++) {
        Object *f = cfunction_new(d, m, modname);
        if (!f)
            return -1;
        int r = dict_setitem_str(((ModuleObject *)m)->md_dict, d->name, f);
        decref(f);
        if (r < 0)
            return -1;
    }
    return 0;
}

int
module_add_object(Object *m, const char *name, Object *v)
{
    return dict_setitem_str(((ModuleObject *)m)->md_dict, name, v);
}

int
module_add_int(Object *m, const char *name, long v)
{
    Object *o = int_from_long(v);
    if (!o)
        return -1;
    int r = module_add_object(m, name, o);
    decref(o);
    return r;
}

void
module_watch(Object *m, Object **slot)
{
    *slot = m;
    ((ModuleObject *)m)->md_weaklist = slot;
}

void
module_unwatch(Object *m)
{
    ((ModuleObject *)m)->md_weaklist = NULL;
}

static void
module_dealloc(Object *o)
{
    ModuleObject *m = (ModuleObject *)o;
    gc_untrack(o);
    weakref_clear_refs(o);
    if (m->md_weaklist)
        *(Object **)m->md_weaklist = NULL;
    xdecref(m->md_dict);
    xdecref(m->md_name);
    xdecref((Object *)m->md_state);
    obj_free(o);
}

static int
module_traverse(Object *o, visitproc visit, void *arg)
{
    OBJ_VISIT(((ModuleObject *)o)->md_dict);
    return 0;
}

static int
module_clear(Object *o)
{
    CLEAR(((ModuleObject *)o)->md_dict);
    return 0;
}

static Object *
module_repr(Object *o)
{
    ModuleObject *m = (ModuleObject *)o;
    Object *file = m->md_dict ? dict_getitem(m->md_dict, ID(__file__)) : NULL;
    if (file && STR_CHECK(file))
        return str_from_format("<module %R from %R>", m->md_name, file);
    return str_from_format("<module %R (built-in)>", m->md_name);
}

static Object *
module_getattro(Object *o, Object *name)
{
    Object *r = obj_generic_getattr(o, name);
    if (r || !err_matches(exc_AttributeError))
        return r;
    err_clear();
    ModuleObject *m = (ModuleObject *)o;
    if (m->md_dict) {
        Object *ga = dict_getitem(m->md_dict, ID(__getattr__));
        if (ga)
            return obj_call_one(ga, name);
    }
    return err_format(exc_AttributeError, "module '%U' has no attribute '%U'", m->md_name, name);
}

static Object *
module_dir(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    ModuleObject *m = (ModuleObject *)self;
    Object *l = dict_keys_list(m->md_dict);
    return l;
}

static const MethodDef module_methods[] = {
    {"__dir__", module_dir, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static Object *
module_get_dict_attr(Object *o, void *c)
{
    return newref(((ModuleObject *)o)->md_dict);
}

static const GetSetDef module_getset[] = {
    {"__dict__", module_get_dict_attr, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static Object *
module_new_impl(TypeObject *t, Object *args, Object *kwds)
{
    if (TUPLE_LEN(args) < 1 || !STR_CHECK(TUPLE_GET(args, 0)))
        return err_set(exc_TypeError, "module() argument 'name' must be str");
    return module_new_obj(TUPLE_GET(args, 0));
}

TypeObject module_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "module",
    .basicsize = sizeof(ModuleObject),
    .flags = TPFLAG_GC | TPFLAG_BASETYPE,
    .dealloc = module_dealloc,
    .traverse = module_traverse,
    .clear = module_clear,
    .repr = module_repr,
    .getattro = module_getattro,
    .setattro = obj_generic_setattr,
    .new_ = module_new_impl,
    .methods = module_methods,
    .getset = module_getset,
    .dictoffset = offsetof(ModuleObject, md_dict),
    .weaklistoffset = offsetof(ModuleObject, md_weaklist),   /* as CPython's: 40 */
};
