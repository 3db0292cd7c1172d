/*
** object.c -- object allocation and the generic protocols every type goes through:
** repr/str, hashing, truth, rich comparison with reflected operands, attribute access
** with descriptors and instance dicts, calls, subscription, iteration, and the numeric
** operators' dispatch (CPython's object.c + abstract.c).
**
** Invariants: obj_alloc() is the only allocator of object memory and obj_free() the only
** releaser; both keep obj_live_count and the collector's generation-0 count (gc.h) in
** step.  Every public function here follows object.h's error convention.
*/
#include "weakrefobject.h"
#include "object.h"
#include "error.h"
#include "heap.h"
#include "gc.h"
#include "state.h"
#include "intobject.h"
#include "floatobject.h"
#include "strobject.h"
#include "tupleobject.h"
#include "listobject.h"
#include "dictobject.h"
#include "typeobject.h"
#include "methodobject.h"
#include "iterobject.h"
#include "exceptions.h"
#include <string.h>

ssize_t obj_live_count;

/* ================================================================ allocation */

Object *
obj_alloc(TypeObject *t, ssize_t nitems)
{
    size_t body = (size_t)t->basicsize + (size_t)nitems * (size_t)t->itemsize;
    if (t->itemsize)
        body = (body + 7) & ~(size_t)7;     /* _PyObject_VAR_SIZE */
    size_t pre = obj_presize(t);
    char *mem = heap_alloc(pre + body);
    if (!mem)
        return err_no_memory();
    memset(mem, 0, pre + body);
    Object *o = (Object *)(mem + pre);
    o->refcnt = 1;
    o->type = t;
    if (t->itemsize)
        SIZE(o) = nitems;
    if (t->flags & TPFLAG_HEAPTYPE)
        incref(t);
    obj_live_count++;
    if (t->flags & TPFLAG_GC)
        gc_on_alloc();
    return o;
}

Object *
obj_alloc_raw(TypeObject *t, size_t basic_bytes)
{
    size_t pre = obj_presize(t);
    char *mem = heap_alloc(pre + basic_bytes);
    if (!mem)
        return err_no_memory();
    if (pre)
        memset(mem, 0, pre);
    Object *o = (Object *)(mem + pre);
    o->refcnt = 1;
    o->type = t;
    obj_live_count++;
    if (t->flags & TPFLAG_GC)
        gc_on_alloc();
    return o;
}

Object *
type_generic_alloc(TypeObject *t, ssize_t nitems)
{
    return obj_alloc(t, nitems);
}

void
obj_free(void *p)
{
    Object *o = p;
    TypeObject *t = TYPE(o);
#ifdef CFG_DEBUG
    if (weakref_objects && t->weaklistoffset && weakref_list_head(o))
        fatal("obj_free: the deallocator left weak references to the object");
#endif
    obj_live_count--;
    if (t->flags & TPFLAG_GC)
        gc_on_free();
    heap_free((char *)o - obj_presize(t));
}

void
obj_dealloc(Object *o)
{
#ifdef CFG_DEBUG
    if (o->refcnt != 0)
        fatal("obj_dealloc: refcount is not zero");
#endif
    /* Only containers (GC types) can form the deep chains the trashcan flattens; atoms
       (int, float, str, ...) are released directly, which is most deallocations. */
    if (!(TYPE(o)->flags & TPFLAG_GC)) {
        TYPE(o)->dealloc(o);
        return;
    }
    trash_dealloc(o);
}

ssize_t
obj_sizeof(Object *o)
{
    TypeObject *t = TYPE(o);
    ssize_t n = t->basicsize;
    if (t->itemsize) {
        ssize_t items = SIZE(o);
        if (items < 0)
            items = -items;
        n += items * t->itemsize;
    }
    return n;
}

const char *
obj_type_cname(Object *o)
{
    return TYPE(o)->name;
}

Object *
obj_type_name(Object *o)
{
    return type_name_obj(TYPE(o));
}

/* ================================================================ repr / str */

Object *
obj_repr(Object *o)
{
    if (!o)
        return str_from_cstr("<NULL>");
    TypeObject *t = TYPE(o);
    if (!t->repr)
        return object_repr_default(o);
    if (rt_enter_recursion(" while getting the repr of an object") < 0)
        return NULL;
    Object *r = t->repr(o);
    rt_leave_recursion();
    if (r && !STR_CHECK(r)) {
        err_format(exc_TypeError, "__repr__ returned non-string (type %s)",
                   TYPE(r)->name);
        decref(r);
        return NULL;
    }
    return r;
}

