/*
** weakrefobject.c -- weak references as CPython 3.11's weakrefobject.c makes them:
** weakref.ref (subclassable, reused when it has no callback), weakref.proxy and its
** callable variant, the order of an object's list (the basic ref, then the basic proxy,
** then the others newest first), and PyObject_ClearWeakRefs (callbacks of a dying object
** called after every reference to it is dead, newest first).  The _weakref module.
**
** The lists' heads live in a side table keyed by the referent's address (weakrefobject.h);
** it is malloc'ed, outside pyheap's heap, so it does not disturb the heap's layout.
*/
#include "weakrefobject.h"
#include "error.h"
#include "exceptions.h"
#include "gc.h"
#include "intobject.h"
#include "strobject.h"
#include "tupleobject.h"
#include "listobject.h"
#include "dictobject.h"
#include "typeobject.h"
#include "methodobject.h"
#include "moduleobject.h"
#include "genericalias.h"
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

/* ================================================================ the side table */

typedef struct WrSlot {
    Object *key;                /* NULL: empty; WT_TOMB: deleted */
    WeakRef *head;
} WrSlot;

#define WT_TOMB ((Object *)1)

static WrSlot *wt;
static size_t wt_cap, wt_fill;  /* fill: entries plus tombstones */
size_t weakref_objects;
uint64_t weakref_filter[WEAKREF_FILTER_BITS / 64];

static size_t
wt_hash(Object *o)
{
    uint64_t x = (uint64_t)(uintptr_t)o >> 4;
    x *= 0x9E3779B97F4A7C15ull;
    return (size_t)(x ^ (x >> 29));
}

static WrSlot *
wt_lookup(Object *o)
{
    if (!weakref_objects)
        return NULL;
    size_t b = weakref_filter_bit(o);
    if (!(weakref_filter[b >> 6] & (1ull << (b & 63))))
        return NULL;
    size_t mask = wt_cap - 1;
    for (size_t i = wt_hash(o) & mask;; i = (i + 1) & mask) {
        if (wt[i].key == o)
            return &wt[i];
        if (!wt[i].key)
            return NULL;
    }
}

static int
wt_resize(size_t cap)
{
    WrSlot *old = wt;
    size_t oldcap = wt_cap;
    WrSlot *nt = calloc(cap, sizeof *nt);
    if (!nt) {
        err_no_memory();
        return -1;
    }
    wt = nt;
    wt_cap = cap;
    wt_fill = 0;
    for (size_t j = 0; j < oldcap; j++) {
        Object *k = old[j].key;
        if (!k || k == WT_TOMB)
            continue;
        size_t i = wt_hash(k) & (cap - 1);
        while (nt[i].key)
            i = (i + 1) & (cap - 1);
        nt[i] = old[j];
        wt_fill++;
    }
    free(old);
    return 0;
}

/* The slot of o, made (with an empty list) if missing.  NULL + MemoryError. */
static WrSlot *
wt_insert(Object *o)
{
    WrSlot *s = wt_lookup(o);
    if (s)
        return s;
    if ((wt_fill + 1) * 4 > wt_cap * 3) {
        size_t cap = 64;
        while (cap < (weakref_objects + 1) * 4)
            cap <<= 1;
        if (wt_resize(cap) < 0)
            return NULL;
    }
    size_t mask = wt_cap - 1;
    WrSlot *tomb = NULL;
    for (size_t i = wt_hash(o) & mask;; i = (i + 1) & mask) {
        if (wt[i].key == WT_TOMB) {
            if (!tomb)
                tomb = &wt[i];
        } else if (!wt[i].key) {
            s = tomb ? tomb : &wt[i];
            if (!tomb)
                wt_fill++;
            break;
        }
    }
    s->key = o;
    s->head = NULL;
    weakref_objects++;
    size_t b = weakref_filter_bit(o);
    weakref_filter[b >> 6] |= 1ull << (b & 63);
    return s;
}

