/*
** compile.c -- AST -> CodeObject (CPython 3.11's Python/compile.c + ast_opt.c, our own
** instruction set: opcodes.h).
**
** Pipeline for one compilation unit:
**   1. fold_*: the AST optimiser folds constant expressions in place (size limits as
**      3.11: ints up to 128 bits, str/bytes up to 4096 items, tuples up to 256).
**   2. symtable_build decides every name's scope.
**   3. compile_*: one CodeUnit per block emits Instrs with labels; try/with/for blocks
**      push "handlers" (SETUP_* pseudo instructions) and each emitted instruction is
**      stamped with the innermost active handler; break/continue/return unwind the
**      compile-time block stack (fblocks) the way CPython does.
**   4. assemble: flow analysis gives the stack depth at each instruction (hence each
**      handler's unwind depth and co_stacksize), pseudo instructions are dropped, jump
**      labels become word offsets, and consecutive instructions with the same handler
**      become exception-table entries.
** Constants are merged across the whole unit through one cache keyed by (type, value)
** (recursively for tuples and frozensets), so equal literals in different functions of
** one module are one object -- the 'a = 257; b = 257; a is b' behaviour of scripts.
*/
#include "interp/compile.h"
#include "interp/symtable.h"
#include "interp/opcodes.h"
#include "grammar/parse.h"
#include "runtime/error.h"
#include "runtime/heap.h"
#include "runtime/gc.h"
#include "runtime/state.h"
#include "runtime/intobject.h"
#include "runtime/floatobject.h"
#include "runtime/complexobject.h"
#include "runtime/strobject.h"
#include "runtime/bytesobject.h"
#include "runtime/tupleobject.h"
#include "runtime/listobject.h"
#include "runtime/dictobject.h"
#include "runtime/setobject.h"
#include "runtime/codeobject.h"
#include "runtime/exceptions.h"
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <math.h>

/* ================================================================ opcode tables */

const char *const opcode_names[OP__COUNT] = {
#define OPN(name, effect, cache) #name,
    OPCODES(OPN)
#undef OPN
};
const signed char opcode_effect[OP__COUNT] = {
#define OPE(name, effect, cache) effect,
    OPCODES(OPE)
#undef OPE
};
const unsigned char opcode_cache[OP__COUNT] = {
#define OPC(name, effect, cache) cache,
    OPCODES(OPC)
#undef OPC
};

/* ================================================================ structures */

typedef struct Loc {
    int lineno, end_lineno, col, end_col;
} Loc;

typedef struct Instr {
    int op;
    int arg;
    int target;         /* label (jumps, SETUP_*), -1 */
    Loc loc;
    int handler;        /* handler index active at emission, -1 */
    int noline;         /* CPython's has no line of its own (the implicit return) */
} Instr;

typedef struct Handler {
    int label;
    int lasti;
    int depth;          /* filled by flow analysis (-1 until known) */
} Handler;

typedef enum {
    FB_WHILE_LOOP, FB_FOR_LOOP, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END, FB_WITH,
    FB_HANDLER_CLEANUP, FB_POP_VALUE, FB_EXCEPTION_HANDLER
} FBlockType;

typedef struct FBlock {
    FBlockType type;
    int block_label;    /* loop start (continue target) */
    int exit_label;     /* loop exit (break target) */
    void *datum;        /* FINALLY_TRY: the finally body (Seq*); HANDLER_CLEANUP: name */
    int handler;        /* the handler index pushed for it, or -1 */
} FBlock;

#define MAX_FBLOCKS 20

enum { UNIT_MODULE, UNIT_CLASS, UNIT_FUNCTION, UNIT_LAMBDA, UNIT_COMPREHENSION };

typedef struct CodeUnit {
    SymEntry *ste;
    int kind;
    Object *name, *qualname;
    Instr *instrs;
    int ninstr, capinstr;
    int *labels;        /* label -> instruction index (-1 until placed) */
    int nlabels, caplabels;
    Handler *handlers;
    int nhandlers, caphandlers;
    int hstack[64];     /* compile-time handler stack */
    int hdepth;
    Object *consts;     /* list */
    Object *consts_map; /* dict: canonical const (by identity key) -> index */
    Object *names;      /* list */
    Object *names_map;  /* dict: name -> index */
    Object *varnames;   /* list */
    Object *varnames_map;
    Object *cellvars_map;   /* dict: name -> index among cells */
    Object *freevars_map;   /* dict: name -> index among frees */
    Object *cellvars, *freevars;    /* lists */
    int argcount, posonlyargcount, kwonlyargcount;
    int firstlineno;
    Loc loc;
    FBlock fblocks[MAX_FBLOCKS];
    int nfblocks;
    Object *private_name;
    struct CodeUnit *parent;
    struct PtrVec *fm_blocks;   /* front model: the unit's basic blocks (see fmc_*) */
    Object *fm_dicts[5];        /* front model: CPython's u_consts, u_names ... (FMU_) */
    void *fm_capsule;           /* front model: the parent unit's capsule on c_stack */
} CodeUnit;

/* Heap blocks (or objects) of the front model, in the order they were made. */
typedef struct PtrVec {
    void **p;
    int n, cap;
} PtrVec;

/* A modelled dict's keys table (general keys, 24-byte entries). */
typedef struct KeysModel {
    void *keys;
    int used, log2;
} KeysModel;

/* What CPython's symtable keeps per block: ste_id, the entry, its symbol ints, and the
** items of its children list. */
typedef struct SteModel {
    void *id, *ste;
    Object *symbols, *varnames, *children;
    PtrVec ints;
} SteModel;

enum { FMU_VARNAMES, FMU_CELLVARS, FMU_FREEVARS, FMU_CONSTS, FMU_NAMES, FMU_NDICTS };

typedef struct Compiler {
    const char *filename;
    Object *filename_obj;
    SymTable *st;
    CodeUnit *u;
    Object *const_cache;    /* dict: key -> canonical constant */
    ParseMode mode;
    int interactive;
    int nestlevel;
    int recursion;
    struct {
        void *future, *symtable;
        SteModel *stes;
        int nstes;
        KeysModel blocks;       /* st_blocks' table */
        Object *st_blocks, *st_stack;
        Object *cache;          /* c_const_cache, keyed as CPython's (const_key) */
        Object *c_stack;
    } fm;
} Compiler;


/* ================================================================ front model */

/*
** CPython 3.11 compiles with a symbol table and a compiler whose own blocks come from the
** same pools as the objects (sizes on 64-bit): _PyFuture_FromAST's features (8), the
** symtable struct (80), per block an id int (32), the entry (120) and a slot in the
** st_blocks dict, the sets of the analysis (216 each), an int per symbol (32), per code
** unit a basicblock per block (56) and the u_consts keys, and in the assembler the
** bytecode (161), location table (65) and exception table (49) bytes objects, resized as
** they fill and merged into the constant cache under 2-tuple keys.  pyheap's compiler keeps
** its own tables off the pools (heap_side_enter); the fmc_* functions make blocks of those
** sizes at the moments CPython makes them, so which freed block the next object gets is
** CPython's.  Allocation failures here are ignored: the blocks stand in for memory only.
** docs/DESIGN.md, "Parser and compiler heap traffic".
*/
#define CPY_SIZEOF_FUTURE 8
#define CPY_SIZEOF_SYMTABLE 80
#define CPY_SIZEOF_STE 120
#define CPY_SIZEOF_SET 216
#define CPY_SIZEOF_INT 32
#define CPY_SIZEOF_SETITER 64
#define CPY_SIZEOF_BASICBLOCK 56
#define CPY_SIZEOF_CAPSULE 48
#define CPY_BYTES(n) (33 + (size_t)(n))

static int
pv_push(PtrVec *v, void *x)
{
    if (v->n == v->cap) {
        int nc = v->cap ? v->cap * 2 : 8;
        void **np = realloc(v->p, sizeof(void *) * (size_t)nc);
        if (!np)
            return -1;
        v->p = np;
        v->cap = nc;
    }
    v->p[v->n++] = x;
    return 0;
}

static void
pv_push_block(PtrVec *v, void *block)
{
    if (block && pv_push(v, block) < 0)
        heap_free(block);
}

static void
pv_free_blocks(PtrVec *v)
{
    for (int i = 0; i < v->n; i++)
        heap_free(v->p[i]);
    free(v->p);
    memset(v, 0, sizeof *v);
}

static int
keys_usable(int log2)
{
    return (int)(((size_t)2 << log2) / 3);
}

/* new_keys_object's size for a general-keys table of 2**log2 slots */
static size_t
keys_bytes(int log2)
{
    size_t n = (size_t)1 << log2;
    size_t ix = log2 < 8 ? 1 : log2 < 16 ? 2 : log2 < 32 ? 4 : 8;
    return 32 + n * ix + (size_t)keys_usable(log2) * 24;
}

/* One new key: insert_to_emptydict, or insertion_resize when the table is full. */
static void
keys_insert(KeysModel *k)
{
    if (k->used == 0 && !k->keys) {
        k->log2 = 3;
        k->keys = heap_alloc(keys_bytes(3));
    } else if (k->used >= keys_usable(k->log2)) {
        int log2 = 3;
        while (((size_t)1 << log2) < (size_t)k->used * 3)
            log2++;
        void *nk = heap_alloc(keys_bytes(log2));
        heap_free(k->keys);
        k->keys = nk;
        k->log2 = log2;
    }
    k->used++;
}

/* A set of the analysis: a tracked object, so it counts in generation 0 as CPython's. */
static void *
fmc_set_new(void)
{
    void *p = heap_alloc(CPY_SIZEOF_SET);
    gc_on_alloc();
    return p;
}

static void
fmc_set_free(void *p)
{
    heap_free(p);
    gc_on_free();
}

static int
fmc_count_blocks(SymEntry *e)
{
    int n = 1;
    for (int i = 0; i < e->nchildren; i++)
        n += fmc_count_blocks(e->children[i]);
    return n;
}

/* CPython's compiler keeps its tables in dicts, lists and tuples, which come from the free
** lists the program's objects come from (and count in generation 0 when those are empty).
** The fmo_ functions make such objects in the pools (side mode suspended) at the moments
** CPython makes them; pyheap's own side-mode objects have free lists of their own
** (rt_swap_freelists).  These stand in only: a failed allocation is no error, and none is
** made while an error is pending. */
static Object *
fmo_dict(void)
{
    if (err_occurred())
        return NULL;
    int d = heap_side_suspend();
    Object *o = dict_new();
    heap_side_resume(d);
    if (!o)
        err_clear();
    return o;
}

/* a list of n Nones (PyList_New(n) filled) */
static Object *
fmo_list(ssize_t n)
{
    if (err_occurred())
        return NULL;
    int d = heap_side_suspend();
    Object *o = list_new(n);
    for (ssize_t i = 0; o && i < n; i++)
        LIST_SET(o, i, newref(None));
    heap_side_resume(d);
    if (!o)
        err_clear();
    return o;
}

/* PyList_Append (the items block grows as CPython's) */
static void
fmo_append(Object *list)
{
    if (!list || err_occurred())
        return;
    int d = heap_side_suspend();
    if (list_append(list, None) < 0)
        err_clear();
    heap_side_resume(d);
}

/* del list[-1] */
static void
fmo_pop(Object *list)
{
    if (!list || LIST_LEN(list) == 0)
        return;
    int d = heap_side_suspend();
    if (list_setslice(list, LIST_LEN(list) - 1, LIST_LEN(list), NULL) < 0)
        err_clear();
    heap_side_resume(d);
}

static void
fmo_setitem(Object *dict, Object *key, Object *v)
{
    if (!dict || err_occurred())
        return;
    int d = heap_side_suspend();
    if (dict_setitem(dict, key, v) < 0)
        err_clear();
    heap_side_resume(d);
}

static void
fmo_free(Object *o)
{
    if (!o)
        return;
    int d = heap_side_suspend();
    decref(o);
    heap_side_resume(d);
}

/* compiler_add_o: the index of key in a unit's dict, added when missing */
static void
fmo_add_o(Object *dict, Object *key)
{
    if (!dict || !key || err_occurred())
        return;
    int d = heap_side_suspend();
    if (!dict_getitem(dict, key)) {
        Object *v = err_occurred() ? NULL : int_from_ssize(dict_size(dict));
        if (!v || dict_setitem(dict, key, v) < 0)
            err_clear();
        xdecref(v);
    }
    heap_side_resume(d);
}

/* CPython's _PyCode_ConstantKey: the constant itself for None, Ellipsis, int, str and
** code, a tuple otherwise; equal keys <=> the constants may be shared.  The front model
** makes its keys in the pools (callers suspend side mode), merge_const in side mode.
** New reference; NULL + error. */
static Object *
const_key(Object *o)
{
    if (o == None || o == Ellipsis || INT_CHECK_EXACT(o) || STR_CHECK_EXACT(o) ||
        TYPE(o) == &code_type)
        return newref(o);
    if (BOOL_CHECK(o) || TYPE(o) == &bytes_type)
        return tuple_pack(2, TYPE(o), o);
    if (FLOAT_CHECK_EXACT(o)) {
        double d = FLOAT_VAL(o);
        return d == 0.0 && signbit(d) ? tuple_pack(3, TYPE(o), o, None)
                                      : tuple_pack(2, TYPE(o), o);
    }
    if (TYPE(o) == &complex_type) {
        ComplexObject *z = (ComplexObject *)o;
        int rz = z->real == 0.0 && signbit(z->real), iz = z->imag == 0.0 && signbit(z->imag);
        Object *x = rz && iz ? True_ : iz ? False_ : rz ? None : NULL;
        return x ? tuple_pack(3, TYPE(o), o, x) : tuple_pack(2, TYPE(o), o);
    }
    if (TUPLE_CHECK_EXACT(o)) {
        ssize_t n = TUPLE_LEN(o);
        Object *t = tuple_new(n);
        if (!t)
            return NULL;
        for (ssize_t i = 0; i < n; i++) {
            Object *k = const_key(TUPLE_GET(o, i));
            if (!k) {
                decref(t);
                return NULL;
            }
            TUPLE_SET(t, i, k);
        }
        Object *r = tuple_pack(2, t, o);
        decref(t);
        return r;
    }
    if (TYPE(o) == &frozenset_type) {
        /* the items' keys in a tuple, then a frozenset of them */
        Object *t = tuple_new(set_size(o));
        if (!t)
            return NULL;
        ssize_t pos = 0, i = 0;
        Object *item;
        hash_t h;
        while (set_next(o, &pos, &item, &h)) {
            Object *k = const_key(item);
            if (!k) {
                decref(t);
                return NULL;
            }
            TUPLE_SET(t, i++, k);
        }
        Object *fk = frozenset_new(t);
        decref(t);
        Object *r = fk ? tuple_pack(2, fk, o) : NULL;
        xdecref(fk);
        return r;
    }
    Object *id = int_from_size((size_t)(uintptr_t)o);
    Object *k = id ? tuple_pack(2, id, o) : NULL;
    xdecref(id);
    return k;
}

/* merge_consts_recursive on the model's c_const_cache (a real dict keyed as CPython's):
** new reference to the canonical key of o, NULL when there is none.  Pools mode. */
static Object *
fm_merge(Compiler *c, Object *o)
{
    if (!c->fm.cache || err_occurred())
        return NULL;
    if (o == None || o == Ellipsis)
        return newref(o);
    Object *key = const_key(o);
    Object *t = key ? dict_setdefault(c->fm.cache, key, key) : NULL;
    if (!t) {
        err_clear();
        xdecref(key);
        return NULL;
    }
    if (t != key) {
        incref(t);
        decref(key);
        return t;
    }
    if (TUPLE_CHECK_EXACT(o) || TYPE(o) == &frozenset_type) {
        ssize_t pos = 0, n = TUPLE_CHECK_EXACT(o) ? TUPLE_LEN(o) : 0;
        Object *item;
        hash_t h;
        for (ssize_t i = 0; i < n; i++)
            xdecref(fm_merge(c, TUPLE_GET(o, i)));
        if (!n)
            while (TYPE(o) == &frozenset_type && set_next(o, &pos, &item, &h))
                xdecref(fm_merge(c, item));
    }
    return key;
}

/* merge_const_one: o (a new tuple or bytes, stolen) or the equal one the cache holds (new
** reference).  Pools mode. */
static Object *
fm_merge_one(Compiler *c, Object *o)
{
    if (!o || !c->fm.cache || err_occurred())
        return o;
    Object *key = const_key(o);
    Object *t = key ? dict_setdefault(c->fm.cache, key, key) : NULL;
    if (!t) {
        err_clear();
        xdecref(key);
        return o;
    }
    int fresh = t == key;
    decref(key);
    if (fresh)
        return o;
    if (TUPLE_CHECK_EXACT(t))
        t = TUPLE_GET(t, 1);
    incref(t);
    decref(o);
    return t;
}

/* the constant o enters the unit (compiler_add_const) */
static void
fm_add_const(Compiler *c, Object *o)
{
    if (!c->fm.cache || err_occurred())
        return;
    int d = heap_side_suspend();
    Object *key = fm_merge(c, o);
    fmo_add_o(c->u->fm_dicts[FMU_CONSTS], key);
    xdecref(key);
    heap_side_resume(d);
}

/* A constant made while compiling outlives the compiler: it is made in the pools, as
** CPython's (a tuple from the free list). */
static Object *
pools_tuple(ssize_t n)
{
    int d = heap_side_suspend();
    Object *t = tuple_new(n);
    heap_side_resume(d);
    return t;
}

static Object *
pools_frozenset(Object *items)
{
    int d = heap_side_suspend();
    Object *f = frozenset_new(items);
    heap_side_resume(d);
    return f;
}

/* symtable_enter_block for e and its children, in the order the visit enters them: the
** id int, the entry, its symbols dict and varnames and children lists, the st_blocks slot,
** the st_stack push (and pop on leaving) */
static void
fmc_enter_blocks(Compiler *c, SymEntry *e, SteModel *parent, int *idx)
{
    SteModel *m = &c->fm.stes[(*idx)++];
    m->id = heap_alloc(CPY_SIZEOF_INT);
    m->ste = heap_alloc(CPY_SIZEOF_STE);
    m->symbols = fmo_dict();
    m->varnames = fmo_list(0);
    m->children = fmo_list(0);
    keys_insert(&c->fm.blocks);
    fmo_append(c->fm.st_stack);
    if (parent)
        fmo_append(parent->children);
    ssize_t pos = 0;
    Object *k, *v;
    while (m->symbols && dict_next(e->symbols, &pos, &k, &v))
        fmo_setitem(m->symbols, k, None);
    for (ssize_t i = 0; i < LIST_LEN(e->varnames); i++)
        fmo_append(m->varnames);
    for (int i = 0; i < e->nchildren; i++)
        fmc_enter_blocks(c, e->children[i], m, idx);
    fmo_pop(c->fm.st_stack);
}

/* analyze_block: its five sets and the scopes dict, three more sets per child around the
** child's analysis, an int per symbol (update_symbols), the free-scope int and a set
** iterator */
static void
fmc_analyze(Compiler *c, SymEntry *e, int *idx)
{
    SteModel *m = &c->fm.stes[(*idx)++];
    void *sets[5];
    sets[0] = fmc_set_new();
    Object *scopes = fmo_dict();
    for (int i = 1; i < 5; i++)
        sets[i] = fmc_set_new();
    ssize_t pos = 0;
    Object *k, *v;
    while (scopes && dict_next(e->symbols, &pos, &k, &v))
        fmo_setitem(scopes, k, None);
    for (int i = 0; i < e->nchildren; i++) {
        void *t[3];
        for (int j = 0; j < 3; j++)
            t[j] = fmc_set_new();
        fmc_analyze(c, e->children[i], idx);
        for (int j = 0; j < 3; j++)
            fmc_set_free(t[j]);
    }
    ssize_t nsym = dict_size(e->symbols);
    for (ssize_t i = 0; i < nsym; i++)
        pv_push_block(&m->ints, heap_alloc(CPY_SIZEOF_INT));
    void *vfree = heap_alloc(CPY_SIZEOF_INT);
    heap_free(heap_alloc(CPY_SIZEOF_SETITER));
    gc_count_transient_alloc();         /* the set iterator */
    heap_free(vfree);
    fmo_free(scopes);
    static const int order[5] = {0, 3, 1, 2, 4};
    for (int i = 0; i < 5; i++)
        fmc_set_free(sets[order[i]]);
}

/* compiler_init: the constant cache and the unit stack; then _PyFuture_FromAST */
static void
fmc_begin(Compiler *c)
{
    c->fm.cache = fmo_dict();
    c->fm.c_stack = fmo_list(0);
    int d = heap_side_suspend();
    c->fm.future = heap_alloc(CPY_SIZEOF_FUTURE);
    heap_side_resume(d);
}

static void
fmc_symtable(Compiler *c)
{
    int n = fmc_count_blocks(c->st->top);
    c->fm.stes = calloc((size_t)n, sizeof(SteModel));
    if (!c->fm.stes)
        return;
    c->fm.nstes = n;
    int d = heap_side_suspend();
    c->fm.symtable = heap_alloc(CPY_SIZEOF_SYMTABLE);
    c->fm.st_stack = fmo_list(0);
    c->fm.st_blocks = fmo_dict();
    int idx = 0;
    fmc_enter_blocks(c, c->st->top, NULL, &idx);
    void *build_free = fmc_set_new(), *build_global = fmc_set_new();
    idx = 0;
    fmc_analyze(c, c->st->top, &idx);
    fmc_set_free(build_free);
    fmc_set_free(build_global);
    heap_side_resume(d);
}

/* a dict of the names in list, each to its index (list2dict, dictbytype) */
static Object *
fmo_index_dict(Object *list)
{
    Object *dict = fmo_dict();
    for (ssize_t i = 0; dict && list && i < LIST_LEN(list); i++) {
        Object *v = int_from_ssize(i);
        if (!v)
            err_clear();
        else
            fmo_setitem(dict, LIST_GET(list, i), v);
        xdecref(v);
    }
    return dict;
}

/* compiler_enter_scope: u_varnames, u_cellvars and u_freevars (each sorted from a list of
** the symbols' names), u_consts, u_names; the parent unit's capsule pushed on c_stack;
** the first basicblock */
static void
fmc_unit_enter(Compiler *c, CodeUnit *u)
{
    ssize_t nsym = dict_size(u->ste->symbols);
    u->fm_dicts[FMU_VARNAMES] = fmo_index_dict(u->varnames);
    u->fm_dicts[FMU_CELLVARS] = fmo_index_dict(u->cellvars);
    fmo_free(fmo_list(nsym));
    u->fm_dicts[FMU_FREEVARS] = fmo_index_dict(u->freevars);
    fmo_free(fmo_list(nsym));
    u->fm_dicts[FMU_CONSTS] = fmo_dict();
    u->fm_dicts[FMU_NAMES] = fmo_dict();
    u->fm_blocks = calloc(1, sizeof(PtrVec));
    int d = heap_side_suspend();
    if (u->parent) {
        u->fm_capsule = heap_alloc(CPY_SIZEOF_CAPSULE);
        fmo_append(c->fm.c_stack);
    }
    if (u->fm_blocks)
        pv_push_block(u->fm_blocks, heap_alloc(CPY_SIZEOF_BASICBLOCK));
    heap_side_resume(d);
}

/* compiler_unit_free: the basicblocks, newest first, then the dicts; compiler_exit_scope
** then pops the parent's capsule */
static void
fmc_unit_free(Compiler *c, CodeUnit *u)
{
    int d = heap_side_suspend();
    if (u->fm_blocks) {
        for (int i = u->fm_blocks->n - 1; i >= 0; i--)
            heap_free(u->fm_blocks->p[i]);
        free(u->fm_blocks->p);
        free(u->fm_blocks);
        u->fm_blocks = NULL;
    }
    static const int order[FMU_NDICTS] = {FMU_CONSTS, FMU_NAMES, FMU_VARNAMES, FMU_FREEVARS,
                                          FMU_CELLVARS};
    for (int i = 0; i < FMU_NDICTS; i++)
        CLEAR(u->fm_dicts[order[i]]);
    if (u->fm_capsule) {
        heap_free(u->fm_capsule);
        u->fm_capsule = NULL;
        if (c)
            fmo_pop(c->fm.c_stack);
    }
    heap_side_resume(d);
}

static int
varint_len(unsigned v)
{
    int n = 1;
    while (v >= 64) {
        v >>= 6;
        n++;
    }
    return n;
}

static int
svarint_len(int v)
{
    return varint_len(v < 0 ? ((unsigned)-v << 1) | 1 : (unsigned)v << 1);
}

/* Bytes of the 3.11 location table entries for one instruction of isize code units at l
** (write_location_info_entry: at most 8 units an entry); appended to 'sizes'. */
static void
loc_entries(PtrVec *sizes, Loc l, int *prevline, int isize)
{
    while (isize > 0) {
        int n = isize > 8 ? 8 : isize, b;
        isize -= n;
        int delta = l.lineno - *prevline;
        if (l.lineno < 0)
            b = 1;
        else if ((l.col < 0 || l.end_col < 0) &&
                 (l.end_lineno == l.lineno || l.end_lineno == -1)) {
            b = 1 + svarint_len(delta);
            *prevline = l.lineno;
        } else if (l.col >= 0 && l.end_col >= 0 && l.end_lineno == l.lineno && delta == 0 &&
                   l.col < 80 && l.end_col - l.col < 16 && l.end_col >= l.col) {
            b = 2;
        } else if (l.col >= 0 && l.end_col >= 0 && l.end_lineno == l.lineno && delta >= 0 &&
                   delta < 3 && l.col < 128 && l.end_col < 128) {
            b = 3;
            *prevline = l.lineno;
        } else {
            b = 1 + svarint_len(delta) + varint_len((unsigned)(l.end_lineno - l.lineno)) +
                varint_len((unsigned)(l.col + 1)) + varint_len((unsigned)(l.end_col + 1));
            *prevline = l.lineno;
        }
        if (pv_push(sizes, (void *)(intptr_t)b) < 0)
            return;
    }
}

/* One of the assembler's bytes objects (PyBytes_FromStringAndSize(NULL, n)). */
static Object *
fmo_bytes(ssize_t n)
{
    if (err_occurred())
        return NULL;
    Object *b = bytes_new_uninit(n);
    if (!b)
        err_clear();
    return b;
}

