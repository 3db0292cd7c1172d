/*
** dictobject.c -- dict (CPython 3.11's compact, insertion-ordered hash table) and the
** attribute storage of class instances.
**
** Keys block ("DictKeys"):
**
**      +--------------------+  header, 32 bytes: refcnt, log2_size, log2_index_bytes,
**      | header             |  kind, version, usable, nentries
**      +--------------------+
**      | indices[size]      |  int8/16/32/64 by size: index into entries, or
**      |                    |  DKIX_EMPTY (-1) / DKIX_DUMMY (-2, deleted)
**      +--------------------+
**      | entries[usable]    |  GENERAL: {hash, key, value} / UNICODE: {key, value}
**      +--------------------+
**
** usable = 2/3 of size; entries are appended in insertion order, deleted ones leave
** holes (key NULL) until the next resize.  A resize picks the smallest power of two
** >= used*3 (GROWTH_RATE).  Keys of kind UNICODE hold only exact str keys and take
** their hash from the str; inserting any other key converts the table to GENERAL
** (with a resize, as 3.11 does).  All of this is what sys.getsizeof reports.
**
** Tracking: a new dict is untracked; it becomes tracked when a key or value that may
** be tracked is stored (MAINTAIN_TRACKING), and full collections untrack dicts of
** atoms again (gc.c).  Free lists: 80 dicts, 80 minimum-size UNICODE key blocks.
**
** Instances (TPFLAG_MANAGED_DICT): attribute names go to the class's SharedKeys (up to
** 30, append-only) and values to the instance's InstanceValues array, with the
** per-instance insertion order kept in 'order'.  Asking for __dict__ builds a real dict
** from them, and from then on the dict is the storage.  Such a dict is a split table in
** CPython until an insertion it cannot take (a key that is not an exact str, a new key
** when the shared keys have no room), clear() or popitem(): while it would be, 'values'
** points at the class's SharedKeys, and sys.getsizeof reports CPython's split size.
*/
#include <stdlib.h>
#include "dictobject.h"
#include "error.h"
#include "gc.h"
#include "heap.h"
#include "state.h"
#include "intobject.h"
#include "strobject.h"
#include "tupleobject.h"
#include "listobject.h"
#include "typeobject.h"
#include "genericalias.h"
#include "methodobject.h"
#include "setobject.h"
#include <string.h>
#include <stdio.h>

#define DICT_LOG_MINSIZE 3
#define DICT_MINSIZE 8
#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define DKIX_ERROR (-3)
#define PERTURB_SHIFT 5
#define USABLE_FRACTION(n) (((n) << 1) / 3)
#define GROWTH_RATE(d) ((d)->used * 3)

enum { DICT_KEYS_GENERAL = 0, DICT_KEYS_UNICODE = 1 };

struct DictKeys {
    ssize_t refcnt;
    uint8_t log2_size;
    uint8_t log2_index_bytes;
    uint8_t kind;
    uint32_t version;
    ssize_t usable;
    ssize_t nentries;
    char indices[];
};

typedef struct DictKeyEntry {
    hash_t hash;
    Object *key;
    Object *value;
} DictKeyEntry;

typedef struct DictUnicodeEntry {
    Object *key;
    Object *value;
} DictUnicodeEntry;

#define DK_LOG_SIZE(dk) ((dk)->log2_size)
#define DK_SIZE(dk) (((ssize_t)1) << DK_LOG_SIZE(dk))
#define DK_IS_UNICODE(dk) ((dk)->kind == DICT_KEYS_UNICODE)
#define DK_ENTRIES_PTR(dk) ((void *)(&(dk)->indices[(size_t)1 << (dk)->log2_index_bytes]))
#define DK_ENTRIES(dk) ((DictKeyEntry *)DK_ENTRIES_PTR(dk))
#define DK_UNICODE_ENTRIES(dk) ((DictUnicodeEntry *)DK_ENTRIES_PTR(dk))
#define DK_MASK(dk) (DK_SIZE(dk) - 1)

static uint64_t dict_global_version;
#define NEW_VERSION() (++dict_global_version)

/* The shared empty keys block: every empty dict points here (never freed). */
static struct {
    struct DictKeys k;
    int8_t idx[8];
} empty_keys_struct = {
    {1 << 30, 3, 3, DICT_KEYS_UNICODE, 1, 0, 0},
    {-1, -1, -1, -1, -1, -1, -1, -1},
};
#define EMPTY_KEYS (&empty_keys_struct.k)

#define DICT_MAXFREELIST 80
/* Two sets of free lists, the program's and the heap side mode's (rt_swap_freelists):
** swapping them is swapping the pointers. */
static DictObject *dict_free_store[2][DICT_MAXFREELIST];
static DictKeys *keys_free_store[2][DICT_MAXFREELIST];
static DictObject **dict_free_list = dict_free_store[0];
static DictKeys **keys_free_list = keys_free_store[0];
static int dict_numfree;
static int keys_numfree;

void
dict_swap_freelists(void)
{
    static int side_ndicts, side_nkeys;
    int side = dict_free_list == dict_free_store[0];
    dict_free_list = dict_free_store[side];
    keys_free_list = keys_free_store[side];
    int n = dict_numfree;
    dict_numfree = side_ndicts;
    side_ndicts = n;
    n = keys_numfree;
    keys_numfree = side_nkeys;
    side_nkeys = n;
}

/* ================================================================ index access */

static inline ssize_t
dictkeys_get_index(const DictKeys *k, size_t i)
{
    int log2size = DK_LOG_SIZE(k);
    if (log2size < 8)
        return ((const int8_t *)k->indices)[i];
    if (log2size < 16)
        return ((const int16_t *)k->indices)[i];
    if (log2size < 32)
        return ((const int32_t *)k->indices)[i];
    return ((const int64_t *)k->indices)[i];
}

static inline void
dictkeys_set_index(DictKeys *k, size_t i, ssize_t ix)
{
    int log2size = DK_LOG_SIZE(k);
    if (log2size < 8)
        ((int8_t *)k->indices)[i] = (int8_t)ix;
    else if (log2size < 16)
        ((int16_t *)k->indices)[i] = (int16_t)ix;
    else if (log2size < 32)
        ((int32_t *)k->indices)[i] = (int32_t)ix;
    else
        ((int64_t *)k->indices)[i] = (int64_t)ix;
}

static inline uint8_t
calculate_log2_keysize(ssize_t minsize)
{
    minsize = (minsize | DICT_MINSIZE) - 1;
    uint8_t bits = 0;
    size_t v = (size_t)(minsize | (DICT_MINSIZE - 1));
    while (v) {
        bits++;
        v >>= 1;
    }
    return bits;
}

static inline uint8_t
estimate_log2_keysize(ssize_t n)
{
    return calculate_log2_keysize((n * 3 + 1) / 2);
}

static size_t
keys_entry_size(int unicode)
{
    return unicode ? sizeof(DictUnicodeEntry) : sizeof(DictKeyEntry);
}

static size_t
keys_alloc_size(uint8_t log2_size, int unicode, uint8_t *log2_bytes_out, ssize_t *usable_out)
{
    ssize_t usable = USABLE_FRACTION((ssize_t)1 << log2_size);
    uint8_t log2_bytes;
    if (log2_size < 8)
        log2_bytes = log2_size;
    else if (log2_size < 16)
        log2_bytes = log2_size + 1;
    else if (log2_size < 32)
        log2_bytes = log2_size + 2;
    else
        log2_bytes = log2_size + 3;
    if (log2_bytes_out)
        *log2_bytes_out = log2_bytes;
    if (usable_out)
        *usable_out = usable;
    return sizeof(DictKeys) + ((size_t)1 << log2_bytes) +
           keys_entry_size(unicode) * (size_t)usable;
}

static DictKeys *
new_keys_object(uint8_t log2_size, int unicode)
{
    uint8_t log2_bytes;
    ssize_t usable;
    if (log2_size >= 8 * sizeof(ssize_t) - 3) {
        err_no_memory();
        return NULL;
    }
    size_t size = keys_alloc_size(log2_size, unicode, &log2_bytes, &usable);
    DictKeys *dk;
    if (log2_size == DICT_LOG_MINSIZE && unicode && keys_numfree > 0) {
        dk = keys_free_list[--keys_numfree];
    } else {
        dk = heap_alloc(size);
        if (!dk) {
            err_no_memory();
            return NULL;
        }
    }
    dk->refcnt = 1;
    dk->log2_size = log2_size;
    dk->log2_index_bytes = log2_bytes;
    dk->kind = unicode ? DICT_KEYS_UNICODE : DICT_KEYS_GENERAL;
    dk->version = 0;
    dk->usable = usable;
    dk->nentries = 0;
    memset(dk->indices, 0xff, (size_t)1 << log2_bytes);
    /* The entries are not cleared (CPython zeroes them): nothing reads an entry at or
    ** beyond nentries, and every append writes the whole entry, so a large table costs
    ** no sweep over memory the inserts will write anyway. */
    return dk;
}

static void
free_keys_object(DictKeys *keys)
{
    if (DK_IS_UNICODE(keys)) {
        DictUnicodeEntry *e = DK_UNICODE_ENTRIES(keys);
        for (ssize_t i = 0, n = keys->nentries; i < n; i++) {
            xdecref(e[i].key);
            xdecref(e[i].value);
        }
    } else {
        DictKeyEntry *e = DK_ENTRIES(keys);
        for (ssize_t i = 0, n = keys->nentries; i < n; i++) {
            xdecref(e[i].key);
            xdecref(e[i].value);
        }
    }
    if (DK_LOG_SIZE(keys) == DICT_LOG_MINSIZE && DK_IS_UNICODE(keys) &&
        keys_numfree < DICT_MAXFREELIST) {
        keys_free_list[keys_numfree++] = keys;
        return;
    }
    heap_free(keys);
}

static inline void
dictkeys_decref(DictKeys *dk)
{
    if (dk == EMPTY_KEYS)
        return;
    if (--dk->refcnt == 0)
        free_keys_object(dk);
}

static ssize_t
keys_size_bytes(DictKeys *k)
{
    return (ssize_t)(sizeof(DictKeys) + ((size_t)1 << k->log2_index_bytes) +
                     keys_entry_size(DK_IS_UNICODE(k)) * (size_t)USABLE_FRACTION(DK_SIZE(k)));
}

/* ================================================================ lookup */

static inline hash_t
key_hash(Object *key)
{
    if (STR_CHECK_EXACT(key)) {
        hash_t h = ((StrObject *)key)->hash;
        if (h != -1)
            return h;
        return str_hash(key);
    }
    return obj_hash(key);
}

