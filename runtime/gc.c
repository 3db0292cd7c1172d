/*
** gc.c -- the generational cycle collector, CPython 3.11's Modules/gcmodule.c algorithm.
**
** Read gc_collect_main() to see how a collection works:
**   1. the counters: generation g+1's count += 1, counts of 0..g reset;
**   2. generations 0..g are merged into 'young';
**   3. update_refs copies each object's refcount into its gc_refs, subtract_refs
**      subtracts every reference found by traversing the containers in 'young': what is
**      left is the number of references from outside (the VM stack, frames, C locals,
**      older generations);
**   4. move_unreachable: objects with gc_refs > 0 are reachable, and so is everything
**      reachable from them; the rest moves to 'unreachable';
**   5. survivors move to the next generation (tuples and, in full collections, dicts of
**      atoms are untracked on the way);
**   6. finalizers (__del__, PEP 442) run once on the unreachable objects; objects they
**      resurrected are found by running step 3-4 again and survive;
**   7. tp_clear breaks the remaining cycles, and refcounting frees them.
** There is no root set: a live object is one referenced from outside the collected
** generations, so the VM must own (count) every reference it keeps.
**
** gc_refs during a collection live in the upper bits of GcHead.prev (gc.h); the
** PREV_COLLECTING flag marks objects of the generations being collected and
** NEXT_UNREACHABLE marks members of the unreachable list during move_unreachable.
*/
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
#include <stdio.h>
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
    Object *garbage;            /* gc.garbage list */
    Object *callbacks;          /* gc.callbacks list */
} GcState;

static GcState gcs;

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
gc_on_free(void)
{
    if (gcs.generations[0].count > 0)
        gcs.generations[0].count--;
}

/* ================================================================ the algorithm */

static void
update_refs(GcHead *containers)
{
    for (GcHead *g = gc_next(containers); g != containers; g = gc_next(g)) {
        gc_reset_refs(g, REFCNT(FROM_GC(g)));
    }
}

static int
visit_decref(Object *op, void *parent)
{
    if (OBJ_IS_GC(op)) {
        GcHead *g = AS_GC(op);
        if (gc_is_collecting(g))
            gc_decref(g);
    }
    return 0;
}