/* _PyBytes_Resize: the block is reallocated (b'' for 0) */
static void
fmo_bytes_resize(Object **pb, ssize_t n)
{
    if (!*pb)
        return;
    if (n == 0) {
        decref(*pb);
        *pb = bytes_from_buf("", 0);
        if (!*pb)
            err_clear();
        return;
    }
    BytesObject *g = heap_realloc(*pb, offsetof(BytesObject, sval) + (size_t)n + 1);
    if (!g)
        return;
    SIZE(g) = n;
    g->sval[n] = 0;
    g->hash = -1;
    *pb = (Object *)g;
}

/* The contents of a stand-in bytes object: equal for equal pyheap code (h), so that the
** cache merges what CPython's would. */
static void
fmo_bytes_fill(Object *b, uint64_t h)
{
    if (!b || BYTES_LEN(b) == 0)
        return;
    char *s = BYTES_DATA(b);
    for (ssize_t i = 0; i < BYTES_LEN(b); i++)
        s[i] = (char)(h >> (8 * (i & 7))) ^ (char)(i >> 3);
}

/* assemble() up to makecode: the unit's other basic blocks, the consts list, the three
** bytes objects with their growth and final sizes, each merged into the constant cache.
** *lt and *ex get the location and exception tables (the code object keeps them), *consts
** the consts list (freed after makecode). */
static void
fmc_assemble(Compiler *c, CodeUnit *u, int ncode, PtrVec *loc_sizes, int nexc,
             const uint64_t h[3], Object **lt, Object **ex, Object **consts)
{
    int d = heap_side_suspend();
    if (u->fm_blocks)
        for (int i = 0; i < u->nlabels; i++)
            pv_push_block(u->fm_blocks, heap_alloc(CPY_SIZEOF_BASICBLOCK));
    *consts = fmo_list(LIST_LEN(u->consts));
    Object *bc = fmo_bytes(128);
    *lt = fmo_bytes(32);
    *ex = fmo_bytes(16);
    int cap = 32, off = 0;
    for (int i = 0; i < loc_sizes->n; i++) {
        if (off + 25 >= cap) {
            cap *= 2;
            fmo_bytes_resize(lt, cap);
        }
        off += (int)(intptr_t)loc_sizes->p[i];
    }
    int ecap = 16, eoff = 0;
    for (int i = 0; i < nexc; i++) {
        if (eoff + 20 >= ecap) {
            ecap *= 2;
            fmo_bytes_resize(ex, ecap);
        }
        eoff += 4;
    }
    fmo_bytes_resize(ex, eoff);
    fmo_bytes_fill(*ex, h[2]);
    *ex = fm_merge_one(c, *ex);
    if (rt.flag_linetable)
        fprintf(stderr, "pyheap-linetable %d\n", off);
    fmo_bytes_resize(lt, off);
    fmo_bytes_fill(*lt, h[1]);
    *lt = fm_merge_one(c, *lt);
    fmo_bytes_resize(&bc, 2 * (ssize_t)ncode);
    fmo_bytes_fill(bc, h[0]);
    xdecref(fm_merge_one(c, bc));           /* the cache keeps it; the code copies it */
    heap_side_resume(d);
}

/* compiler_free: _PySymtable_Free (st_blocks with each entry: its id, symbols, varnames,
** children and the entry; st_stack; the symtable), the future features, the constant
** cache and the unit stack */
static void
fmc_end(Compiler *c)
{
    int d = heap_side_suspend();
    for (int i = 0; i < c->fm.nstes; i++) {
        SteModel *m = &c->fm.stes[i];
        heap_free(m->id);
        pv_free_blocks(&m->ints);
        CLEAR(m->symbols);
        CLEAR(m->varnames);
        CLEAR(m->children);
        heap_free(m->ste);
    }
    free(c->fm.stes);
    heap_free(c->fm.blocks.keys);
    CLEAR(c->fm.st_blocks);
    CLEAR(c->fm.st_stack);
    heap_free(c->fm.symtable);
    heap_free(c->fm.future);
    CLEAR(c->fm.cache);
    CLEAR(c->fm.c_stack);
    memset(&c->fm, 0, sizeof c->fm);
    heap_side_resume(d);
}

/* ================================================================ errors */

void
compile_raise_syntax_error(const char *filename, const char *msg, int lineno, int col,
                           int end_lineno, int end_col)
{
    /* errors found after parsing (symbol table, compiler) read their line from the named
    ** file, as CPython's PyErr_ProgramTextObject: none for "<stdin>" or "<string>" */
    char *text = parse_file_line(filename, lineno);
    err_syntax(exc_SyntaxError, msg, filename, lineno, col, text, end_lineno, end_col);
    heap_free(text);
}

static int
compiler_error(Compiler *c, Loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    Object *msg = str_from_vformat(fmt, ap);
    va_end(ap);
    if (!msg)
        return 0;
    compile_raise_syntax_error(c->filename, str_as_utf8(msg, NULL), loc.lineno, loc.col,
                               loc.end_lineno, loc.end_col);
    decref(msg);
    return 0;
}

static int
compiler_warn(Compiler *c, Loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    Object *msg = str_from_vformat(fmt, ap);
    va_end(ap);
    if (!msg)
        return 0;
    err_warn_explicit(exc_SyntaxWarning, str_as_utf8(msg, NULL), c->filename, loc.lineno);
    decref(msg);
    return 1;
}

#define LOC_OF(n) ((Loc){(n)->lineno, (n)->end_lineno, (n)->col_offset, (n)->end_col_offset})
static const Loc NO_LOC = {-1, -1, -1, -1};

/* ================================================================ constant folding */

#define MAX_INT_SIZE 128
#define MAX_COLLECTION_SIZE 256
#define MAX_STR_SIZE 4096
#define MAX_TOTAL_ITEMS 1024

static int
is_const(Expr *e)
{
    return e && e->kind == EXPR_CONSTANT;
}

static Object *
const_value(Expr *e)
{
    return e->v.Constant.value;
}

/* Replace e by a Constant holding v (stolen; the arena owns it). */
static int
make_const(Arena *arena, Expr *e, Object *v)
{
    if (!v) {
        if (err_matches(exc_KeyboardInterrupt))
            return 0;
        err_clear();    /* folding failures are left to run time */
        return 1;
    }
    if (arena_add_object(arena, v) < 0)
        return 0;
    e->kind = EXPR_CONSTANT;
    e->v.Constant.value = v;
    e->v.Constant.kind = NULL;
    return 1;
}

static ssize_t
check_complexity(Object *obj, ssize_t limit)
{
    if (TUPLE_CHECK(obj)) {
        limit -= TUPLE_LEN(obj);
        for (ssize_t i = 0; limit >= 0 && i < TUPLE_LEN(obj); i++)
            limit = check_complexity(TUPLE_GET(obj, i), limit);
        return limit;
    }
    if (TYPE(obj) == &frozenset_type) {
        ssize_t pos = 0;
        Object *item;
        hash_t h;
        limit -= set_size(obj);
        while (limit >= 0 && set_next(obj, &pos, &item, &h))
            limit = check_complexity(item, limit);
    }
    return limit;
}

static Object *
safe_multiply(Object *v, Object *w)
{
    if (INT_CHECK(v) && INT_CHECK(w) && int_sign(v) && int_sign(w)) {
        size_t vbits = int_bit_length(v), wbits = int_bit_length(w);
        if (vbits + wbits > MAX_INT_SIZE)
            return NULL;
    } else if (INT_CHECK(v) && (TUPLE_CHECK(w) || TYPE(w) == &frozenset_type)) {
        ssize_t size = TUPLE_CHECK(w) ? TUPLE_LEN(w) : set_size(w);
        if (size) {
            long n = int_as_long(v);
            if (n < 0 || n > MAX_COLLECTION_SIZE / size) {
                err_clear();
                return NULL;
            }
            if (n && check_complexity(w, MAX_TOTAL_ITEMS / n) < 0)
                return NULL;
        }
    } else if (INT_CHECK(v) && (STR_CHECK(w) || BYTES_CHECK(w))) {
        ssize_t size = STR_CHECK(w) ? STR_LEN(w) : BYTES_LEN(w);
        if (size) {
            long n = int_as_long(v);
            if (n < 0 || n > MAX_STR_SIZE / size) {
                err_clear();
                return NULL;
            }
        }
    } else if (INT_CHECK(w) &&
               (TUPLE_CHECK(v) || TYPE(v) == &frozenset_type || STR_CHECK(v) || BYTES_CHECK(v))) {
        return safe_multiply(w, v);
    }
    return num_multiply(v, w);
}

static Object *
safe_power(Object *v, Object *w)
{
    if (INT_CHECK(v) && INT_CHECK(w) && int_sign(v) && int_sign(w) > 0) {
        size_t vbits = int_bit_length(v);
        int overflow = 0;
        long wbits = int_as_long_and_overflow(w, &overflow);
        if (overflow || wbits < 0 || (size_t)wbits > MAX_INT_SIZE / (vbits ? vbits : 1))
            return NULL;
        if (vbits > MAX_INT_SIZE / (size_t)wbits)
            return NULL;
    }
    return num_power(v, w, None);
}

static Object *
safe_lshift(Object *v, Object *w)
{
    if (INT_CHECK(v) && INT_CHECK(w) && int_sign(v) && int_sign(w)) {
        size_t vbits = int_bit_length(v);
        int overflow = 0;
        long wbits = int_as_long_and_overflow(w, &overflow);
        if (overflow || wbits < 0 || (size_t)wbits > MAX_INT_SIZE ||
            vbits > MAX_INT_SIZE - (size_t)wbits)
            return NULL;
    }
    return num_binary_op(v, w, NB_LSHIFT);
}

static Object *
safe_mod(Object *v, Object *w)
{
    if (STR_CHECK(v) || BYTES_CHECK(v))
        return NULL;
    return num_binary_op(v, w, NB_REMAINDER);
}

/* ---- 'fmt' % (a, b) with only %s/%r/%a becomes f'...{a!s}...{b!r}' (ast_opt.c's
** optimize_format): the result is then built by BUILD_STRING, a new string that is never
** the cached one-character string and never one of the arguments. */

#define FMT_MAXDIGITS 3

static int
has_starred(Seq *elts)
{
    for (int i = 0; i < SEQ_LEN(elts); i++)
        if (((Expr *)SEQ_GET(elts, i))->kind == EXPR_STARRED)
            return 1;
    return 0;
}

/* The literal text from *ppos up to the next lone '%' ('%%' becomes '%') as a Constant
** node, or NULL (no error) when there is none. */
static Expr *
fmt_parse_literal(Object *fmt, ssize_t *ppos, Arena *arena)
{
    ssize_t n = STR_LEN(fmt), pos = *ppos, start = pos;
    StrBuilder b;
    sb_init(&b);
    while (pos < n) {
        uint32_t ch = STR_GET(fmt, pos);
        if (ch != '%') {
            pos++;
        } else if (pos + 1 < n && STR_GET(fmt, pos + 1) == '%') {
            pos += 2;
        } else {
            break;
        }
        if (sb_putc(&b, ch) < 0) {
            sb_discard(&b);
            return NULL;
        }
    }
    *ppos = pos;
    if (pos == start) {
        sb_discard(&b);
        return NULL;
    }
    Object *s = sb_finish(&b);
    if (!s || arena_add_object(arena, s) < 0)
        return NULL;
    Expr *c = ast_expr(arena, EXPR_CONSTANT, -1, -1, -1, -1);
    if (c) {
        c->v.Constant.value = s;
        c->v.Constant.kind = NULL;
    }
    return c;
}

/* One conversion after '%': flags, width and precision of at most two digits each, and
** the conversion character.  0 when the unit is not simple enough. */
static int
fmt_simple_arg(Object *fmt, ssize_t *ppos, uint32_t *spec, int *ljust, int *width, int *prec)
{
    ssize_t pos = *ppos, len = STR_LEN(fmt);
    uint32_t ch;
#define NEXTC                                                                            \
    do {                                                                                 \
        if (pos >= len)                                                                  \
            return 0;                                                                    \
        ch = STR_GET(fmt, pos);                                                          \
        pos++;                                                                           \
    } while (0)
    *ljust = 0;
    for (;;) {
        NEXTC;
        if (ch == '-')
            *ljust = 1;
        else if (ch != '+' && ch != ' ' && ch != '#' && ch != '0')
            break;
    }
    if (ch >= '0' && ch <= '9') {
        *width = 0;
        int digits = 0;
        while (ch >= '0' && ch <= '9') {
            *width = *width * 10 + (int)(ch - '0');
            NEXTC;
            if (++digits >= FMT_MAXDIGITS)
                return 0;
        }
    }
    if (ch == '.') {
        NEXTC;
        *prec = 0;
        int digits = 0;
        while (ch >= '0' && ch <= '9') {
            *prec = *prec * 10 + (int)(ch - '0');
            NEXTC;
            if (++digits >= FMT_MAXDIGITS)
                return 0;
        }
    }
#undef NEXTC
    *spec = ch;
    *ppos = pos;
    return 1;
}

/* 1 = done (converted or left alone), 0 = error. */
static int
optimize_format(Arena *arena, Expr *e, Object *fmt, Seq *elts)
{
    int nelts = SEQ_LEN(elts);
    Seq *seq = seq_new(arena, nelts * 2 + 1);
    if (!seq)
        return 0;
    int size = 0, cnt = 0;
    ssize_t pos = 0;
    for (;;) {
        Expr *lit = fmt_parse_literal(fmt, &pos, arena);
        if (lit)
            seq->items[size++] = lit;
        else if (err_occurred())
            return 0;
        if (pos >= STR_LEN(fmt))
            break;
        if (cnt >= nelts)
            return 1;               /* more format units than items */
        pos++;                      /* the '%' */
        uint32_t spec;
        int ljust, width = -1, prec = -1;
        if (!fmt_simple_arg(fmt, &pos, &spec, &ljust, &width, &prec) ||
            (spec != 's' && spec != 'r' && spec != 'a'))
            return 1;               /* unsupported format */
        Expr *arg = SEQ_GET(elts, cnt++);
        Expr *fspec = NULL;
        char buf[1 + FMT_MAXDIGITS + 1 + FMT_MAXDIGITS + 1], *p = buf;
        if (!ljust && width > 0)
            *p++ = '>';
        if (width >= 0)
            p += snprintf(p, FMT_MAXDIGITS + 1, "%d", width);
        if (prec >= 0)
            p += snprintf(p, FMT_MAXDIGITS + 2, ".%d", prec);
        if (p != buf) {
            Object *s = str_from_ascii(buf, p - buf);
            if (!s || arena_add_object(arena, s) < 0)
                return 0;
            fspec = ast_expr(arena, EXPR_CONSTANT, -1, -1, -1, -1);
            if (!fspec)
                return 0;
            fspec->v.Constant.value = s;
            fspec->v.Constant.kind = NULL;
        }
        Expr *fv = ast_expr(arena, EXPR_FORMATTEDVALUE, arg->lineno, arg->col_offset,
                            arg->end_lineno, arg->end_col_offset);
        if (!fv)
            return 0;
        fv->v.FormattedValue.value = arg;
        fv->v.FormattedValue.conversion = (int)spec;
        fv->v.FormattedValue.format_spec = fspec;
        seq->items[size++] = fv;
    }
    if (cnt < nelts)
        return 1;                   /* more items than format units */
    seq->n = size;
    e->kind = EXPR_JOINEDSTR;
    e->v.JoinedStr.values = seq;
    return 1;
}

static int
fold_binop(Arena *arena, Expr *e)
{
    Expr *l = e->v.BinOp.left, *r = e->v.BinOp.right;
    if (!is_const(l))
        return 1;
    if (e->v.BinOp.op == OP_MOD && r->kind == EXPR_TUPLE && STR_CHECK(const_value(l)) &&
        !has_starred(r->v.Tuple.elts))
        return optimize_format(arena, e, const_value(l), r->v.Tuple.elts);
    if (!is_const(r))
        return 1;
    Object *lv = const_value(l), *rv = const_value(r), *newval = NULL;
    switch (e->v.BinOp.op) {
    case OP_ADD: newval = num_add(lv, rv); break;
    case OP_SUB: newval = num_subtract(lv, rv); break;
    case OP_MULT: newval = safe_multiply(lv, rv); break;
    case OP_DIV: newval = num_binary_op(lv, rv, NB_TRUE_DIVIDE); break;
    case OP_FLOORDIV: newval = num_binary_op(lv, rv, NB_FLOOR_DIVIDE); break;
    case OP_MOD: newval = safe_mod(lv, rv); break;
    case OP_POW: newval = safe_power(lv, rv); break;
    case OP_LSHIFT: newval = safe_lshift(lv, rv); break;
    case OP_RSHIFT: newval = num_binary_op(lv, rv, NB_RSHIFT); break;
    case OP_BITOR: newval = num_binary_op(lv, rv, NB_OR); break;
    case OP_BITXOR: newval = num_binary_op(lv, rv, NB_XOR); break;
    case OP_BITAND: newval = num_binary_op(lv, rv, NB_AND); break;
    case OP_MATMULT: return 1;
    }
    /* as 3.11: only *, ** and << are size-limited; 'x' * 4000 + 'y' * 97 folds */
    return make_const(arena, e, newval);
}

static int
fold_unaryop(Arena *arena, Expr *e)
{
    Expr *arg = e->v.UnaryOp.operand;
    if (!is_const(arg)) {
        /* not (a is b) -> a is not b, and likewise for in; the other comparisons can't be
        ** inverted safely (3.11's fold_unaryop) */
        if (e->v.UnaryOp.op == UOP_NOT && arg->kind == EXPR_COMPARE &&
            SEQ_LEN(arg->v.Compare.comparators) == 1) {
            int *op = &arg->v.Compare.ops[0];
            int inv = *op == CMP_OP_IS ? CMP_OP_ISNOT : *op == CMP_OP_ISNOT ? CMP_OP_IS
                    : *op == CMP_OP_IN ? CMP_OP_NOTIN : *op == CMP_OP_NOTIN ? CMP_OP_IN : 0;
            if (inv) {
                *op = inv;
                *e = *arg;
            }
        }
        return 1;
    }
    Object *v = const_value(arg), *newval = NULL;
    switch (e->v.UnaryOp.op) {
    case UOP_INVERT:
        /* ~True is deprecated in 3.12; 3.11 folds it */
        newval = num_invert(v);
        break;
    case UOP_NOT: {
        int t = obj_not(v);
        newval = t < 0 ? NULL : bool_from(t);
        break;
    }
    case UOP_UADD: newval = num_positive(v); break;
    case UOP_USUB: newval = num_negative(v); break;
    }
    return make_const(arena, e, newval);
}

/* A tuple of constants becomes a constant tuple. */
static Object *
make_const_tuple(Seq *elts)
{
    for (int i = 0; i < SEQ_LEN(elts); i++)
        if (!is_const(SEQ_GET(elts, i)))
            return NULL;
    Object *t = tuple_new(SEQ_LEN(elts));
    if (!t)
        return NULL;
    for (int i = 0; i < SEQ_LEN(elts); i++)
        TUPLE_SET(t, i, newref(const_value(SEQ_GET(elts, i))));
    return t;
}

static int
fold_tuple(Arena *arena, Expr *e)
{
    if (e->v.Tuple.ctx != CTX_LOAD)
        return 1;
    Object *t = make_const_tuple(e->v.Tuple.elts);
    if (!t)
        return !err_occurred() || (err_clear(), 1);
    return make_const(arena, e, t);
}

static int
fold_subscr(Arena *arena, Expr *e)
{
    Expr *arg = e->v.Subscript.value, *idx = e->v.Subscript.slice;
    if (e->v.Subscript.ctx != CTX_LOAD || !is_const(arg) || !is_const(idx))
        return 1;
    return make_const(arena, e, obj_getitem(const_value(arg), const_value(idx)));
}

/* `x in [a, b]` / `for x in [a, b]`: the list becomes a tuple, a set a frozenset. */
static int
fold_iter(Arena *arena, Expr *arg)
{
    Object *newval;
    if (arg->kind == EXPR_LIST) {
        if (has_starred(arg->v.List.elts))
            return 1;
        Object *t = make_const_tuple(arg->v.List.elts);
        if (!t) {
            if (err_occurred())
                err_clear();
            /* turn a non-constant list into a tuple display */
            arg->kind = EXPR_TUPLE;
            Seq *elts = arg->v.List.elts;
            arg->v.Tuple.elts = elts;
            arg->v.Tuple.ctx = CTX_LOAD;
            return 1;
        }
        newval = t;
    } else if (arg->kind == EXPR_SET) {
        Object *t = make_const_tuple(arg->v.Set.elts);
        if (!t) {
            if (err_occurred())
                err_clear();
            return 1;
        }
        newval = frozenset_new(t);
        decref(t);
    } else {
        return 1;
    }
    return make_const(arena, arg, newval);
}

static int
fold_compare(Arena *arena, Expr *e)
{
    int n = SEQ_LEN(e->v.Compare.comparators);
    int op = e->v.Compare.ops[n - 1];
    if (op == CMP_OP_IN || op == CMP_OP_NOTIN)
        return fold_iter(arena, SEQ_GET(e->v.Compare.comparators, n - 1));
    return 1;
}

static int fold_expr(Arena *arena, Expr *e, int depth);
static int fold_stmt(Arena *arena, Stmt *s, int depth);

static int
fold_seq_expr(Arena *arena, Seq *s, int depth)
{
    for (int i = 0; i < SEQ_LEN(s); i++) {
        Expr *e = SEQ_GET(s, i);
        if (e && !fold_expr(arena, e, depth))
            return 0;
    }
    return 1;
}

static int
fold_seq_stmt(Arena *arena, Seq *s, int depth)
{
    for (int i = 0; i < SEQ_LEN(s); i++)
        if (!fold_stmt(arena, SEQ_GET(s, i), depth))
            return 0;
    return 1;
}

static int
fold_arguments(Arena *arena, Arguments *a, int depth)
{
    return fold_seq_expr(arena, a->defaults, depth) && fold_seq_expr(arena, a->kw_defaults, depth);
}

static int
fold_comprehensions(Arena *arena, Seq *gens, int depth)
{
    for (int i = 0; i < SEQ_LEN(gens); i++) {
        Comprehension *c = SEQ_GET(gens, i);
        if (!fold_expr(arena, c->target, depth) || !fold_expr(arena, c->iter, depth) ||
            !fold_seq_expr(arena, c->ifs, depth) || !fold_iter(arena, c->iter))
            return 0;
    }
    return 1;
}

static int
fold_expr(Arena *arena, Expr *e, int depth)
{
    if (depth > 1000 || rt_check_c_stack() < 0) {
        if (!err_occurred())
            err_set(exc_RecursionError, "maximum recursion depth exceeded during compilation");
        return 0;
    }
    depth++;
    switch (e->kind) {
    case EXPR_BOOLOP:
        return fold_seq_expr(arena, e->v.BoolOp.values, depth);
    case EXPR_BINOP:
        return fold_expr(arena, e->v.BinOp.left, depth) &&
               fold_expr(arena, e->v.BinOp.right, depth) && fold_binop(arena, e);
    case EXPR_UNARYOP:
        return fold_expr(arena, e->v.UnaryOp.operand, depth) && fold_unaryop(arena, e);
    case EXPR_LAMBDA:
        return fold_arguments(arena, e->v.Lambda.args, depth) &&
               fold_expr(arena, e->v.Lambda.body, depth);
    case EXPR_IFEXP:
        return fold_expr(arena, e->v.IfExp.test, depth) && fold_expr(arena, e->v.IfExp.body, depth) &&
               fold_expr(arena, e->v.IfExp.orelse, depth);
    case EXPR_DICT:
        return fold_seq_expr(arena, e->v.Dict.keys, depth) &&
               fold_seq_expr(arena, e->v.Dict.values, depth);
    case EXPR_SET:
        return fold_seq_expr(arena, e->v.Set.elts, depth);
    case EXPR_LISTCOMP:
        return fold_expr(arena, e->v.ListComp.elt, depth) &&
               fold_comprehensions(arena, e->v.ListComp.generators, depth);
    case EXPR_SETCOMP:
        return fold_expr(arena, e->v.SetComp.elt, depth) &&
               fold_comprehensions(arena, e->v.SetComp.generators, depth);
    case EXPR_DICTCOMP:
        return fold_expr(arena, e->v.DictComp.key, depth) &&
               fold_expr(arena, e->v.DictComp.value, depth) &&
               fold_comprehensions(arena, e->v.DictComp.generators, depth);
    case EXPR_GENERATOREXP:
        return fold_expr(arena, e->v.GeneratorExp.elt, depth) &&
               fold_comprehensions(arena, e->v.GeneratorExp.generators, depth);
    case EXPR_AWAIT:
        return fold_expr(arena, e->v.Await.value, depth);
    case EXPR_YIELD:
        return !e->v.Yield.value || fold_expr(arena, e->v.Yield.value, depth);
    case EXPR_YIELDFROM:
        return fold_expr(arena, e->v.YieldFrom.value, depth);
    case EXPR_COMPARE:
        return fold_expr(arena, e->v.Compare.left, depth) &&
               fold_seq_expr(arena, e->v.Compare.comparators, depth) && fold_compare(arena, e);
    case EXPR_CALL:
        if (!fold_expr(arena, e->v.Call.func, depth) || !fold_seq_expr(arena, e->v.Call.args, depth))
            return 0;
        for (int i = 0; i < SEQ_LEN(e->v.Call.keywords); i++) {
            Keyword *k = SEQ_GET(e->v.Call.keywords, i);
            if (!fold_expr(arena, k->value, depth))
                return 0;
        }
        return 1;
    case EXPR_FORMATTEDVALUE:
        return fold_expr(arena, e->v.FormattedValue.value, depth) &&
               (!e->v.FormattedValue.format_spec ||
                fold_expr(arena, e->v.FormattedValue.format_spec, depth));
    case EXPR_JOINEDSTR:
        return fold_seq_expr(arena, e->v.JoinedStr.values, depth);
    case EXPR_ATTRIBUTE:
        return fold_expr(arena, e->v.Attribute.value, depth);
    case EXPR_SUBSCRIPT:
        return fold_expr(arena, e->v.Subscript.value, depth) &&
               fold_expr(arena, e->v.Subscript.slice, depth) && fold_subscr(arena, e);
    case EXPR_STARRED:
        return fold_expr(arena, e->v.Starred.value, depth);
    case EXPR_SLICE:
        return (!e->v.Slice.lower || fold_expr(arena, e->v.Slice.lower, depth)) &&
               (!e->v.Slice.upper || fold_expr(arena, e->v.Slice.upper, depth)) &&
               (!e->v.Slice.step || fold_expr(arena, e->v.Slice.step, depth));
    case EXPR_LIST:
        return fold_seq_expr(arena, e->v.List.elts, depth);
    case EXPR_TUPLE:
        return fold_seq_expr(arena, e->v.Tuple.elts, depth) && fold_tuple(arena, e);
    case EXPR_NAME:
        if (e->v.Name.ctx == CTX_LOAD && str_eq_cstr(e->v.Name.id, "__debug__"))
            return make_const(arena, e, bool_from(1));
        return 1;
    case EXPR_NAMEDEXPR:
        return fold_expr(arena, e->v.NamedExpr.value, depth);
    case EXPR_CONSTANT:
        return 1;
    }
    return 1;
}