/* The probe loop of an exact str key in a str-keyed table (CPython's
** unicodekeys_lookup_unicode), one copy per index width so that the width test is not
** repeated at every probe.  Compares by identity, then by the cached hash of the stored
** key and the text; nothing here can run Python code.  Returns the entry index or
** DKIX_EMPTY.  The loop is a leaf (cheap to enter): at the first stored key with an
** equal hash that is not key itself it hands over to unicode_lookup_str_from, which
** compares the text and goes on probing from there. */
#define UNICODE_PROBE(T, CHECK_EQUAL)                                                    \
    for (;;) {                                                                           \
        ssize_t ix = ((const T *)dk->indices)[i];                                        \
        if (ix >= 0) {                                                                   \
            Object *ek = ep0[ix].key;                                                    \
            if (ek == key)                                                               \
                return ix;                                                               \
            if (((StrObject *)ek)->hash == hash) {                                       \
                CHECK_EQUAL;                                                             \
            }                                                                            \
        } else if (ix == DKIX_EMPTY) {                                                   \
            return DKIX_EMPTY;                                                           \
        }                                                                                \
        perturb >>= PERTURB_SHIFT;                                                       \
        i = mask & (i * 5 + perturb + 1);                                                \
    }
#define UNICODE_PROBE_WIDTHS(CHECK_EQUAL)                                                \
    int log2size = DK_LOG_SIZE(dk);                                                      \
    if (log2size < 8)                                                                    \
        UNICODE_PROBE(int8_t, CHECK_EQUAL)                                               \
    if (log2size < 16)                                                                   \
        UNICODE_PROBE(int16_t, CHECK_EQUAL)                                              \
    if (log2size < 32)                                                                   \
        UNICODE_PROBE(int32_t, CHECK_EQUAL)                                              \
    UNICODE_PROBE(int64_t, CHECK_EQUAL)

/* The rest of the probe from slot i, whose entry has key's hash. */
static ssize_t
unicode_lookup_str_from(const DictKeys *dk, Object *key, hash_t hash, size_t i,
                        size_t perturb)
{
    const DictUnicodeEntry *ep0 = DK_UNICODE_ENTRIES(dk);
    size_t mask = (size_t)DK_MASK(dk);
    ssize_t first = dictkeys_get_index(dk, i);
    if (str_eq(ep0[first].key, key))
        return first;
    perturb >>= PERTURB_SHIFT;
    i = mask & (i * 5 + perturb + 1);
    UNICODE_PROBE_WIDTHS(if (str_eq(ek, key)) return ix)
}

static inline ssize_t
unicode_lookup_str(const DictKeys *dk, Object *key, hash_t hash)
{
    const DictUnicodeEntry *ep0 = DK_UNICODE_ENTRIES(dk);
    size_t mask = (size_t)DK_MASK(dk), perturb = (size_t)hash, i = (size_t)hash & mask;
    UNICODE_PROBE_WIDTHS(return unicode_lookup_str_from(dk, key, hash, i, perturb))
}
#undef UNICODE_PROBE_WIDTHS
#undef UNICODE_PROBE

/* Equality of two exact ints for the lookup (what int's richcompare answers). */
static inline int
dict_int_eq(Object *a, Object *b)
{
    if (int_is_compact(a) && int_is_compact(b))
        return int_compact_value(a) == int_compact_value(b);
    return int_compare(a, b) == 0;
}

/* dict_lookup's general case: any key in a str-keyed table, any key in a general one.
** The comparison may run Python code (__eq__) which may mutate the dict: then the
** lookup restarts, as CPython's does. */
static ssize_t
dict_lookup_general(DictObject *mp, Object *key, hash_t hash, Object **value)
{
    for (;;) {
        DictKeys *dk = mp->keys;
        size_t mask = (size_t)DK_MASK(dk);
        size_t perturb = (size_t)hash;
        size_t i = (size_t)hash & mask;
        if (DK_IS_UNICODE(dk)) {
            DictUnicodeEntry *ep0 = DK_UNICODE_ENTRIES(dk);
            if (STR_CHECK_EXACT(key)) {
                ssize_t ix = unicode_lookup_str(dk, key, hash);
                *value = ix >= 0 ? ep0[ix].value : NULL;
                return ix;
            }
            /* a non-str key in a str-keyed table: compare generally */
            for (;;) {
                ssize_t ix = dictkeys_get_index(dk, i);
                if (ix >= 0) {
                    DictUnicodeEntry *ep = &ep0[ix];
                    Object *startkey = ep->key;
                    if (startkey == key) {
                        *value = ep->value;
                        return ix;
                    }
                    if (((StrObject *)startkey)->hash == hash) {
                        incref(startkey);
                        int cmp = obj_richcompare_bool(startkey, key, CMP_EQ);
                        decref(startkey);
                        if (cmp < 0) {
                            *value = NULL;
                            return DKIX_ERROR;
                        }
                        if (dk != mp->keys || ep->key != startkey)
                            goto restart;
                        if (cmp > 0) {
                            *value = ep->value;
                            return ix;
                        }
                    }
                } else if (ix == DKIX_EMPTY) {
                    *value = NULL;
                    return DKIX_EMPTY;
                }
                perturb >>= PERTURB_SHIFT;
                i = mask & (i * 5 + perturb + 1);
            }
        } else {
            DictKeyEntry *ep0 = DK_ENTRIES(dk);
            int key_is_str = STR_CHECK_EXACT(key), key_is_int = INT_CHECK_EXACT(key);
            for (;;) {
                ssize_t ix = dictkeys_get_index(dk, i);
                if (ix >= 0) {
                    DictKeyEntry *ep = &ep0[ix];
                    if (ep->key == key) {
                        *value = ep->value;
                        return ix;
                    }
                    if (ep->hash == hash) {
                        Object *startkey = ep->key;
                        if (key_is_str && STR_CHECK_EXACT(startkey)) {
                            if (str_eq(startkey, key)) {
                                *value = ep->value;
                                return ix;
                            }
                        } else if (key_is_int && INT_CHECK_EXACT(startkey)) {
                            if (dict_int_eq(startkey, key)) {
                                *value = ep->value;
                                return ix;
                            }
                        } else {
                            incref(startkey);
                            int cmp = obj_richcompare_bool(startkey, key, CMP_EQ);
                            decref(startkey);
                            if (cmp < 0) {
                                *value = NULL;
                                return DKIX_ERROR;
                            }
                            if (dk != mp->keys || ep->key != startkey)
                                goto restart;
                            if (cmp > 0) {
                                *value = ep->value;
                                return ix;
                            }
                        }
                    }
                } else if (ix == DKIX_EMPTY) {
                    *value = NULL;
                    return DKIX_EMPTY;
                }
                perturb >>= PERTURB_SHIFT;
                i = mask & (i * 5 + perturb + 1);
            }
        }
    restart:;
    }
}

/* The entry index of key (DKIX_EMPTY if absent, DKIX_ERROR on error) and its value in
** *value (borrowed; NULL if absent).  The common case -- an exact str in a str-keyed
** table -- is inlined into the callers. */
static inline ssize_t
dict_lookup(DictObject *mp, Object *key, hash_t hash, Object **value)
{
    DictKeys *dk = mp->keys;
    if (LIKELY(DK_IS_UNICODE(dk) && STR_CHECK_EXACT(key))) {
        ssize_t ix = unicode_lookup_str(dk, key, hash);
        *value = ix >= 0 ? DK_UNICODE_ENTRIES(dk)[ix].value : NULL;
        return ix;
    }
    return dict_lookup_general(mp, key, hash, value);
}

/* The slot in indices where entry index 'index' is referenced. */
static size_t
lookdict_index(DictKeys *k, hash_t hash, ssize_t index)
{
    size_t mask = (size_t)DK_MASK(k);
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        ssize_t ix = dictkeys_get_index(k, i);
        if (ix == index)
            return i;
        if (ix == DKIX_EMPTY)
            fatal("dict: lookdict_index failed");
        perturb >>= PERTURB_SHIFT;
        i = mask & (i * 5 + perturb + 1);
    }
}

/* First empty slot for hash (no key comparisons: key known absent). */
static size_t
find_empty_slot(DictKeys *k, hash_t hash)
{
    size_t mask = (size_t)DK_MASK(k);
    size_t i = (size_t)hash & mask;
    ssize_t ix = dictkeys_get_index(k, i);
    for (size_t perturb = (size_t)hash; ix >= 0;) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
        ix = dictkeys_get_index(k, i);
    }
    return i;
}

/* ---- keys versions for the VM's LOAD_GLOBAL caches (CPython's dk_version) ----
** A keys block gets a version number the first time one is asked for; inserting a new
** key or deleting one resets it to 0, and a resize makes a new block, so a cached
** (version, entry index) pair stays valid exactly as long as the version matches. */
static uint32_t dict_next_keys_version = 1;

uint32_t
dict_keys_version(Object *d)
{
    DictKeys *dk = ((DictObject *)d)->keys;
    if (dk == EMPTY_KEYS || !DK_IS_UNICODE(dk))
        return 0;
    if (dk->version == 0) {
        if (dict_next_keys_version == UINT32_MAX)
            return 0;                   /* out of versions: stop specialising */
        dk->version = dict_next_keys_version++;
    }
    return dk->version;
}

uint32_t
dict_keys_version_now(Object *d)
{
    return ((DictObject *)d)->keys->version;
}

ssize_t
dict_lookup_str_index(Object *d, Object *key)
{
    DictKeys *dk = ((DictObject *)d)->keys;
    if (!DK_IS_UNICODE(dk))
        return -1;
    hash_t hash = ((StrObject *)key)->hash;
    if (hash == -1)
        return -1;
    size_t mask = (size_t)DK_MASK(dk), perturb = (size_t)hash, i = (size_t)hash & mask;
    DictUnicodeEntry *ep0 = DK_UNICODE_ENTRIES(dk);
    for (;;) {
        ssize_t ix = dictkeys_get_index(dk, i);
        if (ix >= 0) {
            DictUnicodeEntry *ep = &ep0[ix];
            if (ep->key == key ||
                (((StrObject *)ep->key)->hash == hash && str_eq(ep->key, key)))
                return ep->value ? ix : -1;
        } else if (ix == DKIX_EMPTY) {
            return -1;
        }
        perturb >>= PERTURB_SHIFT;
        i = mask & (i * 5 + perturb + 1);
    }
}

Object *
dict_value_at(Object *d, ssize_t ix)
{
    return DK_UNICODE_ENTRIES(((DictObject *)d)->keys)[ix].value;
}

