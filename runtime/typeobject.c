/*
** typeobject.c -- 'type' and 'object', readying types, classes, the MRO, attribute lookup
** with a method cache, and the slot machinery (CPython's Objects/typeobject.c).
**
** Slots and dunders, both directions.  slotdefs[] lists every dunder name with the C slot
** it corresponds to.  A static type's own slots are published in its __dict__ as
** wrapper_descr objects (add_operators), so int.__add__(1, 2) and super().__init__()
** work.  A class (heap type) gets, for each slot whose dunder names it defines or
** inherits as Python code, a generic slot_* function that looks the dunder up and calls
** it (fixup_slots); a slot inherited unchanged from a builtin base keeps the C function.
** Assigning a dunder on a class later re-runs the fixup for that name (type_setattro).
**
** Method cache.  type_lookup() caches (version_tag, name) -> value in a direct-mapped
** table; a type's tag is reset by type_modified() whenever its dict or bases change, and
** the reset propagates to every subclass (the 'subclasses' dicts of weak references).
*/
#include "weakrefobject.h"
#include "object.h"
#include "error.h"
#include "gc.h"
#include "heap.h"
#include "state.h"
#include "intobject.h"
#include "strobject.h"
#include "tupleobject.h"
#include "listobject.h"
#include "dictobject.h"
#include "typeobject.h"
#include "descrobject.h"
#include "funcobject.h"
#include "methodobject.h"
#include "genericalias.h"
#include <string.h>
#include <stdio.h>
#include <stdlib.h>

/* ================================================================ method cache */

/* The table and its entry type are in typeobject.h (the VM reads entries directly). */
TypeCacheEntry type_method_cache[TYPE_MCACHE_SIZE];
static unsigned int next_version_tag = 1;

static int
assign_version_tag(TypeObject *t)
{
    if (t->flags & TPFLAG_VALID_VERSION)
        return 1;
    if (!(t->flags & TPFLAG_READY))
        return 0;
    if (next_version_tag == 0)
        return 0;                       /* exhausted: no more caching */
    t->version_tag = next_version_tag++;
    t->flags |= TPFLAG_VALID_VERSION;
    return 1;
}

unsigned int
type_version(TypeObject *t)
{
    return assign_version_tag(t) ? t->version_tag : 0;
}

/* The live subclasses of t, one per call from *pos = 0 on; NULL at the end (the
** entries whose class died are skipped, as CPython's PyWeakref_GET_OBJECT == None). */
static TypeObject *
type_next_subclass(TypeObject *t, ssize_t *pos)
{
    Object *k, *ref;
    while (t->subclasses && dict_next(t->subclasses, pos, &k, &ref)) {
        Object *o = ((WeakRef *)ref)->wr_object;
        if (o != None)
            return (TypeObject *)o;
    }
    return NULL;
}

void
type_modified(TypeObject *t)
{
    if (!(t->flags & TPFLAG_VALID_VERSION))
        return;
    ssize_t pos = 0;
    TypeObject *s;
    while ((s = type_next_subclass(t, &pos)))
        type_modified(s);
    t->flags &= ~TPFLAG_VALID_VERSION;
    t->version_tag = 0;
}

static Object *
find_name_in_mro(TypeObject *t, Object *name, hash_t h)
{
    Object *mro = t->mro;
    if (!mro) {
        for (TypeObject *b = t; b; b = b->base) {
            if (b->dict) {
                Object *r = dict_getitem_known_hash(b->dict, name, h);
                if (r)
                    return r;
            }
        }
        return NULL;
    }
    ssize_t n = TUPLE_LEN(mro);
    for (ssize_t i = 0; i < n; i++) {
        TypeObject *b = (TypeObject *)TUPLE_GET(mro, i);
        Object *r = dict_getitem_known_hash(b->dict, name, h);
        if (r)
            return r;
    }
    return NULL;
}

/* ---------------------------------------------------------------- None in the cache */

/* CPython 3.11's cache entries start out holding a reference to None
** (_PyType_InitCache), which an entry gives up when a lookup first fills it, so
** sys.getrefcount(None) drops at the first lookups of (type version, name) pairs.  Which
** entry a pair takes is a matter of addresses: (version ^ address >> 3) & 4095, ASLR's
** bits included, so whether a new pair lands on an entry still holding None is CPython's
** own chance, remaining / 4096.  The model follows the expected count: mc_seen is the
** set of pairs looked up (version << 32 | the name's hash), filled at the first line with
** the pairs CPython's start-up looked up and mc_remaining with its entries still holding
** None (startup_mcache.h, scripts/gen_startup_mcache.py); each new pair adds
** mc_remaining / 4096 to mc_acc, and None loses a reference whenever that reaches one
** half.  The set is bookkeeping outside the heap (malloc), as CPython's table is static;
** it goes when no entry holds None any more. */
#include "startup_mcache.h"

static TypeObject **static_types;       /* the registry (start-up, below) */
static size_t static_types_len, static_types_cap;
static long mc_remaining, mc_acc;
static uint64_t *mc_seen;
static size_t mc_seen_mask, mc_seen_used;
static int mc_model_on;

static int
mc_seen_grow(void)
{
    size_t ncap = mc_seen ? (mc_seen_mask + 1) * 2 : 4096;
    uint64_t *n = calloc(ncap, sizeof *n);
    if (!n)
        return -1;
    for (size_t i = 0; mc_seen && i <= mc_seen_mask; i++) {
        uint64_t k = mc_seen[i];
        if (!k)
            continue;
        size_t j = (size_t)(k ^ (k >> 29)) & (ncap - 1);
        while (n[j])
            j = (j + 1) & (ncap - 1);
        n[j] = k;
    }
    free(mc_seen);
    mc_seen = n;
    mc_seen_mask = ncap - 1;
    return 0;
}

/* The slot of key in the set: where it is, or the empty one where it would go. */
static uint64_t *
mc_seen_slot(uint64_t key)
{
    size_t j = (size_t)(key ^ (key >> 29)) & mc_seen_mask;
    while (mc_seen[j] && mc_seen[j] != key)
        j = (j + 1) & mc_seen_mask;
    return &mc_seen[j];
}

static int
mc_seen_has(uint64_t key)
{
    return *mc_seen_slot(key ? key : 1) != 0;
}

/* 1 if key was not in the set (and is now), 0 if it was or cannot be added. */
static int
mc_seen_add(uint64_t key)
{
    if (!key)
        key = 1;
    if ((mc_seen_used + 1) * 2 > mc_seen_mask + 1 && mc_seen_grow() < 0)
        return 0;
    uint64_t *slot = mc_seen_slot(key);
    if (*slot)
        return 0;
    *slot = key;
    mc_seen_used++;
    return 1;
}

/* CPython 3.11 has two objects for many names: the interned string a program's code
** uses, and the C code's static _Py_ID string (not always interned), so a lookup from C
** and the same lookup from a program can be two pairs.  pyheap has one object: the VM
** marks the name of the attribute instruction it runs (type_mcache_program_name), whose
** pair is the interned object's; a lookup from C may be either. */
#define MC_KEY(version, h, program)                                                      \
    (((uint64_t)(version) << 32) | (uint32_t)((uint32_t)(h) ^ ((program) ? 0 : 0x9e3779b9u)))
Object *type_mcache_program_name;

static void
mc_model_fill(unsigned int version, Object *name)
{
    /* CPython caches exact str names of at most 100 characters (MCACHE_CACHEABLE_NAME) */
    if (!STR_CHECK_EXACT(name) || ((StrObject *)name)->length > 100)
        return;
    /* a lookup from C may have used either object: it is new when neither pair is known */
    int program = name == type_mcache_program_name;
    uint32_t h = str_fnv1a(name);   /* as the start-up table's pairs are keyed */
    if (!program && mc_seen_has(MC_KEY(version, h, 1)))
        return;
    if (!mc_seen_add(MC_KEY(version, h, program)) || heap_side_active())
        return;
    mc_acc += mc_remaining;
    if (2 * mc_acc >= (long)TYPE_MCACHE_SIZE) {
        mc_acc -= TYPE_MCACHE_SIZE;
        if (none_obj.refcnt > 1)
            none_obj.refcnt--;
        if (--mc_remaining == 0)
            type_mcache_model_fini();
    }
}

static int
mc_type_cmp(const void *key, const void *elt)
{
    return strcmp((const char *)key, *(const char *const *)elt);
}

void
type_mcache_model_start(int repl)
{
    free(mc_seen);
    mc_seen = NULL;
    mc_seen_mask = mc_seen_used = 0;
    mc_model_on = mc_seen_grow() == 0;
    if (!mc_model_on)
        return;
    mc_remaining = startup_mcache_nones[repl ? 1 : 0];
    mc_acc = 0;
    /* pyheap's own start-up lookups are not CPython's: its entries are made to miss
    ** once more (their names stay, as CPython's entries keep theirs) */
    for (unsigned i = 0; i < TYPE_MCACHE_SIZE; i++)
        type_method_cache[i].version = 0;
    unsigned char mode = repl ? 2 : 1;
    size_t ntypes = sizeof startup_mcache_types / sizeof startup_mcache_types[0];
    for (size_t k = 0; k < static_types_len; k++) {
        TypeObject *t = static_types[k];
        const void *g = bsearch(t->name, startup_mcache_types, ntypes,
                                sizeof startup_mcache_types[0], mc_type_cmp);
        if (!g || !assign_version_tag(t))
            continue;
        size_t first = ((const StartupMcacheType *)g)->first;
        size_t n = ((const StartupMcacheType *)g)->n;
        for (size_t i = first; i < first + n; i++)
            if (startup_mcache[i].modes & mode)
                mc_seen_add(MC_KEY(t->version_tag, startup_mcache[i].fnv,
                                   startup_mcache[i].program));
    }
}

void
type_mcache_model_fini(void)
{
    free(mc_seen);
    mc_seen = NULL;
    mc_seen_mask = mc_seen_used = 0;
    mc_model_on = 0;
}

Object *
type_lookup(TypeObject *t, Object *name)
{
    hash_t h = ((StrObject *)name)->hash;
    if (h == -1) {
        h = str_hash(name);
    }
    if (t->flags & TPFLAG_VALID_VERSION) {
        TypeCacheEntry *e = &type_method_cache[TYPE_MCACHE_HASH(t->version_tag, name)];
        if (e->version == t->version_tag && e->name == name)
            return e->value;
    }
    Object *r = find_name_in_mro(t, name, h);
    if (assign_version_tag(t)) {
        if (mc_model_on)
            mc_model_fill(t->version_tag, name);
        TypeCacheEntry *e = &type_method_cache[TYPE_MCACHE_HASH(t->version_tag, name)];
        e->version = t->version_tag;
        e->vm_keys = TYPE_MCACHE_KEYS_UNKNOWN;
        Object *old = e->name;
        e->name = newref(name);
        e->value = r;
        xdecref(old);
    }
    return r;
}

void
type_cache_note_keys(TypeObject *t, Object *name, int vm_keys)
{
    TypeCacheEntry *e = type_cache_find(t, name);
    if (e)
        e->vm_keys = vm_keys;
}

static void
method_cache_clear(void)
{
    for (unsigned i = 0; i < TYPE_MCACHE_SIZE; i++) {
        type_method_cache[i].version = 0;
        type_method_cache[i].vm_keys = TYPE_MCACHE_KEYS_UNKNOWN;
        CLEAR(type_method_cache[i].name);
        type_method_cache[i].value = NULL;
    }
}

/* ================================================================ subtype checks */

int
type_is_subtype(TypeObject *a, TypeObject *b)
{
    if (a == b)
        return 1;
    Object *mro = a->mro;
    if (mro) {
        ssize_t n = TUPLE_LEN(mro);
        for (ssize_t i = 0; i < n; i++)
            if (TUPLE_GET(mro, i) == (Object *)b)
                return 1;
        return 0;
    }
    for (TypeObject *t = a->base; t; t = t->base)
        if (t == b)
            return 1;
    return b == &object_type;
}

/* ================================================================ names */

Object *
type_name_obj(TypeObject *t)
{
    if (t->flags & TPFLAG_HEAPTYPE)
        return newref(t->ht_name);
    const char *s = strrchr(t->name, '.');
    return str_from_cstr(s ? s + 1 : t->name);
}

Object *
type_qualname_obj(TypeObject *t)
{
    if (t->flags & TPFLAG_HEAPTYPE)
        return newref(t->ht_qualname);
    return type_name_obj(t);
}

Object *
type_module_obj(TypeObject *t)
{
    if (t->flags & TPFLAG_HEAPTYPE) {
        Object *m = dict_getitem(t->dict, ID(__module__));
        if (m)
            return newref(m);
        return str_from_cstr("builtins");
    }
    const char *s = strrchr(t->name, '.');
    if (s)
        return str_from_utf8(t->name, s - t->name);
    return str_from_cstr("builtins");
}

/* ================================================================ slot wrappers */

static int
check_num_args(size_t nargs, Object *kwnames, size_t n)
{
    if (kwnames && TUPLE_LEN(kwnames)) {
        err_set(exc_TypeError, "wrapper takes no keyword arguments");
        return -1;
    }
    if (nargs != n) {
        err_format(exc_TypeError, "expected %zu argument%s, got %zu", n, n == 1 ? "" : "s",
                   nargs);
        return -1;
    }
    return 0;
}

static Object *
wrap_unaryfunc(Object *self, Object *const *args, size_t nargs, Object *kw, void *w,
               const SlotDef *sd)
{
    if (check_num_args(nargs, kw, 0) < 0)
        return NULL;
    return ((unaryfunc)w)(self);
}

static Object *
wrap_next(Object *self, Object *const *args, size_t nargs, Object *kw, void *w,
          const SlotDef *sd)
{
    if (check_num_args(nargs, kw, 0) < 0)
        return NULL;
    Object *r = ((unaryfunc)w)(self);
    if (!r && !err_occurred())
        err_set_object(exc_StopIteration, NULL);
    return r;
}

static Object *
wrap_binaryfunc_l(Object *self, Object *const *args, size_t nargs, Object *kw, void *w,
                  const SlotDef *sd)
{
    if (check_num_args(nargs, kw, 1) < 0)
        return NULL;
    return ((binaryfunc)w)(self, args[0]);
}

static Object *
wrap_binaryfunc_r(Object *self, Object *const *args, size_t nargs, Object *kw, void *w,
                  const SlotDef *sd)
{
    if (check_num_args(nargs, kw, 1) < 0)
        return NULL;
    return ((binaryfunc)w)(args[0], self);
}

static Object *
wrap_ternaryfunc(Object *self, Object *const *args, size_t nargs, Object *kw, void *w,
                 const SlotDef *sd)
{
    if (kw && TUPLE_LEN(kw))
        return err_set(exc_TypeError, "wrapper takes no keyword arguments");
    if (nargs < 1 || nargs > 2)
        return err_format(exc_TypeError, "expected 1 or 2 arguments, got %zu", nargs);
    return ((ternaryfunc)w)(self, args[0], nargs > 1 ? args[1] : None);
}

static Object *
wrap_ternaryfunc_r(Object *self, Object *const *args, size_t nargs, Object *kw, void *w,
                   const SlotDef *sd)
{
    if (kw && TUPLE_LEN(kw))
        return err_set(exc_TypeError, "wrapper takes no keyword arguments");
    if (nargs < 1 || nargs > 2)
        return err_format(exc_TypeError, "expected 1 or 2 arguments, got %zu", nargs);
    return ((ternaryfunc)w)(args[0], self, nargs > 1 ? args[1] : None);
}

