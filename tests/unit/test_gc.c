/*
** test_gc.c -- the cycle collector (runtime/gc.c) on hand-built object graphs: simple
** cycles, self-loops, cycles kept alive from outside, chains across generations,
** promotion, PEP 442 finalizers (called once, in list order, resurrection), collecting
** inside a finalizer, finalizers that build new cycles, DEBUG_SAVEALL, freeze, the
** generation-0 count (+1 per GC allocation, -1 per free, automatic collection when it
** exceeds the threshold), the long-lived heuristic, and the untracking of tuples and
** dicts holding only atoms.
**
** The graphs are made of Node objects, a GC type with up to four references and an
** optional finalizer that logs its calls (and may resurrect its object or collect).
** The expected orders follow CPython 3.11's gcmodule.c; the Python-level equivalents
** (tests/golden/gc/) were checked against CPython.
*/
#include <criterion/criterion.h>
#include <string.h>

#include "runtime/gc.h"
#include "runtime/dictobject.h"
#include "runtime/error.h"
#include "runtime/intobject.h"
#include "runtime/listobject.h"
#include "runtime/state.h"
#include "runtime/strobject.h"
#include "runtime/tupleobject.h"
#include "runtime/typeobject.h"

#define MAXREF 4

typedef struct Node {
    OBJECT_HEAD;
    Object *ref[MAXREF];
    int id;
} Node;

/* what happened, in order: "f3" finalizer of node 3 ran, "d3" node 3 was freed */
static char events[512];
static Object *resurrect_into;  /* a list: finalizers append their node here */
static int collect_in_finalizer;
static ssize_t nested_result;
static int cycle_in_finalizer;
static ssize_t live_at_start;
static ssize_t base2;           /* generation 2's size after set-up (the runtime's own) */

static void
log_event(char kind, int id)
{
    size_t n = strlen(events);
    snprintf(events + n, sizeof events - n, "%s%c%d", n ? " " : "", kind, id);
}

static void node_finalize(Object *o);
static TypeObject node_type, fnode_type;

static void
node_dealloc(Object *o)
{
    Node *n = (Node *)o;
    if (TYPE(o)->finalize) {
        /* PyObject_CallFinalizerFromDealloc: a finalizer not run yet runs now */
        if (!gc_is_finalized(o)) {
            o->refcnt = 1;
            gc_set_finalized(o);
            node_finalize(o);
            if (--o->refcnt != 0)
                return;         /* resurrected */
        }
    }
    gc_untrack(o);
    log_event('d', n->id);
    for (int i = 0; i < MAXREF; i++)
        CLEAR(n->ref[i]);
    obj_free(o);
}

static int
node_traverse(Object *o, visitproc visit, void *arg)
{
    Node *n = (Node *)o;
    for (int i = 0; i < MAXREF; i++)
        OBJ_VISIT(n->ref[i]);
    return 0;
}

static int
node_clear(Object *o)
{
    Node *n = (Node *)o;
    for (int i = 0; i < MAXREF; i++)
        CLEAR(n->ref[i]);
    return 0;
}

static Object *node_new(TypeObject *t, int id);

static void
node_finalize(Object *o)
{
    Node *n = (Node *)o;
    log_event('f', n->id);
    if (resurrect_into)
        cr_assert_eq(list_append(resurrect_into, o), 0);
    if (collect_in_finalizer)
        nested_result = gc_collect(GC_NUM_GENERATIONS - 1);
    if (cycle_in_finalizer) {
        /* a brand-new self-cycle, made while the collector runs */
        Node *c = (Node *)node_new(&node_type, 100 + n->id);
        c->ref[0] = newref((Object *)c);
        decref(c);
    }
}

static TypeObject node_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "Node",
    .basicsize = sizeof(Node),
    .flags = TPFLAG_GC,
    .dealloc = node_dealloc,
    .traverse = node_traverse,
    .clear = node_clear,
    .getattro = obj_generic_getattr,
};

static TypeObject fnode_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "FNode",
    .basicsize = sizeof(Node),
    .flags = TPFLAG_GC,
    .dealloc = node_dealloc,
    .traverse = node_traverse,
    .clear = node_clear,
    .finalize = node_finalize,
    .getattro = obj_generic_getattr,
};