Object *
dict_lookup_str(Object *d, Object *key)
{
    DictObject *mp = (DictObject *)d;
    DictKeys *dk = mp->keys;
    hash_t hash = ((StrObject *)key)->hash;
    if (hash == -1)
        hash = str_hash(key);
    size_t mask = (size_t)DK_MASK(dk);
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    if (DK_IS_UNICODE(dk)) {
        DictUnicodeEntry *ep0 = DK_UNICODE_ENTRIES(dk);
        for (;;) {
            ssize_t ix = dictkeys_get_index(dk, i);
            if (ix >= 0) {
                DictUnicodeEntry *ep = &ep0[ix];
                if (ep->key == key ||
                    (((StrObject *)ep->key)->hash == hash && str_eq(ep->key, key)))
                    return ep->value;
            } else if (ix == DKIX_EMPTY) {
                return NULL;
            }
            perturb >>= PERTURB_SHIFT;
            i = mask & (i * 5 + perturb + 1);
        }
    }
    Object *v;
    ssize_t ix = dict_lookup(mp, key, hash, &v);
    if (ix == DKIX_ERROR) {
        err_clear();
        return NULL;
    }
    return v;
}

/* ================================================================ creation */

static Object *
new_dict(DictKeys *keys)
{
    DictObject *mp;
    if (dict_numfree) {
        mp = dict_free_list[--dict_numfree];
        mp->ob_base.refcnt = 1;
        obj_live_count++;
    } else {
        mp = (DictObject *)obj_alloc_raw(&dict_type, sizeof(DictObject));
        if (!mp) {
            dictkeys_decref(keys);
            return NULL;
        }
    }
    mp->keys = keys;
    mp->values = NULL;
    mp->used = 0;
    mp->version_tag = NEW_VERSION();
    return (Object *)mp;
}

Object *
dict_new(void)
{
    return new_dict(EMPTY_KEYS);
}

Object *
dict_new_presized(ssize_t minused)
{
    return dict_new_presized_kind(minused, 0);
}

Object *
dict_new_presized_kind(ssize_t minused, int unicode)
{
    if (minused <= USABLE_FRACTION(DICT_MINSIZE))
        return dict_new();
    uint8_t log2 = estimate_log2_keysize(minused);
    DictKeys *k = new_keys_object(log2, unicode);
    if (!k)
        return NULL;
    return new_dict(k);
}

static inline int
may_be_tracked(Object *o)
{
    return gc_may_be_tracked(o);
}

#define MAINTAIN_TRACKING(mp, key, value)                                                \
    do {                                                                                 \
        if (!gc_is_tracked((Object *)(mp))) {                                            \
            if (may_be_tracked(key) || may_be_tracked(value))                            \
                gc_track((Object *)(mp));                                                \
        }                                                                                \
    } while (0)

void
dict_maybe_untrack(Object *op)
{
    DictObject *mp = (DictObject *)op;
    if (!gc_is_tracked(op))
        return;
    DictKeys *k = mp->keys;
    ssize_t n = k->nentries;
    if (DK_IS_UNICODE(k)) {
        DictUnicodeEntry *ep = DK_UNICODE_ENTRIES(k);
        for (ssize_t i = 0; i < n; i++)
            if (ep[i].value && may_be_tracked(ep[i].value))
                return;
    } else {
        DictKeyEntry *ep = DK_ENTRIES(k);
        for (ssize_t i = 0; i < n; i++) {
            if (!ep[i].value)
                continue;
            if (may_be_tracked(ep[i].value) || may_be_tracked(ep[i].key))
                return;
        }
    }
    gc_untrack(op);
}

/* ================================================================ resize, insert */

static void
build_indices_generic(DictKeys *keys, DictKeyEntry *ep, ssize_t n)
{
    size_t mask = (size_t)DK_MASK(keys);
    for (ssize_t ix = 0; ix != n; ix++, ep++) {
        hash_t hash = ep->hash;
        size_t i = (size_t)hash & mask;
        for (size_t perturb = (size_t)hash; dictkeys_get_index(keys, i) != DKIX_EMPTY;) {
            perturb >>= PERTURB_SHIFT;
            i = mask & (i * 5 + perturb + 1);
        }
        dictkeys_set_index(keys, i, ix);
    }
}

static void
build_indices_unicode(DictKeys *keys, DictUnicodeEntry *ep, ssize_t n)
{
    size_t mask = (size_t)DK_MASK(keys);
    for (ssize_t ix = 0; ix != n; ix++, ep++) {
        hash_t hash = ((StrObject *)ep->key)->hash;
        size_t i = (size_t)hash & mask;
        for (size_t perturb = (size_t)hash; dictkeys_get_index(keys, i) != DKIX_EMPTY;) {
            perturb >>= PERTURB_SHIFT;
            i = mask & (i * 5 + perturb + 1);
        }
        dictkeys_set_index(keys, i, ix);
    }
}

static int
dictresize(DictObject *mp, uint8_t log2_newsize, int unicode)
{
    DictKeys *oldkeys = mp->keys;
    if (!DK_IS_UNICODE(oldkeys))
        unicode = 0;
    DictKeys *newkeys = new_keys_object(log2_newsize, unicode);
    if (!newkeys)
        return -1;
    ssize_t numentries = mp->used;
    if (unicode) {
        DictUnicodeEntry *oldentries = DK_UNICODE_ENTRIES(oldkeys);
        DictUnicodeEntry *newentries = DK_UNICODE_ENTRIES(newkeys);
        if (oldkeys->nentries == numentries) {
            memcpy(newentries, oldentries, (size_t)numentries * sizeof(DictUnicodeEntry));
        } else {
            DictUnicodeEntry *ep = oldentries;
            for (ssize_t i = 0; i < numentries; i++) {
                while (ep->value == NULL)
                    ep++;
                newentries[i] = *ep++;
            }
        }
        build_indices_unicode(newkeys, newentries, numentries);
    } else {
        DictKeyEntry *newentries = DK_ENTRIES(newkeys);
        if (DK_IS_UNICODE(oldkeys)) {
            DictUnicodeEntry *ep = DK_UNICODE_ENTRIES(oldkeys);
            for (ssize_t i = 0; i < numentries; i++) {
                while (ep->value == NULL)
                    ep++;
                newentries[i].key = ep->key;
                newentries[i].hash = ((StrObject *)ep->key)->hash;
                newentries[i].value = ep->value;
                ep++;
            }
        } else {
            DictKeyEntry *oldentries = DK_ENTRIES(oldkeys);
            if (oldkeys->nentries == numentries) {
                memcpy(newentries, oldentries, (size_t)numentries * sizeof(DictKeyEntry));
            } else {
                DictKeyEntry *ep = oldentries;
                for (ssize_t i = 0; i < numentries; i++) {
                    while (ep->value == NULL)
                        ep++;
                    newentries[i] = *ep++;
                }
            }
        }
        build_indices_generic(newkeys, newentries, numentries);
    }
    /* free the old block without touching the moved references */
    if (oldkeys != EMPTY_KEYS) {
        if (DK_LOG_SIZE(oldkeys) == DICT_LOG_MINSIZE && DK_IS_UNICODE(oldkeys) &&
            keys_numfree < DICT_MAXFREELIST)
            keys_free_list[keys_numfree++] = oldkeys;
        else
            heap_free(oldkeys);
    }
    mp->keys = newkeys;
    newkeys->usable -= numentries;
    newkeys->nentries = numentries;
    return 0;
}

/* A dict leaves the split model (CPython: its table becomes a combined one). */
static void
dict_unsplit(DictObject *mp)
{
    SharedKeys *sk = mp->values;
    mp->values = NULL;
    shared_keys_release(sk);
}

static int insertion_resize(DictObject *mp, int unicode);

/* A new key for a dict in the split model: CPython adds it to the shared keys while they
** have room (and the key is not there already); else the table becomes a combined one
** sized for the entries (insertion_resize: that is the size it grows from after). */
static int
split_insert(DictObject *mp, Object *key, int resize)
{
    SharedKeys *sk = mp->values;
    if (!STR_CHECK_EXACT(key)) {
        dict_unsplit(mp);
        return 0;
    }
    if (shared_keys_index(sk, key) >= 0)
        return 0;
    if (sk->usable <= 0) {
        dict_unsplit(mp);
        return resize ? insertion_resize(mp, 1) : 0;
    }
    Object *iname = newref(key);
    str_intern_inplace(&iname);
    sk->keys[sk->nkeys++] = iname;
    sk->usable--;
    return 0;
}

static int
insertion_resize(DictObject *mp, int unicode)
{
    return dictresize(mp, calculate_log2_keysize(GROWTH_RATE(mp)), unicode);
}

static int
insert_to_emptydict(DictObject *mp, Object *key, hash_t hash, Object *value)
{
    if (UNLIKELY(mp->values != NULL))
        split_insert(mp, key, 0);
    int unicode = STR_CHECK_EXACT(key);
    DictKeys *newkeys = new_keys_object(DICT_LOG_MINSIZE, unicode);
    if (!newkeys) {
        decref(key);
        decref(value);
        return -1;
    }
    MAINTAIN_TRACKING(mp, key, value);
    size_t hashpos = (size_t)hash & (DICT_MINSIZE - 1);
    dictkeys_set_index(newkeys, hashpos, 0);
    if (unicode) {
        DictUnicodeEntry *ep = DK_UNICODE_ENTRIES(newkeys);
        ep->key = key;
        ep->value = value;
    } else {
        DictKeyEntry *ep = DK_ENTRIES(newkeys);
        ep->key = key;
        ep->hash = hash;
        ep->value = value;
    }
    mp->keys = newkeys;
    mp->used++;
    mp->version_tag = NEW_VERSION();
    newkeys->usable--;
    newkeys->nentries++;
    return 0;
}

/* Insert key/value (both references stolen). */
static int
insertdict(DictObject *mp, Object *key, hash_t hash, Object *value)
{
    Object *old_value;
    if (mp->keys == EMPTY_KEYS)
        return insert_to_emptydict(mp, key, hash, value);
    if (DK_IS_UNICODE(mp->keys) && !STR_CHECK_EXACT(key)) {
        if (insertion_resize(mp, 0) < 0)
            goto fail;
    }
    ssize_t ix = dict_lookup(mp, key, hash, &old_value);
    if (ix == DKIX_ERROR)
        goto fail;
    MAINTAIN_TRACKING(mp, key, value);
    if (ix == DKIX_EMPTY) {
        if (UNLIKELY(mp->values != NULL) && split_insert(mp, key, 1) < 0)
            goto fail;
        mp->keys->version = 0;
        if (mp->keys->usable <= 0) {
            if (insertion_resize(mp, 1) < 0)
                goto fail;
        }
        DictKeys *dk = mp->keys;
        size_t hashpos = find_empty_slot(dk, hash);
        dictkeys_set_index(dk, hashpos, dk->nentries);
        if (DK_IS_UNICODE(dk)) {
            DictUnicodeEntry *ep = &DK_UNICODE_ENTRIES(dk)[dk->nentries];
            ep->key = key;
            ep->value = value;
        } else {
            DictKeyEntry *ep = &DK_ENTRIES(dk)[dk->nentries];
            ep->key = key;
            ep->hash = hash;
            ep->value = value;
        }
        mp->used++;
        mp->version_tag = NEW_VERSION();
        dk->usable--;
        dk->nentries++;
        return 0;
    }
    if (old_value != value) {
        if (DK_IS_UNICODE(mp->keys))
            DK_UNICODE_ENTRIES(mp->keys)[ix].value = value;
        else
            DK_ENTRIES(mp->keys)[ix].value = value;
        mp->version_tag = NEW_VERSION();
    }
    xdecref(old_value);
    decref(key);
    return 0;
fail:
    decref(value);
    decref(key);
    return -1;
}