static int
fold_stmt(Arena *arena, Stmt *s, int depth)
{
    if (depth > 1000 || rt_check_c_stack() < 0) {
        if (!err_occurred())
            err_set(exc_RecursionError, "maximum recursion depth exceeded during compilation");
        return 0;
    }
    depth++;
    switch (s->kind) {
    case STMT_FUNCTIONDEF:
    case STMT_ASYNCFUNCTIONDEF:
        return fold_arguments(arena, s->v.FunctionDef.args, depth) &&
               fold_seq_stmt(arena, s->v.FunctionDef.body, depth) &&
               fold_seq_expr(arena, s->v.FunctionDef.decorator_list, depth);
    case STMT_CLASSDEF:
        if (!fold_seq_expr(arena, s->v.ClassDef.bases, depth))
            return 0;
        for (int i = 0; i < SEQ_LEN(s->v.ClassDef.keywords); i++) {
            Keyword *k = SEQ_GET(s->v.ClassDef.keywords, i);
            if (!fold_expr(arena, k->value, depth))
                return 0;
        }
        return fold_seq_stmt(arena, s->v.ClassDef.body, depth) &&
               fold_seq_expr(arena, s->v.ClassDef.decorator_list, depth);
    case STMT_RETURN:
        return !s->v.Return.value || fold_expr(arena, s->v.Return.value, depth);
    case STMT_DELETE:
        return fold_seq_expr(arena, s->v.Delete.targets, depth);
    case STMT_ASSIGN:
        return fold_seq_expr(arena, s->v.Assign.targets, depth) &&
               fold_expr(arena, s->v.Assign.value, depth);
    case STMT_AUGASSIGN:
        return fold_expr(arena, s->v.AugAssign.target, depth) &&
               fold_expr(arena, s->v.AugAssign.value, depth);
    case STMT_ANNASSIGN:
        return fold_expr(arena, s->v.AnnAssign.target, depth) &&
               fold_expr(arena, s->v.AnnAssign.annotation, depth) &&
               (!s->v.AnnAssign.value || fold_expr(arena, s->v.AnnAssign.value, depth));
    case STMT_FOR:
    case STMT_ASYNCFOR:
        return fold_expr(arena, s->v.For.target, depth) && fold_expr(arena, s->v.For.iter, depth) &&
               fold_seq_stmt(arena, s->v.For.body, depth) &&
               fold_seq_stmt(arena, s->v.For.orelse, depth) && fold_iter(arena, s->v.For.iter);
    case STMT_WHILE:
        return fold_expr(arena, s->v.While.test, depth) &&
               fold_seq_stmt(arena, s->v.While.body, depth) &&
               fold_seq_stmt(arena, s->v.While.orelse, depth);
    case STMT_IF:
        return fold_expr(arena, s->v.If.test, depth) && fold_seq_stmt(arena, s->v.If.body, depth) &&
               fold_seq_stmt(arena, s->v.If.orelse, depth);
    case STMT_WITH:
    case STMT_ASYNCWITH:
        for (int i = 0; i < SEQ_LEN(s->v.With.items); i++) {
            WithItem *w = SEQ_GET(s->v.With.items, i);
            if (!fold_expr(arena, w->context_expr, depth) ||
                (w->optional_vars && !fold_expr(arena, w->optional_vars, depth)))
                return 0;
        }
        return fold_seq_stmt(arena, s->v.With.body, depth);
    case STMT_RAISE:
        return (!s->v.Raise.exc || fold_expr(arena, s->v.Raise.exc, depth)) &&
               (!s->v.Raise.cause || fold_expr(arena, s->v.Raise.cause, depth));
    case STMT_TRY:
        if (!fold_seq_stmt(arena, s->v.Try.body, depth))
            return 0;
        for (int i = 0; i < SEQ_LEN(s->v.Try.handlers); i++) {
            ExceptHandler *h = SEQ_GET(s->v.Try.handlers, i);
            if ((h->type && !fold_expr(arena, h->type, depth)) ||
                !fold_seq_stmt(arena, h->body, depth))
                return 0;
        }
        return fold_seq_stmt(arena, s->v.Try.orelse, depth) &&
               fold_seq_stmt(arena, s->v.Try.finalbody, depth);
    case STMT_ASSERT:
        return fold_expr(arena, s->v.Assert.test, depth) &&
               (!s->v.Assert.msg || fold_expr(arena, s->v.Assert.msg, depth));
    case STMT_EXPR:
        return fold_expr(arena, s->v.Expr.value, depth);
    default:
        return 1;
    }
}

/* ================================================================ constants */

/* Return the canonical object for o in this compilation unit (new reference), merging
** the items of tuples recursively (CPython's merge_consts_recursive). */
static Object *
merge_const(Compiler *c, Object *o)
{
    Object *key = const_key(o);
    if (!key)
        return NULL;
    Object *v = dict_setdefault(c->const_cache, key, o);
    decref(key);
    if (!v)
        return NULL;
    if (v != o)
        return newref(v);
    if (TUPLE_CHECK_EXACT(o)) {
        for (ssize_t i = 0; i < TUPLE_LEN(o); i++) {
            Object *item = TUPLE_GET(o, i);
            Object *m = merge_const(c, item);
            if (!m)
                return NULL;
            if (m != item) {
                TUPLE_SET(o, i, m);
                decref(item);
            } else {
                decref(m);
            }
        }
    } else if (TYPE(o) == &frozenset_type) {
        /* As CPython: the set is rebuilt from its own iteration order with merged items
        ** (which shows in the order a set display iterates in). */
        Object *items = tuple_new(set_size(o));
        if (!items)
            return NULL;
        ssize_t pos = 0, i = 0;
        Object *item;
        hash_t h;
        while (set_next(o, &pos, &item, &h)) {
            Object *m = merge_const(c, item);
            if (!m) {
                decref(items);
                return NULL;
            }
            TUPLE_SET(items, i++, m);
        }
        Object *fresh = frozenset_new(items);
        decref(items);
        if (!fresh)
            return NULL;
        key = const_key(o);
        int r = key ? dict_setitem(c->const_cache, key, fresh) : -1;
        xdecref(key);
        if (r < 0) {
            decref(fresh);
            return NULL;
        }
        return fresh;
    }
    return newref(o);
}

/* ================================================================ code units */

static void
unit_free(Compiler *c, CodeUnit *u)
{
    if (!u)
        return;
    fmc_unit_free(c, u);
    heap_free(u->instrs);
    heap_free(u->labels);
    heap_free(u->handlers);
    xdecref(u->name);
    xdecref(u->qualname);
    xdecref(u->consts);
    xdecref(u->consts_map);
    xdecref(u->names);
    xdecref(u->names_map);
    xdecref(u->varnames);
    xdecref(u->varnames_map);
    xdecref(u->cellvars);
    xdecref(u->cellvars_map);
    xdecref(u->freevars);
    xdecref(u->freevars_map);
    xdecref(u->private_name);
    heap_free(u);
}

static int
list_index_add(Object *list, Object *map, Object *name)
{
    Object *v = dict_getitem(map, name);
    if (v)
        return (int)int_as_long(v);
    ssize_t n = LIST_LEN(list);
    Object *iv = int_from_ssize(n);
    if (!iv || list_append(list, name) < 0 || dict_setitem(map, name, iv) < 0) {
        xdecref(iv);
        return -1;
    }
    decref(iv);
    return (int)n;
}

/* names with the given scope, sorted (CPython's dictbytype) */
static int
names_by_scope(SymEntry *ste, int scope, int flag, Object *list, Object *map)
{
    Object *keys = dict_keys_list(ste->symbols);
    if (!keys)
        return -1;
    if (list_sort(keys, NULL, 0) < 0) {
        decref(keys);
        return -1;
    }
    for (ssize_t i = 0; i < LIST_LEN(keys); i++) {
        Object *k = LIST_GET(keys, i);
        int fl = (int)int_as_long(dict_getitem(ste->symbols, k));
        int sc = (fl >> SCOPE_OFFSET) & 7;
        if (sc == scope || (flag && (fl & flag))) {
            if (list_index_add(list, map, k) < 0) {
                decref(keys);
                return -1;
            }
        }
    }
    decref(keys);
    return 0;
}

static int
compiler_enter_scope(Compiler *c, Object *name, int kind, void *key, int lineno)
{
    CodeUnit *u = heap_calloc(1, sizeof(CodeUnit));
    if (!u) {
        err_no_memory();
        return 0;
    }
    u->kind = kind;
    u->ste = symtable_lookup(c->st, key);
    if (!u->ste) {
        heap_free(u);
        err_set(exc_SystemError, "compiler: no symbol table entry");
        return 0;
    }
    u->name = newref(name);
    u->consts = list_new(0);
    u->consts_map = dict_new();
    u->names = list_new(0);
    u->names_map = dict_new();
    u->varnames = list_new(0);
    u->varnames_map = dict_new();
    u->cellvars = list_new(0);
    u->cellvars_map = dict_new();
    u->freevars = list_new(0);
    u->freevars_map = dict_new();
    u->firstlineno = lineno;
    u->loc = (Loc){lineno, lineno, -1, -1};
    u->parent = c->u;
    if (!u->consts || !u->consts_map || !u->names || !u->names_map || !u->varnames ||
        !u->varnames_map || !u->cellvars || !u->cellvars_map || !u->freevars ||
        !u->freevars_map)
        goto fail;
    for (ssize_t i = 0; i < LIST_LEN(u->ste->varnames); i++)
        if (list_index_add(u->varnames, u->varnames_map, LIST_GET(u->ste->varnames, i)) < 0)
            goto fail;
    if (names_by_scope(u->ste, SC_CELL, 0, u->cellvars, u->cellvars_map) < 0)
        goto fail;
    if (u->ste->needs_class_closure &&
        list_index_add(u->cellvars, u->cellvars_map, ID(__class__)) < 0)
        goto fail;
    if (names_by_scope(u->ste, SC_FREE, DEF_FREE_CLASS, u->freevars, u->freevars_map) < 0)
        goto fail;
    u->private_name = c->u ? xnewref(c->u->private_name) : NULL;
    c->u = u;
    c->nestlevel++;
    fmc_unit_enter(c, u);
    return 1;
fail:
    unit_free(c, u);
    return 0;
}

static void
compiler_exit_scope(Compiler *c)
{
    CodeUnit *u = c->u;
    c->u = u->parent;
    c->nestlevel--;
    unit_free(c, u);
}

/* qualname of a new function/class unit (CPython's compiler_set_qualname) */
static int
compiler_set_qualname(Compiler *c)
{
    CodeUnit *u = c->u, *parent = u->parent;
    Object *base = NULL;
    if (parent && parent->kind != UNIT_MODULE) {
        int force_global = 0;
        if (u->kind == UNIT_FUNCTION || u->kind == UNIT_CLASS) {
            Object *mangled = sym_mangle(parent->private_name, u->name);
            if (!mangled)
                return 0;
            int scope = sym_scope(parent->ste, mangled);
            decref(mangled);
            if (scope == SC_GLOBAL_EXPLICIT)
                force_global = 1;
        }
        /* a comprehension's names are not its locals: '<listcomp>.<lambda>' */
        if (!force_global) {
            int d = heap_side_suspend();    /* the strings are CPython's, in the pools */
            if (parent->kind == UNIT_FUNCTION || parent->kind == UNIT_LAMBDA) {
                Object *loc = str_from_ascii(".<locals>", 9);
                base = loc ? str_concat(parent->qualname, loc) : NULL;
                xdecref(loc);
            } else {
                base = newref(parent->qualname);
            }
            heap_side_resume(d);
            if (!base)
                return 0;
        }
    }
    if (base) {
        int d = heap_side_suspend();
        Object *dot = str_from_char('.');
        Object *name = dot ? str_concat(base, dot) : NULL;
        xdecref(dot);
        decref(base);
        if (name && str_append_inplace(&name, u->name) < 0)
            CLEAR(name);
        heap_side_resume(d);
        u->qualname = name;
    } else {
        u->qualname = newref(u->name);
    }
    return u->qualname != NULL;
}

/* ================================================================ emission */

static int
new_label(Compiler *c)
{
    CodeUnit *u = c->u;
    if (u->nlabels == u->caplabels) {
        int n = u->caplabels ? u->caplabels * 2 : 32;
        int *l = heap_realloc(u->labels, sizeof(int) * (size_t)n);
        if (!l) {
            err_no_memory();
            return -1;
        }
        u->labels = l;
        u->caplabels = n;
    }
    u->labels[u->nlabels] = -1;
    return u->nlabels++;
}

static void
use_label(Compiler *c, int label)
{
    c->u->labels[label] = c->u->ninstr;
}

static int
emit_full(Compiler *c, int op, int arg, int target, Loc loc)
{
    CodeUnit *u = c->u;
    if (arg > MAX_OPARG || arg < 0) {
        err_set(exc_SystemError, "compiler: instruction argument out of range");
        return 0;
    }
    if (u->ninstr == u->capinstr) {
        int n = u->capinstr ? u->capinstr * 2 : 64;
        Instr *ni = heap_realloc(u->instrs, sizeof(Instr) * (size_t)n);
        if (!ni) {
            err_no_memory();
            return 0;
        }
        u->instrs = ni;
        u->capinstr = n;
    }
    Instr *in = &u->instrs[u->ninstr++];
    in->op = op;
    in->arg = arg;
    in->target = target;
    in->loc = loc;
    in->handler = u->hdepth ? u->hstack[u->hdepth - 1] : -1;
    in->noline = 0;
    return 1;
}

#define EMIT(op, arg) emit_full(c, (op), (arg), -1, c->u->loc)
#define EMIT_NOLOC(op, arg) emit_full(c, (op), (arg), -1, NO_LOC)
#define EMIT_JUMP(op, label) emit_full(c, (op), 0, (label), c->u->loc)
#define EMIT_JUMP_NOLOC(op, label) emit_full(c, (op), 0, (label), NO_LOC)
#define CHECK(x)                                                                         \
    do {                                                                                 \
        if (!(x))                                                                        \
            return 0;                                                                    \
    } while (0)
#define NEW_LABEL(var)                                                                   \
    int var = new_label(c);                                                              \
    if (var < 0)                                                                         \
        return 0;

/* Push a handler: emit the SETUP pseudo instruction (for the depth analysis) and make
** it the handler of what follows. */
static int
push_handler(Compiler *c, int op, int label)
{
    CodeUnit *u = c->u;
    if (u->hdepth >= 64) {
        err_set(exc_SyntaxError, "too many statically nested blocks");
        return 0;
    }
    if (u->nhandlers == u->caphandlers) {
        int n = u->caphandlers ? u->caphandlers * 2 : 8;
        Handler *h = heap_realloc(u->handlers, sizeof(Handler) * (size_t)n);
        if (!h) {
            err_no_memory();
            return 0;
        }
        u->handlers = h;
        u->caphandlers = n;
    }
    int idx = u->nhandlers++;
    u->handlers[idx].label = label;
    u->handlers[idx].lasti = op != OP_SETUP_FINALLY;
    u->handlers[idx].depth = -1;
    CHECK(emit_full(c, op, idx, label, c->u->loc));
    u->hstack[u->hdepth++] = idx;
    return 1;
}

static void
pop_handler(Compiler *c)
{
    c->u->hdepth--;
}

static int
add_const(Compiler *c, Object *o)
{
    fm_add_const(c, o);
    Object *m = merge_const(c, o);
    if (!m)
        return -1;
    /* index by identity of the canonical object */
    Object *key = int_from_size((size_t)(uintptr_t)m);
    if (!key) {
        decref(m);
        return -1;
    }
    Object *v = dict_getitem(c->u->consts_map, key);
    int idx;
    if (v) {
        idx = (int)int_as_long(v);
    } else {
        idx = (int)LIST_LEN(c->u->consts);
        Object *iv = int_from_long(idx);
        if (!iv || list_append(c->u->consts, m) < 0 ||
            dict_setitem(c->u->consts_map, key, iv) < 0) {
            xdecref(iv);
            decref(key);
            decref(m);
            return -1;
        }
        decref(iv);
    }
    decref(key);
    decref(m);
    return idx;
}

static int
load_const(Compiler *c, Object *o)
{
    int i = add_const(c, o);
    return i >= 0 && EMIT(OP_LOAD_CONST, i);
}

/* Release a constant made in the pools (pools_tuple): a duplicate the constant cache
** replaced dies there, onto the pools' free lists, as CPython's does. */
static void
pools_decref(Object *o)
{
    int d = heap_side_suspend();
    decref(o);
    heap_side_resume(d);
}

static int
load_const_new(Compiler *c, Object *o)
{
    if (!o)
        return 0;
    int r = load_const(c, o);
    pools_decref(o);
    return r;
}

static int
add_name(Compiler *c, Object *name)
{
    Object *mangled = sym_mangle(c->u->private_name, name);
    if (!mangled)
        return -1;
    fmo_add_o(c->u->fm_dicts[FMU_NAMES], mangled);
    int r = list_index_add(c->u->names, c->u->names_map, mangled);
    decref(mangled);
    return r;
}

static int
add_name_raw(Compiler *c, Object *name)
{
    fmo_add_o(c->u->fm_dicts[FMU_NAMES], name);
    return list_index_add(c->u->names, c->u->names_map, name);
}

/* ================================================================ names */

static int
compiler_nameop(Compiler *c, Object *name, ExprContext ctx)
{
    Object *mangled = sym_mangle(c->u->private_name, name);
    if (!mangled)
        return 0;
    SymEntry *ste = c->u->ste;
    int scope = sym_scope(ste, mangled);
    enum { OPT_NAME, OPT_FAST, OPT_DEREF, OPT_GLOBAL } optype = OPT_NAME;
    int arg = 0, op = 0;
    switch (scope) {
    case SC_FREE: {
        Object *v = dict_getitem(c->u->freevars_map, mangled);
        arg = (int)LIST_LEN(c->u->cellvars) + (v ? (int)int_as_long(v) : 0);
        optype = OPT_DEREF;
        break;
    }
    case SC_CELL: {
        Object *v = dict_getitem(c->u->cellvars_map, mangled);
        arg = v ? (int)int_as_long(v) : 0;
        optype = OPT_DEREF;
        break;
    }
    case SC_LOCAL:
        if (ste->type == BLOCK_FUNCTION)
            optype = OPT_FAST;
        break;
    case SC_GLOBAL_IMPLICIT:
        if (ste->type == BLOCK_FUNCTION)
            optype = OPT_GLOBAL;
        break;
    case SC_GLOBAL_EXPLICIT:
        optype = OPT_GLOBAL;
        break;
    default:
        break;
    }
    /* __class__ in a class body whose methods need it is a cell too */
    if (scope == 0 && dict_getitem(c->u->cellvars_map, mangled)) {
        arg = (int)int_as_long(dict_getitem(c->u->cellvars_map, mangled));
        optype = OPT_DEREF;
    }
    int ok;
    switch (optype) {
    case OPT_DEREF:
        op = ctx == CTX_LOAD ? (ste->type == BLOCK_CLASS ? OP_LOAD_CLASSDEREF : OP_LOAD_DEREF)
             : ctx == CTX_STORE ? OP_STORE_DEREF
                                : OP_DELETE_DEREF;
        ok = EMIT(op, arg);
        break;
    case OPT_FAST: {
        int i = list_index_add(c->u->varnames, c->u->varnames_map, mangled);
        op = ctx == CTX_LOAD ? OP_LOAD_FAST : ctx == CTX_STORE ? OP_STORE_FAST : OP_DELETE_FAST;
        ok = i >= 0 && EMIT(op, i);
        break;
    }
    case OPT_GLOBAL: {
        int i = add_name_raw(c, mangled);
        if (ctx == CTX_LOAD)
            ok = i >= 0 && EMIT(OP_LOAD_GLOBAL, i << 1);
        else
            ok = i >= 0 && EMIT(ctx == CTX_STORE ? OP_STORE_GLOBAL : OP_DELETE_GLOBAL, i);
        break;
    }
    default: {
        int i = add_name_raw(c, mangled);
        op = ctx == CTX_LOAD ? OP_LOAD_NAME : ctx == CTX_STORE ? OP_STORE_NAME : OP_DELETE_NAME;
        ok = i >= 0 && EMIT(op, i);
        break;
    }
    }
    decref(mangled);
    return ok;
}

/* Load a name with a NULL pushed first (call layout), merging into LOAD_GLOBAL. */
static int
compiler_load_callable_name(Compiler *c, Object *name)
{
    CHECK(EMIT(OP_PUSH_NULL, 0));
    if (!compiler_nameop(c, name, CTX_LOAD))
        return 0;
    /* PUSH_NULL + LOAD_GLOBAL -> LOAD_GLOBAL with the null bit */
    CodeUnit *u = c->u;
    Instr *last = &u->instrs[u->ninstr - 1];
    if (last->op == OP_LOAD_GLOBAL && u->ninstr >= 2 && u->instrs[u->ninstr - 2].op == OP_PUSH_NULL) {
        u->instrs[u->ninstr - 2] = *last;
        u->instrs[u->ninstr - 2].arg |= 1;
        u->ninstr--;
    }
    return 1;
}

/* ================================================================ fblocks */

static int
push_fblock(Compiler *c, FBlockType t, int block, int exit, void *datum)
{
    CodeUnit *u = c->u;
    if (u->nfblocks >= MAX_FBLOCKS)
        return compiler_error(c, u->loc, "too many statically nested blocks");
    FBlock *f = &u->fblocks[u->nfblocks++];
    f->type = t;
    f->block_label = block;
    f->exit_label = exit;
    f->datum = datum;
    return 1;
}

static void
pop_fblock(Compiler *c)
{
    c->u->nfblocks--;
}

static int compile_stmts(Compiler *c, Seq *stmts);
static int compile_expr(Compiler *c, Expr *e);
static int compile_call_exit_with_nones(Compiler *c);

static int
unwind_fblock(Compiler *c, FBlock *info, int preserve_tos)
{
    switch (info->type) {
    case FB_WHILE_LOOP:
    case FB_EXCEPTION_HANDLER:
        return 1;
    case FB_FOR_LOOP:
        if (preserve_tos)
            CHECK(EMIT(OP_SWAP, 2));
        return EMIT(OP_POP_TOP, 0);
    case FB_TRY_EXCEPT:
        pop_handler(c);
        return 1;
    case FB_FINALLY_TRY: {
        pop_handler(c);
        if (preserve_tos)
            CHECK(push_fblock(c, FB_POP_VALUE, -1, -1, NULL));
        CHECK(compile_stmts(c, (Seq *)info->datum));
        /* CPython: the finally body should appear to run after the statement that
        ** unwinds, so what follows has no location of its own (UNSET_LOC) */
        c->u->loc = NO_LOC;
        if (preserve_tos)
            pop_fblock(c);
        return 1;
    }
    case FB_FINALLY_END:
        if (preserve_tos)
            CHECK(EMIT(OP_SWAP, 2));
        CHECK(EMIT(OP_POP_TOP, 0));
        if (preserve_tos)
            CHECK(EMIT(OP_SWAP, 2));
        pop_handler(c);
        return EMIT(OP_POP_EXCEPT, 0);
    case FB_WITH:
        /* __exit__ is called at the with statement's location; what follows has none */
        c->u->loc = LOC_OF((Stmt *)info->datum);
        pop_handler(c);
        if (preserve_tos)
            CHECK(EMIT(OP_SWAP, 2));
        CHECK(compile_call_exit_with_nones(c));
        CHECK(EMIT(OP_POP_TOP, 0));
        c->u->loc = NO_LOC;
        return 1;
    case FB_HANDLER_CLEANUP:
        if (info->datum)
            pop_handler(c);
        if (preserve_tos)
            CHECK(EMIT(OP_SWAP, 2));
        pop_handler(c);
        CHECK(EMIT(OP_POP_EXCEPT, 0));
        if (info->datum) {
            CHECK(load_const(c, None));
            CHECK(compiler_nameop(c, info->datum, CTX_STORE));
            CHECK(compiler_nameop(c, info->datum, CTX_DEL));
        }
        return 1;
    case FB_POP_VALUE:
        if (preserve_tos)
            CHECK(EMIT(OP_SWAP, 2));
        return EMIT(OP_POP_TOP, 0);
    }
    return 1;
}

static int
unwind_fblock_stack(Compiler *c, int preserve_tos, FBlock **loop)
{
    CodeUnit *u = c->u;
    if (u->nfblocks == 0)
        return 1;
    FBlock *top = &u->fblocks[u->nfblocks - 1];
    if (loop && (top->type == FB_WHILE_LOOP || top->type == FB_FOR_LOOP)) {
        *loop = top;
        return 1;
    }
    FBlock copy = *top;
    u->nfblocks--;
    if (!unwind_fblock(c, &copy, preserve_tos))
        return 0;
    if (!unwind_fblock_stack(c, preserve_tos, loop))
        return 0;
    u->fblocks[u->nfblocks] = copy;
    u->nfblocks++;
    return 1;
}

/* Run unwind_fblock_stack, then restore the compile-time handler stack for the code
** that follows (it is still inside the blocks). */
static int
unwind_and_restore(Compiler *c, int preserve_tos, FBlock **loop)
{
    CodeUnit *u = c->u;
    int saved_depth = u->hdepth;
    int saved[64];
    memcpy(saved, u->hstack, sizeof(int) * (size_t)saved_depth);
    int ok = unwind_fblock_stack(c, preserve_tos, loop);
    memcpy(u->hstack, saved, sizeof(int) * (size_t)saved_depth);
    u->hdepth = saved_depth;
    return ok;
}

/* ================================================================ expressions */

#define STACK_USE_GUIDELINE 30