static Object *
node_new(TypeObject *t, int id)
{
    Node *n = (Node *)obj_alloc(t, 0);
    cr_assert_not_null(n);
    n->id = id;
    gc_track((Object *)n);
    return (Object *)n;
}

/* a.ref[slot] = b (a new reference) */
static void
link(Object *a, int slot, Object *b)
{
    Node *n = (Node *)a;
    cr_assert_null(n->ref[slot]);
    n->ref[slot] = newref(b);
}

static void
gc_setup(void)
{
    rt_init(0, NULL);
    cr_assert_eq(type_ready(&node_type), 0);
    cr_assert_eq(type_ready(&fnode_type), 0);
    events[0] = 0;
    resurrect_into = NULL;
    collect_in_finalizer = cycle_in_finalizer = 0;
    gc_set_debug(0);
    gc_set_enabled(0);          /* tests collect explicitly unless they say otherwise */
    gc_collect(GC_NUM_GENERATIONS - 1);
    base2 = gc_gen_size(2);
    live_at_start = obj_live_count;
}

static void
gc_teardown(void)
{
    gc_set_enabled(1);
    cr_assert_null(err_occurred(), "a test left an exception pending");
    cr_assert_eq(obj_live_count, live_at_start, "leaked %zd objects",
                 obj_live_count - live_at_start);
}

TestSuite(gc, .init = gc_setup, .fini = gc_teardown);

/* ---------------------------------------------------------------- cycles */

Test(gc, refcounting_alone_frees_acyclic_garbage)
{
    Object *a = node_new(&node_type, 1), *b = node_new(&node_type, 2);
    link(a, 0, b);
    decref(b);
    decref(a);
    cr_assert_str_eq(events, "d1 d2");
    cr_assert_eq(gc_collect(2), 0);
}

Test(gc, a_two_object_cycle_is_found_and_freed)
{
    Object *a = node_new(&node_type, 1), *b = node_new(&node_type, 2);
    link(a, 0, b);
    link(b, 0, a);
    decref(a);
    decref(b);
    cr_assert_str_eq(events, "");
    cr_assert_eq(gc_collect(0), 2);
    /* tp_clear of a drops a's reference to b: b dies, and with it the last one to a */
    cr_assert_str_eq(events, "d2 d1");
}

Test(gc, a_self_loop_is_collected)
{
    Object *a = node_new(&node_type, 1);
    link(a, 0, a);
    decref(a);
    cr_assert_eq(gc_collect(0), 1);
    cr_assert_str_eq(events, "d1");
}

Test(gc, a_cycle_held_from_outside_survives_and_is_promoted)
{
    Object *a = node_new(&node_type, 1), *b = node_new(&node_type, 2);
    link(a, 0, b);
    link(b, 0, a);
    decref(b);                  /* a is still referenced from "the stack" */
    cr_assert_eq(gc_gen_size(0), 2);
    cr_assert_eq(gc_collect(0), 0);
    cr_assert_eq(gc_gen_size(0), 0);
    cr_assert_eq(gc_gen_size(1), 2);
    cr_assert_eq(gc_collect(1), 0);
    cr_assert_eq(gc_gen_size(2), base2 + 2);
    cr_assert_str_eq(events, "");
    decref(a);
    cr_assert_eq(gc_collect(2), 2);
}

Test(gc, garbage_reachable_only_from_a_cycle_goes_with_it)
{
    Object *a = node_new(&node_type, 1), *b = node_new(&node_type, 2);
    Object *leaf = node_new(&node_type, 3);
    link(a, 0, b);
    link(b, 0, a);
    link(b, 1, leaf);
    decref(leaf);
    decref(a);
    decref(b);
    cr_assert_eq(gc_collect(0), 3);
}

Test(gc, a_young_collection_does_not_free_a_cycle_through_an_older_generation)
{
    Object *old = node_new(&node_type, 1);
    gc_collect(1);              /* old is now in generation 2 */
    cr_assert_eq(gc_gen_size(2), base2 + 1);
    Object *young = node_new(&node_type, 2);
    link(old, 0, young);
    link(young, 0, old);
    decref(old);
    decref(young);
    /* the reference from generation 2 counts as external for a gen-0 collection */
    cr_assert_eq(gc_collect(0), 0);
    cr_assert_eq(gc_gen_size(1), 1);
    cr_assert_eq(gc_collect(1), 0);
    cr_assert_eq(gc_collect(2), 2);
    cr_assert_str_eq(events, "d2 d1");
}