static int
check_hashable(Object *key, hash_t *h)
{
    *h = key_hash(key);
    return *h == -1 ? -1 : 0;
}

int
dict_setitem_take(Object *d, Object *key, Object *value)
{
    hash_t hash;
    if (check_hashable(key, &hash) < 0) {
        decref(value);
        return -1;
    }
    incref(key);
    return insertdict((DictObject *)d, key, hash, value);
}

int
dict_setitem(Object *d, Object *key, Object *value)
{
    incref(value);
    return dict_setitem_take(d, key, value);
}

int
dict_setitem_str(Object *d, const char *key, Object *value)
{
    Object *k = str_intern_cstr(key);
    if (!k)
        return -1;
    int r = dict_setitem(d, k, value);
    decref(k);
    return r;
}

/* ================================================================ get, delete */

Object *
dict_getitem_known_hash(Object *d, Object *key, hash_t hash)
{
    Object *v;
    ssize_t ix = dict_lookup((DictObject *)d, key, hash, &v);
    if (ix < 0) {
        if (ix == DKIX_ERROR)
            err_clear();
        return NULL;
    }
    return v;
}

Object *
dict_getitem(Object *d, Object *key)
{
    hash_t hash;
    if (STR_CHECK_EXACT(key) && ((StrObject *)key)->hash != -1) {
        hash = ((StrObject *)key)->hash;
    } else {
        ErrState saved;
        err_save(&saved);
        hash = obj_hash(key);
        if (hash == -1) {
            err_clear();
            err_restore_saved(&saved);
            return NULL;
        }
        err_restore_saved(&saved);
    }
    ErrState saved;
    err_save(&saved);
    Object *v;
    ssize_t ix = dict_lookup((DictObject *)d, key, hash, &v);
    if (ix == DKIX_ERROR)
        err_clear();
    err_restore_saved(&saved);
    return ix < 0 ? NULL : v;
}

Object *
dict_getitem_with_error(Object *d, Object *key)
{
    hash_t hash;
    if (check_hashable(key, &hash) < 0)
        return NULL;
    Object *v;
    ssize_t ix = dict_lookup((DictObject *)d, key, hash, &v);
    return ix < 0 ? NULL : v;
}

Object *
dict_getitem_str(Object *d, const char *key)
{
    Object *k = str_intern_cstr(key);
    if (!k) {
        err_clear();
        return NULL;
    }
    Object *r = dict_getitem(d, k);
    decref(k);
    return r;
}

static int
delitem_common(DictObject *mp, hash_t hash, ssize_t ix, Object *old_value)
{
    size_t hashpos = lookdict_index(mp->keys, hash, ix);
    Object *old_key;
    mp->used--;
    mp->version_tag = NEW_VERSION();
    dictkeys_set_index(mp->keys, hashpos, DKIX_DUMMY);
    if (DK_IS_UNICODE(mp->keys)) {
        DictUnicodeEntry *ep = &DK_UNICODE_ENTRIES(mp->keys)[ix];
        old_key = ep->key;
        ep->key = NULL;
        ep->value = NULL;
    } else {
        DictKeyEntry *ep = &DK_ENTRIES(mp->keys)[ix];
        old_key = ep->key;
        ep->key = NULL;
        ep->value = NULL;
    }
    mp->keys->version = 0;
    decref(old_value);
    decref(old_key);
    return 0;
}

int
dict_delitem_if_present(Object *d, Object *key)
{
    hash_t hash;
    if (check_hashable(key, &hash) < 0)
        return -1;
    Object *old;
    DictObject *mp = (DictObject *)d;
    ssize_t ix = dict_lookup(mp, key, hash, &old);
    if (ix == DKIX_ERROR)
        return -1;
    if (ix == DKIX_EMPTY || !old)
        return 0;
    delitem_common(mp, hash, ix, old);
    return 1;
}

int
dict_delitem(Object *d, Object *key)
{
    int r = dict_delitem_if_present(d, key);
    if (r == 0) {
        err_set_key_error(key);
        return -1;
    }
    return r < 0 ? -1 : 0;
}

int
dict_contains(Object *d, Object *key)
{
    hash_t hash;
    if (check_hashable(key, &hash) < 0)
        return -1;
    Object *v;
    ssize_t ix = dict_lookup((DictObject *)d, key, hash, &v);
    if (ix == DKIX_ERROR)
        return -1;
    return ix != DKIX_EMPTY && v != NULL;
}

ssize_t
dict_size(Object *d)
{
    return ((DictObject *)d)->used;
}

/* ================================================================ iteration */

int
dict_next(Object *d, ssize_t *ppos, Object **pkey, Object **pvalue)
{
    DictObject *mp = (DictObject *)d;
    DictKeys *k = mp->keys;
    ssize_t i = *ppos, n = k->nentries;
    if (DK_IS_UNICODE(k)) {
        DictUnicodeEntry *ep = DK_UNICODE_ENTRIES(k);
        while (i < n && ep[i].value == NULL)
            i++;
        if (i >= n)
            return 0;
        if (pkey)
            *pkey = ep[i].key;
        if (pvalue)
            *pvalue = ep[i].value;
    } else {
        DictKeyEntry *ep = DK_ENTRIES(k);
        while (i < n && ep[i].value == NULL)
            i++;
        if (i >= n)
            return 0;
        if (pkey)
            *pkey = ep[i].key;
        if (pvalue)
            *pvalue = ep[i].value;
    }
    *ppos = i + 1;
    return 1;
}

/* entry i's key/value/hash (NULL value = hole) */
static inline void
entry_at(DictKeys *k, ssize_t i, Object **key, Object **value, hash_t *hash)
{
    if (DK_IS_UNICODE(k)) {
        DictUnicodeEntry *ep = &DK_UNICODE_ENTRIES(k)[i];
        *key = ep->key;
        *value = ep->value;
        if (hash)
            *hash = ep->key ? ((StrObject *)ep->key)->hash : -1;
    } else {
        DictKeyEntry *ep = &DK_ENTRIES(k)[i];
        *key = ep->key;
        *value = ep->value;
        if (hash)
            *hash = ep->hash;
    }
}

static Object *
dict_list_of(Object *d, int what)
{
    DictObject *mp = (DictObject *)d;
again:;
    ssize_t n = mp->used;
    Object *l = list_new(n);
    if (!l)
        return NULL;
    if (n != mp->used) {
        decref(l);
        goto again;
    }
    ssize_t pos = 0, j = 0;
    Object *k, *v;
    while (dict_next(d, &pos, &k, &v)) {
        Object *item;
        if (what == 0)
            item = newref(k);
        else if (what == 1)
            item = newref(v);
        else {
            item = tuple_pack(2, k, v);
            if (!item) {
                decref(l);
                return NULL;
            }
        }
        LIST_SET(l, j, item);
        j++;
    }
    return l;
}

Object *
dict_keys_list(Object *d)
{
    return dict_list_of(d, 0);
}

Object *
dict_values_list(Object *d)
{
    return dict_list_of(d, 1);
}

Object *
dict_items_list(Object *d)
{
    return dict_list_of(d, 2);
}

/* ================================================================ clear, copy, merge */

void
dict_clear(Object *d)
{
    DictObject *mp = (DictObject *)d;
    DictKeys *oldkeys = mp->keys;
    if (mp->values)
        dict_unsplit(mp);
    if (oldkeys == EMPTY_KEYS)
        return;
    mp->keys = EMPTY_KEYS;
    mp->used = 0;
    mp->version_tag = NEW_VERSION();
    dictkeys_decref(oldkeys);
}

static int
dict_merge_impl(DictObject *mp, Object *b, int override)
{
    if (DICT_CHECK(b) && TYPE(b)->iter == dict_type.iter) {
        DictObject *other = (DictObject *)b;
        if ((Object *)other == (Object *)mp || other->used == 0)
            return 0;
        if (mp->used == 0) {
            override = 1;
            DictKeys *okeys = other->keys;
            /* clone the keys block when the other dict has no holes */
            if (other->values == NULL && other->used == okeys->nentries &&
                (DK_LOG_SIZE(okeys) == DICT_LOG_MINSIZE ||
                 USABLE_FRACTION(DK_SIZE(okeys) / 2) < other->used)) {
                size_t sz = (size_t)keys_size_bytes(okeys);
                DictKeys *keys = heap_alloc(sz);
                if (!keys) {
                    err_no_memory();
                    return -1;
                }
                memcpy(keys, okeys, sz);
                keys->refcnt = 1;
                for (ssize_t i = 0; i < keys->nentries; i++) {
                    Object *k, *v;
                    entry_at(keys, i, &k, &v, NULL);
                    xincref(k);
                    xincref(v);
                }
                dictkeys_decref(mp->keys);
                mp->keys = keys;
                if (mp->values)
                    dict_unsplit(mp);
                mp->used = other->used;
                mp->version_tag = NEW_VERSION();
                if (gc_is_tracked((Object *)other) && !gc_is_tracked((Object *)mp))
                    gc_track((Object *)mp);
                return 0;
            }
        }
        /* Do one big resize at the start, rather than incrementally. */
        /* (CPython's empty keys have a single slot, so no room) */
        ssize_t room = mp->keys == EMPTY_KEYS ? 0 : USABLE_FRACTION(DK_SIZE(mp->keys));
        if (room < other->used) {
            if (dictresize(mp, estimate_log2_keysize(mp->used + other->used),
                           DK_IS_UNICODE(other->keys)) < 0)
                return -1;
        }
        DictKeys *okeys = other->keys;
        ssize_t n = okeys->nentries;
        for (ssize_t i = 0; i < n; i++) {
            Object *key, *value;
            hash_t hash;
            entry_at(okeys, i, &key, &value, &hash);
            if (!value)
                continue;
            incref(key);
            incref(value);
            int err;
            if (override == 1) {
                err = insertdict(mp, key, hash, value);
            } else {
                Object *cur;
                ssize_t ix = dict_lookup(mp, key, hash, &cur);
                if (ix == DKIX_ERROR) {
                    decref(key);
                    decref(value);
                    return -1;
                }
                if (ix == DKIX_EMPTY || !cur) {
                    err = insertdict(mp, key, hash, value);
                } else {
                    err = 0;
                    if (override == 2)
                        err_set_key_error(key);
                    decref(key);
                    decref(value);
                    if (override == 2)
                        return -1;
                }
            }
            if (err < 0)
                return -1;
            if (n != other->keys->nentries || okeys != other->keys) {
                err_set(exc_RuntimeError, "dict mutated during update");
                return -1;
            }
        }
        return 0;
    }
    /* generic mapping: use keys() and __getitem__ */
    Object *keys = obj_call_method(b, "keys", NULL, 0);
    if (!keys)
        return -1;
    Object *it = obj_get_iter(keys);
    decref(keys);
    if (!it)
        return -1;
    for (;;) {
        Object *key = obj_iter_next(it);
        if (!key)
            break;
        if (override != 1) {
            int c = dict_contains((Object *)mp, key);
            if (c != 0) {
                if (c > 0 && override == 2) {
                    err_set_key_error(key);
                    c = -1;
                }
                decref(key);
                if (c < 0) {
                    decref(it);
                    return -1;
                }
                continue;
            }
        }
        Object *value = obj_getitem(b, key);
        if (!value) {
            decref(key);
            decref(it);
            return -1;
        }
        int r = dict_setitem((Object *)mp, key, value);
        decref(key);
        decref(value);
        if (r < 0) {
            decref(it);
            return -1;
        }
    }
    decref(it);
    return err_occurred() ? -1 : 0;
}

