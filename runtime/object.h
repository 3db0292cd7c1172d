/*
** object.h -- the object header, type objects, reference counting and the generic
** object protocols (attribute access, calls, comparison, hashing, iteration, numbers).
**
** Layout.  Every object starts with an Object header {refcnt, type} exactly as CPython's
** PyObject does, so sizes reported by sys.getsizeof() come out as CPython 3.11's on 64-bit.
** Variable-size objects (int, tuple, str, bytes) add a 'size' word (VarObject).  Objects of
** a type with TPFLAG_GC carry a 16-byte GcHead *in front* of the header (gc.h), and
** instances of user classes carry two more words in front of that (the "managed dict"
** pre-header of 3.11: a dict pointer and an inline-values pointer).  obj_alloc() and
** obj_free() are the only places that know this arithmetic:
**
**      [ dict* | values* ]  [ gc next | gc prev ]  [ refcnt | type | ... fields ... ]
**        TPFLAG_MANAGED_DICT      TPFLAG_GC          <- Object * points here
**
** Ownership.  Every function documents whether it returns a new reference or a borrowed
** one; a function that steals a reference from its caller ends in _take.  Errors are
** returned, never thrown: Object * functions return NULL with an exception set (error.h),
** int functions return -1.  Predicates that can fail return -1/0/1.
**
** Types.  TypeObject is itself an object (type(x) is a first-class value).  Builtin types
** are static TypeObjects initialised with designated initialisers in their own file;
** classes created by 'class' statements are heap types (TPFLAG_HEAPTYPE) whose slots are
** filled from their dunder methods by typeobject.c (the slotdefs table).
*/
#ifndef PYHEAP_OBJECT_H
#define PYHEAP_OBJECT_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <sys/types.h>
#include <limits.h>

/* Branch hints for hot paths. */
#if defined(__GNUC__) && !defined(LIKELY)
#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#elif !defined(LIKELY)
#define LIKELY(x) (x)
#define UNLIKELY(x) (x)
#endif

typedef struct TypeObject TypeObject;
typedef ssize_t hash_t;                 /* like Py_hash_t; -1 means "error" */

typedef struct Object {
    ssize_t refcnt;
    TypeObject *type;
} Object;

typedef struct VarObject {
    Object ob_base;
    ssize_t size;                       /* items; for int: signed digit count */
} VarObject;

#define OBJECT_HEAD Object ob_base
#define VAR_OBJECT_HEAD VarObject ob_base

#define OB(o) ((Object *)(o))
#define TYPE(o) (OB(o)->type)
#define REFCNT(o) (OB(o)->refcnt)
#define SIZE(o) (((VarObject *)(o))->size)
#define IS_TYPE(o, t) (TYPE(o) == (t))

/* ---------------------------------------------------------------- slot signatures */
typedef Object *(*unaryfunc)(Object *);
typedef Object *(*binaryfunc)(Object *, Object *);
typedef Object *(*ternaryfunc)(Object *, Object *, Object *);
typedef int (*inquiry)(Object *);
typedef ssize_t (*lenfunc)(Object *);
typedef Object *(*ssizeargfunc)(Object *, ssize_t);
typedef int (*objobjproc)(Object *, Object *);
typedef int (*objobjargproc)(Object *, Object *, Object *);
typedef int (*visitproc)(Object *, void *);
typedef int (*traverseproc)(Object *, visitproc, void *);
typedef void (*destructor)(Object *);
typedef Object *(*getattrofunc)(Object *, Object *);
typedef int (*setattrofunc)(Object *, Object *, Object *);
typedef hash_t (*hashfunc)(Object *);
typedef Object *(*richcmpfunc)(Object *, Object *, int);
typedef Object *(*descrgetfunc)(Object *, Object *, Object *);
typedef int (*descrsetfunc)(Object *, Object *, Object *);
typedef int (*initproc)(Object *, Object *, Object *);
typedef Object *(*newfunc)(TypeObject *, Object *, Object *);
/* The one calling convention (CPython's vectorcall): positional args in args[0..nargs),
** then keyword values; kwnames is a tuple of the keyword names or NULL. */
typedef Object *(*vectorcallfunc)(Object *callable, Object *const *args, size_t nargs,
                                  Object *kwnames);
