/*
** state.c -- the Runtime 'rt', start-up of the runtime layer (types, caches), the
** recursion guards (Python depth + C stack), the deallocation "trashcan" and the repr()
** recursion guard.
**
** C stack guard: at start-up we note an address near the base of the main thread's
** stack and the stack limit (getrlimit); rt_check_c_stack() compares the address of a
** local against base - size + margin.  Every C-level recursion (repr, comparison, the
** parser, the compiler, calls from C back into Python) goes through it, so deep input
** yields RecursionError instead of a segfault.
*/
#include "weakrefobject.h"
#include "state.h"
#include "error.h"
#include "heap.h"
#include "gc.h"
#include "hash.h"
#include "intobject.h"
#include "floatobject.h"
#include "strobject.h"
#include "tupleobject.h"
#include "listobject.h"
#include "dictobject.h"
#include "typeobject.h"
#include "exceptions.h"
#include "descrobject.h"
#include "iterobject.h"
#include "rangeobject.h"
#include "sliceobject.h"
#include "codeobject.h"
#include "frameobject.h"
#include "traceback.h"
#include "fileobject.h"
#include "methodobject.h"
#include "genericalias.h"
#include <sys/resource.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>

Runtime rt;

static char *c_stack_base;

#define C_STACK_MARGIN (256 * 1024)

static void
stack_init(void)
{
    char here;
    c_stack_base = &here;
    struct rlimit rl;
    size_t size = 8u << 20;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
        size = (size_t)rl.rlim_cur;
    if (size > (256u << 20))
        size = 256u << 20;
    if (size < 2 * C_STACK_MARGIN)
        size = 2 * C_STACK_MARGIN;
    rt.c_stack_limit = c_stack_base - size + C_STACK_MARGIN;
}

int
rt_check_c_stack(void)
{
    char here;
    if (&here < rt.c_stack_limit) {
        if (rt.recursion_headroom)
            return 0;       /* already raising: let it unwind */
        rt.recursion_headroom++;
        err_set(exc_RecursionError, "maximum recursion depth exceeded (C stack overflow)");
        rt.recursion_headroom--;
        return -1;
    }
    return 0;
}

int
rt_enter_recursion_slow(const char *where)
{
    /* over the depth limit or near the end of the C stack (rt_enter_recursion already
       counted this level): while a RecursionError is being raised, allow some headroom */
    char here;
    if (rt.recursion_headroom && rt.recursion_depth <= rt.recursion_limit + 50 &&
        &here >= rt.c_stack_limit - C_STACK_MARGIN / 2)
        return 0;
    rt.recursion_headroom++;
    err_format(exc_RecursionError, "maximum recursion depth exceeded%s", where);
    rt.recursion_headroom--;
    rt.recursion_depth--;
    return -1;
}


/* ================================================================ trashcan */

#define TRASH_UNWIND_LEVEL 50
static int trash_depth;
static Object *trash_later;     /* chained through GcHead.prev */

int
trash_begin(Object *o, destructor dealloc)
{
    if (TYPE(o)->dealloc != dealloc)
        return 0;
    if (trash_depth >= TRASH_UNWIND_LEVEL) {
        GcHead *g = AS_GC(o);
        g->prev = (uintptr_t)trash_later | (g->prev & GC_PREV_FINALIZED);
        trash_later = o;
        return -1;
    }
    trash_depth++;
    return 1;
}

void
trash_end(int token)
{
    if (token != 1)
        return;
    trash_depth--;
    if (trash_depth > 0)
        return;
    /* destroy what was parked, at the outermost level */
    while (trash_later) {
        Object *o = trash_later;
        GcHead *g = AS_GC(o);
        trash_later = (Object *)(g->prev & ~GC_PREV_MASK_FLAGS);
        g->prev &= GC_PREV_FINALIZED;
        trash_depth++;
        TYPE(o)->dealloc(o);
        trash_depth--;
    }
}

