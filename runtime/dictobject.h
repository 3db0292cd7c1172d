/*
** dictobject.h -- dict in CPython 3.11's compact layout (so sizes match): a DictObject
** (48 bytes + GC head) pointing at a DictKeys block = 32-byte header, an index table of
** 2**log2_size entries (1/2/4/8 bytes each) and an entry array of usable =
** 2/3 * size entries: {hash, key, value} (24 bytes) in general, {key, value} (16 bytes)
** when every key is an exact str ("unicode" kind).  Insertion ordered.  Growth: resize to
** the power of two >= used*3.  The empty dict shares a static empty keys block (64 bytes).
**
** Instances of classes keep their attributes outside any dict until someone asks for
** __dict__ (3.11's "managed dict"): the class owns a SharedKeys list of attribute names
** and each instance an InstanceValues array indexed by it (see dictobject.c).
*/
#ifndef PYHEAP_DICTOBJECT_H
#define PYHEAP_DICTOBJECT_H

#include "object.h"

typedef struct DictKeys DictKeys;

typedef struct DictObject {
    OBJECT_HEAD;
    ssize_t used;
    uint64_t version_tag;       /* changes on every mutation (global counter) */
    DictKeys *keys;
    void *values;               /* unused (split tables are not used for dicts) */
} DictObject;

#define DICT_LEN(d) (((DictObject *)(d))->used)

Object *dict_new(void);
Object *dict_new_presized(ssize_t n);
/* Presized for n items; unicode: all keys will be exact str (the compact layout). */
Object *dict_new_presized_kind(ssize_t n, int unicode);
/* Lookups return *borrowed* references.  dict_getitem swallows errors (NULL = missing or
** error cleared, as PyDict_GetItem); the _with_error form leaves NULL + exception on
** error and NULL without exception when missing. */
Object *dict_getitem(Object *d, Object *key);
Object *dict_getitem_with_error(Object *d, Object *key);
Object *dict_getitem_known_hash(Object *d, Object *key, hash_t hash);
Object *dict_getitem_str(Object *d, const char *key);
int dict_setitem(Object *d, Object *key, Object *value);          /* increfs both */
int dict_setitem_take(Object *d, Object *key, Object *value);     /* steals value */
int dict_setitem_str(Object *d, const char *key, Object *value);
int dict_delitem(Object *d, Object *key);                          /* KeyError if absent */
int dict_delitem_if_present(Object *d, Object *key);              /* 0 absent, 1 deleted */
int dict_contains(Object *d, Object *key);                         /* -1/0/1 */
/* Iterate: pos starts at 0; borrowed key/value; returns 0 at the end. */
int dict_next(Object *d, ssize_t *pos, Object **key, Object **value);
Object *dict_keys_list(Object *d);
Object *dict_values_list(Object *d);
Object *dict_items_list(Object *d);
Object *dict_copy(Object *d);
int dict_merge(Object *d, Object *other, int override);  /* dict.update semantics */
int dict_merge_from_seq2(Object *d, Object *seq2, int override);
void dict_clear(Object *d);
Object *dict_setdefault(Object *d, Object *key, Object *deflt);   /* borrowed */
Object *dict_pop(Object *d, Object *key, Object *deflt);          /* new ref */
ssize_t dict_size(Object *d);
/* Fast global lookup for LOAD_GLOBAL: key is an exact str with a cached hash. */
Object *dict_lookup_str(Object *d, Object *key);        /* borrowed, never raises */
/* LOAD_GLOBAL caches: the version of d's keys (assigned on demand; 0 = cannot cache),
** its current value without assigning (0 = changed since), the entry index of an exact
** str key (-1 absent or not cacheable), and the value at an entry index (borrowed,
** NULL if deleted).  A (version, index) pair is valid while the version is unchanged. */
uint32_t dict_keys_version(Object *d);
uint32_t dict_keys_version_now(Object *d);
ssize_t dict_lookup_str_index(Object *d, Object *key);
Object *dict_value_at(Object *d, ssize_t ix);
void dict_maybe_untrack(Object *d);
void dict_clear_freelists(void);
void dict_swap_freelists(void);    /* side mode's own free lists */
void dict_debug_stats(void *out);
ssize_t dict_sizeof(Object *d);

/* -------- instance attributes of classes with TPFLAG_MANAGED_DICT ---------------- */
#define SHARED_KEYS_MAX 30

/* The class's shared keys (CPython's ht_cached_keys, a split table): 'nkeys' and 'usable'
** are its dk_nentries and dk_usable, which sys.getsizeof of a split dict reports. */
typedef struct SharedKeys {
    int nkeys;
    int usable;                 /* 30 at first; one less per instance made, per key added */
    int refcnt;                 /* the class's, and one per dict in the split model */
    Object *keys[SHARED_KEYS_MAX];  /* interned str, strong refs, append-only */
} SharedKeys;

typedef struct InstanceValues {
    uint8_t cap;                /* slots allocated in values[] */
    uint8_t n;                  /* entries in order[] */
    uint8_t order[SHARED_KEYS_MAX]; /* insertion order of present keys (key indexes) */
    Object *values[];           /* by key index; NULL = absent */
} InstanceValues;

/* The pre-header words of a managed-dict instance (object.h's layout diagram). */
#define INST_DICT_PTR(o) ((Object **)(o) - 3)
#define INST_VALUES_PTR(o) ((InstanceValues **)(o) - 4)

/* Look up an instance attribute without materialising a dict: borrowed or NULL. */
Object *inst_getattr(Object *o, Object *name);
/* Set (v != NULL) or delete an instance attribute: 0, or -1 with exception; on delete of
** a missing name returns -1 with *no* exception set (caller raises AttributeError). */
int inst_setattr(Object *o, Object *name, Object *v);
/* obj.__dict__: materialise the dict (new reference). */
Object *inst_get_dict(Object *o);
int inst_set_dict(Object *o, Object *d);
int inst_traverse(Object *o, visitproc visit, void *arg);
void inst_clear(Object *o);
int shared_keys_index(SharedKeys *sk, Object *name);   /* -1 if absent */
void shared_keys_release(SharedKeys *sk);
/* A new instance of a class with TPFLAG_MANAGED_DICT made by object.__new__: CPython's
** init_inline_values takes one from the shared keys' usable count.  0 or -1 (MemoryError). */
int inst_note_new(Object *o);
/* The instance's values array with room for key index ix (allocated or grown); NULL +
** MemoryError.  For the VM's STORE_ATTR cache (ix is a valid shared-keys index). */
InstanceValues *inst_values_for_store(Object *o, int ix);

#endif