static void
wt_remove(WrSlot *s)
{
    s->key = WT_TOMB;
    s->head = NULL;
    if (--weakref_objects == 0) {
        if (wt_cap > 1024) {
            free(wt);
            wt = NULL;
            wt_cap = 0;
        } else {
            memset(wt, 0, wt_cap * sizeof *wt);
        }
        wt_fill = 0;
        memset(weakref_filter, 0, sizeof weakref_filter);
    }
}

WeakRef *
weakref_list_head(Object *o)
{
    WrSlot *s = wt_lookup(o);
    return s ? s->head : NULL;
}

/* ================================================================ the lists */

static void
get_basic_refs(WeakRef *head, WeakRef **refp, WeakRef **proxyp)
{
    *refp = *proxyp = NULL;
    if (head && !head->wr_callback) {
        if (TYPE(head) == &weakref_type) {
            *refp = head;
            head = head->wr_next;
        }
        if (head && !head->wr_callback && WEAKPROXY_CHECK(head))
            *proxyp = head;
    }
}

static void
insert_after(WeakRef *n, WeakRef *prev)
{
    n->wr_prev = prev;
    n->wr_next = prev->wr_next;
    if (prev->wr_next)
        prev->wr_next->wr_prev = n;
    prev->wr_next = n;
}

static void
insert_head(WeakRef *n, WrSlot *s)
{
    WeakRef *next = s->head;
    n->wr_prev = NULL;
    n->wr_next = next;
    if (next)
        next->wr_prev = n;
    s->head = n;
}

/* Take wr out of its referent's list; it is dead afterwards. */
static void
unlink_ref(WeakRef *self)
{
    if (self->wr_object == None)
        return;
    WrSlot *s = wt_lookup(self->wr_object);
    if (s && s->head == self)
        s->head = self->wr_next;
    if (self->wr_prev)
        self->wr_prev->wr_next = self->wr_next;
    if (self->wr_next)
        self->wr_next->wr_prev = self->wr_prev;
    self->wr_prev = self->wr_next = NULL;
    self->wr_object = None;
    if (s && !s->head)
        wt_remove(s);
}

/* clear_weakref: dead, and the callback dropped */
static void
clear_weakref(WeakRef *self)
{
    unlink_ref(self);
    CLEAR(self->wr_callback);
}

void
weakref_clear_ref(WeakRef *wr)
{
    unlink_ref(wr);
}

static void
handle_callback(WeakRef *ref, Object *callback)
{
    Object *r = obj_call_one(callback, (Object *)ref);
    if (!r)
        err_write_unraisable(callback);
    else
        decref(r);
}

void
weakref_clear_all(Object *o)
{
    WrSlot *s = wt_lookup(o);
    if (!s || !s->head)
        return;
    ErrState exc;
    err_save(&exc);
    /* the basic ref and proxy have no callbacks: cleared first */
    WeakRef *head = s->head;
    if (!head->wr_callback) {
        clear_weakref(head);
        s = wt_lookup(o);
        if (s && !s->head->wr_callback)
            clear_weakref(s->head);
    }
    s = wt_lookup(o);
    ssize_t count = 0;
    for (WeakRef *w = s ? s->head : NULL; w; w = w->wr_next)
        count++;
    if (count == 1) {
        WeakRef *cur = s->head;
        Object *cb = cur->wr_callback;
        cur->wr_callback = NULL;
        clear_weakref(cur);
        if (cb) {
            if (((Object *)cur)->refcnt > 0)
                handle_callback(cur, cb);
            decref(cb);
        }
    } else if (count > 1) {
        /* CPython holds the (ref, callback) pairs in a tuple while it calls them */
        Object *tuple = tuple_new(count * 2);
        if (!tuple) {
            err_clear();
            while ((s = wt_lookup(o)) != NULL)
                clear_weakref(s->head);
            err_restore_saved(&exc);
            return;
        }
        WeakRef *cur = s->head;
        for (ssize_t i = 0; i < count; i++) {
            WeakRef *next = cur->wr_next;
            Object *cb = cur->wr_callback;
            cur->wr_callback = NULL;
            if (((Object *)cur)->refcnt > 0 && cb) {
                TUPLE_SET(tuple, i * 2, newref(cur));
                TUPLE_SET(tuple, i * 2 + 1, cb);
            } else {
                xdecref(cb);
            }
            unlink_ref(cur);
            cur = next;
        }
        for (ssize_t i = 0; i < count; i++) {
            Object *cb = TUPLE_GET(tuple, i * 2 + 1);
            if (cb)
                handle_callback((WeakRef *)TUPLE_GET(tuple, i * 2), cb);
        }
        decref(tuple);
    }
    err_restore_saved(&exc);
}