/* obj_dealloc: the trashcan for every container type, not only those whose dealloc
** calls trash_begin (a chain of a million slices, properties, exceptions linked by
** __cause__ ... would otherwise recurse a million deep in C).  Past the unwind level a
** GC object is untracked (its dealloc would do that first anyway) and parked. */
void
trash_dealloc(Object *o)
{
    if (trash_depth >= TRASH_UNWIND_LEVEL && OBJ_IS_GC(o)) {
        gc_untrack(o);
        GcHead *g = AS_GC(o);
        g->prev = (uintptr_t)trash_later | (g->prev & GC_PREV_FINALIZED);
        trash_later = o;
        return;
    }
    trash_depth++;
    TYPE(o)->dealloc(o);
    trash_end(1);
}

/* ================================================================ repr guard */

static Object **repr_stack;       /* outside the heap: CPython has no such block */
static ssize_t repr_len, repr_cap;
/* The "Py_Repr" list's item block: its first append takes a 32-byte pool block, and
** the first time it empties, list_resize reallocates it to 0 bytes, which pymalloc
** hands to the C allocator; later appends never touch the pools again. */
static void *repr_items_block;
static int repr_items_state;    /* 0 never used, 1 pool block held, 2 outside the pools */

int
repr_enter(Object *o)
{
    for (ssize_t i = 0; i < repr_len; i++)
        if (repr_stack[i] == o)
            return 1;
    if (repr_len == repr_cap) {
        /* CPython's first Py_ReprEnter creates the thread state dict and its "Py_Repr"
        ** list and keeps them: make the same two objects (from the free lists when
        ** these hold some, as PyDict_New/PyList_New do), so gc counts and later ids
        ** match.  pyheap's own guard is repr_stack. */
        if (!repr_stack) {
            Object *d = rt_keep(dict_new());
            if (!d)
                return -1;
            Object *l = list_new(0);
            if (!l)
                return -1;
            /* the key is CPython's static _Py_ID(Py_Repr): made outside the pools */
            heap_side_enter();
            Object *key = str_intern_cstr("Py_Repr");
            heap_side_leave();
            int r = key ? dict_setitem(d, key, l) : -1;
            if (key) {
                heap_side_enter();
                decref(key);
                heap_side_leave();
            }
            decref(l);
            if (r < 0)
                return -1;
        }
        ssize_t ncap = repr_cap ? repr_cap * 2 : 16;
        Object **n = realloc(repr_stack, sizeof(Object *) * (size_t)ncap);
        if (!n) {
            err_no_memory();
            return -1;
        }
        repr_stack = n;
        repr_cap = ncap;
    }
    repr_stack[repr_len++] = o;
    if (repr_items_state == 0) {
        repr_items_block = heap_alloc(4 * sizeof(Object *));
        repr_items_state = 1;
    }
    return 0;
}

void
repr_leave(Object *o)
{
    for (ssize_t i = repr_len - 1; i >= 0; i--) {
        if (repr_stack[i] == o) {
            memmove(&repr_stack[i], &repr_stack[i + 1], sizeof(Object *) * (size_t)(repr_len - i - 1));
            repr_len--;
            if (repr_len == 0 && repr_items_state == 1) {
                heap_free(repr_items_block);
                repr_items_block = NULL;
                repr_items_state = 2;
            }
            return;
        }
    }
}

/* ================================================================ start-up */

extern TypeObject striter_type, tupleiter_type, listiter_type, listrevit_type,
    dictiterkey_type, dictitervalue_type, dictiteritem_type, dictrevkey_type,
    dictrevvalue_type, dictrevitem_type, dictvalues_type;
int typeobject_init(void);

static TypeObject *const core_types[] = {
    &object_type, &type_type, &none_type, &notimplemented_type, &ellipsis_type,
    &int_type, &bool_type, &float_type, &complex_type, &str_type, &striter_type,
    &bytes_type, &bytearray_type, &tuple_type, &tupleiter_type, &list_type, &listiter_type,
    &listrevit_type, &dict_type, &dictkeys_type, &dictvalues_type, &dictitems_type,
    &dictiterkey_type, &dictitervalue_type, &dictiteritem_type, &dictrevkey_type,
    &dictrevvalue_type, &dictrevitem_type, &set_type, &frozenset_type, &range_type,
    &rangeiter_type, &longrangeiter_type, &slice_type, &function_type, &code_type,
    &cell_type, &method_type, &cfunction_type, &method_descr_type, &classmethod_descr_type,
    &wrapper_descr_type, &method_wrapper_type, &member_descr_type, &getset_descr_type,
    &staticmethod_type, &classmethod_type, &property_type, &super_type, &module_type,
    &generator_type, &frame_type, &traceback_type, &mappingproxy_type, &seqiter_type,
    &calliter_type, &enumerate_type, &zip_type, &map_type, &filter_type, &reversed_type,
    &textio_type, &bufreader_type, &bufwriter_type, &bufrandom_type, &genericalias_type,
    &uniontype_type, &weakref_type, &weakproxy_type, &weakcallableproxy_type,
    NULL,
};

