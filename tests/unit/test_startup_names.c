/*
** test_startup_names.c -- CPython's start-up names (runtime/strobject.c, the table of
** runtime/startup_names.h): once enabled, a name CPython's start-up has interned is
** interned as a string that existed before the caller's (a separate object, holding the
** start-up's references), the same object for every later intern, a name not in the table
** is interned in place as before, an interned string made earlier gets the references once
** (sys.getrefcount's str_startup_adjust), and the teardown gives every reference back.
*/
#include <criterion/criterion.h>
#include <string.h>

#include "runtime/error.h"
#include "runtime/state.h"
#include "runtime/strobject.h"

static ssize_t live_at_start;

static void
setup(void)
{
    rt_init(0, NULL);
    live_at_start = obj_live_count;
}

TestSuite(startup_names, .init = setup);

/* A new, uninterned string with the text s. */
static Object *
fresh(const char *s)
{
    Object *o = str_from_cstr(s);
    cr_assert_not_null(o);
    cr_assert_eq(((StrObject *)o)->state.interned, 0);
    return o;
}

Test(startup_names, a_start_up_name_is_an_existing_string_with_its_references)
{
    /* 'timeout' is no name of pyheap's own start-up; CPython's holds it */
    str_startup_names_enable(0);
    Object *a = fresh("timeout");
    Object *orig = a;
    str_intern_inplace(&a);
    cr_assert_neq(a, orig, "the caller's string must not become the interned one");
    cr_assert(((StrObject *)a)->state.interned);
    ssize_t held = REFCNT(a) - 1;
    cr_assert_gt(held, 0, "the start-up's references are held");
    Object *b = fresh("timeout");
    str_intern_inplace(&b);
    cr_assert_eq(a, b, "one interned string per name");
    cr_assert_eq(REFCNT(a), held + 2);
    decref(b);
    decref(a);
    cr_assert_eq(REFCNT(a), held, "the string lives on with the start-up's references");
    str_startup_names_release();
    cr_assert_eq(obj_live_count, live_at_start, "released: nothing else held it");
}

Test(startup_names, other_names_are_interned_in_place)
{
    str_startup_names_enable(0);
    Object *a = fresh("no_start_up_name_zq");
    Object *orig = a;
    str_intern_inplace(&a);
    cr_assert_eq(a, orig);
    cr_assert_eq(REFCNT(a), 1);
    decref(a);
    str_startup_names_release();
    cr_assert_eq(obj_live_count, live_at_start);
}

Test(startup_names, a_string_interned_before_is_adjusted_once)
{
    /* interned before the table is on, as pyheap's own start-up interns its names */
    Object *a = fresh("kwargs");
    str_intern_inplace(&a);
    Object *orig = a;
    cr_assert_eq(REFCNT(a), 1);
    str_startup_names_enable(0);
    str_startup_adjust(a);
    ssize_t after = REFCNT(a);
    cr_assert_gt(after, 1);
    str_startup_adjust(a);
    cr_assert_eq(REFCNT(a), after, "the references are added once");
    Object *b = fresh("kwargs");
    str_intern_inplace(&b);
    cr_assert_eq(b, orig, "the existing string stays the interned one");
    decref(b);
    decref(a);
    str_startup_names_release();
    cr_assert_eq(obj_live_count, live_at_start);
}

Test(startup_names, the_prompt_has_its_own_counts)
{
    /* 'kw': CPython's start-up holds it once more at the prompt (rlcompleter) */
    str_startup_names_enable(0);
    Object *a = fresh("kw");
    str_intern_inplace(&a);
    ssize_t script = REFCNT(a);
    decref(a);
    str_startup_names_release();
    str_startup_names_enable(1);
    a = fresh("kw");
    str_intern_inplace(&a);
    ssize_t prompt = REFCNT(a);
    decref(a);
    str_startup_names_release();
    cr_assert_gt(prompt, script);
    cr_assert_eq(obj_live_count, live_at_start);
}
