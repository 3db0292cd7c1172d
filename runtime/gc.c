/*
** gc.c -- the generational cycle collector, CPython 3.11's Modules/gcmodule.c algorithm.
**
** Read collect_main() to see how a collection works:
**   1. the counters: generation g+1's count += 1, counts of 0..g reset;
**   2. generations 0..g are merged into 'young' (younger ones appended at its end);
**   3. update_refs copies each object's refcount into its gc_refs, subtract_refs
**      subtracts every reference found by traversing the containers in 'young': what is
**      left is the number of references from outside (the VM stack, frames, C locals,
**      older generations);
**   4. move_unreachable: objects with gc_refs > 0 are reachable, and so is everything
**      reachable from them; the rest moves to 'unreachable' (an object found reachable
**      after it was moved goes back to the *end* of young: collections reorder the
**      lists, and that order decides the order of __del__ calls, so every traverse
**      function visits in CPython's order -- lists and tuples from the last item);
**   5. survivors move to the next generation (tuples of untracked items are untracked on
**      the way and, in full collections, dicts of atoms too);
**   6. finalizers (__del__, PEP 442) run once on the unreachable objects, in list order;
**      objects they resurrected are found by running steps 3-4 again and survive;
**   7. tp_clear breaks the remaining cycles, and refcounting frees them.
** There is no root set: a live object is one referenced from outside the collected
** generations, so the VM must own (count) every reference it keeps.
**
** Counting (gc_on_alloc/gc_on_free, from obj_alloc/obj_free): generation 0's count is
** +1 for every allocation of a GC object (tracked or not) and -1 for every such free, and
** an allocation that makes it exceed the threshold (700) collects at once, inside the
** allocation, as 3.11 does.  Objects reused from a free list do not count.  Generations
** 1 and 2 count the collections of the next younger one (threshold 10 each); a full
** collection also needs the objects that survived partial collections since the last one
** to exceed 25% of those that survived it (the long-lived heuristic).
**
** gc_refs during a collection live in the upper bits of GcHead.prev (gc.h); the
** PREV_COLLECTING flag marks objects of the generations being collected and
** NEXT_UNREACHABLE marks members of the unreachable list during move_unreachable.
**
** Debug output (gc.set_debug) goes to sys.stderr through its write() method, with
** CPython's text; "Exception ignored ..." reports use the unraisable hook (error.c).
*/
#include "weakrefobject.h"
#include "gc.h"
#include "error.h"
#include "heap.h"
#include "state.h"
#include "intobject.h"
#include "floatobject.h"
#include "strobject.h"
#include "tupleobject.h"
#include "listobject.h"
#include "dictobject.h"
#include "fileobject.h"
#include "typeobject.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct GcGeneration {
    GcHead head;
    int threshold;
    int count;
} GcGeneration;

typedef struct GcStats {
    ssize_t collections, collected, uncollectable;
} GcStats;

typedef struct GcState {
    GcGeneration generations[GC_NUM_GENERATIONS];
    GcGeneration permanent;
    GcStats stats[GC_NUM_GENERATIONS];
    int enabled;
    int collecting;
    int debug;
    ssize_t long_lived_total;
    ssize_t long_lived_pending;
    /* CPython's start-up objects pyheap has no counterpart of, per generation (and the
    ** permanent one): in the sizes DEBUG_STATS and get_freeze_count report and in the
    ** long-lived rule, carried along by collections as survivors (gc_set_start_state) */
    ssize_t resident[GC_NUM_GENERATIONS + 1];
    ssize_t resident_atomic;    /* of resident[0]: tuples of atoms, untracked when collected */
    Object *garbage;            /* gc.garbage list */
    Object *callbacks;          /* gc.callbacks list */
    const GcExitModel *exit_model;      /* CPython's exit collections (gc_set_exit_model) */
    int exit_stage;             /* the exit collection running (1..), 0 otherwise */
} GcState;

static GcState gcs;

/* The objects gc_startup_objects_end adopted (sorted addresses, malloc'ed): the exit
** model counts their deaths apart, as CPython's counterparts are in its measured sizes. */
static uintptr_t *adopted;
static size_t nadopted;
static ssize_t adopted_alive(void);

#define GEN_HEAD(n) (&gcs.generations[n].head)

/* ================================================================ list helpers */

static inline GcHead *
gc_next(GcHead *g)
{
    return (GcHead *)g->next;
}

static inline void
gc_set_next(GcHead *g, GcHead *n)
{
    g->next = (uintptr_t)n;
}

static inline GcHead *
gc_prev(GcHead *g)
{
    return (GcHead *)(g->prev & ~GC_PREV_MASK_FLAGS);
}

static inline void
gc_set_prev(GcHead *g, GcHead *p)
{
    g->prev = (g->prev & GC_PREV_MASK_FLAGS) | (uintptr_t)p;
}

static inline void
gc_list_init(GcHead *list)
{
    list->prev = (uintptr_t)list;
    list->next = (uintptr_t)list;
}

static inline int
gc_list_is_empty(GcHead *list)
{
    return list->next == (uintptr_t)list;
}

static inline void
gc_list_append(GcHead *node, GcHead *list)
{
    GcHead *last = (GcHead *)list->prev;
    gc_set_prev(node, last);
    gc_set_next(last, node);
    gc_set_next(node, list);
    list->prev = (uintptr_t)node;
}

