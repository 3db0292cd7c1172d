/*
** genericalias.c -- types.GenericAlias (list[int], PEP 585) and types.UnionType
** (int | None, PEP 604), as CPython 3.11's Objects/genericaliasobject.c and
** unionobject.c, so that annotations written the modern way evaluate.
**
** A GenericAlias holds its origin and an argument tuple; attribute lookups other than
** its own (__origin__, __args__, __parameters__, ...) go to the origin, calling it calls
** the origin, and isinstance() refuses it.  A UnionType holds its flattened,
** de-duplicated member tuple (None becomes NoneType); isinstance()/issubclass() treat it
** as that tuple (builtins.c).  Type variables do not exist here, so __parameters__ is
** always () and subscripting an alias is the "is not a generic class" TypeError.
*/
#include "weakrefobject.h"
#include "genericalias.h"
#include "buf.h"
#include "error.h"
#include "gc.h"
#include "intobject.h"
#include "listobject.h"
#include "setobject.h"
#include "strobject.h"
#include "tupleobject.h"
#include "typeobject.h"
#include "methodobject.h"
#include <string.h>

typedef struct GenericAliasObject {
    OBJECT_HEAD;
    Object *origin;
    Object *args;               /* tuple */
} GenericAliasObject;

typedef struct UnionObject {
    OBJECT_HEAD;
    Object *args;               /* tuple of at least two members */
} UnionObject;

#define GA(o) ((GenericAliasObject *)(o))
#define UNION(o) ((UnionObject *)(o))

/* ================================================================ repr helpers */

static int
put_str(Buf *b, Object *s)
{
    if (!s)
        return -1;
    ssize_t n;
    const char *u = str_as_utf8(s, &n);
    int r = u ? buf_append(b, u, (size_t)n) : -1;
    decref(s);
    return r;
}

/* getattr(o, name) or NULL (no exception) when missing. */
static Object *
lookup_cstr(Object *o, const char *name)
{
    Object *n = str_from_cstr(name);
    if (!n)
        return NULL;
    Object *r = obj_lookup_attr(o, n);
    decref(n);
    return r;
}

/* One item of an alias or union repr (ga_repr_item / union_repr_item): another alias
** by its repr, a class as module.qualname (no module for builtins), else repr(). */
static int
repr_item(Buf *b, Object *p)
{
    if (p == Ellipsis)
        return buf_puts(b, "...");
    Object *tmp = lookup_cstr(p, "__origin__");
    if (!tmp && err_occurred())
        return -1;
    if (tmp) {
        decref(tmp);
        tmp = lookup_cstr(p, "__args__");
        if (!tmp && err_occurred())
            return -1;
        if (tmp) {
            decref(tmp);
            return put_str(b, obj_repr(p));
        }
    }
    Object *qualname = obj_lookup_attr(p, ID(__qualname__));
    if (!qualname) {
        if (err_occurred())
            return -1;
        return put_str(b, obj_repr(p));
    }
    Object *module = obj_lookup_attr(p, ID(__module__));
    if (!module || module == None) {
        xdecref(module);
        decref(qualname);
        if (err_occurred())
            return -1;
        return put_str(b, obj_repr(p));
    }
    int r = 0;
    if (!(STR_CHECK(module) && strcmp(str_as_utf8(module, NULL), "builtins") == 0)) {
        r = put_str(b, obj_str(module));
        if (r == 0)
            r = buf_putc(b, '.');
    }
    decref(module);
    if (r == 0)
        r = put_str(b, obj_str(qualname));
    decref(qualname);
    return r;
}

static Object *
buf_to_str(Buf *b, int rc)
{
    Object *r = rc == 0 ? str_from_utf8(b->data, (ssize_t)b->len) : NULL;
    buf_free(b);
    return r;
}

/* ================================================================ GenericAlias */

Object *
genericalias_new(Object *origin, Object *args)
{
    Object *t = TUPLE_CHECK(args) ? newref(args) : tuple_pack(1, args);
    if (!t)
        return NULL;
    GenericAliasObject *ga = (GenericAliasObject *)obj_alloc(&genericalias_type, 0);
    if (!ga) {
        decref(t);
        return NULL;
    }
    ga->origin = newref(origin);
    ga->args = t;
    gc_track((Object *)ga);
    return (Object *)ga;
}

/* cls.__class_getitem__(item) of list, dict, tuple, set, frozenset, enumerate. */
Object *
genericalias_class_getitem(Object *cls, Object *const *args, ssize_t nargs, Object *kw)
{
    return genericalias_new(cls, args[0]);
}

static void
ga_dealloc(Object *o)
{
    gc_untrack(o);
    weakref_clear_refs(o);
    xdecref(GA(o)->origin);
    xdecref(GA(o)->args);
    obj_free(o);
}

static int
ga_traverse(Object *o, visitproc visit, void *arg)
{
    OBJ_VISIT(GA(o)->origin);
    OBJ_VISIT(GA(o)->args);
    return 0;
}