static void
subtract_refs(GcHead *containers)
{
    for (GcHead *g = gc_next(containers); g != containers; g = gc_next(g)) {
        Object *op = FROM_GC(g);
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
    if (!gc_is_collecting(g))
        return 0;
    if (g->next & GC_NEXT_UNREACHABLE) {
        /* in the unreachable list: move it back to the young list */
        GcHead *prev = gc_prev(g);
        GcHead *next = (GcHead *)(g->next & ~GC_NEXT_UNREACHABLE);
        prev->next = g->next;           /* copies NEXT_UNREACHABLE */
        gc_set_prev(next, prev);
        gc_list_append(g, reachable);
        gc_set_refs(g, 1);
    } else if (gc_get_refs(g) == 0) {
        gc_set_refs(g, 1);
    }
    return 0;
}

static void
move_unreachable(GcHead *young, GcHead *unreachable)
{
    GcHead *prev = young;
    GcHead *g = gc_next(young);
    while (g != young) {
        if (gc_get_refs(g)) {
            Object *op = FROM_GC(g);
            traverseproc t = TYPE(op)->traverse;
            if (t)
                t(op, visit_reachable, young);
            gc_set_prev(g, prev);
            gc_clear_collecting(g);
            prev = g;
        } else {
            /* tentatively unreachable */
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

static void
clear_unreachable_mask(GcHead *unreachable)
{
    GcHead *next;
    for (GcHead *g = gc_next(unreachable); g != unreachable; g = next) {
        g->next &= ~GC_NEXT_UNREACHABLE;
        next = (GcHead *)g->next;
    }
}

static void
deduce_unreachable(GcHead *base, GcHead *unreachable)
{
    update_refs(base);
    subtract_refs(base);
    gc_list_init(unreachable);
    move_unreachable(base, unreachable);
}

static void
untrack_tuples(GcHead *head)
{
    GcHead *next;
    for (GcHead *g = gc_next(head); g != head; g = next) {
        Object *op = FROM_GC(g);
        next = gc_next(g);
        if (TUPLE_CHECK_EXACT(op))
            tuple_maybe_untrack(op);
    }
}

static void
untrack_dicts(GcHead *head)
{
    GcHead *next;
    for (GcHead *g = gc_next(head); g != head; g = next) {
        Object *op = FROM_GC(g);
        next = gc_next(g);
        if (DICT_CHECK_EXACT(op))
            dict_maybe_untrack(op);
    }
}

static void
gc_list_clear_collecting(GcHead *collectable)
{
    for (GcHead *g = gc_next(collectable); g != collectable; g = gc_next(g))
        gc_clear_collecting(g);
}

static void
finalize_garbage(GcHead *collectable)
{
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
        }
    }
    gc_list_merge(&seen, collectable);
}

static void
handle_resurrected_objects(GcHead *unreachable, GcHead *still_unreachable, GcHead *old)
{
    gc_list_clear_collecting(unreachable);
    deduce_unreachable(unreachable, still_unreachable);
    clear_unreachable_mask(still_unreachable);
    gc_list_merge(unreachable, old);
}

static void
debug_cycle(const char *msg, Object *op)
{
    file_flush_stdout();
    fprintf(stderr, "gc: %s <%s %p>\n", msg, TYPE(op)->name, (void *)op);
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
            if (gcs.garbage && list_append(gcs.garbage, op) < 0)
                err_clear();
            gc_list_move(g, old);
        } else {
            inquiry clear = TYPE(op)->clear;
            if (clear) {
                incref(op);
                clear(op);
                if (err_occurred())
                    err_write_unraisable(NULL);
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

static ssize_t
collect_main(int generation)
{
    ssize_t m = 0, n = 0;
    GcHead unreachable, finalizers;
    double t1 = 0;
    if (gcs.debug & GC_DEBUG_STATS) {
        file_flush_stdout();
        fprintf(stderr, "gc: collecting generation %d...\n", generation);
        fprintf(stderr, "gc: objects in each generation:");
        for (int i = 0; i < GC_NUM_GENERATIONS; i++)
            fprintf(stderr, " %zd", gc_list_size(GEN_HEAD(i)));
        fprintf(stderr, "\ngc: objects in permanent generation: %zd\n",
                gc_list_size(&gcs.permanent.head));
        t1 = now_seconds();
    }
    if (generation + 1 < GC_NUM_GENERATIONS)
        gcs.generations[generation + 1].count += 1;
    for (int i = 0; i <= generation; i++)
        gcs.generations[i].count = 0;
    for (int i = 0; i < generation; i++)
        gc_list_merge(GEN_HEAD(i), GEN_HEAD(generation));
    GcHead *young = GEN_HEAD(generation);
    GcHead *old = generation < GC_NUM_GENERATIONS - 1 ? GEN_HEAD(generation + 1) : young;

    deduce_unreachable(young, &unreachable);
    untrack_tuples(young);
    if (young != old) {
        if (generation == GC_NUM_GENERATIONS - 2)
            gcs.long_lived_pending += gc_list_size(young);
        gc_list_merge(young, old);
    } else {
        untrack_dicts(young);
        gcs.long_lived_pending = 0;
        gcs.long_lived_total = gc_list_size(young);
    }
    /* no legacy (tp_del) finalizers exist: only clear the unreachable marks */
    gc_list_init(&finalizers);
    clear_unreachable_mask(&unreachable);
    if (gcs.debug & GC_DEBUG_COLLECTABLE)
        for (GcHead *g = gc_next(&unreachable); g != &unreachable; g = gc_next(g))
            debug_cycle("collectable", FROM_GC(g));
    finalize_garbage(&unreachable);
    GcHead final_unreachable;
    handle_resurrected_objects(&unreachable, &final_unreachable, old);
    m += gc_list_size(&final_unreachable);
    delete_garbage(&final_unreachable, old);
    for (GcHead *g = gc_next(&finalizers); g != &finalizers; g = gc_next(g)) {
        n++;
        if (gcs.debug & GC_DEBUG_UNCOLLECTABLE)
            debug_cycle("uncollectable", FROM_GC(g));
    }
    if (gcs.debug & GC_DEBUG_STATS) {
        double d = now_seconds() - t1;
        file_flush_stdout();
        fprintf(stderr, "gc: done, %zd unreachable, %zd uncollectable, %.4fs elapsed\n", n + m,
                n, d);
    }
    gc_list_merge(&finalizers, old);
    if (generation == GC_NUM_GENERATIONS - 1)
        clear_freelists();
    if (err_occurred())
        err_write_unraisable(NULL);
    gcs.stats[generation].collections++;
    gcs.stats[generation].collected += m;
    gcs.stats[generation].uncollectable += n;
    return n + m;
}

static void
invoke_callbacks(const char *phase, int generation, ssize_t collected, ssize_t uncollectable)
{
    if (!gcs.callbacks || LIST_LEN(gcs.callbacks) == 0)
        return;
    Object *exc = err_fetch();
    Object *info = dict_new();
    Object *ph = str_from_cstr(phase);
    Object *g = int_from_long(generation), *c = int_from_ssize(collected),
           *u = int_from_ssize(uncollectable);
    if (!info || !ph || !g || !c || !u || dict_setitem_str(info, "generation", g) < 0 ||
        dict_setitem_str(info, "collected", c) < 0 ||
        dict_setitem_str(info, "uncollectable", u) < 0) {
        err_write_unraisable(NULL);
        goto done;
    }
    Object *cbs = list_getslice(gcs.callbacks, 0, LIST_LEN(gcs.callbacks));
    if (!cbs) {
        err_write_unraisable(NULL);
        goto done;
    }
    for (ssize_t i = 0; i < LIST_LEN(cbs); i++) {
        Object *cb = LIST_GET(cbs, i);
        Object *args[2] = {ph, info};
        Object *r = obj_vectorcall(cb, args, 2, NULL);
        if (!r)
            err_write_unraisable(cb);
        else
            decref(r);
    }
    decref(cbs);
done:
    xdecref(info);
    xdecref(ph);
    xdecref(g);
    xdecref(c);
    xdecref(u);
    err_restore(exc);
}

static ssize_t
collect_with_callback(int generation)
{
    invoke_callbacks("start", generation, 0, 0);
    ssize_t before_c = gcs.stats[generation].collected,
            before_u = gcs.stats[generation].uncollectable;
    ssize_t r = collect_main(generation);
    invoke_callbacks("stop", generation, gcs.stats[generation].collected - before_c,
                     gcs.stats[generation].uncollectable - before_u);
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
    int saved_debug = gcs.debug;
    gcs.debug &= ~GC_DEBUG_STATS;
    collect_main(GC_NUM_GENERATIONS - 1);
    gcs.debug = saved_debug;
    gcs.collecting = 0;
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

Object *gc_garbage_list(void);
Object *
gc_garbage_list(void)
{
    if (!gcs.garbage)
        gcs.garbage = list_new(0);
    return gcs.garbage;
}

Object *gc_callbacks_list(void);
Object *
gc_callbacks_list(void)
{
    if (!gcs.callbacks)
        gcs.callbacks = list_new(0);
    return gcs.callbacks;
}

void gc_get_stats(int gen, ssize_t *collections, ssize_t *collected, ssize_t *uncollectable);
void
gc_get_stats(int gen, ssize_t *collections, ssize_t *collected, ssize_t *uncollectable)
{
    *collections = gcs.stats[gen].collections;
    *collected = gcs.stats[gen].collected;
    *uncollectable = gcs.stats[gen].uncollectable;
}

/* Call fn on every tracked object of generation gen (-1: all, 3: permanent). */
int gc_foreach(int gen, int (*fn)(Object *, void *), void *arg);
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

void gc_freeze(void);
void
gc_freeze(void)
{
    for (int i = 0; i < GC_NUM_GENERATIONS; i++) {
        gc_list_merge(GEN_HEAD(i), &gcs.permanent.head);
        gcs.generations[i].count = 0;
    }
}

void gc_unfreeze(void);
void
gc_unfreeze(void)
{
    gc_list_merge(&gcs.permanent.head, GEN_HEAD(GC_NUM_GENERATIONS - 1));
}

void gc_fini(void);
void
gc_fini(void)
{
    CLEAR(gcs.garbage);
    CLEAR(gcs.callbacks);
}