static inline void
gc_list_remove(GcHead *node)
{
    GcHead *prev = gc_prev(node);
    GcHead *next = gc_next(node);
    gc_set_next(prev, next);
    gc_set_prev(next, prev);
    node->next = 0;
}

static void
gc_list_move(GcHead *node, GcHead *list)
{
    GcHead *from_prev = gc_prev(node);
    GcHead *from_next = gc_next(node);
    gc_set_next(from_prev, from_next);
    gc_set_prev(from_next, from_prev);
    GcHead *to_prev = (GcHead *)list->prev;
    gc_set_prev(node, to_prev);
    gc_set_next(to_prev, node);
    list->prev = (uintptr_t)node;
    gc_set_next(node, list);
}

static void
gc_list_merge(GcHead *from, GcHead *to)
{
    if (!gc_list_is_empty(from)) {
        GcHead *to_tail = (GcHead *)to->prev;
        GcHead *from_head = gc_next(from);
        GcHead *from_tail = (GcHead *)from->prev;
        gc_set_next(to_tail, from_head);
        gc_set_prev(from_head, to_tail);
        gc_set_next(from_tail, to);
        to->prev = (uintptr_t)from_tail;
    }
    gc_list_init(from);
}

static ssize_t
gc_list_size(GcHead *list)
{
    ssize_t n = 0;
    for (GcHead *g = gc_next(list); g != list; g = gc_next(g))
        n++;
    return n;
}

/* ---- gc_refs ---- */

static inline ssize_t
gc_get_refs(GcHead *g)
{
    return (ssize_t)(g->prev >> GC_REFS_SHIFT);
}

static inline void
gc_set_refs(GcHead *g, ssize_t refs)
{
    g->prev = (g->prev & ~(~(uintptr_t)0 << GC_REFS_SHIFT)) | ((uintptr_t)refs << GC_REFS_SHIFT);
}

static inline void
gc_reset_refs(GcHead *g, ssize_t refs)
{
    g->prev = (g->prev & GC_PREV_FINALIZED) | GC_PREV_COLLECTING |
              ((uintptr_t)refs << GC_REFS_SHIFT);
}

static inline void
gc_decref(GcHead *g)
{
    g->prev -= (uintptr_t)1 << GC_REFS_SHIFT;
}

static inline int
gc_is_collecting(GcHead *g)
{
    return (g->prev & GC_PREV_COLLECTING) != 0;
}

static inline void
gc_clear_collecting(GcHead *g)
{
    g->prev &= ~GC_PREV_COLLECTING;
}

/* ================================================================ public basics */

void
gc_init(void)
{
    for (int i = 0; i < GC_NUM_GENERATIONS; i++) {
        gc_list_init(GEN_HEAD(i));
        gcs.generations[i].count = 0;
    }
    gcs.generations[0].threshold = 700;
    gcs.generations[1].threshold = 10;
    gcs.generations[2].threshold = 10;
    gc_list_init(&gcs.permanent.head);
    gcs.enabled = 1;
}

void
gc_track(Object *o)
{
    GcHead *g = AS_GC(o);
#ifdef CFG_DEBUG
    if (g->next != 0)
        fatal("gc_track: object already tracked");
#endif
    GcHead *last = (GcHead *)GEN_HEAD(0)->prev;
    gc_set_next(last, g);
    gc_set_prev(g, last);
    gc_set_next(g, GEN_HEAD(0));
    GEN_HEAD(0)->prev = (uintptr_t)g;
}

void
gc_untrack(Object *o)
{
    GcHead *g = AS_GC(o);
    if (g->next == 0)
        return;
    gc_list_remove(g);
    g->prev &= GC_PREV_FINALIZED;
}

int
gc_may_be_tracked(Object *o)
{
    if (!OBJ_IS_GC(o))
        return 0;
    if (TUPLE_CHECK_EXACT(o))
        return gc_is_tracked(o);
    return 1;
}

static ssize_t collect_with_callback(int generation);

/* The oldest generation whose count exceeds its threshold is collected, with the
** younger ones -- except that a full collection waits for the long-lived heuristic. */
static void
collect_generations(void)
{
    for (int i = GC_NUM_GENERATIONS - 1; i >= 0; i--) {
        if (gcs.generations[i].count > gcs.generations[i].threshold) {
            if (i == GC_NUM_GENERATIONS - 1 &&
                gcs.long_lived_pending < gcs.long_lived_total / 4)
                continue;
            collect_with_callback(i);
            break;
        }
    }
}

void
gc_on_alloc(void)
{
    if (UNLIKELY(heap_side_active()))
        return;                 /* the compiler's own tables: CPython has others (fmc_) */
    gcs.generations[0].count++;
#ifdef CFG_GC_STRESS
    if (gcs.enabled && !gcs.collecting && !err_occurred() && !rt.finalizing) {
        gcs.collecting = 1;
        collect_with_callback(0);
        gcs.collecting = 0;
        return;
    }
#endif
    if (gcs.generations[0].count > gcs.generations[0].threshold && gcs.enabled &&
        gcs.generations[0].threshold && !gcs.collecting && !err_occurred()) {
        gcs.collecting = 1;
        collect_generations();
        gcs.collecting = 0;
    }
}

void
gc_count_transient_alloc(void)
{
    gc_on_alloc();
    gc_on_free();
}