/* C functions and methods: self is the bound object (module or instance) or NULL. */
typedef Object *(*CFunction)(Object *self, Object *const *args, ssize_t nargs,
                             Object *kwnames);
typedef Object *(*getter)(Object *, void *);
typedef int (*setter)(Object *, Object *, void *);

/* Comparison opcodes, as CPython numbers them. */
enum { CMP_LT = 0, CMP_LE = 1, CMP_EQ = 2, CMP_NE = 3, CMP_GT = 4, CMP_GE = 5 };

/* ---------------------------------------------------------------- method tables */
enum {
    METH_NOARGS = 1 << 0,   /* checked: no arguments at all */
    METH_O = 1 << 1,        /* checked: exactly one positional, no keywords */
    METH_VARARGS = 1 << 2,  /* anything: the function checks (args, nargs, kwnames) */
    METH_CLASS = 1 << 3,    /* classmethod: self is the type */
    METH_STATIC = 1 << 4,   /* staticmethod: self is NULL */
    METH_KEYWORDS = 1 << 5, /* accepts keyword arguments (else they are rejected) */
    METH_TUPLE = 1 << 6,    /* CPython 3.11's is METH_VARARGS: a call packs a tuple/dict */
};

typedef struct MethodDef {
    const char *name;
    CFunction meth;
    int flags;
    const char *doc;
} MethodDef;

enum { MEMBER_OBJECT, MEMBER_OBJECT_EX, MEMBER_SSIZE, MEMBER_INT, MEMBER_BOOL,
       MEMBER_DOUBLE };
enum { MEMBER_READONLY = 1 };

typedef struct MemberDef {
    const char *name;
    int kind;           /* MEMBER_* */
    ssize_t offset;
    int flags;          /* MEMBER_READONLY */
    const char *doc;
} MemberDef;

typedef struct GetSetDef {
    const char *name;
    getter get;
    setter set;
    const char *doc;
    void *closure;
} GetSetDef;

/* ---------------------------------------------------------------- type flags */
enum {
    TPFLAG_HEAPTYPE = 1u << 0,
    TPFLAG_BASETYPE = 1u << 1,      /* may be subclassed */
    TPFLAG_GC = 1u << 2,            /* has a GcHead and traverse/clear */
    TPFLAG_READY = 1u << 3,
    TPFLAG_READYING = 1u << 4,
    TPFLAG_MANAGED_DICT = 1u << 5,  /* instances carry the dict/values pre-header */
    TPFLAG_METHOD_DESCRIPTOR = 1u << 6, /* functions: LOAD_METHOD may skip binding */
    TPFLAG_IMMUTABLETYPE = 1u << 7,
    TPFLAG_ABSTRACT = 1u << 8,
    TPFLAG_VALID_VERSION = 1u << 9,
    TPFLAG_HAS_DEL = 1u << 10,      /* heap type defines __del__ */
    TPFLAG_TP_CALL = 1u << 11,      /* obj_call uses .call: CPython's PyObject_Call passes
                                    ** the tuple and dict to its tp_call as they are */
    /* fast subclass tests, as CPython's Py_TPFLAGS_*_SUBCLASS */
    TPFLAG_INT_SUBCLASS = 1u << 20,
    TPFLAG_LIST_SUBCLASS = 1u << 21,
    TPFLAG_TUPLE_SUBCLASS = 1u << 22,
    TPFLAG_BYTES_SUBCLASS = 1u << 23,
    TPFLAG_STR_SUBCLASS = 1u << 24,
    TPFLAG_DICT_SUBCLASS = 1u << 25,
    TPFLAG_BASE_EXC_SUBCLASS = 1u << 26,
    TPFLAG_TYPE_SUBCLASS = 1u << 27,
    TPFLAG_WEAKREF = 1u << 28,      /* weakref.ref and its subclasses, the proxy types */
};

/* ---------------------------------------------------------------- the type object */
typedef Object *(*reprfunc)(Object *);

struct TypeObject {
    VAR_OBJECT_HEAD;
    const char *name;           /* "list"; heap types: utf-8 of ht_name */
    ssize_t basicsize, itemsize;
    unsigned long flags;
    const char *doc;