static int
are_all_items_const(Seq *s, int begin, int end)
{
    for (int i = begin; i < end; i++) {
        Expr *e = SEQ_GET(s, i);
        if (!e || e->kind != EXPR_CONSTANT)
            return 0;
    }
    return 1;
}

static int compile_jump_if(Compiler *c, Expr *e, int label, int cond);
static int compile_function_like(Compiler *c, void *key, Object *name, Arguments *args,
                                 Seq *body, Expr *lambda_body, Seq *decorators,
                                 Expr *returns, int firstlineno, int is_lambda);
static int compile_comprehension(Compiler *c, Expr *e);
static int compile_store(Compiler *c, Expr *t);

/* CPython's starunpack_helper: build a list/set/tuple display, with * items */
static int
starunpack_helper(Compiler *c, Seq *elts, int pushed, int build, int add, int extend,
                  int tuple)
{
    int n = SEQ_LEN(elts);
    if (n > 2 && are_all_items_const(elts, 0, n)) {
        Object *folded = pools_tuple(n);
        if (!folded)
            return 0;
        for (int i = 0; i < n; i++)
            TUPLE_SET(folded, i, newref(const_value(SEQ_GET(elts, i))));
        if (tuple && !pushed)
            return load_const_new(c, folded);
        if (add == OP_SET_ADD) {
            Object *fs = pools_frozenset(folded);
            int d = heap_side_suspend();
            decref(folded);
            heap_side_resume(d);
            folded = fs;
            if (!folded)
                return 0;
        }
        if (!EMIT(build, pushed)) {
            decref(folded);
            return 0;
        }
        CHECK(load_const_new(c, folded));
        CHECK(EMIT(extend, 1));
        if (tuple)
            CHECK(EMIT(OP_LIST_TO_TUPLE, 0));
        return 1;
    }
    int big = n + pushed > STACK_USE_GUIDELINE;
    int seen_star = 0;
    for (int i = 0; i < n; i++)
        if (((Expr *)SEQ_GET(elts, i))->kind == EXPR_STARRED)
            seen_star = 1;
    if (!seen_star && !big) {
        for (int i = 0; i < n; i++)
            CHECK(compile_expr(c, SEQ_GET(elts, i)));
        return EMIT(tuple ? OP_BUILD_TUPLE : build, n + pushed);
    }
    int built = 0;
    if (big) {
        CHECK(EMIT(build, pushed));
        built = 1;
    }
    for (int i = 0; i < n; i++) {
        Expr *elt = SEQ_GET(elts, i);
        if (elt->kind == EXPR_STARRED) {
            if (!built) {
                CHECK(EMIT(build, i + pushed));
                built = 1;
            }
            CHECK(compile_expr(c, elt->v.Starred.value));
            CHECK(EMIT(extend, 1));
        } else {
            CHECK(compile_expr(c, elt));
            if (built)
                CHECK(EMIT(add, 1));
        }
    }
    if (tuple)
        CHECK(EMIT(OP_LIST_TO_TUPLE, 0));
    return 1;
}

static int
compile_subdict(Compiler *c, Expr *e, int begin, int end)
{
    int n = end - begin;
    int big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big && are_all_items_const(e->v.Dict.keys, begin, end)) {
        for (int i = begin; i < end; i++)
            CHECK(compile_expr(c, SEQ_GET(e->v.Dict.values, i)));
        Object *keys = pools_tuple(n);
        if (!keys)
            return 0;
        for (int i = begin; i < end; i++)
            TUPLE_SET(keys, i - begin, newref(const_value(SEQ_GET(e->v.Dict.keys, i))));
        CHECK(load_const_new(c, keys));
        return EMIT(OP_BUILD_CONST_KEY_MAP, n);
    }
    if (big)
        CHECK(EMIT(OP_BUILD_MAP, 0));
    for (int i = begin; i < end; i++) {
        CHECK(compile_expr(c, SEQ_GET(e->v.Dict.keys, i)));
        CHECK(compile_expr(c, SEQ_GET(e->v.Dict.values, i)));
        if (big)
            CHECK(EMIT(OP_MAP_ADD, 1));
    }
    if (!big)
        CHECK(EMIT(OP_BUILD_MAP, n));
    return 1;
}

static int
compile_dict(Compiler *c, Expr *e)
{
    int n = SEQ_LEN(e->v.Dict.values);
    int elements = 0, have_dict = 0;
    for (int i = 0; i < n; i++) {
        int is_unpacking = SEQ_GET(e->v.Dict.keys, i) == NULL;
        if (is_unpacking) {
            if (elements) {
                CHECK(compile_subdict(c, e, i - elements, i));
                if (have_dict)
                    CHECK(EMIT(OP_DICT_UPDATE, 1));
                have_dict = 1;
                elements = 0;
            }
            if (!have_dict) {
                CHECK(EMIT(OP_BUILD_MAP, 0));
                have_dict = 1;
            }
            CHECK(compile_expr(c, SEQ_GET(e->v.Dict.values, i)));
            CHECK(EMIT(OP_DICT_UPDATE, 1));
        } else {
            if (elements * 2 > STACK_USE_GUIDELINE) {
                CHECK(compile_subdict(c, e, i - elements, i + 1));
                if (have_dict)
                    CHECK(EMIT(OP_DICT_UPDATE, 1));
                have_dict = 1;
                elements = 0;
            } else {
                elements++;
            }
        }
    }
    if (elements) {
        CHECK(compile_subdict(c, e, n - elements, n));
        if (have_dict)
            CHECK(EMIT(OP_DICT_UPDATE, 1));
        have_dict = 1;
    }
    if (!have_dict)
        CHECK(EMIT(OP_BUILD_MAP, 0));
    return 1;
}

static int
cmp_opcode(Compiler *c, int op)
{
    switch (op) {
    case CMP_OP_EQ: return EMIT(OP_COMPARE_OP, CMP_EQ);
    case CMP_OP_NOTEQ: return EMIT(OP_COMPARE_OP, CMP_NE);
    case CMP_OP_LT: return EMIT(OP_COMPARE_OP, CMP_LT);
    case CMP_OP_LTE: return EMIT(OP_COMPARE_OP, CMP_LE);
    case CMP_OP_GT: return EMIT(OP_COMPARE_OP, CMP_GT);
    case CMP_OP_GTE: return EMIT(OP_COMPARE_OP, CMP_GE);
    case CMP_OP_IS: return EMIT(OP_IS_OP, 0);
    case CMP_OP_ISNOT: return EMIT(OP_IS_OP, 1);
    case CMP_OP_IN: return EMIT(OP_CONTAINS_OP, 0);
    case CMP_OP_NOTIN: return EMIT(OP_CONTAINS_OP, 1);
    }
    return 0;
}

static int
check_is_arg(Expr *e)
{
    if (e->kind != EXPR_CONSTANT)
        return 1;
    Object *v = const_value(e);
    return v == None || v == False_ || v == True_ || v == Ellipsis;
}

static int
check_compare(Compiler *c, Expr *e)
{
    int left = check_is_arg(e->v.Compare.left);
    int n = SEQ_LEN(e->v.Compare.comparators);
    for (int i = 0; i < n; i++) {
        int op = e->v.Compare.ops[i];
        int right = check_is_arg(SEQ_GET(e->v.Compare.comparators, i));
        if (op == CMP_OP_IS || op == CMP_OP_ISNOT) {
            if (!right || !left)
                return compiler_warn(c, c->u->loc,
                                     op == CMP_OP_IS
                                         ? "\"is\" with a literal. Did you mean \"==\"?"
                                         : "\"is not\" with a literal. Did you mean \"!=\"?");
        }
        left = right;
    }
    return 1;
}

static int
compile_compare(Compiler *c, Expr *e)
{
    CHECK(check_compare(c, e));
    CHECK(compile_expr(c, e->v.Compare.left));
    int n = SEQ_LEN(e->v.Compare.comparators) - 1;
    if (n == 0) {
        CHECK(compile_expr(c, SEQ_GET(e->v.Compare.comparators, 0)));
        return cmp_opcode(c, e->v.Compare.ops[0]);
    }
    NEW_LABEL(cleanup);
    for (int i = 0; i < n; i++) {
        CHECK(compile_expr(c, SEQ_GET(e->v.Compare.comparators, i)));
        CHECK(EMIT(OP_SWAP, 2));
        CHECK(EMIT(OP_COPY, 2));
        CHECK(cmp_opcode(c, e->v.Compare.ops[i]));
        CHECK(EMIT_JUMP(OP_JUMP_IF_FALSE_OR_POP, cleanup));
    }
    CHECK(compile_expr(c, SEQ_GET(e->v.Compare.comparators, n)));
    CHECK(cmp_opcode(c, e->v.Compare.ops[n]));
    NEW_LABEL(end);
    CHECK(EMIT_JUMP_NOLOC(OP_JUMP, end));
    use_label(c, cleanup);
    CHECK(EMIT(OP_SWAP, 2));
    CHECK(EMIT(OP_POP_TOP, 0));
    use_label(c, end);
    return 1;
}

static int
validate_keywords(Compiler *c, Seq *keywords)
{
    int n = SEQ_LEN(keywords);
    for (int i = 0; i < n; i++) {
        Keyword *k = SEQ_GET(keywords, i);
        if (!k->arg)
            continue;
        for (int j = i + 1; j < n; j++) {
            Keyword *o = SEQ_GET(keywords, j);
            if (o->arg && str_eq(k->arg, o->arg))
                return compiler_error(c, LOC_OF(o), "keyword argument repeated: %U", k->arg);
        }
    }
    return 1;
}

/* **kwargs part of CALL_FUNCTION_EX: build one dict from the keywords */
static int
compile_subkwargs(Compiler *c, Seq *keywords, int begin, int end)
{
    int n = end - begin;
    int big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
        for (int i = begin; i < end; i++)
            CHECK(compile_expr(c, ((Keyword *)SEQ_GET(keywords, i))->value));
        Object *keys = pools_tuple(n);
        if (!keys)
            return 0;
        for (int i = begin; i < end; i++)
            TUPLE_SET(keys, i - begin, newref(((Keyword *)SEQ_GET(keywords, i))->arg));
        CHECK(load_const_new(c, keys));
        return EMIT(OP_BUILD_CONST_KEY_MAP, n);
    }
    if (big)
        CHECK(EMIT_NOLOC(OP_BUILD_MAP, 0));
    for (int i = begin; i < end; i++) {
        Keyword *k = SEQ_GET(keywords, i);
        CHECK(load_const(c, k->arg));
        CHECK(compile_expr(c, k->value));
        if (big)
            CHECK(EMIT_NOLOC(OP_MAP_ADD, 1));
    }
    if (!big)
        CHECK(EMIT(OP_BUILD_MAP, n));
    return 1;
}

/* After the callable (and its NULL/self slot) are pushed: the arguments and CALL.
** n = arguments already pushed (e.g. class name for __build_class__). */
static int
compile_call_helper(Compiler *c, int n, Seq *args, Seq *keywords, Loc callloc)
{
    CHECK(validate_keywords(c, keywords));
    int nelts = SEQ_LEN(args), nkw = SEQ_LEN(keywords);
    if (nelts + nkw * 2 > STACK_USE_GUIDELINE)
        goto ex_call;
    for (int i = 0; i < nelts; i++)
        if (((Expr *)SEQ_GET(args, i))->kind == EXPR_STARRED)
            goto ex_call;
    for (int i = 0; i < nkw; i++)
        if (!((Keyword *)SEQ_GET(keywords, i))->arg)
            goto ex_call;
    for (int i = 0; i < nelts; i++)
        CHECK(compile_expr(c, SEQ_GET(args, i)));
    if (nkw) {
        Object *names = pools_tuple(nkw);
        if (!names)
            return 0;
        for (int i = 0; i < nkw; i++) {
            Keyword *k = SEQ_GET(keywords, i);
            TUPLE_SET(names, i, newref(k->arg));
            if (!compile_expr(c, k->value)) {
                decref(names);
                return 0;
            }
        }
        int ci = add_const(c, names);
        pools_decref(names);
        if (ci < 0)
            return 0;
        CHECK(EMIT(OP_KW_NAMES, ci));       /* the current location: see compile_call */
    }
    return emit_full(c, OP_CALL, n + nelts + nkw, -1, callloc);

ex_call:
    if (n == 0 && nelts == 1 && ((Expr *)SEQ_GET(args, 0))->kind == EXPR_STARRED) {
        CHECK(compile_expr(c, ((Expr *)SEQ_GET(args, 0))->v.Starred.value));
    } else {
        CHECK(starunpack_helper(c, args, n, OP_BUILD_LIST, OP_LIST_APPEND, OP_LIST_EXTEND, 1));
    }
    if (nkw > 0) {
        int nseen = 0, have_dict = 0;
        for (int i = 0; i < nkw; i++) {
            Keyword *k = SEQ_GET(keywords, i);
            if (!k->arg) {
                if (nseen) {
                    CHECK(compile_subkwargs(c, keywords, i - nseen, i));
                    if (have_dict)
                        CHECK(EMIT(OP_DICT_MERGE, 1));
                    have_dict = 1;
                    nseen = 0;
                }
                if (!have_dict) {
                    CHECK(EMIT(OP_BUILD_MAP, 0));
                    have_dict = 1;
                }
                CHECK(compile_expr(c, k->value));
                CHECK(EMIT(OP_DICT_MERGE, 1));
            } else {
                nseen++;
            }
        }
        if (nseen) {
            CHECK(compile_subkwargs(c, keywords, nkw - nseen, nkw));
            if (have_dict)
                CHECK(EMIT(OP_DICT_MERGE, 1));
            have_dict = 1;
        }
    }
    return emit_full(c, OP_CALL_FUNCTION_EX, nkw > 0, -1, callloc);
}

/* CPython's infer_type: the type an expression's value is known to have, or NULL. */
static TypeObject *
infer_type(Expr *e)
{
    switch (e->kind) {
    case EXPR_TUPLE: return &tuple_type;
    case EXPR_LIST: case EXPR_LISTCOMP: return &list_type;
    case EXPR_DICT: case EXPR_DICTCOMP: return &dict_type;
    case EXPR_SET: case EXPR_SETCOMP: return &set_type;
    case EXPR_GENERATOREXP: return &generator_type;
    case EXPR_LAMBDA: return &function_type;
    case EXPR_JOINEDSTR: case EXPR_FORMATTEDVALUE: return &str_type;
    case EXPR_CONSTANT: return TYPE(const_value(e));
    default: return NULL;
    }
}

/* The SyntaxWarnings CPython gives for a call, subscript or index that can only fail,
** "perhaps you missed a comma?" (check_caller, check_subscripter, check_index). */
static int
check_caller(Compiler *c, Expr *call, Expr *f)
{
    switch (f->kind) {
    case EXPR_CONSTANT: case EXPR_TUPLE: case EXPR_LIST: case EXPR_LISTCOMP: case EXPR_DICT:
    case EXPR_DICTCOMP: case EXPR_SET: case EXPR_SETCOMP: case EXPR_GENERATOREXP:
    case EXPR_JOINEDSTR: case EXPR_FORMATTEDVALUE:
        return compiler_warn(c, LOC_OF(call),
                             "'%s' object is not callable; perhaps you missed a comma?",
                             infer_type(f)->name);
    default:
        return 1;
    }
}

static int
check_subscripter(Compiler *c, Expr *sub, Expr *v)
{
    switch (v->kind) {
    case EXPR_CONSTANT: {
        Object *o = const_value(v);
        if (!(o == None || o == Ellipsis || INT_CHECK(o) || FLOAT_CHECK(o) ||
              TYPE(o) == &complex_type || TYPE(o) == &frozenset_type || TYPE(o) == &set_type))
            return 1;
    }
        /* fall through */
    case EXPR_SET: case EXPR_SETCOMP: case EXPR_GENERATOREXP: case EXPR_LAMBDA:
        return compiler_warn(c, LOC_OF(sub),
                             "'%s' object is not subscriptable; perhaps you missed a comma?",
                             infer_type(v)->name);
    default:
        return 1;
    }
}

static int
check_index(Compiler *c, Expr *sub, Expr *v, Expr *index)
{
    TypeObject *it = infer_type(index);
    if (!it || type_is_subtype(it, &int_type) || it == &slice_type)
        return 1;
    switch (v->kind) {
    case EXPR_CONSTANT: {
        Object *o = const_value(v);
        if (!(STR_CHECK(o) || BYTES_CHECK(o) || TUPLE_CHECK(o)))
            return 1;
    }
        /* fall through */
    case EXPR_TUPLE: case EXPR_LIST: case EXPR_LISTCOMP: case EXPR_JOINEDSTR:
    case EXPR_FORMATTEDVALUE:
        return compiler_warn(c, LOC_OF(sub),
                             "%s indices must be integers or slices, not %s; perhaps you "
                             "missed a comma?",
                             infer_type(v)->name, it->name);
    default:
        return 1;
    }
}

/* Whether e is a name the module's top-level scope binds by an import. */
static int
import_originated(Compiler *c, Expr *e)
{
    if (e->kind != EXPR_NAME)
        return 0;
    Object *fl = dict_getitem(c->st->top->symbols, e->v.Name.id);
    return fl && (int_as_long(fl) & DEF_IMPORT);
}

static int
compile_call(Compiler *c, Expr *e)
{
    Expr *f = e->v.Call.func;
    Loc callloc = LOC_OF(e);
    /* obj.meth(...) without * or ** : LOAD_METHOD + CALL, unless obj is a name the module
    ** imports (3.11's is_import_originated: a module's function is no method) */
    int nkw = SEQ_LEN(e->v.Call.keywords);
    if (f->kind == EXPR_ATTRIBUTE && f->v.Attribute.ctx == CTX_LOAD &&
        !import_originated(c, f->v.Attribute.value) &&
        SEQ_LEN(e->v.Call.args) + nkw + (nkw != 0) < STACK_USE_GUIDELINE) {
        int simple = 1;
        for (int i = 0; i < SEQ_LEN(e->v.Call.args); i++)
            if (((Expr *)SEQ_GET(e->v.Call.args, i))->kind == EXPR_STARRED)
                simple = 0;
        for (int i = 0; i < SEQ_LEN(e->v.Call.keywords); i++)
            if (!((Keyword *)SEQ_GET(e->v.Call.keywords, i))->arg)
                simple = 0;
        if (simple) {
            CHECK(validate_keywords(c, e->v.Call.keywords));
            CHECK(compile_expr(c, f->v.Attribute.value));
            Loc saved = c->u->loc;
            /* the method load is located at the attribute (as 3.11) */
            c->u->loc = LOC_OF(f);
            int ni = add_name(c, f->v.Attribute.attr);
            if (ni < 0 || !EMIT(OP_LOAD_METHOD, ni))
                return 0;
            /* ... and so are the arguments' KW_NAMES (maybe_optimize_method_call) */
            int ok = compile_call_helper(c, 0, e->v.Call.args, e->v.Call.keywords, callloc);
            c->u->loc = saved;
            return ok;
        }
    }
    CHECK(check_caller(c, e, f));
    if (f->kind == EXPR_NAME && f->v.Name.ctx == CTX_LOAD) {
        Loc saved = c->u->loc;
        c->u->loc = LOC_OF(f);
        CHECK(compiler_load_callable_name(c, f->v.Name.id));
        c->u->loc = saved;
    } else {
        /* CPython's compiler_call: the NULL at the callee's location */
        Loc saved = c->u->loc;
        c->u->loc = LOC_OF(f);
        CHECK(EMIT(OP_PUSH_NULL, 0));
        c->u->loc = saved;
        CHECK(compile_expr(c, f));
    }
    return compile_call_helper(c, 0, e->v.Call.args, e->v.Call.keywords, callloc);
}

static int
compile_formatted_value(Compiler *c, Expr *e)
{
    CHECK(compile_expr(c, e->v.FormattedValue.value));
    int oparg;
    switch (e->v.FormattedValue.conversion) {
    case 's': oparg = FVC_STR; break;
    case 'r': oparg = FVC_REPR; break;
    case 'a': oparg = FVC_ASCII; break;
    default: oparg = FVC_NONE; break;
    }
    if (e->v.FormattedValue.format_spec) {
        CHECK(compile_expr(c, e->v.FormattedValue.format_spec));
        oparg |= FVS_HAVE_SPEC;
    }
    return EMIT(OP_FORMAT_VALUE, oparg);
}

static int
compile_joined_str(Compiler *c, Expr *e)
{
    int n = SEQ_LEN(e->v.JoinedStr.values);
    if (n > STACK_USE_GUIDELINE) {
        Object *empty = str_empty();
        CHECK(load_const_new(c, empty));
        Object *join = str_intern_cstr("join");
        int ni = join ? add_name(c, join) : -1;
        xdecref(join);
        if (ni < 0 || !EMIT(OP_LOAD_METHOD, ni))
            return 0;
        CHECK(EMIT(OP_BUILD_LIST, 0));
        for (int i = 0; i < n; i++) {
            CHECK(compile_expr(c, SEQ_GET(e->v.JoinedStr.values, i)));
            CHECK(EMIT(OP_LIST_APPEND, 1));
        }
        return EMIT(OP_CALL, 1);
    }
    for (int i = 0; i < n; i++)
        CHECK(compile_expr(c, SEQ_GET(e->v.JoinedStr.values, i)));
    if (n != 1)
        CHECK(EMIT(OP_BUILD_STRING, n));
    return 1;
}

static int
compile_slice(Compiler *c, Expr *s)
{
    int n = 2;
    if (s->v.Slice.lower)
        CHECK(compile_expr(c, s->v.Slice.lower));
    else
        CHECK(load_const(c, None));
    if (s->v.Slice.upper)
        CHECK(compile_expr(c, s->v.Slice.upper));
    else
        CHECK(load_const(c, None));
    if (s->v.Slice.step) {
        n++;
        CHECK(compile_expr(c, s->v.Slice.step));
    }
    return EMIT(OP_BUILD_SLICE, n);
}

static int
compile_boolop(Compiler *c, Expr *e)
{
    int op = e->v.BoolOp.op == BOOL_AND ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP;
    NEW_LABEL(end);
    int n = SEQ_LEN(e->v.BoolOp.values);
    for (int i = 0; i < n - 1; i++) {
        CHECK(compile_expr(c, SEQ_GET(e->v.BoolOp.values, i)));
        CHECK(EMIT_JUMP(op, end));
    }
    CHECK(compile_expr(c, SEQ_GET(e->v.BoolOp.values, n - 1)));
    use_label(c, end);
    return 1;
}

static int
unaryop_opcode(int op)
{
    switch (op) {
    case UOP_INVERT: return OP_UNARY_INVERT;
    case UOP_NOT: return OP_UNARY_NOT;
    case UOP_UADD: return OP_UNARY_POSITIVE;
    default: return OP_UNARY_NEGATIVE;
    }
}

static int
binop_arg(int op, int inplace)
{
    int r;
    switch (op) {
    case OP_ADD: r = NB_ADD; break;
    case OP_SUB: r = NB_SUBTRACT; break;
    case OP_MULT: r = NB_MULTIPLY; break;
    case OP_MATMULT: r = NB_MATRIX_MULTIPLY; break;
    case OP_DIV: r = NB_TRUE_DIVIDE; break;
    case OP_MOD: r = NB_REMAINDER; break;
    case OP_POW: r = NB_POWER; break;
    case OP_LSHIFT: r = NB_LSHIFT; break;
    case OP_RSHIFT: r = NB_RSHIFT; break;
    case OP_BITOR: r = NB_OR; break;
    case OP_BITXOR: r = NB_XOR; break;
    case OP_BITAND: r = NB_AND; break;
    default: r = NB_FLOOR_DIVIDE; break;
    }
    return inplace ? r + NB_INPLACE_ADD : r;
}

static int
compile_yield_from_loop(Compiler *c)
{
    /* [iter, value].  YIELD_VALUE 1 marks a generator suspended inside 'yield from'
    ** (CPython 3.11's RESUME 2 after it): genobject.c then finds the subiterator on top
    ** of the stack and the SEND just before, to delegate throw() and close(). */
    NEW_LABEL(start);
    NEW_LABEL(exit);
    use_label(c, start);
    CHECK(EMIT_JUMP(OP_SEND, exit));
    CHECK(EMIT(OP_YIELD_VALUE, 1));
    CHECK(EMIT_JUMP(OP_JUMP, start));
    use_label(c, exit);
    return 1;
}

