/*
** test_weakref.c -- weak references (runtime/weakrefobject.c) and the collector's
** handling of them (gc.c handle_weakrefs), on hand-built objects: the basic ref shared
** and first in the list, callbacks called newest first once the referent is dead, the
** side table of list heads growing and shrinking, the collector clearing weak references
** to garbage, calling back only through weakrefs that are not garbage themselves, before
** any finalizer, and counting a weakref its callback freed as collected.  The orders are
** CPython 3.11's (weakrefobject.c, gcmodule.c); tests/golden/weakref/ shows them from
** Python, checked against CPython.
*/
#include <criterion/criterion.h>
#include <string.h>

#include "runtime/gc.h"
#include "runtime/error.h"
#include "runtime/intobject.h"
#include "runtime/listobject.h"
#include "runtime/methodobject.h"
#include "runtime/state.h"
#include "runtime/tupleobject.h"
#include "runtime/typeobject.h"
#include "runtime/weakrefobject.h"

/* A GC type with two references, weakly referenceable, optionally with a finalizer. */
typedef struct WNode {
    OBJECT_HEAD;
    Object *ref[2];
    int id;
} WNode;

static char events[512];        /* "c3": a callback of a ref to node 3; "f3", "d3" */
static ssize_t live_at_start;
/* the static types' entries in their bases' subclass dicts (type_add_subclass) */
static size_t objects_at_start;
static Object *kill_on_callback;        /* a list emptied by every callback */

static void
log_event(char kind, int id)
{
    size_t n = strlen(events);
    snprintf(events + n, sizeof events - n, "%s%c%d", n ? " " : "", kind, id);
}

static void
wnode_finalize(Object *o)
{
    log_event('f', ((WNode *)o)->id);
}

static void
wnode_dealloc(Object *o)
{
    WNode *n = (WNode *)o;
    if (TYPE(o)->finalize && !gc_is_finalized(o)) {
        o->refcnt = 1;
        gc_set_finalized(o);
        wnode_finalize(o);
        if (--o->refcnt != 0)
            return;
    }
    gc_untrack(o);
    weakref_clear_refs(o);
    log_event('d', n->id);
    CLEAR(n->ref[0]);
    CLEAR(n->ref[1]);
    obj_free(o);
}

static int
wnode_traverse(Object *o, visitproc visit, void *arg)
{
    OBJ_VISIT(((WNode *)o)->ref[0]);
    OBJ_VISIT(((WNode *)o)->ref[1]);
    return 0;
}

static int
wnode_clear(Object *o)
{
    CLEAR(((WNode *)o)->ref[0]);
    CLEAR(((WNode *)o)->ref[1]);
    return 0;
}

static TypeObject wnode_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "WNode",
    .basicsize = sizeof(WNode),
    .flags = TPFLAG_GC,
    .dealloc = wnode_dealloc,
    .traverse = wnode_traverse,
    .clear = wnode_clear,
    .getattro = obj_generic_getattr,
    .weaklistoffset = 16,
};

static TypeObject fwnode_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "FWNode",
    .basicsize = sizeof(WNode),
    .flags = TPFLAG_GC,
    .dealloc = wnode_dealloc,
    .traverse = wnode_traverse,
    .clear = wnode_clear,
    .finalize = wnode_finalize,
    .getattro = obj_generic_getattr,
    .weaklistoffset = 16,
};

static Object *
wnode_new(TypeObject *t, int id)
{
    WNode *n = (WNode *)obj_alloc(t, 0);
    cr_assert_not_null(n);
    n->ref[0] = n->ref[1] = NULL;
    n->id = id;
    gc_track((Object *)n);
    return (Object *)n;
}

static void
link(Object *a, int slot, Object *b)
{
    ((WNode *)a)->ref[slot] = newref(b);
}

/* The callback: logs "c<tag>" (its self is an int tag) and checks the ref is dead. */
static Object *
callback_fn(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    cr_assert_eq(nargs, 1);
    cr_assert(WEAKREF_CHECK(args[0]));
    cr_assert_eq(weakref_get_object(args[0]), None, "called back before the ref died");
    log_event('c', (int)int_as_long(self));
    if (kill_on_callback)
        cr_assert_eq(list_setslice(kill_on_callback, 0, LIST_LEN(kill_on_callback), NULL), 0);
    return newref(None);
}

static const MethodDef callback_def = {"callback", callback_fn, METH_O, NULL};

static Object *
make_callback(int tag)
{
    Object *t = int_from_long(tag);
    Object *f = cfunction_new(&callback_def, t, NULL);
    decref(t);
    cr_assert_not_null(f);
    return f;
}

static Object *
ref_with_callback(Object *o, int tag)
{
    Object *cb = make_callback(tag);
    Object *r = weakref_new_ref(o, cb);
    decref(cb);
    cr_assert_not_null(r);
    return r;
}

static void
setup(void)
{
    rt_init(0, NULL);
    cr_assert_eq(type_ready(&wnode_type), 0);
    cr_assert_eq(type_ready(&fwnode_type), 0);
    events[0] = 0;
    kill_on_callback = NULL;
    gc_set_enabled(0);
    gc_collect(GC_NUM_GENERATIONS - 1);
    method_clear_freelist();
    live_at_start = obj_live_count;
    objects_at_start = weakref_objects;
}