static void rt_swap_freelists(void);

void
rt_init(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    memset(&rt, 0, sizeof rt);
    heap_side_switch_hook = rt_swap_freelists;
    stack_init();
    rt.recursion_limit = 1000;
    rt.exc_info = &rt.exc_base;
    hash_init();
    heap_init();
    gc_init();
    str_init();
    int_init();
    if (typeobject_init() < 0)
        fatal("cannot initialise the type system");
    for (int i = 0; core_types[i]; i++)
        if (type_ready(core_types[i]) < 0)
            fatal("cannot initialise a builtin type");
    exceptions_init(NULL);
    err_init_memory_error();
    /* gc.garbage and gc.callbacks exist from the start, as _PyGC_Init makes them */
    if (!gc_garbage_list() || !gc_callbacks_list())
        fatal("cannot initialise the collector");
}

/* ================================================================ teardown */

/*
** rt_fini: the runtime half of interpreter teardown, run after the interpreter layer has
** dropped sys, builtins and sys.modules and the last collection ran.  What is left then
** is what the runtime itself holds: the gc module's lists, the preallocated MemoryError,
** the static types' dicts/MROs/bases (type_fini), the free lists and caches, the
** traceback source cache, and finally the interned and latin-1 strings (last: all of the
** above hold them).  Then a correct program has no object and no block left
** (rt_leak_report), and heap_fini() can hand the arenas back.
*/
#define RT_KEEP_MAX 160
static Object *kept[RT_KEEP_MAX];
static int nkept;

/* CPython 3.11 reaches a script's first line, and its first prompt, with objects on its
** free lists; pyheap's start-up frees few, so it puts as many on its own.  New lists,
** dicts, floats and small tuples then come from the free lists as CPython's do, which
** decides both their ids and whether they count in generation 0.  The numbers are those
** before the program's compilation, whose traffic the front model makes (compile.c fmc_):
** a script shows sys._debugmallocstats()'s numbers at its first line, the prompt's first
** statement finds 4 dicts and makes 4 more. */
static const int prime_tuples[21] = {0, 4, 8, 2, 2, 3, 0, 8, 6, 1, 0, 1, 3, 5, 1, 2, 2, 2, 3, 1,
                                     6};
static const int prime_tuples_repl[21] = {0, 4, 19, 5, 2, 6, 3, 2, 3, 2, 1, 1, 0, 3, 0, 1, 1, 0,
                                          3, 0, 6};

static void
prime(Object *(*make)(int), int size, int n)
{
    Object *objs[64];
    int k;
    for (k = 0; k < n && k < 64; k++)
        objs[k] = make(size);
    while (k)
        xdecref(objs[--k]);
}

static Object *
make_list(int size)
{
    (void)size;
    return list_new(0);
}

static Object *
make_dict(int size)
{
    (void)size;
    return dict_new();
}

static Object *
make_float(int size)
{
    (void)size;
    return float_from_double(0.5);
}

static Object *
make_tuple(int size)
{
    Object *t = tuple_new(size);
    for (int i = 0; t && i < size; i++)
        TUPLE_SET(t, i, newref(None));
    return t;
}

/* The heap's side mode (the compiler's own objects) keeps free lists of its own, so what
** the front end makes and frees never changes which free-list object the program gets
** next: CPython's compiler traffic on those lists is modelled apart (compile.c fmc_). */
static void
rt_swap_freelists(void)
{
    tuple_swap_freelists();
    list_swap_freelist();
    dict_swap_freelists();
    float_swap_freelist();
}

static void
rt_clear_freelists(void)
{
    tuple_clear_freelists();
    float_clear_freelist();
    list_clear_freelist();
    dict_clear_freelists();
}

