/*
** test_setobject.c -- set and frozenset (runtime/setobject.c): the object layout and
** sys.getsizeof() sizes, the table growth policy, probing and therefore iteration order
** of int keys, dummy-slot reuse and pop order, the 3.11 frozenset hash, the
** set-as-frozenset lookup, error messages, "Set changed size during iteration", lookups
** whose __eq__ mutates the set, the C API (set_next, set_update, set_discard ...) and
** cycle collection through a set.
**
** Every expected value (sizes, orders, hashes, messages) was printed by CPython 3.11.7,
** e.g. python3 -c "s=set(); [s.add(i) or print(s.__sizeof__()) for i in range(25)]".
** Each test starts the runtime and checks on teardown that it left no objects behind.
*/
#include <criterion/criterion.h>
#include <string.h>

#include "runtime/setobject.h"
#include "runtime/dictobject.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/intobject.h"
#include "runtime/listobject.h"
#include "runtime/state.h"
#include "runtime/strobject.h"
#include "runtime/tupleobject.h"
#include "runtime/typeobject.h"

static ssize_t live_at_start;
static TypeObject evil_type, box_type;

static void
set_setup(void)
{
    rt_init(0, NULL);
    cr_assert_eq(set_init(), 0);
    /* readying a type allocates its dict and MRO: do it before counting */
    cr_assert_eq(type_ready(&evil_type), 0);
    cr_assert_eq(type_ready(&box_type), 0);
    live_at_start = obj_live_count;
}

static void
set_teardown(void)
{
    cr_assert_null(err_occurred(), "a test left an exception pending");
    cr_assert_eq(obj_live_count, live_at_start, "leaked %zd objects",
                 obj_live_count - live_at_start);
}

TestSuite(set, .init = set_setup, .fini = set_teardown);

/* ---------------------------------------------------------------- helpers */

/* A set built by adding v[0], v[1], ... in order (as set(list) does). */
static Object *
set_of(const long *v, size_t n)
{
    Object *s = set_new(NULL);
    cr_assert_not_null(s);
    for (size_t i = 0; i < n; i++) {
        Object *k = int_from_long(v[i]);
        cr_assert_eq(set_add(s, k), 0);
        decref(k);
    }
    return s;
}

static Object *
set_range(long n)
{
    Object *s = set_new(NULL);
    for (long i = 0; i < n; i++) {
        Object *k = int_from_long(i);
        cr_assert_eq(set_add(s, k), 0);
        decref(k);
    }
    return s;
}

/* The keys in iteration order (ints), into out; returns the count. */
static size_t
order_of(Object *s, long *out, size_t cap)
{
    ssize_t pos = 0;
    Object *key;
    hash_t hash;
    size_t n = 0;
    while (set_next(s, &pos, &key, &hash)) {
        cr_assert_lt(n, cap);
        out[n++] = int_as_long(key);
    }
    return n;
}

static void
expect_order(Object *s, const long *expected, size_t n)
{
    long got[64];
    size_t m = order_of(s, got, 64);
    cr_assert_eq(m, n, "set has %zu keys, expected %zu", m, n);
    for (size_t i = 0; i < n; i++)
        cr_assert_eq(got[i], expected[i], "key %zu is %ld, expected %ld", i, got[i],
                     expected[i]);
}

static ssize_t
sizeof_of(Object *s)
{
    Object *r = obj_call_method(s, "__sizeof__", NULL, 0);
    cr_assert_not_null(r);
    ssize_t n = int_as_ssize(r);
    decref(r);
    return n;
}

static const char *
text_of(Object *s)
{
    ssize_t len;
    return str_as_utf8(s, &len);
}

static void
expect_repr(Object *o, const char *expected)
{
    Object *r = obj_repr(o);
    cr_assert_not_null(r);
    cr_assert_str_eq(text_of(r), expected);
    decref(r);
}

/* r must be NULL (or -1) with exception 'type' and message 'msg' pending; clears it. */
static void
expect_error(const char *type, const char *msg)
{
    Object *exc = err_fetch();
    cr_assert_not_null(exc, "expected %s: %s, but no exception is set", type, msg);
    cr_assert_str_eq(TYPE(exc)->name, type);
    Object *s = obj_str(exc);
    cr_assert_not_null(s);
    cr_assert_str_eq(text_of(s), msg);
    decref(s);
    decref(exc);
}