void
gc_count_allocs(ssize_t n)
{
    while (n-- > 0)
        gc_on_alloc();
}

void
gc_on_free(void)
{
    if (UNLIKELY(heap_side_active()))
        return;
    if (gcs.generations[0].count > 0)
        gcs.generations[0].count--;
}

/* ================================================================ debug output */

/* PySys_WriteStderr: printf-formatted (at most 1000 bytes) to sys.stderr's write(),
** falling back to the C stderr. */
static void
gc_stderr(const char *fmt, ...)
{
    char buf[1001];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    err_write_sys_stderr(buf, 1);
}

static void
debug_cycle(const char *msg, Object *op)
{
    gc_stderr("gc: %s <%s %p>\n", msg, TYPE(op)->name, (void *)op);
}

static void
show_stats_each_generation(void)
{
    char buf[100];
    size_t pos = 0;
    for (int i = 0; i < GC_NUM_GENERATIONS && pos < sizeof buf; i++)
        pos += (size_t)snprintf(buf + pos, sizeof buf - pos, " %zd", gc_gen_size_shown(i));
    gc_stderr("gc: objects in each generation:%s\n"
              "gc: objects in permanent generation: %zd\n",
              buf, gc_gen_size_shown(GC_NUM_GENERATIONS));
}

/* ================================================================ the algorithm */

/* ---- prefetching ----
** On a big heap the passes over a generation are bound by memory latency: after the
** first full collection a list is in breadth-first order from the roots, not in address
** order, so each node and each child is a cache miss, and following 'next' pointers
** allows only one miss at a time.  update_refs walks the list from both ends at once (two
** chains of misses in flight).  subtract_refs and move_unreachable keep a run-ahead
** pointer PF_NODE nodes ahead of the node they work on, remembered in a small ring: the
** node it reaches is prefetched, a list's item array is prefetched PF_ITEMS nodes ahead
** and the first children PF_KIDS nodes ahead, so the pass itself mostly hits the cache.
** No memory is allocated (which would change the process's peak size). */
#define PF_NODE 16              /* ring size: a power of two */
#define PF_ITEMS 10
#define PF_KIDS 5
#define PF_MAX_KIDS 4

typedef struct RunAhead {
    GcHead *ring[PF_NODE];
    GcHead *lead;               /* the node after the last one in the ring */
    GcHead *list;
    size_t n;                   /* nodes put in the ring */
} RunAhead;

static inline void
runahead_step(RunAhead *ra)
{
    if (ra->lead == ra->list)
        return;
    GcHead *g = ra->lead;
    ra->ring[ra->n++ & (PF_NODE - 1)] = g;
    ra->lead = (GcHead *)(g->next & ~GC_NEXT_UNREACHABLE);
    __builtin_prefetch(ra->lead, 1, 3);
}

static inline void
runahead_init(RunAhead *ra, GcHead *list)
{
    ra->list = list;
    ra->lead = gc_next(list);
    ra->n = 0;
    for (int k = 0; k < PF_NODE; k++)
        runahead_step(ra);
}

/* Working on node i of the list (i counts from 0): move the run-ahead pointer one node
** and bring in what the coming nodes will need. */
static inline void
runahead(RunAhead *ra, size_t i)
{
    runahead_step(ra);
    if (i + PF_ITEMS < ra->n) {
        Object *op = FROM_GC(ra->ring[(i + PF_ITEMS) & (PF_NODE - 1)]);
        if (TYPE(op) == &list_type)
            __builtin_prefetch(LIST_ITEMS(op), 0, 3);
    }
    if (i + PF_KIDS < ra->n) {
        Object *op = FROM_GC(ra->ring[(i + PF_KIDS) & (PF_NODE - 1)]);
        Object **items;
        if (TYPE(op) == &list_type)
            items = LIST_ITEMS(op);
        else if (TYPE(op) == &tuple_type)
            items = TUPLE_ITEMS(op);
        else
            return;
        ssize_t n = SIZE(op) < PF_MAX_KIDS ? SIZE(op) : PF_MAX_KIDS;
        for (ssize_t k = 0; k < n; k++)
            if (items[k])
                __builtin_prefetch(AS_GC(items[k]), 1, 3);
    }
}

/* Every node's gc_refs := its refcount, walking from both ends; a node's prev pointer is
** read before gc_reset_refs overwrites it. */
static void
update_refs(GcHead *containers)
{
    GcHead *f = gc_next(containers), *b = gc_prev(containers);
    if (f == containers)
        return;
    for (;;) {
        if (f == b) {
            gc_reset_refs(f, REFCNT(FROM_GC(f)));
            break;
        }
        GcHead *fn = gc_next(f), *bp = gc_prev(b);
        gc_reset_refs(f, REFCNT(FROM_GC(f)));
        gc_reset_refs(b, REFCNT(FROM_GC(b)));
        if (fn == b)
            break;
        f = fn;
        b = bp;
    }
}

static int
visit_decref(Object *op, void *parent)
{
    (void)parent;
    if (OBJ_IS_GC(op)) {
        GcHead *g = AS_GC(op);
        if (gc_is_collecting(g))
            gc_decref(g);
    }
    return 0;
}