static int
compile_expr_inner(Compiler *c, Expr *e)
{
    switch (e->kind) {
    case EXPR_NAMEDEXPR:
        CHECK(compile_expr(c, e->v.NamedExpr.value));
        CHECK(EMIT(OP_COPY, 1));
        return compile_store(c, e->v.NamedExpr.target);
    case EXPR_BOOLOP:
        return compile_boolop(c, e);
    case EXPR_BINOP:
        CHECK(compile_expr(c, e->v.BinOp.left));
        CHECK(compile_expr(c, e->v.BinOp.right));
        return EMIT(OP_BINARY_OP, binop_arg(e->v.BinOp.op, 0));
    case EXPR_UNARYOP:
        CHECK(compile_expr(c, e->v.UnaryOp.operand));
        return EMIT(unaryop_opcode(e->v.UnaryOp.op), 0);
    case EXPR_LAMBDA: {
        Object *name = str_static("<lambda>");
        if (!name)
            return 0;
        int ok = compile_function_like(c, e, name, e->v.Lambda.args, NULL, e->v.Lambda.body,
                                       NULL, NULL, e->lineno, 1);
        decref(name);
        return ok;
    }
    case EXPR_IFEXP: {
        NEW_LABEL(end);
        NEW_LABEL(next);
        CHECK(compile_jump_if(c, e->v.IfExp.test, next, 0));
        CHECK(compile_expr(c, e->v.IfExp.body));
        CHECK(EMIT_JUMP_NOLOC(OP_JUMP, end));
        use_label(c, next);
        CHECK(compile_expr(c, e->v.IfExp.orelse));
        use_label(c, end);
        return 1;
    }
    case EXPR_DICT:
        return compile_dict(c, e);
    case EXPR_SET:
        return starunpack_helper(c, e->v.Set.elts, 0, OP_BUILD_SET, OP_SET_ADD, OP_SET_UPDATE, 0);
    case EXPR_GENERATOREXP:
    case EXPR_LISTCOMP:
    case EXPR_SETCOMP:
    case EXPR_DICTCOMP:
        return compile_comprehension(c, e);
    case EXPR_YIELD:
        if (c->u->ste->type != BLOCK_FUNCTION)
            return compiler_error(c, LOC_OF(e), "'yield' outside function");
        if (e->v.Yield.value)
            CHECK(compile_expr(c, e->v.Yield.value));
        else
            CHECK(load_const(c, None));
        return EMIT(OP_YIELD_VALUE, 0);
    case EXPR_YIELDFROM:
        if (c->u->ste->type != BLOCK_FUNCTION)
            return compiler_error(c, LOC_OF(e), "'yield' outside function");
        CHECK(compile_expr(c, e->v.YieldFrom.value));
        CHECK(EMIT(OP_GET_YIELD_FROM_ITER, 0));
        CHECK(load_const(c, None));
        return compile_yield_from_loop(c);
    case EXPR_AWAIT:
        return compiler_error(c, LOC_OF(e), "'await' outside async function");
    case EXPR_COMPARE:
        return compile_compare(c, e);
    case EXPR_CALL:
        return compile_call(c, e);
    case EXPR_FORMATTEDVALUE:
        return compile_formatted_value(c, e);
    case EXPR_JOINEDSTR:
        return compile_joined_str(c, e);
    case EXPR_CONSTANT:
        return load_const(c, const_value(e));
    case EXPR_ATTRIBUTE: {
        if (e->v.Attribute.ctx != CTX_LOAD)
            return compile_store(c, e);
        CHECK(compile_expr(c, e->v.Attribute.value));
        int ni = add_name(c, e->v.Attribute.attr);
        return ni >= 0 && EMIT(OP_LOAD_ATTR, ni);
    }
    case EXPR_SUBSCRIPT:
        if (e->v.Subscript.ctx != CTX_LOAD)
            return compile_store(c, e);
        CHECK(check_subscripter(c, e, e->v.Subscript.value));
        CHECK(check_index(c, e, e->v.Subscript.value, e->v.Subscript.slice));
        CHECK(compile_expr(c, e->v.Subscript.value));
        CHECK(compile_expr(c, e->v.Subscript.slice));
        return EMIT(OP_BINARY_SUBSCR, 0);
    case EXPR_STARRED:
        if (e->v.Starred.ctx == CTX_STORE)
            return compiler_error(c, LOC_OF(e), "starred assignment target must be in a list or "
                                                "tuple");
        return compiler_error(c, LOC_OF(e), "can't use starred expression here");
    case EXPR_SLICE:
        return compile_slice(c, e);
    case EXPR_NAME:
        return compiler_nameop(c, e->v.Name.id, e->v.Name.ctx);
    case EXPR_LIST:
        if (e->v.List.ctx != CTX_LOAD)
            return compile_store(c, e);
        return starunpack_helper(c, e->v.List.elts, 0, OP_BUILD_LIST, OP_LIST_APPEND,
                                 OP_LIST_EXTEND, 0);
    case EXPR_TUPLE:
        if (e->v.Tuple.ctx != CTX_LOAD)
            return compile_store(c, e);
        return starunpack_helper(c, e->v.Tuple.elts, 0, OP_BUILD_LIST, OP_LIST_APPEND,
                                 OP_LIST_EXTEND, 1);
    }
    return compiler_error(c, LOC_OF(e), "unknown expression");
}

static int
compile_expr(Compiler *c, Expr *e)
{
    if (++c->recursion > 2000 || rt_check_c_stack() < 0) {
        if (!err_occurred())
            err_set(exc_RecursionError, "maximum recursion depth exceeded during compilation");
        return 0;
    }
    Loc saved = c->u->loc;
    c->u->loc = LOC_OF(e);
    int r = compile_expr_inner(c, e);
    c->u->loc = saved;
    c->recursion--;
    return r;
}