static Object *
wrap_indexargfunc(Object *self, Object *const *args, size_t nargs, Object *kw, void *w,
                  const SlotDef *sd)
{
    if (check_num_args(nargs, kw, 1) < 0)
        return NULL;
    if (!index_check(args[0]))
        return err_format(exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                          TYPE(args[0])->name);
    ssize_t i = num_as_ssize(args[0], exc_OverflowError);
    if (i == -1 && err_occurred())
        return NULL;
    return ((ssizeargfunc)w)(self, i);
}

static Object *
wrap_sq_item(Object *self, Object *const *args, size_t nargs, Object *kw, void *w,
             const SlotDef *sd)
{
    if (check_num_args(nargs, kw, 1) < 0)
        return NULL;
    ssize_t i = num_as_ssize(args[0], exc_OverflowError);
    if (i == -1 && err_occurred())
        return NULL;
    if (i < 0 && TYPE(self)->len) {
        ssize_t n = TYPE(self)->len(self);
        if (n < 0)
            return NULL;
        i += n;
    }
    return ((ssizeargfunc)w)(self, i);
}

static Object *
wrap_lenfunc(Object *self, Object *const *args, size_t nargs, Object *kw, void *w,
             const SlotDef *sd)
{
    if (check_num_args(nargs, kw, 0) < 0)
        return NULL;
    ssize_t n = ((lenfunc)w)(self);
    if (n < 0 && err_occurred())
        return NULL;
    return int_from_ssize(n);
}

static Object *
wrap_hashfunc(Object *self, Object *const *args, size_t nargs, Object *kw, void *w,
              const SlotDef *sd)
{
    if (check_num_args(nargs, kw, 0) < 0)
        return NULL;
    hash_t h = ((hashfunc)w)(self);
    if (h == -1 && err_occurred())
        return NULL;
    return int_from_ssize(h);
}

static Object *
wrap_inquirypred(Object *self, Object *const *args, size_t nargs, Object *kw, void *w,
                 const SlotDef *sd)
{
    if (check_num_args(nargs, kw, 0) < 0)
        return NULL;
    int r = ((inquiry)w)(self);
    if (r < 0)
        return NULL;
    return bool_from(r);
}

static Object *
wrap_objobjproc(Object *self, Object *const *args, size_t nargs, Object *kw, void *w,
                const SlotDef *sd)
{
    if (check_num_args(nargs, kw, 1) < 0)
        return NULL;
    int r = ((objobjproc)w)(self, args[0]);
    if (r < 0)
        return NULL;
    return bool_from(r);
}

static Object *
wrap_objobjargproc(Object *self, Object *const *args, size_t nargs, Object *kw, void *w,
                   const SlotDef *sd)
{
    if (check_num_args(nargs, kw, 2) < 0)
        return NULL;
    if (((objobjargproc)w)(self, args[0], args[1]) < 0)
        return NULL;
    return newref(None);
}

static Object *
wrap_delitem(Object *self, Object *const *args, size_t nargs, Object *kw, void *w,
             const SlotDef *sd)
{
    if (check_num_args(nargs, kw, 1) < 0)
        return NULL;
    if (((objobjargproc)w)(self, args[0], NULL) < 0)
        return NULL;
    return newref(None);
}

static Object *
wrap_setattr(Object *self, Object *const *args, size_t nargs, Object *kw, void *w,
             const SlotDef *sd)
{
    if (check_num_args(nargs, kw, 2) < 0)
        return NULL;
    if (((setattrofunc)w)(self, args[0], args[1]) < 0)
        return NULL;
    return newref(None);
}

static Object *
wrap_delattr(Object *self, Object *const *args, size_t nargs, Object *kw, void *w,
             const SlotDef *sd)
{
    if (check_num_args(nargs, kw, 1) < 0)
        return NULL;
    if (((setattrofunc)w)(self, args[0], NULL) < 0)
        return NULL;
    return newref(None);
}

static Object *
wrap_richcmpfunc(Object *self, Object *const *args, size_t nargs, Object *kw, void *w,
                 const SlotDef *sd)
{
    if (check_num_args(nargs, kw, 1) < 0)
        return NULL;
    return ((richcmpfunc)w)(self, args[0], sd->op);
}

static Object *
wrap_descr_get(Object *self, Object *const *args, size_t nargs, Object *kw, void *w,
               const SlotDef *sd)
{
    if (kw && TUPLE_LEN(kw))
        return err_set(exc_TypeError, "wrapper takes no keyword arguments");
    if (nargs < 1 || nargs > 2)
        return err_format(exc_TypeError, "expected 1 or 2 arguments, got %zu", nargs);
    Object *obj = args[0] == None ? NULL : args[0];
    Object *type = nargs > 1 && args[1] != None ? args[1] : NULL;
    if (!obj && !type)
        return err_set(exc_TypeError, "__get__(None, None) is invalid");
    return ((descrgetfunc)w)(self, obj, type);
}

static Object *
wrap_descr_set(Object *self, Object *const *args, size_t nargs, Object *kw, void *w,
               const SlotDef *sd)
{
    if (check_num_args(nargs, kw, 2) < 0)
        return NULL;
    if (((descrsetfunc)w)(self, args[0], args[1]) < 0)
        return NULL;
    return newref(None);
}

static Object *
wrap_descr_delete(Object *self, Object *const *args, size_t nargs, Object *kw, void *w,
                  const SlotDef *sd)
{
    if (check_num_args(nargs, kw, 1) < 0)
        return NULL;
    if (((descrsetfunc)w)(self, args[0], NULL) < 0)
        return NULL;
    return newref(None);
}

static Object *
wrap_init(Object *self, Object *const *args, size_t nargs, Object *kw, void *w,
          const SlotDef *sd)
{
    Object *targs, *tkw;
    if (arg_pack_like_cpython(args, nargs, kw, &targs, &tkw) < 0)
        return NULL;
    int r = ((initproc)w)(self, targs, tkw);
    decref(targs);
    xdecref(tkw);
    if (r < 0)
        return NULL;
    return newref(None);
}

static Object *
wrap_call(Object *self, Object *const *args, size_t nargs, Object *kw, void *w,
          const SlotDef *sd)
{
    Object *targs, *tkw;
    if (arg_pack_like_cpython(args, nargs, kw, &targs, &tkw) < 0)
        return NULL;
    Object *r = ((ternaryfunc)w)(self, targs, tkw);
    decref(targs);
    xdecref(tkw);
    return r;
}

/* A slot wrapper called through CPython's tp_call (wrapperdescr_call, wrapper_call): the
** arguments are packed already, and __init__ and __call__ take that tuple and dict as
** they are (wrapperdescr_raw_call) rather than packing their own. */
Object *
slot_wrapper_call_packed(const SlotDef *sd, void *wrapped, Object *self, Object *const *args,
                         size_t nargs, Object *kwnames, Object *targs, Object *tkw)
{
    if (sd->wrapper == wrap_init) {
        if (((initproc)wrapped)(self, targs, tkw) < 0)
            return NULL;
        return newref(None);
    }
    if (sd->wrapper == wrap_call)
        return ((ternaryfunc)wrapped)(self, targs, tkw);
    if (!kwnames && tkw && DICT_LEN(tkw)) {
        err_set(exc_TypeError, "wrapper takes no keyword arguments");
        return NULL;
    }
    return sd->wrapper(self, args, nargs, kwnames, wrapped, sd);
}

static Object *
wrap_del(Object *self, Object *const *args, size_t nargs, Object *kw, void *w,
         const SlotDef *sd)
{
    if (check_num_args(nargs, kw, 0) < 0)
        return NULL;
    ((destructor)w)(self);
    if (err_occurred())
        return NULL;
    return newref(None);
}

/* ================================================================ special-method calls */

/* Look name up on type(self) and call it with self and args.  *found is set to 0 when
** the type has no such attribute (then NULL is returned without an exception). */
static Object *
call_special_maybe(Object *self, Object *name, Object *const *args, size_t nargs, int *found)
{
    Object *f = type_lookup(TYPE(self), name);
    if (!f) {
        *found = 0;
        return NULL;
    }
    *found = 1;
    incref(f);
    Object *r;
    if (TYPE(f)->flags & TPFLAG_METHOD_DESCRIPTOR) {
        Object *small[8];
        Object **stack = small;
        if (nargs + 1 > 8) {
            stack = heap_alloc(sizeof(Object *) * (nargs + 1));
            if (!stack) {
                decref(f);
                return err_no_memory();
            }
        }
        stack[0] = self;
        for (size_t i = 0; i < nargs; i++)
            stack[i + 1] = args[i];
        r = obj_vectorcall(f, stack, nargs + 1, NULL);
        if (stack != small)
            heap_free(stack);
    } else {
        descrgetfunc g = TYPE(f)->descr_get;
        Object *bound = g ? g(f, self, (Object *)TYPE(self)) : newref(f);
        if (!bound) {
            decref(f);
            return NULL;
        }
        r = obj_vectorcall(bound, args, nargs, NULL);
        decref(bound);
    }
    decref(f);
    return r;
}

Object *
type_call_special(Object *self, Object *name, Object *const *args, size_t nargs)
{
    int found;
    Object *r = call_special_maybe(self, name, args, nargs, &found);
    if (!found)
        return err_format(exc_AttributeError, "'%s' object has no attribute '%U'",
                          TYPE(self)->name, name);
    return r;
}

/* Call name on self returning NotImplemented if the type lacks it. */
static Object *
call_maybe(Object *self, Object *name, Object *const *args, size_t nargs)
{
    int found;
    Object *r = call_special_maybe(self, name, args, nargs, &found);
    if (!found)
        return newref(NotImplemented);
    return r;
}

/* ================================================================ slot_* for classes */

static Object *
slot_tp_repr(Object *self)
{
    int found;
    Object *r = call_special_maybe(self, ID(__repr__), NULL, 0, &found);
    if (!found)
        return object_repr_default(self);
    return r;
}

static Object *
slot_tp_str(Object *self)
{
    return type_call_special(self, ID(__str__), NULL, 0);
}