static void
subtract_refs(GcHead *containers, int prefetch)
{
    RunAhead ra = {.lead = NULL};
    if (prefetch)
        runahead_init(&ra, containers);
    size_t i = 0;
    for (GcHead *g = gc_next(containers); g != containers; g = gc_next(g), i++) {
        Object *op = FROM_GC(g);
        if (prefetch)
            runahead(&ra, i);
        traverseproc t = TYPE(op)->traverse;
        if (t)
            t(op, visit_decref, op);
    }
}

static int
visit_reachable(Object *op, void *arg)
{
    GcHead *reachable = arg;
    if (!OBJ_IS_GC(op))
        return 0;
    GcHead *g = AS_GC(op);
    /* objects of other generations, and those move_unreachable already scanned */
    if (!gc_is_collecting(g))
        return 0;
    if (g->next & GC_NEXT_UNREACHABLE) {
        /* it had gc_refs 0 when move_unreachable got to it, but is reachable after all:
        ** back to the end of young, to be scanned again */
        GcHead *prev = gc_prev(g);
        GcHead *next = (GcHead *)(g->next & ~GC_NEXT_UNREACHABLE);
        prev->next = g->next;           /* copies NEXT_UNREACHABLE */
        gc_set_prev(next, prev);
        gc_list_append(g, reachable);
        gc_set_refs(g, 1);
    } else if (gc_get_refs(g) == 0) {
        /* not scanned yet: tell move_unreachable it is reachable */
        gc_set_refs(g, 1);
    }
    return 0;
}

/* A tuple whose items are all atoms or untracked tuples (tuple_maybe_untrack's test). */
static int
tuple_untrackable(Object *op)
{
    Object **items = TUPLE_ITEMS(op);
    for (ssize_t i = 0; i < SIZE(op); i++)
        if (!items[i] || gc_may_be_tracked(items[i]))
            return 0;
    return 1;
}

/* What move_unreachable does on the way with the objects it finds reachable (what
** CPython's untrack_tuples/untrack_dicts passes do after it, over the same objects in
** the same order: a reachable object's place in young is final when it is scanned). */
typedef struct Untrack {
    int tuples;                 /* untrack tuples of atoms / untracked tuples */
    int dicts;                  /* note exact dicts in 'dicts' (full collections) */
    Object **dicts_note;
    size_t nd, cap;
    int note_failed;
    ssize_t kept;               /* objects left in young */
} Untrack;

static void
note_dict(Untrack *u, Object *op)
{
    if (u->note_failed)
        return;
    if (u->nd == u->cap) {
        size_t nc = u->cap ? u->cap * 2 : 1024;
        Object **n = realloc(u->dicts_note, nc * sizeof *n);
        if (!n) {
            u->note_failed = 1;     /* the caller makes a pass over young instead */
            return;
        }
        u->dicts_note = n;
        u->cap = nc;
    }
    u->dicts_note[u->nd++] = op;
}

static void
move_unreachable(GcHead *young, GcHead *unreachable, Untrack *u, int prefetch)
{
    GcHead *prev = young;
    GcHead *g = gc_next(young);
    RunAhead ra = {.lead = NULL};
    if (prefetch)
        runahead_init(&ra, young);
    size_t i = 0;
    while (g != young) {
        if (prefetch)
            runahead(&ra, i++);
        if (gc_get_refs(g)) {
            Object *op = FROM_GC(g);
            traverseproc t = TYPE(op)->traverse;
            /* visit_reachable may change g->next when g is young's last element */
            if (t)
                t(op, visit_reachable, young);
            if (u && u->tuples && TYPE(op) == &tuple_type && tuple_untrackable(op)) {
                prev->next = g->next;   /* untracked: out of young */
                g->next = 0;
                g->prev &= GC_PREV_FINALIZED;
            } else {
                gc_set_prev(g, prev);
                gc_clear_collecting(g);
                prev = g;
                if (u) {
                    u->kept++;
                    if (u->dicts && TYPE(op) == &dict_type)
                        note_dict(u, op);
                }
            }
        } else {
            /* tentatively unreachable; the list is singly linked while this runs */
            prev->next = g->next;
            GcHead *last = (GcHead *)unreachable->prev;
            last->next = GC_NEXT_UNREACHABLE | (uintptr_t)g;
            g->prev = (g->prev & GC_PREV_MASK_FLAGS) | (uintptr_t)last;
            g->next = (uintptr_t)unreachable | GC_NEXT_UNREACHABLE;
            unreachable->prev = (uintptr_t)g;
        }
        g = (GcHead *)prev->next;
    }
    young->prev = (uintptr_t)prev;
    unreachable->next &= ~GC_NEXT_UNREACHABLE;
}

/* Returns the number of objects in the list; *pending (if given) is set when one of them
** has a finalizer not called yet. */
static ssize_t
clear_unreachable_mask(GcHead *unreachable, int *pending)
{
    ssize_t n = 0;
    int fin = 0;
    GcHead *next;
    for (GcHead *g = gc_next(unreachable); g != unreachable; g = next) {
        g->next &= ~GC_NEXT_UNREACHABLE;
        next = (GcHead *)g->next;
        n++;
        if (!(g->prev & GC_PREV_FINALIZED) && TYPE(FROM_GC(g))->finalize)
            fin = 1;
    }
    if (pending)
        *pending = fin;
    return n;
}

static void
deduce_unreachable(GcHead *base, GcHead *unreachable, Untrack *u, int prefetch)
{
    update_refs(base);
    subtract_refs(base, prefetch);
    gc_list_init(unreachable);
    move_unreachable(base, unreachable, u, prefetch);
}

