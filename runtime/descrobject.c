/*
** descrobject.c -- descriptor types (descrobject.h): method/classmethod/member/getset/
** wrapper descriptors, method-wrapper, staticmethod, classmethod, property, and the
** read-only mappingproxy returned by Class.__dict__.
*/
#include "descrobject.h"
#include "error.h"
#include "gc.h"
#include "state.h"
#include "intobject.h"
#include "floatobject.h"
#include "strobject.h"
#include "tupleobject.h"
#include "dictobject.h"
#include "typeobject.h"
#include "methodobject.h"
#include "funcobject.h"
#include <string.h>

/* ================================================================ common */

static DescrObject *
descr_new(TypeObject *dtype, TypeObject *t, const char *name)
{
    DescrObject *d = (DescrObject *)obj_alloc(dtype, 0);
    if (!d)
        return NULL;
    d->d_type = (TypeObject *)newref(t);
    d->d_name = str_intern_cstr(name);
    if (!d->d_name) {
        decref(d);
        return NULL;
    }
    gc_track((Object *)d);
    return d;
}

static void
descr_dealloc(Object *o)
{
    DescrObject *d = (DescrObject *)o;
    gc_untrack(o);
    xdecref(d->d_type);
    xdecref(d->d_name);
    xdecref(d->d_qualname);
    obj_free(o);
}

static int
descr_traverse(Object *o, visitproc visit, void *arg)
{
    OBJ_VISIT(((DescrObject *)o)->d_type);
    return 0;
}

static int
descr_check(DescrObject *d, Object *obj)
{
    if (!obj_type_check(obj, d->d_type)) {
        err_format(exc_TypeError, "descriptor '%U' for '%s' objects doesn't apply to a '%s' object",
                   d->d_name, d->d_type->name, TYPE(obj)->name);
        return -1;
    }
    return 0;
}

static Object *
descr_get_name(Object *o, void *c)
{
    return newref(((DescrObject *)o)->d_name);
}

static Object *
descr_get_qualname(Object *o, void *c)
{
    DescrObject *d = (DescrObject *)o;
    Object *tq = type_qualname_obj(d->d_type);
    if (!tq)
        return NULL;
    Object *r = str_from_format("%U.%U", tq, d->d_name);
    decref(tq);
    return r;
}

static Object *
descr_get_objclass(Object *o, void *c)
{
    return newref(((DescrObject *)o)->d_type);
}