    /* lifetime and the collector */
    destructor dealloc;
    traverseproc traverse;
    inquiry clear;
    destructor finalize;        /* __del__ (PEP 442: called at most once) */
    void (*free)(void *);       /* obj_free by default */

    /* conversion and protocol slots */
    reprfunc repr, str;
    hashfunc hash;
    ternaryfunc call;
    vectorcallfunc vectorcall;  /* how to call an instance fast (functions, types) */
    getattrofunc getattro;
    setattrofunc setattro;
    richcmpfunc richcompare;
    unaryfunc iter;
    unaryfunc iternext;         /* NULL return without exception = exhausted */
    descrgetfunc descr_get;
    descrsetfunc descr_set;
    initproc init;
    newfunc new_;
    vectorcallfunc new_vectorcall;  /* optional fast path for calling the type itself */
    Object *(*alloc)(TypeObject *, ssize_t nitems);

    /* numbers */
    binaryfunc nb_add, nb_subtract, nb_multiply, nb_remainder, nb_divmod;
    ternaryfunc nb_power;
    unaryfunc nb_negative, nb_positive, nb_absolute;
    inquiry nb_bool;
    unaryfunc nb_invert;
    binaryfunc nb_lshift, nb_rshift, nb_and, nb_xor, nb_or;
    unaryfunc nb_int, nb_float;
    binaryfunc nb_inplace_add, nb_inplace_subtract, nb_inplace_multiply,
        nb_inplace_remainder;
    ternaryfunc nb_inplace_power;
    binaryfunc nb_inplace_lshift, nb_inplace_rshift, nb_inplace_and, nb_inplace_xor,
        nb_inplace_or;
    binaryfunc nb_floor_divide, nb_true_divide, nb_inplace_floor_divide,
        nb_inplace_true_divide;
    unaryfunc nb_index;
    binaryfunc nb_matrix_multiply, nb_inplace_matrix_multiply;

    /* sequences and mappings (len covers sq_length and mp_length) */
    lenfunc len;
    binaryfunc sq_concat;
    ssizeargfunc sq_repeat;
    ssizeargfunc sq_item;       /* optional fast path for integer indexes */
    objobjproc sq_contains;
    binaryfunc sq_inplace_concat;
    ssizeargfunc sq_inplace_repeat;
    binaryfunc mp_subscript;
    objobjargproc mp_ass_subscript;     /* value NULL: delete */

    /* what type_ready turns into the type's __dict__ */
    const MethodDef *methods;
    const MemberDef *members;
    const GetSetDef *getset;

    /* inheritance */
    TypeObject *base;
    Object *bases;              /* tuple */
    Object *mro;                /* tuple */
    Object *dict;               /* the type's namespace */
    Object *subclasses;         /* tp_subclasses: {id(subclass): weakref.ref(subclass)} */
    unsigned int version_tag;   /* for attribute caches; 0 = invalid */
    ssize_t dictoffset;         /* legacy __dict__ slot; 0 with MANAGED_DICT */
    ssize_t weaklistoffset;

    /* heap types only */
    Object *ht_name, *ht_qualname, *ht_module;
    Object *ht_slots;
    struct CachedKeys *ht_cached_keys; /* shared key order of instance attributes */
};

/* The static types every file may use. */
extern TypeObject type_type, object_type, none_type, notimplemented_type, ellipsis_type,
    bool_type, int_type, float_type, complex_type, str_type, bytes_type, bytearray_type,
    tuple_type, list_type, dict_type, set_type, frozenset_type, range_type, slice_type,
    function_type, code_type, cell_type, method_type, cfunction_type,
    method_descr_type, classmethod_descr_type, wrapper_descr_type, method_wrapper_type,
    member_descr_type, getset_descr_type, staticmethod_type, classmethod_type,
    property_type, super_type, module_type, generator_type, frame_type, traceback_type,
    dictkeys_type, dictvalues_type, dictitems_type;

/* Singletons. */
extern Object none_obj, notimplemented_obj, ellipsis_obj;
#define None (&none_obj)
#define NotImplemented (&notimplemented_obj)
#define Ellipsis (&ellipsis_obj)

/* ---------------------------------------------------------------- refcounting */
void obj_dealloc(Object *o);            /* refcount reached 0: type->dealloc */

static inline void
incref(void *o)
{
    ((Object *)o)->refcnt++;
}