/* CPython's untrack_dicts as a pass over young (when move_unreachable's note of the dicts
** could not be allocated); returns the objects left. */
static ssize_t
untrack_dicts(GcHead *head)
{
    ssize_t n = 0;
    GcHead *next;
    for (GcHead *g = gc_next(head); g != head; g = next) {
        Object *op = FROM_GC(g);
        next = gc_next(g);
        if (DICT_CHECK_EXACT(op)) {
            dict_maybe_untrack(op);
            if (!gc_is_tracked(op))
                continue;
        }
        n++;
    }
    return n;
}

static void
gc_list_clear_collecting(GcHead *collectable)
{
    for (GcHead *g = gc_next(collectable); g != collectable; g = gc_next(g))
        gc_clear_collecting(g);
}

/* PEP 442: call each finalizer once.  A finalizer may free anything, so the first
** object is always moved to 'seen' before its finalizer runs. */
static int
finalize_garbage(GcHead *collectable)
{
    int called = 0;
    GcHead seen;
    gc_list_init(&seen);
    while (!gc_list_is_empty(collectable)) {
        GcHead *g = gc_next(collectable);
        Object *op = FROM_GC(g);
        gc_list_move(g, &seen);
        destructor fin = TYPE(op)->finalize;
        if (!(g->prev & GC_PREV_FINALIZED) && fin) {
            g->prev |= GC_PREV_FINALIZED;
            incref(op);
            fin(op);
            decref(op);
            called = 1;
        }
    }
    gc_list_merge(&seen, collectable);
    return called;
}

/* handle_weakrefs: clear every weak reference to an unreachable object (and every
** unreachable weak reference), then call the callbacks of the reachable ones; returns
** how many of those weak references died with their callbacks.  *called is set when a
** callback ran (code ran: something may have been resurrected). */
static ssize_t
handle_weakrefs(GcHead *unreachable, GcHead *old, int *called)
{
    ssize_t num_freed = 0;
    GcHead wrcb_to_call;
    gc_list_init(&wrcb_to_call);
    if (!weakref_objects)
        return 0;
    GcHead *next;
    for (GcHead *g = gc_next(unreachable); g != unreachable; g = next) {
        Object *op = FROM_GC(g);
        next = gc_next(g);
        TypeObject *t = TYPE(op);
        if (TYPE_HAS_FLAG(t, TPFLAG_WEAKREF))
            weakref_clear_ref((WeakRef *)op);
        if (!weakref_may_have_refs(op))
            continue;
        WeakRef *wr;
        while ((wr = weakref_list_head(op)) != NULL) {
            weakref_clear_ref(wr);
            if (!wr->wr_callback)
                continue;
            GcHead *wg = AS_GC((Object *)wr);
            if (gc_is_collecting(wg))
                continue;       /* trash itself: its callback must not run */
            incref(wr);
            gc_list_move(wg, &wrcb_to_call);
        }
    }
    while (!gc_list_is_empty(&wrcb_to_call)) {
        GcHead *g = gc_next(&wrcb_to_call);
        WeakRef *wr = (WeakRef *)FROM_GC(g);
        Object *cb = newref(wr->wr_callback);
        Object *r = obj_call_one(cb, (Object *)wr);
        *called = 1;
        if (!r)
            err_write_unraisable(cb);
        else
            decref(r);
        decref(cb);
        decref(wr);
        if (gc_next(&wrcb_to_call) == g)
            gc_list_move(g, old);      /* still alive */
        else
            num_freed++;
    }
    return num_freed;
}

/* After the finalizers: what is still unreachable goes to still_unreachable, the
** resurrected rest to the old generation. */
static void
handle_resurrected_objects(GcHead *unreachable, GcHead *still_unreachable, GcHead *old)
{
    gc_list_clear_collecting(unreachable);
    deduce_unreachable(unreachable, still_unreachable, NULL, 1);
    clear_unreachable_mask(still_unreachable, NULL);
    gc_list_merge(unreachable, old);
}

static void
delete_garbage(GcHead *collectable, GcHead *old)
{
    while (!gc_list_is_empty(collectable)) {
        GcHead *g = gc_next(collectable);
        Object *op = FROM_GC(g);
        if (gcs.debug & GC_DEBUG_SAVEALL) {
            if (!gcs.garbage)
                gcs.garbage = list_new(0);
            if (!gcs.garbage || list_append(gcs.garbage, op) < 0)
                err_clear();
        } else {
            inquiry clear = TYPE(op)->clear;
            if (clear) {
                incref(op);
                clear(op);
                if (err_occurred())
                    err_write_unraisable_msg("in tp_clear of", (Object *)TYPE(op));
                decref(op);
            }
        }
        if (gc_next(collectable) == g) {
            /* still alive: move it, it may die later */
            gc_clear_collecting(g);
            gc_list_move(g, old);
        }
    }
}

static void
clear_freelists(void)
{
    tuple_clear_freelists();
    float_clear_freelist();
    list_clear_freelist();
    dict_clear_freelists();
}