int
dict_merge(Object *d, Object *other, int override)
{
    return dict_merge_impl((DictObject *)d, other, override);
}

int
dict_merge_from_seq2(Object *d, Object *seq2, int override)
{
    Object *it = obj_get_iter(seq2);
    if (!it)
        return -1;
    ssize_t i = 0;
    for (;; i++) {
        Object *item = obj_iter_next(it);
        if (!item)
            break;
        Object *fast = NULL;
        if (TUPLE_CHECK(item) || LIST_CHECK(item)) {
            fast = newref(item);
        } else {
            fast = list_from_iterable(item);
            if (!fast) {
                if (err_matches(exc_TypeError)) {
                    err_clear();
                    err_format(exc_TypeError,
                               "cannot convert dictionary update sequence element #%zd to a "
                               "sequence",
                               i);
                }
                decref(item);
                decref(it);
                return -1;
            }
        }
        ssize_t n = SIZE(fast);
        if (n != 2) {
            err_format(exc_ValueError,
                       "dictionary update sequence element #%zd has length %zd; 2 is required",
                       i, n);
            decref(fast);
            decref(item);
            decref(it);
            return -1;
        }
        Object **items = TUPLE_CHECK(fast) ? TUPLE_ITEMS(fast) : LIST_ITEMS(fast);
        Object *key = newref(items[0]), *value = newref(items[1]);
        int r = 0;
        if (override || !dict_getitem(d, key))
            r = dict_setitem(d, key, value);
        decref(key);
        decref(value);
        decref(fast);
        decref(item);
        if (r < 0) {
            decref(it);
            return -1;
        }
    }
    decref(it);
    return err_occurred() ? -1 : 0;
}

static Object *dict_copy_impl(Object *o);

Object *
dict_copy(Object *o)
{
    Object *r = dict_copy_impl(o);
    SharedKeys *sk = ((DictObject *)o)->values;
    if (r && sk && ((DictObject *)r)->used) {  /* a split table's copy is split */
        sk->refcnt++;
        ((DictObject *)r)->values = sk;
    }
    return r;
}

static Object *
dict_copy_impl(Object *o)
{
    DictObject *mp = (DictObject *)o;
    if (mp->used == 0)
        return dict_new();
    if (DICT_CHECK_EXACT(o) && mp->used >= (mp->keys->nentries * 2) / 3) {
        /* clone: same layout, no rehash */
        size_t sz = (size_t)keys_size_bytes(mp->keys);
        DictKeys *keys = heap_alloc(sz);
        if (!keys)
            return err_no_memory();
        memcpy(keys, mp->keys, sz);
        keys->refcnt = 1;
        for (ssize_t i = 0; i < keys->nentries; i++) {
            Object *k, *v;
            entry_at(keys, i, &k, &v, NULL);
            xincref(k);
            xincref(v);
        }
        DictObject *r = (DictObject *)new_dict(keys);
        if (!r)
            return NULL;
        r->used = mp->used;
        if (gc_is_tracked(o))
            gc_track((Object *)r);
        return (Object *)r;
    }
    Object *copy = dict_new();
    if (!copy)
        return NULL;
    if (dict_merge(copy, o, 1) < 0) {
        decref(copy);
        return NULL;
    }
    return copy;
}

Object *
dict_setdefault(Object *d, Object *key, Object *deflt)
{
    DictObject *mp = (DictObject *)d;
    hash_t hash;
    if (check_hashable(key, &hash) < 0)
        return NULL;
    Object *v;
    ssize_t ix = dict_lookup(mp, key, hash, &v);
    if (ix == DKIX_ERROR)
        return NULL;
    if (ix >= 0 && v)
        return v;
    incref(key);
    incref(deflt);
    if (insertdict(mp, key, hash, deflt) < 0)
        return NULL;
    return deflt;
}

Object *
dict_pop(Object *d, Object *key, Object *deflt)
{
    DictObject *mp = (DictObject *)d;
    if (mp->used == 0) {
        if (deflt)
            return newref(deflt);
        return err_set_key_error(key);
    }
    hash_t hash;
    if (check_hashable(key, &hash) < 0)
        return NULL;
    Object *old;
    ssize_t ix = dict_lookup(mp, key, hash, &old);
    if (ix == DKIX_ERROR)
        return NULL;
    if (ix == DKIX_EMPTY || !old) {
        if (deflt)
            return newref(deflt);
        return err_set_key_error(key);
    }
    incref(old);                    /* ours; delitem_common drops the dict's */
    delitem_common(mp, hash, ix, old);
    return old;
}

/* ================================================================ type slots */

static void
dict_dealloc(Object *o)
{
    DictObject *mp = (DictObject *)o;
    gc_untrack(o);
    int tok = trash_begin(o, dict_dealloc);
    if (tok < 0)
        return;
    DictKeys *keys = mp->keys;
    mp->keys = NULL;
    if (keys)
        dictkeys_decref(keys);
    if (mp->values)
        dict_unsplit(mp);
    if (dict_numfree < DICT_MAXFREELIST && TYPE(o) == &dict_type) {
        dict_free_list[dict_numfree++] = mp;
        obj_live_count--;
    } else {
        TYPE(o)->free(o);
    }
    trash_end(tok);
}

void
dict_clear_freelists(void)
{
    while (dict_numfree) {
        DictObject *mp = dict_free_list[--dict_numfree];
        obj_live_count++;
        obj_free(mp);
    }
    while (keys_numfree)
        heap_free(keys_free_list[--keys_numfree]);
}

void
dict_debug_stats(void *out)
{
    heap_print_free_list(out, "free PyDictObject", dict_numfree, sizeof(DictObject));
}

static int
dict_traverse(Object *o, visitproc visit, void *arg)
{
    DictObject *mp = (DictObject *)o;
    DictKeys *k = mp->keys;
    ssize_t n = k->nentries;
    if (DK_IS_UNICODE(k)) {
        DictUnicodeEntry *ep = DK_UNICODE_ENTRIES(k);
        for (ssize_t i = 0; i < n; i++)
            OBJ_VISIT(ep[i].value);
    } else {
        DictKeyEntry *ep = DK_ENTRIES(k);
        for (ssize_t i = 0; i < n; i++) {
            if (ep[i].value) {
                OBJ_VISIT(ep[i].value);
                OBJ_VISIT(ep[i].key);
            }
        }
    }
    return 0;
}

static int
dict_tp_clear(Object *o)
{
    dict_clear(o);
    return 0;
}

static ssize_t
dict_length(Object *o)
{
    return ((DictObject *)o)->used;
}

static Object *
dict_subscript(Object *o, Object *key)
{
    DictObject *mp = (DictObject *)o;
    hash_t hash;
    if (check_hashable(key, &hash) < 0)
        return NULL;
    Object *v;
    ssize_t ix = dict_lookup(mp, key, hash, &v);
    if (ix == DKIX_ERROR)
        return NULL;
    if (ix == DKIX_EMPTY || !v) {
        if (!DICT_CHECK_EXACT(o)) {
            Object *missing = type_lookup(TYPE(o), ID(__missing__));
            if (missing)
                return type_call_special(o, ID(__missing__), &key, 1);
        }
        return err_set_key_error(key);
    }
    return newref(v);
}

static int
dict_ass_sub(Object *o, Object *key, Object *v)
{
    if (!v)
        return dict_delitem(o, key);
    return dict_setitem(o, key, v);
}

static int
dict_sq_contains(Object *o, Object *key)
{
    return dict_contains(o, key);
}

static Object *
dict_repr(Object *o)
{
    DictObject *mp = (DictObject *)o;
    int rc = repr_enter(o);     /* before the empty case, as CPython 3.11's */
    if (rc != 0)
        return rc > 0 ? str_from_cstr("{...}") : NULL;
    if (mp->used == 0) {
        repr_leave(o);
        return str_from_cstr("{}");
    }
    StrBuilder b;
    sb_init(&b);
    if (sb_putc(&b, '{') < 0)
        goto fail;
    ssize_t pos = 0;
    Object *k, *v;
    int first = 1;
    while (dict_next(o, &pos, &k, &v)) {
        incref(k);
        incref(v);
        int r = (first ? 0 : sb_puts(&b, ", ")) < 0 || sb_put_repr(&b, k) < 0 ||
                sb_puts(&b, ": ") < 0 || sb_put_repr(&b, v) < 0;
        decref(k);
        decref(v);
        if (r)
            goto fail;
        first = 0;
    }
    if (sb_putc(&b, '}') < 0)
        goto fail;
    repr_leave(o);
    return sb_finish(&b);
fail:
    repr_leave(o);
    sb_discard(&b);
    return NULL;
}

static Object *
dict_richcompare(Object *v, Object *w, int op)
{
    if (!DICT_CHECK(v) || !DICT_CHECK(w) || (op != CMP_EQ && op != CMP_NE))
        return newref(NotImplemented);
    DictObject *a = (DictObject *)v, *b = (DictObject *)w;
    int eq = 1;
    if (a->used != b->used) {
        eq = 0;
    } else {
        ssize_t pos = 0;
        Object *k, *av;
        while (dict_next(v, &pos, &k, &av)) {
            incref(k);
            incref(av);
            Object *bv = dict_getitem_with_error(w, k);
            if (!bv) {
                decref(k);
                decref(av);
                if (err_occurred())
                    return NULL;
                eq = 0;
                break;
            }
            incref(bv);
            int c = obj_richcompare_bool(av, bv, CMP_EQ);
            decref(k);
            decref(av);
            decref(bv);
            if (c < 0)
                return NULL;
            if (!c) {
                eq = 0;
                break;
            }
        }
    }
    return bool_from(op == CMP_EQ ? eq : !eq);
}