static Object *
ga_repr(Object *o)
{
    Buf b;
    buf_init(&b);
    int rc = repr_item(&b, GA(o)->origin);
    if (rc == 0)
        rc = buf_putc(&b, '[');
    Object *args = GA(o)->args;
    ssize_t n = TUPLE_LEN(args);
    for (ssize_t i = 0; i < n && rc == 0; i++) {
        Object *p = TUPLE_GET(args, i);
        if (i > 0)
            rc = buf_puts(&b, ", ");
        if (rc == 0 && TYPE(p) == &list_type) {
            /* Callable[[int, str], None] style argument lists */
            rc = buf_putc(&b, '[');
            for (ssize_t j = 0; j < LIST_LEN(p) && rc == 0; j++) {
                if (j > 0)
                    rc = buf_puts(&b, ", ");
                if (rc == 0)
                    rc = repr_item(&b, LIST_GET(p, j));
            }
            if (rc == 0)
                rc = buf_putc(&b, ']');
        } else if (rc == 0) {
            rc = repr_item(&b, p);
        }
    }
    if (rc == 0 && n == 0)
        rc = buf_puts(&b, "()");
    if (rc == 0)
        rc = buf_putc(&b, ']');
    return buf_to_str(&b, rc);
}

static hash_t
ga_hash(Object *o)
{
    hash_t h0 = obj_hash(GA(o)->origin);
    if (h0 == -1)
        return -1;
    hash_t h1 = obj_hash(GA(o)->args);
    if (h1 == -1)
        return -1;
    hash_t h = h0 ^ h1;
    return h == -1 ? -2 : h;
}

static Object *
ga_richcompare(Object *a, Object *b, int op)
{
    if (TYPE(b) != &genericalias_type || (op != CMP_EQ && op != CMP_NE))
        return newref(NotImplemented);
    int eq = obj_richcompare_bool(GA(a)->origin, GA(b)->origin, CMP_EQ);
    if (eq < 0)
        return NULL;
    if (eq) {
        eq = obj_richcompare_bool(GA(a)->args, GA(b)->args, CMP_EQ);
        if (eq < 0)
            return NULL;
    }
    return bool_from(op == CMP_EQ ? eq : !eq);
}

/* Calling an alias calls its origin, then tries to note the alias on the result. */
static Object *
ga_call(Object *self, Object *args, Object *kwargs)
{
    Object *obj = obj_call(GA(self)->origin, args, kwargs);
    if (obj && obj_setattr_str(obj, "__orig_class__", self) < 0) {
        if (!err_matches(exc_AttributeError) && !err_matches(exc_TypeError)) {
            decref(obj);
            return NULL;
        }
        err_clear();
    }
    return obj;
}

/* Names an alias answers itself; every other attribute comes from the origin. */
static const char *const ga_own_attrs[] = {
    "__class__", "__origin__", "__args__", "__unpacked__", "__parameters__",
    "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__", "__reduce__",
    "__copy__", "__deepcopy__", NULL,
};

static Object *
ga_getattro(Object *self, Object *name)
{
    const char *s = str_as_utf8(name, NULL);
    if (!s)
        return NULL;
    for (const char *const *p = ga_own_attrs; *p; p++)
        if (strcmp(s, *p) == 0)
            return obj_generic_getattr(self, name);
    return obj_getattr(GA(self)->origin, name);
}

static Object *
ga_getitem(Object *self, Object *key)
{
    return err_format(exc_TypeError, "%R is not a generic class", self);
}

static Object *
ga_mro_entries(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return tuple_pack(1, GA(self)->origin);
}