static double
now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* gc_collect_main.  nofail (interpreter exit): an exception left over is dropped
** instead of reported. */
static ssize_t
collect_main(int generation, ssize_t *n_collected, ssize_t *n_uncollectable, int nofail)
{
    ssize_t m = 0, n = 0;
    GcHead unreachable, finalizers;
    double t1 = 0;
    int stage = nofail && gcs.exit_model ? gcs.exit_stage : 0;
    ssize_t adopted_before = 0;
    /* the exit model's count is seen only in DEBUG_STATS lines and by gc.callbacks
    ** (adopted_alive walks every tracked object: a big heap pays it at each stage) */
    int seen = (gcs.debug & GC_DEBUG_STATS) || (gcs.callbacks && LIST_LEN(gcs.callbacks));
    if (stage >= 1 && stage <= 3) {
        if (seen)
            adopted_before = adopted_alive();
        /* CPython's start-up objects at this exit collection: its finalization's new
        ** objects in generation 0, and the total generation 2 shows (gc_set_exit_model) */
        const GcExitModel *x = gcs.exit_model;
        gcs.resident_atomic = 0;
        if (stage == 1) {
            /* the model counts CPython's whole start-up set, adopted objects included */
            gcs.resident[0] += x->gen0_new;
            gcs.resident[GC_NUM_GENERATIONS - 1] +=
                x->gen2_shift + (ssize_t)nadopted - adopted_before;
        } else {
            ssize_t real = 0;
            for (int i = 0; i < GC_NUM_GENERATIONS; i++) {
                real += gc_gen_size(i);
                gcs.resident[i] = 0;
            }
            ssize_t v = x->total[stage - 2] - real;
            gcs.resident[GC_NUM_GENERATIONS - 1] = v > 0 ? v : 0;
        }
    }
    if (gcs.debug & GC_DEBUG_STATS) {
        gc_stderr("gc: collecting generation %d...\n", generation);
        show_stats_each_generation();
        t1 = now_seconds();
    }
    if (generation + 1 < GC_NUM_GENERATIONS)
        gcs.generations[generation + 1].count += 1;
    for (int i = 0; i <= generation; i++)
        gcs.generations[i].count = 0;
    for (int i = 0; i < generation; i++)
        gc_list_merge(GEN_HEAD(i), GEN_HEAD(generation));
    ssize_t resident = -gcs.resident_atomic;     /* CPython's start-up objects survive */
    gcs.resident_atomic = 0;
    for (int i = 0; i <= generation; i++) {
        resident += gcs.resident[i];
        gcs.resident[i] = 0;
    }
    gcs.resident[generation + 1 < GC_NUM_GENERATIONS ? generation + 1 : generation] += resident;
    GcHead *young = GEN_HEAD(generation);
    GcHead *old = generation < GC_NUM_GENERATIONS - 1 ? GEN_HEAD(generation + 1) : young;

    /* dicts are untracked only in full collections (CPython issue #14775) */
    Untrack u = {1, young == old, NULL, 0, 0, 0, 0};
    /* prefetching pays on a full collection's big lists; generations 0 and 1 are small
    ** enough to stay in the caches, where it only costs instructions */
    deduce_unreachable(young, &unreachable, &u, young == old);
    if (young != old) {
        if (generation == GC_NUM_GENERATIONS - 2)
            gcs.long_lived_pending += u.kept + resident;
        gc_list_merge(young, old);
    } else {
        gcs.long_lived_pending = 0;
        ssize_t left = u.kept;
        if (u.note_failed)
            left = untrack_dicts(young);
        else
            for (size_t i = 0; i < u.nd; i++) {
                dict_maybe_untrack(u.dicts_note[i]);
                if (!gc_is_tracked(u.dicts_note[i]))
                    left--;
            }
        gcs.long_lived_total = left + resident;
    }
    free(u.dicts_note);
    /* No type has a legacy (tp_del) finalizer, so nothing is uncollectable: CPython's
    ** move_legacy_finalizers reduces to clearing the unreachable marks. */
    gc_list_init(&finalizers);
    int pending;
    ssize_t nunreachable = clear_unreachable_mask(&unreachable, &pending);
    if (gcs.debug & GC_DEBUG_COLLECTABLE)
        for (GcHead *g = gc_next(&unreachable); g != &unreachable; g = gc_next(g))
            debug_cycle("collectable", FROM_GC(g));
    int called = 0;
    m += handle_weakrefs(&unreachable, old, &called);
    if ((pending && finalize_garbage(&unreachable)) || called) {
        GcHead final_unreachable;
        handle_resurrected_objects(&unreachable, &final_unreachable, old);
        m += gc_list_size(&final_unreachable);
        delete_garbage(&final_unreachable, old);
    } else {
        /* no finalizer ran, so no code did: nothing can have been resurrected, and the
        ** second deduce_unreachable CPython makes would find every object unreachable
        ** again, in the same order and state -- skip those passes */
        m += nunreachable;
        delete_garbage(&unreachable, old);
    }
    for (GcHead *g = gc_next(&finalizers); g != &finalizers; g = gc_next(g)) {
        n++;
        if (gcs.debug & GC_DEBUG_UNCOLLECTABLE)
            debug_cycle("uncollectable", FROM_GC(g));
    }
    if (stage >= 1 && stage <= 3 && seen)   /* CPython's start-up objects that die */
        m += gcs.exit_model->dying[stage - 1] - (adopted_before - adopted_alive());
    if (gcs.debug & GC_DEBUG_STATS) {
        double d = now_seconds() - t1;
        gc_stderr("gc: done, %zd unreachable, %zd uncollectable, %.4fs elapsed\n", n + m, n,
                  d);
    }
    gc_list_merge(&finalizers, old);
    if (generation == GC_NUM_GENERATIONS - 1)
        clear_freelists();
    if (err_occurred()) {
        if (nofail)
            err_clear();
        else
            err_write_unraisable_msg("in garbage collection", NULL);
    }
    if (n_collected)
        *n_collected = m;
    if (n_uncollectable)
        *n_uncollectable = n;
    gcs.stats[generation].collections++;
    gcs.stats[generation].collected += m;
    gcs.stats[generation].uncollectable += n;
    return n + m;
}

