/*
** setobject.c -- set and frozenset: a port of CPython 3.11's Objects/setobject.c, so that
** table sizes, probe sequences, iteration order of int keys and sys.getsizeof() all come
** out the same.
**
** The table.  An open-addressing table of 2**k {key, hash} entries (k >= 3).  A slot is
**   unused    key NULL, hash 0        (ends a probe sequence)
**   dummy     key set_dummy, hash -1  (a deleted key; probing continues past it)
**   active    key owned, hash = hash(key)
** 'fill' counts active + dummy slots, 'used' the active ones.  A probe starts at
** hash & mask, inspects LINEAR_PROBES (9) following slots when they fit before the end of
** the table, then jumps: perturb >>= 5; i = (i * 5 + 1 + perturb) & mask.  Inserting into
** an unused slot that brings fill to 3/5 of the table resizes it to the smallest power of
** two > used * 4 (used * 2 above 50000 entries); tables of 8 entries live inside the
** object (smalltable), larger ones in a heap block.
**
** Safety.  Comparing keys runs arbitrary __eq__ code that may mutate the set being
** searched: after every comparison the lookup checks that the table pointer and the
** compared entry are unchanged and restarts otherwise (CPython's "mutated during
** comparison" rule).  A key is increfed before insertion so such code cannot free it.
** Clearing empties the object before releasing the keys, for the same reason.
**
** See also: setobject.h (layout), dictobject.c (the same probing idea).
*/
#include "listobject.h"
#include "weakrefobject.h"
#include "setobject.h"

#include "error.h"
#include "exceptions.h"
#include "gc.h"
#include "heap.h"
#include "intobject.h"
#include "dictobject.h"
#include "strobject.h"
#include "tupleobject.h"
#include "typeobject.h"
#include "genericalias.h"
#include <string.h>

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

/* The dummy key: a static object that is never counted, compared or freed. */
static void
set_dummy_dealloc(Object *o)
{
    fatal("deallocating <dummy key>");
}

static TypeObject set_dummy_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "<dummy key> type",
    .dealloc = set_dummy_dealloc,
};

static Object set_dummy_struct = {.refcnt = 1, .type = &set_dummy_type};
#define set_dummy (&set_dummy_struct)

#define SO(o) ((SetObject *)(o))

static int set_table_resize(SetObject *so, ssize_t minused);
static Object *make_new_set(TypeObject *type, Object *iterable);

/* ================================================================ probing */