ssize_t rt_singleton_startup_refs[3];

void
rt_prime_freelists(int repl)
{
    prime(make_list, 0, repl ? 20 : 41);    /* the parser's arena takes one */
    prime(make_dict, 0, repl ? 4 : 8);
    prime(make_float, 0, 4);
    for (int size = 1; size <= 20; size++)
        prime(make_tuple, size, (repl ? prime_tuples_repl : prime_tuples)[size]);
    err_clear();
}

Object *
rt_keep(Object *o)
{
    if (!o)
        return NULL;
    if (nkept == RT_KEEP_MAX)
        fatal("rt_keep: too many objects");
    kept[nkept++] = o;
    return o;
}

void
rt_drop_roots(void)
{
    err_clear();
    while (nkept) {
        nkept--;
        CLEAR(kept[nkept]);
    }
    CLEAR(rt.exc_base.exc_value);
    gc_fini();
    err_reset_memory_error();
}

void
rt_fini(void)
{
    rt_drop_roots();
    heap_ballast_release();
    err_fini_memory_error();
    type_fini();
    rt_swap_freelists();
    rt_clear_freelists();
    rt_swap_freelists();
    rt_clear_freelists();
    slice_clear_cache();
    method_clear_freelist();
    free(repr_stack);
    repr_stack = NULL;
    repr_len = repr_cap = 0;
    heap_free(repr_items_block);
    repr_items_block = NULL;
    tb_fini();
    bool_fini();
    str_fini();
    dict_clear_freelists();
}

/* Leak report: every block still allocated; those that look like objects (a header
** whose type pointer is a known type) are printed as objects. */
typedef struct LeakWalk {
    FILE *out;
    void **blocks;              /* sorted block addresses (for "is this a live block") */
    size_t *sizes;
    Object **objs;              /* the object in blocks[i], or NULL */
    ssize_t *internal;          /* references to objs[i] from other leaked objects */
    size_t n, cap;
    size_t nobjects, nblocks, printed;
} LeakWalk;

static int
leak_collect(void *p, size_t size, void *arg)
{
    LeakWalk *w = arg;
    if (w->n == w->cap) {
        size_t ncap = w->cap ? w->cap * 2 : 1024;
        void **nb = realloc(w->blocks, ncap * sizeof(void *));
        size_t *ns = nb ? realloc(w->sizes, ncap * sizeof(size_t)) : NULL;
        if (nb)
            w->blocks = nb;
        if (!ns)
            return 1;
        w->sizes = ns;
        w->cap = ncap;
    }
    w->blocks[w->n] = p;
    w->sizes[w->n] = size;
    w->n++;
    return 0;
}

/* The live block containing [p, p + len), or -1. */
static ssize_t
leak_find_block(LeakWalk *w, const void *p, size_t len)
{
    /* integers, not pointers: p may be any bit pattern found in a block */
    uintptr_t a = (uintptr_t)p;
    size_t lo = 0, hi = w->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if ((uintptr_t)w->blocks[mid] <= a)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return -1;
    uintptr_t b = (uintptr_t)w->blocks[lo - 1];
    if (a - b <= w->sizes[lo - 1] && len <= w->sizes[lo - 1] - (a - b))
        return (ssize_t)(lo - 1);
    return -1;
}

static int
leak_is_type(LeakWalk *w, TypeObject *t, int depth)
{
    if (type_is_static_ready(t))
        return 1;
    if (depth > 2 || leak_find_block(w, t, sizeof(TypeObject)) < 0)
        return 0;
    TypeObject *meta = TYPE(t);
    return meta && leak_is_type(w, meta, depth + 1) &&
           (meta->flags & TPFLAG_TYPE_SUBCLASS) != 0;
}

static int
leak_visit(Object *op, void *arg)
{
    LeakWalk *w = arg;
    ssize_t i = leak_find_block(w, op, sizeof(Object));
    if (i >= 0 && w->objs[i] == op)
        w->internal[i]++;
    return 0;
}

static int
leak_cmp(const void *a, const void *b)
{
    const char *x = *(void *const *)a, *y = *(void *const *)b;
    return x < y ? -1 : x > y;
}