ssize_t
dict_sizeof(Object *o)
{
    DictObject *mp = (DictObject *)o;
    ssize_t res = TYPE(o)->basicsize;
    if (mp->values) {   /* split: the values array; the keys are the class's */
        SharedKeys *sk = mp->values;
        return res + (ssize_t)sizeof(Object *) * (sk->nkeys + sk->usable);
    }
    if (mp->keys->refcnt == 1)
        res += keys_size_bytes(mp->keys);
    return res;
}

/* ================================================================ iterators, views */

typedef struct DictIterObject {
    OBJECT_HEAD;
    DictObject *dict;
    ssize_t used;
    ssize_t pos;
    Object *result;     /* reusable (key, value) tuple for items() */
    ssize_t len;
} DictIterObject;

static void
dictiter_dealloc(Object *o)
{
    DictIterObject *di = (DictIterObject *)o;
    gc_untrack(o);
    xdecref(di->dict);
    xdecref(di->result);
    obj_free(o);
}

static int
dictiter_traverse(Object *o, visitproc visit, void *arg)
{
    DictIterObject *di = (DictIterObject *)o;
    OBJ_VISIT(di->dict);
    OBJ_VISIT(di->result);
    return 0;
}

static Object *
dictiter_iter(Object *o)
{
    return newref(o);
}

/* 0: keys, 1: values, 2: items; reverse iterates from the end */
static Object *
dictiter_next_common(DictIterObject *di, int what, int reverse)
{
    DictObject *d = di->dict;
    if (!d)
        return NULL;
    if (di->used != d->used) {
        err_set(exc_RuntimeError, "dictionary changed size during iteration");
        di->used = -1;
        return NULL;
    }
    DictKeys *k = d->keys;
    Object *key = NULL, *value = NULL;
    ssize_t i = di->pos;
    if (!reverse) {
        ssize_t n = k->nentries;
        for (; i < n; i++) {
            entry_at(k, i, &key, &value, NULL);
            if (value)
                break;
        }
        if (i >= n)
            goto fail;
        di->pos = i + 1;
    } else {
        for (; i >= 0; i--) {
            entry_at(k, i, &key, &value, NULL);
            if (value)
                break;
        }
        if (i < 0)
            goto fail;
        di->pos = i - 1;
    }
    if (di->len == 0) {
        err_set(exc_RuntimeError, "dictionary keys changed during iteration");
        goto fail;
    }
    di->len--;
    if (what == 0)
        return newref(key);
    if (what == 1)
        return newref(value);
    Object *result = di->result;
    if (REFCNT(result) == 1) {
        Object *ok = TUPLE_GET(result, 0), *ov = TUPLE_GET(result, 1);
        TUPLE_SET(result, 0, newref(key));
        TUPLE_SET(result, 1, newref(value));
        incref(result);
        decref(ok);
        decref(ov);
        if (!gc_is_tracked(result))
            gc_track(result);
        return result;
    }
    return tuple_pack(2, key, value);
fail:
    di->dict = NULL;
    decref(d);
    return NULL;
}

static Object *
dictiter_nextkey(Object *o)
{
    return dictiter_next_common((DictIterObject *)o, 0, 0);
}

static Object *
dictiter_nextvalue(Object *o)
{
    return dictiter_next_common((DictIterObject *)o, 1, 0);
}

static Object *
dictiter_nextitem(Object *o)
{
    return dictiter_next_common((DictIterObject *)o, 2, 0);
}

static Object *
dictreviter_nextkey(Object *o)
{
    return dictiter_next_common((DictIterObject *)o, 0, 1);
}

static Object *
dictreviter_nextvalue(Object *o)
{
    return dictiter_next_common((DictIterObject *)o, 1, 1);
}

static Object *
dictreviter_nextitem(Object *o)
{
    return dictiter_next_common((DictIterObject *)o, 2, 1);
}

static Object *
dictiter_length_hint(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    DictIterObject *di = (DictIterObject *)self;
    ssize_t n = 0;
    if (di->dict && di->used == di->dict->used)
        n = di->len;
    return int_from_ssize(n);
}

static const MethodDef dictiter_methods[] = {
    {"__length_hint__", dictiter_length_hint, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

#define DICTITER_TYPE(NAME, TNAME, NEXT)                                                 \
    TypeObject NAME = {                                                                  \
        .ob_base = {{1, &type_type}, 0},                                                 \
        .name = TNAME,                                                                   \
        .basicsize = sizeof(DictIterObject),                                             \
        .flags = TPFLAG_GC,                                                              \
        .dealloc = dictiter_dealloc,                                                     \
        .traverse = dictiter_traverse,                                                   \
        .iter = dictiter_iter,                                                           \
        .iternext = NEXT,                                                                \
        .getattro = obj_generic_getattr,                                                 \
        .methods = dictiter_methods,                                                     \
    };
DICTITER_TYPE(dictiterkey_type, "dict_keyiterator", dictiter_nextkey)
DICTITER_TYPE(dictitervalue_type, "dict_valueiterator", dictiter_nextvalue)
DICTITER_TYPE(dictiteritem_type, "dict_itemiterator", dictiter_nextitem)
DICTITER_TYPE(dictrevkey_type, "dict_reversekeyiterator", dictreviter_nextkey)
DICTITER_TYPE(dictrevvalue_type, "dict_reversevalueiterator", dictreviter_nextvalue)
DICTITER_TYPE(dictrevitem_type, "dict_reverseitemiterator", dictreviter_nextitem)

static Object *
dictiter_new(DictObject *d, TypeObject *t, int reverse)
{
    DictIterObject *di = (DictIterObject *)obj_alloc(t, 0);
    if (!di)
        return NULL;
    di->dict = (DictObject *)newref(d);
    di->used = d->used;
    di->len = d->used;
    di->pos = reverse ? d->keys->nentries - 1 : 0;
    if (t == &dictiteritem_type || t == &dictrevitem_type) {
        di->result = tuple_pack(2, None, None);
        if (!di->result) {
            decref(di);
            return NULL;
        }
    }
    gc_track((Object *)di);
    return (Object *)di;
}

static Object *
dict_iter(Object *o)
{
    return dictiter_new((DictObject *)o, &dictiterkey_type, 0);
}

/* ---- views ---- */

typedef struct DictViewObject {
    OBJECT_HEAD;
    DictObject *dict;
} DictViewObject;

static void
dictview_dealloc(Object *o)
{
    gc_untrack(o);
    xdecref(((DictViewObject *)o)->dict);
    obj_free(o);
}

static int
dictview_traverse(Object *o, visitproc visit, void *arg)
{
    OBJ_VISIT(((DictViewObject *)o)->dict);
    return 0;
}

static ssize_t
dictview_len(Object *o)
{
    DictViewObject *dv = (DictViewObject *)o;
    return dv->dict ? dv->dict->used : 0;
}

static Object *
dictview_new(Object *d, TypeObject *t)
{
    DictViewObject *dv = (DictViewObject *)obj_alloc(t, 0);
    if (!dv)
        return NULL;
    dv->dict = (DictObject *)newref(d);
    gc_track((Object *)dv);
    return (Object *)dv;
}

static Object *
dictkeys_iter(Object *o)
{
    return dictiter_new(((DictViewObject *)o)->dict, &dictiterkey_type, 0);
}

static Object *
dictvalues_iter(Object *o)
{
    return dictiter_new(((DictViewObject *)o)->dict, &dictitervalue_type, 0);
}

static Object *
dictitems_iter(Object *o)
{
    return dictiter_new(((DictViewObject *)o)->dict, &dictiteritem_type, 0);
}

static int
dictkeys_contains(Object *o, Object *key)
{
    DictViewObject *dv = (DictViewObject *)o;
    return dv->dict ? dict_contains((Object *)dv->dict, key) : 0;
}

static int
dictitems_contains(Object *o, Object *obj)
{
    DictViewObject *dv = (DictViewObject *)o;
    if (!dv->dict || !TUPLE_CHECK(obj) || TUPLE_LEN(obj) != 2)
        return 0;
    Object *found = dict_getitem_with_error((Object *)dv->dict, TUPLE_GET(obj, 0));
    if (!found)
        return err_occurred() ? -1 : 0;
    incref(found);
    int r = obj_richcompare_bool(found, TUPLE_GET(obj, 1), CMP_EQ);
    decref(found);
    return r;
}

static Object *
dictview_repr(Object *o)
{
    DictViewObject *dv = (DictViewObject *)o;
    int rc = repr_enter(o);
    if (rc != 0)
        return rc > 0 ? str_from_cstr("...") : NULL;
    Object *l = list_from_iterable(o);
    Object *r = NULL;
    if (l) {
        r = str_from_format("%s(%R)", TYPE(o)->name, l);
        decref(l);
    }
    (void)dv;
    repr_leave(o);
    return r;
}

/* set operations on keys/items views: build a set and apply */
static Object *
dictview_setop(Object *a, Object *b, int op)
{
    Object *self = a, *other = b;
    int swapped = 0;
    if (!(TYPE(a) == &dictkeys_type || TYPE(a) == &dictitems_type)) {
        self = b;
        other = a;
        swapped = 1;
    }
    Object *s = set_new(self);
    if (!s)
        return NULL;
    Object *o = set_new(other);
    if (!o) {
        decref(s);
        return NULL;
    }
    Object *r;
    if (swapped && (op == NB_SUBTRACT))
        r = num_binary_op(o, s, op);
    else
        r = num_binary_op(s, o, op);
    decref(s);
    decref(o);
    return r;
}

static Object *
dictview_sub(Object *a, Object *b)
{
    return dictview_setop(a, b, NB_SUBTRACT);
}

static Object *
dictview_and(Object *a, Object *b)
{
    return dictview_setop(a, b, NB_AND);
}

static Object *
dictview_or(Object *a, Object *b)
{
    return dictview_setop(a, b, NB_OR);
}

static Object *
dictview_xor(Object *a, Object *b)
{
    return dictview_setop(a, b, NB_XOR);
}

static Object *
dictview_richcompare(Object *a, Object *b, int op)
{
    if (!SET_CHECK(b) && !FROZENSET_CHECK(b) && TYPE(b) != &dictkeys_type &&
        TYPE(b) != &dictitems_type)
        return newref(NotImplemented);
    Object *s = set_new(a);
    if (!s)
        return NULL;
    Object *r = obj_richcompare(s, b, op);
    decref(s);
    return r;
}

static Object *
dictview_isdisjoint(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *it = obj_get_iter(args[0]);
    if (!it)
        return NULL;
    for (;;) {
        Object *x = obj_iter_next(it);
        if (!x)
            break;
        int c = obj_contains(self, x);
        decref(x);
        if (c != 0) {
            decref(it);
            return c < 0 ? NULL : bool_from(0);
        }
    }
    decref(it);
    if (err_occurred())
        return NULL;
    return bool_from(1);
}

static Object *
dictkeys_reversed(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return dictiter_new(((DictViewObject *)self)->dict, &dictrevkey_type, 1);
}

static Object *
dictvalues_reversed(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return dictiter_new(((DictViewObject *)self)->dict, &dictrevvalue_type, 1);
}

static Object *
dictitems_reversed(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return dictiter_new(((DictViewObject *)self)->dict, &dictrevitem_type, 1);
}

static const MethodDef dictkeys_methods[] = {
    {"isdisjoint", dictview_isdisjoint, METH_O, NULL},
    {"__reversed__", dictkeys_reversed, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static const MethodDef dictitems_methods[] = {
    {"isdisjoint", dictview_isdisjoint, METH_O, NULL},
    {"__reversed__", dictitems_reversed, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static const MethodDef dictvalues_methods[] = {
    {"__reversed__", dictvalues_reversed, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObject dictkeys_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "dict_keys",
    .basicsize = sizeof(DictViewObject),
    .flags = TPFLAG_GC,
    .dealloc = dictview_dealloc,
    .traverse = dictview_traverse,
    .repr = dictview_repr,
    .richcompare = dictview_richcompare,
    .iter = dictkeys_iter,
    .getattro = obj_generic_getattr,
    .len = dictview_len,
    .sq_contains = dictkeys_contains,
    .nb_subtract = dictview_sub,
    .nb_and = dictview_and,
    .nb_or = dictview_or,
    .nb_xor = dictview_xor,
    .methods = dictkeys_methods,
};

TypeObject dictitems_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "dict_items",
    .basicsize = sizeof(DictViewObject),
    .flags = TPFLAG_GC,
    .dealloc = dictview_dealloc,
    .traverse = dictview_traverse,
    .repr = dictview_repr,
    .richcompare = dictview_richcompare,
    .iter = dictitems_iter,
    .getattro = obj_generic_getattr,
    .len = dictview_len,
    .sq_contains = dictitems_contains,
    .nb_subtract = dictview_sub,
    .nb_and = dictview_and,
    .nb_or = dictview_or,
    .nb_xor = dictview_xor,
    .methods = dictitems_methods,
};

TypeObject dictvalues_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "dict_values",
    .basicsize = sizeof(DictViewObject),
    .flags = TPFLAG_GC,
    .dealloc = dictview_dealloc,
    .traverse = dictview_traverse,
    .repr = dictview_repr,
    .iter = dictvalues_iter,
    .getattro = obj_generic_getattr,
    .len = dictview_len,
    .methods = dictvalues_methods,
};

/* ================================================================ methods */

static Object *
dict_keys_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return dictview_new(self, &dictkeys_type);
}

static Object *
dict_values_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return dictview_new(self, &dictvalues_type);
}

static Object *
dict_items_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return dictview_new(self, &dictitems_type);
}

static Object *
dict_get_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_no_kwargs("get", kw) < 0 || arg_check_count("get", (size_t)nargs, 1, 2) < 0)
        return NULL;
    hash_t hash;
    if (check_hashable(args[0], &hash) < 0)
        return NULL;
    Object *v;
    ssize_t ix = dict_lookup((DictObject *)self, args[0], hash, &v);
    if (ix == DKIX_ERROR)
        return NULL;
    if (ix == DKIX_EMPTY || !v)
        v = nargs > 1 ? args[1] : None;
    return newref(v);
}