/* Find key: the entry holding it, or the unused entry ending its probe sequence (key
** NULL).  NULL + exception if a comparison failed. */
static SetEntry *
set_lookkey(SetObject *so, Object *key, hash_t hash)
{
    size_t perturb = (size_t)hash;
    size_t mask = (size_t)so->mask;
    size_t i = (size_t)hash & mask;

    for (;;) {
        SetEntry *entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL)
                return entry;
            if (entry->hash == hash) {
                Object *startkey = entry->key;
                if (startkey == key)
                    return entry;
                if (STR_CHECK_EXACT(startkey) && STR_CHECK_EXACT(key) &&
                    str_eq(startkey, key))
                    return entry;
                SetEntry *table = so->table;
                incref(startkey);
                int cmp = obj_richcompare_bool(startkey, key, CMP_EQ);
                decref(startkey);
                if (cmp < 0)
                    return NULL;
                if (table != so->table || entry->key != startkey)
                    return set_lookkey(so, key, hash);
                if (cmp > 0)
                    return entry;
                mask = (size_t)so->mask;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* Insert key (borrowed; increfed if it goes in).  May resize.  0, or -1 + exception. */
static int
set_add_entry(SetObject *so, Object *key, hash_t hash)
{
    SetEntry *freeslot, *entry;
    size_t perturb, mask, i;

    incref(key);        /* an __eq__ below must not be able to free it */
restart:
    mask = (size_t)so->mask;
    i = (size_t)hash & mask;
    freeslot = NULL;
    perturb = (size_t)hash;

    for (;;) {
        entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL)
                goto found_unused_or_dummy;
            if (entry->hash == hash) {
                Object *startkey = entry->key;
                if (startkey == key)
                    goto found_active;
                if (STR_CHECK_EXACT(startkey) && STR_CHECK_EXACT(key) &&
                    str_eq(startkey, key))
                    goto found_active;
                SetEntry *table = so->table;
                incref(startkey);
                int cmp = obj_richcompare_bool(startkey, key, CMP_EQ);
                decref(startkey);
                if (cmp > 0)
                    goto found_active;
                if (cmp < 0) {
                    decref(key);
                    return -1;
                }
                if (table != so->table || entry->key != startkey)
                    goto restart;
                mask = (size_t)so->mask;
            } else if (entry->hash == -1) {
                freeslot = entry;       /* a dummy: reuse it if key is absent */
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }

found_unused_or_dummy:
    if (freeslot) {
        so->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    so->fill++;
    so->used++;
    entry->key = key;
    entry->hash = hash;
    if ((size_t)so->fill * 5 < mask * 3)
        return 0;
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);

found_active:
    decref(key);
    return 0;
}

/* Place key in a table known to hold no equal key and no dummies (resize, merge).
** Reference counts and fill/used are the caller's business. */
static void
set_insert_clean(SetEntry *table, size_t mask, Object *key, hash_t hash)
{
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    SetEntry *entry;

    for (;;) {
        entry = &table[i];
        if (entry->key == NULL)
            goto found_null;
        if (i + LINEAR_PROBES <= mask) {
            for (size_t j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == NULL)
                    goto found_null;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_null:
    entry->key = key;
    entry->hash = hash;
}

/* Rebuild the table with the smallest power-of-two size > minused, dropping dummies. */
static int
set_table_resize(SetObject *so, ssize_t minused)
{
    SetEntry *oldtable = so->table, *newtable;
    ssize_t oldmask = so->mask;
    int oldtable_is_heap = oldtable != so->smalltable;
    SetEntry small_copy[SET_MINSIZE];

    size_t newsize = SET_MINSIZE;
    while (newsize <= (size_t)minused)
        newsize <<= 1;

    if (newsize == SET_MINSIZE) {
        /* shrinking to, or staying at, the small table */
        newtable = so->smalltable;
        if (newtable == oldtable) {
            if (so->fill == so->used)
                return 0;       /* no dummies to purge */
            memcpy(small_copy, oldtable, sizeof small_copy);
            oldtable = small_copy;
        }
    } else {
        if (newsize > (size_t)SSIZE_MAX / sizeof(SetEntry)) {
            err_no_memory();
            return -1;
        }
        newtable = heap_alloc(sizeof(SetEntry) * newsize);
        if (!newtable) {
            err_no_memory();
            return -1;
        }
    }

    memset(newtable, 0, sizeof(SetEntry) * newsize);
    so->mask = (ssize_t)newsize - 1;
    so->table = newtable;

    size_t newmask = (size_t)so->mask;
    if (so->fill == so->used) {
        for (SetEntry *e = oldtable; e <= oldtable + oldmask; e++)
            if (e->key != NULL)
                set_insert_clean(newtable, newmask, e->key, e->hash);
    } else {
        so->fill = so->used;
        for (SetEntry *e = oldtable; e <= oldtable + oldmask; e++)
            if (e->key != NULL && e->key != set_dummy)
                set_insert_clean(newtable, newmask, e->key, e->hash);
    }
    if (oldtable_is_heap)
        heap_free(oldtable);
    return 0;
}

static int
set_contains_entry(SetObject *so, Object *key, hash_t hash)
{
    SetEntry *entry = set_lookkey(so, key, hash);
    if (!entry)
        return -1;
    return entry->key != NULL;
}

enum { DISCARD_NOTFOUND = 0, DISCARD_FOUND = 1 };

static int
set_discard_entry(SetObject *so, Object *key, hash_t hash)
{
    SetEntry *entry = set_lookkey(so, key, hash);
    if (!entry)
        return -1;
    if (entry->key == NULL)
        return DISCARD_NOTFOUND;
    Object *old_key = entry->key;
    entry->key = set_dummy;
    entry->hash = -1;
    so->used--;
    decref(old_key);
    return DISCARD_FOUND;
}

/* hash(key), using a str's cached hash without a call. */
static hash_t
set_key_hash(Object *key)
{
    if (STR_CHECK_EXACT(key)) {
        hash_t h = ((StrObject *)key)->hash;
        if (h != -1)
            return h;
    }
    return obj_hash(key);
}

static int
set_add_key(SetObject *so, Object *key)
{
    hash_t hash = set_key_hash(key);
    if (hash == -1)
        return -1;
    return set_add_entry(so, key, hash);
}

static int
set_contains_key(SetObject *so, Object *key)
{
    hash_t hash = set_key_hash(key);
    if (hash == -1)
        return -1;
    return set_contains_entry(so, key, hash);
}

static int
set_discard_key(SetObject *so, Object *key)
{
    hash_t hash = set_key_hash(key);
    if (hash == -1)
        return -1;
    return set_discard_entry(so, key, hash);
}

static void
set_empty_to_minsize(SetObject *so)
{
    memset(so->smalltable, 0, sizeof so->smalltable);
    so->fill = 0;
    so->used = 0;
    so->mask = SET_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
}

/* Remove every key.  The object is made empty first, then the old entries are released:
** a key's __del__ may look at (or mutate) the set.  Also the type's 'clear' slot. */
static int
set_clear_internal(Object *self)
{
    SetObject *so = SO(self);
    SetEntry *table = so->table;
    ssize_t fill = so->fill, used = so->used;
    int table_is_heap = table != so->smalltable;
    SetEntry small_copy[SET_MINSIZE];

    if (table_is_heap) {
        set_empty_to_minsize(so);
    } else if (fill > 0) {
        memcpy(small_copy, table, sizeof small_copy);
        table = small_copy;
        set_empty_to_minsize(so);
    }
    for (SetEntry *e = table; used > 0; e++) {
        if (e->key && e->key != set_dummy) {
            used--;
            decref(e->key);
        }
    }
    if (table_is_heap)
        heap_free(table);
    return 0;
}

/* Next active entry at or after *pos; 0 at the end. */
static int
set_next_entry(SetObject *so, ssize_t *pos, SetEntry **entry_ptr)
{
    ssize_t i = *pos;
    ssize_t mask = so->mask;
    SetEntry *entry = &so->table[i];
    while (i <= mask && (entry->key == NULL || entry->key == set_dummy)) {
        i++;
        entry++;
    }
    *pos = i + 1;
    if (i > mask)
        return 0;
    *entry_ptr = entry;
    return 1;
}

/* ================================================================ object basics */

static void
set_dealloc(Object *self)
{
    SetObject *so = SO(self);
    ssize_t used = so->used;
    gc_untrack(self);
    int tok = trash_begin(self, set_dealloc);
    if (tok < 0)
        return;
    weakref_clear_refs(self);
    for (SetEntry *e = so->table; used > 0; e++) {
        if (e->key && e->key != set_dummy) {
            used--;
            decref(e->key);
        }
    }
    if (so->table != so->smalltable)
        heap_free(so->table);
    void (*release)(void *) = TYPE(self)->free ? TYPE(self)->free : obj_free;
    release(self);
    trash_end(tok);
}

static int
set_traverse(Object *self, visitproc visit, void *arg)
{
    ssize_t pos = 0;
    SetEntry *entry;
    while (set_next_entry(SO(self), &pos, &entry))
        OBJ_VISIT(entry->key);
    return 0;
}

static ssize_t
set_len(Object *self)
{
    return SO(self)->used;
}

/* repr: "set()", "{1, 2}", "frozenset({1, 2})", "Sub({1})", and "Sub(...)" for a set
** met again while its own repr is being built.  As CPython 3.11's set_repr: the keys go
** into a list (PySequence_List: list_extend through a set iterator), the list's repr
** loses its brackets and gets braces -- the same temporaries, in the same order. */
static Object *
set_repr(Object *self)
{
    SetObject *so = SO(self);
    const char *tname = TYPE(self)->name;
    int rc = repr_enter(self);
    if (rc != 0)
        return rc > 0 ? str_from_format("%s(...)", tname) : NULL;
    if (so->used == 0) {
        repr_leave(self);
        return str_from_format("%s()", tname);
    }
    Object *result = NULL, *listrepr = NULL;
    Object *keys = list_new(0);
    if (!keys || list_extend(keys, self) < 0)
        goto done;
    listrepr = obj_repr(keys);
    CLEAR(keys);
    if (!listrepr)
        goto done;
    Object *inner = str_substring(listrepr, 1, STR_LEN(listrepr) - 1);
    if (!inner)
        goto done;
    SETREF(listrepr, inner);
    if (SET_CHECK_EXACT(self))
        result = str_from_format("{%U}", listrepr);
    else
        result = str_from_format("%s({%U})", tname, listrepr);
done:
    xdecref(keys);
    xdecref(listrepr);
    repr_leave(self);
    return result;
}

/* so |= otherset (both sets). */
static int
set_merge(SetObject *so, SetObject *other)
{
    if (other == so || other->used == 0)
        return 0;
    /* one big resize up front, expecting few overlapping keys */
    if ((so->fill + other->used) * 5 >= so->mask * 3) {
        if (set_table_resize(so, (so->used + other->used) * 2) != 0)
            return -1;
    }
    SetEntry *so_entry = so->table, *other_entry = other->table;

    /* empty target of the same size and no dummies in the source: copy slot by slot */
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (ssize_t i = 0; i <= other->mask; i++, so_entry++, other_entry++) {
            Object *key = other_entry->key;
            if (key != NULL) {
                so_entry->key = newref(key);
                so_entry->hash = other_entry->hash;
            }
        }
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }

    /* empty target: no duplicates possible, insert without comparing */
    if (so->fill == 0) {
        SetEntry *newtable = so->table;
        size_t newmask = (size_t)so->mask;
        so->fill = other->used;
        so->used = other->used;
        for (ssize_t i = other->mask + 1; i > 0; i--, other_entry++) {
            Object *key = other_entry->key;
            if (key != NULL && key != set_dummy)
                set_insert_clean(newtable, newmask, newref(key), other_entry->hash);
        }
        return 0;
    }

    for (ssize_t i = 0; i <= other->mask; i++) {
        other_entry = &other->table[i];
        Object *key = other_entry->key;
        if (key != NULL && key != set_dummy) {
            if (set_add_entry(so, key, other_entry->hash))
                return -1;
        }
    }
    return 0;
}

static int
set_update_internal(SetObject *so, Object *other)
{
    if (ANYSET_CHECK(other))
        return set_merge(so, SO(other));

    if (DICT_CHECK_EXACT(other)) {
        ssize_t dictsize = DICT_LEN(other);
        if ((so->fill + dictsize) * 5 >= so->mask * 3) {
            if (set_table_resize(so, (so->used + dictsize) * 2) != 0)
                return -1;
        }
        ssize_t pos = 0;
        Object *key, *value;
        while (dict_next(other, &pos, &key, &value)) {
            incref(key);
            int r = set_add_key(so, key);
            decref(key);
            if (r)
                return -1;
        }
        return 0;
    }

    Object *it = obj_get_iter(other);
    if (!it)
        return -1;
    Object *key;
    while ((key = obj_iter_next(it)) != NULL) {
        if (set_add_key(so, key)) {
            decref(it);
            decref(key);
            return -1;
        }
        decref(key);
    }
    decref(it);
    return err_occurred() ? -1 : 0;
}

/* A new, *untracked* set of 'type'. */
static SetObject *
set_alloc(TypeObject *type)
{
    Object *(*alloc)(TypeObject *, ssize_t) = type->alloc ? type->alloc : type_generic_alloc;
    SetObject *so = (SetObject *)alloc(type, 0);
    if (!so)
        return NULL;
    so->fill = 0;
    so->used = 0;
    so->mask = SET_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
    so->finger = 0;
    so->weakreflist = NULL;
    return so;
}

static Object *
make_new_set(TypeObject *type, Object *iterable)
{
    SetObject *so = set_alloc(type);
    if (!so)
        return NULL;
    if (iterable && set_update_internal(so, iterable)) {
        decref(so);
        return NULL;
    }
    gc_track((Object *)so);
    return (Object *)so;
}

/* Results of operations on subclass instances are plain sets / frozensets. */
static Object *
make_new_set_basetype(TypeObject *type, Object *iterable)
{
    if (type != &set_type && type != &frozenset_type)
        type = type_is_subtype(type, &set_type) ? &set_type : &frozenset_type;
    return make_new_set(type, iterable);
}

static Object *
make_new_frozenset(TypeObject *type, Object *iterable)
{
    if (type != &frozenset_type)
        return make_new_set(type, iterable);
    if (iterable && FROZENSET_CHECK_EXACT(iterable))
        return newref(iterable);        /* frozenset(f) is f */
    return make_new_set(type, iterable);
}

/* KeyError(key) with the key wrapped in a tuple, so a tuple key is not unpacked into
** the exception's args (CPython's _PyErr_SetKeyError). */
static void
set_key_error(Object *key)
{
    err_set_key_error(key);
}

/* ================================================================ hashing */

/* Spread the bits of nearby hashes (3.11's frozenset hash). */
static size_t
set_shuffle_bits(size_t h)
{
    return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
}

static hash_t
frozenset_hash(Object *self)
{
    SetObject *so = SO(self);
    if (so->hash != -1)
        return so->hash;
    size_t hash = 0;
    /* xor every slot's shuffled hash (order independent), then take back the
       contribution of an odd number of unused (hash 0) and dummy (hash -1) slots */
    for (SetEntry *e = so->table; e <= &so->table[so->mask]; e++)
        hash ^= set_shuffle_bits((size_t)e->hash);
    if ((so->mask + 1 - so->fill) & 1)
        hash ^= set_shuffle_bits(0);
    if ((so->fill - so->used) & 1)
        hash ^= set_shuffle_bits((size_t)-1);
    hash ^= ((size_t)so->used + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (size_t)-1)
        hash = 590923713UL;
    so->hash = (hash_t)hash;
    return so->hash;
}

/* ================================================================ iterator */

typedef struct SetIterObject {
    OBJECT_HEAD;
    SetObject *si_set;          /* NULL once exhausted */
    ssize_t si_used;            /* so->used when created: detects size changes */
    ssize_t si_pos;
    ssize_t len;
} SetIterObject;

static void
setiter_dealloc(Object *self)
{
    gc_untrack(self);
    xdecref(((SetIterObject *)self)->si_set);
    obj_free(self);
}

static int
setiter_traverse(Object *self, visitproc visit, void *arg)
{
    OBJ_VISIT(((SetIterObject *)self)->si_set);
    return 0;
}

static Object *
setiter_len(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    SetIterObject *si = (SetIterObject *)self;
    ssize_t len = 0;
    if (si->si_set && si->si_used == si->si_set->used)
        len = si->len;
    return int_from_ssize(len);
}

static Object *
setiter_iternext(Object *self)
{
    SetIterObject *si = (SetIterObject *)self;
    SetObject *so = si->si_set;
    if (!so)
        return NULL;
    if (si->si_used != so->used) {
        err_set(exc_RuntimeError, "Set changed size during iteration");
        si->si_used = -1;       /* sticky */
        return NULL;
    }
    ssize_t i = si->si_pos;
    SetEntry *entry = so->table;
    ssize_t mask = so->mask;
    while (i <= mask && (entry[i].key == NULL || entry[i].key == set_dummy))
        i++;
    si->si_pos = i + 1;
    if (i > mask) {
        si->si_set = NULL;
        decref(so);
        return NULL;
    }
    si->len--;
    return newref(entry[i].key);
}

static Object *
setiter_self(Object *self)
{
    return newref(self);
}

static const MethodDef setiter_methods[] = {
    {"__length_hint__", setiter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

TypeObject setiter_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "set_iterator",
    .basicsize = sizeof(SetIterObject),
    .flags = TPFLAG_GC,
    .dealloc = setiter_dealloc,
    .traverse = setiter_traverse,
    .getattro = obj_generic_getattr,
    .iter = setiter_self,
    .iternext = setiter_iternext,
    .methods = setiter_methods,
};

static Object *
set_iter(Object *self)
{
    if (!(setiter_type.flags & TPFLAG_READY) && type_ready(&setiter_type) < 0)
        return NULL;
    SetIterObject *si = (SetIterObject *)obj_alloc(&setiter_type, 0);
    if (!si)
        return NULL;
    si->si_set = (SetObject *)newref(self);
    si->si_used = SO(self)->used;
    si->si_pos = 0;
    si->len = SO(self)->used;
    gc_track((Object *)si);
    return (Object *)si;
}

/* ================================================================ construction */

/* CPython's _PyArg_NoKeywords / _PyArg_CheckPositional messages. */
static int
set_no_keywords(const char *fname, ssize_t nkw)
{
    if (nkw > 0) {
        err_format(exc_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    return 0;
}

static int
set_check_positional(const char *name, ssize_t nargs)
{
    if (nargs > 1) {
        err_format(exc_TypeError, "%s expected at most 1 argument, got %zd", name, nargs);
        return -1;
    }
    return 0;
}

static Object *
set_tp_new(TypeObject *type, Object *args, Object *kwds)
{
    /* set.__init__ does the work (and checks the arguments) */
    return make_new_set(type, NULL);
}

static int
set_tp_init(Object *self, Object *args, Object *kwds)
{
    SetObject *so = SO(self);
    if (set_no_keywords("set", kwds ? DICT_LEN(kwds) : 0) < 0)
        return -1;
    ssize_t nargs = args ? TUPLE_LEN(args) : 0;
    if (set_check_positional(TYPE(self)->name, nargs) < 0)
        return -1;
    if (so->fill)
        set_clear_internal(self);
    so->hash = -1;
    if (nargs == 0)
        return 0;
    return set_update_internal(so, TUPLE_GET(args, 0));
}

static Object *
set_vectorcall(Object *type, Object *const *args, size_t nargs, Object *kwnames)
{
    if (set_no_keywords("set", kwnames ? TUPLE_LEN(kwnames) : 0) < 0)
        return NULL;
    if (set_check_positional("set", (ssize_t)nargs) < 0)
        return NULL;
    return make_new_set((TypeObject *)type, nargs ? args[0] : NULL);
}

static Object *
frozenset_tp_new(TypeObject *type, Object *args, Object *kwds)
{
    if ((type == &frozenset_type || type->init == frozenset_type.init) &&
        set_no_keywords("frozenset", kwds ? DICT_LEN(kwds) : 0) < 0)
        return NULL;
    ssize_t nargs = args ? TUPLE_LEN(args) : 0;
    if (set_check_positional(type->name, nargs) < 0)
        return NULL;
    return make_new_frozenset(type, nargs ? TUPLE_GET(args, 0) : NULL);
}

static Object *
frozenset_vectorcall(Object *type, Object *const *args, size_t nargs, Object *kwnames)
{
    if (set_no_keywords("frozenset", kwnames ? TUPLE_LEN(kwnames) : 0) < 0)
        return NULL;
    if (set_check_positional("frozenset", (ssize_t)nargs) < 0)
        return NULL;
    return make_new_frozenset((TypeObject *)type, nargs ? args[0] : NULL);
}

/* Exchange the contents of a and b (the in-place operators build a result and swap it
** in).  Hashes move only between frozensets. */
static void
set_swap_bodies(SetObject *a, SetObject *b)
{
    ssize_t t;
    SetEntry tab[SET_MINSIZE];

    t = a->fill; a->fill = b->fill; b->fill = t;
    t = a->used; a->used = b->used; b->used = t;
    t = a->mask; a->mask = b->mask; b->mask = t;

    SetEntry *u = a->table;
    if (a->table == a->smalltable)
        u = b->smalltable;
    a->table = b->table;
    if (b->table == b->smalltable)
        a->table = a->smalltable;
    b->table = u;

    if (a->table == a->smalltable || b->table == b->smalltable) {
        memcpy(tab, a->smalltable, sizeof tab);
        memcpy(a->smalltable, b->smalltable, sizeof tab);
        memcpy(b->smalltable, tab, sizeof tab);
    }

    if (type_is_subtype(TYPE(a), &frozenset_type) &&
        type_is_subtype(TYPE(b), &frozenset_type)) {
        hash_t h = a->hash;
        a->hash = b->hash;
        b->hash = h;
    } else {
        a->hash = -1;
        b->hash = -1;
    }
}

/* ================================================================ operations */

static Object *
set_copy(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return make_new_set_basetype(TYPE(self), self);
}

static Object *
frozenset_copy(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (FROZENSET_CHECK_EXACT(self))
        return newref(self);
    return set_copy(self, NULL, 0, NULL);
}

static Object *
set_clear_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    set_clear_internal(self);
    return newref(None);
}

static Object *
set_union(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *result = set_copy(self, NULL, 0, NULL);
    if (!result)
        return NULL;
    for (ssize_t i = 0; i < nargs; i++) {
        if (args[i] == self)
            continue;
        if (set_update_internal(SO(result), args[i])) {
            decref(result);
            return NULL;
        }
    }
    return result;
}

static Object *
set_or(Object *a, Object *b)
{
    if (!ANYSET_CHECK(a) || !ANYSET_CHECK(b))
        return newref(NotImplemented);
    Object *result = set_copy(a, NULL, 0, NULL);
    if (!result)
        return NULL;
    if (a == b)
        return result;
    if (set_update_internal(SO(result), b)) {
        decref(result);
        return NULL;
    }
    return result;
}

static Object *
set_ior(Object *self, Object *other)
{
    if (!ANYSET_CHECK(other))
        return newref(NotImplemented);
    if (set_update_internal(SO(self), other))
        return NULL;
    return newref(self);
}

static Object *
set_update_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    for (ssize_t i = 0; i < nargs; i++)
        if (set_update_internal(SO(self), args[i]))
            return NULL;
    return newref(None);
}

static Object *
set_intersection(SetObject *so, Object *other)
{
    if ((Object *)so == other)
        return set_copy((Object *)so, NULL, 0, NULL);
    SetObject *result = (SetObject *)make_new_set_basetype(TYPE(so), NULL);
    if (!result)
        return NULL;

    if (ANYSET_CHECK(other)) {
        ssize_t pos = 0;
        SetEntry *entry;
        if (SET_SIZE(other) > SET_SIZE(so)) {    /* iterate over the smaller one */
            Object *tmp = (Object *)so;
            so = SO(other);
            other = tmp;
        }
        while (set_next_entry(SO(other), &pos, &entry)) {
            Object *key = newref(entry->key);
            hash_t hash = entry->hash;
            int rv = set_contains_entry(so, key, hash);
            if (rv > 0)
                rv = set_add_entry(result, key, hash) ? -1 : 1;
            decref(key);
            if (rv < 0) {
                decref(result);
                return NULL;
            }
        }
        return (Object *)result;
    }

    Object *it = obj_get_iter(other);
    if (!it) {
        decref(result);
        return NULL;
    }
    Object *key;
    while ((key = obj_iter_next(it)) != NULL) {
        hash_t hash = obj_hash(key);
        if (hash == -1)
            goto error;
        int rv = set_contains_entry(so, key, hash);
        if (rv < 0)
            goto error;
        if (rv) {
            if (set_add_entry(result, key, hash))
                goto error;
            if (SET_SIZE(result) >= SET_SIZE(so)) {
                decref(key);
                break;
            }
        }
        decref(key);
    }
    decref(it);
    if (err_occurred()) {
        decref(result);
        return NULL;
    }
    return (Object *)result;
error:
    decref(it);
    decref(result);
    decref(key);
    return NULL;
}

static Object *
set_intersection_multi(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (nargs == 0)
        return set_copy(self, NULL, 0, NULL);
    Object *result = newref(self);
    for (ssize_t i = 0; i < nargs; i++) {
        Object *newresult = set_intersection(SO(result), args[i]);
        if (!newresult) {
            decref(result);
            return NULL;
        }
        SETREF(result, newresult);
    }
    return result;
}

static Object *
set_intersection_update(Object *self, Object *other)
{
    Object *tmp = set_intersection(SO(self), other);
    if (!tmp)
        return NULL;
    set_swap_bodies(SO(self), SO(tmp));
    decref(tmp);
    return newref(None);
}

static Object *
set_intersection_update_multi(Object *self, Object *const *args, ssize_t nargs,
                              Object *kwnames)
{
    Object *tmp = set_intersection_multi(self, args, nargs, NULL);
    if (!tmp)
        return NULL;
    set_swap_bodies(SO(self), SO(tmp));
    decref(tmp);
    return newref(None);
}

static Object *
set_and(Object *a, Object *b)
{
    if (!ANYSET_CHECK(a) || !ANYSET_CHECK(b))
        return newref(NotImplemented);
    return set_intersection(SO(a), b);
}

static Object *
set_iand(Object *self, Object *other)
{
    if (!ANYSET_CHECK(other))
        return newref(NotImplemented);
    Object *r = set_intersection_update(self, other);
    if (!r)
        return NULL;
    decref(r);
    return newref(self);
}

static Object *
set_isdisjoint(Object *self, Object *other)
{
    SetObject *so = SO(self);
    if (self == other)
        return bool_from(so->used == 0);

    if (ANYSET_CHECK_EXACT(other)) {
        ssize_t pos = 0;
        SetEntry *entry;
        if (SET_SIZE(other) > SET_SIZE(so)) {
            Object *tmp = (Object *)so;
            so = SO(other);
            other = tmp;
        }
        while (set_next_entry(SO(other), &pos, &entry)) {
            Object *key = newref(entry->key);
            int rv = set_contains_entry(so, key, entry->hash);
            decref(key);
            if (rv < 0)
                return NULL;
            if (rv)
                return bool_from(0);
        }
        return bool_from(1);
    }

    Object *it = obj_get_iter(other);
    if (!it)
        return NULL;
    Object *key;
    while ((key = obj_iter_next(it)) != NULL) {
        int rv = set_contains_key(so, key);
        decref(key);
        if (rv < 0) {
            decref(it);
            return NULL;
        }
        if (rv) {
            decref(it);
            return bool_from(0);
        }
    }
    decref(it);
    if (err_occurred())
        return NULL;
    return bool_from(1);
}

static int
set_difference_update_internal(SetObject *so, Object *other)
{
    if ((Object *)so == other)
        return set_clear_internal((Object *)so);

    if (ANYSET_CHECK(other)) {
        SetEntry *entry;
        ssize_t pos = 0;
        /* when other is more than 8 times larger, iterate over the intersection */
        if ((SET_SIZE(other) >> 3) > SET_SIZE(so)) {
            other = set_intersection(so, other);
            if (!other)
                return -1;
        } else {
            incref(other);
        }
        while (set_next_entry(SO(other), &pos, &entry)) {
            Object *key = newref(entry->key);
            int rv = set_discard_entry(so, key, entry->hash);
            decref(key);
            if (rv < 0) {
                decref(other);
                return -1;
            }
        }
        decref(other);
    } else {
        Object *it = obj_get_iter(other);
        if (!it)
            return -1;
        Object *key;
        while ((key = obj_iter_next(it)) != NULL) {
            if (set_discard_key(so, key) < 0) {
                decref(it);
                decref(key);
                return -1;
            }
            decref(key);
        }
        decref(it);
        if (err_occurred())
            return -1;
    }
    /* if more than 1/4 of the slots are dummies, resize them away */
    if ((size_t)(so->fill - so->used) <= (size_t)so->mask / 4)
        return 0;
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static Object *
set_difference_update(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    for (ssize_t i = 0; i < nargs; i++)
        if (set_difference_update_internal(SO(self), args[i]))
            return NULL;
    return newref(None);
}

static Object *
set_copy_and_difference(SetObject *so, Object *other)
{
    Object *result = set_copy((Object *)so, NULL, 0, NULL);
    if (!result)
        return NULL;
    if (set_difference_update_internal(SO(result), other) == 0)
        return result;
    decref(result);
    return NULL;
}

static Object *
set_difference(SetObject *so, Object *other)
{
    ssize_t other_size;
    if (ANYSET_CHECK(other))
        other_size = SET_SIZE(other);
    else if (DICT_CHECK_EXACT(other))
        other_size = DICT_LEN(other);
    else
        return set_copy_and_difference(so, other);

    /* when so is much larger than other, copy it and remove other's keys */
    if ((SET_SIZE(so) >> 2) > other_size)
        return set_copy_and_difference(so, other);

    SetObject *result = (SetObject *)make_new_set_basetype(TYPE(so), NULL);
    if (!result)
        return NULL;
    int is_dict = DICT_CHECK_EXACT(other);
    ssize_t pos = 0;
    SetEntry *entry;
    while (set_next_entry(so, &pos, &entry)) {
        Object *key = newref(entry->key);
        hash_t hash = entry->hash;
        int rv = is_dict ? dict_contains(other, key)
                         : set_contains_entry(SO(other), key, hash);
        if (rv == 0)
            rv = set_add_entry(result, key, hash) ? -1 : 0;
        decref(key);
        if (rv < 0) {
            decref(result);
            return NULL;
        }
    }
    return (Object *)result;
}

static Object *
set_difference_multi(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (nargs == 0)
        return set_copy(self, NULL, 0, NULL);
    Object *result = set_difference(SO(self), args[0]);
    if (!result)
        return NULL;
    for (ssize_t i = 1; i < nargs; i++) {
        if (set_difference_update_internal(SO(result), args[i])) {
            decref(result);
            return NULL;
        }
    }
    return result;
}

static Object *
set_sub(Object *a, Object *b)
{
    if (!ANYSET_CHECK(a) || !ANYSET_CHECK(b))
        return newref(NotImplemented);
    return set_difference(SO(a), b);
}

static Object *
set_isub(Object *self, Object *other)
{
    if (!ANYSET_CHECK(other))
        return newref(NotImplemented);
    if (set_difference_update_internal(SO(self), other))
        return NULL;
    return newref(self);
}

static Object *
set_symmetric_difference_update(Object *self, Object *other)
{
    SetObject *so = SO(self);
    if (self == other)
        return set_clear_meth(self, NULL, 0, NULL);

    if (DICT_CHECK_EXACT(other)) {
        ssize_t pos = 0;
        Object *key, *value;
        while (dict_next(other, &pos, &key, &value)) {
            incref(key);
            hash_t hash = obj_hash(key);
            int rv = hash == -1 ? -1 : set_discard_entry(so, key, hash);
            if (rv == DISCARD_NOTFOUND)
                rv = set_add_entry(so, key, hash) ? -1 : 0;
            decref(key);
            if (rv < 0)
                return NULL;
        }
        return newref(None);
    }

    SetObject *otherset;
    if (ANYSET_CHECK(other)) {
        otherset = (SetObject *)newref(other);
    } else {
        otherset = (SetObject *)make_new_set_basetype(TYPE(so), other);
        if (!otherset)
            return NULL;
    }
    ssize_t pos = 0;
    SetEntry *entry;
    while (set_next_entry(otherset, &pos, &entry)) {
        Object *key = newref(entry->key);
        hash_t hash = entry->hash;
        int rv = set_discard_entry(so, key, hash);
        if (rv == DISCARD_NOTFOUND)
            rv = set_add_entry(so, key, hash) ? -1 : 0;
        decref(key);
        if (rv < 0) {
            decref(otherset);
            return NULL;
        }
    }
    decref(otherset);
    return newref(None);
}

static Object *
set_symmetric_difference(Object *self, Object *other)
{
    Object *otherset = make_new_set_basetype(TYPE(self), other);
    if (!otherset)
        return NULL;
    Object *rv = set_symmetric_difference_update(otherset, self);
    if (!rv) {
        decref(otherset);
        return NULL;
    }
    decref(rv);
    return otherset;
}

static Object *
set_xor(Object *a, Object *b)
{
    if (!ANYSET_CHECK(a) || !ANYSET_CHECK(b))
        return newref(NotImplemented);
    return set_symmetric_difference(a, b);
}

static Object *
set_ixor(Object *self, Object *other)
{
    if (!ANYSET_CHECK(other))
        return newref(NotImplemented);
    Object *r = set_symmetric_difference_update(self, other);
    if (!r)
        return NULL;
    decref(r);
    return newref(self);
}

static Object *
set_issubset(Object *self, Object *other)
{
    SetObject *so = SO(self);
    if (!ANYSET_CHECK(other)) {
        /* 3.11 builds a temporary set of other */
        Object *tmp = make_new_set(&set_type, other);
        if (!tmp)
            return NULL;
        Object *r = set_issubset(self, tmp);
        decref(tmp);
        return r;
    }
    if (SET_SIZE(so) > SET_SIZE(other))
        return bool_from(0);
    ssize_t pos = 0;
    SetEntry *entry;
    while (set_next_entry(so, &pos, &entry)) {
        Object *key = newref(entry->key);
        int rv = set_contains_entry(SO(other), key, entry->hash);
        decref(key);
        if (rv < 0)
            return NULL;
        if (!rv)
            return bool_from(0);
    }
    return bool_from(1);
}

static Object *
set_issuperset(Object *self, Object *other)
{
    if (ANYSET_CHECK(other))
        return set_issubset(other, self);
    Object *it = obj_get_iter(other);
    if (!it)
        return NULL;
    Object *key;
    while ((key = obj_iter_next(it)) != NULL) {
        int rv = set_contains_key(SO(self), key);
        decref(key);
        if (rv < 0) {
            decref(it);
            return NULL;
        }
        if (!rv) {
            decref(it);
            return bool_from(0);
        }
    }
    decref(it);
    if (err_occurred())
        return NULL;
    return bool_from(1);
}

static Object *
set_issubset_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return set_issubset(self, args[0]);
}

static Object *
set_issuperset_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return set_issuperset(self, args[0]);
}

static Object *
set_isdisjoint_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return set_isdisjoint(self, args[0]);
}

static Object *
set_symmetric_difference_meth(Object *self, Object *const *args, ssize_t nargs,
                              Object *kwnames)
{
    return set_symmetric_difference(self, args[0]);
}

static Object *
set_symmetric_difference_update_meth(Object *self, Object *const *args, ssize_t nargs,
                                     Object *kwnames)
{
    return set_symmetric_difference_update(self, args[0]);
}

static Object *
set_richcompare(Object *v, Object *w, int op)
{
    if (!ANYSET_CHECK(w))
        return newref(NotImplemented);
    SetObject *sv = SO(v), *sw = SO(w);
    switch (op) {
    case CMP_EQ:
        if (sv->used != sw->used)
            return bool_from(0);
        if (sv->hash != -1 && sw->hash != -1 && sv->hash != sw->hash)
            return bool_from(0);
        return set_issubset(v, w);
    case CMP_NE: {
        Object *r1 = set_richcompare(v, w, CMP_EQ);
        if (!r1)
            return NULL;
        int r2 = obj_is_true(r1);
        decref(r1);
        if (r2 < 0)
            return NULL;
        return bool_from(!r2);
    }
    case CMP_LE:
        return set_issubset(v, w);
    case CMP_GE:
        return set_issuperset(v, w);
    case CMP_LT:
        if (sv->used >= sw->used)
            return bool_from(0);
        return set_issubset(v, w);
    case CMP_GT:
        if (sv->used <= sw->used)
            return bool_from(0);
        return set_issuperset(v, w);
    }
    return newref(NotImplemented);
}

static Object *
set_add_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (set_add_key(SO(self), args[0]))
        return NULL;
    return newref(None);
}

/* A set used as a key is looked up as the equal frozenset ({1} in {frozenset({1})}). */
static Object *
set_key_as_frozenset(Object *key)
{
    if (!SET_CHECK(key) || !err_matches(exc_TypeError))
        return NULL;
    err_clear();
    return make_new_set(&frozenset_type, key);
}

static int
set_sq_contains(Object *self, Object *key)
{
    int rv = set_contains_key(SO(self), key);
    if (rv < 0) {
        Object *tmpkey = set_key_as_frozenset(key);
        if (!tmpkey)
            return -1;
        rv = set_contains_key(SO(self), tmpkey);
        decref(tmpkey);
    }
    return rv;
}

static Object *
set_direct_contains(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    int r = set_sq_contains(self, args[0]);
    if (r < 0)
        return NULL;
    return bool_from(r);
}

/* discard with the set-as-frozenset retry: 1/0, or -1 + exception */
static int
set_discard_converting(Object *self, Object *key)
{
    int rv = set_discard_key(SO(self), key);
    if (rv < 0) {
        Object *tmpkey = set_key_as_frozenset(key);
        if (!tmpkey)
            return -1;
        rv = set_discard_key(SO(self), tmpkey);
        decref(tmpkey);
    }
    return rv;
}

static Object *
set_remove(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    int rv = set_discard_converting(self, args[0]);
    if (rv < 0)
        return NULL;
    if (rv == DISCARD_NOTFOUND) {
        set_key_error(args[0]);
        return NULL;
    }
    return newref(None);
}

static Object *
set_discard_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (set_discard_converting(self, args[0]) < 0)
        return NULL;
    return newref(None);
}