static hash_t
slot_tp_hash(Object *self)
{
    Object *f = type_lookup(TYPE(self), ID(__hash__));
    if (!f || f == None)
        return obj_hash_not_implemented(self);
    Object *r = type_call_special(self, ID(__hash__), NULL, 0);
    if (!r)
        return -1;
    if (!INT_CHECK(r)) {
        decref(r);
        err_set(exc_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    /* A value within Py_hash_t's range is the hash itself (so that returning hash(y)
    ** makes hash(x) == hash(y)); a wider one is mixed by int's own hash. */
    hash_t h = int_as_ssize(r);
    if (h == -1 && err_occurred()) {
        err_clear();
        h = int_hash(r);
    }
    decref(r);
    return h == -1 ? -2 : h;
}

static Object *
slot_tp_call(Object *self, Object *args, Object *kwds)
{
    Object *f = type_lookup(TYPE(self), ID(__call__));
    if (!f)
        return err_format(exc_TypeError, "'%s' object is not callable", TYPE(self)->name);
    incref(f);
    Object *bound;
    descrgetfunc g = TYPE(f)->descr_get;
    bound = g ? g(f, self, (Object *)TYPE(self)) : newref(f);
    decref(f);
    if (!bound)
        return NULL;
    Object *r = obj_call(bound, args, kwds);
    decref(bound);
    return r;
}

static Object *
slot_tp_getattr_hook(Object *self, Object *name)
{
    TypeObject *t = TYPE(self);
    Object *getattr = type_lookup(t, ID(__getattr__));
    Object *getattribute = type_lookup(t, ID(__getattribute__));
    Object *r;
    if (getattribute && TYPE(getattribute) == &wrapper_descr_type &&
        ((WrapperDescrObject *)getattribute)->d_wrapped == (void *)obj_generic_getattr) {
        r = obj_generic_getattr(self, name);
    } else if (getattribute) {
        r = type_call_special(self, ID(__getattribute__), &name, 1);
    } else {
        r = obj_generic_getattr(self, name);
    }
    if (!r && getattr && err_matches(exc_AttributeError)) {
        err_clear();
        r = type_call_special(self, ID(__getattr__), &name, 1);
    }
    return r;
}

static int
slot_tp_setattro(Object *self, Object *name, Object *value)
{
    Object *r;
    if (value) {
        Object *a[2] = {name, value};
        r = type_call_special(self, ID(__setattr__), a, 2);
    } else {
        r = type_call_special(self, ID(__delattr__), &name, 1);
    }
    if (!r)
        return -1;
    decref(r);
    return 0;
}

static Object *
slot_tp_richcompare(Object *self, Object *other, int op)
{
    static Object **names[6] = {&str_ids.__lt__, &str_ids.__le__, &str_ids.__eq__,
                                &str_ids.__ne__, &str_ids.__gt__, &str_ids.__ge__};
    Object *f = type_lookup(TYPE(self), *names[op]);
    if (!f || f == None)
        return newref(NotImplemented);
    return call_maybe(self, *names[op], &other, 1);
}

static Object *
slot_tp_iter(Object *self)
{
    Object *f = type_lookup(TYPE(self), ID(__iter__));
    if (f == None)
        return err_format(exc_TypeError, "'%s' object is not iterable", TYPE(self)->name);
    if (!f) {
        if (type_lookup(TYPE(self), ID(__getitem__)))
            return obj_get_iter(self);  /* unreachable: iter slot would be NULL */
        return err_format(exc_TypeError, "'%s' object is not iterable", TYPE(self)->name);
    }
    return type_call_special(self, ID(__iter__), NULL, 0);
}

static Object *
slot_tp_iternext(Object *self)
{
    return type_call_special(self, ID(__next__), NULL, 0);
}

static Object *
slot_tp_descr_get(Object *self, Object *obj, Object *type)
{
    Object *f = type_lookup(TYPE(self), ID(__get__));
    if (!f)
        return newref(self);
    Object *a[2] = {obj ? obj : None, type ? type : None};
    return type_call_special(self, ID(__get__), a, 2);
}

static int
slot_tp_descr_set(Object *self, Object *target, Object *value)
{
    Object *r;
    if (value) {
        Object *a[2] = {target, value};
        r = type_call_special(self, ID(__set__), a, 2);
    } else {
        r = type_call_special(self, ID(__delete__), &target, 1);
    }
    if (!r)
        return -1;
    decref(r);
    return 0;
}

static int
slot_tp_init(Object *self, Object *args, Object *kwds)
{
    Object *f = type_lookup(TYPE(self), ID(__init__));
    if (!f) {
        err_set(exc_TypeError, "__init__ not found");
        return -1;
    }
    incref(f);
    Object *bound;
    if (TYPE(f)->descr_get)
        bound = TYPE(f)->descr_get(f, self, (Object *)TYPE(self));
    else
        bound = newref(f);
    decref(f);
    if (!bound)
        return -1;
    Object *r = obj_call(bound, args, kwds);
    decref(bound);
    if (!r)
        return -1;
    if (r != None) {
        err_format(exc_TypeError, "__init__() should return None, not '%s'", TYPE(r)->name);
        decref(r);
        return -1;
    }
    decref(r);
    return 0;
}

static Object *
slot_tp_new(TypeObject *t, Object *args, Object *kwds)
{
    Object *f = obj_getattr((Object *)t, ID(__new__));
    if (!f)
        return NULL;
    ssize_t n = args ? TUPLE_LEN(args) : 0;
    Object *a = tuple_new(n + 1);
    if (!a) {
        decref(f);
        return NULL;
    }
    TUPLE_SET(a, 0, newref(t));
    for (ssize_t i = 0; i < n; i++)
        TUPLE_SET(a, i + 1, newref(TUPLE_GET(args, i)));
    Object *r = obj_call(f, a, kwds);
    decref(a);
    decref(f);
    return r;
}

static void
slot_tp_finalize(Object *self)
{
    ErrState exc;
    err_save(&exc);
    Object *del = type_lookup(TYPE(self), ID(__del__));
    if (del) {
        incref(del);
        Object *r = type_call_special(self, ID(__del__), NULL, 0);
        if (!r)
            err_write_unraisable(del);
        else
            decref(r);
        decref(del);
    }
    err_restore_saved(&exc);
}

static ssize_t
slot_mp_length(Object *self)
{
    Object *r = type_call_special(self, ID(__len__), NULL, 0);
    if (!r)
        return -1;
    if (!index_check(r)) {
        err_format(exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   TYPE(r)->name);
        decref(r);
        return -1;
    }
    ssize_t n = num_as_ssize(r, exc_OverflowError);
    decref(r);
    if (n == -1 && err_occurred())
        return -1;
    if (n < 0) {
        err_set(exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return n;
}

static Object *
slot_mp_subscript(Object *self, Object *key)
{
    return type_call_special(self, ID(__getitem__), &key, 1);
}

static int
slot_mp_ass_subscript(Object *self, Object *key, Object *value)
{
    Object *r;
    if (value) {
        Object *a[2] = {key, value};
        r = type_call_special(self, ID(__setitem__), a, 2);
    } else {
        r = type_call_special(self, ID(__delitem__), &key, 1);
    }
    if (!r)
        return -1;
    decref(r);
    return 0;
}

static int
slot_sq_contains(Object *self, Object *value)
{
    Object *f = type_lookup(TYPE(self), ID(__contains__));
    if (f == None) {
        err_format(exc_TypeError, "'%s' object is not a container", TYPE(self)->name);
        return -1;
    }
    if (!f) {
        /* fall back to iteration, as obj_contains does without the slot */
        Object *it = obj_get_iter(self);
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
            int eq = obj_richcompare_bool(x, value, CMP_EQ);
            decref(x);
            if (eq != 0) {
                found = eq;
                break;
            }
        }
        decref(it);
        return found;
    }
    Object *r = type_call_special(self, ID(__contains__), &value, 1);
    if (!r)
        return -1;
    int t = obj_is_true(r);
    decref(r);
    return t;
}

static int
slot_nb_bool(Object *self)
{
    Object *f = type_lookup(TYPE(self), ID(__bool__));
    int using_len = 0;
    Object *r;
    if (f) {
        r = type_call_special(self, ID(__bool__), NULL, 0);
    } else {
        f = type_lookup(TYPE(self), ID(__len__));
        if (!f)
            return 1;
        using_len = 1;
        r = type_call_special(self, ID(__len__), NULL, 0);
    }
    if (!r)
        return -1;
    int res;
    if (using_len) {
        ssize_t n = num_as_ssize(r, exc_OverflowError);
        decref(r);
        if (n == -1 && err_occurred())
            return -1;
        if (n < 0) {
            err_set(exc_ValueError, "__len__() should return >= 0");
            return -1;
        }
        return n > 0;
    }
    if (r == True_)
        res = 1;
    else if (r == False_)
        res = 0;
    else {
        err_format(exc_TypeError, "__bool__ should return bool, returned %s", TYPE(r)->name);
        res = -1;
    }
    decref(r);
    return res;
}

#define SLOT0(fname, id)                                                                 \
    static Object *fname(Object *self)                                                   \
    {                                                                                    \
        return type_call_special(self, ID(id), NULL, 0);                                 \
    }
SLOT0(slot_nb_negative, __neg__)
SLOT0(slot_nb_positive, __pos__)
SLOT0(slot_nb_absolute, __abs__)
SLOT0(slot_nb_invert, __invert__)
SLOT0(slot_nb_int, __int__)
SLOT0(slot_nb_float, __float__)
SLOT0(slot_nb_index, __index__)

#define SLOT1(fname, id)                                                                 \
    static Object *fname(Object *self, Object *other)                                    \
    {                                                                                    \
        return call_maybe(self, ID(id), &other, 1);                                      \
    }
SLOT1(slot_nb_inplace_add, __iadd__)
SLOT1(slot_nb_inplace_subtract, __isub__)
SLOT1(slot_nb_inplace_multiply, __imul__)
SLOT1(slot_nb_inplace_matrix_multiply, __imatmul__)
SLOT1(slot_nb_inplace_true_divide, __itruediv__)
SLOT1(slot_nb_inplace_floor_divide, __ifloordiv__)
SLOT1(slot_nb_inplace_remainder, __imod__)
SLOT1(slot_nb_inplace_lshift, __ilshift__)
SLOT1(slot_nb_inplace_rshift, __irshift__)
SLOT1(slot_nb_inplace_and, __iand__)
SLOT1(slot_nb_inplace_xor, __ixor__)
SLOT1(slot_nb_inplace_or, __ior__)

static Object *
slot_nb_inplace_power(Object *self, Object *other, Object *mod)
{
    return call_maybe(self, ID(__ipow__), &other, 1);
}

/* Is name overridden in b relative to a (b a proper subclass of a)? */
static int
method_is_overloaded(TypeObject *a, TypeObject *b, Object *name)
{
    Object *fb = type_lookup(b, name);
    if (!fb)
        return 0;
    Object *fa = type_lookup(a, name);
    return fa != fb;
}

#define SLOT_AT_T(t, off) (*(void **)((char *)(t) + (off)))

static Object *
slot_binop(Object *self, Object *other, Object *name, Object *rname, size_t off, void *me)
{
    TypeObject *ts = TYPE(self), *to = TYPE(other);
    int do_other = ts != to && SLOT_AT_T(to, off) == me;
    Object *r;
    if (SLOT_AT_T(ts, off) == me) {
        if (do_other && type_is_subtype(to, ts) && method_is_overloaded(ts, to, rname)) {
            r = call_maybe(other, rname, &self, 1);
            if (r != NotImplemented)
                return r;
            decref(r);
            do_other = 0;
        }
        r = call_maybe(self, name, &other, 1);
        if (r != NotImplemented || ts == to)
            return r;
        decref(r);
    }
    if (do_other)
        return call_maybe(other, rname, &self, 1);
    return newref(NotImplemented);
}

#define SLOTBIN(fname, slot, id, rid)                                                    \
    static Object *fname(Object *self, Object *other)                                    \
    {                                                                                    \
        return slot_binop(self, other, ID(id), ID(rid), offsetof(TypeObject, slot),      \
                          (void *)fname);                                                \
    }
SLOTBIN(slot_nb_add, nb_add, __add__, __radd__)
SLOTBIN(slot_nb_subtract, nb_subtract, __sub__, __rsub__)
SLOTBIN(slot_nb_multiply, nb_multiply, __mul__, __rmul__)
SLOTBIN(slot_nb_matrix_multiply, nb_matrix_multiply, __matmul__, __rmatmul__)
SLOTBIN(slot_nb_true_divide, nb_true_divide, __truediv__, __rtruediv__)
SLOTBIN(slot_nb_floor_divide, nb_floor_divide, __floordiv__, __rfloordiv__)
SLOTBIN(slot_nb_remainder, nb_remainder, __mod__, __rmod__)
SLOTBIN(slot_nb_divmod, nb_divmod, __divmod__, __rdivmod__)
SLOTBIN(slot_nb_lshift, nb_lshift, __lshift__, __rlshift__)
SLOTBIN(slot_nb_rshift, nb_rshift, __rshift__, __rrshift__)
SLOTBIN(slot_nb_and, nb_and, __and__, __rand__)
SLOTBIN(slot_nb_xor, nb_xor, __xor__, __rxor__)
SLOTBIN(slot_nb_or, nb_or, __or__, __ror__)

static Object *
slot_nb_power(Object *self, Object *other, Object *mod)
{
    if (mod == None)
        return slot_binop(self, other, ID(__pow__), ID(__rpow__),
                          offsetof(TypeObject, nb_power), (void *)slot_nb_power);
    if (TYPE(self)->nb_power == slot_nb_power) {
        Object *a[2] = {other, mod};
        return call_maybe(self, ID(__pow__), a, 2);
    }
    return newref(NotImplemented);
}

/* ================================================================ the slotdefs table */

#define OFF(f) offsetof(TypeObject, f)
#define TPSLOT(n, f, fn, w) {#n, OFF(f), (void *)(fn), w, 0, NULL, NULL}
#define RCSLOT(n, op) {#n, OFF(richcompare), (void *)slot_tp_richcompare, wrap_richcmpfunc, op,\
                       NULL, NULL}
#define BINSLOT(n, f, fn) {#n, OFF(f), (void *)(fn), wrap_binaryfunc_l, 0, NULL, NULL}
#define RBINSLOT(n, f, fn) {#n, OFF(f), (void *)(fn), wrap_binaryfunc_r, 1, NULL, NULL}

static SlotDef slotdefs[] = {
    TPSLOT(__getattribute__, getattro, slot_tp_getattr_hook, wrap_binaryfunc_l),
    TPSLOT(__getattr__, getattro, slot_tp_getattr_hook, NULL),
    TPSLOT(__setattr__, setattro, slot_tp_setattro, wrap_setattr),
    TPSLOT(__delattr__, setattro, slot_tp_setattro, wrap_delattr),
    TPSLOT(__repr__, repr, slot_tp_repr, wrap_unaryfunc),
    TPSLOT(__hash__, hash, slot_tp_hash, wrap_hashfunc),
    TPSLOT(__call__, call, slot_tp_call, wrap_call),
    TPSLOT(__str__, str, slot_tp_str, wrap_unaryfunc),
    RCSLOT(__lt__, CMP_LT),
    RCSLOT(__le__, CMP_LE),
    RCSLOT(__eq__, CMP_EQ),
    RCSLOT(__ne__, CMP_NE),
    RCSLOT(__gt__, CMP_GT),
    RCSLOT(__ge__, CMP_GE),
    TPSLOT(__iter__, iter, slot_tp_iter, wrap_unaryfunc),
    TPSLOT(__next__, iternext, slot_tp_iternext, wrap_next),
    TPSLOT(__get__, descr_get, slot_tp_descr_get, wrap_descr_get),
    TPSLOT(__set__, descr_set, slot_tp_descr_set, wrap_descr_set),
    TPSLOT(__delete__, descr_set, slot_tp_descr_set, wrap_descr_delete),
    TPSLOT(__init__, init, slot_tp_init, wrap_init),
    TPSLOT(__del__, finalize, slot_tp_finalize, wrap_del),

    BINSLOT(__add__, nb_add, slot_nb_add),
    RBINSLOT(__radd__, nb_add, slot_nb_add),
    BINSLOT(__sub__, nb_subtract, slot_nb_subtract),
    RBINSLOT(__rsub__, nb_subtract, slot_nb_subtract),
    BINSLOT(__mul__, nb_multiply, slot_nb_multiply),
    RBINSLOT(__rmul__, nb_multiply, slot_nb_multiply),
    BINSLOT(__mod__, nb_remainder, slot_nb_remainder),
    RBINSLOT(__rmod__, nb_remainder, slot_nb_remainder),
    BINSLOT(__divmod__, nb_divmod, slot_nb_divmod),
    RBINSLOT(__rdivmod__, nb_divmod, slot_nb_divmod),
    {"__pow__", OFF(nb_power), (void *)slot_nb_power, wrap_ternaryfunc, 0, NULL, NULL},
    {"__rpow__", OFF(nb_power), (void *)slot_nb_power, wrap_ternaryfunc_r, 1, NULL, NULL},
    TPSLOT(__neg__, nb_negative, slot_nb_negative, wrap_unaryfunc),
    TPSLOT(__pos__, nb_positive, slot_nb_positive, wrap_unaryfunc),
    TPSLOT(__abs__, nb_absolute, slot_nb_absolute, wrap_unaryfunc),
    TPSLOT(__bool__, nb_bool, slot_nb_bool, wrap_inquirypred),
    TPSLOT(__invert__, nb_invert, slot_nb_invert, wrap_unaryfunc),
    BINSLOT(__lshift__, nb_lshift, slot_nb_lshift),
    RBINSLOT(__rlshift__, nb_lshift, slot_nb_lshift),
    BINSLOT(__rshift__, nb_rshift, slot_nb_rshift),
    RBINSLOT(__rrshift__, nb_rshift, slot_nb_rshift),
    BINSLOT(__and__, nb_and, slot_nb_and),
    RBINSLOT(__rand__, nb_and, slot_nb_and),
    BINSLOT(__xor__, nb_xor, slot_nb_xor),
    RBINSLOT(__rxor__, nb_xor, slot_nb_xor),
    BINSLOT(__or__, nb_or, slot_nb_or),
    RBINSLOT(__ror__, nb_or, slot_nb_or),
    TPSLOT(__int__, nb_int, slot_nb_int, wrap_unaryfunc),
    TPSLOT(__float__, nb_float, slot_nb_float, wrap_unaryfunc),
    BINSLOT(__iadd__, nb_inplace_add, slot_nb_inplace_add),
    BINSLOT(__isub__, nb_inplace_subtract, slot_nb_inplace_subtract),
    BINSLOT(__imul__, nb_inplace_multiply, slot_nb_inplace_multiply),
    BINSLOT(__imod__, nb_inplace_remainder, slot_nb_inplace_remainder),
    {"__ipow__", OFF(nb_inplace_power), (void *)slot_nb_inplace_power, wrap_ternaryfunc, 0,
     NULL, NULL},
    BINSLOT(__ilshift__, nb_inplace_lshift, slot_nb_inplace_lshift),
    BINSLOT(__irshift__, nb_inplace_rshift, slot_nb_inplace_rshift),
    BINSLOT(__iand__, nb_inplace_and, slot_nb_inplace_and),
    BINSLOT(__ixor__, nb_inplace_xor, slot_nb_inplace_xor),
    BINSLOT(__ior__, nb_inplace_or, slot_nb_inplace_or),
    BINSLOT(__floordiv__, nb_floor_divide, slot_nb_floor_divide),
    RBINSLOT(__rfloordiv__, nb_floor_divide, slot_nb_floor_divide),
    BINSLOT(__truediv__, nb_true_divide, slot_nb_true_divide),
    RBINSLOT(__rtruediv__, nb_true_divide, slot_nb_true_divide),
    BINSLOT(__ifloordiv__, nb_inplace_floor_divide, slot_nb_inplace_floor_divide),
    BINSLOT(__itruediv__, nb_inplace_true_divide, slot_nb_inplace_true_divide),
    TPSLOT(__index__, nb_index, slot_nb_index, wrap_unaryfunc),
    BINSLOT(__matmul__, nb_matrix_multiply, slot_nb_matrix_multiply),
    RBINSLOT(__rmatmul__, nb_matrix_multiply, slot_nb_matrix_multiply),
    BINSLOT(__imatmul__, nb_inplace_matrix_multiply, slot_nb_inplace_matrix_multiply),

    TPSLOT(__len__, len, slot_mp_length, wrap_lenfunc),
    TPSLOT(__getitem__, mp_subscript, slot_mp_subscript, wrap_binaryfunc_l),
    TPSLOT(__setitem__, mp_ass_subscript, slot_mp_ass_subscript, wrap_objobjargproc),
    TPSLOT(__delitem__, mp_ass_subscript, slot_mp_ass_subscript, wrap_delitem),
    /* sequence slots of builtin types (classes never get these) */
    TPSLOT(__getitem__, sq_item, NULL, wrap_sq_item),
    TPSLOT(__add__, sq_concat, NULL, wrap_binaryfunc_l),
    TPSLOT(__mul__, sq_repeat, NULL, wrap_indexargfunc),
    TPSLOT(__rmul__, sq_repeat, NULL, wrap_indexargfunc),
    TPSLOT(__contains__, sq_contains, slot_sq_contains, wrap_objobjproc),
    TPSLOT(__iadd__, sq_inplace_concat, NULL, wrap_binaryfunc_l),
    TPSLOT(__imul__, sq_inplace_repeat, NULL, wrap_indexargfunc),
    {NULL, 0, NULL, NULL, 0, NULL, NULL},
};

static void
slotdefs_init(void)
{
    for (SlotDef *p = slotdefs; p->name; p++)
        p->name_strobj = str_intern_cstr(p->name);
}

/* Publish a static type's own slots as wrapper descriptors in its dict. */
static int
add_operators(TypeObject *t)
{
    for (SlotDef *p = slotdefs; p->name; p++) {
        void *fn = SLOT_AT_T(t, p->offset);
        if (!fn && p->wrapper == wrap_call && t->vectorcall)
            fn = (void *)obj_call;      /* CPython's tp_call = PyVectorcall_Call */
        if (!fn || !p->wrapper)
            continue;
        if (dict_getitem(t->dict, p->name_strobj))
            continue;
        if (fn == (void *)obj_hash_not_implemented) {
            if (dict_setitem(t->dict, p->name_strobj, None) < 0)
                return -1;
            continue;
        }
        /* nb_power is ternary: the binary wrappers would crash */
        Object *d = descr_new_wrapper(t, p, fn);
        if (!d)
            return -1;
        int r = dict_setitem(t->dict, p->name_strobj, d);
        decref(d);
        if (r < 0)
            return -1;
    }
    return 0;
}

/* For a class, decide each slot from what its MRO defines for the slot's names. */
static void
update_one_slot(TypeObject *t, SlotDef *first)
{
    size_t off = first->offset;
    void *generic = NULL, *specific = NULL;
    int use_generic = 0, any = 0;
    for (SlotDef *p = slotdefs; p->name; p++) {
        if (p->offset != off)
            continue;
        /* uncached, as CPython's update_one_slot (find_name_in_mro) */
        Object *descr = find_name_in_mro(t, p->name_strobj, str_hash(p->name_strobj));
        if (!descr) {
            if (p->function && !generic)
                generic = p->function;
            continue;
        }
        any = 1;
        if (p->function)
            generic = p->function;
        if (TYPE(descr) == &wrapper_descr_type &&
            ((WrapperDescrObject *)descr)->d_base->offset == off) {
            void *w = ((WrapperDescrObject *)descr)->d_wrapped;
            if (!specific || specific == w)
                specific = w;
            else
                use_generic = 1;
        } else if (descr == None && off == OFF(hash)) {
            specific = (void *)obj_hash_not_implemented;
        } else {
            use_generic = 1;
        }
    }
    void *res;
    if (!any)
        res = NULL;
    else if (use_generic || !specific)
        res = generic;
    else
        res = specific;
    if (off == OFF(getattro) && !res)
        res = (void *)obj_generic_getattr;
    if (off == OFF(setattro) && !res)
        res = (void *)obj_generic_setattr;
    /* Sequence slots of builtin bases: keep whatever was inherited. */
    if (!first->function) {
        if (use_generic)
            res = NULL;     /* a Python override of e.g. __add__ goes via nb_add */
        else if (!any)
            return;
    }
    SLOT_AT_T(t, off) = res;
}

static void
fixup_slots(TypeObject *t)
{
    for (SlotDef *p = slotdefs; p->name; p++) {
        /* handle each offset once (first slotdef for it) */
        SlotDef *q = slotdefs;
        while (q->offset != p->offset)
            q++;
        if (q != p)
            continue;
        update_one_slot(t, p);
    }
}

/* A dunder was assigned on class t: refresh the slots of t and its subclasses. */
static void
update_slot_for_name(TypeObject *t, Object *name)
{
    for (SlotDef *p = slotdefs; p->name; p++) {
        if (!str_eq(p->name_strobj, name))
            continue;
        SlotDef *q = slotdefs;
        while (q->offset != p->offset)
            q++;
        update_one_slot(t, q);
    }
    ssize_t pos = 0;
    TypeObject *s;
    while ((s = type_next_subclass(t, &pos)))
        if (s->flags & TPFLAG_HEAPTYPE)
            update_slot_for_name(s, name);
}

/* ================================================================ readying */

static int
add_methods(TypeObject *t)
{
    for (const MethodDef *m = t->methods; m && m->name; m++) {
        Object *name = str_intern_cstr(m->name);
        if (!name)
            return -1;
        Object *d;
        if (m->flags & METH_CLASS)
            d = descr_new_classmethod(t, m);
        else if (m->flags & METH_STATIC) {
            Object *f = cfunction_new(m, NULL, NULL);
            d = f ? staticmethod_new(f) : NULL;
            xdecref(f);
        } else
            d = descr_new_method(t, m);
        if (!d) {
            decref(name);
            return -1;
        }
        int r = dict_setitem(t->dict, name, d);
        decref(name);
        decref(d);
        if (r < 0)
            return -1;
    }
    for (const MemberDef *m = t->members; m && m->name; m++) {
        Object *d = descr_new_member(t, m);
        if (!d || dict_setitem(t->dict, ((DescrObject *)d)->d_name, d) < 0) {
            xdecref(d);
            return -1;
        }
        decref(d);
    }
    for (const GetSetDef *g = t->getset; g && g->name; g++) {
        Object *d = descr_new_getset(t, g);
        if (!d || dict_setitem(t->dict, ((DescrObject *)d)->d_name, d) < 0) {
            xdecref(d);
            return -1;
        }
        decref(d);
    }
    return 0;
}

/* __new__ of a static type appears in its dict as a builtin bound to the type. */
static Object *tp_new_wrapper(Object *self, Object *const *args, ssize_t nargs,
                              Object *kwnames);
static const MethodDef tp_new_def = {"__new__", tp_new_wrapper, METH_VARARGS | METH_KEYWORDS,
                                     "Create and return a new object."};

static Object *
tp_new_wrapper(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    TypeObject *t = (TypeObject *)self;
    /* METH_VARARGS | METH_KEYWORDS in CPython: the whole argument tuple and the keyword
    ** dict are made for the call, then the arguments after the subtype are sliced into
    ** the tuple tp_new gets (with the same dict) */
    Object *full, *tkw, *targs = NULL, *r = NULL;
    if (arg_pack_like_cpython(args, (size_t)nargs, kwnames, &full, &tkw) < 0)
        return NULL;
    if (nargs < 1) {
        err_format(exc_TypeError, "%s.__new__(): not enough arguments", t->name);
        goto done;
    }
    Object *arg0 = args[0];
    if (!TYPE_CHECK(arg0)) {
        err_format(exc_TypeError, "%s.__new__(X): X is not a type object (%s)", t->name,
                   TYPE(arg0)->name);
        goto done;
    }
    TypeObject *sub = (TypeObject *)arg0;
    if (!type_is_subtype(sub, t)) {
        err_format(exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s", t->name,
                   sub->name, sub->name, t->name);
        goto done;
    }
    targs = tuple_from_array(args + 1, nargs - 1);
    if (targs)
        r = t->new_(sub, targs, tkw);
done:
    xdecref(targs);
    decref(full);
    xdecref(tkw);
    return r;
}

static int
add_tp_new_wrapper(TypeObject *t)
{
    if (dict_getitem(t->dict, ID(__new__)))
        return 0;
    Object *f = cfunction_new(&tp_new_def, (Object *)t, NULL);
    if (!f)
        return -1;
    int r = dict_setitem(t->dict, ID(__new__), f);
    decref(f);
    return r;
}

#define COPYSLOT(f)                                                                      \
    if (!t->f && b->f)                                                                   \
        t->f = b->f;

static void
inherit_slots(TypeObject *t, TypeObject *b)
{
    COPYSLOT(nb_add) COPYSLOT(nb_subtract) COPYSLOT(nb_multiply) COPYSLOT(nb_remainder)
    COPYSLOT(nb_divmod) COPYSLOT(nb_power) COPYSLOT(nb_negative) COPYSLOT(nb_positive)
    COPYSLOT(nb_absolute) COPYSLOT(nb_bool) COPYSLOT(nb_invert) COPYSLOT(nb_lshift)
    COPYSLOT(nb_rshift) COPYSLOT(nb_and) COPYSLOT(nb_xor) COPYSLOT(nb_or) COPYSLOT(nb_int)
    COPYSLOT(nb_float) COPYSLOT(nb_inplace_add) COPYSLOT(nb_inplace_subtract)
    COPYSLOT(nb_inplace_multiply) COPYSLOT(nb_inplace_remainder) COPYSLOT(nb_inplace_power)
    COPYSLOT(nb_inplace_lshift) COPYSLOT(nb_inplace_rshift) COPYSLOT(nb_inplace_and)
    COPYSLOT(nb_inplace_xor) COPYSLOT(nb_inplace_or) COPYSLOT(nb_floor_divide)
    COPYSLOT(nb_true_divide) COPYSLOT(nb_inplace_floor_divide)
    COPYSLOT(nb_inplace_true_divide) COPYSLOT(nb_index) COPYSLOT(nb_matrix_multiply)
    COPYSLOT(nb_inplace_matrix_multiply)
    COPYSLOT(len) COPYSLOT(sq_concat) COPYSLOT(sq_repeat) COPYSLOT(sq_item)
    COPYSLOT(sq_contains) COPYSLOT(sq_inplace_concat) COPYSLOT(sq_inplace_repeat)
    COPYSLOT(mp_subscript) COPYSLOT(mp_ass_subscript)
    COPYSLOT(dealloc) COPYSLOT(repr) COPYSLOT(call) COPYSLOT(str) COPYSLOT(getattro)
    COPYSLOT(setattro) COPYSLOT(iter) COPYSLOT(iternext) COPYSLOT(descr_get)
    COPYSLOT(descr_set) COPYSLOT(init) COPYSLOT(alloc) COPYSLOT(free) COPYSLOT(finalize)
    if (!t->richcompare && !t->hash) {
        t->richcompare = b->richcompare;
        t->hash = b->hash;
    }
    if ((t->flags & TPFLAG_GC) && (b->flags & TPFLAG_GC) && !t->traverse && !t->clear) {
        t->traverse = b->traverse;
        t->clear = b->clear;
    }
    if (!t->vectorcall && !(t->flags & TPFLAG_HEAPTYPE))
        t->vectorcall = b->vectorcall;
}

static void
inherit_special(TypeObject *t, TypeObject *b)
{
    if (!(t->flags & TPFLAG_GC) && (b->flags & TPFLAG_GC) && !t->traverse && !t->clear) {
        t->flags |= TPFLAG_GC;
        t->traverse = b->traverse;
        t->clear = b->clear;
    }
    if (!t->basicsize)
        t->basicsize = b->basicsize;
    if (!t->itemsize)
        t->itemsize = b->itemsize;
    if (!t->new_ && t != &object_type)
        t->new_ = b->new_;
    if (!t->dictoffset)
        t->dictoffset = b->dictoffset;
    if (!t->weaklistoffset)
        t->weaklistoffset = b->weaklistoffset;
    if (b->flags & TPFLAG_MANAGED_DICT)
        t->flags |= TPFLAG_MANAGED_DICT;
    t->flags |= b->flags & (TPFLAG_INT_SUBCLASS | TPFLAG_LIST_SUBCLASS |
                            TPFLAG_TUPLE_SUBCLASS | TPFLAG_BYTES_SUBCLASS |
                            TPFLAG_STR_SUBCLASS | TPFLAG_DICT_SUBCLASS |
                            TPFLAG_BASE_EXC_SUBCLASS | TPFLAG_TYPE_SUBCLASS |
                            TPFLAG_WEAKREF);
}

/* ---- C3 linearisation ---- */

static int
tail_contains(Object *list, ssize_t whence, Object *o)
{
    for (ssize_t j = whence + 1; j < LIST_LEN(list); j++)
        if (LIST_GET(list, j) == o)
            return 1;
    return 0;
}

static Object *
mro_c3(TypeObject *t)
{
    Object *bases = t->bases;
    ssize_t nb = TUPLE_LEN(bases);
    if (nb == 1) {
        TypeObject *b = (TypeObject *)TUPLE_GET(bases, 0);
        ssize_t k = TUPLE_LEN(b->mro);
        Object *r = tuple_new(k + 1);
        if (!r)
            return NULL;
        TUPLE_SET(r, 0, newref(t));
        for (ssize_t i = 0; i < k; i++)
            TUPLE_SET(r, i + 1, newref(TUPLE_GET(b->mro, i)));
        return r;
    }
    for (ssize_t i = 0; i < nb; i++)        /* CPython's check_duplicates */
        for (ssize_t j = i + 1; j < nb; j++)
            if (TUPLE_GET(bases, i) == TUPLE_GET(bases, j))
                return err_format(exc_TypeError, "duplicate base class %s",
                                  ((TypeObject *)TUPLE_GET(bases, i))->name);
    /* to_merge: the MROs of the bases, then the bases list */
    ssize_t nlists = nb + 1;
    Object **lists = heap_alloc(sizeof(Object *) * (size_t)nlists);
    ssize_t *remain = heap_alloc(sizeof(ssize_t) * (size_t)nlists);
    Object *result = list_new(0);
    Object *out = NULL;
    if (!lists || !remain || !result) {
        err_no_memory();
        goto done;
    }
    for (ssize_t i = 0; i < nb; i++) {
        Object *m = ((TypeObject *)TUPLE_GET(bases, i))->mro;
        lists[i] = list_from_iterable(m);
        remain[i] = 0;
    }
    lists[nb] = list_from_iterable(bases);
    remain[nb] = 0;
    if (list_append(result, (Object *)t) < 0)
        goto done;
    for (;;) {
        int empty_cnt = 0;
        Object *candidate = NULL;
        for (ssize_t i = 0; i < nlists; i++) {
            if (remain[i] >= LIST_LEN(lists[i])) {
                empty_cnt++;
                continue;
            }
            candidate = LIST_GET(lists[i], remain[i]);
            int bad = 0;
            for (ssize_t j = 0; j < nlists; j++)
                if (tail_contains(lists[j], remain[j], candidate)) {
                    bad = 1;
                    break;
                }
            if (!bad)
                break;
            candidate = NULL;
        }
        if (empty_cnt == nlists)
            break;
        if (!candidate) {
            StrBuilder sb;
            sb_init(&sb);
            sb_puts(&sb, "Cannot create a consistent method resolution\norder (MRO) for bases");
            /* CPython's set_mro_error: the distinct heads of the lists still to merge */
            int first = 1;
            for (ssize_t i = 0; i < nlists; i++) {
                if (remain[i] >= LIST_LEN(lists[i]))
                    continue;
                Object *head = LIST_GET(lists[i], remain[i]);
                int seen = 0;
                for (ssize_t j = 0; j < i && !seen; j++)
                    seen = remain[j] < LIST_LEN(lists[j]) && LIST_GET(lists[j], remain[j]) == head;
                if (seen)
                    continue;
                sb_puts(&sb, first ? " " : ", ");
                sb_puts(&sb, ((TypeObject *)head)->name);
                first = 0;
            }
            Object *msg = sb_finish(&sb);
            if (msg) {
                err_set_object(exc_TypeError, msg);
                decref(msg);
            }
            goto done;
        }
        if (list_append(result, candidate) < 0)
            goto done;
        for (ssize_t j = 0; j < nlists; j++)
            if (remain[j] < LIST_LEN(lists[j]) && LIST_GET(lists[j], remain[j]) == candidate)
                remain[j]++;
    }
    out = list_as_tuple(result);
done:
    if (lists)
        for (ssize_t i = 0; i < nlists; i++)
            xdecref(lists[i]);
    heap_free(lists);
    heap_free(remain);
    xdecref(result);
    return out;
}

/* Every static type that type_ready() filled in, in order, so that type_fini() can
** release what readying gave it (dict, mro, bases, subclass dict): the objects in
** there are heap objects like any other, and -X leakcheck wants all of them freed. */
static TypeObject **static_types;
static size_t static_types_len, static_types_cap;

static int
static_types_add(TypeObject *t)
{
    if (static_types_len == static_types_cap) {
        size_t ncap = static_types_cap ? static_types_cap * 2 : 256;
        TypeObject **n = realloc(static_types, ncap * sizeof(TypeObject *));
        if (!n) {
            err_no_memory();
            return -1;
        }
        static_types = n;
        static_types_cap = ncap;
    }
    static_types[static_types_len++] = t;
    return 0;
}

int
type_is_static_ready(const TypeObject *t)
{
    for (size_t i = 0; i < static_types_len; i++)
        if (static_types[i] == t)
            return 1;
    return 0;
}

/* add_subclass: base->subclasses is CPython's tp_subclasses, a dict from the subclass's
** address (an int) to a weak reference to it, made when the first subclass comes. */
static int
type_add_subclass_entry(TypeObject *base, TypeObject *t, int untracked)
{
    Object *key = int_from_size((size_t)(uintptr_t)t);
    if (!key)
        return -1;
    Object *ref = weakref_new_ref((Object *)t, NULL);
    if (!ref) {
        decref(key);
        return -1;
    }
    if (!base->subclasses && !(base->subclasses = dict_new())) {
        decref(key);
        decref(ref);
        return -1;
    }
    int r = dict_setitem(base->subclasses, key, ref);
    if (r == 0 && untracked) {
        gc_untrack(base->subclasses);
        gc_untrack(ref);
    }
    decref(ref);
    decref(key);
    return r;
}

/* add_subclass: base->subclasses is CPython's tp_subclasses, a dict from the subclass's
** address (an int) to a weak reference to it, made when the first subclass comes.  A
** static type's entries are CPython's start-up objects, which the collector's start-up
** model counts already (main.c): made in side mode, out of generation 0's count, and
** kept out of the collector. */
static int
type_add_subclass(TypeObject *base, TypeObject *t)
{
    if (t->flags & TPFLAG_HEAPTYPE)
        return type_add_subclass_entry(base, t, 0);
    heap_side_enter();
    int r = type_add_subclass_entry(base, t, 1);
    heap_side_leave();
    return r;
}

static void
type_remove_subclass(TypeObject *base, TypeObject *t)
{
    if (!base->subclasses)
        return;
    Object *key = int_from_size((size_t)(uintptr_t)t);
    if (!key || dict_delitem(base->subclasses, key) < 0)
        err_clear();
    xdecref(key);
    if (dict_size(base->subclasses) == 0)
        CLEAR(base->subclasses);        /* as CPython, to save memory */
}

int
type_ready(TypeObject *t)
{
    if (t->flags & TPFLAG_READY)
        return 0;
    t->flags |= TPFLAG_READYING;
    if (!TYPE(t))
        t->ob_base.ob_base.type = &type_type;
    if (!t->base && t != &object_type)
        t->base = &object_type;
    TypeObject *b = t->base;
    if (b && !(b->flags & TPFLAG_READY) && type_ready(b) < 0)
        return -1;
    if (!t->bases)
        t->bases = b ? tuple_pack(1, b) : tuple_new(0);
    if (!t->bases)
        return -1;
    if (!t->dict) {
        t->dict = dict_new();
        if (!t->dict)
            return -1;
    }
    if (!(t->flags & TPFLAG_HEAPTYPE)) {
        if (REFCNT(t) == 0)
            REFCNT(t) = 1;      /* static types are never freed */
        if (static_types_add(t) < 0)
            return -1;
        if (add_operators(t) < 0)
            return -1;
        if (add_methods(t) < 0)
            return -1;
        if (t->new_ && add_tp_new_wrapper(t) < 0)
            return -1;
    }
    if ((t->flags & TPFLAG_HEAPTYPE) || TUPLE_LEN(t->bases) > 1) {
        t->mro = mro_c3(t);     /* (a static type with several bases had them set first) */
    } else if (b) {
        ssize_t k = TUPLE_LEN(b->mro);
        t->mro = tuple_new(k + 1);
        if (t->mro) {
            TUPLE_SET(t->mro, 0, newref(t));
            for (ssize_t i = 0; i < k; i++)
                TUPLE_SET(t->mro, i + 1, newref(TUPLE_GET(b->mro, i)));
        }
    } else {
        t->mro = tuple_pack(1, t);
    }
    if (!t->mro)
        return -1;
    if (b)
        inherit_special(t, b);
    for (ssize_t i = 1; i < TUPLE_LEN(t->mro); i++)
        inherit_slots(t, (TypeObject *)TUPLE_GET(t->mro, i));
    if (t->hash == NULL && !(t->flags & TPFLAG_HEAPTYPE))
        t->hash = obj_hash_not_implemented;
    if (!dict_getitem(t->dict, ID(__doc__))) {
        Object *doc = t->doc ? str_from_cstr(t->doc) : newref(None);
        if (!doc || dict_setitem(t->dict, ID(__doc__), doc) < 0) {
            xdecref(doc);
            return -1;
        }
        decref(doc);
    }
    for (ssize_t i = 0; i < TUPLE_LEN(t->bases); i++)
        if (type_add_subclass((TypeObject *)TUPLE_GET(t->bases, i), t) < 0)
            return -1;
    t->flags = (t->flags & ~TPFLAG_READYING) | TPFLAG_READY;
    return 0;
}

/* ================================================================ type: calling */

/* Calling a plain class (object.__new__ and a Python __init__) straight from the
** argument stack.  CPython 3.11 has no vectorcall for classes: _PyObject_MakeTpCall packs
** the arguments into a tuple and the keywords into a dict, both alive for the whole call,
** and slot_tp_init unpacks the dict again into a kwnames tuple for __init__.  The same
** temporaries are made here, in the same order, because they are GC objects: taken from
** an empty free list they count in the collector's generation 0 (gc.c), and that decides
** when automatic collections happen. */
static Object *
type_call_python_init(TypeObject *t, Object *init, Object *const *args, size_t nargs,
                      Object *kwnames)
{
    size_t nk = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0;
    Object *argstuple = NULL, *kwdict = NULL, *kwn = NULL, *self = NULL, *r = NULL;
    Object *small[9];
    Object **stack = small;
    if (arg_pack_like_cpython(args, nargs, nk ? kwnames : NULL, &argstuple, &kwdict) < 0)
        return NULL;
    self = t->alloc(t, 0);
    if (!self)
        goto done;
    if (t->flags & TPFLAG_GC)
        gc_track(self);
    if ((t->flags & TPFLAG_MANAGED_DICT) && inst_note_new(self) < 0)
        goto done;
    if (nk) {
        kwn = tuple_from_array(&TUPLE_GET(kwnames, 0), (ssize_t)nk);
        if (!kwn)
            goto done;
    }
    if (nargs + nk + 1 > 9) {
        stack = heap_alloc(sizeof(Object *) * (nargs + nk + 1));
        if (!stack) {
            err_no_memory();
            goto done;
        }
    }
    stack[0] = self;
    memcpy(stack + 1, args, sizeof(Object *) * (nargs + nk));
    incref(init);
    r = obj_vectorcall(init, stack, nargs + 1, kwn);
    decref(init);
    if (stack != small)
        heap_free(stack);
    xdecref(kwn);
    kwn = NULL;
    if (r && r != None) {
        err_format(exc_TypeError, "__init__() should return None, not '%s'", TYPE(r)->name);
        CLEAR(r);
    }
done:
    xdecref(kwn);
    if (r) {
        decref(r);
        r = self;
    } else {
        xdecref(self);
    }
    decref(argstuple);
    xdecref(kwdict);
    return r;
}

static Object *
type_vectorcall(Object *callable, Object *const *args, size_t nargs, Object *kwnames)
{
    TypeObject *t = (TypeObject *)callable;
    if (t == &type_type && nargs == 1 && (!kwnames || TUPLE_LEN(kwnames) == 0))
        return newref(TYPE(args[0]));
    if (t->new_vectorcall)
        return t->new_vectorcall(callable, args, nargs, kwnames);
    if (!t->new_)
        return err_format(exc_TypeError, "cannot create '%s' instances", t->name);
    /* Fast path for plain classes: object.__new__ + a Python __init__. */
    if (t->new_ == object_generic_new && t->init == slot_tp_init) {
        if (t->flags & TPFLAG_ABSTRACT)
            return object_generic_new(t, NULL, NULL);       /* raises */
        Object *init = type_lookup(t, ID(__init__));
        if (init && TYPE(init) == &function_type)
            return type_call_python_init(t, init, args, nargs, kwnames);
    }
    Object *targs, *tkw;
    if (arg_pack_like_cpython(args, nargs, kwnames, &targs, &tkw) < 0)
        return NULL;
    Object *r = TYPE(t)->call(callable, targs, tkw);
    decref(targs);
    xdecref(tkw);
    return r;
}

static Object *
type_call(Object *callable, Object *args, Object *kwds)
{
    TypeObject *t = (TypeObject *)callable;
    if (t == &type_type) {
        ssize_t n = TUPLE_LEN(args);
        if (n == 1 && (!kwds || DICT_LEN(kwds) == 0))
            return newref(TYPE(TUPLE_GET(args, 0)));
        if (n != 3)
            return err_set(exc_TypeError, "type() takes 1 or 3 arguments");
    }
    if (!t->new_)
        return err_format(exc_TypeError, "cannot create '%s' instances", t->name);
    Object *obj = t->new_(t, args, kwds);
    if (!obj)
        return NULL;
    if (!type_is_subtype(TYPE(obj), t))
        return obj;
    t = TYPE(obj);
    if (t->init) {
        if (t->init(obj, args, kwds) < 0) {
            decref(obj);
            return NULL;
        }
    }
    return obj;
}

/* ================================================================ type: creation */

static TypeObject *
calculate_metaclass(TypeObject *meta, Object *bases)
{
    TypeObject *winner = meta;
    for (ssize_t i = 0; i < TUPLE_LEN(bases); i++) {
        TypeObject *bt = TYPE(TUPLE_GET(bases, i));
        if (type_is_subtype(winner, bt))
            continue;
        if (type_is_subtype(bt, winner)) {
            winner = bt;
            continue;
        }
        err_set(exc_TypeError, "metaclass conflict: the metaclass of a derived class must "
                               "be a (non-strict) subclass of the metaclasses of all its "
                               "bases");
        return NULL;
    }
    return winner;
}

/* The "solid base": the most derived base that adds C-level fields. */
static TypeObject *
solid_base(TypeObject *t)
{
    TypeObject *base = t->base ? solid_base(t->base) : &object_type;
    int extra = t->basicsize != base->basicsize || t->itemsize != base->itemsize;
    if ((t->flags & TPFLAG_HEAPTYPE) && t->base) {
        TypeObject *b = t->base;
        extra = t->itemsize != b->itemsize ||
                t->basicsize > b->basicsize + (ssize_t)sizeof(Object *) * 2;
    }
    return extra ? t : base;
}

static TypeObject *
best_base(Object *bases)
{
    TypeObject *base = NULL, *winner = NULL;
    for (ssize_t i = 0; i < TUPLE_LEN(bases); i++) {
        Object *bo = TUPLE_GET(bases, i);
        if (!TYPE_CHECK(bo)) {
            err_set(exc_TypeError, "bases must be types");
            return NULL;
        }
        TypeObject *bt = (TypeObject *)bo;
        if (!(bt->flags & TPFLAG_BASETYPE)) {
            err_format(exc_TypeError, "type '%s' is not an acceptable base type", bt->name);
            return NULL;
        }
        TypeObject *candidate = solid_base(bt);
        if (!winner) {
            winner = candidate;
            base = bt;
        } else if (type_is_subtype(winner, candidate)) {
            ;
        } else if (type_is_subtype(candidate, winner)) {
            winner = candidate;
            base = bt;
        } else {
            err_set(exc_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return base;
}

static int type_add_instance_descrs(TypeObject *t, int add_dict, int add_weak);

/* _Py_Mangle for a slot name: "__x" in class "_C" becomes "_C__x".  New reference. */
static Object *
slot_mangle(Object *classname, Object *name)
{
    ssize_t n, cn;
    const char *s = str_as_utf8(name, &n);
    const char *c = str_as_utf8(classname, &cn);
    if (!s || !c)
        return NULL;
    if (n < 2 || s[0] != '_' || s[1] != '_' || (n >= 4 && s[n - 1] == '_' && s[n - 2] == '_') ||
        strchr(s, '.'))
        return newref(name);
    while (*c == '_')
        c++;
    if (!*c)
        return newref(name);
    return str_from_format("_%s%U", c, name);
}

/* The instance layout a class statement asks for with __slots__ (CPython's
** type_new_slots, type_new_copy_slots and type_new_descriptors): without __slots__ the
** instances get a __dict__ and a weakref slot when the base has none; with it, one
** member per name (mangled, sorted, stored in ht_slots) right after the base's fields,
** a __dict__ / weakref slot only when '__dict__' / '__weakref__' is listed (or a
** secondary base has one).  Sets *add_dict and *add_weak.  -1 + exception on error. */
static int
type_new_slots(TypeObject *t, TypeObject *base, Object *bases, Object *dict, int *add_dict,
               int *add_weak)
{
    int may_add_dict = base->dictoffset == 0 && !(base->flags & TPFLAG_MANAGED_DICT);
    int may_add_weak = base->weaklistoffset == 0 && base->itemsize == 0;
    *add_dict = *add_weak = 0;
    Object *slots = dict_getitem(dict, ID(__slots__));
    if (!slots) {
        *add_dict = may_add_dict;
        *add_weak = may_add_weak;
        return 0;
    }
    Object *names = STR_CHECK(slots) ? tuple_pack(1, slots) : tuple_from_iterable(slots);
    if (!names)
        return -1;
    ssize_t nslot = TUPLE_LEN(names);
    if (nslot > 0 && base->itemsize != 0) {
        err_format(exc_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                   base->name);
        goto fail;
    }
    for (ssize_t i = 0; i < nslot; i++) {
        Object *name = TUPLE_GET(names, i);
        if (!STR_CHECK(name)) {
            err_format(exc_TypeError, "__slots__ items must be strings, not '%s'",
                       TYPE(name)->name);
            goto fail;
        }
        Object *ok = obj_call_method(name, "isidentifier", NULL, 0);
        if (!ok)
            goto fail;
        decref(ok);
        if (ok != True_) {
            err_set(exc_TypeError, "__slots__ must be identifiers");
            goto fail;
        }
        if (str_eq_cstr(name, "__dict__")) {
            if (!may_add_dict || *add_dict) {
                err_set(exc_TypeError, "__dict__ slot disallowed: we already got one");
                goto fail;
            }
            (*add_dict)++;
        }
        if (str_eq_cstr(name, "__weakref__")) {
            if (!may_add_weak || *add_weak) {
                err_set(exc_TypeError, "__weakref__ slot disallowed: either we already got "
                                       "one, or the base type can't support weakrefs");
                goto fail;
            }
            (*add_weak)++;
        }
    }
    /* the member names: mangled, not clashing with class variables, sorted */
    Object *list = list_new(0);
    if (!list)
        goto fail;
    for (ssize_t i = 0; i < nslot; i++) {
        Object *name = TUPLE_GET(names, i);
        if ((*add_dict && str_eq_cstr(name, "__dict__")) ||
            (*add_weak && str_eq_cstr(name, "__weakref__")))
            continue;
        Object *m = slot_mangle(t->ht_name, name);
        if (!m || list_append_take(list, m) < 0) {
            decref(list);
            goto fail;
        }
        if (dict_getitem(dict, m) && !str_eq_cstr(m, "__qualname__") &&
            !str_eq_cstr(m, "__classcell__")) {
            err_format(exc_ValueError, "%R in __slots__ conflicts with class variable", m);
            decref(list);
            goto fail;
        }
    }
    if (list_sort(list, NULL, 0) < 0) {
        decref(list);
        goto fail;
    }
    SETREF(names, list_as_tuple(list));
    decref(list);
    if (!names)
        return -1;
    /* secondary bases may provide the dict or weakref slot */
    ssize_t nbases = TUPLE_LEN(bases);
    for (ssize_t i = 0; i < nbases && nbases > 1; i++) {
        TypeObject *b = (TypeObject *)TUPLE_GET(bases, i);
        if (b == base)
            continue;
        if (may_add_dict && !*add_dict && (b->dictoffset || (b->flags & TPFLAG_MANAGED_DICT)))
            (*add_dict)++;
        if (may_add_weak && !*add_weak && b->weaklistoffset)
            (*add_weak)++;
    }
    /* one T_OBJECT_EX member per slot, after the base's fields */
    nslot = TUPLE_LEN(names);
    MemberDef *members = heap_alloc(sizeof(MemberDef) * (size_t)(nslot + 1));
    if (!members) {
        err_no_memory();
        goto fail;
    }
    for (ssize_t i = 0; i < nslot; i++) {
        const char *s = str_as_utf8(TUPLE_GET(names, i), NULL);
        if (!s) {
            heap_free(members);
            goto fail;
        }
        members[i] = (MemberDef){s, MEMBER_OBJECT_EX, t->basicsize, 0, NULL};
        t->basicsize += (ssize_t)sizeof(Object *);
    }
    members[nslot] = (MemberDef){NULL, 0, 0, 0, NULL};
    t->members = members;
    t->ht_slots = names;
    for (ssize_t i = 0; i < nslot; i++) {
        Object *d = descr_new_member(t, &members[i]);
        if (!d || dict_setitem(dict, ((DescrObject *)d)->d_name, d) < 0) {
            xdecref(d);
            return -1;
        }
        decref(d);
    }
    return 0;
fail:
    decref(names);
    return -1;
}

static Object *
type_new_impl(TypeObject *metatype, Object *name, Object *bases, Object *orig_dict)
{
    if (!STR_CHECK(name))
        return err_format(exc_TypeError,
                          "type.__new__() argument 1 must be str, not %s", TYPE(name)->name);
    if (!TUPLE_CHECK(bases))
        return err_format(exc_TypeError,
                          "type.__new__() argument 2 must be tuple, not %s",
                          TYPE(bases)->name);
    if (!DICT_CHECK(orig_dict))
        return err_format(exc_TypeError,
                          "type.__new__() argument 3 must be dict, not %s",
                          TYPE(orig_dict)->name);
    TypeObject *winner = calculate_metaclass(metatype, bases);
    if (!winner)
        return NULL;
    if (winner != metatype && winner->new_ != metatype->new_) {
        Object *a = tuple_pack(3, name, bases, orig_dict);
        if (!a)
            return NULL;
        Object *r = winner->new_(winner, a, NULL);
        decref(a);
        return r;
    }
    metatype = winner;
    Object *owned_bases = NULL;
    if (TUPLE_LEN(bases) == 0) {
        owned_bases = tuple_pack(1, &object_type);
        if (!owned_bases)
            return NULL;
        bases = owned_bases;
    } else {
        incref(bases);
        owned_bases = bases;
    }
    TypeObject *base = best_base(bases);
    if (!base) {
        decref(owned_bases);
        return NULL;
    }
    Object *dict = dict_copy(orig_dict);
    if (!dict) {
        decref(owned_bases);
        return NULL;
    }
    TypeObject *t = (TypeObject *)metatype->alloc(metatype, 0);
    if (!t) {
        decref(owned_bases);
        decref(dict);
        return NULL;
    }
    t->flags = TPFLAG_HEAPTYPE | TPFLAG_BASETYPE;
    t->ht_name = newref(name);
    ssize_t nlen;
    t->name = str_as_utf8(name, &nlen);
    t->bases = owned_bases;
    t->base = (TypeObject *)newref(base);
    t->dict = dict;
    t->basicsize = base->basicsize;
    t->itemsize = base->itemsize;
    t->alloc = type_generic_alloc;
    t->free = base->free;

    /* __qualname__ */
    Object *qn = dict_getitem(dict, ID(__qualname__));
    if (qn) {
        if (!STR_CHECK(qn)) {
            err_format(exc_TypeError, "type __qualname__ must be a str, not %s",
                       TYPE(qn)->name);
            goto fail;
        }
        t->ht_qualname = newref(qn);
        if (dict_delitem(dict, ID(__qualname__)) < 0)
            goto fail;
    } else {
        t->ht_qualname = newref(name);
    }
    /* __module__ from the caller's globals */
    if (!dict_getitem(dict, ID(__module__)) && rt.frame) {
        extern Object *vm_current_globals(void);
        Object *g = vm_current_globals();
        Object *mn = g ? dict_getitem(g, ID(__name__)) : NULL;
        if (mn && dict_setitem(dict, ID(__module__), mn) < 0)
            goto fail;
    }
    /* layout: __slots__ members, then a dict (managed) and a weakref slot if wanted */
    int add_dict, add_weak;
    if (type_new_slots(t, base, bases, dict, &add_dict, &add_weak) < 0)
        goto fail;
    /* type_new_descriptors: after the slots, the dict pointer of a var-sized base's
    ** subclass (at the end of the items: offset -8), the weakref slot, and otherwise
    ** the managed dict in front of the object */
    if (add_dict && base->itemsize) {
        t->dictoffset = -(ssize_t)sizeof(Object *);
        t->basicsize += (ssize_t)sizeof(Object *);
    }
    if (add_weak) {
        t->weaklistoffset = t->basicsize;
        t->basicsize += (ssize_t)sizeof(Object *);
    }
    if (add_dict && !base->itemsize)
        t->flags |= TPFLAG_MANAGED_DICT;
    if (type_add_instance_descrs(t, add_dict, add_weak) < 0)
        goto fail;
    t->flags |= TPFLAG_GC;      /* every class is a GC type, as in 3.11 */
    t->dealloc = subtype_dealloc;
    if (t->flags & TPFLAG_GC) {
        t->traverse = subtype_traverse;
        t->clear = subtype_clear;
    }
    t->getattro = obj_generic_getattr;
    t->setattro = obj_generic_setattr;
    /* special-case __new__ (implicit staticmethod), __init_subclass__ and
       __class_getitem__ (implicit classmethod) */
    Object *nw = dict_getitem(dict, ID(__new__));
    if (nw && TYPE(nw) == &function_type) {
        Object *sm = staticmethod_new(nw);
        if (!sm || dict_setitem(dict, ID(__new__), sm) < 0) {
            xdecref(sm);
            goto fail;
        }
        decref(sm);
    }
    Object *cm_names[2] = {ID(__init_subclass__), ID(__class_getitem__)};
    for (int i = 0; i < 2; i++) {
        Object *f = dict_getitem(dict, cm_names[i]);
        if (f && TYPE(f) == &function_type) {
            Object *cm = classmethod_new(f);
            if (!cm || dict_setitem(dict, cm_names[i], cm) < 0) {
                xdecref(cm);
                goto fail;
            }
            decref(cm);
        }
    }
    if (dict_getitem(dict, ID(__eq__)) && !dict_getitem(dict, ID(__hash__)))
        if (dict_setitem(dict, ID(__hash__), None) < 0)
            goto fail;
    if (!dict_getitem(dict, ID(__doc__)) && dict_setitem(dict, ID(__doc__), None) < 0)
        goto fail;
    if (type_ready(t) < 0)
        goto fail;
    /* instance creation: inherit new_ unless a Python __new__ is in the MRO */
    if (dict_getitem(dict, ID(__new__)) || t->new_ == slot_tp_new)
        t->new_ = slot_tp_new;
    if (t->new_ == slot_tp_new) {
        Object *f = type_lookup(t, ID(__new__));
        if (f && TYPE(f) == &cfunction_type)
            t->new_ = ((TypeObject *)((CFunctionObject *)f)->self)->new_;
    }
    t->new_vectorcall = NULL;
    fixup_slots(t);
    if (t->finalize)
        t->flags |= TPFLAG_HAS_DEL;
    /* __classcell__ */
    Object *cell = dict_getitem(dict, ID(__classcell__));
    if (cell) {
        if (TYPE(cell) != &cell_type) {
            err_format(exc_TypeError, "__classcell__ must be a nonlocal cell, not %s",
                       TYPE(cell)->name);
            goto fail;
        }
        XSETREF(((CellObject *)cell)->ref, newref(t));
        if (dict_delitem(dict, ID(__classcell__)) < 0)
            goto fail;
    }
    gc_track((Object *)t);
    return (Object *)t;
fail:
    /* Break the cycles building made (t->mro holds t, the descriptors in its dict refer
    ** back to it) and let the collector see t, whatever else may still hold it. */
    if (t->dict)
        dict_clear(t->dict);
    CLEAR(t->mro);
    gc_track((Object *)t);
    decref(t);
    return NULL;
}

/* __set_name__ and __init_subclass__, after the class object exists. */
static int
type_new_set_names(TypeObject *t)
{
    Object *names = dict_copy(t->dict);
    if (!names)
        return -1;
    ssize_t pos = 0;
    Object *k, *v;
    int rc = 0;
    while (dict_next(names, &pos, &k, &v)) {
        Object *f = type_lookup(TYPE(v), ID(__set_name__));
        if (!f)
            continue;
        Object *a[2] = {(Object *)t, k};
        Object *r = type_call_special(v, ID(__set_name__), a, 2);
        if (!r) {
            rc = -1;
            break;
        }
        decref(r);
    }
    decref(names);
    return rc;
}

static int
type_new_init_subclass(TypeObject *t, Object *kwds)
{
    extern Object *super_make(TypeObject *t, Object *obj);
    Object *sup = super_make(t, (Object *)t);
    if (!sup)
        return -1;
    Object *f = obj_getattr(sup, ID(__init_subclass__));
    decref(sup);
    if (!f)
        return -1;
    Object *r = obj_call(f, NULL, kwds);
    decref(f);
    if (!r)
        return -1;
    decref(r);
    return 0;
}

static Object *
type_new(TypeObject *metatype, Object *args, Object *kwds)
{
    ssize_t n = TUPLE_LEN(args);
    if (n != 3)
        return err_set(exc_TypeError, "type.__new__() takes exactly 3 arguments");
    Object *r = type_new_impl(metatype, TUPLE_GET(args, 0), TUPLE_GET(args, 1),
                              TUPLE_GET(args, 2));
    if (!r || !TYPE_CHECK(r) || !(((TypeObject *)r)->flags & TPFLAG_HEAPTYPE))
        return r;
    if (type_new_set_names((TypeObject *)r) < 0 ||
        type_new_init_subclass((TypeObject *)r, kwds) < 0) {
        decref(r);
        return NULL;
    }
    return r;
}

Object *
type_new_from_spec(Object *name, Object *bases, Object *dict)
{
    Object *a = tuple_pack(3, name, bases, dict);
    if (!a)
        return NULL;
    Object *r = type_new(&type_type, a, NULL);
    decref(a);
    return r;
}

static int
type_init(Object *self, Object *args, Object *kwds)
{
    ssize_t n = TUPLE_LEN(args);
    if (n != 1 && n != 3) {
        err_set(exc_TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

/* ================================================================ type: attributes */

static Object *
type_getattro(Object *o, Object *name)
{
    TypeObject *t = (TypeObject *)o;
    TypeObject *meta = TYPE(t);
    Object *meta_attr = type_lookup(meta, name);
    descrgetfunc meta_get = NULL;
    if (meta_attr) {
        incref(meta_attr);
        meta_get = TYPE(meta_attr)->descr_get;
        if (meta_get && TYPE(meta_attr)->descr_set) {
            Object *r = meta_get(meta_attr, o, (Object *)meta);
            decref(meta_attr);
            return r;
        }
    }
    Object *attr = type_lookup(t, name);
    if (attr) {
        incref(attr);
        descrgetfunc g = TYPE(attr)->descr_get;
        xdecref(meta_attr);
        if (g) {
            Object *r = g(attr, NULL, o);
            decref(attr);
            return r;
        }
        return attr;
    }
    if (meta_get) {
        Object *r = meta_get(meta_attr, o, (Object *)meta);
        decref(meta_attr);
        return r;
    }
    if (meta_attr)
        return meta_attr;
    return err_format(exc_AttributeError, "type object '%s' has no attribute '%U'", t->name,
                      name);
}

static int
type_setattro(Object *o, Object *name, Object *value)
{
    TypeObject *t = (TypeObject *)o;
    if (!(t->flags & TPFLAG_HEAPTYPE)) {
        err_format(exc_TypeError,
                   "cannot set '%U' attribute of immutable type '%s'", name, t->name);
        return -1;
    }
    Object *meta_attr = type_lookup(TYPE(t), name);
    if (meta_attr && TYPE(meta_attr)->descr_set)
        return TYPE(meta_attr)->descr_set(meta_attr, o, value);
    Object *iname = newref(name);
    str_intern_inplace(&iname);
    int r;
    if (value) {
        r = dict_setitem(t->dict, iname, value);
    } else {
        r = dict_delitem_if_present(t->dict, iname);
        if (r == 0) {
            err_format(exc_AttributeError, "type object '%s' has no attribute '%U'",
                       t->name, name);
            r = -1;
        } else if (r > 0)
            r = 0;
    }
    if (r == 0) {
        type_modified(t);
        const char *s = STR_IS_ASCII(iname) ? STR_ASCII(iname) : "";
        if (s[0] == '_' && s[1] == '_')
            update_slot_for_name(t, iname);
    }
    decref(iname);
    return r;
}

static Object *
type_repr(Object *o)
{
    TypeObject *t = (TypeObject *)o;
    Object *mod = type_module_obj(t);
    Object *qn = type_qualname_obj(t);
    Object *r;
    if (mod && qn && STR_CHECK(mod) && !str_eq_cstr(mod, "builtins"))
        r = str_from_format("<class '%U.%U'>", mod, qn);
    else
        r = str_from_format("<class '%s'>", t->name);
    xdecref(mod);
    xdecref(qn);
    return r;
}

static Object *
type_get_name(Object *o, void *c)
{
    return type_name_obj((TypeObject *)o);
}

static int
type_set_name(Object *o, Object *v, void *c)
{
    TypeObject *t = (TypeObject *)o;
    if (!(t->flags & TPFLAG_HEAPTYPE) || !v || !STR_CHECK(v)) {
        err_set(exc_TypeError, "can only assign string to __name__");
        return -1;
    }
    SETREF(t->ht_name, newref(v));
    ssize_t n;
    t->name = str_as_utf8(v, &n);
    return 0;
}

static Object *
type_get_qualname(Object *o, void *c)
{
    return type_qualname_obj((TypeObject *)o);
}

static int
type_set_qualname(Object *o, Object *v, void *c)
{
    TypeObject *t = (TypeObject *)o;
    if (!(t->flags & TPFLAG_HEAPTYPE) || !v || !STR_CHECK(v)) {
        err_set(exc_TypeError, "can only assign string to __qualname__");
        return -1;
    }
    SETREF(t->ht_qualname, newref(v));
    return 0;
}

static Object *
type_get_module(Object *o, void *c)
{
    return type_module_obj((TypeObject *)o);
}

static int
type_set_module(Object *o, Object *v, void *c)
{
    TypeObject *t = (TypeObject *)o;
    if (!(t->flags & TPFLAG_HEAPTYPE)) {
        err_set(exc_TypeError, "cannot set '__module__' attribute of immutable type");
        return -1;
    }
    type_modified(t);
    return v ? dict_setitem(t->dict, ID(__module__), v) : dict_delitem(t->dict, ID(__module__));
}

static Object *
type_get_bases(Object *o, void *c)
{
    return newref(((TypeObject *)o)->bases);
}

static Object *
type_get_base(Object *o, void *c)
{
    TypeObject *b = ((TypeObject *)o)->base;
    return newref(b ? (Object *)b : None);
}

/* __basicsize__, __itemsize__, __dictoffset__, __weakrefoffset__: the instance layout
** as CPython's type reports it (what sys.getsizeof adds up). */
static Object *
type_get_layout(Object *o, void *c)
{
    TypeObject *t = (TypeObject *)o;
    switch ((intptr_t)c) {
    case 0:
        return int_from_ssize(t->basicsize);
    case 1:
        return int_from_ssize(t->itemsize);
    case 2:
        if (t->flags & TPFLAG_MANAGED_DICT) {
            /* CPython's managed dict: -slotoffset - 3 words, set by the class that
            ** added it and inherited unchanged */
            while (t->base && (t->base->flags & TPFLAG_MANAGED_DICT))
                t = t->base;
            return int_from_ssize(-t->basicsize - 3 * (ssize_t)sizeof(Object *));
        }
        return int_from_ssize(t->dictoffset);
    default:
        return int_from_ssize(t->weaklistoffset);
    }
}

static Object *
type_get_mro(Object *o, void *c)
{
    Object *m = ((TypeObject *)o)->mro;
    return newref(m ? m : None);
}

static Object *
type_get_dict(Object *o, void *c)
{
    return mappingproxy_new(((TypeObject *)o)->dict);
}

static Object *
type_get_doc(Object *o, void *c)
{
    TypeObject *t = (TypeObject *)o;
    Object *d = dict_getitem(t->dict, ID(__doc__));
    if (!d)
        return newref(None);
    if (TYPE(d)->descr_get)
        return TYPE(d)->descr_get(d, NULL, o);
    return newref(d);
}

static Object *
type_get_abstractmethods(Object *o, void *c)
{
    Object *r = o != (Object *)&type_type
                    ? dict_getitem(((TypeObject *)o)->dict, ID(__abstractmethods__))
                    : NULL;
    if (!r)
        return err_set_object(exc_AttributeError, ID(__abstractmethods__));
    return newref(r);
}

static const GetSetDef type_getset[] = {
    {"__name__", type_get_name, type_set_name, NULL, NULL},
    {"__qualname__", type_get_qualname, type_set_qualname, NULL, NULL},
    {"__bases__", type_get_bases, NULL, NULL, NULL},
    {"__base__", type_get_base, NULL, NULL, NULL},
    {"__mro__", type_get_mro, NULL, NULL, NULL},
    {"__module__", type_get_module, type_set_module, NULL, NULL},
    {"__dict__", type_get_dict, NULL, NULL, NULL},
    {"__doc__", type_get_doc, NULL, NULL, NULL},
    {"__abstractmethods__", type_get_abstractmethods, NULL, NULL, NULL},
    {"__basicsize__", type_get_layout, NULL, NULL, (void *)0},
    {"__itemsize__", type_get_layout, NULL, NULL, (void *)1},
    {"__dictoffset__", type_get_layout, NULL, NULL, (void *)2},
    {"__weakrefoffset__", type_get_layout, NULL, NULL, (void *)3},
    {NULL, NULL, NULL, NULL, NULL},
};

static Object *
type_mro_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    TypeObject *t = (TypeObject *)self;
    if (t->mro)
        return list_from_iterable(t->mro);
    Object *m = mro_c3(t);
    if (!m)
        return NULL;
    Object *r = list_from_iterable(m);
    decref(m);
    return r;
}

static Object *
type_subclasses_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    TypeObject *t = (TypeObject *)self;
    Object *list = list_new(0);
    ssize_t pos = 0;
    TypeObject *s;
    while (list && (s = type_next_subclass(t, &pos)))
        if (list_append(list, (Object *)s) < 0)
            CLEAR(list);
    return list;
}

static Object *
type_instancecheck(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return bool_from(obj_type_check(args[0], (TypeObject *)self));
}

static Object *
type_subclasscheck(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (!TYPE_CHECK(args[0]))
        return err_set(exc_TypeError, "issubclass() arg 1 must be a class");
    return bool_from(type_is_subtype((TypeObject *)args[0], (TypeObject *)self));
}

static Object *
type_prepare(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return dict_new();
}

/* type.__sizeof__: the type object plus a class's list of shared attribute names, as
** CPython adds the class's cached keys table (pyheap's own sizes: see DESIGN.md). */
static Object *
type_sizeof(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    /* CPython 3.11's type.__sizeof__: sizeof(PyTypeObject) for a static type, for a class
    ** sizeof(PyHeapTypeObject) plus its shared keys table when instances have a managed
    ** dict (64 slots: 32 + 64 + 42 * 16 bytes).  pyheap's TypeObject (malloc'ed, never in
    ** the pools) is another size; what a program measures is CPython's. */
    TypeObject *t = (TypeObject *)self;
    enum { CPY_SIZEOF_TYPE = 408, CPY_SIZEOF_HEAPTYPE = 904, CPY_SHARED_KEYS = 768 };
    ssize_t size = !(t->flags & TPFLAG_HEAPTYPE) ? CPY_SIZEOF_TYPE
                   : CPY_SIZEOF_HEAPTYPE + ((t->flags & TPFLAG_MANAGED_DICT) ? CPY_SHARED_KEYS : 0);
    return int_from_ssize(size);
}

static Object *
type_dir(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    TypeObject *t = (TypeObject *)self;
    Object *d = dict_new();
    if (!d)
        return NULL;
    for (ssize_t i = TUPLE_LEN(t->mro) - 1; i >= 0; i--)
        if (dict_merge(d, ((TypeObject *)TUPLE_GET(t->mro, i))->dict, 1) < 0) {
            decref(d);
            return NULL;
        }
    Object *r = dict_keys_list(d);
    decref(d);
    return r;
}

static const MethodDef type_methods[] = {
    {"mro", type_mro_meth, METH_NOARGS, NULL},
    {"__subclasses__", type_subclasses_meth, METH_NOARGS, NULL},
    {"__instancecheck__", type_instancecheck, METH_O, NULL},
    {"__subclasscheck__", type_subclasscheck, METH_O, NULL},
    {"__prepare__", type_prepare, METH_VARARGS | METH_KEYWORDS | METH_CLASS, NULL},
    {"__dir__", type_dir, METH_NOARGS, NULL},
    {"__sizeof__", type_sizeof, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static int
type_traverse(Object *o, visitproc visit, void *arg)
{
    TypeObject *t = (TypeObject *)o;
    if (!(t->flags & TPFLAG_HEAPTYPE))
        return 0;
    OBJ_VISIT(t->dict);
    OBJ_VISIT(t->mro);
    OBJ_VISIT(t->bases);
    OBJ_VISIT(t->base);
    OBJ_VISIT(t->ht_module);
    return 0;
}

static int
type_clear(Object *o)
{
    TypeObject *t = (TypeObject *)o;
    type_modified(t);
    if (t->dict)
        dict_clear(t->dict);
    CLEAR(t->mro);
    return 0;
}

static void
type_dealloc(Object *o)
{
    TypeObject *t = (TypeObject *)o;
    if (!(t->flags & TPFLAG_HEAPTYPE))
        fatal("deallocating a static type");
    gc_untrack(o);
    type_modified(t);
    if (t->bases) {
        Object *exc = err_fetch();      /* type_dealloc_common: a failed class's error */
        for (ssize_t i = 0; i < TUPLE_LEN(t->bases); i++)
            type_remove_subclass((TypeObject *)TUPLE_GET(t->bases, i), t);
        err_restore(exc);
    }
    weakref_clear_refs(o);      /* after the bases dropped theirs, as CPython */
    CLEAR(t->subclasses);
    CLEAR(t->dict);
    CLEAR(t->mro);
    CLEAR(t->bases);
    CLEAR(t->base);
    CLEAR(t->ht_name);
    CLEAR(t->ht_qualname);
    CLEAR(t->ht_module);
    CLEAR(t->ht_slots);
    heap_free((void *)t->members);      /* a class's __slots__ members (type_new_slots) */
    if (t->ht_cached_keys) {
        shared_keys_release((SharedKeys *)t->ht_cached_keys);
        t->ht_cached_keys = NULL;
    }
    /* a class whose metaclass is itself a class is freed through subtype_dealloc, which
    ** releases the instance's reference to the metaclass after this returns */
    obj_free(o);
}

TypeObject type_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "type",
    .basicsize = sizeof(TypeObject),
    .flags = TPFLAG_BASETYPE | TPFLAG_GC | TPFLAG_TYPE_SUBCLASS,
    .doc = "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type",
    .dealloc = type_dealloc,
    .traverse = type_traverse,
    .clear = type_clear,
    .repr = type_repr,
    .call = type_call,
    .vectorcall = type_vectorcall,
    .getattro = type_getattro,
    .setattro = type_setattro,
    .init = type_init,
    .new_ = type_new,
    .alloc = type_generic_alloc,
    .nb_or = union_type_or,     /* int | None (PEP 604) */
    .methods = type_methods,
    .getset = type_getset,
    .dictoffset = offsetof(TypeObject, dict),
    /* CPython's offsetof(PyTypeObject, tp_weaklist): types can be weakly referenced, so a
    ** metaclass adds no __weakref__ (pyheap keeps no weak reference list) */
    .weaklistoffset = 368,
    .base = &object_type,
};

/* ================================================================ object */

Object *
object_generic_new(TypeObject *t, Object *args, Object *kwds)
{
    int excess = (args && TUPLE_LEN(args)) || (kwds && DICT_LEN(kwds));
    if (excess) {
        if (t->new_ != object_generic_new)
            return err_set(exc_TypeError, "object.__new__() takes exactly one argument "
                                          "(the type to instantiate)");
        if (t->init == NULL || t->init == object_type.init)
            return err_format(exc_TypeError, "%s() takes no arguments", t->name);
    }
    if (t->flags & TPFLAG_ABSTRACT) {
        Object *am = dict_getitem(t->dict, ID(__abstractmethods__));
        Object *sorted = am ? list_from_iterable(am) : NULL;
        if (sorted)
            list_sort(sorted, NULL, 0);
        Object *sep = str_from_cstr("', '");
        Object *joined = sorted && sep ? str_join(sep, sorted) : NULL;
        xdecref(sep);
        if (joined)
            err_format(exc_TypeError,
                       "Can't instantiate abstract class %s with abstract method%s '%U'",
                       t->name, LIST_LEN(sorted) > 1 ? "s" : "", joined);
        xdecref(joined);
        xdecref(sorted);
        return NULL;
    }
    Object *o = t->alloc(t, 0);
    if (o && (t->flags & TPFLAG_GC))
        gc_track(o);
    if (o && (t->flags & TPFLAG_MANAGED_DICT) && inst_note_new(o) < 0)
        CLEAR(o);
    return o;
}

static int
object_init(Object *self, Object *args, Object *kwds)
{
    TypeObject *t = TYPE(self);
    int excess = (args && TUPLE_LEN(args)) || (kwds && DICT_LEN(kwds));
    if (excess) {
        if (t->init != object_init) {
            err_set(exc_TypeError, "object.__init__() takes exactly one argument (the "
                                   "instance to initialize)");
            return -1;
        }
        if (t->new_ == object_generic_new) {
            err_format(exc_TypeError,
                       "%s.__init__() takes exactly one argument (the instance to "
                       "initialize)",
                       t->name);
            return -1;
        }
    }
    return 0;
}

Object *
object_repr_default(Object *self)
{
    TypeObject *t = TYPE(self);
    Object *mod = type_module_obj(t);
    Object *qn = type_qualname_obj(t);
    Object *r;
    if (mod && qn && !str_eq_cstr(mod, "builtins"))
        r = str_from_format("<%U.%U object at %p>", mod, qn, (void *)self);
    else
        r = str_from_format("<%s object at %p>", t->name, (void *)self);
    xdecref(mod);
    xdecref(qn);
    return r;
}

static Object *
object_str(Object *self)
{
    unaryfunc f = TYPE(self)->repr;
    if (!f)
        return object_repr_default(self);
    return obj_repr(self);
}

static hash_t
object_hash(Object *self)
{
    uintptr_t p = (uintptr_t)self;
    hash_t h = (hash_t)((p >> 4) | (p << (8 * sizeof(p) - 4)));
    return h == -1 ? -2 : h;
}

static Object *
object_richcompare(Object *self, Object *other, int op)
{
    switch (op) {
    case CMP_EQ:
        return newref(self == other ? True_ : NotImplemented);
    case CMP_NE: {
        richcmpfunc eq = TYPE(self)->richcompare;
        if (!eq)
            return newref(NotImplemented);
        Object *r = eq(self, other, CMP_EQ);
        if (r && r != NotImplemented) {
            int t = obj_is_true(r);
            decref(r);
            if (t < 0)
                return NULL;
            return bool_from(!t);
        }
        return r;
    }
    default:
        return newref(NotImplemented);
    }
}

static void
object_dealloc(Object *self)
{
    obj_free(self);
}

static Object *
object_get_class(Object *self, void *c)
{
    return newref(TYPE(self));
}

static int
object_set_class(Object *self, Object *v, void *c)
{
    if (!v) {
        err_set(exc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!TYPE_CHECK(v)) {
        err_format(exc_TypeError, "__class__ must be set to a class, not '%s' object",
                   TYPE(v)->name);
        return -1;
    }
    TypeObject *nt = (TypeObject *)v, *ot = TYPE(self);
    if (!(nt->flags & TPFLAG_HEAPTYPE) || !(ot->flags & TPFLAG_HEAPTYPE) ||
        nt->basicsize != ot->basicsize || nt->itemsize != ot->itemsize ||
        (nt->flags & (TPFLAG_GC | TPFLAG_MANAGED_DICT)) !=
            (ot->flags & (TPFLAG_GC | TPFLAG_MANAGED_DICT)) ||
        nt->dealloc != ot->dealloc) {
        err_format(exc_TypeError, "__class__ assignment: '%s' object layout differs from '%s'",
                   nt->name, ot->name);
        return -1;
    }
    incref(nt);
    self->type = nt;
    decref(ot);
    return 0;
}

static Object *
object_dict_get(Object *self, void *c)
{
    if (TYPE(self)->flags & TPFLAG_MANAGED_DICT)
        return inst_get_dict(self);
    Object **dp = obj_dictoffset_ptr(self);
    if (dp) {
        if (!*dp && !(*dp = dict_new()))
            return NULL;
        return newref(*dp);
    }
    return err_format(exc_AttributeError, "'%s' object has no attribute '__dict__'",
                      TYPE(self)->name);
}

static int
object_dict_set(Object *self, Object *v, void *c)
{
    Object **dp = (TYPE(self)->flags & TPFLAG_MANAGED_DICT) ? NULL : obj_dictoffset_ptr(self);
    if (dp) {
        if (!v || !DICT_CHECK(v)) {
            err_format(exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
                       v ? TYPE(v)->name : "NoneType");
            return -1;
        }
        Object *old = *dp;
        *dp = newref(v);
        xdecref(old);
        return 0;
    }
    if (!(TYPE(self)->flags & TPFLAG_MANAGED_DICT)) {
        err_format(exc_AttributeError, "'%s' object has no attribute '__dict__'",
                   TYPE(self)->name);
        return -1;
    }
    if (!v || !DICT_CHECK(v)) {
        err_format(exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
                   v ? TYPE(v)->name : "NoneType");
        return -1;
    }
    return inst_set_dict(self, v);
}

static const GetSetDef object_getset[] = {
    {"__class__", object_get_class, object_set_class, "the object's class", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* __dict__ for class instances lives on a getset that only classes see: it is added to
   each heap type's dict lazily by type_lookup misses -- simpler: object exposes it and
   raises for types without a dict. */
static const GetSetDef object_dict_getset = {"__dict__", object_dict_get, object_dict_set,
                                             "dictionary for instance variables", NULL};

static Object *
object_weakref_get(Object *self, void *c)
{
    WeakRef *head = weakref_list_head(self);
    return newref(head ? (Object *)head : None);
}

static const GetSetDef object_weakref_getset = {"__weakref__", object_weakref_get, NULL,
                                                "list of weak references to the object",
                                                NULL};

static Object *
object_format(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *spec = args[0];
    if (!STR_CHECK(spec))
        return err_format(exc_TypeError, "__format__() argument must be str, not %s",
                          TYPE(spec)->name);
    if (STR_LEN(spec) > 0)
        return err_format(exc_TypeError, "unsupported format string passed to %s.__format__",
                          TYPE(self)->name);
    return obj_str(self);
}

static Object *
object_sizeof(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return int_from_ssize(obj_sizeof(self));
}

static Object *
object_dir_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *d = dict_new();
    if (!d)
        return NULL;
    if (TYPE(self)->flags & TPFLAG_MANAGED_DICT) {
        Object *id = inst_get_dict(self);
        if (!id || dict_merge(d, id, 1) < 0) {
            xdecref(id);
            decref(d);
            return NULL;
        }
        decref(id);
    } else if (TYPE(self)->dictoffset) {
        Object *id = *obj_dictoffset_ptr(self);
        if (id && dict_merge(d, id, 1) < 0) {
            decref(d);
            return NULL;
        }
    }
    TypeObject *t = TYPE(self);
    for (ssize_t i = TUPLE_LEN(t->mro) - 1; i >= 0; i--)
        if (dict_merge(d, ((TypeObject *)TUPLE_GET(t->mro, i))->dict, 1) < 0) {
            decref(d);
            return NULL;
        }
    Object *r = dict_keys_list(d);
    decref(d);
    return r;
}

static Object *
object_init_subclass(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (nargs || (kwnames && TUPLE_LEN(kwnames)))
        return err_format(exc_TypeError,
                          "%s.__init_subclass__() takes no keyword arguments",
                          ((TypeObject *)self)->name);
    return newref(None);
}

static Object *
object_subclasshook(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return newref(NotImplemented);
}

static Object *
object_reduce_ex(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return err_format(exc_TypeError, "cannot pickle '%s' object", TYPE(self)->name);
}

/* Add the values of one class's __slots__ entry to 'slots' (copyreg._slotnames: names
** mangled, __dict__ and __weakref__ skipped, unset slots left out). */
static int
getstate_add_slots(Object *self, TypeObject *cls, Object *names, Object *slots)
{
    if (STR_CHECK(names)) {
        Object *one = tuple_pack(1, names);
        if (!one)
            return -1;
        int r = getstate_add_slots(self, cls, one, slots);
        decref(one);
        return r;
    }
    Object *it = obj_get_iter(names);
    if (!it)
        return -1;
    Object *name;
    while ((name = obj_iter_next(it))) {
        Object *key = NULL;
        if (!STR_CHECK(name) || str_eq_cstr(name, "__dict__") || str_eq_cstr(name, "__weakref__"))
            key = NULL;
        else {
            const char *n = str_as_utf8(name, NULL);
            size_t len = n ? strlen(n) : 0;
            if (n && len > 2 && n[0] == '_' && n[1] == '_' &&
                !(n[len - 1] == '_' && n[len - 2] == '_')) {
                const char *c = cls->name;
                while (*c == '_')
                    c++;
                key = *c ? str_from_format("_%s%s", c, n) : newref(name);
            } else
                key = newref(name);
            if (!key) {
                decref(name);
                decref(it);
                return -1;
            }
        }
        decref(name);
        if (!key)
            continue;
        Object *v = obj_getattr(self, key);
        int r = 0;
        if (v)
            r = dict_setitem(slots, key, v);
        else if (err_matches(exc_AttributeError))
            err_clear();
        else
            r = -1;
        xdecref(v);
        decref(key);
        if (r < 0) {
            decref(it);
            return -1;
        }
    }
    decref(it);
    return err_occurred() ? -1 : 0;
}

/* object.__getstate__ (3.11's object_getstate_default, not required): the instance
** __dict__ or None, paired with a dict of the set __slots__ values when there are some. */
static Object *
object_getstate(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *state = NULL;
    TypeObject *t = TYPE(self);
    if (t->flags & TPFLAG_MANAGED_DICT)
        state = inst_get_dict(self);
    else if (t->dictoffset) {
        Object *d = *obj_dictoffset_ptr(self);
        state = d ? newref(d) : NULL;
    }
    if (err_occurred())
        return NULL;
    if (!state || DICT_LEN(state) == 0) {
        xdecref(state);
        state = newref(None);
    }
    Object *slots = dict_new();
    if (!slots) {
        decref(state);
        return NULL;
    }
    for (ssize_t i = 0; i < TUPLE_LEN(t->mro); i++) {
        TypeObject *c = (TypeObject *)TUPLE_GET(t->mro, i);
        Object *names = c->dict ? dict_getitem_str(c->dict, "__slots__") : NULL;
        if (names && getstate_add_slots(self, c, names, slots) < 0) {
            decref(slots);
            decref(state);
            return NULL;
        }
    }
    if (DICT_LEN(slots) == 0) {
        decref(slots);
        return state;
    }
    Object *r = tuple_pack(2, state, slots);
    decref(state);
    decref(slots);
    return r;
}

static const MethodDef object_methods[] = {
    {"__format__", object_format, METH_O, NULL},
    {"__getstate__", object_getstate, METH_NOARGS, NULL},
    {"__sizeof__", object_sizeof, METH_NOARGS, NULL},
    {"__dir__", object_dir_meth, METH_NOARGS, NULL},
    {"__init_subclass__", object_init_subclass, METH_VARARGS | METH_KEYWORDS | METH_CLASS,
     NULL},
    {"__subclasshook__", object_subclasshook, METH_VARARGS | METH_CLASS | METH_TUPLE, NULL},
    {"__reduce_ex__", object_reduce_ex, METH_VARARGS, NULL},
    {"__reduce__", object_reduce_ex, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObject object_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "object",
    .basicsize = sizeof(Object),
    .flags = TPFLAG_BASETYPE,
    .doc = "The base class of the class hierarchy.",
    .dealloc = object_dealloc,
    .repr = object_repr_default,
    .str = object_str,
    .hash = object_hash,
    .richcompare = object_richcompare,
    .getattro = obj_generic_getattr,
    .setattro = obj_generic_setattr,
    .init = object_init,
    .new_ = object_generic_new,
    .alloc = type_generic_alloc,
    .free = obj_free,
    .methods = object_methods,
    .getset = object_getset,
};

/* ================================================================ class instances */

/* Each class with a managed dict publishes '__dict__' (and '__weakref__') in its own
** namespace, as CPython's subtype_getsets do. */
static int
type_add_instance_descrs(TypeObject *t, int add_dict, int add_weak)
{
    const GetSetDef *defs[2] = {add_dict ? &object_dict_getset : NULL,
                                add_weak ? &object_weakref_getset : NULL};
    Object *names[2] = {ID(__dict__), ID(__weakref__)};
    for (int i = 0; i < 2; i++) {
        if (!defs[i] || dict_getitem(t->dict, names[i]))
            continue;
        Object *d = descr_new_getset(t, defs[i]);
        if (!d)
            return -1;
        int r = dict_setitem(t->dict, names[i], d);
        decref(d);
        if (r < 0)
            return -1;
    }
    return 0;
}

/* The __slots__ members a class t itself added (not its bases'): release them. */
static void
clear_slots(TypeObject *t, Object *self)
{
    if (!(t->flags & TPFLAG_HEAPTYPE))
        return;
    for (const MemberDef *m = t->members; m && m->name; m++) {
        Object **addr = (Object **)obj_field(self, m->offset);
        CLEAR(*addr);
    }
}

static int
traverse_slots(TypeObject *t, Object *self, visitproc visit, void *arg)
{
    if (!(t->flags & TPFLAG_HEAPTYPE))
        return 0;
    for (const MemberDef *m = t->members; m && m->name; m++)
        OBJ_VISIT(*(Object **)obj_field(self, m->offset));
    return 0;
}

/* The legacy __dict__ slot a class statement added (not the one its static base keeps
** and releases itself, as an exception's): CPython's subtype_dealloc/traverse test. */
static Object **
subtype_own_dict_ptr(Object *self)
{
    TypeObject *t = TYPE(self), *base = t;
    while (base->dealloc == subtype_dealloc)
        base = base->base;
    return t->dictoffset && base->dictoffset != t->dictoffset ? obj_dictoffset_ptr(self)
                                                              : NULL;
}

static void
subtype_clear_dict(Object *self)
{
    TypeObject *t = TYPE(self);
    if (t->flags & TPFLAG_MANAGED_DICT) {
        inst_clear(self);
    } else {
        Object **dp = subtype_own_dict_ptr(self);
        if (dp)
            CLEAR(*dp);
    }
}

/* PEP 442 from dealloc: run tp_finalize once; -1 if the object was resurrected. */
int
obj_call_finalizer_from_dealloc(Object *self)
{
    TypeObject *t = TYPE(self);
    if (!t->finalize)
        return 0;
    if ((t->flags & TPFLAG_GC) && gc_is_finalized(self))
        return 0;
    self->refcnt = 1;       /* temporarily resurrect */
    if (t->flags & TPFLAG_GC)
        gc_track(self);
    t->finalize(self);
    if (t->flags & TPFLAG_GC)
        gc_set_finalized(self);
    if (--self->refcnt == 0) {
        if ((t->flags & TPFLAG_GC) && gc_is_tracked(self))
            gc_untrack(self);
        return 0;
    }
    return -1;              /* resurrected: someone kept a reference */
}

void
subtype_dealloc(Object *self)
{
    TypeObject *t = TYPE(self);
    int tok = 0;
    if (t->flags & TPFLAG_GC) {
        gc_untrack(self);
        /* a chain of a million instances (a linked list) frees one level per call */
        tok = trash_begin(self, subtype_dealloc);
        if (tok < 0)
            return;
    }
    if (t->finalize && obj_call_finalizer_from_dealloc(self) < 0) {
        trash_end(tok);
        return;
    }
    /* a weakref slot added by a class: its weak references die before the slots and
    ** the dict are cleared (a static base clears its own in its dealloc) */
    if (weakref_may_have_refs(self)) {
        TypeObject *b = t;
        while (b->dealloc == subtype_dealloc)
            b = b->base;
        if (!b->weaklistoffset)
            weakref_clear_all(self);
    }
    TypeObject *base = t;
    while (base->dealloc == subtype_dealloc) {
        clear_slots(base, self);
        base = base->base;
    }
    subtype_clear_dict(self);
    base->dealloc(self);    /* frees the memory; t is still alive: */
    decref(t);              /* the instance's reference to its class (obj_alloc) */
    trash_end(tok);
}

int
subtype_traverse(Object *self, visitproc visit, void *arg)
{
    TypeObject *t = TYPE(self);
    if (t->flags & TPFLAG_MANAGED_DICT) {
        int r = inst_traverse(self, visit, arg);
        if (r)
            return r;
    } else if (subtype_own_dict_ptr(self)) {
        OBJ_VISIT(*subtype_own_dict_ptr(self));
    }
    if (t->flags & TPFLAG_HEAPTYPE)
        OBJ_VISIT(t);
    TypeObject *base = t;
    while (base->traverse == subtype_traverse) {
        int r = traverse_slots(base, self, visit, arg);
        if (r)
            return r;
        base = base->base;
    }
    if (base->traverse)
        return base->traverse(self, visit, arg);
    return 0;
}

int
subtype_clear(Object *self)
{
    TypeObject *base = TYPE(self);
    while (base->clear == subtype_clear) {
        clear_slots(base, self);
        base = base->base;
    }
    subtype_clear_dict(self);
    if (base->clear)
        return base->clear(self);
    return 0;
}

/* ================================================================ start-up */

/* Interpreter teardown: empty the method cache, then undo type_ready() on every static
** type, newest first.
** Afterwards no type may be used until it is readied again. */
void
type_fini(void)
{
    method_cache_clear();
    type_mcache_model_fini();
    for (size_t i = static_types_len; i-- > 0;) {
        TypeObject *t = static_types[i];
        CLEAR(t->subclasses);
        CLEAR(t->dict);
        CLEAR(t->mro);
        CLEAR(t->bases);
        t->flags &= ~(unsigned long)(TPFLAG_READY | TPFLAG_VALID_VERSION);
        t->version_tag = 0;
    }
}

/* Forget the static type registry (after the leak report, which uses it). */
void
type_forget_static(void)
{
    free(static_types);
    static_types = NULL;
    static_types_len = static_types_cap = 0;
}

int typeobject_init(void);
int
typeobject_init(void)
{
    slotdefs_init();
    if (type_ready(&object_type) < 0 || type_ready(&type_type) < 0)
        return -1;
    return 0;
}

int
type_is_abstract(TypeObject *t)
{
    return (t->flags & TPFLAG_ABSTRACT) != 0;
}