static const GetSetDef descr_getset[] = {
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ================================================================ method descriptor */

static Object *
method_descr_vectorcall(Object *callable, Object *const *args, size_t nargs, Object *kwnames)
{
    MethodDescrObject *d = (MethodDescrObject *)callable;
    if (nargs < 1)
        return err_format(exc_TypeError, "unbound method %s.%s() needs an argument",
                          d->common.d_type->name, d->d_method->name);
    Object *self = args[0];
    if (descr_check(&d->common, self) < 0)
        return NULL;
    return cfunction_call_ml(d->d_method, self, d->common.d_type, args + 1, nargs - 1, kwnames);
}

static Object *
method_descr_get(Object *o, Object *obj, Object *type)
{
    MethodDescrObject *d = (MethodDescrObject *)o;
    if (!obj)
        return newref(o);
    if (descr_check(&d->common, obj) < 0)
        return NULL;
    return cfunction_new(d->d_method, obj, NULL);
}

static Object *
method_descr_repr(Object *o)
{
    DescrObject *d = (DescrObject *)o;
    return str_from_format("<method '%U' of '%s' objects>", d->d_name, d->d_type->name);
}

static Object *
method_descr_get_doc(Object *o, void *c)
{
    const char *doc = ((MethodDescrObject *)o)->d_method->doc;
    return doc ? str_from_cstr(doc) : newref(None);
}

static const GetSetDef method_descr_getset[] = {
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
    {"__doc__", method_descr_get_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TypeObject method_descr_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "method_descriptor",
    .basicsize = sizeof(MethodDescrObject),
    .flags = TPFLAG_GC | TPFLAG_METHOD_DESCRIPTOR,
    .dealloc = descr_dealloc,
    .traverse = descr_traverse,
    .repr = method_descr_repr,
    .vectorcall = method_descr_vectorcall,
    .getattro = obj_generic_getattr,
    .descr_get = method_descr_get,
    .getset = method_descr_getset,
};

Object *
descr_new_method(TypeObject *t, const MethodDef *ml)
{
    MethodDescrObject *d = (MethodDescrObject *)descr_new(&method_descr_type, t, ml->name);
    if (d)
        d->d_method = ml;
    return (Object *)d;
}

/* ---- classmethod descriptor (dict.fromkeys) ---- */

static Object *
classmethod_descr_get(Object *o, Object *obj, Object *type)
{
    MethodDescrObject *d = (MethodDescrObject *)o;
    if (!type)
        type = (Object *)TYPE(obj);
    return cfunction_new(d->d_method, type, NULL);
}

static Object *
classmethod_descr_vectorcall(Object *callable, Object *const *args, size_t nargs,
                             Object *kwnames)
{
    MethodDescrObject *d = (MethodDescrObject *)callable;
    if (nargs < 1)
        return err_format(exc_TypeError, "descriptor '%s' of '%s' object needs an argument",
                          d->d_method->name, d->common.d_type->name);
    return cfunction_call_ml(d->d_method, args[0], d->common.d_type, args + 1, nargs - 1,
                             kwnames);
}

static Object *
classmethod_descr_repr(Object *o)
{
    DescrObject *d = (DescrObject *)o;
    return str_from_format("<method '%U' of '%s' objects>", d->d_name, d->d_type->name);
}

TypeObject classmethod_descr_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "classmethod_descriptor",
    .basicsize = sizeof(MethodDescrObject),
    .flags = TPFLAG_GC,
    .dealloc = descr_dealloc,
    .traverse = descr_traverse,
    .repr = classmethod_descr_repr,
    .vectorcall = classmethod_descr_vectorcall,
    .getattro = obj_generic_getattr,
    .descr_get = classmethod_descr_get,
    .getset = descr_getset,
};

Object *
descr_new_classmethod(TypeObject *t, const MethodDef *ml)
{
    MethodDescrObject *d =
        (MethodDescrObject *)descr_new(&classmethod_descr_type, t, ml->name);
    if (d)
        d->d_method = ml;
    return (Object *)d;
}

/* ================================================================ member descriptor */

static Object *
member_get(Object *o, Object *obj, Object *type)
{
    MemberDescrObject *d = (MemberDescrObject *)o;
    if (!obj)
        return newref(o);
    if (descr_check(&d->common, obj) < 0)
        return NULL;
    const MemberDef *m = d->d_member;
    char *addr = obj_field(obj, m->offset);
    switch (m->kind) {
    case MEMBER_OBJECT: {
        Object *v = *(Object **)addr;
        return newref(v ? v : None);
    }
    case MEMBER_OBJECT_EX: {
        Object *v = *(Object **)addr;
        if (!v)
            return err_format(exc_AttributeError, "'%s' object has no attribute '%s'",
                              TYPE(obj)->name, m->name);
        return newref(v);
    }
    case MEMBER_SSIZE:
        return int_from_ssize(*(ssize_t *)addr);
    case MEMBER_INT:
        return int_from_long(*(int *)addr);
    case MEMBER_BOOL:
        return bool_from(*(char *)addr);
    case MEMBER_DOUBLE:
        return float_from_double(*(double *)addr);
    }
    return err_bad_internal_call("member_get");
}

static int
member_set(Object *o, Object *obj, Object *v)
{
    MemberDescrObject *d = (MemberDescrObject *)o;
    if (descr_check(&d->common, obj) < 0)
        return -1;
    const MemberDef *m = d->d_member;
    if (m->flags & MEMBER_READONLY) {
        err_set(exc_AttributeError, "readonly attribute");
        return -1;
    }
    char *addr = obj_field(obj, m->offset);
    switch (m->kind) {
    case MEMBER_OBJECT:
    case MEMBER_OBJECT_EX: {
        Object *old = *(Object **)addr;
        if (!v && m->kind == MEMBER_OBJECT_EX && !old) {
            err_set(exc_AttributeError, m->name);      /* 3.11's PyMember_SetOne */
            return -1;
        }
        *(Object **)addr = xnewref(v);
        xdecref(old);
        return 0;
    }
    case MEMBER_SSIZE:
    case MEMBER_INT: {
        if (!v) {
            err_set(exc_TypeError, "can't delete numeric/char attribute");
            return -1;
        }
        ssize_t x = num_as_ssize(v, exc_OverflowError);
        if (x == -1 && err_occurred())
            return -1;
        if (m->kind == MEMBER_SSIZE)
            *(ssize_t *)addr = x;
        else
            *(int *)addr = (int)x;
        return 0;
    }
    case MEMBER_BOOL: {
        if (!v || !BOOL_CHECK(v)) {
            err_set(exc_TypeError, "attribute value type must be bool");
            return -1;
        }
        *(char *)addr = v == True_;
        return 0;
    }
    case MEMBER_DOUBLE: {
        if (!v) {
            err_set(exc_TypeError, "can't delete numeric/char attribute");
            return -1;
        }
        double x = float_as_double(v);
        if (x == -1.0 && err_occurred())
            return -1;
        *(double *)addr = x;
        return 0;
    }
    }
    return -1;
}

static Object *
member_repr(Object *o)
{
    DescrObject *d = (DescrObject *)o;
    return str_from_format("<member '%U' of '%s' objects>", d->d_name, d->d_type->name);
}

TypeObject member_descr_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "member_descriptor",
    .basicsize = sizeof(MemberDescrObject),
    .flags = TPFLAG_GC,
    .dealloc = descr_dealloc,
    .traverse = descr_traverse,
    .repr = member_repr,
    .getattro = obj_generic_getattr,
    .descr_get = member_get,
    .descr_set = member_set,
    .getset = descr_getset,
};

