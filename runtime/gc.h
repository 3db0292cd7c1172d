/*
** gc.h -- the generational cycle collector (CPython 3.11's gcmodule.c algorithm).
** Container objects (types with TPFLAG_GC) carry a GcHead in front of their Object
** header.  A tracked object is in exactly one generation list.  Word layout as 3.11:
**   next: pointer to the next GcHead; low bit NEXT_MASK_UNREACHABLE during a collection;
**         0 when the object is untracked.
**   prev: pointer to the previous GcHead in the low bits' place: bit 0 PREV_FINALIZED
**         (tp_finalize already called), bit 1 PREV_COLLECTING; during a collection the
**         upper bits hold gc_refs instead of the pointer (shifted by GC_REFS_SHIFT).
*/
#ifndef PYHEAP_GC_H
#define PYHEAP_GC_H

#include "object.h"

typedef struct GcHead {
    uintptr_t next;
    uintptr_t prev;
} GcHead;

#define AS_GC(o) ((GcHead *)(o) - 1)
#define FROM_GC(g) ((Object *)((GcHead *)(g) + 1))

#define GC_PREV_FINALIZED ((uintptr_t)1)
#define GC_PREV_COLLECTING ((uintptr_t)2)
#define GC_REFS_SHIFT 2
#define GC_PREV_MASK_FLAGS ((uintptr_t)3)
#define GC_NEXT_UNREACHABLE ((uintptr_t)1)

#define GC_NUM_GENERATIONS 3

static inline int
gc_is_tracked(Object *o)
{
    return AS_GC(o)->next != 0;
}

static inline int
gc_is_finalized(Object *o)
{
    return (AS_GC(o)->prev & GC_PREV_FINALIZED) != 0;
}

static inline void
gc_set_finalized(Object *o)
{
    AS_GC(o)->prev |= GC_PREV_FINALIZED;
}

/* Is o a container the collector may look at?  Its type has TPFLAG_GC -- except that
** static type objects (whose type, 'type', is a GC type) have no GcHead: only classes
** do (CPython's tp_is_gc for types). */
static inline int
obj_is_gc(Object *o)
{
    TypeObject *t = TYPE(o);
    if (!(t->flags & TPFLAG_GC))
        return 0;
    if (t->flags & TPFLAG_TYPE_SUBCLASS)
        return (((TypeObject *)o)->flags & TPFLAG_HEAPTYPE) != 0;
    return 1;
}
#define OBJ_IS_GC(o) obj_is_gc((Object *)(o))

void gc_init(void);
/* Start tracking a fully initialised container (into generation 0).  Tracking does not
** count: the generation-0 count follows allocations (gc_on_alloc, from obj_alloc). */
void gc_track(Object *o);
/* Stop tracking (dealloc does this first); a no-op for an untracked object. */
void gc_untrack(Object *o);
/* Bookkeeping for allocation/deallocation of GC objects (obj_alloc/obj_free call these):
** gen0 count += 1 on allocation (and collect if over the threshold), -= 1 on free. */
void gc_on_alloc(void);
void gc_on_free(void);
/* Count a GC object CPython makes and frees at once where pyheap needs none (e.g. the
** bound file.write print() fetches for each piece): +1, possibly a collection, -1. */
void gc_count_transient_alloc(void);
void gc_count_allocs(ssize_t n);   /* n allocations of objects that stay (CPython's, not ours) */

/* Run a collection of generations 0..gen with gc.callbacks (gc.collect(), PyGC_Collect);
** returns the number of unreachable objects found (collected + uncollectable), 0 if a
** collection is already running. */
ssize_t gc_collect(int gen);
/* _PyGC_CollectNoFail, for interpreter exit: a full collection without callbacks (debug
** output as usual); an exception left over is dropped. */
void gc_collect_final(void);
/* At exit: with DEBUG_UNCOLLECTABLE, print what gc.garbage still holds (unless
** DEBUG_SAVEALL put it there), as _PyGC_DumpShutdownStats. */
void gc_dump_shutdown_stats(void);
void gc_set_enabled(int on);
void gc_fini(void);                     /* teardown: drop gc.garbage and gc.callbacks */
int gc_is_enabled(void);
int gc_collecting(void);

/* Accessors for the gc module and white-box tests. */
int gc_get_threshold(int gen);
void gc_set_threshold(int gen, int value);
int gc_get_count(int gen);
ssize_t gc_gen_size(int gen);           /* objects in a generation list; 3: permanent */
int gc_get_debug(void);
void gc_set_debug(int flags);
enum { GC_DEBUG_STATS = 1, GC_DEBUG_COLLECTABLE = 2, GC_DEBUG_UNCOLLECTABLE = 4,
       GC_DEBUG_SAVEALL = 32, GC_DEBUG_LEAK = 2 | 4 | 32 };
Object *gc_garbage_list(void);          /* gc.garbage (borrowed) */
Object *gc_callbacks_list(void);        /* gc.callbacks (borrowed) */
void gc_get_stats(int gen, ssize_t *collections, ssize_t *collected, ssize_t *uncollectable);
/* Between these calls (an import of a module CPython's start-up has made), what gets
** tracked becomes a start-up object: it goes to the oldest generation, and counts among
** CPython's start-up objects instead of beside them.  No collection may run between. */
void gc_startup_objects_begin(void);
void gc_startup_objects_end(void);
/* The collections at interpreter exit as CPython's show them (DEBUG_STATS), measured
** with an empty program: its finalization makes gen0_new objects before the second one;
** gen2_shift corrects generation 2 there; total[] is what the third and fourth show (all
** the program's objects are dead by then); dying[] is how many more than pyheap's own
** objects CPython's three final collections find unreachable. */
typedef struct GcExitModel {
    ssize_t gen2_lost;          /* start-up objects gone by exit's first collection */
    ssize_t young_lost[2];      /* and of the younger ones: from the youngest generation
                                   holding some, then from an older one */
    ssize_t gen0_new, gen2_shift, total[2], dying[3];
} GcExitModel;
void gc_set_exit_model(const GcExitModel *model);
void gc_exit_begin(void);       /* interpreter exit starts (before its first collection) */
/* Objects the collector tracks now, in all generations (not the permanent one). */
ssize_t gc_tracked_total(void);
/* The generation counts and gc.get_stats() numbers CPython's start-up leaves (main.c). */
void gc_set_start_state(const ssize_t count[3], const ssize_t stats[3][3],
                        const ssize_t resident[3], ssize_t resident_atomic);
/* A generation's size as CPython's would be: the objects plus CPython's start-up objects
** pyheap has no counterpart of (gen 3: the permanent generation). */
ssize_t gc_gen_size_shown(int gen);
/* Call fn on every tracked object of generation gen (-1: all four lists, 3: permanent);
** stops at the first non-zero return and returns it. */
int gc_foreach(int gen, int (*fn)(Object *, void *), void *arg);
void gc_freeze(void);                   /* every generation into the permanent one */
void gc_unfreeze(void);                 /* the permanent generation into generation 2 */

/* Dicts and tuples that hold only atomic values need not be tracked (gc.c helpers). */
int gc_may_be_tracked(Object *o);       /* a GC object that is tracked, or a non-GC
                                           object: 0 for atoms, 1 for tracked containers */

#endif