static Object *
dict_setdefault_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_no_kwargs("setdefault", kw) < 0 ||
        arg_check_count("setdefault", (size_t)nargs, 1, 2) < 0)
        return NULL;
    Object *r = dict_setdefault(self, args[0], nargs > 1 ? args[1] : None);
    return xnewref(r);
}

static Object *
dict_pop_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_no_kwargs("pop", kw) < 0 || arg_check_count("pop", (size_t)nargs, 1, 2) < 0)
        return NULL;
    return dict_pop(self, args[0], nargs > 1 ? args[1] : NULL);
}

static Object *
dict_popitem_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    DictObject *mp = (DictObject *)self;
    if (mp->used == 0)
        return err_set(exc_KeyError, "popitem(): dictionary is empty");
    if (mp->values)
        dict_unsplit(mp);
    Object *res = tuple_new(2);
    if (!res)
        return NULL;
    DictKeys *k = mp->keys;
    ssize_t i = k->nentries - 1;
    Object *key, *value;
    hash_t hash;
    entry_at(k, i, &key, &value, &hash);
    while (i >= 0 && !value) {
        i--;
        entry_at(k, i, &key, &value, &hash);
    }
    size_t j = lookdict_index(k, hash, i);
    dictkeys_set_index(k, j, DKIX_DUMMY);
    if (DK_IS_UNICODE(k)) {
        DK_UNICODE_ENTRIES(k)[i].key = NULL;
        DK_UNICODE_ENTRIES(k)[i].value = NULL;
    } else {
        DK_ENTRIES(k)[i].key = NULL;
        DK_ENTRIES(k)[i].value = NULL;
    }
    TUPLE_SET(res, 0, key);
    TUPLE_SET(res, 1, value);
    k->nentries = i;
    mp->used--;
    mp->version_tag = NEW_VERSION();
    k->version = 0;
    return res;
}

static int
dict_update_arg(Object *self, Object *arg)
{
    if (DICT_CHECK(arg))
        return dict_merge(self, arg, 1);
    Object *keys = obj_lookup_attr(arg, ID(keys));
    if (keys) {
        decref(keys);
        return dict_merge(self, arg, 1);
    }
    if (err_occurred())
        return -1;
    return dict_merge_from_seq2(self, arg, 1);
}

static int
dict_update_common(Object *self, Object *const *args, ssize_t nargs, Object *kwnames,
                   const char *name)
{
    if (nargs > 1) {
        err_format(exc_TypeError, "%s expected at most 1 argument, got %zd", name, nargs);
        return -1;
    }
    if (nargs == 1 && dict_update_arg(self, args[0]) < 0)
        return -1;
    if (kwnames) {
        for (ssize_t i = 0; i < TUPLE_LEN(kwnames); i++)
            if (dict_setitem(self, TUPLE_GET(kwnames, i), args[nargs + i]) < 0)
                return -1;
    }
    return 0;
}

static Object *
dict_update_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (dict_update_common(self, args, nargs, kwnames, "update") < 0)
        return NULL;
    return newref(None);
}

static Object *
dict_copy_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return dict_copy(self);
}

static Object *
dict_clear_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    dict_clear(self);
    return newref(None);
}

static Object *
dict_fromkeys_meth(Object *cls, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_no_kwargs("fromkeys", kw) < 0 ||
        arg_check_count("fromkeys", (size_t)nargs, 1, 2) < 0)
        return NULL;
    Object *value = nargs > 1 ? args[1] : None;
    Object *d = obj_call_noargs(cls);
    if (!d)
        return NULL;
    Object *it = obj_get_iter(args[0]);
    if (!it) {
        decref(d);
        return NULL;
    }
    for (;;) {
        Object *key = obj_iter_next(it);
        if (!key)
            break;
        int r = DICT_CHECK_EXACT(d) ? dict_setitem(d, key, value) : obj_setitem(d, key, value);
        decref(key);
        if (r < 0) {
            decref(it);
            decref(d);
            return NULL;
        }
    }
    decref(it);
    if (err_occurred()) {
        decref(d);
        return NULL;
    }
    return d;
}

static Object *
dict_contains_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    int r = dict_contains(self, args[0]);
    if (r < 0)
        return NULL;
    return bool_from(r);
}

static Object *
dict_sizeof_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return int_from_ssize(dict_sizeof(self));
}

static Object *
dict_reversed_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return dictiter_new((DictObject *)self, &dictrevkey_type, 1);
}

static Object *
dict_getitem_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return dict_subscript(self, args[0]);
}