Test(gc, a_long_chain_across_generations_is_collected_by_a_full_collection)
{
    Object *first = node_new(&node_type, 0), *prev = first;
    for (int i = 1; i < 50; i++) {
        Object *n = node_new(&node_type, i);
        link(prev, 0, n);
        decref(n);
        prev = n;
        if (i % 10 == 0)
            gc_collect(i % 20 == 0 ? 1 : 0);    /* spread the chain over generations */
    }
    link(prev, 0, first);       /* close the loop */
    decref(first);
    cr_assert_eq(gc_collect(0), 0);
    cr_assert_eq(gc_collect(2), 50);
}

/* ---------------------------------------------------------------- finalizers */

Test(gc, finalizers_run_once_in_list_order_before_anything_is_cleared)
{
    Object *a = node_new(&fnode_type, 1), *b = node_new(&fnode_type, 2),
           *c = node_new(&fnode_type, 3);
    link(a, 0, b);
    link(b, 0, c);
    link(c, 0, a);
    decref(a);
    decref(b);
    decref(c);
    cr_assert_eq(gc_collect(0), 3);
    cr_assert_str_eq(events, "f1 f2 f3 d2 d3 d1");
}

Test(gc, the_unreachable_list_follows_the_order_of_the_scan)
{
    /* x is scanned (gc_refs 0) before the root r that holds it is found reachable; the
    ** garbage cycle p <-> q after them keeps its place: finalizers run p then q. */
    Object *p = node_new(&fnode_type, 1), *x = node_new(&node_type, 2),
           *r = node_new(&node_type, 3), *q = node_new(&fnode_type, 4);
    link(r, 0, x);
    link(p, 0, q);
    link(q, 0, p);
    decref(x);
    decref(p);
    decref(q);
    cr_assert_eq(gc_collect(0), 2);
    cr_assert_str_eq(events, "f1 f4 d4 d1");
    decref(r);
}

Test(gc, a_resurrected_object_survives_and_is_not_finalized_again)
{
    resurrect_into = list_new(0);
    Object *a = node_new(&fnode_type, 1);
    link(a, 0, a);
    decref(a);
    cr_assert_eq(gc_collect(0), 0);             /* nothing died */
    cr_assert_str_eq(events, "f1");
    cr_assert_eq(LIST_LEN(resurrect_into), 1);
    cr_assert(gc_is_finalized(LIST_GET(resurrect_into, 0)));
    cr_assert_eq(gc_gen_size(1), 2);            /* a and the list: the old generation */
    Object *l = resurrect_into;
    resurrect_into = NULL;
    decref(l);                                   /* garbage again, a cycle */
    cr_assert_eq(gc_collect(2), 1);
    cr_assert_str_eq(events, "f1 d1");          /* no second finalizer call */
}

Test(gc, resurrecting_one_object_keeps_what_it_references)
{
    resurrect_into = list_new(0);
    Object *a = node_new(&fnode_type, 1), *b = node_new(&node_type, 2);
    link(a, 0, b);
    link(b, 0, a);
    decref(a);
    decref(b);
    cr_assert_eq(gc_collect(0), 0);
    cr_assert_str_eq(events, "f1");
    Object *l = resurrect_into;
    resurrect_into = NULL;
    decref(l);
    cr_assert_eq(gc_collect(2), 2);
}

Test(gc, a_finalizer_collecting_gets_zero_and_the_outer_collection_finishes)
{
    collect_in_finalizer = 1;
    nested_result = -1;
    Object *a = node_new(&fnode_type, 1);
    link(a, 0, a);
    decref(a);
    cr_assert_eq(gc_collect(0), 1);
    cr_assert_eq(nested_result, 0);
    cr_assert_str_eq(events, "f1 d1");
}

Test(gc, a_cycle_made_by_a_finalizer_waits_for_the_next_collection)
{
    cycle_in_finalizer = 1;
    Object *a = node_new(&fnode_type, 1);
    link(a, 0, a);
    decref(a);
    cr_assert_eq(gc_collect(0), 1);
    cr_assert_str_eq(events, "f1 d1");
    cycle_in_finalizer = 0;
    cr_assert_eq(gc_collect(2), 1);
    cr_assert_str_eq(events, "f1 d1 d101");
}