static Object *
leak_as_object(LeakWalk *w, char *p, size_t size)
{
    for (size_t pre = 0; pre <= 32; pre += 16) {
        if (pre + sizeof(Object) > size)
            break;
        Object *o = (Object *)(p + pre);
        TypeObject *t = o->type;
        if (o->refcnt <= 0 || !t || !leak_is_type(w, t, 0))
            continue;
        if (obj_presize(t) == pre && pre + (size_t)t->basicsize <= size)
            return o;
    }
    return NULL;
}

ssize_t
rt_leak_report(FILE *out)
{
    LeakWalk w = {out, NULL, NULL, NULL, NULL, 0, 0, 0, 0, 0};
    heap_foreach_block(leak_collect, &w);
    /* heap_foreach_block lists pools by arena, then large blocks: sort by address */
    size_t *order = malloc((w.n ? w.n : 1) * sizeof(size_t));
    void **pairs = malloc((w.n ? w.n : 1) * 2 * sizeof(void *));
    if (order && pairs) {
        for (size_t i = 0; i < w.n; i++) {
            pairs[2 * i] = w.blocks[i];
            pairs[2 * i + 1] = (void *)w.sizes[i];
        }
        qsort(pairs, w.n, 2 * sizeof(void *), leak_cmp);
        for (size_t i = 0; i < w.n; i++) {
            w.blocks[i] = pairs[2 * i];
            w.sizes[i] = (size_t)pairs[2 * i + 1];
        }
    }
    w.objs = calloc(w.n ? w.n : 1, sizeof(Object *));
    w.internal = calloc(w.n ? w.n : 1, sizeof(ssize_t));
    for (size_t i = 0; i < w.n; i++) {
        Object *o = leak_as_object(&w, w.blocks[i], w.sizes[i]);
        if (w.objs)
            w.objs[i] = o;
        if (o)
            w.nobjects++;
        else
            w.nblocks++;
    }
    /* As the collector's subtract_refs: references between leaked objects are internal;
    ** an object with more references than that is held from outside -- a "root" of the
    ** leak, where a missing decref most likely is. */
    if (w.objs && w.internal) {
        for (size_t i = 0; i < w.n; i++) {
            Object *o = w.objs[i];
            if (o && TYPE(o)->traverse && OBJ_IS_GC(o))
                TYPE(o)->traverse(o, leak_visit, &w);
        }
    }
    if (w.n || obj_live_count) {
        fprintf(out, "pyheap: -X leakcheck: %zu objects and %zu other blocks still "
                     "allocated at exit (live object count %zd)\n",
                w.nobjects, w.nblocks, obj_live_count);
        for (int pass = 0; pass < 2; pass++) {
            for (size_t i = 0; i < w.n && w.printed < 200; i++) {
                Object *o = w.objs ? w.objs[i] : NULL;
                /* only containers: atoms are also held by untraversed objects (code) */
                ssize_t ext = o && w.internal && OBJ_IS_GC(o) && !IS_TYPE(o, &tuple_type)
                                  ? o->refcnt - w.internal[i]
                                  : 0;
                if ((pass == 0) != (ext > 0))
                    continue;
                w.printed++;
                if (!o) {
                    fprintf(out, "  block %p, %zu bytes\n", w.blocks[i], w.sizes[i]);
                    continue;
                }
                fprintf(out, "  <%s object at %p> refcnt %zd", TYPE(o)->name, (void *)o,
                        o->refcnt);
                if (TYPE(o) == &str_type && STR_IS_ASCII(o))
                    fprintf(out, " '%.60s'", STR_ASCII(o));
                else if (TYPE(o)->flags & TPFLAG_TYPE_SUBCLASS)
                    fprintf(out, " (%s)", ((TypeObject *)o)->name);
                if (ext > 0)
                    fprintf(out, " [root: %zd references from outside the leak]", ext);
                fputc('\n', out);
            }
        }
        if (w.printed < w.n)
            fprintf(out, "  ... and %zu more\n", w.n - w.printed);
    }
    ssize_t n = (ssize_t)w.n;
    if (n == 0 && obj_live_count != 0)
        n = 1;
    free(w.objs);
    free(w.internal);
    free(order);
    free(pairs);
    free(w.blocks);
    free(w.sizes);
    return n;
}