/* ================================================================ creation */

static int
check_weakrefable(Object *o)
{
    if (!TYPE(o)->weaklistoffset) {
        err_format(exc_TypeError, "cannot create weak reference to '%s' object",
                   TYPE(o)->name);
        return -1;
    }
    return 0;
}

static Object *weakref_vectorcall(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames);

static void
init_weakref(WeakRef *self, Object *ob, Object *callback)
{
    self->hash = -1;
    self->wr_object = ob;
    self->wr_prev = self->wr_next = NULL;
    self->wr_callback = xnewref(callback);
    self->vectorcall = weakref_vectorcall;
}

/* weakref___new__ for type t (weakref_type or a subclass). */
static Object *
make_ref(TypeObject *t, Object *ob, Object *callback)
{
    if (check_weakrefable(ob) < 0)
        return NULL;
    if (callback == None)
        callback = NULL;
    WeakRef *ref, *proxy;
    int basic = !callback && t == &weakref_type;
    get_basic_refs(weakref_list_head(ob), &ref, &proxy);
    if (basic && ref)
        return newref(ref);
    /* the allocation may collect, and change ob's list: look again after it */
    WeakRef *self = (WeakRef *)t->alloc(t, 0);
    if (!self)
        return NULL;
    init_weakref(self, ob, callback);
    WrSlot *s = wt_insert(ob);
    if (!s) {
        self->wr_object = None;
        decref(self);
        return NULL;
    }
    if (basic) {
        insert_head(self, s);
    } else {
        get_basic_refs(s->head, &ref, &proxy);
        WeakRef *prev = proxy ? proxy : ref;
        if (prev)
            insert_after(self, prev);
        else
            insert_head(self, s);
    }
    gc_track((Object *)self);
    return (Object *)self;
}

Object *
weakref_new_ref(Object *o, Object *callback)
{
    return make_ref(&weakref_type, o, callback);
}

Object *
weakref_new_proxy(Object *ob, Object *callback)
{
    if (check_weakrefable(ob) < 0)
        return NULL;
    if (callback == None)
        callback = NULL;
    WeakRef *ref, *proxy;
    get_basic_refs(weakref_list_head(ob), &ref, &proxy);
    if (!callback && proxy)
        return newref(proxy);
    TypeObject *t = (TYPE(ob)->call || TYPE(ob)->vectorcall) ? &weakcallableproxy_type
                                                              : &weakproxy_type;
    WeakRef *self = (WeakRef *)obj_alloc(t, 0);
    if (!self)
        return NULL;
    init_weakref(self, ob, callback);
    self->vectorcall = NULL;
    WrSlot *s = wt_insert(ob);
    if (!s) {
        self->wr_object = None;
        decref(self);
        return NULL;
    }
    get_basic_refs(s->head, &ref, &proxy);
    if (!callback) {
        if (ref)
            insert_after(self, ref);
        else
            insert_head(self, s);
    } else {
        WeakRef *prev = proxy ? proxy : ref;
        if (prev)
            insert_after(self, prev);
        else
            insert_head(self, s);
    }
    gc_track((Object *)self);
    return (Object *)self;
}

/* ================================================================ weakref.ref */