static Object *
ga_instancecheck(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return err_set(exc_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
}

static Object *
ga_subclasscheck(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return err_set(exc_TypeError, "issubclass() argument 2 cannot be a parameterized generic");
}

static Object *
ga_get_parameters(Object *self, void *c)
{
    return tuple_empty();
}

static Object *
ga_get_unpacked(Object *self, void *c)
{
    return bool_from(0);
}

static const MethodDef ga_methods[] = {
    {"__mro_entries__", ga_mro_entries, METH_O, NULL},
    {"__instancecheck__", ga_instancecheck, METH_O, NULL},
    {"__subclasscheck__", ga_subclasscheck, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static const MemberDef ga_members[] = {
    {"__origin__", MEMBER_OBJECT, offsetof(GenericAliasObject, origin), MEMBER_READONLY, NULL},
    {"__args__", MEMBER_OBJECT, offsetof(GenericAliasObject, args), MEMBER_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static const GetSetDef ga_getset[] = {
    {"__parameters__", ga_get_parameters, NULL, NULL, NULL},
    {"__unpacked__", ga_get_unpacked, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TypeObject genericalias_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "types.GenericAlias",
    .basicsize = sizeof(GenericAliasObject),
    .flags = TPFLAG_GC,
    .doc = "Represent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is "
           "list and t.__args__ is (int,).",
    .dealloc = ga_dealloc,
    .weaklistoffset = 40,
    .traverse = ga_traverse,
    .repr = ga_repr,
    .hash = ga_hash,
    .call = ga_call,
    .getattro = ga_getattro,
    .richcompare = ga_richcompare,
    .nb_or = union_type_or,
    .mp_subscript = ga_getitem,
    .methods = ga_methods,
    .members = ga_members,
    .getset = ga_getset,
};

/* ================================================================ UnionType */

Object *
union_args(Object *u)
{
    return UNION(u)->args;
}

static int
is_unionable(Object *o)
{
    return o == None || TYPE_CHECK(o) || TYPE(o) == &genericalias_type ||
           TYPE(o) == &uniontype_type;
}

/* Append o (flattening unions, None as NoneType) unless an equal member is there:
** identity for classes, equality between aliases (dedup_and_flatten_args). */
static int
union_add(Object *list, Object *o)
{
    if (TYPE(o) == &uniontype_type) {
        Object *a = UNION(o)->args;
        for (ssize_t i = 0; i < TUPLE_LEN(a); i++)
            if (union_add(list, TUPLE_GET(a, i)) < 0)
                return -1;
        return 0;
    }
    if (o == None)
        o = (Object *)&none_type;
    for (ssize_t j = 0; j < LIST_LEN(list); j++) {
        Object *e = LIST_GET(list, j);
        int dup = e == o;
        if (!dup && TYPE(o) == &genericalias_type && TYPE(e) == &genericalias_type) {
            dup = obj_richcompare_bool(o, e, CMP_EQ);
            if (dup < 0)
                return -1;
        }
        if (dup)
            return 0;
    }
    return list_append(list, o);
}

/* a | b for classes, None, aliases and unions (CPython's _Py_union_type_or). */
Object *
union_type_or(Object *a, Object *b)
{
    if (!is_unionable(a) || !is_unionable(b))
        return newref(NotImplemented);
    Object *list = list_new(0);
    if (!list)
        return NULL;
    if (union_add(list, a) < 0 || union_add(list, b) < 0) {
        decref(list);
        return NULL;
    }
    if (LIST_LEN(list) == 1) {
        Object *r = newref(LIST_GET(list, 0));
        decref(list);
        return r;
    }
    Object *t = tuple_from_array(((ListObject *)list)->items, LIST_LEN(list));
    decref(list);
    if (!t)
        return NULL;
    UnionObject *u = (UnionObject *)obj_alloc(&uniontype_type, 0);
    if (!u) {
        decref(t);
        return NULL;
    }
    u->args = t;
    gc_track((Object *)u);
    return (Object *)u;
}

static void
union_dealloc(Object *o)
{
    gc_untrack(o);
    xdecref(UNION(o)->args);
    obj_free(o);
}

static int
union_traverse(Object *o, visitproc visit, void *arg)
{
    OBJ_VISIT(UNION(o)->args);
    return 0;
}

static Object *
union_repr(Object *o)
{
    Buf b;
    buf_init(&b);
    int rc = 0;
    Object *a = UNION(o)->args;
    for (ssize_t i = 0; i < TUPLE_LEN(a) && rc == 0; i++) {
        Object *p = TUPLE_GET(a, i);
        if (i > 0)
            rc = buf_puts(&b, " | ");
        if (rc == 0)
            rc = p == (Object *)&none_type ? buf_puts(&b, "None") : repr_item(&b, p);
    }
    return buf_to_str(&b, rc);
}

static hash_t
union_hash(Object *o)
{
    Object *fs = frozenset_new(UNION(o)->args);
    if (!fs)
        return -1;
    hash_t h = obj_hash(fs);
    decref(fs);
    return h;
}

static Object *
union_richcompare(Object *a, Object *b, int op)
{
    if (TYPE(b) != &uniontype_type || (op != CMP_EQ && op != CMP_NE))
        return newref(NotImplemented);
    Object *fa = frozenset_new(UNION(a)->args);
    Object *fb = fa ? frozenset_new(UNION(b)->args) : NULL;
    Object *r = fb ? obj_richcompare(fa, fb, op) : NULL;
    xdecref(fa);
    xdecref(fb);
    return r;
}

static Object *
union_getitem(Object *self, Object *key)
{
    return err_format(exc_TypeError, "%R is not a generic class", self);
}

static const MemberDef union_members[] = {
    {"__args__", MEMBER_OBJECT, offsetof(UnionObject, args), MEMBER_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static const GetSetDef union_getset[] = {
    {"__parameters__", ga_get_parameters, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TypeObject uniontype_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "types.UnionType",
    .basicsize = sizeof(UnionObject),
    .flags = TPFLAG_GC,
    .doc = "Represent a PEP 604 union type\n\nE.g. for int | str",
    .dealloc = union_dealloc,
    .traverse = union_traverse,
    .repr = union_repr,
    .hash = union_hash,
    .getattro = obj_generic_getattr,
    .richcompare = union_richcompare,
    .nb_or = union_type_or,
    .mp_subscript = union_getitem,
    .members = union_members,
    .getset = union_getset,
};