/* invoke_gc_callback: each callback in gc.callbacks (the live list: one that removes
** itself makes the next one skipped, as in CPython) gets (phase, info). */
static void
invoke_callbacks(const char *phase, int generation, ssize_t collected, ssize_t uncollectable)
{
    if (!gcs.callbacks)
        return;
    Object *info = NULL;
    if (LIST_LEN(gcs.callbacks) != 0) {
        info = dict_new();
        Object *g = int_from_long(generation), *c = int_from_ssize(collected),
               *u = int_from_ssize(uncollectable);
        if (!info || !g || !c || !u || dict_setitem_str(info, "generation", g) < 0 ||
            dict_setitem_str(info, "collected", c) < 0 ||
            dict_setitem_str(info, "uncollectable", u) < 0) {
            xdecref(g);
            xdecref(c);
            xdecref(u);
            xdecref(info);
            err_write_unraisable(NULL);
            return;
        }
        decref(g);
        decref(c);
        decref(u);
    }
    for (ssize_t i = 0; i < LIST_LEN(gcs.callbacks); i++) {
        Object *cb = newref(LIST_GET(gcs.callbacks, i));
        Object *ph = str_from_cstr(phase);
        Object *r = NULL;
        if (ph) {
            Object *args[2] = {ph, info};
            r = obj_vectorcall(cb, args, 2, NULL);
            decref(ph);
        }
        if (!r)
            err_write_unraisable(cb);
        else
            decref(r);
        decref(cb);
    }
    xdecref(info);
}

static ssize_t
collect_with_callback(int generation)
{
    ssize_t collected = 0, uncollectable = 0;
    invoke_callbacks("start", generation, 0, 0);
    ssize_t r = collect_main(generation, &collected, &uncollectable, 0);
    invoke_callbacks("stop", generation, collected, uncollectable);
    return r;
}

ssize_t
gc_collect(int gen)
{
    if (gcs.collecting)
        return 0;
    gcs.collecting = 1;
    ssize_t n = collect_with_callback(gen);
    gcs.collecting = 0;
    return n;
}

void
gc_collect_final(void)
{
    if (gcs.collecting)
        return;
    gcs.collecting = 1;
    gcs.exit_stage++;
    collect_main(GC_NUM_GENERATIONS - 1, NULL, NULL, 1);
    gcs.collecting = 0;
}

void
gc_set_exit_model(const GcExitModel *model)
{
    gcs.exit_model = model;
}

void
gc_exit_begin(void)
{
    ssize_t *r = &gcs.resident[GC_NUM_GENERATIONS - 1];
    if (!gcs.exit_model)
        return;
    if (*r + gcs.exit_model->gen2_lost >= 0)
        *r += gcs.exit_model->gen2_lost;
    int i = 0;
    for (int j = 0; j < 2; j++) {
        ssize_t lost = gcs.exit_model->young_lost[j];
        while (i < GC_NUM_GENERATIONS - 1 && gcs.resident[i] - gcs.resident_atomic * (i == 0) < lost)
            i++;
        if (i < GC_NUM_GENERATIONS - 1 && lost)
            gcs.resident[i++] -= lost;
    }
}

void
gc_dump_shutdown_stats(void)
{
    if ((gcs.debug & GC_DEBUG_SAVEALL) || !gcs.garbage || LIST_LEN(gcs.garbage) == 0)
        return;
    /* CPython also emits a ResourceWarning here ("gc: N uncollectable objects at
    ** shutdown"), which the default warning filters ignore. */
    if (gcs.debug & GC_DEBUG_UNCOLLECTABLE) {
        Object *r = obj_repr(gcs.garbage);
        const char *s = r ? str_as_utf8(r, NULL) : NULL;
        if (s) {
            Object *line = str_from_format("      %s\n", s);
            const char *t = line ? str_as_utf8(line, NULL) : NULL;
            if (t)
                err_write_sys_stderr(t, 1);
            xdecref(line);
        }
        xdecref(r);
        if (err_occurred())
            err_write_unraisable(gcs.garbage);
    }
}

/* ================================================================ accessors */

void
gc_set_enabled(int on)
{
    gcs.enabled = on;
}

int
gc_is_enabled(void)
{
    return gcs.enabled;
}

int
gc_collecting(void)
{
    return gcs.collecting;
}

int
gc_get_threshold(int gen)
{
    return gcs.generations[gen].threshold;
}

void
gc_set_threshold(int gen, int value)
{
    gcs.generations[gen].threshold = value;
}

int
gc_get_count(int gen)
{
    return gcs.generations[gen].count;
}

ssize_t
gc_gen_size_shown(int gen)
{
    return gc_gen_size(gen) + gcs.resident[gen];
}

ssize_t
gc_gen_size(int gen)
{
    if (gen == GC_NUM_GENERATIONS)
        return gc_list_size(&gcs.permanent.head);
    return gc_list_size(GEN_HEAD(gen));
}

