/*
** funcobject.c -- Python function objects and closure cells.
*/
#include "weakrefobject.h"
#include "funcobject.h"
#include "error.h"
#include "gc.h"
#include "state.h"
#include "strobject.h"
#include "intobject.h"
#include "tupleobject.h"
#include "dictobject.h"
#include "typeobject.h"
#include "methodobject.h"
#include "codeobject.h"
#include "ceval.h"

static uint32_t next_func_version = 1;

static Object *
func_vectorcall(Object *callable, Object *const *args, size_t nargs, Object *kwnames)
{
    return vm_call_function(callable, args, nargs, kwnames);
}

Object *
function_new(Object *code, Object *globals, Object *qualname)
{
    CodeObject *co = (CodeObject *)code;
    FunctionObject *f = (FunctionObject *)obj_alloc(&function_type, 0);
    if (!f)
        return NULL;
    f->code = newref(code);
    f->globals = newref(globals);
    Object *b = dict_getitem(globals, ID(__builtins__));
    if (b && TYPE(b) == &module_type) {
        extern Object *module_get_dict(Object *m);
        b = module_get_dict(b);
    }
    if (!b || !DICT_CHECK(b))
        b = rt.builtins;
    f->builtins = newref(b);
    f->name = newref(co->name);
    f->qualname = newref(qualname ? qualname : co->name);
    Object *doc = None;
    /* as 3.11: the compiler puts a function's docstring (or None) first in co_consts */
    if (TUPLE_LEN(co->consts) > 0 && STR_CHECK(TUPLE_GET(co->consts, 0)))
        doc = TUPLE_GET(co->consts, 0);
    f->doc = newref(doc);
    Object *mod = dict_getitem(globals, ID(__name__));
    f->module = xnewref(mod);
    f->vectorcall = func_vectorcall;
    f->version = next_func_version++;
    gc_track((Object *)f);
    return (Object *)f;
}

static void
func_dealloc(Object *o)
{
    FunctionObject *f = (FunctionObject *)o;
    gc_untrack(o);
    weakref_clear_refs(o);
    xdecref(f->code);
    xdecref(f->globals);
    xdecref(f->builtins);
    xdecref(f->name);
    xdecref(f->qualname);
    xdecref(f->defaults);
    xdecref(f->kwdefaults);
    xdecref(f->closure);
    xdecref(f->doc);
    xdecref(f->dict);
    xdecref(f->module);
    xdecref(f->annotations);
    obj_free(o);
}

static int
func_traverse(Object *o, visitproc visit, void *arg)
{
    FunctionObject *f = (FunctionObject *)o;
    OBJ_VISIT(f->code);
    OBJ_VISIT(f->globals);
    OBJ_VISIT(f->builtins);
    OBJ_VISIT(f->module);
    OBJ_VISIT(f->defaults);
    OBJ_VISIT(f->kwdefaults);
    OBJ_VISIT(f->doc);
    OBJ_VISIT(f->name);
    OBJ_VISIT(f->dict);
    OBJ_VISIT(f->closure);
    OBJ_VISIT(f->annotations);
    OBJ_VISIT(f->qualname);
    return 0;
}

static int
func_clear(Object *o)
{
    FunctionObject *f = (FunctionObject *)o;
    f->version = 0;
    CLEAR(f->globals);
    CLEAR(f->builtins);
    CLEAR(f->module);
    CLEAR(f->defaults);
    CLEAR(f->kwdefaults);
    CLEAR(f->doc);
    CLEAR(f->dict);
    CLEAR(f->closure);
    CLEAR(f->annotations);
    return 0;
}

static Object *
func_repr(Object *o)
{
    FunctionObject *f = (FunctionObject *)o;
    return str_from_format("<function %U at %p>", f->qualname, (void *)f);
}

static Object *
func_descr_get(Object *o, Object *obj, Object *type)
{
    if (!obj || obj == None)
        return newref(o);
    return method_new(o, obj);
}