static void
teardown(void)
{
    gc_set_enabled(1);
    cr_assert_null(err_occurred(), "a test left an exception pending");
    method_clear_freelist();            /* the callbacks (cfunctions) */
    tuple_clear_freelists();            /* the (ref, callback) pairs' tuple */
    cr_assert_eq(weakref_objects, objects_at_start, "the side table still lists %zu objects",
                 weakref_objects - objects_at_start);
    cr_assert_eq(obj_live_count, live_at_start, "leaked %zd objects",
                 obj_live_count - live_at_start);
}

TestSuite(weakref, .init = setup, .fini = teardown);

Test(weakref, the_basic_ref_is_shared_and_first_in_the_list)
{
    Object *a = wnode_new(&wnode_type, 1);
    Object *r1 = ref_with_callback(a, 1);
    Object *basic = weakref_new_ref(a, NULL);
    Object *again = weakref_new_ref(a, NULL);
    cr_assert_eq(basic, again);
    cr_assert_eq(basic->refcnt, 2);
    cr_assert_eq((Object *)weakref_list_head(a), basic);
    cr_assert_eq((Object *)weakref_list_head(a)->wr_next, r1);
    cr_assert_eq(weakref_get_object(basic), a);
    decref(again);
    decref(a);                                   /* the refs die with it */
    cr_assert_str_eq(events, "c1 d1");
    cr_assert_eq(weakref_get_object(basic), None);
    cr_assert_eq(weakref_get_object(r1), None);
    decref(basic);
    decref(r1);
}

Test(weakref, callbacks_run_newest_first_after_every_ref_is_dead)
{
    Object *a = wnode_new(&wnode_type, 1);
    Object *r[3];
    for (int i = 0; i < 3; i++)
        r[i] = ref_with_callback(a, 10 + i);
    decref(a);
    cr_assert_str_eq(events, "c12 c11 c10 d1");     /* wnode_dealloc logs d last */
    for (int i = 0; i < 3; i++)
        decref(r[i]);
}

Test(weakref, a_ref_that_dies_first_never_calls_back)
{
    Object *a = wnode_new(&wnode_type, 1);
    Object *r = ref_with_callback(a, 5);
    decref(r);
    cr_assert_eq(weakref_list_head(a), NULL);
    decref(a);
    cr_assert_str_eq(events, "d1");
}

Test(weakref, the_side_table_grows_and_empties)
{
    enum { N = 5000 };
    static Object *objs[N], *refs[N];
    for (int i = 0; i < N; i++) {
        objs[i] = wnode_new(&wnode_type, i);
        refs[i] = weakref_new_ref(objs[i], NULL);
    }
    cr_assert_eq(weakref_objects, objects_at_start + N);
    for (int i = 0; i < N; i += 2)
        decref(objs[i]);
    cr_assert_eq(weakref_objects, objects_at_start + N / 2);
    for (int i = 0; i < N; i++) {
        if (i % 2)
            cr_assert_eq(weakref_get_object(refs[i]), objs[i]);
        else
            cr_assert_eq(weakref_get_object(refs[i]), None);
        cr_assert_eq(weakref_list_head(objs[i | 1]), (WeakRef *)refs[i | 1]);
    }
    for (int i = 0; i < N; i++)
        decref(refs[i]);
    cr_assert_eq(weakref_objects, objects_at_start);
    for (int i = 1; i < N; i += 2)
        decref(objs[i]);
    events[0] = 0;
}

Test(weakref, the_collector_clears_refs_to_garbage_and_calls_back_through_reachable_ones)
{
    Object *a = wnode_new(&wnode_type, 1), *b = wnode_new(&wnode_type, 2);
    link(a, 0, b);
    link(b, 0, a);
    Object *r = ref_with_callback(a, 1);        /* held from outside the cycle */
    decref(a);
    decref(b);
    cr_assert_eq(gc_collect(2), 2);
    cr_assert_str_eq(events, "c1 d2 d1");
    cr_assert_eq(weakref_get_object(r), None);
    decref(r);
}

Test(weakref, a_ref_inside_the_garbage_never_calls_back)
{
    Object *a = wnode_new(&wnode_type, 1), *b = wnode_new(&wnode_type, 2);
    link(a, 0, b);
    link(b, 0, a);
    Object *r = ref_with_callback(a, 1);
    ((WNode *)b)->ref[1] = r;                    /* only the cycle holds the ref */
    decref(a);
    decref(b);
    cr_assert_eq(gc_collect(2), 4);             /* a, b, the ref and its callback */
    cr_assert_str_eq(events, "d2 d1");
}

Test(weakref, callbacks_run_before_the_finalizers)
{
    Object *a = wnode_new(&fwnode_type, 1);
    link(a, 0, a);
    Object *r = ref_with_callback(a, 1);
    decref(a);
    cr_assert_eq(gc_collect(2), 1);
    cr_assert_str_eq(events, "c1 f1 d1");
    decref(r);
}

Test(weakref, a_ref_freed_by_its_callback_counts_as_collected)
{
    Object *a = wnode_new(&wnode_type, 1);
    link(a, 0, a);
    Object *r = ref_with_callback(a, 1);
    kill_on_callback = list_new(0);
    cr_assert_eq(list_append(kill_on_callback, r), 0);
    decref(r);                                   /* the list holds the only reference */
    decref(a);
    cr_assert_eq(gc_collect(2), 2);             /* a, and the ref its callback freed */
    cr_assert_str_eq(events, "c1 d1");
    cr_assert_eq(LIST_LEN(kill_on_callback), 0);
    CLEAR(kill_on_callback);
}