static inline void
xincref(void *o)
{
    if (o)
        ((Object *)o)->refcnt++;
}

static inline void
decref(void *o)
{
    Object *op = (Object *)o;
    if (--op->refcnt == 0)
        obj_dealloc(op);
}

static inline void
xdecref(void *o)
{
    if (o)
        decref(o);
}

/* Return a new reference to o (for "return newref(None);"). */
static inline Object *
newref(void *o)
{
    incref(o);
    return (Object *)o;
}

static inline Object *
xnewref(void *o)
{
    xincref(o);
    return (Object *)o;
}

/* CLEAR(field): set the field to NULL *before* releasing the old value (a __del__ run by
** the release may look at the field).  SETREF(field, v): same, installing v. */
#define CLEAR(f)                                                                         \
    do {                                                                                 \
        Object *tmp_ = (Object *)(f);                                                    \
        if (tmp_) {                                                                      \
            (f) = NULL;                                                                  \
            decref(tmp_);                                                                \
        }                                                                                \
    } while (0)
#define SETREF(f, v)                                                                     \
    do {                                                                                 \
        Object *tmp_ = (Object *)(f);                                                    \
        (f) = (v);                                                                       \
        decref(tmp_);                                                                    \
    } while (0)
#define XSETREF(f, v)                                                                    \
    do {                                                                                 \
        Object *tmp_ = (Object *)(f);                                                    \
        (f) = (v);                                                                       \
        xdecref(tmp_);                                                                   \
    } while (0)

/* OBJ_VISIT(x) inside a traverse function (visit and arg are its parameters). */
#define OBJ_VISIT(x)                                                                     \
    do {                                                                                 \
        if (x) {                                                                         \
            int vret_ = visit((Object *)(x), arg);                                       \
            if (vret_)                                                                   \
                return vret_;                                                            \
        }                                                                                \
    } while (0)

/* ---------------------------------------------------------------- allocation */
/* Size in bytes of what lives in front of the Object header for this type. */
static inline size_t
obj_presize(const TypeObject *t)
{
    return ((t->flags & TPFLAG_GC) ? 16 : 0) + ((t->flags & TPFLAG_MANAGED_DICT) ? 16 : 0);
}

/* Where the field at 'offset' of o's type lives (__slots__ members).  A str subclass keeps
** its text inline after the str header, where CPython's keeps a pointer to it, so the
** fields a subclass adds (offsets from CPython's str basicsize on) follow the text. */
#define STR_CPY_BASICSIZE 80
char *str_subclass_field(Object *o, ssize_t offset);
static inline char *
obj_field(Object *o, ssize_t offset)
{
    if (UNLIKELY((TYPE(o)->flags & TPFLAG_STR_SUBCLASS) && offset >= STR_CPY_BASICSIZE))
        return str_subclass_field(o, offset);
    return (char *)o + offset;
}
/* The __dict__ slot of an object whose type keeps one at tp_dictoffset (modules,
** functions, exceptions; after the items of an int, tuple or bytes subclass instance,
** where the offset is negative); NULL if it has none. */
Object **obj_dictoffset_ptr(Object *o);

/* Allocate an object of type t with nitems items (itemsize bytes each), header filled in,
** refcount 1, remaining bytes zeroed, *not* tracked.  NULL + MemoryError on failure.
** Heap types get a reference to their type. */
Object *obj_alloc(TypeObject *t, ssize_t nitems);
/* Allocate without zeroing the body (hot paths that fill every field). */
Object *obj_alloc_raw(TypeObject *t, size_t basic_bytes);
/* Release the memory of an object whose refcount hit 0 (after its fields are released). */
void obj_free(void *o);
/* sys.getsizeof's base: basicsize + items + presize. */
ssize_t obj_sizeof(Object *o);
/* Generic tp_alloc: obj_alloc, then for heap types incref the type. */
Object *type_generic_alloc(TypeObject *t, ssize_t nitems);

