/*
** exceptions.c -- the builtin exception types (CPython's Objects/exceptions.c, 3.11
** hierarchy and messages).  Each type is a static TypeObject made by one of the macros
** below; exc_<Name> pointers give C code a handle on each.  Types with extra state
** (StopIteration, SystemExit, SyntaxError, ImportError, OSError, NameError,
** AttributeError, UnicodeError) have their own new/init/str and member tables.
*/
#include "exceptions.h"
#include "error.h"
#include "gc.h"
#include "state.h"
#include "intobject.h"
#include "strobject.h"
#include "tupleobject.h"
#include "dictobject.h"
#include "listobject.h"
#include "typeobject.h"
#include "methodobject.h"
#include "traceback.h"
#include "bytesobject.h"
#include <string.h>
#include <errno.h>

/* ================================================================ BaseException */

static Object *
BaseException_new(TypeObject *t, Object *args, Object *kwds)
{
    BaseExceptionObject *self = (BaseExceptionObject *)t->alloc(t, 0);
    if (!self)
        return NULL;
    self->args = args ? newref(args) : tuple_empty();
    if (!self->args) {
        decref(self);
        return NULL;
    }
    gc_track((Object *)self);
    return (Object *)self;
}

static int
BaseException_init(Object *self, Object *args, Object *kwds)
{
    if (kwds && DICT_LEN(kwds) && TYPE(self)->init == BaseException_init &&
        !(TYPE(self)->flags & TPFLAG_HEAPTYPE)) {
        err_format(exc_TypeError, "%s() takes no keyword arguments", TYPE(self)->name);
        return -1;
    }
    Object *a = args ? newref(args) : tuple_empty();
    SETREF(EXC(self)->args, a);
    return 0;
}

static int
BaseException_clear(Object *self)
{
    BaseExceptionObject *e = EXC(self);
    CLEAR(e->dict);
    CLEAR(e->args);
    CLEAR(e->notes);
    CLEAR(e->traceback);
    CLEAR(e->cause);
    CLEAR(e->context);
    return 0;
}

static void
BaseException_dealloc(Object *self)
{
    gc_untrack(self);
    BaseException_clear(self);
    obj_free(self);
}

static int
BaseException_traverse(Object *self, visitproc visit, void *arg)
{
    BaseExceptionObject *e = EXC(self);
    OBJ_VISIT(e->dict);
    OBJ_VISIT(e->args);
    OBJ_VISIT(e->notes);
    OBJ_VISIT(e->traceback);
    OBJ_VISIT(e->cause);
    OBJ_VISIT(e->context);
    return 0;
}

static Object *
BaseException_str(Object *self)
{
    Object *args = EXC(self)->args;
    switch (TUPLE_LEN(args)) {
    case 0:
        return str_empty();
    case 1:
        return obj_str(TUPLE_GET(args, 0));
    default:
        return obj_str(args);
    }
}

static Object *
BaseException_repr(Object *self)
{
    Object *args = EXC(self)->args;
    const char *name = TYPE(self)->name;
    const char *dot = strrchr(name, '.');
    if (dot)
        name = dot + 1;
    if (TUPLE_LEN(args) == 1)
        return str_from_format("%s(%R)", name, TUPLE_GET(args, 0));
    return str_from_format("%s%R", name, args);
}

static Object *
exc_with_traceback(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *tb = args[0];
    if (tb != None && TYPE(tb) != &traceback_type)
        return err_set(exc_TypeError, "__traceback__ must be a traceback or None");
    exc_set_traceback(self, tb == None ? NULL : tb);
    return newref(self);
}

static Object *
exc_add_note(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *note = args[0];
    if (!STR_CHECK(note))
        return err_format(exc_TypeError, "note must be a str, not '%s'", TYPE(note)->name);
    BaseExceptionObject *e = EXC(self);
    if (!e->notes) {
        e->notes = list_new(0);
        if (!e->notes)
            return NULL;
    } else if (!LIST_CHECK(e->notes)) {
        return err_set(exc_TypeError, "Cannot add note: __notes__ is not a list");
    }
    if (list_append(e->notes, note) < 0)
        return NULL;
    return newref(None);
}