/* ---------------------------------------------------------------- debug, freeze */

Test(gc, saveall_keeps_the_garbage_and_later_collections_still_work)
{
    Object *garbage = gc_garbage_list();
    gc_collect(2);                              /* the list itself out of the way */
    gc_set_debug(GC_DEBUG_SAVEALL);
    Object *a = node_new(&node_type, 1), *b = node_new(&node_type, 2);
    link(a, 0, b);
    link(b, 0, a);
    decref(a);
    decref(b);
    cr_assert_eq(gc_collect(0), 2);
    cr_assert_eq(LIST_LEN(garbage), 2);
    cr_assert_eq(LIST_GET(garbage, 0), a);
    cr_assert_eq(AS_GC(a)->prev & GC_PREV_COLLECTING, 0, "a survivor kept its mark");
    cr_assert_eq(AS_GC(b)->prev & GC_PREV_COLLECTING, 0, "a survivor kept its mark");
    cr_assert_str_eq(events, "");
    gc_set_debug(0);
    /* survivors sit in generation 1 with clean headers: a young collection must not
    ** touch them */
    Object *c = node_new(&node_type, 3);
    link(c, 0, c);
    link(c, 1, a);              /* visiting a must not touch its header */
    decref(c);
    cr_assert_eq(gc_collect(0), 1);
    cr_assert_eq(gc_gen_size(1), 2);
    cr_assert_eq(list_setslice(garbage, 0, LIST_LEN(garbage), NULL), 0);
    cr_assert_eq(gc_collect(2), 2);
    gc_fini();                                  /* drop gc.garbage itself */
}

Test(gc, frozen_objects_are_never_collected_until_unfrozen)
{
    gc_collect(0);                              /* generation 1's count is now 1 */
    Object *a = node_new(&node_type, 1);
    link(a, 0, a);
    decref(a);
    ssize_t all = gc_gen_size(0) + gc_gen_size(1) + gc_gen_size(2);
    gc_freeze();
    cr_assert_eq(gc_get_count(0) + gc_get_count(1) + gc_get_count(2), 0);
    cr_assert_eq(gc_gen_size(GC_NUM_GENERATIONS), all);
    cr_assert_eq(gc_gen_size(0) + gc_gen_size(1) + gc_gen_size(2), 0);
    cr_assert_eq(gc_collect(2), 0);
    gc_unfreeze();
    cr_assert_eq(gc_gen_size(GC_NUM_GENERATIONS), 0);
    cr_assert_eq(gc_gen_size(2), all);
    cr_assert_eq(gc_collect(2), 1);
}

/* ---------------------------------------------------------------- counting */

Test(gc, generation_0_counts_gc_allocations_minus_deallocations)
{
    int before = gc_get_count(0);
    Object *a = node_new(&node_type, 1), *b = node_new(&node_type, 2);
    cr_assert_eq(gc_get_count(0), before + 2);
    Object *i = int_from_long(123456789);      /* not a container: not counted */
    cr_assert_eq(gc_get_count(0), before + 2);
    decref(i);
    decref(a);
    cr_assert_eq(gc_get_count(0), before + 1);
    decref(b);
    cr_assert_eq(gc_get_count(0), before);
}

Test(gc, the_allocation_that_exceeds_the_threshold_collects)
{
    gc_collect(2);
    int saved = gc_get_threshold(0);
    gc_set_threshold(0, 5);
    gc_set_enabled(1);
    Object *cyc = node_new(&fnode_type, 99);    /* count 1 */
    link(cyc, 0, cyc);
    decref(cyc);
    Object *keep[5];
    for (int i = 0; i < 4; i++)                  /* counts 2..5: not above 5 */
        keep[i] = node_new(&node_type, i);
    cr_assert_str_eq(events, "");
    cr_assert_eq(gc_get_count(0), 5);
    keep[4] = node_new(&node_type, 4);          /* 6 > 5: collects during this allocation */
    cr_assert_str_eq(events, "f99 d99");
    cr_assert_eq(gc_get_count(1), 1);
    /* the collection ran before the new node was tracked: it is still in generation 0,
    ** and the count restarted from 0 (the freed probe did not make it negative) */
    cr_assert_eq(gc_get_count(0), 0);
    cr_assert_eq(gc_gen_size(0), 1);
    gc_set_enabled(0);
    gc_set_threshold(0, saved);
    for (int i = 0; i < 5; i++)
        decref(keep[i]);
}