int
gc_get_debug(void)
{
    return gcs.debug;
}

void
gc_set_debug(int flags)
{
    gcs.debug = flags;
}

Object *
gc_garbage_list(void)
{
    if (!gcs.garbage)
        gcs.garbage = list_new(0);
    return gcs.garbage;
}

Object *
gc_callbacks_list(void)
{
    if (!gcs.callbacks)
        gcs.callbacks = list_new(0);
    return gcs.callbacks;
}

void
gc_get_stats(int gen, ssize_t *collections, ssize_t *collected, ssize_t *uncollectable)
{
    *collections = gcs.stats[gen].collections;
    *collected = gcs.stats[gen].collected;
    *uncollectable = gcs.stats[gen].uncollectable;
}

void
gc_set_start_state(const ssize_t count[3], const ssize_t stats[3][3], const ssize_t resident[3],
                   ssize_t resident_atomic)
{
    gcs.resident_atomic = resident_atomic;
    /* pyheap's own start-up objects are long-lived, as CPython's, which its start-up's
    ** collections have moved to the oldest generation */
    for (int i = 0; i < GC_NUM_GENERATIONS - 1; i++)
        gc_list_merge(GEN_HEAD(i), GEN_HEAD(GC_NUM_GENERATIONS - 1));
    for (int i = 0; i < GC_NUM_GENERATIONS; i++) {
        gcs.resident[i] = resident[i];
        gcs.generations[i].count = count[i];
        gcs.stats[i].collections = stats[i][0];
        gcs.stats[i].collected = stats[i][1];
        gcs.stats[i].uncollectable = stats[i][2];
    }
}

static GcHead startup_saved;
static int startup_depth;

static int
cmp_uintptr(const void *a, const void *b)
{
    uintptr_t x = *(const uintptr_t *)a, y = *(const uintptr_t *)b;
    return x < y ? -1 : x > y;
}

/* How many adopted objects are still tracked (an address reused by another tracked
** object after an adopted one died counts too: rare, and only at exit). */
static ssize_t
adopted_alive(void)
{
    ssize_t n = 0;
    if (!nadopted)
        return 0;
    for (int i = 0; i < GC_NUM_GENERATIONS; i++)
        for (GcHead *g = gc_next(GEN_HEAD(i)); g != GEN_HEAD(i); g = gc_next(g)) {
            uintptr_t a = (uintptr_t)FROM_GC(g);
            if (bsearch(&a, adopted, nadopted, sizeof *adopted, cmp_uintptr))
                n++;
        }
    return n;
}

void
gc_startup_objects_begin(void)
{
    if (startup_depth++ == 0) {
        gc_list_init(&startup_saved);
        gc_list_merge(GEN_HEAD(0), &startup_saved);
    }
}

void
gc_startup_objects_end(void)
{
    if (--startup_depth != 0)
        return;
    ssize_t n = gc_list_size(GEN_HEAD(0));
    uintptr_t *a = realloc(adopted, sizeof *a * (nadopted + (size_t)n + 1));
    if (a) {
        adopted = a;
        for (GcHead *g = gc_next(GEN_HEAD(0)); g != GEN_HEAD(0); g = gc_next(g))
            adopted[nadopted++] = (uintptr_t)FROM_GC(g);
        qsort(adopted, nadopted, sizeof *adopted, cmp_uintptr);
    }
    gc_list_merge(GEN_HEAD(0), GEN_HEAD(GC_NUM_GENERATIONS - 1));
    gc_list_merge(&startup_saved, GEN_HEAD(0));
    gcs.resident[GC_NUM_GENERATIONS - 1] -= n;  /* no longer virtual: real now */
}

ssize_t
gc_tracked_total(void)
{
    ssize_t n = 0;
    for (int i = 0; i < GC_NUM_GENERATIONS; i++)
        n += gc_list_size(GEN_HEAD(i));
    return n;
}

int
gc_foreach(int gen, int (*fn)(Object *, void *), void *arg)
{
    for (int i = 0; i <= GC_NUM_GENERATIONS; i++) {
        if (gen >= 0 && i != gen)
            continue;
        GcHead *head = i == GC_NUM_GENERATIONS ? &gcs.permanent.head : GEN_HEAD(i);
        for (GcHead *g = gc_next(head); g != head; g = gc_next(g)) {
            int r = fn(FROM_GC(g), arg);
            if (r)
                return r;
        }
    }
    return 0;
}

void
gc_freeze(void)
{
    gcs.resident_atomic = 0;
    for (int i = 0; i < GC_NUM_GENERATIONS; i++) {
        gc_list_merge(GEN_HEAD(i), &gcs.permanent.head);
        gcs.generations[i].count = 0;
        gcs.resident[GC_NUM_GENERATIONS] += gcs.resident[i];
        gcs.resident[i] = 0;
    }
}

void
gc_unfreeze(void)
{
    gc_list_merge(&gcs.permanent.head, GEN_HEAD(GC_NUM_GENERATIONS - 1));
    gcs.resident[GC_NUM_GENERATIONS - 1] += gcs.resident[GC_NUM_GENERATIONS];
    gcs.resident[GC_NUM_GENERATIONS] = 0;
}

void
gc_fini(void)
{
    CLEAR(gcs.garbage);
    CLEAR(gcs.callbacks);
}