static Object *
set_pop_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    SetObject *so = SO(self);
    if (so->used == 0)
        return err_set(exc_KeyError, "pop from an empty set");
    /* the search finger is kept in bounds by masking */
    SetEntry *entry = so->table + (so->finger & so->mask);
    SetEntry *limit = so->table + so->mask;
    while (entry->key == NULL || entry->key == set_dummy) {
        entry++;
        if (entry > limit)
            entry = so->table;
    }
    Object *key = entry->key;
    entry->key = set_dummy;
    entry->hash = -1;
    so->used--;
    so->finger = entry - so->table + 1;
    return key;
}

static Object *
set_sizeof(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    SetObject *so = SO(self);
    size_t res = (size_t)TYPE(self)->basicsize;
    if (so->table != so->smalltable)
        res += ((size_t)so->mask + 1) * sizeof(SetEntry);
    return int_from_size(res);
}

/* ================================================================ type objects */

static const MethodDef set_methods[] = {
    {"add", set_add_meth, METH_O,
     "Add an element to a set.\n\nThis has no effect if the element is already present."},
    {"clear", set_clear_meth, METH_NOARGS, "Remove all elements from this set."},
    {"__contains__", set_direct_contains, METH_O, "x.__contains__(y) <==> y in x."},
    {"copy", set_copy, METH_NOARGS, "Return a shallow copy of a set."},
    {"discard", set_discard_meth, METH_O,
     "Remove an element from a set if it is a member.\n\n"
     "Unlike set.remove(), the discard() method does not raise\n"
     "an exception when an element is missing from the set."},
    {"difference", set_difference_multi, METH_VARARGS | METH_TUPLE,
     "Return the difference of two or more sets as a new set.\n\n"
     "(i.e. all elements that are in this set but not the others.)"},
    {"difference_update", set_difference_update, METH_VARARGS | METH_TUPLE,
     "Remove all elements of another set from this set."},
    {"intersection", set_intersection_multi, METH_VARARGS | METH_TUPLE,
     "Return the intersection of two sets as a new set.\n\n"
     "(i.e. all elements that are in both sets.)"},
    {"intersection_update", set_intersection_update_multi, METH_VARARGS | METH_TUPLE,
     "Update a set with the intersection of itself and another."},
    {"isdisjoint", set_isdisjoint_meth, METH_O,
     "Return True if two sets have a null intersection."},
    {"issubset", set_issubset_meth, METH_O, "Report whether another set contains this set."},
    {"issuperset", set_issuperset_meth, METH_O,
     "Report whether this set contains another set."},
    {"pop", set_pop_meth, METH_NOARGS,
     "Remove and return an arbitrary set element.\nRaises KeyError if the set is empty."},
    {"remove", set_remove, METH_O,
     "Remove an element from a set; it must be a member.\n\n"
     "If the element is not a member, raise a KeyError."},
    {"__sizeof__", set_sizeof, METH_NOARGS, "S.__sizeof__() -> size of S in memory, in bytes"},
    {"symmetric_difference", set_symmetric_difference_meth, METH_O,
     "Return the symmetric difference of two sets as a new set.\n\n"
     "(i.e. all elements that are in exactly one of the sets.)"},
    {"symmetric_difference_update", set_symmetric_difference_update_meth, METH_O,
     "Update a set with the symmetric difference of itself and another."},
    {"union", set_union, METH_VARARGS | METH_TUPLE,
     "Return the union of sets as a new set.\n\n"
     "(i.e. all elements that are in either set.)"},
    {"update", set_update_meth, METH_VARARGS | METH_TUPLE,
     "Update a set with the union of itself and others."},
    {"__class_getitem__", genericalias_class_getitem, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static const MethodDef frozenset_methods[] = {
    {"__contains__", set_direct_contains, METH_O, "x.__contains__(y) <==> y in x."},
    {"copy", frozenset_copy, METH_NOARGS, "Return a shallow copy of a set."},
    {"difference", set_difference_multi, METH_VARARGS | METH_TUPLE,
     "Return the difference of two or more sets as a new set.\n\n"
     "(i.e. all elements that are in this set but not the others.)"},
    {"intersection", set_intersection_multi, METH_VARARGS | METH_TUPLE,
     "Return the intersection of two sets as a new set.\n\n"
     "(i.e. all elements that are in both sets.)"},
    {"isdisjoint", set_isdisjoint_meth, METH_O,
     "Return True if two sets have a null intersection."},
    {"issubset", set_issubset_meth, METH_O, "Report whether another set contains this set."},
    {"issuperset", set_issuperset_meth, METH_O,
     "Report whether this set contains another set."},
    {"__sizeof__", set_sizeof, METH_NOARGS, "S.__sizeof__() -> size of S in memory, in bytes"},
    {"symmetric_difference", set_symmetric_difference_meth, METH_O,
     "Return the symmetric difference of two sets as a new set.\n\n"
     "(i.e. all elements that are in exactly one of the sets.)"},
    {"union", set_union, METH_VARARGS | METH_TUPLE,
     "Return the union of sets as a new set.\n\n"
     "(i.e. all elements that are in either set.)"},
    {"__class_getitem__", genericalias_class_getitem, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

TypeObject set_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "set",
    .basicsize = sizeof(SetObject),
    .flags = TPFLAG_GC | TPFLAG_BASETYPE,
    .doc = "set() -> new empty set object\n"
           "set(iterable) -> new set object\n\n"
           "Build an unordered collection of unique elements.",
    .dealloc = set_dealloc,
    .traverse = set_traverse,
    .clear = set_clear_internal,
    .repr = set_repr,
    .hash = obj_hash_not_implemented,
    .getattro = obj_generic_getattr,
    .richcompare = set_richcompare,
    .iter = set_iter,
    .init = set_tp_init,
    .new_ = set_tp_new,
    .new_vectorcall = set_vectorcall,
    .nb_subtract = set_sub,
    .nb_and = set_and,
    .nb_xor = set_xor,
    .nb_or = set_or,
    .nb_inplace_subtract = set_isub,
    .nb_inplace_and = set_iand,
    .nb_inplace_xor = set_ixor,
    .nb_inplace_or = set_ior,
    .len = set_len,
    .sq_contains = set_sq_contains,
    .methods = set_methods,
    .weaklistoffset = offsetof(SetObject, weakreflist),
};

TypeObject frozenset_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "frozenset",
    .basicsize = sizeof(SetObject),
    .flags = TPFLAG_GC | TPFLAG_BASETYPE,
    .doc = "frozenset() -> empty frozenset object\n"
           "frozenset(iterable) -> frozenset object\n\n"
           "Build an immutable unordered collection of unique elements.",
    .dealloc = set_dealloc,
    .traverse = set_traverse,
    .clear = set_clear_internal,
    .repr = set_repr,
    .hash = frozenset_hash,
    .getattro = obj_generic_getattr,
    .richcompare = set_richcompare,
    .iter = set_iter,
    .new_ = frozenset_tp_new,
    .new_vectorcall = frozenset_vectorcall,
    .nb_subtract = set_sub,
    .nb_and = set_and,
    .nb_xor = set_xor,
    .nb_or = set_or,
    .len = set_len,
    .sq_contains = set_sq_contains,
    .methods = frozenset_methods,
    .weaklistoffset = offsetof(SetObject, weakreflist),
};

/* ================================================================ C API */

Object *
set_new(Object *iterable)
{
    return make_new_set(&set_type, iterable);
}

Object *
frozenset_new(Object *iterable)
{
    return make_new_set(&frozenset_type, iterable);
}

ssize_t
set_size(Object *set)
{
    if (!ANYSET_CHECK(set)) {
        err_bad_internal_call("set_size");
        return -1;
    }
    return SO(set)->used;
}

int
set_clear(Object *set)
{
    if (!SET_CHECK(set)) {
        err_bad_internal_call("set_clear");
        return -1;
    }
    return set_clear_internal(set);
}

int
set_contains(Object *set, Object *key)
{
    if (!ANYSET_CHECK(set)) {
        err_bad_internal_call("set_contains");
        return -1;
    }
    return set_contains_key(SO(set), key);
}

int
set_discard(Object *set, Object *key)
{
    if (!SET_CHECK(set)) {
        err_bad_internal_call("set_discard");
        return -1;
    }
    return set_discard_key(SO(set), key);
}

int
set_add(Object *set, Object *key)
{
    if (!SET_CHECK(set) && (!FROZENSET_CHECK(set) || REFCNT(set) != 1)) {
        err_bad_internal_call("set_add");
        return -1;
    }
    return set_add_key(SO(set), key);
}

int
set_next(Object *set, ssize_t *pos, Object **key, hash_t *hash)
{
    SetEntry *entry;
    if (!set_next_entry(SO(set), pos, &entry))
        return 0;
    *key = entry->key;
    *hash = entry->hash;
    return 1;
}

Object *
set_pop(Object *set)
{
    if (!SET_CHECK(set))
        return err_bad_internal_call("set_pop");
    return set_pop_meth(set, NULL, 0, NULL);
}

int
set_update(Object *set, Object *iterable)
{
    if (!SET_CHECK(set)) {
        err_bad_internal_call("set_update");
        return -1;
    }
    return set_update_internal(SO(set), iterable);
}

void
set_clear_freelist(void)
{
}

int
set_init(void)
{
    if (type_ready(&set_type) < 0 || type_ready(&frozenset_type) < 0 ||
        type_ready(&setiter_type) < 0)
        return -1;
    return 0;
}