#define FUNC_GETSET_OBJ(NAME, FIELD, CHECK, MSG)                                         \
    static Object *func_get_##NAME(Object *o, void *c)                                   \
    {                                                                                    \
        Object *v = ((FunctionObject *)o)->FIELD;                                        \
        return newref(v ? v : None);                                                     \
    }                                                                                    \
    static int func_set_##NAME(Object *o, Object *v, void *c)                            \
    {                                                                                    \
        if (v == None)                                                                   \
            v = NULL;                                                                    \
        if (v && !(CHECK)) {                                                             \
            err_set(exc_TypeError, MSG);                                                 \
            return -1;                                                                   \
        }                                                                                \
        ((FunctionObject *)o)->version = 0;                                              \
        XSETREF(((FunctionObject *)o)->FIELD, xnewref(v));                               \
        return 0;                                                                        \
    }
FUNC_GETSET_OBJ(defaults, defaults, TUPLE_CHECK(v), "__defaults__ must be set to a tuple object")
FUNC_GETSET_OBJ(kwdefaults, kwdefaults, DICT_CHECK(v), "__kwdefaults__ must be set to a dict object")

static Object *
func_get_name(Object *o, void *c)
{
    return newref(((FunctionObject *)o)->name);
}

static int
func_set_name(Object *o, Object *v, void *c)
{
    if (!v || !STR_CHECK(v)) {
        err_set(exc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    SETREF(((FunctionObject *)o)->name, newref(v));
    return 0;
}

static Object *
func_get_qualname(Object *o, void *c)
{
    return newref(((FunctionObject *)o)->qualname);
}

static int
func_set_qualname(Object *o, Object *v, void *c)
{
    if (!v || !STR_CHECK(v)) {
        err_set(exc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    SETREF(((FunctionObject *)o)->qualname, newref(v));
    return 0;
}

static Object *
func_get_code(Object *o, void *c)
{
    return newref(((FunctionObject *)o)->code);
}

static int
func_set_code(Object *o, Object *v, void *c)
{
    if (!v || TYPE(v) != &code_type) {
        err_set(exc_TypeError, "__code__ must be set to a code object");
        return -1;
    }
    ((FunctionObject *)o)->version = 0;
    SETREF(((FunctionObject *)o)->code, newref(v));
    return 0;
}

static Object *
func_get_dict(Object *o, void *c)
{
    FunctionObject *f = (FunctionObject *)o;
    if (!f->dict) {
        f->dict = dict_new();
        if (!f->dict)
            return NULL;
    }
    return newref(f->dict);
}

static int
func_set_dict(Object *o, Object *v, void *c)
{
    if (!v || !DICT_CHECK(v)) {
        err_set(exc_TypeError, "__dict__ must be set to a dictionary");
        return -1;
    }
    XSETREF(((FunctionObject *)o)->dict, newref(v));
    return 0;
}

static Object *
func_get_annotations(Object *o, void *c)
{
    FunctionObject *f = (FunctionObject *)o;
    if (!f->annotations) {
        f->annotations = dict_new();
        if (!f->annotations)
            return NULL;
    } else if (TUPLE_CHECK(f->annotations)) {
        /* (name, value, name, value...) as MAKE_FUNCTION leaves it */
        Object *d = dict_new();
        if (!d)
            return NULL;
        for (ssize_t i = 0; i + 1 < TUPLE_LEN(f->annotations); i += 2)
            if (dict_setitem(d, TUPLE_GET(f->annotations, i), TUPLE_GET(f->annotations, i + 1)) < 0) {
                decref(d);
                return NULL;
            }
        SETREF(f->annotations, d);
    }
    return newref(f->annotations);
}

static int
func_set_annotations(Object *o, Object *v, void *c)
{
    if (v == None)
        v = NULL;
    if (v && !DICT_CHECK(v)) {
        err_set(exc_TypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    XSETREF(((FunctionObject *)o)->annotations, xnewref(v));
    return 0;
}

static Object *
func_get_closure(Object *o, void *c)
{
    Object *v = ((FunctionObject *)o)->closure;
    return newref(v ? v : None);
}

static Object *
func_get_globals(Object *o, void *c)
{
    return newref(((FunctionObject *)o)->globals);
}

static Object *
func_get_builtins(Object *o, void *c)
{
    return newref(((FunctionObject *)o)->builtins);
}

static const GetSetDef func_getset[] = {
    {"__code__", func_get_code, func_set_code, NULL, NULL},
    {"__defaults__", func_get_defaults, func_set_defaults, NULL, NULL},
    {"__kwdefaults__", func_get_kwdefaults, func_set_kwdefaults, NULL, NULL},
    {"__annotations__", func_get_annotations, func_set_annotations, NULL, NULL},
    {"__dict__", func_get_dict, func_set_dict, NULL, NULL},
    {"__name__", func_get_name, func_set_name, NULL, NULL},
    {"__qualname__", func_get_qualname, func_set_qualname, NULL, NULL},
    {"__closure__", func_get_closure, NULL, NULL, NULL},
    {"__globals__", func_get_globals, NULL, NULL, NULL},
    {"__builtins__", func_get_builtins, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const MemberDef func_members[] = {
    {"__doc__", MEMBER_OBJECT, offsetof(FunctionObject, doc), 0, NULL},
    {"__module__", MEMBER_OBJECT, offsetof(FunctionObject, module), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

TypeObject function_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "function",
    .basicsize = sizeof(FunctionObject),
    .flags = TPFLAG_GC | TPFLAG_METHOD_DESCRIPTOR,
    .dealloc = func_dealloc,
    .weaklistoffset = 96,       /* CPython's func_weakreflist */
    .traverse = func_traverse,
    .clear = func_clear,
    .repr = func_repr,
    .vectorcall = func_vectorcall,
    .getattro = obj_generic_getattr,
    .setattro = obj_generic_setattr,
    .descr_get = func_descr_get,
    .getset = func_getset,
    .members = func_members,
    .dictoffset = offsetof(FunctionObject, dict),
};

/* ================================================================ cells */

Object *
cell_new(Object *ref)
{
    CellObject *c = (CellObject *)obj_alloc(&cell_type, 0);
    if (!c)
        return NULL;
    c->ref = xnewref(ref);
    gc_track((Object *)c);
    return (Object *)c;
}

static void
cell_dealloc(Object *o)
{
    gc_untrack(o);
    xdecref(((CellObject *)o)->ref);
    obj_free(o);
}

static int
cell_traverse(Object *o, visitproc visit, void *arg)
{
    OBJ_VISIT(((CellObject *)o)->ref);
    return 0;
}

static int
cell_clear(Object *o)
{
    CLEAR(((CellObject *)o)->ref);
    return 0;
}

static Object *
cell_repr(Object *o)
{
    Object *r = ((CellObject *)o)->ref;
    if (!r)
        return str_from_format("<cell at %p: empty>", (void *)o);
    return str_from_format("<cell at %p: %s object at %p>", (void *)o, TYPE(r)->name, (void *)r);
}

static Object *
cell_get_contents(Object *o, void *c)
{
    Object *r = ((CellObject *)o)->ref;
    if (!r)
        return err_set(exc_ValueError, "Cell is empty");
    return newref(r);
}

static int
cell_set_contents(Object *o, Object *v, void *c)
{
    XSETREF(((CellObject *)o)->ref, xnewref(v));
    return 0;
}

static const GetSetDef cell_getset[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static Object *
cell_richcompare(Object *a, Object *b, int op)
{
    if (TYPE(b) != &cell_type)
        return newref(NotImplemented);
    Object *x = ((CellObject *)a)->ref, *y = ((CellObject *)b)->ref;
    if (x && y)
        return obj_richcompare(x, y, op);
    int c = (x != NULL) - (y != NULL);
    int r;
    switch (op) {
    case CMP_EQ: r = c == 0; break;
    case CMP_NE: r = c != 0; break;
    case CMP_LT: r = c < 0; break;
    case CMP_LE: r = c <= 0; break;
    case CMP_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return bool_from(r);
}

TypeObject cell_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "cell",
    .basicsize = sizeof(CellObject),
    .flags = TPFLAG_GC,
    .dealloc = cell_dealloc,
    .traverse = cell_traverse,
    .clear = cell_clear,
    .repr = cell_repr,
    .richcompare = cell_richcompare,
    .getattro = obj_generic_getattr,
    .getset = cell_getset,
};