static const MethodDef dict_methods[] = {
    {"__contains__", dict_contains_meth, METH_O, NULL},
    {"__getitem__", dict_getitem_meth, METH_O, NULL},
    {"__sizeof__", dict_sizeof_meth, METH_NOARGS, NULL},
    {"get", dict_get_meth, METH_VARARGS, NULL},
    {"setdefault", dict_setdefault_meth, METH_VARARGS, NULL},
    {"pop", dict_pop_meth, METH_VARARGS, NULL},
    {"popitem", dict_popitem_meth, METH_NOARGS, NULL},
    {"keys", dict_keys_meth, METH_NOARGS, NULL},
    {"items", dict_items_meth, METH_NOARGS, NULL},
    {"values", dict_values_meth, METH_NOARGS, NULL},
    {"update", dict_update_meth, METH_VARARGS | METH_KEYWORDS | METH_TUPLE, NULL},
    {"fromkeys", dict_fromkeys_meth, METH_VARARGS | METH_CLASS, NULL},
    {"clear", dict_clear_meth, METH_NOARGS, NULL},
    {"copy", dict_copy_meth, METH_NOARGS, NULL},
    {"__reversed__", dict_reversed_meth, METH_NOARGS, NULL},
    {"__class_getitem__", genericalias_class_getitem, METH_O | METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

static Object *
dict_or(Object *a, Object *b)
{
    if (!DICT_CHECK(a) || !DICT_CHECK(b))
        return newref(NotImplemented);
    Object *r = dict_copy(a);
    if (!r)
        return NULL;
    if (dict_merge(r, b, 1) < 0) {
        decref(r);
        return NULL;
    }
    return r;
}

static Object *
dict_ior(Object *a, Object *b)
{
    if (dict_update_arg(a, b) < 0)
        return NULL;
    return newref(a);
}

/* dict() and dict.__new__ allocate through the type, never from the free list (CPython's
** dict_new uses tp_alloc): `id(dict()) == id(dict())` is False. */
static Object *
dict_new_impl(TypeObject *t, Object *args, Object *kwds)
{
    Object *d = t->alloc(t, 0);
    if (!d)
        return NULL;
    ((DictObject *)d)->keys = EMPTY_KEYS;
    ((DictObject *)d)->version_tag = NEW_VERSION();
    /* an exact dict starts untracked; subclasses are always tracked (they may have a
       __dict__) */
    if (t != &dict_type)
        gc_track(d);
    return d;
}

static int
dict_init(Object *self, Object *args, Object *kwds)
{
    ssize_t n = TUPLE_LEN(args);
    if (n > 1) {
        err_format(exc_TypeError, "dict expected at most 1 argument, got %zd", n);
        return -1;
    }
    if (n == 1 && dict_update_arg(self, TUPLE_GET(args, 0)) < 0)
        return -1;
    if (kwds && DICT_LEN(kwds))
        return dict_merge(self, kwds, 1);
    return 0;
}

static Object *
dict_vectorcall_new(Object *type, Object *const *args, size_t nargs, Object *kwnames)
{
    Object *d = dict_new_impl((TypeObject *)type, NULL, NULL);
    if (!d)
        return NULL;
    if (dict_update_common(d, args, (ssize_t)nargs, kwnames, "dict") < 0) {
        decref(d);
        return NULL;
    }
    return d;
}

TypeObject dict_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "dict",
    .basicsize = sizeof(DictObject),
    .flags = TPFLAG_BASETYPE | TPFLAG_GC | TPFLAG_DICT_SUBCLASS,
    .doc = "dict() -> new empty dictionary",
    .dealloc = dict_dealloc,
    .traverse = dict_traverse,
    .clear = dict_tp_clear,
    .free = obj_free,
    .repr = dict_repr,
    .hash = obj_hash_not_implemented,
    .richcompare = dict_richcompare,
    .iter = dict_iter,
    .getattro = obj_generic_getattr,
    .init = dict_init,
    .new_ = dict_new_impl,
    .new_vectorcall = dict_vectorcall_new,
    .alloc = type_generic_alloc,
    .len = dict_length,
    .sq_contains = dict_sq_contains,
    .mp_subscript = dict_subscript,
    .mp_ass_subscript = dict_ass_sub,
    .nb_or = dict_or,
    .nb_inplace_or = dict_ior,
    .methods = dict_methods,
};

/* ================================================================ instance attributes */

int
shared_keys_index(SharedKeys *sk, Object *name)
{
    if (!sk)
        return -1;
    for (int i = 0; i < sk->nkeys; i++)
        if (sk->keys[i] == name)
            return i;
    if (((StrObject *)name)->state.interned)
        return -1;      /* interned names match by identity only */
    for (int i = 0; i < sk->nkeys; i++)
        if (str_eq(sk->keys[i], name))
            return i;
    return -1;
}

static SharedKeys *
type_shared_keys(TypeObject *t)
{
    if (!t->ht_cached_keys) {
        /* outside the pools, as CPython's (a keys table of 64 slots is > 512 bytes) */
        SharedKeys *sk = malloc(sizeof(SharedKeys));
        if (!sk)
            return NULL;
        sk->nkeys = 0;
        sk->usable = SHARED_KEYS_MAX;
        sk->refcnt = 1;
        t->ht_cached_keys = (struct CachedKeys *)sk;
    }
    return (SharedKeys *)t->ht_cached_keys;
}

void
shared_keys_release(SharedKeys *sk)
{
    if (--sk->refcnt > 0)
        return;
    for (int i = 0; i < sk->nkeys; i++)
        decref(sk->keys[i]);
    free(sk);
}

int
inst_note_new(Object *o)
{
    SharedKeys *sk = type_shared_keys(TYPE(o));
    if (!sk) {
        err_no_memory();
        return -1;
    }
    if (sk->usable > 1)
        sk->usable--;
    return 0;
}

/* The smallest values array: 32 + 6 * 8 = 80 bytes.  It must not fall in the 64-byte size
** class of plain instances: instance and values blocks would then alternate in the same
** pools, and every walk of the collector over a generation (every other block) defeats
** the hardware prefetcher -- gc.collect() over a million dead instances took 4x longer
** (scripts/bench/gc_collect.py).  CPython's are larger still (a whole shared-keys table). */
#define VALUES_MIN_CAP 6

static InstanceValues *
values_alloc(int cap)
{
    InstanceValues *v = heap_alloc(sizeof(InstanceValues) + sizeof(Object *) * (size_t)cap);
    if (!v)
        return NULL;
    v->cap = (uint8_t)cap;
    v->n = 0;
    memset(v->values, 0, sizeof(Object *) * (size_t)cap);
    return v;
}

Object *
inst_getattr(Object *o, Object *name)
{
    Object *d = *INST_DICT_PTR(o);
    if (d)
        return dict_getitem(d, name);
    InstanceValues *vals = *INST_VALUES_PTR(o);
    if (!vals)
        return NULL;
    int ix = shared_keys_index((SharedKeys *)TYPE(o)->ht_cached_keys, name);
    if (ix < 0 || ix >= vals->cap)
        return NULL;
    return vals->values[ix];
}

/* Build the instance's dict from its values (insertion order kept) and drop them. */
static Object *
materialize_dict(Object *o)
{
    Object *d = dict_new();
    if (!d)
        return NULL;
    InstanceValues *vals = *INST_VALUES_PTR(o);
    if (vals) {
        SharedKeys *sk = (SharedKeys *)TYPE(o)->ht_cached_keys;
        for (int i = 0; i < vals->n; i++) {
            int ix = vals->order[i];
            Object *v = vals->values[ix];
            if (!v)
                continue;
            if (dict_setitem(d, sk->keys[ix], v) < 0) {
                decref(d);
                return NULL;
            }
        }
        *INST_VALUES_PTR(o) = NULL;
        for (int i = 0; i < vals->cap; i++)
            xdecref(vals->values[i]);
        heap_free(vals);
    }
    /* CPython's instance had values (object.__new__ made them) or gets a split dict */
    if (vals || TYPE(o)->new_ == object_type.new_) {
        SharedKeys *sk = type_shared_keys(TYPE(o));
        if (sk) {
            sk->refcnt++;
            ((DictObject *)d)->values = sk;
        }
    }
    *INST_DICT_PTR(o) = d;
    return d;
}

int
inst_setattr(Object *o, Object *name, Object *v)
{
    Object **dp = INST_DICT_PTR(o);
    if (*dp) {
        if (v)
            return dict_setitem(*dp, name, v);
        int r = dict_delitem_if_present(*dp, name);
        return r < 0 ? -1 : r == 0 ? -1 : 0;
    }
    if (!STR_CHECK_EXACT(name)) {
        if (!materialize_dict(o))
            return -1;
        return inst_setattr(o, name, v);
    }
    TypeObject *t = TYPE(o);
    SharedKeys *sk = type_shared_keys(t);
    if (!sk) {
        err_no_memory();
        return -1;
    }
    int ix = shared_keys_index(sk, name);
    InstanceValues **vp = INST_VALUES_PTR(o);
    InstanceValues *vals = *vp;
    if (!v) {
        if (ix < 0 || !vals || ix >= vals->cap || !vals->values[ix])
            return -1;
        Object *old = vals->values[ix];
        vals->values[ix] = NULL;
        for (int i = 0; i < vals->n; i++)
            if (vals->order[i] == ix) {
                memmove(&vals->order[i], &vals->order[i + 1], (size_t)(vals->n - i - 1));
                vals->n--;
                break;
            }
        decref(old);
        return 0;
    }
    if (ix < 0) {
        if (sk->usable <= 0) {
            if (!materialize_dict(o))
                return -1;
            return inst_setattr(o, name, v);
        }
        Object *iname = newref(name);
        str_intern_inplace(&iname);
        ix = sk->nkeys;
        sk->keys[sk->nkeys++] = iname;
        sk->usable--;
    }
    if (!vals || ix >= vals->cap) {
        int cap = sk->nkeys > ix + 1 ? sk->nkeys : ix + 1;
        if (cap < VALUES_MIN_CAP)
            cap = VALUES_MIN_CAP;
        if (cap > SHARED_KEYS_MAX)
            cap = SHARED_KEYS_MAX;
        InstanceValues *nv;
        if (!vals) {
            nv = values_alloc(cap);
        } else {
            nv = heap_realloc(vals, sizeof(InstanceValues) + sizeof(Object *) * (size_t)cap);
            if (nv) {
                memset(&nv->values[nv->cap], 0, sizeof(Object *) * (size_t)(cap - nv->cap));
                nv->cap = (uint8_t)cap;
            }
        }
        if (!nv) {
            err_no_memory();
            return -1;
        }
        vals = nv;
        *vp = vals;
    }
    Object *old = vals->values[ix];
    vals->values[ix] = newref(v);
    if (!old)
        vals->order[vals->n++] = (uint8_t)ix;
    else
        decref(old);
    return 0;
}

InstanceValues *
inst_values_for_store(Object *o, int ix)
{
    InstanceValues **vp = INST_VALUES_PTR(o);
    InstanceValues *vals = *vp;
    if (vals && ix < vals->cap)
        return vals;
    SharedKeys *sk = (SharedKeys *)TYPE(o)->ht_cached_keys;
    int cap = sk && sk->nkeys > ix + 1 ? sk->nkeys : ix + 1;
    if (cap < VALUES_MIN_CAP)
        cap = VALUES_MIN_CAP;
    if (cap > SHARED_KEYS_MAX)
        cap = SHARED_KEYS_MAX;
    InstanceValues *nv;
    if (!vals) {
        nv = values_alloc(cap);
    } else {
        nv = heap_realloc(vals, sizeof(InstanceValues) + sizeof(Object *) * (size_t)cap);
        if (nv) {
            memset(&nv->values[nv->cap], 0, sizeof(Object *) * (size_t)(cap - nv->cap));
            nv->cap = (uint8_t)cap;
        }
    }
    if (!nv) {
        err_no_memory();
        return NULL;
    }
    *vp = nv;
    return nv;
}

Object *
inst_get_dict(Object *o)
{
    Object *d = *INST_DICT_PTR(o);
    if (!d) {
        d = materialize_dict(o);
        if (!d)
            return NULL;
    }
    return newref(d);
}

int
inst_set_dict(Object *o, Object *d)
{
    Object **dp = INST_DICT_PTR(o);
    InstanceValues **vp = INST_VALUES_PTR(o);
    InstanceValues *vals = *vp;
    *vp = NULL;
    Object *old = *dp;
    *dp = newref(d);
    if (vals) {
        for (int i = 0; i < vals->cap; i++)
            xdecref(vals->values[i]);
        heap_free(vals);
    }
    xdecref(old);
    return 0;
}

int
inst_traverse(Object *o, visitproc visit, void *arg)
{
    OBJ_VISIT(*INST_DICT_PTR(o));
    InstanceValues *vals = *INST_VALUES_PTR(o);
    if (vals)
        for (int i = 0; i < vals->cap; i++)
            OBJ_VISIT(vals->values[i]);
    return 0;
}

void
inst_clear(Object *o)
{
    InstanceValues **vp = INST_VALUES_PTR(o);
    InstanceValues *vals = *vp;
    if (vals) {
        /* detach first: a __del__ run by a release may look at the instance */
        *vp = NULL;
        for (int i = 0; i < vals->cap; i++) {
            Object *v = vals->values[i];
            vals->values[i] = NULL;
            xdecref(v);
        }
        heap_free(vals);
    }
    CLEAR(*INST_DICT_PTR(o));
}
