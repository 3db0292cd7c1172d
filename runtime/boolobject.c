/*
** boolobject.c -- bool, the subclass of int with exactly two instances, True and False.
**
** True and False are static IntObjects of type bool: SIZE 1 with digit 1, and SIZE 0
** with digit 0, so every int operation reads them as 1 and 0 (and inherits from
** int_type: hash, comparison, arithmetic).  bool only overrides repr, the constructor
** and & | ^, which give a bool when both operands are bools.  bool cannot be subclassed
** and its instances are never freed: the statics hold a reference of their own that is
** never released, and a dealloc that is reached anyway is a refcount bug (fatal).
*/
#include "intobject.h"

#include "error.h"
#include "heap.h"
#include "dictobject.h"
#include "strobject.h"
#include "tupleobject.h"

IntObject true_obj = {.ob_base = {.ob_base = {.refcnt = 1, .type = &bool_type}, .size = 1},
                      .digits = {1}};
IntObject false_obj = {.ob_base = {.ob_base = {.refcnt = 1, .type = &bool_type}, .size = 0},
                       .digits = {0}};

static void
bool_dealloc(Object *o)
{
    fatal("deallocating True or False");
}

/* repr(True) / repr(False) are CPython's static strings &_Py_ID(True) / &_Py_ID(False):
** one object each, never freed and not in the intern table ('True' is str(True) is False). */
static Object *bool_repr_names[2];

static Object *
bool_repr(Object *o)
{
    Object **names = bool_repr_names;
    int i = o == True_;
    if (!names[i]) {
        heap_side_enter();      /* CPython's are static strings: no pool block */
        names[i] = i ? str_from_ascii("True", 4) : str_from_ascii("False", 5);
        heap_side_leave();
        if (!names[i])
            return NULL;
        names[i]->refcnt = 999999999;   /* _PyObject_IMMORTAL_INIT */
    }
    return newref(names[i]);
}

/* Interpreter teardown: free the two repr strings whatever their (immortal) refcount. */
void
bool_fini(void)
{
    for (int i = 0; i < 2; i++) {
        Object *s = bool_repr_names[i];
        bool_repr_names[i] = NULL;
        if (s) {
            s->refcnt = 1;
            decref(s);
        }
    }
}

static Object *
bool_from_args(Object *const *args, ssize_t nargs, ssize_t nkw)
{
    if (nkw)
        return err_set(exc_TypeError, "bool() takes no keyword arguments");
    if (nargs > 1)
        return err_format(exc_TypeError, "bool expected at most 1 argument, got %zd", nargs);
    if (nargs == 0)
        return bool_from(0);
    int r = obj_is_true(args[0]);
    if (r < 0)
        return NULL;
    return bool_from(r);
}

static Object *
bool_new(TypeObject *type, Object *args, Object *kwargs)
{
    ssize_t nargs = args ? TUPLE_LEN(args) : 0;
    return bool_from_args(args ? TUPLE_ITEMS(args) : NULL, nargs,
                          kwargs ? DICT_LEN(kwargs) : 0);
}

static Object *
bool_vectorcall(Object *callable, Object *const *args, size_t nargs, Object *kwnames)
{
    return bool_from_args(args, (ssize_t)nargs, kwnames ? TUPLE_LEN(kwnames) : 0);
}

/* & | ^ of two bools is a bool; anything else is int arithmetic (which also returns
** NotImplemented for non-ints). */
static Object *
bool_and(Object *a, Object *b)
{
    if (BOOL_CHECK(a) && BOOL_CHECK(b))
        return bool_from((a == True_) & (b == True_));
    return int_type.nb_and(a, b);
}

static Object *
bool_or(Object *a, Object *b)
{
    if (BOOL_CHECK(a) && BOOL_CHECK(b))
        return bool_from((a == True_) | (b == True_));
    return int_type.nb_or(a, b);
}

static Object *
bool_xor(Object *a, Object *b)
{
    if (BOOL_CHECK(a) && BOOL_CHECK(b))
        return bool_from((a == True_) ^ (b == True_));
    return int_type.nb_xor(a, b);
}

TypeObject bool_type = {
    .ob_base = {.ob_base = {.refcnt = 1, .type = &type_type}},
    .name = "bool",
    .basicsize = sizeof(IntObject),     /* CPython's PyBool_Type: sizeof(PyLongObject), 32 */
    .itemsize = sizeof(digit),
    .flags = TPFLAG_INT_SUBCLASS,
    .doc = "bool(x) -> bool\n\n"
           "Returns True when the argument x is true, False otherwise.\n"
           "The builtins True and False are the only two instances of the class bool.\n"
           "The class bool is a subclass of the class int, and cannot be subclassed.",
    .dealloc = bool_dealloc,
    .repr = bool_repr,
    .new_ = bool_new,
    .new_vectorcall = bool_vectorcall,
    .nb_and = bool_and,
    .nb_or = bool_or,
    .nb_xor = bool_xor,
    .base = &int_type,
};