Object *
obj_str(Object *o)
{
    if (!o)
        return str_from_cstr("<NULL>");
    if (STR_CHECK_EXACT(o))
        return newref(o);
    TypeObject *t = TYPE(o);
    if (!t->str)
        return obj_repr(o);
    if (rt_enter_recursion(" while getting the str of an object") < 0)
        return NULL;
    Object *r = t->str(o);
    rt_leave_recursion();
    if (r && !STR_CHECK(r)) {
        err_format(exc_TypeError, "__str__ returned non-string (type %s)", TYPE(r)->name);
        decref(r);
        return NULL;
    }
    return r;
}

Object *
obj_ascii(Object *o)
{
    Object *r = obj_repr(o);
    if (!r || STR_IS_ASCII(r))
        return r;
    StrBuilder b;
    sb_init(&b);
    int kind = STR_KIND(r);
    const void *data = STR_DATA(r);
    for (ssize_t i = 0; i < STR_LEN(r); i++) {
        uint32_t ch = STR_READ(kind, data, i);
        char tmp[16];
        if (ch < 0x80) {
            tmp[0] = (char)ch;
            tmp[1] = 0;
        } else if (ch < 0x100) {
            snprintf(tmp, sizeof tmp, "\\x%02x", ch);
        } else if (ch < 0x10000) {
            snprintf(tmp, sizeof tmp, "\\u%04x", ch);
        } else {
            snprintf(tmp, sizeof tmp, "\\U%08x", ch);
        }
        if (sb_puts(&b, tmp) < 0) {
            sb_discard(&b);
            decref(r);
            return NULL;
        }
    }
    decref(r);
    return sb_finish(&b);
}

/* ================================================================ hashing, truth */

hash_t
obj_hash_not_implemented(Object *o)
{
    err_format(exc_TypeError, "unhashable type: '%s'", TYPE(o)->name);
    return -1;
}

hash_t
obj_hash(Object *o)
{
    TypeObject *t = TYPE(o);
    if (t->hash)
        return t->hash(o);
    return obj_hash_not_implemented(o);
}