/* ---------------------------------------------------------------- layout and sizes */

Test(set, object_layout_is_cpython_pysetobject)
{
    /* 3.11: sys.getsizeof(set()) == 216 == 16 (GC head) + 200 */
    cr_assert_eq(sizeof(SetObject), 200);
    cr_assert_eq(offsetof(SetObject, smalltable), 64);
    cr_assert_eq(offsetof(SetObject, weakreflist), 192);
    cr_assert_eq(obj_presize(&set_type), 16);
    cr_assert_eq(obj_presize(&frozenset_type), 16);
    Object *s = set_new(NULL);
    cr_assert_eq(sizeof_of(s), 200);
    cr_assert(gc_is_tracked(s));
    decref(s);
}

Test(set, add_grows_the_table_as_cpython)
{
    /* s = set(); for i in range(25): s.add(i); print(s.__sizeof__()) */
    static const ssize_t expected[25] = {
        200, 200, 200, 200, 712, 712, 712, 712, 712, 712, 712, 712, 712,
        712, 712, 712, 712, 712, 2248, 2248, 2248, 2248, 2248, 2248, 2248,
    };
    Object *s = set_new(NULL);
    for (long i = 0; i < 25; i++) {
        Object *k = int_from_long(i);
        cr_assert_eq(set_add(s, k), 0);
        decref(k);
        cr_assert_eq(sizeof_of(s), expected[i], "after %ld adds", i + 1);
    }
    cr_assert_eq(set_size(s), 25);
    decref(s);
}

Test(set, merge_resizes_once_up_front)
{
    /* set(set(range(30))).__sizeof__() == 1224 (64 slots); the iteration-built
       original has 128 slots (2248) */
    Object *a = set_range(30);
    cr_assert_eq(sizeof_of(a), 2248);
    Object *b = set_new(a);
    cr_assert_eq(sizeof_of(b), 1224);
    /* set().update(frozenset of 5) -> 16 slots (the compiler's {1, 2, 3, 4, 5}) */
    Object *five = set_range(5);
    Object *f = frozenset_new(five);
    Object *c = set_new(NULL);
    cr_assert_eq(set_update(c, f), 0);
    cr_assert_eq(sizeof_of(c), 456);
    decref(a);
    decref(b);
    decref(five);
    decref(f);
    decref(c);
}

/* ---------------------------------------------------------------- order */

Test(set, int_keys_iterate_in_cpython_order)
{
    static const long small[] = {3, 1, 2};
    static const long small_order[] = {1, 2, 3};
    Object *s = set_of(small, 3);
    expect_order(s, small_order, 3);
    expect_repr(s, "{1, 2, 3}");
    decref(s);

    /* list(set([0, 8, 16, 24, 32, 40, 48, 56, 64, 1, 9])): collisions and linear probes */
    static const long coll[] = {0, 8, 16, 24, 32, 40, 48, 56, 64, 1, 9};
    static const long coll_order[] = {0, 32, 64, 1, 8, 40, 9, 16, 48, 24, 56};
    s = set_of(coll, 11);
    expect_order(s, coll_order, 11);
    cr_assert_eq(sizeof_of(s), 712);
    decref(s);

    /* hash(-1) == hash(-2) == -2 and 2**61 - 1 hashes to 0 */
    static const long neg[] = {-1, -2};
    s = set_of(neg, 2);
    expect_order(s, neg, 2);
    decref(s);
}