static const MethodDef BaseException_methods[] = {
    {"with_traceback", exc_with_traceback, METH_O, NULL},
    {"add_note", exc_add_note, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static Object *
exc_get_args(Object *self, void *c)
{
    return newref(EXC(self)->args);
}

static int
exc_set_args(Object *self, Object *v, void *c)
{
    if (!v) {
        err_set(exc_TypeError, "args may not be deleted");
        return -1;
    }
    Object *t = tuple_from_iterable(v);
    if (!t)
        return -1;
    SETREF(EXC(self)->args, t);
    return 0;
}

static Object *
exc_get_tb(Object *self, void *c)
{
    Object *tb = EXC(self)->traceback;
    return newref(tb ? tb : None);
}

static int
exc_set_tb(Object *self, Object *v, void *c)
{
    if (!v) {
        err_set(exc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    if (v != None && TYPE(v) != &traceback_type) {
        err_set(exc_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    XSETREF(EXC(self)->traceback, v == None ? NULL : newref(v));
    return 0;
}

static Object *
exc_get_context(Object *self, void *c)
{
    Object *x = EXC(self)->context;
    return newref(x ? x : None);
}

static int
exc_set_context_attr(Object *self, Object *v, void *c)
{
    if (!v) {
        err_set(exc_TypeError, "__context__ may not be deleted");
        return -1;
    }
    if (v != None && !EXC_CHECK(v)) {
        err_set(exc_TypeError, "exception context must be None or derive from BaseException");
        return -1;
    }
    XSETREF(EXC(self)->context, v == None ? NULL : newref(v));
    return 0;
}

static Object *
exc_get_cause(Object *self, void *c)
{
    Object *x = EXC(self)->cause;
    return newref(x ? x : None);
}

static int
exc_set_cause_attr(Object *self, Object *v, void *c)
{
    if (!v) {
        err_set(exc_TypeError, "__cause__ may not be deleted");
        return -1;
    }
    if (v != None && !EXC_CHECK(v)) {
        err_set(exc_TypeError, "exception cause must be None or derive from BaseException");
        return -1;
    }
    XSETREF(EXC(self)->cause, v == None ? NULL : newref(v));
    EXC(self)->suppress_context = 1;
    return 0;
}

static Object *
exc_get_suppress(Object *self, void *c)
{
    return bool_from(EXC(self)->suppress_context);
}

static int
exc_set_suppress(Object *self, Object *v, void *c)
{
    if (!v) {
        err_set(exc_TypeError, "can't delete __suppress_context__");
        return -1;
    }
    int t = obj_is_true(v);
    if (t < 0)
        return -1;
    EXC(self)->suppress_context = (char)t;
    return 0;
}

static Object *
exc_get_dict(Object *self, void *c)
{
    if (!EXC(self)->dict) {
        EXC(self)->dict = dict_new();
        if (!EXC(self)->dict)
            return NULL;
    }
    return newref(EXC(self)->dict);
}

static Object *
exc_get_notes(Object *self, void *c)
{
    if (!EXC(self)->notes)
        return err_format(exc_AttributeError, "'%s' object has no attribute '__notes__'",
                          TYPE(self)->name);
    return newref(EXC(self)->notes);
}

/* __notes__ is an ordinary attribute in CPython (kept in the instance dict): any value
** may be stored or deleted; add_note() then insists on a list. */
static int
exc_set_notes(Object *self, Object *value, void *c)
{
    if (!value && !EXC(self)->notes) {
        err_format(exc_AttributeError, "'%s' object has no attribute '__notes__'",
                   TYPE(self)->name);
        return -1;
    }
    XSETREF(EXC(self)->notes, value ? newref(value) : NULL);
    return 0;
}

static const GetSetDef BaseException_getset[] = {
    {"__dict__", exc_get_dict, NULL, NULL, NULL},
    {"args", exc_get_args, exc_set_args, NULL, NULL},
    {"__traceback__", exc_get_tb, exc_set_tb, NULL, NULL},
    {"__context__", exc_get_context, exc_set_context_attr, NULL, NULL},
    {"__cause__", exc_get_cause, exc_set_cause_attr, NULL, NULL},
    {"__suppress_context__", exc_get_suppress, exc_set_suppress, NULL, NULL},
    {"__notes__", exc_get_notes, exc_set_notes, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

#define EXC_FLAGS (TPFLAG_BASETYPE | TPFLAG_GC | TPFLAG_BASE_EXC_SUBCLASS)

static TypeObject BaseException_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "BaseException",
    .basicsize = sizeof(BaseExceptionObject),
    .flags = EXC_FLAGS,
    .doc = "Common base class for all exceptions",
    .dealloc = BaseException_dealloc,
    .traverse = BaseException_traverse,
    .clear = BaseException_clear,
    .repr = BaseException_repr,
    .str = BaseException_str,
    .getattro = obj_generic_getattr,
    .setattro = obj_generic_setattr,
    .init = BaseException_init,
    .new_ = BaseException_new,
    .alloc = type_generic_alloc,
    .methods = BaseException_methods,
    .getset = BaseException_getset,
    .dictoffset = offsetof(BaseExceptionObject, dict),
};

#define SIMPLE_EXC(NAME, BASE, DOC) SIZED_EXC(NAME, BASE, BaseExceptionObject, DOC)

/* A subclass that adds no fields but inherits a larger base layout. */
#define SIZED_EXC(NAME, BASE, LAYOUT, DOC)                                               \
    static TypeObject NAME##_type = {                                                    \
        .ob_base = {{1, &type_type}, 0},                                                 \
        .name = #NAME,                                                                   \
        .basicsize = sizeof(LAYOUT),                                                     \
        .flags = EXC_FLAGS,                                                              \
        .doc = DOC,                                                                      \
        .base = &BASE##_type,                                                            \
    };                                                                                   \
    TypeObject *exc_##NAME = &NAME##_type;

TypeObject *exc_BaseException = &BaseException_type;
SIMPLE_EXC(Exception, BaseException, "Common base class for all non-exit exceptions.")
SIMPLE_EXC(GeneratorExit, BaseException, "Request that a generator exit.")
SIMPLE_EXC(KeyboardInterrupt, BaseException, "Program interrupted by user.")
SIMPLE_EXC(ArithmeticError, Exception, "Base class for arithmetic errors.")
SIMPLE_EXC(FloatingPointError, ArithmeticError, "Floating point operation failed.")
SIMPLE_EXC(OverflowError, ArithmeticError, "Result too large to be represented.")
SIMPLE_EXC(ZeroDivisionError, ArithmeticError,
           "Second argument to a division or modulo operation was zero.")
SIMPLE_EXC(AssertionError, Exception, "Assertion failed.")
SIMPLE_EXC(BufferError, Exception, "Buffer error.")
SIMPLE_EXC(EOFError, Exception, "Read beyond end of file.")
SIMPLE_EXC(LookupError, Exception, "Base class for lookup errors.")
SIMPLE_EXC(IndexError, LookupError, "Sequence index out of range.")
SIMPLE_EXC(MemoryError, Exception, "Out of memory.")
SIMPLE_EXC(ReferenceError, Exception, "Weak ref proxy used after referent went away.")
SIMPLE_EXC(RuntimeError, Exception, "Unspecified run-time error.")
SIMPLE_EXC(NotImplementedError, RuntimeError,
           "Method or function hasn't been implemented yet.")
SIMPLE_EXC(RecursionError, RuntimeError, "Recursion limit exceeded.")
SIMPLE_EXC(StopAsyncIteration, Exception, "Signal the end from iterator.__anext__().")
SIMPLE_EXC(SystemError, Exception, "Internal error in the Python interpreter.")
SIMPLE_EXC(TypeError, Exception, "Inappropriate argument type.")
SIMPLE_EXC(ValueError, Exception, "Inappropriate argument value (of correct type).")
SIMPLE_EXC(Warning, Exception, "Base class for warning categories.")
SIMPLE_EXC(UserWarning, Warning, "Base class for warnings generated by user code.")
SIMPLE_EXC(DeprecationWarning, Warning,
           "Base class for warnings about deprecated features.")
SIMPLE_EXC(PendingDeprecationWarning, Warning,
           "Base class for warnings about features which will be deprecated\n"
           "in the future.")
SIMPLE_EXC(SyntaxWarning, Warning, "Base class for warnings about dubious syntax.")
SIMPLE_EXC(RuntimeWarning, Warning,
           "Base class for warnings about dubious runtime behavior.")
SIMPLE_EXC(FutureWarning, Warning,
           "Base class for warnings about constructs that will change semantically\n"
           "in the future.")
SIMPLE_EXC(ImportWarning, Warning,
           "Base class for warnings about probable mistakes in module imports")
SIMPLE_EXC(UnicodeWarning, Warning,
           "Base class for warnings about Unicode related problems, mostly\n"
           "related to conversion problems.")
SIMPLE_EXC(BytesWarning, Warning,
           "Base class for warnings about bytes and buffer related problems, mostly\n"
           "related to conversion from str or comparing to str.")
SIMPLE_EXC(ResourceWarning, Warning,
           "Base class for warnings about resource usage.")
SIMPLE_EXC(EncodingWarning, Warning, "Base class for warnings about encodings.")

/* ---------------------------------------------------------------- KeyError */

static Object *
KeyError_str(Object *self)
{
    Object *args = EXC(self)->args;
    if (TUPLE_LEN(args) == 1)
        return obj_repr(TUPLE_GET(args, 0));
    return BaseException_str(self);
}

static TypeObject KeyError_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "KeyError",
    .basicsize = sizeof(BaseExceptionObject),
    .flags = EXC_FLAGS,
    .doc = "Mapping key not found.",
    .base = &LookupError_type,
    .str = KeyError_str,
};
TypeObject *exc_KeyError = &KeyError_type;

/* ---------------------------------------------------------------- StopIteration */

static int
StopIteration_init(Object *self, Object *args, Object *kwds)
{
    if (BaseException_init(self, args, NULL) < 0)
        return -1;
    StopIterationObject *s = (StopIterationObject *)self;
    XSETREF(s->value, newref(TUPLE_LEN(args) > 0 ? TUPLE_GET(args, 0) : None));
    return 0;
}

static int
StopIteration_clear(Object *self)
{
    CLEAR(((StopIterationObject *)self)->value);
    return BaseException_clear(self);
}

static void
StopIteration_dealloc(Object *self)
{
    gc_untrack(self);
    StopIteration_clear(self);
    obj_free(self);
}

static int
StopIteration_traverse(Object *self, visitproc visit, void *arg)
{
    OBJ_VISIT(((StopIterationObject *)self)->value);
    return BaseException_traverse(self, visit, arg);
}

static const MemberDef StopIteration_members[] = {
    {"value", MEMBER_OBJECT, offsetof(StopIterationObject, value), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static TypeObject StopIteration_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "StopIteration",
    .basicsize = sizeof(StopIterationObject),
    .flags = EXC_FLAGS,
    .doc = "Signal the end from iterator.__next__().",
    .base = &Exception_type,
    .init = StopIteration_init,
    .dealloc = StopIteration_dealloc,
    .traverse = StopIteration_traverse,
    .clear = StopIteration_clear,
    .members = StopIteration_members,
};
TypeObject *exc_StopIteration = &StopIteration_type;

Object *
exc_stop_iteration_value(Object *exc)
{
    if (obj_type_check(exc, &StopIteration_type)) {
        Object *v = ((StopIterationObject *)exc)->value;
        return v ? v : None;
    }
    return None;
}

/* ---------------------------------------------------------------- SystemExit */

static int
SystemExit_init(Object *self, Object *args, Object *kwds)
{
    if (BaseException_init(self, args, NULL) < 0)
        return -1;
    SystemExitObject *s = (SystemExitObject *)self;
    ssize_t n = TUPLE_LEN(args);
    Object *code = n == 0 ? None : n == 1 ? TUPLE_GET(args, 0) : args;
    XSETREF(s->code, newref(code));
    return 0;
}

static int
SystemExit_clear(Object *self)
{
    CLEAR(((SystemExitObject *)self)->code);
    return BaseException_clear(self);
}

static void
SystemExit_dealloc(Object *self)
{
    gc_untrack(self);
    SystemExit_clear(self);
    obj_free(self);
}

static int
SystemExit_traverse(Object *self, visitproc visit, void *arg)
{
    OBJ_VISIT(((SystemExitObject *)self)->code);
    return BaseException_traverse(self, visit, arg);
}

static const MemberDef SystemExit_members[] = {
    {"code", MEMBER_OBJECT, offsetof(SystemExitObject, code), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static TypeObject SystemExit_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "SystemExit",
    .basicsize = sizeof(SystemExitObject),
    .flags = EXC_FLAGS,
    .doc = "Request to exit from the interpreter.",
    .base = &BaseException_type,
    .init = SystemExit_init,
    .dealloc = SystemExit_dealloc,
    .traverse = SystemExit_traverse,
    .clear = SystemExit_clear,
    .members = SystemExit_members,
};
TypeObject *exc_SystemExit = &SystemExit_type;

/* ---------------------------------------------------------------- NameError etc. */

static int
NameError_init(Object *self, Object *args, Object *kwds)
{
    if (BaseException_init(self, args, NULL) < 0)
        return -1;
    if (kwds) {
        ssize_t pos = 0;
        Object *k, *v;
        while (dict_next(kwds, &pos, &k, &v)) {
            if (str_eq_cstr(k, "name")) {
                XSETREF(((NameErrorObject *)self)->name, newref(v));
            } else {
                err_format(exc_TypeError, "'%U' is an invalid keyword argument for %s()", k,
                           TYPE(self)->name);
                return -1;
            }
        }
    }
    return 0;
}

static int
NameError_clear(Object *self)
{
    CLEAR(((NameErrorObject *)self)->name);
    return BaseException_clear(self);
}

static void
NameError_dealloc(Object *self)
{
    gc_untrack(self);
    NameError_clear(self);
    obj_free(self);
}

static int
NameError_traverse(Object *self, visitproc visit, void *arg)
{
    OBJ_VISIT(((NameErrorObject *)self)->name);
    return BaseException_traverse(self, visit, arg);
}

static const MemberDef NameError_members[] = {
    {"name", MEMBER_OBJECT, offsetof(NameErrorObject, name), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static TypeObject NameError_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "NameError",
    .basicsize = sizeof(NameErrorObject),
    .flags = EXC_FLAGS,
    .doc = "Name not found globally.",
    .base = &Exception_type,
    .init = NameError_init,
    .dealloc = NameError_dealloc,
    .traverse = NameError_traverse,
    .clear = NameError_clear,
    .members = NameError_members,
};
TypeObject *exc_NameError = &NameError_type;
SIZED_EXC(UnboundLocalError, NameError, NameErrorObject, "Local name referenced but not bound to a value.")

static int
AttributeError_init(Object *self, Object *args, Object *kwds)
{
    if (BaseException_init(self, args, NULL) < 0)
        return -1;
    if (kwds) {
        ssize_t pos = 0;
        Object *k, *v;
        while (dict_next(kwds, &pos, &k, &v)) {
            AttributeErrorObject *a = (AttributeErrorObject *)self;
            if (str_eq_cstr(k, "name"))
                XSETREF(a->name, newref(v));
            else if (str_eq_cstr(k, "obj"))
                XSETREF(a->obj, newref(v));
            else {
                err_format(exc_TypeError, "'%U' is an invalid keyword argument for %s()", k,
                           TYPE(self)->name);
                return -1;
            }
        }
    }
    return 0;
}

static int
AttributeError_clear(Object *self)
{
    CLEAR(((AttributeErrorObject *)self)->name);
    CLEAR(((AttributeErrorObject *)self)->obj);
    return BaseException_clear(self);
}

static void
AttributeError_dealloc(Object *self)
{
    gc_untrack(self);
    AttributeError_clear(self);
    obj_free(self);
}

static int
AttributeError_traverse(Object *self, visitproc visit, void *arg)
{
    OBJ_VISIT(((AttributeErrorObject *)self)->name);
    OBJ_VISIT(((AttributeErrorObject *)self)->obj);
    return BaseException_traverse(self, visit, arg);
}

static const MemberDef AttributeError_members[] = {
    {"name", MEMBER_OBJECT, offsetof(AttributeErrorObject, name), 0, NULL},
    {"obj", MEMBER_OBJECT, offsetof(AttributeErrorObject, obj), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static TypeObject AttributeError_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "AttributeError",
    .basicsize = sizeof(AttributeErrorObject),
    .flags = EXC_FLAGS,
    .doc = "Attribute not found.",
    .base = &Exception_type,
    .init = AttributeError_init,
    .dealloc = AttributeError_dealloc,
    .traverse = AttributeError_traverse,
    .clear = AttributeError_clear,
    .members = AttributeError_members,
};
TypeObject *exc_AttributeError = &AttributeError_type;

/* ---------------------------------------------------------------- ImportError */

static int
ImportError_init(Object *self, Object *args, Object *kwds)
{
    if (BaseException_init(self, args, NULL) < 0)
        return -1;
    ImportErrorObject *e = (ImportErrorObject *)self;
    if (kwds) {
        ssize_t pos = 0;
        Object *k, *v;
        while (dict_next(kwds, &pos, &k, &v)) {
            if (str_eq_cstr(k, "name"))
                XSETREF(e->name, newref(v));
            else if (str_eq_cstr(k, "path"))
                XSETREF(e->path, newref(v));
            else {
                err_format(exc_TypeError, "'%U' is an invalid keyword argument for %s()", k,
                           TYPE(self)->name);
                return -1;
            }
        }
    }
    if (TUPLE_LEN(args) == 1)
        XSETREF(e->msg, newref(TUPLE_GET(args, 0)));
    return 0;
}

static int
ImportError_clear(Object *self)
{
    ImportErrorObject *e = (ImportErrorObject *)self;
    CLEAR(e->msg);
    CLEAR(e->name);
    CLEAR(e->path);
    return BaseException_clear(self);
}

static void
ImportError_dealloc(Object *self)
{
    gc_untrack(self);
    ImportError_clear(self);
    obj_free(self);
}

static int
ImportError_traverse(Object *self, visitproc visit, void *arg)
{
    ImportErrorObject *e = (ImportErrorObject *)self;
    OBJ_VISIT(e->msg);
    OBJ_VISIT(e->name);
    OBJ_VISIT(e->path);
    return BaseException_traverse(self, visit, arg);
}

static Object *
ImportError_str(Object *self)
{
    ImportErrorObject *e = (ImportErrorObject *)self;
    if (e->msg && STR_CHECK(e->msg))
        return newref(e->msg);
    return BaseException_str(self);
}

static const MemberDef ImportError_members[] = {
    {"msg", MEMBER_OBJECT, offsetof(ImportErrorObject, msg), 0, NULL},
    {"name", MEMBER_OBJECT, offsetof(ImportErrorObject, name), 0, NULL},
    {"path", MEMBER_OBJECT, offsetof(ImportErrorObject, path), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static TypeObject ImportError_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "ImportError",
    .basicsize = sizeof(ImportErrorObject),
    .flags = EXC_FLAGS,
    .doc = "Import can't find module, or can't find name in module.",
    .base = &Exception_type,
    .init = ImportError_init,
    .dealloc = ImportError_dealloc,
    .traverse = ImportError_traverse,
    .clear = ImportError_clear,
    .str = ImportError_str,
    .members = ImportError_members,
};
TypeObject *exc_ImportError = &ImportError_type;
SIZED_EXC(ModuleNotFoundError, ImportError, ImportErrorObject, "Module not found.")

/* ---------------------------------------------------------------- SyntaxError */

static int
SyntaxError_init(Object *self, Object *args, Object *kwds)
{
    if (BaseException_init(self, args, NULL) < 0)
        return -1;
    SyntaxErrorObject *e = (SyntaxErrorObject *)self;
    ssize_t n = TUPLE_LEN(args);
    if (n >= 1)
        XSETREF(e->msg, newref(TUPLE_GET(args, 0)));
    if (n == 2) {
        Object *info = tuple_from_iterable(TUPLE_GET(args, 1));
        if (!info)
            return -1;
        ssize_t k = TUPLE_LEN(info);
        if (k < 4 || k > 6) {
            decref(info);
            err_set(exc_IndexError, "tuple index out of range");
            return -1;
        }
        XSETREF(e->filename, newref(TUPLE_GET(info, 0)));
        XSETREF(e->lineno, newref(TUPLE_GET(info, 1)));
        XSETREF(e->offset, newref(TUPLE_GET(info, 2)));
        XSETREF(e->text, newref(TUPLE_GET(info, 3)));
        if (k > 4)
            XSETREF(e->end_lineno, newref(TUPLE_GET(info, 4)));
        if (k > 5)
            XSETREF(e->end_offset, newref(TUPLE_GET(info, 5)));
        decref(info);
    }
    return 0;
}

static int
SyntaxError_clear(Object *self)
{
    SyntaxErrorObject *e = (SyntaxErrorObject *)self;
    CLEAR(e->msg);
    CLEAR(e->filename);
    CLEAR(e->lineno);
    CLEAR(e->offset);
    CLEAR(e->end_lineno);
    CLEAR(e->end_offset);
    CLEAR(e->text);
    CLEAR(e->print_file_and_line);
    return BaseException_clear(self);
}

static void
SyntaxError_dealloc(Object *self)
{
    gc_untrack(self);
    SyntaxError_clear(self);
    obj_free(self);
}

static int
SyntaxError_traverse(Object *self, visitproc visit, void *arg)
{
    SyntaxErrorObject *e = (SyntaxErrorObject *)self;
    OBJ_VISIT(e->msg);
    OBJ_VISIT(e->filename);
    OBJ_VISIT(e->lineno);
    OBJ_VISIT(e->offset);
    OBJ_VISIT(e->end_lineno);
    OBJ_VISIT(e->end_offset);
    OBJ_VISIT(e->text);
    OBJ_VISIT(e->print_file_and_line);
    return BaseException_traverse(self, visit, arg);
}

static Object *
SyntaxError_str(Object *self)
{
    SyntaxErrorObject *e = (SyntaxErrorObject *)self;
    Object *msg = obj_str(e->msg ? e->msg : None);
    if (!msg)
        return NULL;
    Object *fname = NULL;
    if (e->filename && STR_CHECK(e->filename)) {
        ssize_t n;
        const char *s = str_as_utf8(e->filename, &n);
        const char *slash = s ? strrchr(s, '/') : NULL;
        fname = slash ? str_from_cstr(slash + 1) : newref(e->filename);
    }
    int have_line = e->lineno && INT_CHECK(e->lineno);
    Object *r;
    if (fname && have_line)
        r = str_from_format("%U (%U, line %ld)", msg, fname, int_as_long(e->lineno));
    else if (fname)
        r = str_from_format("%U (%U)", msg, fname);
    else if (have_line)
        r = str_from_format("%U (line %ld)", msg, int_as_long(e->lineno));
    else
        r = newref(msg);
    decref(msg);
    xdecref(fname);
    return r;
}

static const MemberDef SyntaxError_members[] = {
    {"msg", MEMBER_OBJECT, offsetof(SyntaxErrorObject, msg), 0, NULL},
    {"filename", MEMBER_OBJECT, offsetof(SyntaxErrorObject, filename), 0, NULL},
    {"lineno", MEMBER_OBJECT, offsetof(SyntaxErrorObject, lineno), 0, NULL},
    {"offset", MEMBER_OBJECT, offsetof(SyntaxErrorObject, offset), 0, NULL},
    {"text", MEMBER_OBJECT, offsetof(SyntaxErrorObject, text), 0, NULL},
    {"end_lineno", MEMBER_OBJECT, offsetof(SyntaxErrorObject, end_lineno), 0, NULL},
    {"end_offset", MEMBER_OBJECT, offsetof(SyntaxErrorObject, end_offset), 0, NULL},
    {"print_file_and_line", MEMBER_OBJECT,
     offsetof(SyntaxErrorObject, print_file_and_line), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static TypeObject SyntaxError_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "SyntaxError",
    .basicsize = sizeof(SyntaxErrorObject),
    .flags = EXC_FLAGS,
    .doc = "Invalid syntax.",
    .base = &Exception_type,
    .init = SyntaxError_init,
    .dealloc = SyntaxError_dealloc,
    .traverse = SyntaxError_traverse,
    .clear = SyntaxError_clear,
    .str = SyntaxError_str,
    .members = SyntaxError_members,
};
TypeObject *exc_SyntaxError = &SyntaxError_type;
SIZED_EXC(IndentationError, SyntaxError, SyntaxErrorObject, "Improper indentation.")
SIZED_EXC(TabError, IndentationError, SyntaxErrorObject, "Improper mixture of spaces and tabs.")

/* ---------------------------------------------------------------- OSError */

static TypeObject OSError_type;
TypeObject *exc_OSError = &OSError_type;

static TypeObject *errno_subtype(long e);

static Object *
OSError_new(TypeObject *t, Object *args, Object *kwds)
{
    ssize_t n = args ? TUPLE_LEN(args) : 0;
    if (t == &OSError_type && n >= 2 && INT_CHECK(TUPLE_GET(args, 0))) {
        long e = int_as_long(TUPLE_GET(args, 0));
        TypeObject *sub = errno_subtype(e);
        if (sub)
            t = sub;
    }
    OSErrorObject *self = (OSErrorObject *)BaseException_new(t, args, kwds);
    if (!self)
        return NULL;
    self->written = -1;
    if (n >= 2 && n <= 5) {
        self->myerrno = newref(TUPLE_GET(args, 0));
        self->strerror = newref(TUPLE_GET(args, 1));
        if (n >= 3 && TUPLE_GET(args, 2) != None) {
            self->filename = newref(TUPLE_GET(args, 2));
            if (n >= 5 && TUPLE_GET(args, 4) != None)
                self->filename2 = newref(TUPLE_GET(args, 4));
            /* args is reduced to (errno, strerror) when a filename is given */
            Object *a2 = tuple_pack(2, self->myerrno, self->strerror);
            if (!a2) {
                decref(self);
                return NULL;
            }
            SETREF(self->base.args, a2);
        }
    }
    return (Object *)self;
}

static int
OSError_init(Object *self, Object *args, Object *kwds)
{
    return 0;
}

static int
OSError_clear(Object *self)
{
    OSErrorObject *e = (OSErrorObject *)self;
    CLEAR(e->myerrno);
    CLEAR(e->strerror);
    CLEAR(e->filename);
    CLEAR(e->filename2);
    return BaseException_clear(self);
}

static void
OSError_dealloc(Object *self)
{
    gc_untrack(self);
    OSError_clear(self);
    obj_free(self);
}

static int
OSError_traverse(Object *self, visitproc visit, void *arg)
{
    OSErrorObject *e = (OSErrorObject *)self;
    OBJ_VISIT(e->myerrno);
    OBJ_VISIT(e->strerror);
    OBJ_VISIT(e->filename);
    OBJ_VISIT(e->filename2);
    return BaseException_traverse(self, visit, arg);
}

static Object *
OSError_str(Object *self)
{
    OSErrorObject *e = (OSErrorObject *)self;
    if (e->filename) {
        if (e->filename2)
            return str_from_format("[Errno %S] %S: %R -> %R", e->myerrno, e->strerror,
                                   e->filename, e->filename2);
        return str_from_format("[Errno %S] %S: %R", e->myerrno, e->strerror, e->filename);
    }
    if (e->myerrno && e->strerror)
        return str_from_format("[Errno %S] %S", e->myerrno, e->strerror);
    return BaseException_str(self);
}

static const MemberDef OSError_members[] = {
    {"errno", MEMBER_OBJECT, offsetof(OSErrorObject, myerrno), 0, NULL},
    {"strerror", MEMBER_OBJECT, offsetof(OSErrorObject, strerror), 0, NULL},
    {"filename", MEMBER_OBJECT, offsetof(OSErrorObject, filename), 0, NULL},
    {"filename2", MEMBER_OBJECT, offsetof(OSErrorObject, filename2), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static TypeObject OSError_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "OSError",
    .basicsize = sizeof(OSErrorObject),
    .flags = EXC_FLAGS,
    .doc = "Base class for I/O related errors.",
    .base = &Exception_type,
    .new_ = OSError_new,
    .init = OSError_init,
    .dealloc = OSError_dealloc,
    .traverse = OSError_traverse,
    .clear = OSError_clear,
    .str = OSError_str,
    .members = OSError_members,
};

#define OS_EXC(NAME, BASE, DOC) SIZED_EXC(NAME, BASE, OSErrorObject, DOC)
OS_EXC(BlockingIOError, OSError, "I/O operation would block.")
OS_EXC(ChildProcessError, OSError, "Child process error.")
OS_EXC(ConnectionError, OSError, "Connection error.")
OS_EXC(BrokenPipeError, ConnectionError, "Broken pipe.")
OS_EXC(ConnectionAbortedError, ConnectionError, "Connection aborted.")
OS_EXC(ConnectionRefusedError, ConnectionError, "Connection refused.")
OS_EXC(ConnectionResetError, ConnectionError, "Connection reset.")
OS_EXC(FileExistsError, OSError, "File already exists.")
OS_EXC(FileNotFoundError, OSError, "File not found.")
OS_EXC(InterruptedError, OSError, "Interrupted by signal.")
OS_EXC(IsADirectoryError, OSError, "Operation doesn't work on directories.")
OS_EXC(NotADirectoryError, OSError, "Operation only works on directories.")
OS_EXC(PermissionError, OSError, "Not enough permissions.")
OS_EXC(ProcessLookupError, OSError, "Process not found.")
OS_EXC(TimeoutError, OSError, "Timeout expired.")

/* io.UnsupportedOperation(OSError, ValueError): what file objects raise for an operation
** their mode does not allow; not a builtin name.  exceptions_init adds the second base. */
static TypeObject UnsupportedOperation_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "io.UnsupportedOperation",
    .basicsize = sizeof(OSErrorObject),
    .flags = EXC_FLAGS,
    .base = &OSError_type,
};
TypeObject *exc_UnsupportedOperation = &UnsupportedOperation_type;

static TypeObject *
errno_subtype(long e)
{
    switch (e) {
    case EAGAIN: return &BlockingIOError_type;
    case ECHILD: return &ChildProcessError_type;
    case EPIPE: return &BrokenPipeError_type;
    case ECONNABORTED: return &ConnectionAbortedError_type;
    case ECONNREFUSED: return &ConnectionRefusedError_type;
    case ECONNRESET: return &ConnectionResetError_type;
    case EEXIST: return &FileExistsError_type;
    case ENOENT: return &FileNotFoundError_type;
    case EINTR: return &InterruptedError_type;
    case EISDIR: return &IsADirectoryError_type;
    case ENOTDIR: return &NotADirectoryError_type;
    case EACCES: case EPERM: return &PermissionError_type;
    case ESRCH: return &ProcessLookupError_type;
    case ETIMEDOUT: return &TimeoutError_type;
    default: return NULL;
    }
}

/* ---------------------------------------------------------------- UnicodeError */

SIMPLE_EXC(UnicodeError, ValueError, "Unicode related error.")

static int
UnicodeError_clear(Object *self)
{
    UnicodeErrorObject *e = (UnicodeErrorObject *)self;
    CLEAR(e->encoding);
    CLEAR(e->object);
    CLEAR(e->reason);
    return BaseException_clear(self);
}

static void
UnicodeError_dealloc(Object *self)
{
    gc_untrack(self);
    UnicodeError_clear(self);
    obj_free(self);
}

static int
UnicodeError_traverse(Object *self, visitproc visit, void *arg)
{
    UnicodeErrorObject *e = (UnicodeErrorObject *)self;
    OBJ_VISIT(e->encoding);
    OBJ_VISIT(e->object);
    OBJ_VISIT(e->reason);
    return BaseException_traverse(self, visit, arg);
}

static int
UnicodeError_init(Object *self, Object *args, Object *kwds)
{
    if (BaseException_init(self, args, NULL) < 0)
        return -1;
    UnicodeErrorObject *e = (UnicodeErrorObject *)self;
    if (TUPLE_LEN(args) != 5)
        return 0;
    XSETREF(e->encoding, newref(TUPLE_GET(args, 0)));
    XSETREF(e->object, newref(TUPLE_GET(args, 1)));
    e->start = int_as_ssize(TUPLE_GET(args, 2));
    e->end = int_as_ssize(TUPLE_GET(args, 3));
    XSETREF(e->reason, newref(TUPLE_GET(args, 4)));
    return err_occurred() ? -1 : 0;
}

static Object *
UnicodeDecodeError_str(Object *self)
{
    UnicodeErrorObject *e = (UnicodeErrorObject *)self;
    if (!e->object || !BYTES_CHECK(e->object))
        return BaseException_str(self);
    if (e->start < BYTES_LEN(e->object) && e->end == e->start + 1)
        return str_from_format("'%U' codec can't decode byte 0x%02x in position %zd: %U",
                               e->encoding,
                               (unsigned)(unsigned char)BYTES_DATA(e->object)[e->start],
                               e->start, e->reason);
    return str_from_format("'%U' codec can't decode bytes in position %zd-%zd: %U",
                           e->encoding, e->start, e->end - 1, e->reason);
}

static Object *
UnicodeEncodeError_str(Object *self)
{
    UnicodeErrorObject *e = (UnicodeErrorObject *)self;
    if (!e->object || !STR_CHECK(e->object))
        return BaseException_str(self);
    if (e->start < STR_LEN(e->object) && e->end == e->start + 1) {
        uint32_t ch = STR_GET(e->object, e->start);
        const char *fmt = ch <= 0xff ? "'%U' codec can't encode character '\\x%02x' in position %zd: %U"
                          : ch <= 0xffff ? "'%U' codec can't encode character '\\u%04x' in position %zd: %U"
                                         : "'%U' codec can't encode character '\\U%08x' in position %zd: %U";
        return str_from_format(fmt, e->encoding, (unsigned)ch, e->start, e->reason);
    }
    return str_from_format("'%U' codec can't encode characters in position %zd-%zd: %U",
                           e->encoding, e->start, e->end - 1, e->reason);
}

static const MemberDef UnicodeError_members[] = {
    {"encoding", MEMBER_OBJECT, offsetof(UnicodeErrorObject, encoding), 0, NULL},
    {"object", MEMBER_OBJECT, offsetof(UnicodeErrorObject, object), 0, NULL},
    {"start", MEMBER_SSIZE, offsetof(UnicodeErrorObject, start), 0, NULL},
    {"end", MEMBER_SSIZE, offsetof(UnicodeErrorObject, end), 0, NULL},
    {"reason", MEMBER_OBJECT, offsetof(UnicodeErrorObject, reason), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

#define UNICODE_EXC(NAME, STRF, DOC)                                                     \
    static TypeObject NAME##_type = {                                                    \
        .ob_base = {{1, &type_type}, 0},                                                 \
        .name = #NAME,                                                                   \
        .basicsize = sizeof(UnicodeErrorObject),                                         \
        .flags = EXC_FLAGS,                                                              \
        .doc = DOC,                                                                      \
        .base = &UnicodeError_type,                                                      \
        .init = UnicodeError_init,                                                       \
        .dealloc = UnicodeError_dealloc,                                                 \
        .traverse = UnicodeError_traverse,                                               \
        .clear = UnicodeError_clear,                                                     \
        .str = STRF,                                                                     \
        .members = UnicodeError_members,                                                 \
    };                                                                                   \
    TypeObject *exc_##NAME = &NAME##_type;
UNICODE_EXC(UnicodeDecodeError, UnicodeDecodeError_str, "Unicode decoding error.")
UNICODE_EXC(UnicodeEncodeError, UnicodeEncodeError_str, "Unicode encoding error.")
UNICODE_EXC(UnicodeTranslateError, NULL, "Unicode translation error.")

Object *
exc_unicode_decode_error(const char *encoding, const char *data, ssize_t len, ssize_t start,
                         ssize_t end, const char *reason)
{
    Object *a = NULL;
    Object *enc = str_from_cstr(encoding);
    Object *obj = bytes_from_buf(data, len);
    Object *s = int_from_ssize(start), *e = int_from_ssize(end);
    Object *rs = str_from_cstr(reason);
    if (enc && obj && s && e && rs)
        a = tuple_pack(5, enc, obj, s, e, rs);
    xdecref(enc);
    xdecref(obj);
    xdecref(s);
    xdecref(e);
    xdecref(rs);
    if (!a)
        return NULL;
    Object *x = exc_new(&UnicodeDecodeError_type, a);
    decref(a);
    if (x) {
        err_set_exc(x);
        decref(x);
    }
    return NULL;
}

Object *
exc_unicode_encode_error(const char *encoding, Object *str, ssize_t start, ssize_t end,
                         const char *reason)
{
    Object *a = NULL;
    Object *enc = str_from_cstr(encoding);
    Object *s = int_from_ssize(start), *e = int_from_ssize(end);
    Object *rs = str_from_cstr(reason);
    if (enc && s && e && rs)
        a = tuple_pack(5, enc, str, s, e, rs);
    xdecref(enc);
    xdecref(s);
    xdecref(e);
    xdecref(rs);
    if (!a)
        return NULL;
    Object *x = exc_new(&UnicodeEncodeError_type, a);
    decref(a);
    if (x) {
        err_set_exc(x);
        decref(x);
    }
    return NULL;
}

/* ================================================================ helpers */

Object *
exc_new(TypeObject *type, Object *args)
{
    Object *empty = NULL;
    if (!args) {
        empty = tuple_empty();
        args = empty;
    }
    /* the metaclass's tp_call with the tuple as it is (CPython's type_call): the
    ** exception keeps this tuple as its args, no copy of it is made */
    TypeObject *meta = TYPE(type);
    Object *r = meta->call ? meta->call((Object *)type, args, NULL)
                           : obj_call((Object *)type, args, NULL);
    xdecref(empty);
    return r;
}

Object *
exc_get_traceback(Object *exc)
{
    return EXC(exc)->traceback;
}

void
exc_set_traceback(Object *exc, Object *tb)
{
    XSETREF(EXC(exc)->traceback, xnewref(tb));
}

void
exc_set_context(Object *exc, Object *ctx)
{
    XSETREF(EXC(exc)->context, ctx);
}

void
exc_set_cause(Object *exc, Object *cause)
{
    XSETREF(EXC(exc)->cause, cause);
}

void
exc_clear_freelist(void)
{
}

/* ================================================================ registration */

static TypeObject *const all_exceptions[] = {
    &BaseException_type, &Exception_type, &GeneratorExit_type, &KeyboardInterrupt_type,
    &SystemExit_type, &ArithmeticError_type, &FloatingPointError_type, &OverflowError_type,
    &ZeroDivisionError_type, &AssertionError_type, &AttributeError_type, &BufferError_type,
    &EOFError_type, &ImportError_type, &ModuleNotFoundError_type, &LookupError_type,
    &IndexError_type, &KeyError_type, &MemoryError_type, &NameError_type,
    &UnboundLocalError_type, &OSError_type, &BlockingIOError_type, &ChildProcessError_type,
    &ConnectionError_type, &BrokenPipeError_type, &ConnectionAbortedError_type,
    &ConnectionRefusedError_type, &ConnectionResetError_type, &FileExistsError_type,
    &FileNotFoundError_type, &InterruptedError_type, &IsADirectoryError_type,
    &NotADirectoryError_type, &PermissionError_type, &ProcessLookupError_type,
    &TimeoutError_type, &ReferenceError_type, &RuntimeError_type,
    &NotImplementedError_type, &RecursionError_type, &StopAsyncIteration_type,
    &StopIteration_type, &SyntaxError_type, &IndentationError_type, &TabError_type,
    &SystemError_type, &TypeError_type, &ValueError_type, &UnicodeError_type,
    &UnicodeDecodeError_type, &UnicodeEncodeError_type, &UnicodeTranslateError_type,
    &Warning_type, &UserWarning_type, &DeprecationWarning_type,
    &PendingDeprecationWarning_type, &SyntaxWarning_type, &RuntimeWarning_type,
    &FutureWarning_type, &ImportWarning_type, &UnicodeWarning_type, &BytesWarning_type,
    &ResourceWarning_type, &EncodingWarning_type, NULL,
};

void
exceptions_init(Object *builtins)
{
    for (int i = 0; all_exceptions[i]; i++) {
        TypeObject *t = all_exceptions[i];
        if (type_ready(t) < 0)
            fatal("cannot initialise the exception types");
        if (builtins && dict_setitem_str(builtins, t->name, (Object *)t) < 0)
            fatal("cannot publish the exception types");
    }
    if (!UnsupportedOperation_type.bases)
        UnsupportedOperation_type.bases = tuple_pack(2, &OSError_type, &ValueError_type);
    if (!UnsupportedOperation_type.bases || type_ready(&UnsupportedOperation_type) < 0)
        fatal("cannot initialise the exception types");
    if (builtins) {
        dict_setitem_str(builtins, "EnvironmentError", (Object *)&OSError_type);
        dict_setitem_str(builtins, "IOError", (Object *)&OSError_type);
    }
}

Object *
exc_set_from_errno(int e, Object *file, Object *file2)
{
    Object *en = int_from_long(e), *es = str_from_cstr(strerror(e));
    Object *a = NULL;
    if (en && es)
        a = file2  ? tuple_pack(5, en, es, file, None, file2)
            : file ? tuple_pack(3, en, es, file)
                   : tuple_pack(2, en, es);      /* PyErr_SetFromErrno: no file name */
    xdecref(en);
    xdecref(es);
    if (!a)
        return NULL;
    Object *x = exc_new(exc_OSError, a);
    decref(a);
    if (x) {
        err_set_exc(x);
        decref(x);
    }
    return NULL;
}