static void
append_nodes(Object *keep, int n)
{
    for (int i = 0; i < n; i++) {
        Object *node = node_new(&node_type, 1000 + i);
        cr_assert_eq(list_append(keep, node), 0);
        decref(node);
    }
}

Test(gc, a_full_collection_waits_for_a_quarter_of_new_long_lived_objects)
{
    /* many long-lived objects survive a full collection: that sets long_lived_total */
    Object *keep = list_new(0);
    append_nodes(keep, 200);
    gc_collect(2);
    ssize_t total = gc_gen_size(2);
    ssize_t full, x, y, full2;
    gc_get_stats(2, &full, &x, &y);
    int saved0 = gc_get_threshold(0), saved1 = gc_get_threshold(1),
        saved2 = gc_get_threshold(2);
    gc_set_threshold(0, 1);
    gc_set_threshold(1, 1);
    gc_set_threshold(2, 1);
    gc_set_enabled(1);
    /* every other allocation now collects and generation 2's count soon exceeds its
    ** threshold, but the objects promoted by generation-1 collections (pending) stay
    ** below total / 4: no full collection */
    append_nodes(keep, (int)(total / 4) - 5);
    gc_get_stats(2, &full2, &x, &y);
    cr_assert_eq(full2, full, "a full collection ran too early");
    append_nodes(keep, 20);
    gc_get_stats(2, &full2, &x, &y);
    cr_assert_eq(full2, full + 1, "no full collection once pending > total / 4");
    gc_set_enabled(0);
    gc_set_threshold(0, saved0);
    gc_set_threshold(1, saved1);
    gc_set_threshold(2, saved2);
    decref(keep);
}

/* ---------------------------------------------------------------- untracking */

Test(gc, tuples_of_atoms_are_untracked_by_a_collection)
{
    Object *one = int_from_long(1), *s = str_from_cstr("x");
    Object *t = tuple_pack(2, one, s);
    Object *l = list_new(0);
    Object *tl = tuple_pack(2, one, l);
    cr_assert(gc_is_tracked(t));
    gc_collect(0);
    cr_assert_not(gc_is_tracked(t));
    cr_assert(gc_is_tracked(tl));               /* holds a list */
    decref(t);
    decref(tl);
    decref(l);
    decref(one);
    decref(s);
}

Test(gc, a_tuple_of_tuples_may_need_more_than_one_collection)
{
    Object *one = int_from_long(1);
    Object *outer = tuple_new(1);               /* tracked first, filled later */
    Object *inner = tuple_pack(1, one);
    TUPLE_SET(outer, 0, newref(inner));
    /* the outer tuple comes first in the list: when it is examined, inner is still
    ** tracked; inner is untracked after it, in the same pass */
    gc_collect(0);
    cr_assert_not(gc_is_tracked(inner));
    cr_assert(gc_is_tracked(outer));
    gc_collect(1);
    cr_assert_not(gc_is_tracked(outer));
    decref(outer);
    decref(inner);
    decref(one);
}

Test(gc, dicts_of_atoms_are_untracked_only_by_full_collections)
{
    Object *d = dict_new();
    Object *l = list_new(0), *k = str_from_cstr("k"), *v = int_from_long(5);
    cr_assert_not(gc_is_tracked(d));             /* created untracked */
    cr_assert_eq(dict_setitem(d, k, v), 0);
    cr_assert_not(gc_is_tracked(d));
    cr_assert_eq(dict_setitem(d, k, l), 0);      /* a container value tracks it */
    cr_assert(gc_is_tracked(d));
    cr_assert_eq(dict_setitem(d, k, v), 0);      /* back to atoms: still tracked */
    gc_collect(0);
    gc_collect(1);
    cr_assert(gc_is_tracked(d));
    gc_collect(2);
    cr_assert_not(gc_is_tracked(d));
    decref(d);
    decref(l);
    decref(k);
    decref(v);
}