Object *
descr_new_member(TypeObject *t, const MemberDef *m)
{
    MemberDescrObject *d = (MemberDescrObject *)descr_new(&member_descr_type, t, m->name);
    if (d)
        d->d_member = m;
    return (Object *)d;
}

/* ================================================================ getset descriptor */

static Object *
getset_get(Object *o, Object *obj, Object *type)
{
    GetSetDescrObject *d = (GetSetDescrObject *)o;
    if (!obj)
        return newref(o);
    if (descr_check(&d->common, obj) < 0)
        return NULL;
    if (!d->d_getset->get)
        return err_format(exc_AttributeError, "attribute '%U' of '%s' objects is not readable",
                          d->common.d_name, d->common.d_type->name);
    return d->d_getset->get(obj, d->d_getset->closure);
}

static int
getset_set(Object *o, Object *obj, Object *v)
{
    GetSetDescrObject *d = (GetSetDescrObject *)o;
    if (descr_check(&d->common, obj) < 0)
        return -1;
    if (!d->d_getset->set) {
        err_format(exc_AttributeError, "attribute '%U' of '%s' objects is not writable",
                   d->common.d_name, d->common.d_type->name);
        return -1;
    }
    return d->d_getset->set(obj, v, d->d_getset->closure);
}

static Object *
getset_repr(Object *o)
{
    DescrObject *d = (DescrObject *)o;
    return str_from_format("<attribute '%U' of '%s' objects>", d->d_name, d->d_type->name);
}

TypeObject getset_descr_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "getset_descriptor",
    .basicsize = sizeof(GetSetDescrObject),
    .flags = TPFLAG_GC,
    .dealloc = descr_dealloc,
    .traverse = descr_traverse,
    .repr = getset_repr,
    .getattro = obj_generic_getattr,
    .descr_get = getset_get,
    .descr_set = getset_set,
    .getset = descr_getset,
};

Object *
descr_new_getset(TypeObject *t, const GetSetDef *g)
{
    GetSetDescrObject *d = (GetSetDescrObject *)descr_new(&getset_descr_type, t, g->name);
    if (d)
        d->d_getset = g;
    return (Object *)d;
}

/* ================================================================ wrapper descriptor */

static Object *
wrapper_descr_vectorcall(Object *callable, Object *const *args, size_t nargs, Object *kwnames)
{
    WrapperDescrObject *d = (WrapperDescrObject *)callable;
    if (nargs < 1)
        return err_format(exc_TypeError, "descriptor '%U' of '%s' object needs an argument",
                          d->common.d_name, d->common.d_type->name);
    /* CPython's wrapperdescr_call is a tp_call: the arguments come packed in a tuple (and
    ** dict), and the ones after self are sliced into a second tuple.  Both are GC
    ** objects that count in generation 0, so they are made here too. */
    Object *targs, *tkw, *rest = NULL, *r = NULL;
    if (arg_pack_like_cpython(args, nargs, kwnames, &targs, &tkw) < 0)
        return NULL;
    Object *self = args[0];
    if (!obj_type_check(self, d->common.d_type)) {
        err_format(exc_TypeError, "descriptor '%U' requires a '%s' object but received a '%s'",
                   d->common.d_name, d->common.d_type->name, TYPE(self)->name);
        goto done;
    }
    rest = tuple_from_array(args + 1, (ssize_t)nargs - 1);
    if (rest)
        r = slot_wrapper_call_packed(d->d_base, d->d_wrapped, self, args + 1, nargs - 1, kwnames,
                                     rest, tkw);
done:
    xdecref(rest);
    decref(targs);
    xdecref(tkw);
    return r;
}