/* Jump to label if the truth of e equals cond (CPython's compiler_jump_if, simplified). */
static int
compile_jump_if(Compiler *c, Expr *e, int label, int cond)
{
    switch (e->kind) {
    case EXPR_UNARYOP:
        if (e->v.UnaryOp.op == UOP_NOT)
            return compile_jump_if(c, e->v.UnaryOp.operand, label, !cond);
        break;
    case EXPR_BOOLOP: {
        Seq *s = e->v.BoolOp.values;
        int cond2 = e->v.BoolOp.op == BOOL_OR;
        int next2 = label;
        if (cond2 != cond) {
            next2 = new_label(c);
            if (next2 < 0)
                return 0;
        }
        int n = SEQ_LEN(s) - 1;
        for (int i = 0; i < n; i++)
            CHECK(compile_jump_if(c, SEQ_GET(s, i), next2, cond2));
        CHECK(compile_jump_if(c, SEQ_GET(s, n), label, cond));
        if (next2 != label)
            use_label(c, next2);
        return 1;
    }
    case EXPR_IFEXP: {
        NEW_LABEL(end);
        NEW_LABEL(next2);
        CHECK(compile_jump_if(c, e->v.IfExp.test, next2, 0));
        CHECK(compile_jump_if(c, e->v.IfExp.body, label, cond));
        CHECK(EMIT_JUMP_NOLOC(OP_JUMP, end));
        use_label(c, next2);
        CHECK(compile_jump_if(c, e->v.IfExp.orelse, label, cond));
        use_label(c, end);
        return 1;
    }
    case EXPR_COMPARE:
        /* CPython 3.11 does SET_LOC(c, e) here and never restores it: the jump and the
        ** rest of the statement (an assert's raise, say) carry the comparison's location,
        ** so a failing 'assert x > 0' shows carets under 'x > 0'. */
        c->u->loc = LOC_OF(e);
        break;
    default:
        break;
    }
    CHECK(compile_expr(c, e));
    return EMIT_JUMP(cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
}

/* ================================================================ assignment targets */

static int
unpack_helper(Compiler *c, Seq *elts)
{
    int n = SEQ_LEN(elts);
    int seen_star = 0;
    for (int i = 0; i < n; i++) {
        Expr *elt = SEQ_GET(elts, i);
        if (elt->kind == EXPR_STARRED && !seen_star) {
            if (i >= (1 << 8) || n - i - 1 >= (INT_MAX >> 8))
                return compiler_error(c, LOC_OF(elt),
                                      "too many expressions in star-unpacking assignment");
            CHECK(EMIT(OP_UNPACK_EX, i + ((n - i - 1) << 8)));
            seen_star = 1;
        } else if (elt->kind == EXPR_STARRED) {
            return compiler_error(c, LOC_OF(elt), "multiple starred expressions in assignment");
        }
    }
    if (!seen_star)
        CHECK(EMIT(OP_UNPACK_SEQUENCE, n));
    return 1;
}

static int
assignment_helper(Compiler *c, Seq *elts)
{
    CHECK(unpack_helper(c, elts));
    for (int i = 0; i < SEQ_LEN(elts); i++) {
        Expr *elt = SEQ_GET(elts, i);
        CHECK(compile_store(c, elt->kind == EXPR_STARRED ? elt->v.Starred.value : elt));
    }
    return 1;
}

/* Store TOS into target t (ctx Store) or delete it (ctx Del). */
static int
compile_store(Compiler *c, Expr *t)
{
    Loc saved = c->u->loc;
    c->u->loc = LOC_OF(t);
    int ok;
    switch (t->kind) {
    case EXPR_NAME:
        ok = compiler_nameop(c, t->v.Name.id, t->v.Name.ctx);
        break;
    case EXPR_ATTRIBUTE: {
        CHECK(compile_expr(c, t->v.Attribute.value));
        int ni = add_name(c, t->v.Attribute.attr);
        ok = ni >= 0 && EMIT(t->v.Attribute.ctx == CTX_DEL ? OP_DELETE_ATTR : OP_STORE_ATTR, ni);
        break;
    }
    case EXPR_SUBSCRIPT:
        CHECK(compile_expr(c, t->v.Subscript.value));
        CHECK(compile_expr(c, t->v.Subscript.slice));
        ok = EMIT(t->v.Subscript.ctx == CTX_DEL ? OP_DELETE_SUBSCR : OP_STORE_SUBSCR, 0);
        break;
    case EXPR_LIST:
    case EXPR_TUPLE: {
        Seq *elts = t->kind == EXPR_LIST ? t->v.List.elts : t->v.Tuple.elts;
        ExprContext ctx = t->kind == EXPR_LIST ? t->v.List.ctx : t->v.Tuple.ctx;
        if (ctx == CTX_DEL) {
            ok = 1;
            for (int i = 0; ok && i < SEQ_LEN(elts); i++)
                ok = compile_store(c, SEQ_GET(elts, i));
        } else {
            ok = assignment_helper(c, elts);
        }
        break;
    }
    case EXPR_STARRED:
        ok = compiler_error(c, LOC_OF(t), "starred assignment target must be in a list or tuple");
        break;
    default:
        ok = compiler_error(c, LOC_OF(t), "cannot assign to expression");
        break;
    }
    c->u->loc = saved;
    return ok;
}

/* ================================================================ functions, classes */

static Object *assemble(Compiler *c, int addNone);

/* The docstring of a body: the first statement if it is a string constant. */
static Object *
get_docstring(Seq *body)
{
    if (SEQ_LEN(body) == 0)
        return NULL;
    Stmt *s = SEQ_GET(body, 0);
    if (s->kind != STMT_EXPR)
        return NULL;
    Expr *e = s->v.Expr.value;
    if (e->kind != EXPR_CONSTANT || !STR_CHECK(const_value(e)))
        return NULL;
    return const_value(e);
}

/* Push the closure tuple for code object 'co' being made in the current unit. */
static int
make_closure(Compiler *c, CodeObject *co, Object *qualname, int *flags)
{
    if (co->nfreevars) {
        for (int i = 0; i < co->nlocalsplus; i++) {
            if (!(co->localspluskinds[i] & CO_FAST_FREE))
                continue;
            Object *name = TUPLE_GET(co->localsplusnames, i);
            /* where does the current unit keep it: a cell of ours or a free of ours */
            int reftype = sym_scope(c->u->ste, name);
            Object *v;
            int arg;
            if (reftype == SC_CELL || (reftype == 0 && dict_getitem(c->u->cellvars_map, name))) {
                v = dict_getitem(c->u->cellvars_map, name);
                arg = v ? (int)int_as_long(v) : -1;
            } else {
                v = dict_getitem(c->u->freevars_map, name);
                arg = v ? (int)LIST_LEN(c->u->cellvars) + (int)int_as_long(v) : -1;
            }
            if (arg < 0)
                return compiler_error(c, c->u->loc, "compiler: lookup of closure variable '%U' "
                                                    "failed", name);
            CHECK(EMIT(OP_LOAD_CLOSURE, arg));
        }
        CHECK(EMIT(OP_BUILD_TUPLE, co->nfreevars));
        *flags |= MF_CLOSURE;
    }
    (void)qualname;
    return 1;
}

static int
compile_default_arguments(Compiler *c, Arguments *args, int *flags)
{
    int nd = SEQ_LEN(args->defaults);
    if (nd) {
        for (int i = 0; i < nd; i++)
            CHECK(compile_expr(c, SEQ_GET(args->defaults, i)));
        CHECK(EMIT(OP_BUILD_TUPLE, nd));
        *flags |= MF_DEFAULTS;
    }
    /* compiler_visit_kwonlydefaults: the values, then the tuple of their names as one
    ** constant, BUILD_CONST_KEY_MAP */
    Object *keys = NULL;
    for (int i = 0; i < SEQ_LEN(args->kwonlyargs); i++) {
        Arg *a = SEQ_GET(args->kwonlyargs, i);
        Expr *d = SEQ_GET(args->kw_defaults, i);
        if (!d)
            continue;
        Object *mangled = sym_mangle(c->u->private_name, a->arg);
        if (!mangled || (!keys && !(keys = list_new(0))) ||
            list_append_take(keys, mangled) < 0) {
            xdecref(keys);
            return 0;
        }
        if (!compile_expr(c, d)) {
            decref(keys);
            return 0;
        }
    }
    if (keys) {
        ssize_t nkw = LIST_LEN(keys);
        int d = heap_side_suspend();
        Object *kt = list_as_tuple(keys);
        heap_side_resume(d);
        decref(keys);
        CHECK(load_const_new(c, kt));
        CHECK(EMIT(OP_BUILD_CONST_KEY_MAP, (int)nkw));
        *flags |= MF_KWDEFAULTS;
    }
    return 1;
}

static int
compile_annotation_pairs(Compiler *c, Seq *args, int *n)
{
    for (int i = 0; i < SEQ_LEN(args); i++) {
        Arg *a = SEQ_GET(args, i);
        if (!a->annotation)
            continue;
        Object *mangled = sym_mangle(c->u->private_name, a->arg);
        if (!mangled)
            return 0;
        int ok = load_const(c, mangled);
        decref(mangled);
        CHECK(ok);
        CHECK(compile_expr(c, a->annotation));
        *n += 2;
    }
    return 1;
}

static int
compile_annotations(Compiler *c, Arguments *args, Expr *returns, int *flags)
{
    int n = 0;
    CHECK(compile_annotation_pairs(c, args->args, &n));
    CHECK(compile_annotation_pairs(c, args->posonlyargs, &n));
    if (args->vararg && args->vararg->annotation) {
        CHECK(load_const(c, args->vararg->arg));
        CHECK(compile_expr(c, args->vararg->annotation));
        n += 2;
    }
    CHECK(compile_annotation_pairs(c, args->kwonlyargs, &n));
    if (args->kwarg && args->kwarg->annotation) {
        CHECK(load_const(c, args->kwarg->arg));
        CHECK(compile_expr(c, args->kwarg->annotation));
        n += 2;
    }
    if (returns) {
        Object *r = str_intern_cstr("return");
        int ok = r && load_const(c, r);
        xdecref(r);
        CHECK(ok);
        CHECK(compile_expr(c, returns));
        n += 2;
    }
    if (n) {
        CHECK(EMIT(OP_BUILD_TUPLE, n));
        *flags |= MF_ANNOTATIONS;
    }
    return 1;
}

static int compile_stmt(Compiler *c, Stmt *s);

/* A function, method or lambda: push the function object. */
/* Each decorator's call at the decorator's location, the last one first, then the
** location as it was (CPython's compiler_apply_decorators). */
static int
apply_decorators(Compiler *c, Seq *decos)
{
    Loc saved = c->u->loc;
    for (ssize_t i = SEQ_LEN(decos) - 1; i >= 0; i--) {
        c->u->loc = LOC_OF((Expr *)SEQ_GET(decos, i));
        CHECK(EMIT(OP_CALL, 0));
    }
    c->u->loc = saved;
    return 1;
}

static int
compile_function_like(Compiler *c, void *key, Object *name, Arguments *args, Seq *body,
                      Expr *lambda_body, Seq *decorators, Expr *returns, int firstlineno,
                      int is_lambda)
{
    int flags = 0;
    for (int i = 0; i < SEQ_LEN(decorators); i++)
        CHECK(compile_expr(c, SEQ_GET(decorators, i)));
    CHECK(compile_default_arguments(c, args, &flags));
    if (!is_lambda)
        CHECK(compile_annotations(c, args, returns, &flags));
    CHECK(compiler_enter_scope(c, name, is_lambda ? UNIT_LAMBDA : UNIT_FUNCTION, key,
                               firstlineno));
    if (!compiler_set_qualname(c))
        goto fail;
    CodeUnit *u = c->u;
    u->argcount = SEQ_LEN(args->args) + SEQ_LEN(args->posonlyargs);
    u->posonlyargcount = SEQ_LEN(args->posonlyargs);
    u->kwonlyargcount = SEQ_LEN(args->kwonlyargs);
    Object *co;
    if (is_lambda) {
        if (add_const(c, None) < 0)
            goto fail;
        if (u->ste->generator) {
            /* CPython 3.11's compiler_lambda: a generator lambda returns its body's
            ** value too (`lambda: (yield)` gives back what send() sent), by the
            ** implicit RETURN_VALUE, which has no location of its own */
            if (!compile_expr(c, lambda_body))
                goto fail;
            u->loc = NO_LOC;
            if (!EMIT(OP_RETURN_VALUE, 0))
                goto fail;
            u->instrs[u->ninstr - 1].noline = 1;
            co = assemble(c, 0);
        } else {
            /* the RETURN_VALUE at the location the unit started with, to which the
            ** body's visit returns (CPython's compiler_lambda) */
            u->loc = (Loc){u->firstlineno, u->firstlineno, 0, 0};
            if (!compile_expr(c, lambda_body) || !EMIT(OP_RETURN_VALUE, 0))
                goto fail;
            co = assemble(c, 0);
        }
    } else {
        Object *doc = get_docstring(body);
        if (add_const(c, doc ? doc : None) < 0)
            goto fail;
        for (int i = doc ? 1 : 0; i < SEQ_LEN(body); i++)
            if (!compile_stmt(c, SEQ_GET(body, i)))
                goto fail;
        co = assemble(c, 1);
    }
    Object *qualname = newref(u->qualname);
    compiler_exit_scope(c);
    if (!co) {
        decref(qualname);
        return 0;
    }
    int ok = make_closure(c, (CodeObject *)co, qualname, &flags) && load_const(c, co) &&
             EMIT(OP_MAKE_FUNCTION, flags);
    decref(qualname);
    decref(co);
    CHECK(ok);
    CHECK(apply_decorators(c, decorators));
    return 1;
fail:
    compiler_exit_scope(c);
    return 0;
}

static int
find_ann(Seq *stmts)
{
    for (int i = 0; i < SEQ_LEN(stmts); i++) {
        Stmt *s = SEQ_GET(stmts, i);
        switch (s->kind) {
        case STMT_ANNASSIGN:
            return 1;
        case STMT_FOR:
        case STMT_ASYNCFOR:
            if (find_ann(s->v.For.body) || find_ann(s->v.For.orelse))
                return 1;
            break;
        case STMT_WHILE:
            if (find_ann(s->v.While.body) || find_ann(s->v.While.orelse))
                return 1;
            break;
        case STMT_IF:
            if (find_ann(s->v.If.body) || find_ann(s->v.If.orelse))
                return 1;
            break;
        case STMT_WITH:
        case STMT_ASYNCWITH:
            if (find_ann(s->v.With.body))
                return 1;
            break;
        case STMT_TRY:
            if (find_ann(s->v.Try.body) || find_ann(s->v.Try.orelse) ||
                find_ann(s->v.Try.finalbody))
                return 1;
            for (int j = 0; j < SEQ_LEN(s->v.Try.handlers); j++)
                if (find_ann(((ExceptHandler *)SEQ_GET(s->v.Try.handlers, j))->body))
                    return 1;
            break;
        default:
            break;
        }
    }
    return 0;
}

/* module or class body: docstring to __doc__, annotations setup, statements */
static int
compile_body(Compiler *c, Seq *stmts)
{
    /* CPython's compiler_body: a module's SETUP_ANNOTATIONS at its first statement */
    if (c->u->kind == UNIT_MODULE && SEQ_LEN(stmts))
        c->u->loc = LOC_OF((Stmt *)SEQ_GET(stmts, 0));
    if (find_ann(stmts))
        CHECK(EMIT(OP_SETUP_ANNOTATIONS, 0));
    int start = 0;
    Object *doc = get_docstring(stmts);
    if (doc && c->mode != PARSE_SINGLE) {
        Stmt *s = SEQ_GET(stmts, 0);
        c->u->loc = LOC_OF(s);
        CHECK(compile_expr(c, s->v.Expr.value));
        CHECK(compiler_nameop(c, ID(__doc__), CTX_STORE));
        start = 1;
    }
    for (int i = start; i < SEQ_LEN(stmts); i++)
        CHECK(compile_stmt(c, SEQ_GET(stmts, i)));
    return 1;
}

static int
compile_class(Compiler *c, Stmt *s)
{
    Seq *decos = s->v.ClassDef.decorator_list;
    for (int i = 0; i < SEQ_LEN(decos); i++)
        CHECK(compile_expr(c, SEQ_GET(decos, i)));
    int firstlineno = s->lineno;
    if (SEQ_LEN(decos))
        firstlineno = ((Expr *)SEQ_GET(decos, 0))->lineno;
    CHECK(compiler_enter_scope(c, s->v.ClassDef.name, UNIT_CLASS, s, firstlineno));
    CodeUnit *u = c->u;
    XSETREF(u->private_name, newref(s->v.ClassDef.name));
    Object *co = NULL;
    if (!compiler_set_qualname(c))
        goto fail;
    /* compiler_enter_scope's location: the first line, columns 0..0 */
    u->loc = (Loc){firstlineno, firstlineno, 0, 0};
    /* __module__ = __name__; __qualname__ = qualname */
    if (!compiler_nameop(c, ID(__name__), CTX_LOAD) ||
        !compiler_nameop(c, ID(__module__), CTX_STORE) || !load_const(c, u->qualname) ||
        !compiler_nameop(c, ID(__qualname__), CTX_STORE))
        goto fail;
    if (!compile_body(c, s->v.ClassDef.body))
        goto fail;
    u->loc = NO_LOC;
    if (u->ste->needs_class_closure) {
        Object *v = dict_getitem(u->cellvars_map, ID(__class__));
        int i = v ? (int)int_as_long(v) : 0;
        if (!EMIT(OP_LOAD_CLOSURE, i) || !EMIT(OP_COPY, 1) ||
            !compiler_nameop(c, ID(__classcell__), CTX_STORE))
            goto fail;
    } else {
        if (!load_const(c, None))
            goto fail;
    }
    if (!EMIT(OP_RETURN_VALUE, 0))
        goto fail;
    co = assemble(c, 0);
    compiler_exit_scope(c);
    if (!co)
        return 0;
    c->u->loc = LOC_OF(s);
    int flags = 0;
    int ok = EMIT(OP_PUSH_NULL, 0) && EMIT(OP_LOAD_BUILD_CLASS, 0) &&
             make_closure(c, (CodeObject *)co, NULL, &flags) && load_const(c, co) &&
             EMIT(OP_MAKE_FUNCTION, flags) && load_const(c, s->v.ClassDef.name);
    decref(co);
    CHECK(ok);
    CHECK(compile_call_helper(c, 2, s->v.ClassDef.bases, s->v.ClassDef.keywords, LOC_OF(s)));
    CHECK(apply_decorators(c, decos));
    return compiler_nameop(c, s->v.ClassDef.name, CTX_STORE);
fail:
    compiler_exit_scope(c);
    return 0;
}

/* ---- comprehensions ---- */

static int
compile_comprehension_generator(Compiler *c, Seq *generators, int gen_index, int depth,
                                Expr *elt, Expr *val, int type)
{
    Comprehension *gen = SEQ_GET(generators, gen_index);
    NEW_LABEL(start);
    NEW_LABEL(if_cleanup);
    NEW_LABEL(anchor);
    if (gen_index == 0) {
        /* the iterator is the implicit argument .0 */
        c->u->argcount = 1;
        CHECK(EMIT(OP_LOAD_FAST, 0));
    } else {
        CHECK(compile_expr(c, gen->iter));
        CHECK(EMIT(OP_GET_ITER, 0));
    }
    depth++;
    use_label(c, start);
    CHECK(EMIT_JUMP(OP_FOR_ITER, anchor));
    CHECK(compile_store(c, gen->target));
    for (int i = 0; i < SEQ_LEN(gen->ifs); i++)
        CHECK(compile_jump_if(c, SEQ_GET(gen->ifs, i), if_cleanup, 0));
    if (++gen_index < SEQ_LEN(generators)) {
        CHECK(compile_comprehension_generator(c, generators, gen_index, depth, elt, val, type));
    } else {
        switch (type) {
        case EXPR_GENERATOREXP:
            CHECK(compile_expr(c, elt));
            CHECK(EMIT(OP_YIELD_VALUE, 0));
            CHECK(EMIT(OP_POP_TOP, 0));
            break;
        case EXPR_LISTCOMP:
            CHECK(compile_expr(c, elt));
            CHECK(EMIT(OP_LIST_APPEND, depth + 1));
            break;
        case EXPR_SETCOMP:
            CHECK(compile_expr(c, elt));
            CHECK(EMIT(OP_SET_ADD, depth + 1));
            break;
        case EXPR_DICTCOMP:
            CHECK(compile_expr(c, elt));
            CHECK(compile_expr(c, val));
            CHECK(EMIT(OP_MAP_ADD, depth + 1));
            break;
        }
    }
    use_label(c, if_cleanup);
    CHECK(EMIT_JUMP(OP_JUMP, start));
    use_label(c, anchor);
    return 1;
}

static int
compile_comprehension(Compiler *c, Expr *e)
{
    Seq *generators;
    Expr *elt, *val = NULL;
    const char *name;
    int build = 0;
    switch (e->kind) {
    case EXPR_GENERATOREXP:
        generators = e->v.GeneratorExp.generators;
        elt = e->v.GeneratorExp.elt;
        name = "<genexpr>";
        break;
    case EXPR_LISTCOMP:
        generators = e->v.ListComp.generators;
        elt = e->v.ListComp.elt;
        name = "<listcomp>";
        build = OP_BUILD_LIST;
        break;
    case EXPR_SETCOMP:
        generators = e->v.SetComp.generators;
        elt = e->v.SetComp.elt;
        name = "<setcomp>";
        build = OP_BUILD_SET;
        break;
    default:
        generators = e->v.DictComp.generators;
        elt = e->v.DictComp.key;
        val = e->v.DictComp.value;
        name = "<dictcomp>";
        build = OP_BUILD_MAP;
        break;
    }
    Comprehension *outermost = SEQ_GET(generators, 0);
    Object *qn = str_static(name);
    if (!qn)
        return 0;
    int ok = compiler_enter_scope(c, qn, UNIT_COMPREHENSION, e, e->lineno);
    decref(qn);
    CHECK(ok);
    Object *co = NULL;
    if (!compiler_set_qualname(c))
        goto fail;
    c->u->loc = LOC_OF(e);
    if (build && !EMIT(build, 0))
        goto fail;
    if (!compile_comprehension_generator(c, generators, 0, 0, elt, val, e->kind))
        goto fail;
    if (e->kind != EXPR_GENERATOREXP) {
        if (!EMIT(OP_RETURN_VALUE, 0))
            goto fail;
        co = assemble(c, 0);
    } else {
        co = assemble(c, 1);
    }
    compiler_exit_scope(c);
    if (!co)
        return 0;
    int flags = 0;
    ok = make_closure(c, (CodeObject *)co, NULL, &flags) && load_const(c, co) &&
         EMIT(OP_MAKE_FUNCTION, flags);
    decref(co);
    CHECK(ok);
    CHECK(compile_expr(c, outermost->iter));
    CHECK(EMIT(OP_GET_ITER, 0));
    return EMIT(OP_CALL, 0);
fail:
    compiler_exit_scope(c);
    return 0;
}

/* ================================================================ statements */

static int
compile_call_exit_with_nones(Compiler *c)
{
    CHECK(load_const(c, None));
    CHECK(load_const(c, None));
    CHECK(load_const(c, None));
    return EMIT(OP_CALL, 2);
}

static int
compile_stmts(Compiler *c, Seq *stmts)
{
    for (int i = 0; i < SEQ_LEN(stmts); i++)
        CHECK(compile_stmt(c, SEQ_GET(stmts, i)));
    return 1;
}

static int
compile_if(Compiler *c, Stmt *s)
{
    NEW_LABEL(end);
    int next = end;
    if (SEQ_LEN(s->v.If.orelse)) {
        next = new_label(c);
        if (next < 0)
            return 0;
    }
    CHECK(compile_jump_if(c, s->v.If.test, next, 0));
    CHECK(compile_stmts(c, s->v.If.body));
    if (SEQ_LEN(s->v.If.orelse)) {
        CHECK(EMIT_JUMP_NOLOC(OP_JUMP, end));
        use_label(c, next);
        CHECK(compile_stmts(c, s->v.If.orelse));
    }
    use_label(c, end);
    return 1;
}

static int
compile_for(Compiler *c, Stmt *s)
{
    NEW_LABEL(start);
    NEW_LABEL(cleanup);
    NEW_LABEL(end);
    CHECK(push_fblock(c, FB_FOR_LOOP, start, end, NULL));
    CHECK(compile_expr(c, s->v.For.iter));
    CHECK(EMIT(OP_GET_ITER, 0));
    use_label(c, start);
    CHECK(EMIT_JUMP(OP_FOR_ITER, cleanup));
    CHECK(compile_store(c, s->v.For.target));
    CHECK(compile_stmts(c, s->v.For.body));
    c->u->loc = LOC_OF(s);
    CHECK(EMIT_JUMP_NOLOC(OP_JUMP, start));
    use_label(c, cleanup);
    pop_fblock(c);
    CHECK(compile_stmts(c, s->v.For.orelse));
    use_label(c, end);
    return 1;
}

static int
compile_while(Compiler *c, Stmt *s)
{
    NEW_LABEL(loop);
    NEW_LABEL(body);
    NEW_LABEL(anchor);
    NEW_LABEL(exit);
    use_label(c, loop);
    CHECK(push_fblock(c, FB_WHILE_LOOP, loop, exit, NULL));
    /* a constant test (while True:) folds away: a NOP for its line, a JUMP at the bottom
    ** (fold_const_jumps) */
    CHECK(compile_jump_if(c, s->v.While.test, anchor, 0));
    use_label(c, body);
    CHECK(compile_stmts(c, s->v.While.body));
    /* as CPython 3.11: the test is compiled again at the bottom of the loop and jumps
       back to the body (so it runs once per iteration, and warnings about it appear
       twice) */
    c->u->loc = LOC_OF(s);
    CHECK(compile_jump_if(c, s->v.While.test, body, 1));
    pop_fblock(c);
    use_label(c, anchor);
    CHECK(compile_stmts(c, s->v.While.orelse));
    use_label(c, exit);
    return 1;
}

static int
compile_return(Compiler *c, Stmt *s)
{
    if (c->u->ste->type != BLOCK_FUNCTION)
        return compiler_error(c, LOC_OF(s), "'return' outside function");
    Expr *v = s->v.Return.value;
    int preserve_tos = v && v->kind != EXPR_CONSTANT;
    if (preserve_tos) {
        CHECK(compile_expr(c, v));
    } else if (v) {
        /* CPython's NOP for the value's line (kept if it is alone there); the location
        ** stays the value's */
        c->u->loc = LOC_OF(v);
        CHECK(EMIT(OP_NOP, 0));
    }
    if (!v || v->lineno != s->lineno) {
        c->u->loc = LOC_OF(s);
        CHECK(EMIT(OP_NOP, 0));
    }
    /* a constant return value is loaded after unwinding, at the location the unwinding
    ** left (none after a finally body or a with statement's exit) */
    CHECK(unwind_and_restore(c, preserve_tos, NULL));
    if (!v)
        CHECK(load_const(c, None));
    else if (!preserve_tos)
        CHECK(load_const(c, const_value(v)));
    return EMIT(OP_RETURN_VALUE, 0);
}

static int
compile_break_continue(Compiler *c, Stmt *s, int is_break)
{
    CodeUnit *u = c->u;
    int saved_depth = u->hdepth;
    int saved[64];
    memcpy(saved, u->hstack, sizeof(int) * (size_t)saved_depth);
    FBlock *loop = NULL;
    /* CPython's NOP for the statement's line; the jump takes the location the unwinding
    ** leaves (none after a finally body or a with statement's exit) */
    int ok = EMIT(OP_NOP, 0) && unwind_fblock_stack(c, 0, &loop);
    if (ok && !loop)
        ok = compiler_error(c, LOC_OF(s), is_break ? "'break' outside loop"
                                                   : "'continue' not properly in loop");
    if (ok) {
        if (is_break)
            ok = unwind_fblock(c, loop, 0) && EMIT_JUMP(OP_JUMP, loop->exit_label);
        else
            ok = EMIT_JUMP(OP_JUMP, loop->block_label);
    }
    memcpy(u->hstack, saved, sizeof(int) * (size_t)saved_depth);
    u->hdepth = saved_depth;
    return ok;
}

typedef struct HSnap {
    int depth;
    int stack[64];
} HSnap;

static void
hsnap(Compiler *c, HSnap *s)
{
    s->depth = c->u->hdepth;
    memcpy(s->stack, c->u->hstack, sizeof(int) * (size_t)s->depth);
}

static void
hrestore(Compiler *c, const HSnap *s)
{
    c->u->hdepth = s->depth;
    memcpy(c->u->hstack, s->stack, sizeof(int) * (size_t)s->depth);
}

static int
pop_except_and_reraise(Compiler *c)
{
    /* at the current location, as CPython's ADDOPs: none after an except clause or a
    ** with statement (UNSET_LOC), the finally body's last statement's after finally */
    CHECK(EMIT(OP_COPY, 3));
    CHECK(EMIT(OP_POP_EXCEPT, 0));
    return EMIT(OP_RERAISE, 1);
}

static int
compile_try_except(Compiler *c, Stmt *s)
{
    HSnap s0, s1;
    hsnap(c, &s0);
    NEW_LABEL(except);
    NEW_LABEL(end);
    NEW_LABEL(cleanup);
    CHECK(push_handler(c, OP_SETUP_FINALLY, except));
    CHECK(push_fblock(c, FB_TRY_EXCEPT, -1, -1, NULL));
    CHECK(compile_stmts(c, s->v.Try.body));
    pop_fblock(c);
    pop_handler(c);
    CHECK(compile_stmts(c, s->v.Try.orelse));
    CHECK(EMIT_JUMP_NOLOC(OP_JUMP, end));
    int n = SEQ_LEN(s->v.Try.handlers);
    use_label(c, except);
    c->u->loc = NO_LOC;
    CHECK(push_handler(c, OP_SETUP_CLEANUP, cleanup));
    CHECK(EMIT_NOLOC(OP_PUSH_EXC_INFO, 0));
    CHECK(push_fblock(c, FB_EXCEPTION_HANDLER, -1, -1, NULL));
    hsnap(c, &s1);
    for (int i = 0; i < n; i++) {
        ExceptHandler *h = SEQ_GET(s->v.Try.handlers, i);
        hrestore(c, &s1);
        c->u->loc = LOC_OF(h);
        if (!h->type && i < n - 1)
            return compiler_error(c, LOC_OF(h), "default 'except:' must be last");
        NEW_LABEL(next);
        if (h->type) {
            CHECK(compile_expr(c, h->type));
            CHECK(EMIT(OP_CHECK_EXC_MATCH, 0));
            CHECK(EMIT_JUMP(OP_POP_JUMP_IF_FALSE, next));
        }
        if (h->name) {
            NEW_LABEL(cleanup_end);
            CHECK(compiler_nameop(c, h->name, CTX_STORE));
            CHECK(push_handler(c, OP_SETUP_CLEANUP, cleanup_end));
            CHECK(push_fblock(c, FB_HANDLER_CLEANUP, -1, -1, h->name));
            CHECK(compile_stmts(c, h->body));
            pop_fblock(c);
            c->u->loc = NO_LOC;
            pop_handler(c);
            pop_handler(c);
            CHECK(EMIT_NOLOC(OP_POP_EXCEPT, 0));
            CHECK(load_const(c, None));
            CHECK(compiler_nameop(c, h->name, CTX_STORE));
            CHECK(compiler_nameop(c, h->name, CTX_DEL));
            CHECK(EMIT_JUMP_NOLOC(OP_JUMP, end));
            use_label(c, cleanup_end);
            hrestore(c, &s1);
            CHECK(load_const(c, None));
            CHECK(compiler_nameop(c, h->name, CTX_STORE));
            CHECK(compiler_nameop(c, h->name, CTX_DEL));
            CHECK(EMIT_NOLOC(OP_RERAISE, 1));
        } else {
            CHECK(EMIT(OP_POP_TOP, 0));
            CHECK(push_fblock(c, FB_HANDLER_CLEANUP, -1, -1, NULL));
            CHECK(compile_stmts(c, h->body));
            pop_fblock(c);
            c->u->loc = NO_LOC;
            pop_handler(c);
            CHECK(EMIT_NOLOC(OP_POP_EXCEPT, 0));
            CHECK(EMIT_JUMP_NOLOC(OP_JUMP, end));
        }
        use_label(c, next);
    }
    hrestore(c, &s1);
    c->u->loc = NO_LOC;
    pop_fblock(c);
    CHECK(EMIT_NOLOC(OP_RERAISE, 0));
    use_label(c, cleanup);
    hrestore(c, &s0);
    CHECK(pop_except_and_reraise(c));
    use_label(c, end);
    return 1;
}

static int
compile_try_finally(Compiler *c, Stmt *s)
{
    HSnap s0;
    hsnap(c, &s0);
    NEW_LABEL(end);
    NEW_LABEL(exit);
    NEW_LABEL(cleanup);
    Seq *finalbody = s->v.Try.finalbody;
    CHECK(push_handler(c, OP_SETUP_FINALLY, end));
    CHECK(push_fblock(c, FB_FINALLY_TRY, -1, -1, finalbody));
    if (SEQ_LEN(s->v.Try.handlers))
        CHECK(compile_try_except(c, s));
    else
        CHECK(compile_stmts(c, s->v.Try.body));
    pop_fblock(c);
    pop_handler(c);
    CHECK(compile_stmts(c, finalbody));
    CHECK(EMIT_JUMP_NOLOC(OP_JUMP, exit));
    use_label(c, end);
    c->u->loc = NO_LOC;
    CHECK(push_handler(c, OP_SETUP_CLEANUP, cleanup));
    CHECK(EMIT_NOLOC(OP_PUSH_EXC_INFO, 0));
    CHECK(push_fblock(c, FB_FINALLY_END, -1, -1, NULL));
    CHECK(compile_stmts(c, finalbody));
    pop_fblock(c);
    CHECK(EMIT(OP_RERAISE, 0));         /* where the finally body left the location */
    use_label(c, cleanup);
    hrestore(c, &s0);
    CHECK(pop_except_and_reraise(c));
    use_label(c, exit);
    return 1;
}

static int
compile_with(Compiler *c, Stmt *s, int pos)
{
    WithItem *item = SEQ_GET(s->v.With.items, pos);
    HSnap s0, sc;
    hsnap(c, &s0);
    NEW_LABEL(final);
    NEW_LABEL(exit);
    NEW_LABEL(cleanup);
    NEW_LABEL(suppress);
    CHECK(compile_expr(c, item->context_expr));
    c->u->loc = LOC_OF(s);
    CHECK(EMIT(OP_BEFORE_WITH, 0));
    CHECK(push_handler(c, OP_SETUP_WITH, final));
    CHECK(push_fblock(c, FB_WITH, -1, -1, s));
    if (item->optional_vars)
        CHECK(compile_store(c, item->optional_vars));
    else
        CHECK(EMIT(OP_POP_TOP, 0));
    if (pos + 1 < SEQ_LEN(s->v.With.items))
        CHECK(compile_with(c, s, pos + 1));
    else
        CHECK(compile_stmts(c, s->v.With.body));
    pop_fblock(c);
    pop_handler(c);
    c->u->loc = LOC_OF(s);
    CHECK(compile_call_exit_with_nones(c));
    CHECK(EMIT(OP_POP_TOP, 0));
    CHECK(EMIT_JUMP(OP_JUMP, exit));
    use_label(c, final);
    CHECK(push_handler(c, OP_SETUP_CLEANUP, cleanup));
    CHECK(EMIT(OP_PUSH_EXC_INFO, 0));
    CHECK(EMIT(OP_WITH_EXCEPT_START, 0));
    Loc with_loc = c->u->loc;
    c->u->loc = NO_LOC;                 /* compiler_with_except_finish's UNSET_LOC */
    CHECK(EMIT_JUMP(OP_POP_JUMP_IF_TRUE, suppress));
    CHECK(EMIT(OP_RERAISE, 2));
    hsnap(c, &sc);
    use_label(c, cleanup);
    hrestore(c, &s0);
    CHECK(pop_except_and_reraise(c));
    c->u->loc = with_loc;
    use_label(c, suppress);
    hrestore(c, &sc);
    CHECK(EMIT(OP_POP_TOP, 0));
    pop_handler(c);
    CHECK(EMIT(OP_POP_EXCEPT, 0));
    CHECK(EMIT(OP_POP_TOP, 0));
    CHECK(EMIT(OP_POP_TOP, 0));
    use_label(c, exit);
    return 1;
}

static int
compile_augassign(Compiler *c, Stmt *s)
{
    Expr *t = s->v.AugAssign.target;
    int op = binop_arg(s->v.AugAssign.op, 1);
    Loc loc = LOC_OF(s);
    switch (t->kind) {
    case EXPR_NAME:
        c->u->loc = LOC_OF(t);
        CHECK(compiler_nameop(c, t->v.Name.id, CTX_LOAD));
        CHECK(compile_expr(c, s->v.AugAssign.value));
        c->u->loc = loc;
        CHECK(EMIT(OP_BINARY_OP, op));
        c->u->loc = LOC_OF(t);
        return compiler_nameop(c, t->v.Name.id, CTX_STORE);
    case EXPR_ATTRIBUTE: {
        /* CPython's compiler_augassign: the target's location for its own
        ** instructions (COPY, SWAP too), the statement's for the operation */
        c->u->loc = LOC_OF(t);
        CHECK(compile_expr(c, t->v.Attribute.value));
        CHECK(EMIT(OP_COPY, 1));
        int ni = add_name(c, t->v.Attribute.attr);
        if (ni < 0)
            return 0;
        CHECK(EMIT(OP_LOAD_ATTR, ni));
        CHECK(compile_expr(c, s->v.AugAssign.value));
        c->u->loc = loc;
        CHECK(EMIT(OP_BINARY_OP, op));
        c->u->loc = LOC_OF(t);
        CHECK(EMIT(OP_SWAP, 2));
        return EMIT(OP_STORE_ATTR, ni);
    }
    case EXPR_SUBSCRIPT:
        c->u->loc = LOC_OF(t);
        CHECK(compile_expr(c, t->v.Subscript.value));
        CHECK(compile_expr(c, t->v.Subscript.slice));
        CHECK(EMIT(OP_COPY, 2));
        CHECK(EMIT(OP_COPY, 2));
        CHECK(EMIT(OP_BINARY_SUBSCR, 0));
        CHECK(compile_expr(c, s->v.AugAssign.value));
        c->u->loc = loc;
        CHECK(EMIT(OP_BINARY_OP, op));
        c->u->loc = LOC_OF(t);
        CHECK(EMIT(OP_SWAP, 3));
        CHECK(EMIT(OP_SWAP, 2));
        return EMIT(OP_STORE_SUBSCR, 0);
    default:
        return compiler_error(c, LOC_OF(t), "'%s' is an illegal expression for augmented "
                                            "assignment",
                              "expression");
    }
}

static int
compile_annassign(Compiler *c, Stmt *s)
{
    Expr *t = s->v.AnnAssign.target;
    if (s->v.AnnAssign.value) {
        CHECK(compile_expr(c, s->v.AnnAssign.value));
        CHECK(compile_store(c, t));
    }
    if (t->kind == EXPR_NAME) {
        if (s->v.AnnAssign.simple &&
            (c->u->kind == UNIT_MODULE || c->u->kind == UNIT_CLASS)) {
            CHECK(compile_expr(c, s->v.AnnAssign.annotation));
            CHECK(compiler_nameop(c, ID(__annotations__), CTX_LOAD));
            Object *mangled = sym_mangle(c->u->private_name, t->v.Name.id);
            if (!mangled)
                return 0;
            int ok = load_const(c, mangled);
            decref(mangled);
            CHECK(ok);
            CHECK(EMIT(OP_STORE_SUBSCR, 0));
        }
    } else if (!s->v.AnnAssign.value) {
        /* check the target expression as CPython does: evaluate its parts */
        if (t->kind == EXPR_ATTRIBUTE) {
            CHECK(compile_expr(c, t->v.Attribute.value));
            CHECK(EMIT(OP_POP_TOP, 0));
        } else if (t->kind == EXPR_SUBSCRIPT) {
            CHECK(compile_expr(c, t->v.Subscript.value));
            CHECK(EMIT(OP_POP_TOP, 0));
            CHECK(compile_expr(c, t->v.Subscript.slice));
            CHECK(EMIT(OP_POP_TOP, 0));
        }
        if (c->u->kind == UNIT_MODULE || c->u->kind == UNIT_CLASS) {
            CHECK(compile_expr(c, s->v.AnnAssign.annotation));
            CHECK(EMIT(OP_POP_TOP, 0));
        }
    }
    return 1;
}

static int
compile_assert(Compiler *c, Stmt *s)
{
    Expr *test = s->v.Assert.test;
    if (test->kind == EXPR_TUPLE && SEQ_LEN(test->v.Tuple.elts) > 0)
        CHECK(compiler_warn(c, LOC_OF(s), "assertion is always true, perhaps remove "
                                          "parentheses?"));
    if (test->kind == EXPR_CONSTANT && TUPLE_CHECK(const_value(test)) &&
        TUPLE_LEN(const_value(test)) > 0)
        CHECK(compiler_warn(c, LOC_OF(s), "assertion is always true, perhaps remove "
                                          "parentheses?"));
    NEW_LABEL(end);
    CHECK(compile_jump_if(c, test, end, 1));
    CHECK(EMIT(OP_LOAD_ASSERTION_ERROR, 0));
    if (s->v.Assert.msg) {
        CHECK(compile_expr(c, s->v.Assert.msg));
        CHECK(EMIT(OP_CALL, 0));
    }
    CHECK(EMIT(OP_RAISE_VARARGS, 1));
    use_label(c, end);
    return 1;
}

static int
compile_import(Compiler *c, Stmt *s)
{
    for (int i = 0; i < SEQ_LEN(s->v.Import.names); i++) {
        Alias *a = SEQ_GET(s->v.Import.names, i);
        Object *zero = int_from_long(0);
        CHECK(load_const_new(c, zero));
        CHECK(load_const(c, None));
        int ni = add_name_raw(c, a->name);
        if (ni < 0 || !EMIT(OP_IMPORT_NAME, ni))
            return 0;
        ssize_t n;
        const char *name = str_as_utf8(a->name, &n);
        if (!name)
            return 0;
        if (a->asname) {
            /* import a.b.c as d: walk the attributes */
            const char *dot = memchr(name, '.', (size_t)n);
            while (dot) {
                const char *start = dot + 1;
                const char *next = memchr(start, '.', (size_t)(name + n - start));
                Object *attr = str_intern_utf8(start, next ? next - start : name + n - start);
                if (!attr)
                    return 0;
                int ai = add_name_raw(c, attr);
                decref(attr);
                if (ai < 0 || !EMIT(OP_IMPORT_FROM, ai))
                    return 0;
                if (!next)
                    break;
                CHECK(EMIT(OP_SWAP, 2));
                CHECK(EMIT(OP_POP_TOP, 0));
                dot = next;
            }
            /* compiler_import_as: the last attribute is bound, then the module popped */
            CHECK(compiler_nameop(c, a->asname, CTX_STORE));
            if (dot)
                CHECK(EMIT(OP_POP_TOP, 0));
        } else {
            const char *dot = memchr(name, '.', (size_t)n);
            if (dot) {
                Object *first = str_intern_utf8(name, dot - name);
                if (!first)
                    return 0;
                int ok = compiler_nameop(c, first, CTX_STORE);
                decref(first);
                CHECK(ok);
            } else {
                CHECK(compiler_nameop(c, a->name, CTX_STORE));
            }
        }
    }
    return 1;
}

static int
compile_from_import(Compiler *c, Stmt *s)
{
    int n = SEQ_LEN(s->v.ImportFrom.names);
    Object *level = int_from_long(s->v.ImportFrom.level);
    CHECK(load_const_new(c, level));
    Object *names = pools_tuple(n);
    if (!names)
        return 0;
    for (int i = 0; i < n; i++) {
        Alias *a = SEQ_GET(s->v.ImportFrom.names, i);
        TUPLE_SET(names, i, newref(a->name));
    }
    CHECK(load_const_new(c, names));
    Object *mod = s->v.ImportFrom.module;
    Object *empty = NULL;
    if (!mod) {
        empty = str_empty();
        mod = empty;
    }
    int ni = add_name_raw(c, mod);
    xdecref(empty);
    if (ni < 0 || !EMIT(OP_IMPORT_NAME, ni))
        return 0;
    for (int i = 0; i < n; i++) {
        Alias *a = SEQ_GET(s->v.ImportFrom.names, i);
        if (i == 0 && str_eq_cstr(a->name, "*"))
            return EMIT(OP_IMPORT_STAR, 0);
        int ai = add_name_raw(c, a->name);
        if (ai < 0 || !EMIT(OP_IMPORT_FROM, ai))
            return 0;
        CHECK(compiler_nameop(c, a->asname ? a->asname : a->name, CTX_STORE));
    }
    return EMIT(OP_POP_TOP, 0);
}

static int
compile_stmt_inner(Compiler *c, Stmt *s)
{
    switch (s->kind) {
    case STMT_FUNCTIONDEF: {
        Seq *decos = s->v.FunctionDef.decorator_list;
        int firstlineno = SEQ_LEN(decos) ? ((Expr *)SEQ_GET(decos, 0))->lineno : s->lineno;
        CHECK(compile_function_like(c, s, s->v.FunctionDef.name, s->v.FunctionDef.args,
                                    s->v.FunctionDef.body, NULL, decos,
                                    s->v.FunctionDef.returns, firstlineno, 0));
        c->u->loc = LOC_OF(s);
        return compiler_nameop(c, s->v.FunctionDef.name, CTX_STORE);
    }
    case STMT_ASYNCFUNCTIONDEF:
    case STMT_ASYNCFOR:
    case STMT_ASYNCWITH:
        return compiler_error(c, LOC_OF(s), "async functions are not supported by pyheap");
    case STMT_CLASSDEF:
        return compile_class(c, s);
    case STMT_RETURN:
        return compile_return(c, s);
    case STMT_DELETE:
        for (int i = 0; i < SEQ_LEN(s->v.Delete.targets); i++)
            CHECK(compile_store(c, SEQ_GET(s->v.Delete.targets, i)));
        return 1;
    case STMT_ASSIGN: {
        int n = SEQ_LEN(s->v.Assign.targets);
        CHECK(compile_expr(c, s->v.Assign.value));
        for (int i = 0; i < n; i++) {
            if (i < n - 1)
                CHECK(EMIT(OP_COPY, 1));
            CHECK(compile_store(c, SEQ_GET(s->v.Assign.targets, i)));
        }
        return 1;
    }
    case STMT_AUGASSIGN:
        return compile_augassign(c, s);
    case STMT_ANNASSIGN:
        return compile_annassign(c, s);
    case STMT_FOR:
        return compile_for(c, s);
    case STMT_WHILE:
        return compile_while(c, s);
    case STMT_IF:
        return compile_if(c, s);
    case STMT_WITH:
        return compile_with(c, s, 0);
    case STMT_RAISE: {
        int n = 0;
        if (s->v.Raise.exc) {
            CHECK(compile_expr(c, s->v.Raise.exc));
            n++;
            if (s->v.Raise.cause) {
                CHECK(compile_expr(c, s->v.Raise.cause));
                n++;
            }
        }
        c->u->loc = LOC_OF(s);
        return EMIT(OP_RAISE_VARARGS, n);
    }
    case STMT_TRY:
        if (SEQ_LEN(s->v.Try.finalbody))
            return compile_try_finally(c, s);
        return compile_try_except(c, s);
    case STMT_ASSERT:
        return compile_assert(c, s);
    case STMT_IMPORT:
        return compile_import(c, s);
    case STMT_IMPORTFROM:
        return compile_from_import(c, s);
    case STMT_GLOBAL:
    case STMT_NONLOCAL:
        return 1;
    case STMT_EXPR: {
        Expr *v = s->v.Expr.value;
        if (c->interactive && c->nestlevel <= 1) {
            CHECK(compile_expr(c, v));
            return EMIT(OP_PRINT_EXPR, 0);
        }
        if (v->kind == EXPR_CONSTANT)
            return EMIT(OP_NOP, 0);
        CHECK(compile_expr(c, v));
        c->u->loc = NO_LOC;             /* CPython marks this POP_TOP artificial */
        return EMIT(OP_POP_TOP, 0);
    }
    case STMT_PASS:
        return EMIT(OP_NOP, 0);
    case STMT_BREAK:
        return compile_break_continue(c, s, 1);
    case STMT_CONTINUE:
        return compile_break_continue(c, s, 0);
    }
    return compiler_error(c, LOC_OF(s), "unknown statement");
}

static int
compile_stmt(Compiler *c, Stmt *s)
{
    if (++c->recursion > 2000 || rt_check_c_stack() < 0) {
        if (!err_occurred())
            err_set(exc_RecursionError, "maximum recursion depth exceeded during compilation");
        return 0;
    }
    c->u->loc = LOC_OF(s);
    int r = compile_stmt_inner(c, s);
    c->recursion--;
    return r;
}

/* ================================================================ assembler */

static int
popcount4(int x)
{
    return (x & 1) + ((x >> 1) & 1) + ((x >> 2) & 1) + ((x >> 3) & 1);
}

static int
stack_effect(int op, int arg, int jump)
{
    switch (op) {
    case OP_LOAD_GLOBAL:
        return 1 + (arg & 1);
    case OP_BUILD_TUPLE:
    case OP_BUILD_LIST:
    case OP_BUILD_SET:
    case OP_BUILD_STRING:
    case OP_BUILD_SLICE:
        return 1 - arg;
    case OP_BUILD_MAP:
        return 1 - 2 * arg;
    case OP_BUILD_CONST_KEY_MAP:
        return -arg;
    case OP_UNPACK_SEQUENCE:
        return arg - 1;
    case OP_UNPACK_EX:
        return (arg & 0xFF) + (arg >> 8);
    case OP_FORMAT_VALUE:
        return (arg & FVS_HAVE_SPEC) ? -1 : 0;
    case OP_CALL:
        return -(arg + 1);
    case OP_CALL_FUNCTION_EX:
        return -2 - (arg & 1);
    case OP_MAKE_FUNCTION:
        return -popcount4(arg);
    case OP_RAISE_VARARGS:
        return -arg;
    case OP_FOR_ITER:
        return jump ? -1 : 1;
    case OP_SEND:
        return jump ? -1 : 0;
    case OP_JUMP_IF_FALSE_OR_POP:
    case OP_JUMP_IF_TRUE_OR_POP:
        return jump ? 0 : -1;
    case OP_RETURN_GENERATOR:
        return 1;
    default:
        return opcode_effect[op];
    }
}

static int
is_jump(int op)
{
    switch (op) {
    case OP_JUMP: case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE:
    case OP_POP_JUMP_IF_NONE: case OP_POP_JUMP_IF_NOT_NONE: case OP_JUMP_IF_FALSE_OR_POP:
    case OP_JUMP_IF_TRUE_OR_POP: case OP_FOR_ITER: case OP_SEND:
        return 1;
    }
    return 0;
}

/* CPython 3.11's inline cache entries (code units) after an instruction. */
static int
cpy_cache(int op)
{
    switch (op) {
    case OP_BINARY_SUBSCR: case OP_STORE_ATTR: case OP_LOAD_ATTR: case OP_CALL:
        return 4;
    case OP_STORE_SUBSCR: case OP_UNPACK_SEQUENCE: case OP_BINARY_OP:
        return 1;
    case OP_COMPARE_OP:
        return 2;
    case OP_LOAD_GLOBAL:
        return 5;
    case OP_LOAD_METHOD:
        return 10;
    }
    return 0;
}

/* EXTENDED_ARG prefixes an argument needs. */
static int
cpy_ext(unsigned arg)
{
    return arg > 0xFFFFFF ? 3 : arg > 0xFFFF ? 2 : arg > 0xFF ? 1 : 0;
}

/* The code units CPython 3.11 spends on an instruction pyheap emits as op (jumps'
** arguments are CPython's relative distances, the caller's to give): its caches and
** EXTENDED_ARGs, the PRECALL (with its cache) every CALL has before it, the RESUME after
** a YIELD_VALUE. */
static int
cpy_isize(int op, unsigned arg)
{
    int n = 1 + cpy_cache(op) + cpy_ext(arg);
    if (op == OP_CALL)
        n += 2 + cpy_ext(arg);
    else if (op == OP_YIELD_VALUE)
        n += 1;
    return n;
}

static int is_setup(int op);
static int no_code(int op);
static int no_fallthrough(int op);
static void loc_entries(PtrVec *sizes, Loc l, int *prevline, int isize);

/* The units of the exit block (at most 4 instructions up to a return or raise, no label
** inside) that starts at instruction t, 0 if none starts there; *noline: none of its
** instructions has a line of its own. */
static int
exit_block(CodeUnit *u, const int *depth, const char *labelled, int t, int *noline)
{
    int count = 0, units = 0;
    *noline = 1;
    for (int j = t; j < u->ninstr; j++) {
        Instr *in = &u->instrs[j];
        if (depth[j] < 0 || (j > t && labelled[j]))
            return 0;
        if (in->op == OP_NOP)
            continue;
        if (no_code(in->op) || is_jump(in->op) || ++count > 4)
            return 0;
        units += cpy_isize(in->op, (unsigned)in->arg);
        *noline &= in->noline;
        if (in->op == OP_RETURN_VALUE || in->op == OP_RAISE_VARARGS || in->op == OP_RERAISE)
            return units;
    }
    return 0;
}

/* The code units CPython's flow-graph optimizer adds by copying exit blocks without a
** line number (the implicit return): an unconditional jump to one becomes a copy of it
** (extend_block; the block goes when nothing else reaches it), and one that several jumps
** (or a jump and the code before it) reach gets a copy per jump but one
** (duplicate_exits_without_lineno).  assemble writes the copies' location entries where
** CPython lays the copies out: jcopy[i] (1 + the exit's start) for a jump the copy
** replaces, gone[t] 1 for an exit block nothing reaches any more, 2 for one the
** conditional jumps' copies follow. */
static int
exit_copies(CodeUnit *u, const int *depth, int *jcopy, char *gone)
{
    int n = u->ninstr, extra = 0;
    char *labelled = calloc((size_t)n + 1, 1);
    int *preds = calloc((size_t)n + 1, sizeof(int)), *ext = calloc((size_t)n + 1, sizeof(int));
    if (!labelled || !preds || !ext) {
        free(labelled);
        free(preds);
        free(ext);
        return 0;
    }
    for (int l = 0; l < u->nlabels; l++)
        if (u->labels[l] >= 0 && u->labels[l] <= n)
            labelled[u->labels[l]] = 1;
    for (int i = 0; i < n; i++) {
        Instr *in = &u->instrs[i];
        if (depth[i] < 0 || !is_jump(in->op))
            continue;
        int t = u->labels[in->target], nl;
        while (t < n && u->instrs[t].op == OP_NOP)
            t++;
        int units = exit_block(u, depth, labelled, t, &nl);
        if (!units || !nl)      /* 3.11.2 copies only exits without a line number */
            continue;
        if (in->op == OP_JUMP) {
            extra += units - 1;         /* the copy replaces the jump */
            ext[t]++;
            jcopy[i] = t + 1;           /* its entries: where the jump stands (assemble) */
        } else {
            preds[t]++;
        }
    }
    for (int t = 0; t < n; t++) {
        if (!preds[t] && !ext[t])
            continue;
        int p = t - 1;
        while (p >= 0 && (depth[p] < 0 || no_code(u->instrs[p].op)))
            p--;
        int op = p >= 0 ? u->instrs[p].op : OP_JUMP;
        int fall = !(op == OP_JUMP || op == OP_RETURN_VALUE || op == OP_RAISE_VARARGS ||
                     op == OP_RERAISE);
        int nl, units = exit_block(u, depth, labelled, t, &nl);
        if (!preds[t] && !fall) {
            extra -= units;             /* every way in was a jump, now a copy */
            gone[t] = 1;
        }
        else if (preds[t])
            extra += units * (fall ? preds[t] : preds[t] - 1);
        if (preds[t] && fall)
            gone[t] = 2;        /* the conditional jumps' copies follow it (assemble) */
    }
    free(labelled);
    free(preds);
    free(ext);
    return extra;
}

static int
is_setup(int op)
{
    return op == OP_SETUP_FINALLY || op == OP_SETUP_CLEANUP || op == OP_SETUP_WITH;
}

/* Instructions that lay out no code: the exception-handler pseudo-instructions (the
** exception table holds them) and NOPs (CPython keeps some, for line numbers only). */
static int
no_code(int op)
{
    return is_setup(op) || op == OP_POP_BLOCK || op == OP_NOP;
}

static int
no_fallthrough(int op)
{
    return op == OP_JUMP || op == OP_RETURN_VALUE || op == OP_RAISE_VARARGS ||
           op == OP_RERAISE;
}

static int
is_deref_op(int op)
{
    return op == OP_LOAD_DEREF || op == OP_STORE_DEREF || op == OP_DELETE_DEREF ||
           op == OP_LOAD_CLASSDEREF || op == OP_LOAD_CLOSURE;
}

/* Flow analysis: the stack depth before each instruction (-1: unreachable). */
/* CPython 3.11's superinstructions: a pair of simple instructions runs as one dispatch.
** The first word's opcode is replaced and the second word is left as it was, so a jump
** to the second instruction still works; the VM skips it after running the pair. */
static void
combine_superinstructions(uint32_t *code, int nwords)
{
    for (int i = 0; i + 1 < nwords; i += 1 + opcode_cache[INSTR_OP(code[i])]) {
        int op = INSTR_OP(code[i]), next = INSTR_OP(code[i + 1]);
        int super = -1;
        if (op == OP_LOAD_FAST && next == OP_LOAD_FAST)
            super = OP_LOAD_FAST__LOAD_FAST;
        else if (op == OP_LOAD_FAST && next == OP_LOAD_CONST)
            super = OP_LOAD_FAST__LOAD_CONST;
        else if (op == OP_LOAD_CONST && next == OP_LOAD_FAST)
            super = OP_LOAD_CONST__LOAD_FAST;
        else if (op == OP_STORE_FAST && next == OP_LOAD_FAST)
            super = OP_STORE_FAST__LOAD_FAST;
        else if (op == OP_STORE_FAST && next == OP_STORE_FAST)
            super = OP_STORE_FAST__STORE_FAST;
        if (super >= 0)
            code[i] = MAKE_INSTR(super, INSTR_ARG(code[i]));
    }
}

static int
compute_depths(Compiler *c, int *depth, int *maxdepth, int start_depth)
{
    CodeUnit *u = c->u;
    int n = u->ninstr;
    int *work = heap_alloc(sizeof(int) * (size_t)(n + 1));
    if (!work) {
        err_no_memory();
        return 0;
    }
    for (int i = 0; i < n; i++)
        depth[i] = -1;
    int sp = 0;
    *maxdepth = start_depth;
#define PUSHW(idx, d)                                                                    \
    do {                                                                                 \
        int idx_ = (idx), d_ = (d);                                                      \
        if (idx_ >= n) {                                                                 \
            if (idx_ > n || d_ != 0) {                                                   \
                heap_free(work);                                                         \
                err_set(exc_SystemError, "compiler: jump past the end of the code");     \
                return 0;                                                                \
            }                                                                            \
            break;                                                                       \
        }                                                                                \
        if (d_ < 0) {                                                                    \
            heap_free(work);                                                             \
            err_set(exc_SystemError, "compiler: negative stack depth");                  \
            return 0;                                                                    \
        }                                                                                \
        if (depth[idx_] < 0) {                                                           \
            depth[idx_] = d_;                                                            \
            work[sp++] = idx_;                                                           \
            if (d_ > *maxdepth)                                                          \
                *maxdepth = d_;                                                          \
        }                                                                                \
    } while (0)
    if (n > 0)
        PUSHW(0, start_depth);
    while (sp > 0) {
        int i = work[--sp];
        for (;;) {
            Instr *in = &u->instrs[i];
            int d = depth[i];
            if (is_setup(in->op)) {
                /* SETUP_WITH comes after BEFORE_WITH pushed __enter__'s result, which
                ** is not on the stack any more when the handler runs (CPython's
                ** stack_effect(SETUP_WITH, jump) == 1 counts from below it) */
                Handler *h = &u->handlers[in->arg];
                h->depth = d - (in->op == OP_SETUP_WITH);
                PUSHW(u->labels[in->target], h->depth + 1 + h->lasti);
            } else if (is_jump(in->op)) {
                PUSHW(u->labels[in->target], d + stack_effect(in->op, in->arg, 1));
            }
            if (no_fallthrough(in->op))
                break;
            int nd = d + (is_setup(in->op) ? 0 : stack_effect(in->op, in->arg, 0));
            if (nd > *maxdepth)
                *maxdepth = nd;
            if (i + 1 >= n)
                break;
            if (depth[i + 1] >= 0)
                break;
            if (nd < 0) {
                heap_free(work);
                err_set(exc_SystemError, "compiler: negative stack depth");
                return 0;
            }
            depth[i + 1] = nd;
            i++;
        }
    }
#undef PUSHW
    heap_free(work);
    return 1;
}

static int
intern_string_constants(Object *tuple, int *modified)
{
    /* CPython 3.11's (codeobject.c): from the last item, into nested tuples, and through
    ** a frozenset's items as a tuple (PySequence_Tuple), rebuilt when one was interned */
    for (ssize_t i = TUPLE_LEN(tuple); --i >= 0;) {
        Object *v = TUPLE_GET(tuple, i);
        if (STR_CHECK_EXACT(v)) {
            if (str_is_identifier_chars(v)) {
                Object *w = newref(v);
                str_intern_inplace(&w);
                if (w != v) {
                    TUPLE_SET(tuple, i, w);
                    decref(v);
                    if (modified)
                        *modified = 1;
                } else {
                    decref(w);
                }
            }
        } else if (TUPLE_CHECK_EXACT(v)) {
            if (intern_string_constants(v, NULL) < 0)
                return -1;
        } else if (FROZENSET_CHECK_EXACT(v)) {
            Object *tmp = tuple_from_iterable(v);
            if (!tmp)
                return -1;
            int tmp_modified = 0;
            if (intern_string_constants(tmp, &tmp_modified) < 0) {
                decref(tmp);
                return -1;
            }
            if (tmp_modified) {
                Object *fs = frozenset_new(tmp);
                if (!fs) {
                    decref(tmp);
                    return -1;
                }
                TUPLE_SET(tuple, i, fs);
                decref(v);
                if (modified)
                    *modified = 1;
            }
            decref(tmp);
        }
    }
    return 0;
}

static Object *
list_to_interned_tuple(Object *list)
{
    Object *t = list_as_tuple(list);
    if (!t)
        return NULL;
    for (ssize_t i = 0; i < TUPLE_LEN(t); i++) {
        Object *v = TUPLE_GET(t, i);
        Object *w = newref(v);
        str_intern_inplace(&w);
        TUPLE_SET(t, i, w);
        decref(v);
    }
    return t;
}

static int compact_instrs(CodeUnit *u);

/* Whether a label points at instruction i (a jump may land there: no fold across it). */
static int
labelled_at(const CodeUnit *u, int i)
{
    for (int l = 0; l < u->nlabels; l++)
        if (u->labels[l] == i)
            return 1;
    return 0;
}

/* The flow-graph optimizer's PUSH_NULL + LOAD_GLOBAL: one LOAD_GLOBAL pushing the NULL
** too (a call on an attribute of a global, whose callee load does not fold it itself). */
static int
fold_push_null(Compiler *c)
{
    CodeUnit *u = c->u;
    int removed = 0;
    for (int i = 0; i + 1 < u->ninstr; i++) {
        Instr *in = &u->instrs[i];
        if (in->op != OP_PUSH_NULL || u->instrs[i + 1].op != OP_LOAD_GLOBAL ||
            (u->instrs[i + 1].arg & 1))
            continue;
        if (labelled_at(u, i + 1))
            continue;
        u->instrs[i + 1].arg |= 1;
        in->op = -1;
        removed++;
    }
    return removed ? compact_instrs(u) : 1;
}

/* The first instruction at or after index i that is not a NOP (a SETUP_* or POP_BLOCK
** counts: a jump is never threaded past a handler's push or pop). */
static int
code_at(CodeUnit *u, int i)
{
    while (i < u->ninstr && u->instrs[i].op == OP_NOP)
        i++;
    return i;
}

/* The flow-graph optimizer's jump threading: a jump to an unconditional JUMP on the same
** line goes where that one goes (JUMP_IF_FALSE_OR_POP also through a POP_JUMP_IF_FALSE or
** another of its kind, becoming the former); the JUMP may then be unreachable. */
static int
thread_jumps(Compiler *c)
{
    CodeUnit *u = c->u;
    for (int i = 0; i < u->ninstr; i++) {
        Instr *in = &u->instrs[i];
        for (int guard = 0; guard < 100; guard++) {
            int op = in->op;
            if (!(op == OP_JUMP || op == OP_POP_JUMP_IF_FALSE || op == OP_POP_JUMP_IF_TRUE ||
                  op == OP_POP_JUMP_IF_NONE || op == OP_POP_JUMP_IF_NOT_NONE ||
                  op == OP_JUMP_IF_FALSE_OR_POP || op == OP_JUMP_IF_TRUE_OR_POP))
                break;
            int t = code_at(u, u->labels[in->target]);
            if (t >= u->ninstr)
                break;
            Instr *tg = &u->instrs[t];
            int nop;
            if (tg->op == OP_JUMP)
                nop = op;
            else if (op == OP_JUMP_IF_FALSE_OR_POP && (tg->op == OP_POP_JUMP_IF_FALSE ||
                                                       tg->op == OP_JUMP_IF_FALSE_OR_POP))
                nop = tg->op == OP_POP_JUMP_IF_FALSE ? OP_POP_JUMP_IF_FALSE : op;
            else if (op == OP_JUMP_IF_TRUE_OR_POP && (tg->op == OP_POP_JUMP_IF_TRUE ||
                                                      tg->op == OP_JUMP_IF_TRUE_OR_POP))
                nop = tg->op == OP_POP_JUMP_IF_TRUE ? OP_POP_JUMP_IF_TRUE : op;
            else
                break;
            if (in->loc.lineno != tg->loc.lineno || in->target == tg->target || tg == in)
                break;
            in->target = tg->target;
            in->op = nop;
        }
    }
    return 1;
}

/* The next STORE_FAST or POP_TOP after i (NOPs skipped), on line 'line' when that is
** >= 0, with no label up to it; -1 if another instruction comes first. */
static int
next_swappable(CodeUnit *u, int i, int line)
{
    while (++i < u->ninstr) {
        Instr *in = &u->instrs[i];
        if (labelled_at(u, i))
            return -1;
        if (line >= 0 && in->loc.lineno != line)
            return -1;
        if (in->op == OP_NOP)
            continue;
        return in->op == OP_STORE_FAST || in->op == OP_POP_TOP ? i : -1;
    }
    return -1;
}

/* 3.11's apply_static_swaps: SWAP n before n stores to locals (or pops) becomes a NOP with
** the first and the n-th of them exchanged, on the same line. */
static void
static_swap(CodeUnit *u, int i)
{
    Instr *sw = &u->instrs[i];
    int j = next_swappable(u, i, -1);
    if (j < 0)
        return;
    int k = j, line = u->instrs[j].loc.lineno;
    for (int n = sw->arg - 1; n > 0; n--)
        if ((k = next_swappable(u, k, line)) < 0)
            return;
    sw->op = OP_NOP;
    sw->arg = 0;
    Instr t = u->instrs[j];
    u->instrs[j] = u->instrs[k];
    u->instrs[k] = t;
}

/* The flow-graph optimizer's BUILD_TUPLE n + UNPACK_SEQUENCE n for n <= 3: no tuple is
** made (`a, b = b, a` swaps on the stack); n 1 is nothing at all. */
static int
fold_unpack_swaps(Compiler *c)
{
    CodeUnit *u = c->u;
    for (int i = 0; i + 1 < u->ninstr; i++) {
        Instr *in = &u->instrs[i], *nx = &u->instrs[i + 1];
        if (in->op != OP_BUILD_TUPLE || nx->op != OP_UNPACK_SEQUENCE || in->arg != nx->arg ||
            in->arg < 1 || in->arg > 3)
            continue;
        if (labelled_at(u, i + 1))
            continue;
        in->op = OP_NOP;
        in->arg = 0;
        if (nx->arg == 1) {
            nx->op = OP_NOP;
            nx->arg = 0;
        } else {
            nx->op = OP_SWAP;
        }
    }
    for (int i = 0; i < u->ninstr; i++)
        if (u->instrs[i].op == OP_SWAP)
            static_swap(u, i);
    return 1;
}

/* The flow-graph optimizer's constant conditions: LOAD_CONST k + a conditional jump on
** it becomes NOP + JUMP (taken) or NOPs (not taken); JUMP_IF_*_OR_POP keeps the constant
** when it jumps.  The code it skips is then unreachable and never laid out
** (`if 0:`, `x if False else y`, `while 1:` loops test nothing). */
static int
fold_const_jumps(Compiler *c)
{
    CodeUnit *u = c->u;
    for (int i = 0; i + 1 < u->ninstr; i++) {
        Instr *in = &u->instrs[i], *nx = &u->instrs[i + 1];
        if (in->op != OP_LOAD_CONST)
            continue;
        if (nx->op == OP_IS_OP && i + 2 < u->ninstr &&
            LIST_GET(u->consts, in->arg) == None &&
            (u->instrs[i + 2].op == OP_POP_JUMP_IF_FALSE ||
             u->instrs[i + 2].op == OP_POP_JUMP_IF_TRUE)) {
            /* 'is None' + a jump on it: one POP_JUMP_IF_NONE / _NOT_NONE */
            if (!labelled_at(u, i + 1) && !labelled_at(u, i + 2)) {
                Instr *j = &u->instrs[i + 2];
                j->op = (nx->arg ^ (j->op == OP_POP_JUMP_IF_FALSE)) ? OP_POP_JUMP_IF_NOT_NONE
                                                                    : OP_POP_JUMP_IF_NONE;
                in->op = OP_NOP;
                nx->op = OP_NOP;
            }
            continue;
        }
        int jt;
        switch (nx->op) {
        case OP_POP_JUMP_IF_FALSE: case OP_JUMP_IF_FALSE_OR_POP: jt = 0; break;
        case OP_POP_JUMP_IF_TRUE: case OP_JUMP_IF_TRUE_OR_POP: jt = 1; break;
        default: continue;
        }
        if (labelled_at(u, i + 1))
            continue;
        int t = obj_is_true(LIST_GET(u->consts, in->arg));
        if (t < 0) {
            err_clear();
            continue;
        }
        int pop = nx->op == OP_POP_JUMP_IF_FALSE || nx->op == OP_POP_JUMP_IF_TRUE;
        if (t == jt) {
            nx->op = OP_JUMP;
            if (pop)
                in->op = OP_NOP;
        } else {
            in->op = OP_NOP;
            nx->op = OP_NOP;
        }
    }
    return 1;
}

/* The flow-graph optimizer's fold_tuple_on_constants: n LOAD_CONSTs and BUILD_TUPLE n in
** one basic block become one LOAD_CONST of the tuple (merged into the constant cache, and
** appended to the constants when new: the items stay among them, as in 3.11) -- default
** argument tuples and string annotations, which the AST folding does not see. */
static int
fold_const_tuples(Compiler *c)
{
    CodeUnit *u = c->u;
    for (int i = 0; i < u->ninstr; i++) {
        Instr *in = &u->instrs[i];
        int n = in->arg;
        /* BUILD_TUPLE 0 too (f(**kw) builds its empty positional tuple so): it becomes
        ** LOAD_CONST (), and () joins the constants, as in 3.11 */
        if (in->op != OP_BUILD_TUPLE || n < 0 || i < n)
            continue;
        if (i + 1 < u->ninstr && u->instrs[i + 1].op == OP_UNPACK_SEQUENCE &&
            u->instrs[i + 1].arg == n && n >= 1 && n <= 3)
            continue;
        int ok = 1;
        for (int k = i - n; k < i && ok; k++)
            ok = u->instrs[k].op == OP_LOAD_CONST;
        for (int l = 0; l < u->nlabels && ok; l++)
            ok = !(u->labels[l] > i - n && u->labels[l] <= i);
        if (!ok)
            continue;
        heap_side_leave();                  /* a constant: made in the pools */
        Object *t = tuple_new(n);
        for (int k = 0; t && k < n; k++)
            TUPLE_SET(t, k, newref(LIST_GET(u->consts, u->instrs[i - n + k].arg)));
        if (t)
            xdecref(fm_merge_one(c, newref(t)));
        heap_side_enter();
        if (!t)
            return 0;
        Object *m = merge_const(c, t);
        decref(t);
        if (!m)
            return 0;
        ssize_t idx = 0, nc = LIST_LEN(u->consts);
        while (idx < nc && LIST_GET(u->consts, idx) != m)
            idx++;
        if (idx == nc) {
            Object *key = int_from_size((size_t)(uintptr_t)m);
            Object *iv = key ? int_from_ssize(idx) : NULL;
            int r = iv && list_append(u->consts, m) == 0 &&
                    dict_setitem(u->consts_map, key, iv) == 0;
            xdecref(key);
            xdecref(iv);
            if (!r) {
                decref(m);
                return 0;
            }
        }
        decref(m);
        /* the LOAD_CONSTs become CPython's NOPs (fold_tuple_on_constants), which stay
        ** for the location table when alone on their line (a tuple over several
        ** lines) and lay out no code */
        in->op = OP_LOAD_CONST;
        in->arg = (int)idx;
        for (int k = i - n; k < i; k++) {
            u->instrs[k].op = OP_NOP;
            u->instrs[k].arg = 0;
        }
    }
    return 1;
}

/* Remove the instructions marked op -1 (a label never points at one: it moves to where
** its instruction goes). */
static int
compact_instrs(CodeUnit *u)
{
    int *newpos = heap_alloc(sizeof(int) * (size_t)(u->ninstr + 1));
    if (!newpos) {
        err_no_memory();
        return 0;
    }
    int w = 0;
    for (int i = 0; i < u->ninstr; i++) {
        newpos[i] = w;
        if (u->instrs[i].op != -1)
            u->instrs[w++] = u->instrs[i];
    }
    newpos[u->ninstr] = w;
    for (int l = 0; l < u->nlabels; l++)
        if (u->labels[l] >= 0)
            u->labels[l] = newpos[u->labels[l]];
    u->ninstr = w;
    heap_free(newpos);
    return 1;
}

static Object *
assemble(Compiler *c, int addNone)
{
    CodeUnit *u = c->u;
    if (addNone) {
        Loc last = u->ninstr ? u->instrs[u->ninstr - 1].loc : u->loc;
        u->loc = (Loc){last.lineno, last.lineno, -1, -1};
        if (!load_const(c, None) || !EMIT(OP_RETURN_VALUE, 0))
            return NULL;
        u->instrs[u->ninstr - 1].noline = u->instrs[u->ninstr - 2].noline = 1;
    }
    if (!fold_unpack_swaps(c) || !fold_const_tuples(c) || !fold_push_null(c) ||
        !fold_const_jumps(c) || !thread_jumps(c))
        return NULL;
    SymEntry *ste = u->ste;
    int flags = 0;
    if (ste->type == BLOCK_FUNCTION) {
        flags |= CO_NEWLOCALS | CO_OPTIMIZED;
        if (ste->nested)
            flags |= CO_NESTED;
        if (ste->generator)
            flags |= CO_GENERATOR;
        if (ste->varargs)
            flags |= CO_VARARGS;
        if (ste->varkeywords)
            flags |= CO_VARKEYWORDS;
    }
    int nvar = (int)LIST_LEN(u->varnames);
    int ncell = (int)LIST_LEN(u->cellvars);
    int nfree = (int)LIST_LEN(u->freevars);
    if (!ncell && !nfree)
        flags |= CO_NOFREE;
    /* localsplus: varnames, then cells that are not arguments, then frees */
    int *cellslot = heap_alloc(sizeof(int) * (size_t)(ncell + 1));
    uint8_t *kinds = heap_alloc((size_t)(nvar + ncell + nfree + 1));
    Object *lpnames = list_new(0);
    CodeObject *co = NULL;
    int *depth = NULL, *woff = NULL, *cwoff = NULL;
    uint32_t *code = NULL;
    CodeLoc *locs = NULL;
    ExcEntry *exc = NULL;
    PtrVec loc_sizes = {NULL, 0, 0};    /* CPython's location table entries (fmc_) */
    int *jcopy = NULL;                  /* a jump replaced by a copy of its exit: 1 + where */
    char *gone = NULL;                  /* an exit block every jump to copied: removed */
    int *jpreds = NULL;                 /* ... jumps to each instruction, the last one's */
    Loc *jlast = NULL;                  /* location (CPython's propagate_line_numbers) */
    if (!cellslot || !kinds || !lpnames) {
        err_no_memory();
        goto fail;
    }
    for (int i = 0; i < nvar; i++) {
        kinds[i] = CO_FAST_LOCAL;
        if (list_append(lpnames, LIST_GET(u->varnames, i)) < 0)
            goto fail;
    }
    int nlp = nvar;
    for (int i = 0; i < ncell; i++) {
        Object *name = LIST_GET(u->cellvars, i);
        Object *vi = dict_getitem(u->varnames_map, name);
        if (vi) {
            cellslot[i] = (int)int_as_long(vi);
            kinds[cellslot[i]] |= CO_FAST_CELL;
        } else {
            cellslot[i] = nlp;
            kinds[nlp++] = CO_FAST_CELL;
            if (list_append(lpnames, name) < 0)
                goto fail;
        }
    }
    int freebase = nlp;
    for (int i = 0; i < nfree; i++) {
        kinds[nlp++] = CO_FAST_FREE;
        if (list_append(lpnames, LIST_GET(u->freevars, i)) < 0)
            goto fail;
    }
    /* fix cell/free references to slots */
    for (int i = 0; i < u->ninstr; i++) {
        Instr *in = &u->instrs[i];
        if (is_deref_op(in->op))
            in->arg = in->arg < ncell ? cellslot[in->arg] : freebase + (in->arg - ncell);
    }
    /* prefix: COPY_FREE_VARS, MAKE_CELL..., RETURN_GENERATOR, POP_TOP */
    {
        int nprefix = (nfree ? 1 : 0) + ncell + ((flags & CO_GENERATOR) ? 2 : 0);
        if (nprefix) {
            while (u->ninstr + nprefix > u->capinstr) {
                int ncap = u->capinstr ? u->capinstr * 2 : 64;
                Instr *ni = heap_realloc(u->instrs, sizeof(Instr) * (size_t)ncap);
                if (!ni) {
                    err_no_memory();
                    goto fail;
                }
                u->instrs = ni;
                u->capinstr = ncap;
            }
            memmove(u->instrs + nprefix, u->instrs, sizeof(Instr) * (size_t)u->ninstr);
            u->ninstr += nprefix;
            for (int l = 0; l < u->nlabels; l++)
                if (u->labels[l] >= 0)
                    u->labels[l] += nprefix;
            int k = 0;
            Loc first = {u->firstlineno, u->firstlineno, -1, -1};
            if (nfree)
                u->instrs[k++] = (Instr){OP_COPY_FREE_VARS, nfree, -1, NO_LOC, -1};
            /* cells in slot order */
            for (int s = 0; s < nlp; s++)
                for (int i = 0; i < ncell; i++)
                    if (cellslot[i] == s)
                        u->instrs[k++] = (Instr){OP_MAKE_CELL, s, -1, NO_LOC, -1};
            if (flags & CO_GENERATOR) {
                u->instrs[k++] = (Instr){OP_RETURN_GENERATOR, 0, -1, first, -1};
                u->instrs[k++] = (Instr){OP_POP_TOP, 0, -1, first, -1};
            }
        }
    }
    int n = u->ninstr;
    depth = heap_alloc(sizeof(int) * (size_t)(n + 1));
    woff = heap_alloc(sizeof(int) * (size_t)(n + 1));
    if (!depth || !woff) {
        err_no_memory();
        goto fail;
    }
    int maxdepth;
    if (!compute_depths(c, depth, &maxdepth, 0))
        goto fail;
    /* a JUMP to where execution goes next anyway (past unreachable code only) is a NOP;
    ** a NOP with a line of its own in between (an `else: pass`) stays CPython's, which
    ** keeps its block and the jump (then a copy of its exit: extend_block) */
    for (int i = 0; i < n; i++) {
        Instr *in = &u->instrs[i];
        if (depth[i] < 0 || in->op != OP_JUMP)
            continue;
        int t = u->labels[in->target], j = i + 1;
        while (j < t && (depth[j] < 0 || (no_code(u->instrs[j].op) &&
                                          (u->instrs[j].op != OP_NOP || u->instrs[j].loc.lineno < 0))))
            j++;
        if (j == t)
            in->op = OP_NOP;
    }
    /* layout */
    int nwords = 0;
    for (int i = 0; i < n; i++) {
        woff[i] = nwords;
        Instr *in = &u->instrs[i];
        if (depth[i] < 0 || no_code(in->op))
            continue;
        nwords += 1 + opcode_cache[in->op];
    }
    woff[n] = nwords;
    /* CPython's layout in code units (the sizes of its code object, bytecode and
    ** location table): offsets without the jumps' EXTENDED_ARGs first, then each
    ** jump's relative distance on those */
    cwoff = heap_alloc(sizeof(int) * (size_t)(n + 1));
    if (!cwoff) {
        err_no_memory();
        goto fail;
    }
    int cunits = 0, cline = -1;
    for (int i = 0; i < n; i++) {
        cwoff[i] = cunits;
        Instr *in = &u->instrs[i];
        if (depth[i] < 0 || in->op == OP_POP_BLOCK)
            continue;
        if (no_code(in->op)) {
            /* CPython's NOP (a SETUP_* becomes one too), kept when it alone carries
            ** its line (no instruction before or after it on that line) */
            int line = in->loc.lineno, j = i + 1;
            while (j < n && (depth[j] < 0 || u->instrs[j].op == OP_POP_BLOCK))
                j++;
            /* the next instruction is CPython's next, NOPs included; one with no line of
            ** its own takes this one's (clean_basic_block) */
            int next = j < n ? (u->instrs[j].noline ? line : u->instrs[j].loc.lineno) : -1;
            if (line >= 0 && line != cline && next >= 0 && next != line) {
                cunits++;
                cline = line;
            }
            continue;
        }
        cunits += cpy_isize(in->op, is_jump(in->op) ? 0 : (unsigned)in->arg);
        if (in->loc.lineno >= 0)
            cline = in->loc.lineno;
    }
    cwoff[n] = cunits;
    jcopy = calloc((size_t)n + 1, sizeof(int));
    gone = calloc((size_t)n + 1, 1);
    if (!jcopy || !gone) {
        err_no_memory();
        goto fail;
    }
    cunits += exit_copies(u, depth, jcopy, gone);
    for (int i = 0; i < n; i++) {
        Instr *in = &u->instrs[i];
        if (depth[i] < 0 || !is_jump(in->op))
            continue;
        int to = cwoff[u->labels[in->target]], after = cwoff[i] + 1;
        cunits += cpy_ext((unsigned)(to > after ? to - after : after - to));
    }
    code = heap_alloc(sizeof(uint32_t) * (size_t)(nwords + 1));
    locs = heap_alloc(sizeof(CodeLoc) * (size_t)(nwords + 1));
    if (!code || !locs) {
        err_no_memory();
        goto fail;
    }
    int w = 0;
    Loc prev = {u->firstlineno, u->firstlineno, -1, -1};
    int cpy_line = u->firstlineno, cpy_resumed = 0;
    /* CPython's propagate_line_numbers: the implicit return, in the block of the last
    ** instruction (no jump lands on it), takes that instruction's whole location */
    /* CPython's propagate_line_numbers (and the exit copies' COPY_INSTR_LOC): an
    ** instruction without a location of its own -- an artificial jump, the implicit
    ** return -- takes the one before it in its block; a block's first one takes its only
    ** predecessor's (the instruction falling into it, or the one jump to it) */
    const Loc no_loc = {-1, -1, -1, -1};
    Loc cpy_prev = no_loc;
    int cpy_prev_falls = 0;     /* the instruction before falls through */
    int in_gone = 0;            /* inside an exit block CPython removed */
    int copied_exit = 0;        /* inside one the conditional jumps' copies follow: 1 + start */
    jpreds = calloc((size_t)n + 1, sizeof(int));
    jlast = calloc((size_t)n + 1, sizeof(Loc));
    if (!jpreds || !jlast) {
        err_no_memory();
        goto fail;
    }
    for (int i = 0; i < n; i++) {
        Instr *in = &u->instrs[i];
        if (depth[i] < 0 || !is_jump(in->op))
            continue;
        if (jcopy[i])
            continue;                   /* a copy of its exit block now, no jump */
        int t = u->labels[in->target];
        while (t < n && (depth[t] < 0 || no_code(u->instrs[t].op)))
            t++;
        jpreds[t]++;
        jlast[t] = in->loc;
    }
    for (int i = 0; i < n; i++) {
        Instr *in = &u->instrs[i];
        if (no_code(in->op) && depth[i] >= 0 && cwoff[i + 1] > cwoff[i]) {
            if (!cpy_resumed) {         /* RESUME comes first (see below) */
                cpy_resumed = 1;
                if (pv_push(&loc_sizes, (void *)(intptr_t)(u->kind == UNIT_MODULE ? 5 : 2)) ==
                        0 &&
                    u->kind == UNIT_MODULE)
                    cpy_line = 0;
            }
            loc_entries(&loc_sizes, in->loc, &cpy_line, 1);     /* CPython's NOP */
        }
        if (in->op == OP_NOP && depth[i] >= 0 && in->loc.lineno >= 0) {
            cpy_prev = in->loc;         /* its location passes on before it goes */
            cpy_prev_falls = 1;
        }
        if (depth[i] < 0 || no_code(in->op))
            continue;
        if (!cpy_resumed && in->op != OP_COPY_FREE_VARS && in->op != OP_MAKE_CELL &&
            in->op != OP_RETURN_GENERATOR && !(in->op == OP_POP_TOP && i > 0 &&
                                               u->instrs[i - 1].op == OP_RETURN_GENERATOR)) {
            /* CPython's RESUME, which pyheap does not emit: at line 0 in a module (a
            ** long-form entry), else on the first line with no column */
            cpy_resumed = 1;
            if (pv_push(&loc_sizes, (void *)(intptr_t)(u->kind == UNIT_MODULE ? 5 : 2)) == 0 &&
                u->kind == UNIT_MODULE)
                cpy_line = 0;
        }
        if (in->op == OP_CALL)      /* CPython's PRECALL: an entry of its own */
            loc_entries(&loc_sizes, in->loc, &cpy_line, 2 + cpy_ext((unsigned)in->arg));
        Loc eloc = in->loc;
        int start = jpreds[i] > 0 || !cpy_prev_falls;
        Loc base = cpy_prev;
        if (start && in->noline)        /* an exit block: copies went to the other jumps */
            base = cpy_prev_falls ? cpy_prev : jpreds[i] ? jlast[i] : no_loc;
        else if (start)
            base = jpreds[i] + cpy_prev_falls != 1 ? no_loc
                   : cpy_prev_falls           ? cpy_prev
                                              : jlast[i];
        if ((in->noline || in->loc.lineno < 0) && base.lineno >= 0)
            eloc = base;
        if (eloc.lineno >= 0)
            cpy_prev = eloc;
        else if (start)
            cpy_prev = no_loc;
        cpy_prev_falls = !no_fallthrough(in->op);
        if (gone[i] == 1)
            in_gone = 1;                /* CPython removed this exit block */
        else if (gone[i] == 2)
            copied_exit = i + 1;
        if (in_gone) {
            if (no_fallthrough(in->op))
                in_gone = 0;
        } else if (jcopy[i]) {
            /* extend_block: the jump is a copy of its exit block, whose instructions
            ** without a line take the location the jump had */
            for (int j = jcopy[i] - 1; j < n; j++) {
                Instr *e = &u->instrs[j];
                if (e->op == OP_NOP)
                    continue;
                Loc el = e->noline || e->loc.lineno < 0 ? eloc : e->loc;
                loc_entries(&loc_sizes, el, &cpy_line, cpy_isize(e->op, (unsigned)e->arg));
                if (el.lineno >= 0)
                    cpy_prev = el;
                if (no_fallthrough(e->op))
                    break;
            }
        } else {
            loc_entries(&loc_sizes, eloc, &cpy_line,
                        cpy_isize(in->op, is_jump(in->op) ? 0 : (unsigned)in->arg) -
                            (in->op == OP_CALL ? 2 + cpy_ext((unsigned)in->arg) : 0) -
                            (in->op == OP_YIELD_VALUE));
        }
        if (copied_exit && no_fallthrough(in->op)) {
            /* duplicate_exits_without_lineno puts each conditional jump's copy right
            ** after the exit block (a later jump's before an earlier one's), its
            ** instructions at the jump's location */
            int t = copied_exit - 1;
            copied_exit = 0;
            for (int k = n - 1; k >= 0; k--) {
                Instr *jn = &u->instrs[k];
                if (depth[k] < 0 || !is_jump(jn->op) || jn->op == OP_JUMP)
                    continue;
                int tt = u->labels[jn->target];
                while (tt < n && u->instrs[tt].op == OP_NOP)
                    tt++;
                if (tt != t)
                    continue;
                for (int j = t; j < n; j++) {
                    Instr *e = &u->instrs[j];
                    if (e->op == OP_NOP)
                        continue;
                    loc_entries(&loc_sizes, e->noline ? jn->loc : e->loc, &cpy_line,
                                cpy_isize(e->op, (unsigned)e->arg));
                    if (no_fallthrough(e->op))
                        break;
                }
            }
        }
        if (in->op == OP_YIELD_VALUE)   /* CPython's RESUME after it */
            loc_entries(&loc_sizes, in->loc, &cpy_line, 1);
        int arg = in->arg;
        if (is_jump(in->op))
            arg = woff[u->labels[in->target]];
        if (arg > MAX_OPARG) {
            err_set(exc_SystemError, "compiler: code too large");
            goto fail;
        }
        Loc l = in->loc;
        if (l.lineno < 0)
            l = (Loc){prev.lineno, prev.lineno, -1, -1};
        else
            prev = l;
        CodeLoc cl = {l.lineno, l.end_lineno, (int16_t)(l.col > 32767 ? -1 : l.col),
                      (int16_t)(l.end_col > 32767 ? -1 : l.end_col)};
        code[w] = MAKE_INSTR(in->op, arg);
        locs[w++] = cl;
        for (int k = 0; k < opcode_cache[in->op]; k++) {
            code[w] = MAKE_INSTR(OP_CACHE, 0);
            locs[w++] = cl;
        }
    }
    combine_superinstructions(code, w);
    /* exception table */
    int nexc = 0, capexc = 8;
    exc = heap_alloc(sizeof(ExcEntry) * (size_t)capexc);
    if (!exc) {
        err_no_memory();
        goto fail;
    }
    int cur = -1, start = 0;
    for (int i = 0; i <= n; i++) {
        int h = -1;
        int kept = i < n && depth[i] >= 0 && !no_code(u->instrs[i].op);
        if (i < n && !kept)
            continue;
        if (i < n)
            h = u->instrs[i].handler;
        if (h != cur || i == n) {
            if (cur >= 0 && woff[i] > start) {
                if (nexc == capexc) {
                    capexc *= 2;
                    ExcEntry *ne = heap_realloc(exc, sizeof(ExcEntry) * (size_t)capexc);
                    if (!ne) {
                        err_no_memory();
                        goto fail;
                    }
                    exc = ne;
                }
                Handler *hd = &u->handlers[cur];
                exc[nexc].start = (uint32_t)start;
                exc[nexc].end = (uint32_t)woff[i];
                exc[nexc].handler = (uint32_t)woff[u->labels[hd->label]];
                exc[nexc].depth = (uint16_t)(hd->depth < 0 ? 0 : hd->depth);
                exc[nexc].lasti = (uint16_t)hd->lasti;
                nexc++;
            }
            cur = h;
            start = i < n ? woff[i] : 0;
        }
    }
    /* the front model's bytes objects are equal when these are (fmc_assemble) */
    uint64_t fh[3] = {14695981039346656037u, 14695981039346656037u, 14695981039346656037u};
    for (int i = 0; i < w; i++) {
        fh[0] = (fh[0] ^ code[i]) * 1099511628211u;
        int32_t lv[4] = {locs[i].lineno - u->firstlineno, locs[i].end_lineno - locs[i].lineno,
                         locs[i].col, locs[i].end_col};
        for (int k = 0; k < 4; k++)
            fh[1] = (fh[1] ^ (uint32_t)lv[k]) * 1099511628211u;
    }
    for (int i = 0; i < nexc; i++) {
        uint32_t ev[4] = {exc[i].start, exc[i].end, exc[i].handler,
                          (uint32_t)exc[i].depth << 1 | exc[i].lasti};
        for (int k = 0; k < 4; k++)
            fh[2] = (fh[2] ^ ev[k]) * 1099511628211u;
    }
    Object *fm_lt = NULL, *fm_ex = NULL, *fm_consts = NULL;
    fmc_assemble(c, u, cunits + 1, &loc_sizes, nexc, fh, &fm_lt, &fm_ex, &fm_consts);
    /* trim_unused_consts: the constants after the last one an instruction loads go (the
    ** first, a docstring maybe, always stays): `while True:` tests nothing, so its True
    ** goes unless a later constant is loaded */
    int max_const = 0;
    for (int i = 0; i < n; i++) {
        Instr *in = &u->instrs[i];
        if (depth[i] >= 0 && (in->op == OP_LOAD_CONST || in->op == OP_KW_NAMES) &&
            in->arg > max_const)
            max_const = in->arg;
    }
    if (max_const + 1 < LIST_LEN(u->consts)) {
        if (list_setslice(u->consts, max_const + 1, LIST_LEN(u->consts), NULL) < 0)
            goto fail;
        if (fm_consts) {
            int d = heap_side_suspend();
            if (list_setslice(fm_consts, max_const + 1, LIST_LEN(fm_consts), NULL) < 0)
                err_clear();
            heap_side_resume(d);
        }
    }
    heap_side_leave();
    /* makecode's order: names, consts and localsplusnames, each merged into the constant
    ** cache (equal tuples of one compilation are one object), then the code object */
    Object *names = fm_merge_one(c, list_to_interned_tuple(u->names));
    Object *consts = list_as_tuple(u->consts);
    if (consts)
        intern_string_constants(consts, NULL);
    consts = fm_merge_one(c, consts);
    Object *lpn = fm_merge_one(c, list_to_interned_tuple(lpnames));
    co = code_new_sized(cunits + 1);    /* CPython's RESUME included */
    if (co) {
        co->cpy_units = cunits + 1;
        co->consts = consts;
        co->names = names;
        co->localsplusnames = lpn;
        co->linetable = fm_lt;
        co->exctable_bytes = fm_ex;
    } else {
        xdecref(consts);
        xdecref(names);
        xdecref(lpn);
        xdecref(fm_lt);
        xdecref(fm_ex);
    }
    xdecref(fm_consts);
    heap_side_enter();
    if (!co || !co->consts || !co->names || !co->localsplusnames)
        goto fail;
    co->localspluskinds = kinds;
    kinds = NULL;
    co->filename = newref(c->filename_obj);
    co->name = newref(u->name);
    co->qualname = newref(u->qualname ? u->qualname : u->name);
    co->argcount = u->argcount;
    co->posonlyargcount = u->posonlyargcount;
    co->kwonlyargcount = u->kwonlyargcount;
    co->nlocalsplus = nlp;
    if (nlp == 0) {
        /* CPython's co_localspluskinds is a bytes object: b'' here (code_dealloc gives
        ** the reference back) */
        Object *e = bytes_from_buf("", 0);
        if (!e)
            goto fail;
    }
    co->nlocals = nvar;
    co->ncellvars = ncell;
    co->nfreevars = nfree;
    co->stacksize = maxdepth;
    co->flags = flags;
    co->firstlineno = u->firstlineno;
    co->ncode = nwords;
    co->code = code;
    co->locs = locs;
    co->nexc = nexc;
    co->exctable = exc;
    co->framesize = nlp + co->stacksize;
    code = NULL;
    locs = NULL;
    exc = NULL;
    free(loc_sizes.p);
    free(jcopy);
    free(gone);
    free(jpreds);
    free(jlast);
    heap_free(cellslot);
    heap_free(depth);
    heap_free(woff);
    heap_free(cwoff);
    decref(lpnames);
    return (Object *)co;
fail:
    free(loc_sizes.p);
    free(jcopy);
    free(gone);
    free(jpreds);
    free(jlast);
    heap_free(cellslot);
    heap_free(kinds);
    heap_free(depth);
    heap_free(woff);
    heap_free(cwoff);
    heap_free(code);
    heap_free(locs);
    heap_free(exc);
    xdecref(lpnames);
    xdecref(co);
    return NULL;
}

/* ================================================================ entry points */

Object *
compile_mod(Mod *mod, const char *filename, ParseMode mode, const char *source,
            size_t source_len, Arena *arena)
{
    Object *fn = str_from_cstr(filename);
    if (!fn)
        return NULL;
    Object *r = compile_mod_with(mod, fn, mode, source, source_len, arena);
    decref(fn);
    return r;
}

Object *
compile_mod_with(Mod *mod, Object *filename_obj, ParseMode mode, const char *source,
                 size_t source_len, Arena *arena)
{
    const char *filename = str_as_utf8(filename_obj, NULL);
    if (!filename)
        return NULL;
    /* The compiler's own tables and temporaries take no pool blocks: what the pools see
    ** is the objects that outlive it (folded constants, code objects and their tuples). */
    heap_side_enter();
    Object *result = NULL;
    Compiler c;
    memset(&c, 0, sizeof c);
    c.filename = filename;
    c.filename_obj = newref(filename_obj);
    c.mode = mode;
    c.interactive = mode == PARSE_SINGLE;
    c.const_cache = dict_new();
    if (!c.filename_obj || !c.const_cache)
        goto done;
    int ok;
    fmc_begin(&c);
    heap_side_leave();
    if (mode == PARSE_EVAL)
        ok = fold_expr(arena, mod->expr, 0);
    else
        ok = fold_seq_stmt(arena, mod->body, 0);
    heap_side_enter();
    if (!ok)
        goto done;
    c.st = symtable_build(mod, filename);
    if (!c.st)
        goto done;
    fmc_symtable(&c);
    Object *name = str_static("<module>");
    if (!name)
        goto done;
    ok = compiler_enter_scope(&c, name, UNIT_MODULE, mod, 1);
    decref(name);
    if (!ok)
        goto done;
    c.u->qualname = newref(c.u->name);
    c.nestlevel = 1;
    if (mode == PARSE_EVAL) {
        c.u->loc = LOC_OF(mod->expr);
        if (compile_expr(&c, mod->expr) && emit_full(&c, OP_RETURN_VALUE, 0, -1, c.u->loc))
            result = assemble(&c, 0);
    } else {
        if (compile_body(&c, mod->body))
            result = assemble(&c, 1);
    }
    compiler_exit_scope(&c);
done:
    if (c.u) {
        while (c.u)
            compiler_exit_scope(&c);
    }
    fmc_end(&c);
    symtable_free(c.st);
    xdecref(c.filename_obj);
    xdecref(c.const_cache);
    heap_side_leave();
    return result;
}

Object *
compile_source(const char *src, size_t len, const char *filename, ParseMode mode,
               Arena **keep_arena)
{
    Arena *arena = arena_new();
    if (!arena)
        return NULL;
    ParseResult pr = parse_source(src, len, filename, mode, arena);
    Object *co = NULL;
    if (pr.mod)
        co = compile_mod(pr.mod, filename, mode, src, len, arena);
    if (keep_arena && co)
        *keep_arena = arena;
    else
        arena_free(arena);
    return co;
}

/* ================================================================ disassembler */

void
compile_dis(Object *code, void *file)
{
    FILE *f = file;
    CodeObject *co = (CodeObject *)code;
    fprintf(f, "Disassembly of %s (%d words, stack %d):\n", str_as_utf8(co->name, NULL),
            co->ncode, co->stacksize);
    int lastline = -1;
    for (int i = 0; i < co->ncode; i++) {
        uint32_t w = co->code[i];
        int op = INSTR_OP(w);
        if (op == OP_CACHE)
            continue;
        int line = co->locs[i].lineno;
        if (line != lastline)
            fprintf(f, "%4d ", line);
        else
            fprintf(f, "     ");
        lastline = line;
        fprintf(f, "%6d %-24s %d", i, op < OP__COUNT ? opcode_names[op] : "?", INSTR_ARG(w));
        if (op == OP_LOAD_CONST) {
            Object *r = obj_repr(TUPLE_GET(co->consts, INSTR_ARG(w)));
            if (r) {
                fprintf(f, " (%s)", str_as_utf8(r, NULL));
                decref(r);
            } else {
                err_clear();
            }
        }
        fputc('\n', f);
    }
    for (int i = 0; i < co->nexc; i++)
        fprintf(f, "  exc %u to %u -> %u [%u]%s\n", co->exctable[i].start, co->exctable[i].end,
                co->exctable[i].handler, co->exctable[i].depth,
                co->exctable[i].lasti ? " lasti" : "");
    for (ssize_t i = 0; i < TUPLE_LEN(co->consts); i++)
        if (TYPE(TUPLE_GET(co->consts, i)) == &code_type)
            compile_dis(TUPLE_GET(co->consts, i), f);
}