Test(set, dummies_are_reused_and_pop_follows_the_finger)
{
    /* s = set(range(10)); discard evens; add 100; add 2 -> [1, 3, 5, 2, 7, 100, 9];
       three pops give 1, 3, 5 and leave [2, 7, 100, 9] */
    Object *s = set_range(10);
    for (long i = 0; i < 10; i += 2) {
        Object *k = int_from_long(i);
        cr_assert_eq(set_discard(s, k), 1);
        cr_assert_eq(set_discard(s, k), 0);
        decref(k);
    }
    Object *k100 = int_from_long(100), *k2 = int_from_long(2);
    cr_assert_eq(set_add(s, k100), 0);
    cr_assert_eq(set_add(s, k2), 0);
    decref(k100);
    decref(k2);
    static const long order[] = {1, 3, 5, 2, 7, 100, 9};
    expect_order(s, order, 7);
    static const long pops[] = {1, 3, 5};
    for (int i = 0; i < 3; i++) {
        Object *p = set_pop(s);
        cr_assert_not_null(p);
        cr_assert_eq(int_as_long(p), pops[i]);
        decref(p);
    }
    static const long rest[] = {2, 7, 100, 9};
    expect_order(s, rest, 4);
    decref(s);

    Object *e = set_new(NULL);
    cr_assert_null(set_pop(e));
    expect_error("KeyError", "'pop from an empty set'");
    decref(e);
}

/* ---------------------------------------------------------------- frozenset hash */

static hash_t
frozen_hash_of(const long *v, size_t n)
{
    Object *s = set_of(v, n);
    Object *f = frozenset_new(s);
    hash_t h = obj_hash(f);
    cr_assert_eq(obj_hash(f), h, "hash is cached and stable");
    decref(f);
    decref(s);
    return h;
}

Test(set, frozenset_hash_is_cpython_311)
{
    static const long one_two_three[] = {1, 2, 3};
    static const long minus_one[] = {-1};
    static const long minus_two[] = {-2};
    cr_assert_eq(frozen_hash_of(NULL, 0), (hash_t)133146708735736);
    cr_assert_eq(frozen_hash_of(one_two_three, 3), (hash_t)-272375401224217160);
    cr_assert_eq(frozen_hash_of(minus_one, 1), (hash_t)6776983852052281967);
    cr_assert_eq(frozen_hash_of(minus_two, 1), (hash_t)6776983852052281967);
    long hundred[100];
    for (int i = 0; i < 100; i++)
        hundred[i] = i;
    cr_assert_eq(frozen_hash_of(hundred, 100), (hash_t)4411996150312757951);

    /* hash(frozenset([frozenset([1]), frozenset()])) */
    static const long one[] = {1};
    Object *s1 = set_of(one, 1);
    Object *f1 = frozenset_new(s1), *f0 = frozenset_new(NULL);
    Object *outer = set_new(NULL);
    cr_assert_eq(set_add(outer, f1), 0);
    cr_assert_eq(set_add(outer, f0), 0);
    Object *fo = frozenset_new(outer);
    cr_assert_eq(obj_hash(fo), (hash_t)-67101846648477850);
    decref(fo);
    decref(outer);
    decref(f0);
    decref(f1);
    decref(s1);
}

Test(set, set_is_unhashable_and_rejects_unhashable_keys)
{
    Object *s = set_new(NULL);
    cr_assert_eq(obj_hash(s), -1);
    expect_error("TypeError", "unhashable type: 'set'");
    Object *l = list_new(0);
    cr_assert_eq(set_add(s, l), -1);
    expect_error("TypeError", "unhashable type: 'list'");
    cr_assert_eq(set_contains(s, l), -1);
    expect_error("TypeError", "unhashable type: 'list'");
    decref(l);
    decref(s);
}

/* ---------------------------------------------------------------- set as a key */

Test(set, a_set_key_is_looked_up_as_a_frozenset)
{
    /* {1} in {frozenset({1})} is True; {2} in it is False */
    static const long one[] = {1}, two[] = {2};
    Object *s1 = set_of(one, 1), *s2 = set_of(two, 1);
    Object *f1 = frozenset_new(s1);
    Object *outer = set_new(NULL);
    cr_assert_eq(set_add(outer, f1), 0);
    cr_assert_eq(obj_contains(outer, s1), 1);
    cr_assert_eq(obj_contains(outer, s2), 0);
    /* set_contains is PySet_Contains: no conversion */
    cr_assert_eq(set_contains(outer, s1), -1);
    expect_error("TypeError", "unhashable type: 'set'");
    /* remove({1}) goes through the same conversion */
    Object *r = obj_call_method(outer, "remove", &s1, 1);
    cr_assert_not_null(r);
    decref(r);
    cr_assert_eq(set_size(outer), 0);
    r = obj_call_method(outer, "remove", &s1, 1);
    cr_assert_null(r);
    expect_error("KeyError", "{1}");
    decref(outer);
    decref(f1);
    decref(s1);
    decref(s2);
}