/* The "trashcan": deallocating a deeply nested structure would recurse once per level in
** C.  A container's dealloc calls trash_begin first (after untracking); past a fixed
** depth the object is parked (-1: return at once) and destroyed later, when the
** outermost dealloc finishes (trash_end).  'dealloc' is the calling function: objects
** of subclasses (whose dealloc is another function) are not parked at that level.
** The token returned must be passed to trash_end. */
int trash_begin(Object *o, destructor dealloc);
void trash_end(int token);
/* What obj_dealloc does: type->dealloc(o) under the trashcan (parks GC objects). */
void trash_dealloc(Object *o);

/* repr() recursion guard for containers (CPython's Py_ReprEnter): 0 the first time,
** 1 if o is already being repr'd ("[...]"), -1 on error. */
int repr_enter(Object *o);
void repr_leave(Object *o);

/* PEP 442 from a dealloc: run type->finalize once (the object is resurrected while it
** runs); returns -1 if the finalizer resurrected the object for good (the dealloc must
** then return), 0 to proceed. */
int obj_call_finalizer_from_dealloc(Object *o);

/* Debug counter of live objects (all types); leak checks compare it. */
extern ssize_t obj_live_count;

/* ---------------------------------------------------------------- type checks */
int type_is_subtype(TypeObject *a, TypeObject *b);     /* walks the MRO */

static inline int
obj_type_check(Object *o, TypeObject *t)
{
    return TYPE(o) == t || type_is_subtype(TYPE(o), t);
}

#define TYPE_HAS_FLAG(t, f) (((t)->flags & (f)) != 0)
#define INT_CHECK(o) TYPE_HAS_FLAG(TYPE(o), TPFLAG_INT_SUBCLASS)
#define INT_CHECK_EXACT(o) (TYPE(o) == &int_type)
#define STR_CHECK(o) TYPE_HAS_FLAG(TYPE(o), TPFLAG_STR_SUBCLASS)
#define STR_CHECK_EXACT(o) (TYPE(o) == &str_type)
#define LIST_CHECK(o) TYPE_HAS_FLAG(TYPE(o), TPFLAG_LIST_SUBCLASS)
#define LIST_CHECK_EXACT(o) (TYPE(o) == &list_type)
#define TUPLE_CHECK(o) TYPE_HAS_FLAG(TYPE(o), TPFLAG_TUPLE_SUBCLASS)
#define TUPLE_CHECK_EXACT(o) (TYPE(o) == &tuple_type)
#define DICT_CHECK(o) TYPE_HAS_FLAG(TYPE(o), TPFLAG_DICT_SUBCLASS)
#define DICT_CHECK_EXACT(o) (TYPE(o) == &dict_type)
#define BYTES_CHECK(o) TYPE_HAS_FLAG(TYPE(o), TPFLAG_BYTES_SUBCLASS)
#define TYPE_CHECK(o) TYPE_HAS_FLAG(TYPE(o), TPFLAG_TYPE_SUBCLASS)
#define EXC_CHECK(o) TYPE_HAS_FLAG(TYPE(o), TPFLAG_BASE_EXC_SUBCLASS)
#define EXC_TYPE_CHECK(o)                                                                \
    (TYPE_CHECK(o) && TYPE_HAS_FLAG((TypeObject *)(o), TPFLAG_BASE_EXC_SUBCLASS))
#define FLOAT_CHECK(o) obj_type_check(OB(o), &float_type)
#define FLOAT_CHECK_EXACT(o) (TYPE(o) == &float_type)
#define BOOL_CHECK(o) (TYPE(o) == &bool_type)

/* ---------------------------------------------------------------- generic protocols */
Object *obj_repr(Object *o);            /* new ref; str */
Object *obj_str(Object *o);             /* new ref; str */
Object *obj_ascii(Object *o);
hash_t obj_hash(Object *o);             /* -1 + exception on error */
hash_t obj_hash_not_implemented(Object *o);
int obj_is_true(Object *o);             /* -1/0/1 */
int obj_not(Object *o);

Object *obj_richcompare(Object *a, Object *b, int op);          /* new ref */
int obj_richcompare_bool(Object *a, Object *b, int op);         /* -1/0/1, identity
                                                                   shortcut for EQ/NE */