static void
weakref_dealloc(Object *o)
{
    gc_untrack(o);
    clear_weakref((WeakRef *)o);
    obj_free(o);
}

static int
weakref_traverse(Object *o, visitproc visit, void *arg)
{
    OBJ_VISIT(((WeakRef *)o)->wr_callback);
    return 0;
}

static int
weakref_tp_clear(Object *o)
{
    clear_weakref((WeakRef *)o);
    return 0;
}

static Object *
weakref_vectorcall(Object *self, Object *const *args, size_t nargs, Object *kwnames)
{
    if (arg_no_kwargs("weakref", kwnames) < 0)
        return NULL;
    if (nargs)
        return err_format(exc_TypeError, "weakref expected 0 arguments, got %zd",
                          (ssize_t)nargs);
    return newref(((WeakRef *)self)->wr_object);
}

/* tp_call (the __call__ a subclass inherits) */
static Object *
weakref_call(Object *self, Object *args, Object *kwds)
{
    if (kwds && DICT_LEN(kwds)) {
        err_set(exc_TypeError, "weakref() takes no keyword arguments");
        return NULL;
    }
    return weakref_vectorcall(self, TUPLE_ITEMS(args), (size_t)TUPLE_LEN(args), NULL);
}

static hash_t
weakref_hash(Object *o)
{
    WeakRef *self = (WeakRef *)o;
    if (self->hash != -1)
        return self->hash;
    Object *obj = self->wr_object;
    if (obj == None) {
        err_set(exc_TypeError, "weak object has gone away");
        return -1;
    }
    incref(obj);
    self->hash = obj_hash(obj);
    decref(obj);
    return self->hash;
}

static Object *
weakref_repr(Object *o)
{
    WeakRef *self = (WeakRef *)o;
    Object *obj = self->wr_object;
    if (obj == None)
        return str_from_format("<weakref at %p; dead>", o);
    incref(obj);
    Object *name = obj_lookup_attr(obj, ID(__name__));
    Object *r = NULL;
    if (!name && err_occurred())
        goto done;
    if (!name || !STR_CHECK(name))
        r = str_from_format("<weakref at %p; to '%s' at %p>", o, TYPE(obj)->name, obj);
    else
        r = str_from_format("<weakref at %p; to '%s' at %p (%U)>", o, TYPE(obj)->name, obj,
                            name);
done:
    xdecref(name);
    decref(obj);
    return r;
}

static Object *
weakref_richcompare(Object *self, Object *other, int op)
{
    if ((op != CMP_EQ && op != CMP_NE) || !WEAKREF_CHECK(self) || !WEAKREF_CHECK(other))
        return newref(NotImplemented);
    Object *a = ((WeakRef *)self)->wr_object, *b = ((WeakRef *)other)->wr_object;
    if (a == None || b == None) {
        int res = self == other;
        if (op == CMP_NE)
            res = !res;
        return newref(bool_from(res));
    }
    incref(a);
    incref(b);
    Object *r = obj_richcompare(a, b, op);
    decref(a);
    decref(b);
    return r;
}

/* parse_weakref_init_args: (ob[, callback]) positionally; keywords are the subclass's */
static int
parse_args(const char *fname, Object *args, Object **ob, Object **callback)
{
    ssize_t n = TUPLE_LEN(args);
    if (n < 1 || n > 2) {
        if (n < 1)
            err_format(exc_TypeError, "%s expected at least 1 argument, got %zd", fname, n);
        else
            err_format(exc_TypeError, "%s expected at most 2 arguments, got %zd", fname, n);
        return -1;
    }
    *ob = TUPLE_GET(args, 0);
    *callback = n > 1 ? TUPLE_GET(args, 1) : NULL;
    return 0;
}

static Object *
weakref_tp_new(TypeObject *t, Object *args, Object *kwds)
{
    Object *ob, *cb;
    if (parse_args("__new__", args, &ob, &cb) < 0)
        return NULL;
    return make_ref(t, ob, cb);
}