int
obj_is_true(Object *o)
{
    if (o == True_)
        return 1;
    if (o == False_ || o == None)
        return 0;
    TypeObject *t = TYPE(o);
    if (t->nb_bool)
        return t->nb_bool(o);
    if (t->len) {
        ssize_t n = t->len(o);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

int
obj_not(Object *o)
{
    int r = obj_is_true(o);
    return r < 0 ? r : !r;
}

/* ================================================================ comparison */

static const int swapped_op[] = {CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE};
static const char *const cmp_symbol[] = {"<", "<=", "==", "!=", ">", ">="};

static Object *
do_richcompare(Object *v, Object *w, int op)
{
    Object *res;
    int checked_reverse = 0;
    TypeObject *tv = TYPE(v), *tw = TYPE(w);
    if (tv != tw && tw->richcompare && type_is_subtype(tw, tv)) {
        checked_reverse = 1;
        res = tw->richcompare(w, v, swapped_op[op]);
        if (res != NotImplemented)
            return res;
        decref(res);
    }
    if (tv->richcompare) {
        res = tv->richcompare(v, w, op);
        if (res != NotImplemented)
            return res;
        decref(res);
    }
    if (!checked_reverse && tw->richcompare) {
        res = tw->richcompare(w, v, swapped_op[op]);
        if (res != NotImplemented)
            return res;
        decref(res);
    }
    switch (op) {
    case CMP_EQ:
        return bool_from(v == w);
    case CMP_NE:
        return bool_from(v != w);
    default:
        return err_format(exc_TypeError,
                          "'%s' not supported between instances of '%s' and '%s'",
                          cmp_symbol[op], tv->name, tw->name);
    }
}

Object *
obj_richcompare(Object *v, Object *w, int op)
{
    if (rt_enter_recursion(" in comparison") < 0)
        return NULL;
    Object *r = do_richcompare(v, w, op);
    rt_leave_recursion();
    return r;
}

int
obj_richcompare_bool(Object *v, Object *w, int op)
{
    if (v == w) {
        if (op == CMP_EQ)
            return 1;
        if (op == CMP_NE)
            return 0;
    }
    Object *r = obj_richcompare(v, w, op);
    if (!r)
        return -1;
    int ok = (r == True_) ? 1 : (r == False_) ? 0 : obj_is_true(r);
    decref(r);
    return ok;
}

/* ================================================================ attributes */

/* A failed lookup of o.name: record name and obj on the pending AttributeError unless it
** has them already (CPython 3.11's set_attribute_error_context), for the "Did you mean"
** suggestion printed with an uncaught AttributeError. */
static void
attribute_error_context(Object *o, Object *name)
{
    if (!err_matches(exc_AttributeError))
        return;
    Object *exc = err_normalize();        /* CPython 3.11 makes the exception here */
    if (!exc || !obj_type_check(exc, exc_AttributeError))
        return;
    AttributeErrorObject *e = (AttributeErrorObject *)exc;
    if (e->name || e->obj)
        return;
    e->name = newref(name);
    e->obj = newref(o);
}

Object *
obj_getattr(Object *o, Object *name)
{
    if (!STR_CHECK(name))
        return err_format(exc_TypeError, "attribute name must be string, not '%s'",
                          TYPE(name)->name);
    TypeObject *t = TYPE(o);
    Object *r;
    if (t->getattro)
        r = t->getattro(o, name);
    else
        r = err_format(exc_AttributeError, "'%s' object has no attribute '%U'", t->name,
                       name);
    if (!r)
        attribute_error_context(o, name);
    return r;
}

Object *
obj_getattr_str(Object *o, const char *name)
{
    Object *n = str_intern_cstr(name);
    if (!n)
        return NULL;
    Object *r = obj_getattr(o, n);
    decref(n);
    return r;
}

static Object *generic_getattr(Object *o, Object *name, int suppress);

/* getattr(o, name, default), hasattr: as CPython's _PyObject_LookupAttr, the generic
** lookup reports a missing attribute without making an AttributeError at all. */
Object *
obj_lookup_attr(Object *o, Object *name)
{
    Object *r = TYPE(o)->getattro == obj_generic_getattr && STR_CHECK_EXACT(name)
                    ? generic_getattr(o, name, 1)
                    : obj_getattr(o, name);
    if (!r && err_matches(exc_AttributeError))
        err_clear();
    return r;
}

/* dir(o): type(o).__dir__(o) as a sorted list (CPython's PyObject_Dir with an object). */
Object *
obj_dir(Object *o)
{
    Object *r = type_call_special(o, ID(__dir__), NULL, 0);
    if (!r)
        return NULL;
    Object *l = list_from_iterable(r);
    decref(r);
    if (l && list_sort(l, NULL, 0) < 0)
        CLEAR(l);
    return l;
}

int
obj_hasattr(Object *o, Object *name)
{
    Object *r = obj_lookup_attr(o, name);
    if (r) {
        decref(r);
        return 1;
    }
    return err_occurred() ? -1 : 0;
}

int
obj_setattr(Object *o, Object *name, Object *v)
{
    if (!STR_CHECK(name)) {
        err_format(exc_TypeError, "attribute name must be string, not '%s'",
                   TYPE(name)->name);
        return -1;
    }
    TypeObject *t = TYPE(o);
    if (t->setattro) {
        incref(name);
        int r = t->setattro(o, name, v);
        decref(name);
        return r;
    }
    if (type_lookup(t, name) || !t->getattro)
        err_format(exc_AttributeError, "'%s' object has no attribute '%U'", t->name, name);
    else
        err_format(exc_AttributeError, "'%s' object attribute '%U' is read-only", t->name,
                   name);
    return -1;
}

int
obj_setattr_str(Object *o, const char *name, Object *v)
{
    Object *n = str_intern_cstr(name);
    if (!n)
        return -1;
    int r = obj_setattr(o, n, v);
    decref(n);
    return r;
}

Object **
obj_dictoffset_ptr(Object *o)
{
    TypeObject *t = TYPE(o);
    ssize_t off = t->dictoffset;
    if (off == 0)
        return NULL;
    if (off < 0) {
        /* CPython's _PyObject_DictPointer: from the end of the items (an int has at
        ** least one digit allocated, its size is 0 for zero) */
        ssize_t n = SIZE(o) < 0 ? -SIZE(o) : SIZE(o);
        if (n == 0 && (t->flags & TPFLAG_INT_SUBCLASS))
            n = 1;
        off += (ssize_t)(((size_t)t->basicsize + (size_t)n * (size_t)t->itemsize + 7) & ~(size_t)7);
    }
    return (Object **)((char *)o + off);
}

static Object *
obj_instance_lookup(Object *o, Object *name)
{
    TypeObject *t = TYPE(o);
    if (t->flags & TPFLAG_MANAGED_DICT)
        return inst_getattr(o, name);
    Object **dp = obj_dictoffset_ptr(o);
    if (dp && *dp)
        return dict_getitem(*dp, name);
    return NULL;
}

Object *
obj_generic_getattr(Object *o, Object *name)
{
    return generic_getattr(o, name, 0);
}

static Object *
generic_getattr(Object *o, Object *name, int suppress)
{
    TypeObject *t = TYPE(o);
    Object *descr = type_lookup(t, name);
    descrgetfunc f = NULL;
    if (descr) {
        incref(descr);
        f = TYPE(descr)->descr_get;
        if (f && TYPE(descr)->descr_set) {
            Object *r = f(descr, o, (Object *)t);
            decref(descr);
            return r;
        }
    }
    Object *r = obj_instance_lookup(o, name);
    if (r) {
        xdecref(descr);
        return newref(r);
    }
    if (f) {
        r = f(descr, o, (Object *)t);
        decref(descr);
        return r;
    }
    if (descr)
        return descr;
    if (suppress)
        return NULL;
    return err_format(exc_AttributeError, "'%s' object has no attribute '%U'", t->name,
                      name);
}

int
obj_generic_setattr(Object *o, Object *name, Object *v)
{
    TypeObject *t = TYPE(o);
    Object *descr = type_lookup(t, name);
    if (descr) {
        descrsetfunc f = TYPE(descr)->descr_set;
        if (f) {
            incref(descr);
            int r = f(descr, o, v);
            decref(descr);
            return r;
        }
    }
    if (t->flags & TPFLAG_MANAGED_DICT) {
        int r = inst_setattr(o, name, v);
        if (r < 0 && !err_occurred())
            err_format(exc_AttributeError, "'%s' object has no attribute '%U'", t->name,
                       name);
        return r;
    }
    Object **dp = obj_dictoffset_ptr(o);
    if (dp) {
        if (!*dp) {
            if (!v)
                goto missing;
            *dp = dict_new();
            if (!*dp)
                return -1;
        }
        if (v)
            return dict_setitem(*dp, name, v);
        int r = dict_delitem_if_present(*dp, name);
        if (r < 0)
            return -1;
        if (r == 0)
            goto missing;
        return 0;
    }
    if (descr) {
        err_format(exc_AttributeError, "'%s' object attribute '%U' is read-only", t->name,
                   name);
        return -1;
    }
missing:
    err_format(exc_AttributeError, "'%s' object has no attribute '%U'", t->name, name);
    return -1;
}

int
obj_get_method(Object *o, Object *name, Object **meth)
{
    TypeObject *t = TYPE(o);
    *meth = NULL;
    if (t->getattro != obj_generic_getattr || !STR_CHECK(name)) {
        *meth = obj_getattr(o, name);
        return *meth ? 0 : -1;
    }
    Object *descr = type_lookup(t, name);
    descrgetfunc f = NULL;
    int meth_found = 0;
    if (descr) {
        incref(descr);
        if (TYPE(descr)->flags & TPFLAG_METHOD_DESCRIPTOR) {
            meth_found = 1;
        } else {
            f = TYPE(descr)->descr_get;
            if (f && TYPE(descr)->descr_set) {
                *meth = f(descr, o, (Object *)t);
                decref(descr);
                return *meth ? 0 : -1;
            }
        }
    }
    Object *attr = obj_instance_lookup(o, name);
    if (attr) {
        xdecref(descr);
        *meth = newref(attr);
        return 0;
    }
    if (meth_found) {
        *meth = descr;
        return 1;
    }
    if (f) {
        *meth = f(descr, o, (Object *)t);
        decref(descr);
        return *meth ? 0 : -1;
    }
    if (descr) {
        *meth = descr;
        return 0;
    }
    err_format(exc_AttributeError, "'%s' object has no attribute '%U'", t->name, name);
    attribute_error_context(o, name);
    return -1;
}

/* ================================================================ calls */

/* Call a type's 'call' slot with a tuple and a dict built from vectorcall arguments. */
static Object *
call_via_slot(Object *callable, Object *const *args, size_t nargs, Object *kwnames)
{
    ternaryfunc call = TYPE(callable)->call;
    if (!call)
        return err_format(exc_TypeError, "'%s' object is not callable",
                          TYPE(callable)->name);
    Object *targs = tuple_from_array(args, (ssize_t)nargs);
    if (!targs)
        return NULL;
    Object *kw = NULL;
    if (kwnames && TUPLE_LEN(kwnames)) {
        kw = dict_new();
        if (!kw) {
            decref(targs);
            return NULL;
        }
        for (ssize_t i = 0; i < TUPLE_LEN(kwnames); i++) {
            if (dict_setitem(kw, TUPLE_GET(kwnames, i), args[nargs + (size_t)i]) < 0) {
                decref(targs);
                decref(kw);
                return NULL;
            }
        }
    }
    Object *r = call(callable, targs, kw);
    decref(targs);
    xdecref(kw);
    return r;
}

Object *
obj_vectorcall(Object *callable, Object *const *args, size_t nargs, Object *kwnames)
{
    vectorcallfunc vc = TYPE(callable)->vectorcall;
    if (vc)
        return vc(callable, args, nargs, kwnames);
    return call_via_slot(callable, args, nargs, kwnames);
}

/* The tuple and dict unpacked onto a stack for the type's vectorcall. */
Object *
obj_call_vectorcall(Object *callable, Object *args, Object *kwargs)
{
    TypeObject *t = TYPE(callable);
    ssize_t na = args ? TUPLE_LEN(args) : 0;
    ssize_t nk = kwargs ? DICT_LEN(kwargs) : 0;
    ArgPrepacked saved = arg_prepacked;
    if (nk == 0) {
        Object *const *items = args ? TUPLE_ITEMS(args) : NULL;
        arg_prepacked = (ArgPrepacked){items, (size_t)na, NULL, args, NULL};
        Object *r = t->vectorcall(callable, items, (size_t)na, NULL);
        arg_prepacked = saved;
        return r;
    }
    Object *small[16];
    Object **stack = small;
    if (na + nk > 16) {
        stack = heap_alloc(sizeof(Object *) * (size_t)(na + nk));
        if (!stack)
            return err_no_memory();
    }
    Object *kwnames = tuple_new(nk);
    if (!kwnames) {
        if (stack != small)
            heap_free(stack);
        return NULL;
    }
    /* as CPython's _PyStack_UnpackDict, the unpacked stack owns a reference to every
    ** argument while the call runs (visible in sys.getrefcount) */
    for (ssize_t i = 0; i < na; i++)
        stack[i] = newref(TUPLE_GET(args, i));
    ssize_t pos = 0, i = 0;
    Object *k, *v;
    while (i < nk && dict_next(kwargs, &pos, &k, &v)) {
        TUPLE_SET(kwnames, i, newref(k));
        stack[na + i] = newref(v);
        i++;
    }
    arg_prepacked = (ArgPrepacked){stack, (size_t)na, kwnames, args, kwargs};
    Object *r = t->vectorcall(callable, stack, (size_t)(na), kwnames);
    arg_prepacked = saved;
    for (ssize_t j = 0; j < na + i; j++)
        decref(stack[j]);
    decref(kwnames);
    if (stack != small)
        heap_free(stack);
    return r;
}

Object *
obj_call(Object *callable, Object *args, Object *kwargs)
{
    TypeObject *t = TYPE(callable);
    if ((t->vectorcall && !(t->flags & TPFLAG_TP_CALL)) || !t->call) {
        if (!t->vectorcall)
            return err_format(exc_TypeError, "'%s' object is not callable", t->name);
        return obj_call_vectorcall(callable, args, kwargs);
    }
    Object *empty = NULL;
    if (!args) {
        empty = tuple_empty();
        args = empty;
    }
    Object *r = t->call(callable, args, kwargs && DICT_LEN(kwargs) ? kwargs : NULL);
    xdecref(empty);
    return r;
}

Object *
obj_call_noargs(Object *callable)
{
    return obj_vectorcall(callable, NULL, 0, NULL);
}

Object *
obj_call_one(Object *callable, Object *arg)
{
    return obj_vectorcall(callable, &arg, 1, NULL);
}

Object *
obj_call_method(Object *o, const char *name, Object *const *args, size_t nargs)
{
    Object *m = obj_getattr_str(o, name);
    if (!m)
        return NULL;
    Object *r = obj_vectorcall(m, args, nargs, NULL);
    decref(m);
    return r;
}

Object *
obj_call_special(Object *o, Object *name, Object *const *args, size_t nargs)
{
    return type_call_special(o, name, args, nargs);
}

/* ================================================================ items */

Object *
obj_getitem(Object *o, Object *key)
{
    TypeObject *t = TYPE(o);
    if (t->mp_subscript)
        return t->mp_subscript(o, key);
    if (t->sq_item) {
        if (index_check(key)) {
            ssize_t i = num_as_ssize(key, exc_IndexError);
            if (i == -1 && err_occurred())
                return NULL;
            if (i < 0 && t->len) {
                ssize_t n = t->len(o);
                if (n < 0)
                    return NULL;
                i += n;
            }
            return t->sq_item(o, i);
        }
        return err_format(exc_TypeError, "sequence index must be integer, not '%s'",
                          TYPE(key)->name);
    }
    if (TYPE_CHECK(o)) {
        Object *m = type_lookup((TypeObject *)o, ID(__class_getitem__));
        if (m) {
            Object *f = TYPE(m)->descr_get ? TYPE(m)->descr_get(m, NULL, o) : newref(m);
            if (!f)
                return NULL;
            Object *r = obj_call_one(f, key);
            decref(f);
            return r;
        }
        return err_format(exc_TypeError, "type '%s' is not subscriptable",
                          ((TypeObject *)o)->name);
    }
    return err_format(exc_TypeError, "'%s' object is not subscriptable", t->name);
}

int
obj_setitem(Object *o, Object *key, Object *v)
{
    TypeObject *t = TYPE(o);
    if (t->mp_ass_subscript)
        return t->mp_ass_subscript(o, key, v);
    err_format(exc_TypeError, "'%s' object does not support item assignment", t->name);
    return -1;
}

/* PyObject_DelItem: a type with sequence methods (CPython's tp_as_sequence: every class,
** and the built-ins with an item, contains, concat or repeat slot) given an index
** refuses in PySequence_DelItem's words, any other in PyObject_DelItem's. */
int
obj_delitem(Object *o, Object *key)
{
    TypeObject *t = TYPE(o);
    if (t->mp_ass_subscript)
        return t->mp_ass_subscript(o, key, NULL);
    int seq = (t->flags & TPFLAG_HEAPTYPE) || t->sq_item || t->sq_contains || t->sq_concat ||
              t->sq_repeat;
    if (seq && index_check(key)) {
        if (num_as_ssize(key, exc_IndexError) == -1 && err_occurred())
            return -1;
        err_format(exc_TypeError, "'%s' object doesn't support item deletion", t->name);
        return -1;
    }
    err_format(exc_TypeError, "'%s' object does not support item deletion", t->name);
    return -1;
}

ssize_t
obj_length(Object *o)
{
    TypeObject *t = TYPE(o);
    if (t->len)
        return t->len(o);
    err_format(exc_TypeError, "object of type '%s' has no len()", t->name);
    return -1;
}

int
obj_contains(Object *container, Object *item)
{
    TypeObject *t = TYPE(container);
    if (t->sq_contains)
        return t->sq_contains(container, item);
    if (!t->iter && !t->mp_subscript && !t->sq_item) {
        err_format(exc_TypeError, "argument of type '%s' is not iterable", t->name);
        return -1;
    }
    Object *it = obj_get_iter(container);
    if (!it)
        return -1;
    int found = 0;
    for (;;) {
        Object *x = obj_iter_next(it);
        if (!x) {
            if (err_occurred())
                found = -1;
            break;
        }
        int eq = obj_richcompare_bool(x, item, CMP_EQ);
        decref(x);
        if (eq != 0) {
            found = eq;
            break;
        }
    }
    decref(it);
    return found;
}

/* ================================================================ iteration */

int
obj_is_iterator(Object *o)
{
    return TYPE(o)->iternext != NULL;
}

Object *
obj_get_iter(Object *o)
{
    TypeObject *t = TYPE(o);
    if (t->iter) {
        Object *r = t->iter(o);
        if (r && !TYPE(r)->iternext) {
            err_format(exc_TypeError, "iter() returned non-iterator of type '%s'",
                       TYPE(r)->name);
            decref(r);
            return NULL;
        }
        return r;
    }
    if (t->mp_subscript || t->sq_item) {
        if (!TYPE_CHECK(o) && !DICT_CHECK(o))
            return seqiter_new(o);
    }
    return err_format(exc_TypeError, "'%s' object is not iterable", t->name);
}

Object *
obj_iter_next(Object *it)
{
    Object *r = TYPE(it)->iternext(it);
    if (!r && err_occurred() && err_matches(exc_StopIteration))
        err_clear();
    return r;
}

/* ================================================================ format */

Object *
obj_format(Object *o, Object *spec)
{
    if (spec && STR_LEN(spec) == 0) {
        if (STR_CHECK_EXACT(o))
            return newref(o);
        if (INT_CHECK_EXACT(o))
            return obj_str(o);
    }
    Object *empty = NULL;
    if (!spec) {
        empty = str_empty();
        spec = empty;
    }
    Object *r = type_call_special(o, ID(__format__), &spec, 1);
    xdecref(empty);
    if (!r) {
        if (err_matches(exc_AttributeError) && !type_lookup(TYPE(o), ID(__format__))) {
            err_clear();
            err_format(exc_TypeError, "Type %s doesn't define __format__", TYPE(o)->name);
        }
        return NULL;
    }
    if (!STR_CHECK(r)) {
        err_format(exc_TypeError, "__format__ must return a str, not %s", TYPE(r)->name);
        decref(r);
        return NULL;
    }
    return r;
}

/* ================================================================ numbers */

const char *const nb_op_symbol[NB_OP_COUNT] = {
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
    "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
};

/* Slot offsets (in TypeObject) of the binary operators, by NB_* (non-inplace part). */
#define NBSLOT(f) offsetof(TypeObject, f)
static const size_t nb_slot_offset[13] = {
    NBSLOT(nb_add), NBSLOT(nb_and), NBSLOT(nb_floor_divide), NBSLOT(nb_lshift),
    NBSLOT(nb_matrix_multiply), NBSLOT(nb_multiply), NBSLOT(nb_remainder), NBSLOT(nb_or),
    NBSLOT(nb_power), NBSLOT(nb_rshift), NBSLOT(nb_subtract), NBSLOT(nb_true_divide),
    NBSLOT(nb_xor),
};
static const size_t nb_islot_offset[13] = {
    NBSLOT(nb_inplace_add), NBSLOT(nb_inplace_and), NBSLOT(nb_inplace_floor_divide),
    NBSLOT(nb_inplace_lshift), NBSLOT(nb_inplace_matrix_multiply),
    NBSLOT(nb_inplace_multiply), NBSLOT(nb_inplace_remainder), NBSLOT(nb_inplace_or),
    NBSLOT(nb_inplace_power), NBSLOT(nb_inplace_rshift), NBSLOT(nb_inplace_subtract),
    NBSLOT(nb_inplace_true_divide), NBSLOT(nb_inplace_xor),
};
#define SLOT_AT(t, off) (*(binaryfunc *)((char *)(t) + (off)))

static Object *
binary_op1(Object *v, Object *w, size_t off)
{
    TypeObject *tv = TYPE(v), *tw = TYPE(w);
    binaryfunc slotv = SLOT_AT(tv, off);
    binaryfunc slotw = NULL;
    if (tw != tv) {
        slotw = SLOT_AT(tw, off);
        if (slotw == slotv)
            slotw = NULL;
    }
    Object *x;
    if (slotv) {
        if (slotw && type_is_subtype(tw, tv)) {
            x = slotw(v, w);
            if (x != NotImplemented)
                return x;
            decref(x);
            slotw = NULL;
        }
        x = slotv(v, w);
        if (x != NotImplemented)
            return x;
        decref(x);
    }
    if (slotw) {
        x = slotw(v, w);
        if (x != NotImplemented)
            return x;
        decref(x);
    }
    return newref(NotImplemented);
}

static Object *
ternary_op(Object *v, Object *w, Object *z, const char *opname)
{
    TypeObject *tv = TYPE(v), *tw = TYPE(w);
    ternaryfunc slotv = tv->nb_power, slotw = NULL;
    if (tw != tv) {
        slotw = tw->nb_power;
        if (slotw == slotv)
            slotw = NULL;
    }
    Object *x;
    if (slotv) {
        if (slotw && type_is_subtype(tw, tv)) {
            x = slotw(v, w, z);
            if (x != NotImplemented)
                return x;
            decref(x);
            slotw = NULL;
        }
        x = slotv(v, w, z);
        if (x != NotImplemented)
            return x;
        decref(x);
    }
    if (slotw) {
        x = slotw(v, w, z);
        if (x != NotImplemented)
            return x;
        decref(x);
    }
    if (z != None) {
        ternaryfunc slotz = TYPE(z)->nb_power;
        if (slotz && slotz != slotv && slotz != slotw) {
            x = slotz(v, w, z);
            if (x != NotImplemented)
                return x;
            decref(x);
        }
        return err_format(exc_TypeError,
                          "unsupported operand type(s) for %s: '%s', '%s', '%s'", opname,
                          tv->name, tw->name, TYPE(z)->name);
    }
    return err_format(exc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
                      opname, tv->name, tw->name);
}

static Object *
binop_type_error(Object *v, Object *w, const char *op)
{
    return err_format(exc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", op,
                      TYPE(v)->name, TYPE(w)->name);
}

static Object *
sequence_repeat(ssizeargfunc repeat, Object *seq, Object *n)
{
    if (!index_check(n))
        return err_format(exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                          TYPE(n)->name);
    ssize_t count = num_as_ssize(n, exc_OverflowError);
    if (count == -1 && err_occurred())
        return NULL;
    return repeat(seq, count);
}

Object *
num_binary_op(Object *v, Object *w, int op)
{
    int inplace = op >= NB_INPLACE_ADD;
    int base = inplace ? op - NB_INPLACE_ADD : op;
    Object *r;
    if (base == NB_POWER) {
        if (inplace && TYPE(v)->nb_inplace_power) {
            r = TYPE(v)->nb_inplace_power(v, w, None);
            if (r != NotImplemented)
                return r;
            decref(r);
        }
        return ternary_op(v, w, None, inplace ? "**=" : "** or pow()");
    }
    if (inplace) {
        binaryfunc islot = SLOT_AT(TYPE(v), nb_islot_offset[base]);
        if (islot) {
            r = islot(v, w);
            if (r != NotImplemented)
                return r;
            decref(r);
        }
    }
    r = binary_op1(v, w, nb_slot_offset[base]);
    if (r != NotImplemented)
        return r;
    decref(r);
    if (base == NB_ADD) {
        TypeObject *tv = TYPE(v);
        if (inplace && tv->sq_inplace_concat)
            return tv->sq_inplace_concat(v, w);
        if (tv->sq_concat)
            return tv->sq_concat(v, w);
    } else if (base == NB_MULTIPLY) {
        TypeObject *tv = TYPE(v), *tw = TYPE(w);
        if (inplace && tv->sq_inplace_repeat)
            return sequence_repeat(tv->sq_inplace_repeat, v, w);
        if (tv->sq_repeat)
            return sequence_repeat(tv->sq_repeat, v, w);
        if (tw->sq_repeat)
            return sequence_repeat(tw->sq_repeat, w, v);
    }
    return binop_type_error(v, w, nb_op_symbol[op]);
}

Object *
num_add(Object *a, Object *b)
{
    return num_binary_op(a, b, NB_ADD);
}

Object *
num_subtract(Object *a, Object *b)
{
    return num_binary_op(a, b, NB_SUBTRACT);
}

Object *
num_multiply(Object *a, Object *b)
{
    return num_binary_op(a, b, NB_MULTIPLY);
}

Object *
num_power(Object *a, Object *b, Object *mod)
{
    return ternary_op(a, b, mod ? mod : None, "** or pow()");
}

Object *
num_divmod(Object *a, Object *b)
{
    Object *r = binary_op1(a, b, NBSLOT(nb_divmod));
    if (r != NotImplemented)
        return r;
    decref(r);
    return binop_type_error(a, b, "divmod()");
}

#define UNARY(fname, slot, sym)                                                          \
    Object *fname(Object *a)                                                             \
    {                                                                                    \
        unaryfunc f = TYPE(a)->slot;                                                     \
        if (f)                                                                           \
            return f(a);                                                                 \
        return err_format(exc_TypeError, "bad operand type for " sym ": '%s'",           \
                          TYPE(a)->name);                                                \
    }
UNARY(num_negative, nb_negative, "unary -")
UNARY(num_positive, nb_positive, "unary +")
UNARY(num_invert, nb_invert, "unary ~")
UNARY(num_absolute, nb_absolute, "abs()")

int
index_check(Object *o)
{
    return TYPE(o)->nb_index != NULL;
}

int
num_check(Object *o)
{
    TypeObject *t = TYPE(o);
    return t->nb_index || t->nb_int || t->nb_float;
}

Object *
num_index(Object *o)
{
    if (INT_CHECK_EXACT(o))
        return newref(o);
    unaryfunc f = TYPE(o)->nb_index;
    if (!f)
        return err_format(exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          TYPE(o)->name);
    Object *r = f(o);
    if (!r || INT_CHECK_EXACT(r))
        return r;
    if (!INT_CHECK(r)) {
        err_format(exc_TypeError, "__index__ returned non-int (type %s)", TYPE(r)->name);
        decref(r);
        return NULL;
    }
    return r;
}

ssize_t
num_as_ssize(Object *o, TypeObject *overflow_exc)
{
    if (INT_CHECK_EXACT(o) && int_is_compact(o))
        return int_compact_value(o);
    Object *v = num_index(o);
    if (!v)
        return -1;
    int overflow = 0;
    long r = int_as_long_and_overflow(v, &overflow);
    if (overflow) {
        if (overflow_exc) {
            err_format(overflow_exc, "cannot fit '%s' into an index-sized integer",
                       TYPE(o)->name);
            decref(v);
            return -1;
        }
        r = int_sign(v) < 0 ? LONG_MIN : LONG_MAX;
    } else if (r == -1 && err_occurred()) {
        decref(v);
        return -1;
    }
    decref(v);
    return r;
}

Object *
num_long(Object *o)
{
    if (INT_CHECK_EXACT(o))
        return newref(o);
    return obj_call_one((Object *)&int_type, o);
}

Object *
num_float(Object *o)
{
    if (FLOAT_CHECK_EXACT(o))
        return newref(o);
    return obj_call_one((Object *)&float_type, o);
}