Object *obj_getattr(Object *o, Object *name);                   /* name: str */
Object *obj_getattr_str(Object *o, const char *name);
/* Like obj_getattr but returns NULL *without* an exception when the attribute is
** missing (AttributeError swallowed); other errors still return NULL with exception
** set -- distinguish with err_occurred(). */
Object *obj_lookup_attr(Object *o, Object *name);
int obj_setattr(Object *o, Object *name, Object *v);            /* v NULL: delete */
int obj_setattr_str(Object *o, const char *name, Object *v);
int obj_hasattr(Object *o, Object *name);
Object *obj_generic_getattr(Object *o, Object *name);
int obj_generic_setattr(Object *o, Object *name, Object *v);
/* Method lookup for LOAD_METHOD: if the attribute is a plain function found on the type
** (and not shadowed by the instance dict), store it in *meth and return 1 (unbound: call
** it with self first); else store the attribute in *meth and return 0; -1 on error. */
int obj_get_method(Object *o, Object *name, Object **meth);

Object *obj_call(Object *callable, Object *args, Object *kwargs);   /* tuple, dict|NULL */
Object *obj_call_vectorcall(Object *callable, Object *args, Object *kwargs);  /* unpacked */
Object *obj_vectorcall(Object *callable, Object *const *args, size_t nargs,
                       Object *kwnames);
Object *obj_call_noargs(Object *callable);
Object *obj_call_one(Object *callable, Object *arg);
Object *obj_call_method(Object *o, const char *name, Object *const *args, size_t nargs);
/* Call o.name(args...) where name is looked up on the *type* (special methods). */
Object *obj_call_special(Object *o, Object *name, Object *const *args, size_t nargs);

Object *obj_getitem(Object *o, Object *key);
int obj_setitem(Object *o, Object *key, Object *v);
int obj_delitem(Object *o, Object *key);
ssize_t obj_length(Object *o);          /* -1 + exception */
int obj_contains(Object *container, Object *item);     /* -1/0/1 (the 'in' operator) */

Object *obj_get_iter(Object *o);        /* iter(o) */
Object *obj_iter_next(Object *it);      /* NULL + no exception = exhausted */
int obj_is_iterator(Object *o);

Object *obj_format(Object *o, Object *spec);       /* format(o, spec) */
Object *obj_dir(Object *o);
Object *obj_type_name(Object *o);       /* borrowed-ish helper: returns new ref str */
const char *obj_type_cname(Object *o);  /* TYPE(o)->name */

/* Numbers (CPython's abstract.c binary_op1 dispatch with reflected operands). */
enum {
    NB_ADD, NB_AND, NB_FLOOR_DIVIDE, NB_LSHIFT, NB_MATRIX_MULTIPLY, NB_MULTIPLY,
    NB_REMAINDER, NB_OR, NB_POWER, NB_RSHIFT, NB_SUBTRACT, NB_TRUE_DIVIDE, NB_XOR,
    NB_INPLACE_ADD, NB_INPLACE_AND, NB_INPLACE_FLOOR_DIVIDE, NB_INPLACE_LSHIFT,
    NB_INPLACE_MATRIX_MULTIPLY, NB_INPLACE_MULTIPLY, NB_INPLACE_REMAINDER, NB_INPLACE_OR,
    NB_INPLACE_POWER, NB_INPLACE_RSHIFT, NB_INPLACE_SUBTRACT, NB_INPLACE_TRUE_DIVIDE,
    NB_INPLACE_XOR, NB_OP_COUNT
};      /* numbered as CPython 3.11's BINARY_OP oparg */
extern const char *const nb_op_symbol[NB_OP_COUNT];
Object *num_binary_op(Object *a, Object *b, int op);     /* any NB_* */
Object *num_add(Object *a, Object *b);
Object *num_subtract(Object *a, Object *b);
Object *num_multiply(Object *a, Object *b);
Object *num_power(Object *a, Object *b, Object *mod);
Object *num_divmod(Object *a, Object *b);
Object *num_negative(Object *a);
Object *num_positive(Object *a);
Object *num_invert(Object *a);
Object *num_absolute(Object *a);
Object *num_index(Object *o);           /* operator.index(): an exact int, new ref */
ssize_t num_as_ssize(Object *o, TypeObject *overflow_exc);  /* via __index__ */
Object *num_long(Object *o);            /* int(o) */
Object *num_float(Object *o);           /* float(o) */
int num_check(Object *o);               /* has nb_index/nb_int/nb_float */
int index_check(Object *o);

#endif