static int
weakref_tp_init(Object *self, Object *args, Object *kwds)
{
    if (kwds && DICT_LEN(kwds)) {
        err_set(exc_TypeError, "ref() takes no keyword arguments");
        return -1;
    }
    Object *ob, *cb;
    return parse_args("__init__", args, &ob, &cb);
}

static Object *
weakref_callback_get(Object *self, void *c)
{
    Object *cb = ((WeakRef *)self)->wr_callback;
    return newref(cb ? cb : None);
}

static const GetSetDef weakref_getset[] = {
    {"__callback__", weakref_callback_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const MethodDef weakref_methods[] = {
    {"__class_getitem__", genericalias_class_getitem, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

TypeObject weakref_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "weakref.ReferenceType",
    .basicsize = sizeof(WeakRef),
    .flags = TPFLAG_BASETYPE | TPFLAG_GC | TPFLAG_WEAKREF,
    .dealloc = weakref_dealloc,
    .traverse = weakref_traverse,
    .clear = weakref_tp_clear,
    .repr = weakref_repr,
    .hash = weakref_hash,
    .call = weakref_call,
    .vectorcall = weakref_vectorcall,
    .getattro = obj_generic_getattr,
    .richcompare = weakref_richcompare,
    .init = weakref_tp_init,
    .new_ = weakref_tp_new,
    .alloc = type_generic_alloc,
    .free = obj_free,
    .methods = weakref_methods,
    .getset = weakref_getset,
};

/* ================================================================ proxies */

/* The referent (new reference), or NULL + ReferenceError once it is dead. */
static Object *
proxy_unwrap(Object *o)
{
    if (!WEAKPROXY_CHECK(o))
        return newref(o);
    Object *obj = ((WeakRef *)o)->wr_object;
    if (obj == None) {
        err_set(exc_ReferenceError, "weakly-referenced object no longer exists");
        return NULL;
    }
    return newref(obj);
}

/* a slot that passes the referent and one operand on */
#define PROXY_FORWARD(fn, f)                                                             \
    static Object *fn(Object *self, Object *a)                                           \
    {                                                                                    \
        Object *x = proxy_unwrap(self);                                                  \
        if (!x)                                                                          \
            return NULL;                                                                 \
        Object *r = f(x, a);                                                             \
        decref(x);                                                                       \
        return r;                                                                        \
    }
PROXY_FORWARD(proxy_getattr, obj_getattr)
PROXY_FORWARD(proxy_getitem, obj_getitem)

static int
proxy_setattr(Object *self, Object *name, Object *v)
{
    Object *obj = proxy_unwrap(self);
    if (!obj)
        return -1;
    int r = obj_setattr(obj, name, v);
    decref(obj);
    return r;
}

static Object *
proxy_repr(Object *self)
{
    Object *obj = ((WeakRef *)self)->wr_object;
    return str_from_format("<weakproxy at %p; to '%s' at %p>", self, TYPE(obj)->name, obj);
}

static Object *
proxy_richcompare(Object *a, Object *b, int op)
{
    Object *x = proxy_unwrap(a);
    if (!x)
        return NULL;
    Object *y = proxy_unwrap(b);
    if (!y) {
        decref(x);
        return NULL;
    }
    Object *r = obj_richcompare(x, y, op);
    decref(x);
    decref(y);
    return r;
}

static Object *
proxy_binop(Object *a, Object *b, int op)
{
    Object *x = proxy_unwrap(a);
    if (!x)
        return NULL;
    Object *y = proxy_unwrap(b);
    if (!y) {
        decref(x);
        return NULL;
    }
    Object *r = num_binary_op(x, y, op);
    decref(x);
    decref(y);
    return r;
}

#define PROXY_BINOP(fn, op)                                                              \
    static Object *fn(Object *a, Object *b) { return proxy_binop(a, b, op); }
PROXY_BINOP(proxy_add, NB_ADD)
PROXY_BINOP(proxy_sub, NB_SUBTRACT)
PROXY_BINOP(proxy_mul, NB_MULTIPLY)
PROXY_BINOP(proxy_mod, NB_REMAINDER)
PROXY_BINOP(proxy_lshift, NB_LSHIFT)
PROXY_BINOP(proxy_rshift, NB_RSHIFT)
PROXY_BINOP(proxy_and, NB_AND)
PROXY_BINOP(proxy_xor, NB_XOR)
PROXY_BINOP(proxy_or, NB_OR)
PROXY_BINOP(proxy_floordiv, NB_FLOOR_DIVIDE)
PROXY_BINOP(proxy_truediv, NB_TRUE_DIVIDE)
PROXY_BINOP(proxy_matmul, NB_MATRIX_MULTIPLY)
PROXY_BINOP(proxy_iadd, NB_INPLACE_ADD)
PROXY_BINOP(proxy_isub, NB_INPLACE_SUBTRACT)
PROXY_BINOP(proxy_imul, NB_INPLACE_MULTIPLY)
PROXY_BINOP(proxy_imod, NB_INPLACE_REMAINDER)
PROXY_BINOP(proxy_ilshift, NB_INPLACE_LSHIFT)
PROXY_BINOP(proxy_irshift, NB_INPLACE_RSHIFT)
PROXY_BINOP(proxy_iand, NB_INPLACE_AND)
PROXY_BINOP(proxy_ixor, NB_INPLACE_XOR)
PROXY_BINOP(proxy_ior, NB_INPLACE_OR)
PROXY_BINOP(proxy_ifloordiv, NB_INPLACE_FLOOR_DIVIDE)
PROXY_BINOP(proxy_itruediv, NB_INPLACE_TRUE_DIVIDE)
PROXY_BINOP(proxy_imatmul, NB_INPLACE_MATRIX_MULTIPLY)

static Object *
proxy_divmod(Object *a, Object *b)
{
    Object *x = proxy_unwrap(a), *y = x ? proxy_unwrap(b) : NULL;
    Object *r = y ? num_divmod(x, y) : NULL;
    xdecref(x);
    xdecref(y);
    return r;
}

static Object *
proxy_pow(Object *a, Object *b, Object *c)
{
    Object *x = proxy_unwrap(a), *y = x ? proxy_unwrap(b) : NULL;
    Object *z = y ? proxy_unwrap(c) : NULL;
    Object *r = z ? num_power(x, y, z) : NULL;
    xdecref(x);
    xdecref(y);
    xdecref(z);
    return r;
}

static Object *
proxy_unary(Object *a, Object *(*f)(Object *))
{
    Object *x = proxy_unwrap(a);
    if (!x)
        return NULL;
    Object *r = f(x);
    decref(x);
    return r;
}

#define PROXY_UNARY(fn, f)                                                               \
    static Object *fn(Object *a) { return proxy_unary(a, f); }
PROXY_UNARY(proxy_neg, num_negative)
PROXY_UNARY(proxy_pos, num_positive)
PROXY_UNARY(proxy_abs, num_absolute)
PROXY_UNARY(proxy_invert, num_invert)
PROXY_UNARY(proxy_int, num_long)
PROXY_UNARY(proxy_float, num_float)
PROXY_UNARY(proxy_index, num_index)
PROXY_UNARY(proxy_iter, obj_get_iter)
PROXY_UNARY(proxy_str, obj_str)

static int
proxy_bool(Object *self)
{
    Object *x = proxy_unwrap(self);
    if (!x)
        return -1;
    int r = obj_is_true(x);
    decref(x);
    return r;
}

static ssize_t
proxy_length(Object *self)
{
    Object *x = proxy_unwrap(self);
    if (!x)
        return -1;
    ssize_t r = obj_length(x);
    decref(x);
    return r;
}

static int
proxy_contains(Object *self, Object *v)
{
    Object *x = proxy_unwrap(self);
    if (!x)
        return -1;
    int r = obj_contains(x, v);
    decref(x);
    return r;
}

static int
proxy_setitem(Object *self, Object *key, Object *v)
{
    Object *x = proxy_unwrap(self);
    if (!x)
        return -1;
    int r = v ? obj_setitem(x, key, v) : obj_delitem(x, key);
    decref(x);
    return r;
}

static Object *
proxy_iternext(Object *self)
{
    Object *x = proxy_unwrap(self);
    if (!x)
        return NULL;
    Object *r = NULL;
    if (!obj_is_iterator(x))
        err_format(exc_TypeError, "Weakref proxy referenced a non-iterator '%s' object",
                   TYPE(x)->name);
    else
        r = obj_iter_next(x);
    decref(x);
    return r;
}

static Object *
proxy_vectorcall(Object *self, Object *const *args, size_t nargs, Object *kwnames)
{
    Object *x = proxy_unwrap(self);
    if (!x)
        return NULL;
    Object *r = obj_vectorcall(x, args, nargs, kwnames);
    decref(x);
    return r;
}

static Object *
proxy_call(Object *self, Object *args, Object *kwds)
{
    Object *x = proxy_unwrap(self);
    if (!x)
        return NULL;
    Object *r = obj_call(x, args, kwds);
    decref(x);
    return r;
}

static Object *
proxy_call_method(Object *self, const char *name)
{
    Object *x = proxy_unwrap(self);
    if (!x)
        return NULL;
    Object *r = obj_call_method(x, name, NULL, 0);
    decref(x);
    return r;
}

static Object *
proxy_bytes(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return proxy_call_method(self, "__bytes__");
}

static Object *
proxy_reversed(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return proxy_call_method(self, "__reversed__");
}

static const MethodDef proxy_methods[] = {
    {"__bytes__", proxy_bytes, METH_NOARGS, NULL},
    {"__reversed__", proxy_reversed, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

#define PROXY_SLOTS                                                                      \
    .ob_base = {{1, &type_type}, 0}, .basicsize = sizeof(WeakRef),                        \
    .flags = TPFLAG_GC | TPFLAG_WEAKREF,                                                 \
    .dealloc = weakref_dealloc, .traverse = weakref_traverse, .clear = weakref_tp_clear, \
    .repr = proxy_repr, .str = proxy_str, .hash = obj_hash_not_implemented,             \
    .getattro = proxy_getattr, .setattro = proxy_setattr,                                \
    .richcompare = proxy_richcompare, .iter = proxy_iter, .iternext = proxy_iternext,    \
    .free = obj_free, .nb_add = proxy_add, .nb_subtract = proxy_sub,                     \
    .nb_multiply = proxy_mul, .nb_remainder = proxy_mod, .nb_divmod = proxy_divmod,      \
    .nb_power = proxy_pow, .nb_negative = proxy_neg, .nb_positive = proxy_pos,           \
    .nb_absolute = proxy_abs, .nb_bool = proxy_bool, .nb_invert = proxy_invert,          \
    .nb_lshift = proxy_lshift, .nb_rshift = proxy_rshift, .nb_and = proxy_and,           \
    .nb_xor = proxy_xor, .nb_or = proxy_or, .nb_int = proxy_int, .nb_float = proxy_float, \
    .nb_inplace_add = proxy_iadd, .nb_inplace_subtract = proxy_isub,                     \
    .nb_inplace_multiply = proxy_imul, .nb_inplace_remainder = proxy_imod,               \
    .nb_inplace_lshift = proxy_ilshift, .nb_inplace_rshift = proxy_irshift,              \
    .nb_inplace_and = proxy_iand, .nb_inplace_xor = proxy_ixor,                          \
    .nb_inplace_or = proxy_ior, .nb_floor_divide = proxy_floordiv,                       \
    .nb_true_divide = proxy_truediv, .nb_inplace_floor_divide = proxy_ifloordiv,         \
    .nb_inplace_true_divide = proxy_itruediv, .nb_index = proxy_index,                   \
    .nb_matrix_multiply = proxy_matmul, .nb_inplace_matrix_multiply = proxy_imatmul,     \
    .len = proxy_length, .sq_contains = proxy_contains, .mp_subscript = proxy_getitem,   \
    .mp_ass_subscript = proxy_setitem, .methods = proxy_methods

TypeObject weakproxy_type = {
    PROXY_SLOTS,
    .name = "weakref.ProxyType",
};

TypeObject weakcallableproxy_type = {
    PROXY_SLOTS,
    .name = "weakref.CallableProxyType",
    .call = proxy_call,
    .vectorcall = proxy_vectorcall,
};

/* ================================================================ _weakref */

static Object *
wm_getweakrefcount(Object *m, Object *const *args, ssize_t nargs, Object *kw)
{
    ssize_t n = 0;
    if (TYPE(args[0])->weaklistoffset)
        for (WeakRef *w = weakref_list_head(args[0]); w; w = w->wr_next)
            n++;
    return int_from_ssize(n);
}

static Object *
wm_getweakrefs(Object *m, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *o = args[0];
    if (!TYPE(o)->weaklistoffset)
        return list_new(0);
    ssize_t n = 0;
    for (WeakRef *w = weakref_list_head(o); w; w = w->wr_next)
        n++;
    Object *l = list_new(n);
    if (!l)
        return NULL;
    WeakRef *w = weakref_list_head(o);
    for (ssize_t i = 0; i < n && w; i++, w = w->wr_next)
        LIST_SET(l, i, newref(w));
    return l;
}

static Object *
wm_proxy(Object *m, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_no_kwargs("proxy", kw) < 0 || arg_check_count("proxy", (size_t)nargs, 1, 2) < 0)
        return NULL;
    return weakref_new_proxy(args[0], nargs > 1 ? args[1] : NULL);
}

static Object *
wm_remove_dead_weakref(Object *m, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_no_kwargs("_remove_dead_weakref", kw) < 0 ||
        arg_check_count("_remove_dead_weakref", (size_t)nargs, 2, 2) < 0)
        return NULL;
    Object *d = args[0], *key = args[1];
    if (!DICT_CHECK(d))
        return err_format(exc_TypeError, "_remove_dead_weakref() argument 1 must be dict, "
                                         "not %s", TYPE(d)->name);
    Object *v = dict_getitem_with_error(d, key);
    if (!v) {
        if (err_occurred())
            return NULL;
        return newref(None);
    }
    if (!WEAKREF_CHECK(v) && !WEAKPROXY_CHECK(v))
        return err_set(exc_TypeError, "not a weakref");
    if (((WeakRef *)v)->wr_object == None && dict_delitem(d, key) < 0) {
        if (!err_matches(exc_KeyError))
            return NULL;
        err_clear();
    }
    return newref(None);
}

static const MethodDef weakref_module_methods[] = {
    {"getweakrefcount", wm_getweakrefcount, METH_O,
     "Return the number of weak references to 'object'."},
    {"getweakrefs", wm_getweakrefs, METH_O,
     "Return a list of all weak reference objects pointing to 'object'."},
    {"proxy", wm_proxy, METH_VARARGS,
     "Create a proxy object that weakly references 'object'."},
    {"_remove_dead_weakref", wm_remove_dead_weakref, METH_VARARGS,
     "Atomically remove key from dict if it points to a dead weakref."},
    {NULL, NULL, 0, NULL},
};

Object *
weakrefmodule_init(void)
{
    Object *m = module_new("_weakref");
    if (!m)
        return NULL;
    if (module_add_functions(m, weakref_module_methods) < 0 ||
        module_add_object(m, "ref", (Object *)&weakref_type) < 0 ||
        module_add_object(m, "ReferenceType", (Object *)&weakref_type) < 0 ||
        module_add_object(m, "ProxyType", (Object *)&weakproxy_type) < 0 ||
        module_add_object(m, "CallableProxyType", (Object *)&weakcallableproxy_type) < 0) {
        decref(m);
        return NULL;
    }
    return m;
}