Test(set, frozenset_of_a_frozenset_is_the_same_object)
{
    Object *f = frozenset_new(NULL);
    Object *g = obj_call_one((Object *)&frozenset_type, f);
    cr_assert_eq(g, f);
    /* but frozenset() is not a singleton in 3.11 */
    Object *h = obj_call_noargs((Object *)&frozenset_type);
    cr_assert_neq(h, f);
    Object *c = obj_call_method(f, "copy", NULL, 0);
    cr_assert_eq(c, f);
    decref(c);
    decref(h);
    decref(g);
    decref(f);
}

/* ---------------------------------------------------------------- iteration */

Test(set, changing_size_during_iteration_raises)
{
    Object *s = set_range(3);
    Object *it = obj_get_iter(s);
    cr_assert_not_null(it);
    Object *x = obj_iter_next(it);
    cr_assert_not_null(x);
    decref(x);
    Object *k = int_from_long(99);
    cr_assert_eq(set_add(s, k), 0);
    decref(k);
    cr_assert_null(obj_iter_next(it));
    expect_error("RuntimeError", "Set changed size during iteration");
    /* sticky, even once the size is back */
    k = int_from_long(99);
    cr_assert_eq(set_discard(s, k), 1);
    decref(k);
    cr_assert_null(obj_iter_next(it));
    expect_error("RuntimeError", "Set changed size during iteration");
    decref(it);
    decref(s);
}

Test(set, iterator_length_hint_counts_down)
{
    Object *s = set_range(4);
    Object *it = obj_get_iter(s);
    Object *x = obj_iter_next(it);
    decref(x);
    Object *n = obj_call_method(it, "__length_hint__", NULL, 0);
    cr_assert_eq(int_as_long(n), 3);
    decref(n);
    decref(it);
    decref(s);
}

/* ---------------------------------------------------------------- hostile __eq__ */

/* Keys that all hash alike and whose comparison empties 'evil_target'. */
static Object *evil_target;

static hash_t
evil_hash(Object *o)
{
    return 42;
}

static Object *
evil_richcompare(Object *a, Object *b, int op)
{
    if (evil_target)
        set_clear(evil_target);
    return bool_from(0);
}

static void
evil_dealloc(Object *o)
{
    obj_free(o);
}

static TypeObject evil_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "Evil",
    .basicsize = sizeof(Object),
    .dealloc = evil_dealloc,
    .hash = evil_hash,
    .richcompare = evil_richcompare,
    .getattro = obj_generic_getattr,
};

Test(set, insertion_restarts_when_eq_mutates_the_set)
{
    Object *a = obj_alloc(&evil_type, 0), *b = obj_alloc(&evil_type, 0);
    Object *s = set_new(NULL);
    cr_assert_eq(set_add(s, a), 0);
    evil_target = s;
    /* comparing b with a clears the set: the insertion starts over in the empty table */
    cr_assert_eq(set_add(s, b), 0);
    evil_target = NULL;
    cr_assert_eq(set_size(s), 1);
    cr_assert_eq(set_contains(s, b), 1);
    /* a lookup that mutates: restarts and finds nothing */
    evil_target = s;
    cr_assert_eq(set_contains(s, a), 0);
    evil_target = NULL;
    cr_assert_eq(set_size(s), 0);
    decref(s);
    decref(a);
    decref(b);
}

/* ---------------------------------------------------------------- operations */