/* PyObject_Call's path (f(*args, **kw)): CPython's wrapperdescr_call takes the tuple and
** dict as they are. */
static Object *
wrapper_descr_call(Object *callable, Object *args, Object *kw)
{
    WrapperDescrObject *d = (WrapperDescrObject *)callable;
    ssize_t n = TUPLE_LEN(args);
    if (n < 1)
        return err_format(exc_TypeError, "descriptor '%U' of '%s' object needs an argument",
                          d->common.d_name, d->common.d_type->name);
    Object *self = TUPLE_GET(args, 0);
    if (!obj_type_check(self, d->common.d_type))
        return err_format(exc_TypeError,
                          "descriptor '%U' requires a '%s' object but received a '%s'",
                          d->common.d_name, d->common.d_type->name, TYPE(self)->name);
    Object *rest = tuple_from_array(TUPLE_ITEMS(args) + 1, n - 1);
    if (!rest)
        return NULL;
    Object *r = slot_wrapper_call_packed(d->d_base, d->d_wrapped, self, TUPLE_ITEMS(rest),
                                         (size_t)(n - 1), NULL, rest, kw);
    decref(rest);
    return r;
}

static Object *
wrapper_descr_get(Object *o, Object *obj, Object *type)
{
    WrapperDescrObject *d = (WrapperDescrObject *)o;
    if (!obj)
        return newref(o);
    if (descr_check(&d->common, obj) < 0)
        return NULL;
    MethodWrapperObject *w = (MethodWrapperObject *)obj_alloc(&method_wrapper_type, 0);
    if (!w)
        return NULL;
    w->descr = (WrapperDescrObject *)newref(d);
    w->self = newref(obj);
    gc_track((Object *)w);
    return (Object *)w;
}

static Object *
wrapper_descr_repr(Object *o)
{
    DescrObject *d = (DescrObject *)o;
    return str_from_format("<slot wrapper '%U' of '%s' objects>", d->d_name, d->d_type->name);
}

TypeObject wrapper_descr_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "wrapper_descriptor",
    .basicsize = sizeof(WrapperDescrObject),
    .flags = TPFLAG_GC | TPFLAG_METHOD_DESCRIPTOR | TPFLAG_TP_CALL,
    .dealloc = descr_dealloc,
    .traverse = descr_traverse,
    .repr = wrapper_descr_repr,
    .vectorcall = wrapper_descr_vectorcall,
    .call = wrapper_descr_call,
    .getattro = obj_generic_getattr,
    .descr_get = wrapper_descr_get,
    .getset = descr_getset,
};

Object *
descr_new_wrapper(TypeObject *t, const SlotDef *sd, void *wrapped)
{
    WrapperDescrObject *d = (WrapperDescrObject *)descr_new(&wrapper_descr_type, t, sd->name);
    if (d) {
        d->d_base = sd;
        d->d_wrapped = wrapped;
    }
    return (Object *)d;
}

/* ---- method-wrapper: a slot wrapper bound to an object ---- */

static void
mwrapper_dealloc(Object *o)
{
    MethodWrapperObject *w = (MethodWrapperObject *)o;
    gc_untrack(o);
    xdecref(w->descr);
    xdecref(w->self);
    obj_free(o);
}

static int
mwrapper_traverse(Object *o, visitproc visit, void *arg)
{
    MethodWrapperObject *w = (MethodWrapperObject *)o;
    OBJ_VISIT(w->descr);
    OBJ_VISIT(w->self);
    return 0;
}

static Object *
mwrapper_vectorcall(Object *callable, Object *const *args, size_t nargs, Object *kwnames)
{
    MethodWrapperObject *w = (MethodWrapperObject *)callable;
    WrapperDescrObject *d = w->descr;
    /* a tp_call in CPython: the arguments are packed into a tuple (and dict) */
    Object *targs, *tkw;
    if (arg_pack_like_cpython(args, nargs, kwnames, &targs, &tkw) < 0)
        return NULL;
    Object *r = slot_wrapper_call_packed(d->d_base, d->d_wrapped, w->self, args, nargs, kwnames,
                                         targs, tkw);
    decref(targs);
    xdecref(tkw);
    return r;
}

static Object *
mwrapper_call(Object *callable, Object *args, Object *kw)
{
    MethodWrapperObject *w = (MethodWrapperObject *)callable;
    WrapperDescrObject *d = w->descr;
    return slot_wrapper_call_packed(d->d_base, d->d_wrapped, w->self, TUPLE_ITEMS(args),
                                    (size_t)TUPLE_LEN(args), NULL, args, kw);
}

static Object *
mwrapper_repr(Object *o)
{
    MethodWrapperObject *w = (MethodWrapperObject *)o;
    return str_from_format("<method-wrapper '%U' of %s object at %p>", w->descr->common.d_name,
                           TYPE(w->self)->name, (void *)w->self);
}

static Object *
mwrapper_richcompare(Object *a, Object *b, int op)
{
    if ((op != CMP_EQ && op != CMP_NE) || TYPE(b) != &method_wrapper_type)
        return newref(NotImplemented);
    MethodWrapperObject *x = (MethodWrapperObject *)a, *y = (MethodWrapperObject *)b;
    int eq = x->descr == y->descr && x->self == y->self;
    return bool_from(op == CMP_EQ ? eq : !eq);
}

static Object *
mwrapper_get_self(Object *o, void *c)
{
    return newref(((MethodWrapperObject *)o)->self);
}

static Object *
mwrapper_get_name(Object *o, void *c)
{
    return newref(((MethodWrapperObject *)o)->descr->common.d_name);
}

static const GetSetDef mwrapper_getset[] = {
    {"__self__", mwrapper_get_self, NULL, NULL, NULL},
    {"__name__", mwrapper_get_name, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TypeObject method_wrapper_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "method-wrapper",
    .basicsize = sizeof(MethodWrapperObject),
    .flags = TPFLAG_GC | TPFLAG_TP_CALL,
    .dealloc = mwrapper_dealloc,
    .traverse = mwrapper_traverse,
    .repr = mwrapper_repr,
    .richcompare = mwrapper_richcompare,
    .vectorcall = mwrapper_vectorcall,
    .call = mwrapper_call,
    .getattro = obj_generic_getattr,
    .getset = mwrapper_getset,
};

/* ================================================================ staticmethod, classmethod */

static void
sm_dealloc(Object *o)
{
    StaticMethodObject *s = (StaticMethodObject *)o;
    gc_untrack(o);
    xdecref(s->callable);
    xdecref(s->dict);
    obj_free(o);
}

static int
sm_traverse(Object *o, visitproc visit, void *arg)
{
    StaticMethodObject *s = (StaticMethodObject *)o;
    OBJ_VISIT(s->callable);
    OBJ_VISIT(s->dict);
    return 0;
}

static int
sm_clear(Object *o)
{
    StaticMethodObject *s = (StaticMethodObject *)o;
    CLEAR(s->callable);
    CLEAR(s->dict);
    return 0;
}

static Object *
sm_descr_get(Object *o, Object *obj, Object *type)
{
    StaticMethodObject *s = (StaticMethodObject *)o;
    if (!s->callable)
        return err_set(exc_RuntimeError, "uninitialized staticmethod object");
    return newref(s->callable);
}

static int
sm_init(Object *o, Object *args, Object *kwds)
{
    if (TUPLE_LEN(args) != 1) {
        err_format(exc_TypeError, "%s expected 1 argument, got %zd", TYPE(o)->name,
                   TUPLE_LEN(args));
        return -1;
    }
    Object *callable = TUPLE_GET(args, 0);
    XSETREF(((StaticMethodObject *)o)->callable, newref(callable));
    /* 3.10+'s functools_wraps: the wrapped callable's names, doc and annotations are
    ** copied into the instance dict (a function makes its annotations dict here) */
    Object *names[5] = {ID(__module__), ID(__name__), ID(__qualname__), ID(__doc__),
                        ID(__annotations__)};
    for (int i = 0; i < 5; i++) {
        /* PyObject_GetAttr: a missing one makes (and drops) its AttributeError */
        Object *v = obj_getattr(callable, names[i]);
        if (!v) {
            if (!err_matches(exc_AttributeError))
                return -1;
            err_clear();
            continue;
        }
        int r = obj_setattr(o, names[i], v);
        decref(v);
        if (r < 0)
            return -1;
    }
    return 0;
}

static Object *
sm_new(TypeObject *t, Object *args, Object *kwds)
{
    Object *o = t->alloc(t, 0);
    if (o)
        gc_track(o);
    return o;
}

static Object *
sm_call(Object *o, Object *args, Object *kwds)
{
    return obj_call(((StaticMethodObject *)o)->callable, args, kwds);
}

static Object *
sm_get_func(Object *o, void *c)
{
    Object *f = ((StaticMethodObject *)o)->callable;
    return newref(f ? f : None);
}

static Object *
sm_get_isabstract(Object *o, void *c)
{
    Object *f = ((StaticMethodObject *)o)->callable;
    if (!f)
        return bool_from(0);
    Object *r = obj_lookup_attr(f, ID(__isabstractmethod__));
    if (!r)
        return err_occurred() ? NULL : bool_from(0);
    return r;
}

static Object *
sm_get_dict(Object *o, void *c)
{
    StaticMethodObject *s = (StaticMethodObject *)o;
    if (!s->dict) {
        s->dict = dict_new();
        if (!s->dict)
            return NULL;
    }
    return newref(s->dict);
}

static Object *
sm_repr(Object *o)
{
    return str_from_format("<%s(%R)>", TYPE(o)->name, ((StaticMethodObject *)o)->callable);
}

static const GetSetDef sm_getset[] = {
    {"__func__", sm_get_func, NULL, NULL, NULL},
    {"__wrapped__", sm_get_func, NULL, NULL, NULL},
    {"__isabstractmethod__", sm_get_isabstract, NULL, NULL, NULL},
    {"__dict__", sm_get_dict, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TypeObject staticmethod_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "staticmethod",
    .basicsize = sizeof(StaticMethodObject),
    .flags = TPFLAG_BASETYPE | TPFLAG_GC,
    .dealloc = sm_dealloc,
    .traverse = sm_traverse,
    .clear = sm_clear,
    .repr = sm_repr,
    .call = sm_call,
    .getattro = obj_generic_getattr,
    .descr_get = sm_descr_get,
    .init = sm_init,
    .new_ = sm_new,
    .alloc = type_generic_alloc,
    .getset = sm_getset,
    .dictoffset = offsetof(StaticMethodObject, dict),
};

static Object *
cm_descr_get(Object *o, Object *obj, Object *type)
{
    StaticMethodObject *s = (StaticMethodObject *)o;
    if (!s->callable)
        return err_set(exc_RuntimeError, "uninitialized classmethod object");
    if (!type)
        type = (Object *)TYPE(obj);
    /* 3.9+: chain descriptors (classmethod(property)) */
    if (TYPE(s->callable)->descr_get && TYPE(s->callable) != &function_type)
        return TYPE(s->callable)->descr_get(s->callable, type, type);
    return method_new(s->callable, type);
}

TypeObject classmethod_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "classmethod",
    .basicsize = sizeof(StaticMethodObject),
    .flags = TPFLAG_BASETYPE | TPFLAG_GC,
    .dealloc = sm_dealloc,
    .traverse = sm_traverse,
    .clear = sm_clear,
    .repr = sm_repr,
    .getattro = obj_generic_getattr,
    .descr_get = cm_descr_get,
    .init = sm_init,
    .new_ = sm_new,
    .alloc = type_generic_alloc,
    .getset = sm_getset,
    .dictoffset = offsetof(StaticMethodObject, dict),
};

Object *
staticmethod_new(Object *callable)
{
    StaticMethodObject *s = (StaticMethodObject *)obj_alloc(&staticmethod_type, 0);
    if (!s)
        return NULL;
    s->callable = newref(callable);
    gc_track((Object *)s);
    return (Object *)s;
}

Object *
classmethod_new(Object *callable)
{
    StaticMethodObject *s = (StaticMethodObject *)obj_alloc(&classmethod_type, 0);
    if (!s)
        return NULL;
    s->callable = newref(callable);
    gc_track((Object *)s);
    return (Object *)s;
}

/* ================================================================ property */

static void
property_dealloc(Object *o)
{
    PropertyObject *p = (PropertyObject *)o;
    gc_untrack(o);
    xdecref(p->fget);
    xdecref(p->fset);
    xdecref(p->fdel);
    xdecref(p->doc);
    xdecref(p->name);
    TYPE(o)->free(o);
}

static int
property_traverse(Object *o, visitproc visit, void *arg)
{
    PropertyObject *p = (PropertyObject *)o;
    OBJ_VISIT(p->fget);
    OBJ_VISIT(p->fset);
    OBJ_VISIT(p->fdel);
    OBJ_VISIT(p->doc);
    OBJ_VISIT(p->name);
    return 0;
}

static int
property_clear(Object *o)
{
    PropertyObject *p = (PropertyObject *)o;
    CLEAR(p->fget);
    CLEAR(p->fset);
    CLEAR(p->fdel);
    CLEAR(p->doc);
    CLEAR(p->name);
    return 0;
}

static Object *
property_descr_get(Object *o, Object *obj, Object *type)
{
    PropertyObject *p = (PropertyObject *)o;
    if (!obj || obj == None)
        return newref(o);
    if (!p->fget) {
        Object *qn = type_qualname_obj(TYPE(obj));
        if (p->name && qn)
            err_format(exc_AttributeError, "property %R of %R object has no getter", p->name,
                       qn);
        else if (qn)
            err_format(exc_AttributeError, "property of %R object has no getter", qn);
        else
            err_set(exc_AttributeError, "unreadable attribute");
        xdecref(qn);
        return NULL;
    }
    return obj_call_one(p->fget, obj);
}

static int
property_descr_set(Object *o, Object *obj, Object *value)
{
    PropertyObject *p = (PropertyObject *)o;
    Object *func = value ? p->fset : p->fdel;
    if (!func) {
        Object *qn = obj ? type_qualname_obj(TYPE(obj)) : NULL;
        if (p->name && qn)
            err_format(exc_AttributeError,
                       value ? "property %R of %R object has no setter"
                             : "property %R of %R object has no deleter",
                       p->name, qn);
        else if (qn)
            err_format(exc_AttributeError,
                       value ? "property of %R object has no setter"
                             : "property of %R object has no deleter",
                       qn);
        else
            err_set(exc_AttributeError, value ? "can't set attribute" : "can't delete attribute");
        xdecref(qn);
        return -1;
    }
    Object *r;
    if (value) {
        Object *a[2] = {obj, value};
        r = obj_vectorcall(func, a, 2, NULL);
    } else {
        r = obj_call_one(func, obj);
    }
    if (!r)
        return -1;
    decref(r);
    return 0;
}

static int
property_init(Object *o, Object *args, Object *kwds)
{
    static const char *const names[] = {"fget", "fset", "fdel", "doc", NULL};
    Object *vals[4] = {NULL, NULL, NULL, NULL};
    ssize_t n = TUPLE_LEN(args);
    Object *stack[8];
    Object *kwnames = NULL;
    ssize_t nk = kwds ? DICT_LEN(kwds) : 0;
    if (n + nk > 4) {
        err_set(exc_TypeError, "property() takes at most 4 arguments");
        return -1;
    }
    if (arg_stack_from_tuple_dict(args, kwds, stack, &kwnames) < 0)
        return -1;
    int rc = arg_parse_clinic("property", stack, (size_t)n, kwnames, names, 0, 0, 0, vals);
    arg_kwnames_release(kwnames);
    if (rc < 0)
        return -1;
    PropertyObject *p = (PropertyObject *)o;
    for (int i = 0; i < 3; i++)
        if (vals[i] == None)
            vals[i] = NULL;
    XSETREF(p->fget, xnewref(vals[0]));
    XSETREF(p->fset, xnewref(vals[1]));
    XSETREF(p->fdel, xnewref(vals[2]));
    /* as CPython's property_init_impl: doc kept as given (None too), else the getter's
    ** __doc__, None included (a reference to None either way) */
    XSETREF(p->doc, xnewref(vals[3]));
    p->getter_doc = 0;
    if ((!vals[3] || vals[3] == None) && p->fget) {
        Object *d = obj_lookup_attr(p->fget, ID(__doc__));
        if (!d)
            return err_occurred() ? -1 : 0;
        if (TYPE(o) == &property_type) {
            XSETREF(p->doc, d);
        } else {
            /* a subclass's instance keeps it in its __dict__, which the class's own
            ** __doc__ would otherwise shadow */
            int r = obj_setattr(o, ID(__doc__), d);
            decref(d);
            if (r < 0)
                return -1;
        }
        p->getter_doc = 1;
    }
    return 0;
}

static Object *
property_new(TypeObject *t, Object *args, Object *kwds)
{
    Object *o = t->alloc(t, 0);
    if (o)
        gc_track(o);
    return o;
}

static Object *
property_copy(Object *old, Object *get, Object *set, Object *del)
{
    PropertyObject *p = (PropertyObject *)old;
    if (!get)
        get = p->fget ? p->fget : None;
    if (!set)
        set = p->fset ? p->fset : None;
    if (!del)
        del = p->fdel ? p->fdel : None;
    Object *doc = (p->getter_doc && get != None) || !p->doc ? None : p->doc;
    Object *a = tuple_pack(4, get, set, del, doc);
    if (!a)
        return NULL;
    Object *r = obj_call((Object *)TYPE(old), a, NULL);
    decref(a);
    if (r && p->name && TYPE(r) == &property_type)
        XSETREF(((PropertyObject *)r)->name, newref(p->name));
    return r;
}

static Object *
property_getter(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return property_copy(self, args[0], NULL, NULL);
}

static Object *
property_setter(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return property_copy(self, NULL, args[0], NULL);
}

static Object *
property_deleter(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return property_copy(self, NULL, NULL, args[0]);
}

static Object *
property_set_name(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (nargs != 2)
        return err_format(exc_TypeError, "__set_name__() takes 2 positional arguments but "
                                         "%zd were given", nargs);
    XSETREF(((PropertyObject *)self)->name, newref(args[1]));
    return newref(None);
}

static const MethodDef property_methods[] = {
    {"getter", property_getter, METH_O, NULL},
    {"setter", property_setter, METH_O, NULL},
    {"deleter", property_deleter, METH_O, NULL},
    {"__set_name__", property_set_name, METH_VARARGS | METH_TUPLE, NULL},
    {NULL, NULL, 0, NULL},
};

static const MemberDef property_members[] = {
    {"fget", MEMBER_OBJECT, offsetof(PropertyObject, fget), MEMBER_READONLY, NULL},
    {"fset", MEMBER_OBJECT, offsetof(PropertyObject, fset), MEMBER_READONLY, NULL},
    {"fdel", MEMBER_OBJECT, offsetof(PropertyObject, fdel), MEMBER_READONLY, NULL},
    {"__doc__", MEMBER_OBJECT, offsetof(PropertyObject, doc), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static Object *
property_get_isabstract(Object *o, void *c)
{
    return bool_from(0);
}

static const GetSetDef property_getset[] = {
    {"__isabstractmethod__", property_get_isabstract, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TypeObject property_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "property",
    .basicsize = sizeof(PropertyObject),
    .flags = TPFLAG_BASETYPE | TPFLAG_GC,
    .dealloc = property_dealloc,
    .traverse = property_traverse,
    .clear = property_clear,
    .getattro = obj_generic_getattr,
    .descr_get = property_descr_get,
    .descr_set = property_descr_set,
    .init = property_init,
    .new_ = property_new,
    .alloc = type_generic_alloc,
    .free = obj_free,
    .methods = property_methods,
    .members = property_members,
    .getset = property_getset,
};

/* ================================================================ mappingproxy */

typedef struct MappingProxyObject {
    OBJECT_HEAD;
    Object *mapping;
} MappingProxyObject;

Object *
mappingproxy_new(Object *mapping)
{
    MappingProxyObject *m = (MappingProxyObject *)obj_alloc(&mappingproxy_type, 0);
    if (!m)
        return NULL;
    m->mapping = newref(mapping);
    gc_track((Object *)m);
    return (Object *)m;
}

static void
mp_dealloc(Object *o)
{
    gc_untrack(o);
    xdecref(((MappingProxyObject *)o)->mapping);
    obj_free(o);
}

static int
mp_traverse(Object *o, visitproc visit, void *arg)
{
    OBJ_VISIT(((MappingProxyObject *)o)->mapping);
    return 0;
}

static Object *
mp_getitem(Object *o, Object *k)
{
    return obj_getitem(((MappingProxyObject *)o)->mapping, k);
}

static ssize_t
mp_len(Object *o)
{
    return obj_length(((MappingProxyObject *)o)->mapping);
}

static int
mp_contains(Object *o, Object *k)
{
    return obj_contains(((MappingProxyObject *)o)->mapping, k);
}

static Object *
mp_iter(Object *o)
{
    return obj_get_iter(((MappingProxyObject *)o)->mapping);
}

static Object *
mp_repr(Object *o)
{
    return str_from_format("mappingproxy(%R)", ((MappingProxyObject *)o)->mapping);
}

static Object *
mp_richcompare(Object *a, Object *b, int op)
{
    return obj_richcompare(((MappingProxyObject *)a)->mapping, b, op);
}

#define MP_FORWARD(NAME)                                                                 \
    static Object *mp_##NAME(Object *self, Object *const *args, ssize_t nargs,           \
                             Object *kw)                                                 \
    {                                                                                    \
        return obj_call_method(((MappingProxyObject *)self)->mapping, #NAME, args,       \
                               (size_t)nargs);                                           \
    }
MP_FORWARD(keys)
MP_FORWARD(values)
MP_FORWARD(items)
MP_FORWARD(get)
MP_FORWARD(copy)

static const MethodDef mp_methods[] = {
    {"keys", mp_keys, METH_NOARGS, NULL},
    {"values", mp_values, METH_NOARGS, NULL},
    {"items", mp_items, METH_NOARGS, NULL},
    {"get", mp_get, METH_VARARGS, NULL},
    {"copy", mp_copy, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObject mappingproxy_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "mappingproxy",
    .basicsize = sizeof(MappingProxyObject),
    .flags = TPFLAG_GC,
    .dealloc = mp_dealloc,
    .traverse = mp_traverse,
    .repr = mp_repr,
    .richcompare = mp_richcompare,
    .iter = mp_iter,
    .getattro = obj_generic_getattr,
    .len = mp_len,
    .sq_contains = mp_contains,
    .mp_subscript = mp_getitem,
    .methods = mp_methods,
};