Test(set, operators_and_methods_follow_cpython)
{
    static const long a_[] = {1, 2, 3}, b_[] = {2, 3, 4};
    Object *a = set_of(a_, 3), *b = set_of(b_, 3);
    Object *r = num_binary_op(a, b, NB_OR);
    expect_repr(r, "{1, 2, 3, 4}");
    decref(r);
    r = num_binary_op(a, b, NB_AND);
    expect_repr(r, "{2, 3}");
    decref(r);
    r = num_binary_op(a, b, NB_SUBTRACT);
    expect_repr(r, "{1}");
    decref(r);
    r = num_binary_op(a, b, NB_XOR);
    expect_repr(r, "{1, 4}");
    decref(r);
    /* set | list is a TypeError, set.union(list) is fine */
    Object *l = list_new(0);
    r = num_binary_op(a, l, NB_OR);
    cr_assert_null(r);
    expect_error("TypeError", "unsupported operand type(s) for |: 'set' and 'list'");
    r = obj_call_method(a, "union", &l, 1);
    expect_repr(r, "{1, 2, 3}");
    decref(r);
    cr_assert_eq(obj_richcompare_bool(a, b, CMP_EQ), 0);
    cr_assert_eq(obj_richcompare_bool(a, a, CMP_LE), 1);
    r = obj_richcompare(a, l, CMP_LE);
    cr_assert_null(r);
    expect_error("TypeError", "'<=' not supported between instances of 'set' and 'list'");
    /* in-place: a &= b keeps the object */
    r = num_binary_op(a, b, NB_INPLACE_AND);
    cr_assert_eq(r, a);
    expect_repr(a, "{2, 3}");
    decref(r);
    decref(l);
    decref(a);
    decref(b);
}

Test(set, reprs_of_set_and_frozenset)
{
    Object *s = set_new(NULL);
    expect_repr(s, "set()");
    Object *f = frozenset_new(NULL);
    expect_repr(f, "frozenset()");
    decref(f);
    static const long v[] = {2, 1};
    decref(s);
    s = set_of(v, 2);
    f = frozenset_new(s);
    expect_repr(f, "frozenset({1, 2})");
    decref(f);
    decref(s);
}

Test(set, update_from_a_dict_takes_its_keys)
{
    Object *d = dict_new();
    for (long k = 5; k >= 1; k -= 2) {
        Object *key = int_from_long(k);
        cr_assert_eq(dict_setitem(d, key, None), 0);
        decref(key);
    }
    Object *s = set_new(d);
    static const long order[] = {1, 3, 5};
    expect_order(s, order, 3);
    decref(s);
    decref(d);
}

Test(set, constructor_argument_errors)
{
    Object *one = int_from_long(1);
    Object *r = obj_call_one((Object *)&set_type, one);
    cr_assert_null(r);
    expect_error("TypeError", "'int' object is not iterable");
    Object *args[2] = {one, one};
    r = obj_vectorcall((Object *)&set_type, args, 2, NULL);
    cr_assert_null(r);
    expect_error("TypeError", "set expected at most 1 argument, got 2");
    Object *kw = tuple_new(1);
    TUPLE_SET(kw, 0, str_from_cstr("iterable"));
    r = obj_vectorcall((Object *)&frozenset_type, args, 0, kw);
    cr_assert_null(r);
    expect_error("TypeError", "frozenset() takes no keyword arguments");
    decref(kw);
    decref(one);
}

/* ---------------------------------------------------------------- the collector */

/* A hashable container holding one reference: box.ref = s; s.add(box) is a cycle. */
typedef struct BoxObject {
    OBJECT_HEAD;
    Object *ref;
} BoxObject;

static void
box_dealloc(Object *o)
{
    gc_untrack(o);
    CLEAR(((BoxObject *)o)->ref);
    obj_free(o);
}

static int
box_traverse(Object *o, visitproc visit, void *arg)
{
    OBJ_VISIT(((BoxObject *)o)->ref);
    return 0;
}

static int
box_clear(Object *o)
{
    CLEAR(((BoxObject *)o)->ref);
    return 0;
}

static hash_t
box_hash(Object *o)
{
    return 7;
}

static TypeObject box_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "Box",
    .basicsize = sizeof(BoxObject),
    .flags = TPFLAG_GC,
    .dealloc = box_dealloc,
    .traverse = box_traverse,
    .clear = box_clear,
    .hash = box_hash,
    .getattro = obj_generic_getattr,
};

Test(set, a_cycle_through_a_set_is_collected)
{
    gc_collect(GC_NUM_GENERATIONS - 1);
    Object *s = set_new(NULL);
    BoxObject *box = (BoxObject *)obj_alloc(&box_type, 0);
    box->ref = newref(s);
    gc_track((Object *)box);
    cr_assert_eq(set_add(s, (Object *)box), 0);
    decref(box);
    decref(s);
    cr_assert_eq(gc_collect(GC_NUM_GENERATIONS - 1), 2);
}
