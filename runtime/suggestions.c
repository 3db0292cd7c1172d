/*
** suggestions.c -- the "Did you mean: 'x'?" hint CPython 3.11 appends to an uncaught
** AttributeError or NameError (Python/suggestions.c): the closest name by a Levenshtein
** distance in which a case change costs 1 and any other edit 2, among dir(obj) for an
** AttributeError, and among the failing frame's local variables, then its globals, then
** its builtins for a NameError.  A candidate must need at most about a third of the
** characters changed; lists of 750 names or more and names over 40 bytes are not searched.
*/
#include "suggestions.h"
#include "error.h"
#include "strobject.h"
#include "listobject.h"
#include "dictobject.h"
#include "tupleobject.h"
#include "exceptions.h"
#include "codeobject.h"
#include "frameobject.h"
#include "traceback.h"
#include <stdint.h>
#include <string.h>

#define MAX_CANDIDATE_ITEMS 750
#define MAX_STRING_SIZE 40
#define MOVE_COST 2
#define CASE_COST 1
#define LEAST_FIVE_BITS(n) ((n) & 31)

static size_t
substitution_cost(char a, char b)
{
    if (LEAST_FIVE_BITS(a) != LEAST_FIVE_BITS(b))
        return MOVE_COST;
    if (a == b)
        return 0;
    if ('A' <= a && a <= 'Z')
        a += 'a' - 'A';
    if ('A' <= b && b <= 'Z')
        b += 'a' - 'A';
    return a == b ? CASE_COST : MOVE_COST;
}

/* The distance between a and b (bytes), or max_cost + 1 once it is known to exceed it.
** One row of the matrix is kept and updated in place. */
static size_t
levenshtein_distance(const char *a, size_t a_size, const char *b, size_t b_size,
                     size_t max_cost)
{
    size_t buffer[MAX_STRING_SIZE];
    if (a == b)
        return 0;
    while (a_size && b_size && a[0] == b[0]) {      /* trim common affixes */
        a++, a_size--;
        b++, b_size--;
    }
    while (a_size && b_size && a[a_size - 1] == b[b_size - 1])
        a_size--, b_size--;
    if (a_size == 0 || b_size == 0)
        return (a_size + b_size) * MOVE_COST;
    if (a_size > MAX_STRING_SIZE || b_size > MAX_STRING_SIZE)
        return max_cost + 1;
    if (b_size < a_size) {                          /* the shorter one is 'a' */
        const char *t = a;
        a = b;
        b = t;
        size_t ts = a_size;
        a_size = b_size;
        b_size = ts;
    }
    if ((b_size - a_size) * MOVE_COST > max_cost)
        return max_cost + 1;
    size_t tmp = MOVE_COST;
    for (size_t i = 0; i < a_size; i++) {
        buffer[i] = tmp;
        tmp += MOVE_COST;
    }
    size_t result = 0;
    for (size_t bi = 0; bi < b_size; bi++) {
        char code = b[bi];
        size_t distance = result = bi * MOVE_COST;
        size_t minimum = SIZE_MAX;
        for (size_t i = 0; i < a_size; i++) {
            size_t substitute = distance + substitution_cost(code, a[i]);
            distance = buffer[i];
            size_t insert_delete = (result < distance ? result : distance) + MOVE_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            buffer[i] = result;
            if (result < minimum)
                minimum = result;
        }
        if (minimum > max_cost)
            return max_cost + 1;
    }
    return result;
}

/* The best match for name among the str items of list 'dir' (new reference), or NULL. */
static Object *
calculate_suggestions(Object *dir, Object *name)
{
    ssize_t n = LIST_LEN(dir);
    if (n >= MAX_CANDIDATE_ITEMS)
        return NULL;
    ssize_t name_size;
    const char *name_str = str_as_utf8(name, &name_size);
    if (!name_str)
        return NULL;
    size_t best_distance = SIZE_MAX;
    Object *best = NULL;
    for (ssize_t i = 0; i < n; i++) {
        Object *item = LIST_GET(dir, i);
        if (!STR_CHECK(item))
            continue;
        ssize_t item_size;
        const char *item_str = str_as_utf8(item, &item_size);
        if (!item_str)
            return NULL;
        if (item_size == name_size && memcmp(item_str, name_str, (size_t)name_size) == 0)
            continue;
        /* no more than 1/3 of the involved characters should need changed */
        size_t max_distance = (size_t)(name_size + item_size + 3) * MOVE_COST / 6;
        if (best && best_distance - 1 < max_distance)
            max_distance = best_distance - 1;  /* don't take matches already beaten */
        size_t d = levenshtein_distance(name_str, (size_t)name_size, item_str,
                                        (size_t)item_size, max_distance);
        if (d > max_distance)
            continue;
        if (!best || d < best_distance) {
            best = item;
            best_distance = d;
        }
    }
    return xnewref(best);
}

static Object *
suggest_in_keys(Object *d, Object *name)
{
    if (!d || !DICT_CHECK(d))
        return NULL;
    Object *keys = dict_keys_list(d);
    if (!keys)
        return NULL;
    Object *r = calculate_suggestions(keys, name);
    decref(keys);
    return r;
}

static Object *
suggest_for_name_error(NameErrorObject *exc)
{
    Object *name = exc->name;
    Object *tbo = exc->base.traceback;
    if (!name || !STR_CHECK_EXACT(name) || !tbo || TYPE(tbo) != &traceback_type)
        return NULL;
    TracebackObject *tb = (TracebackObject *)tbo;
    while (tb->tb_next && TYPE(tb->tb_next) == &traceback_type)
        tb = tb->tb_next;
    Frame *f = tb->tb_frame ? tb->tb_frame->f_frame : NULL;
    if (!f || !f->code)
        return NULL;
    /* the local variables first (co_varnames), then globals, then builtins */
    CodeObject *co = f->code;
    ssize_t nl = TUPLE_LEN(co->localsplusnames);
    Object *varnames = list_new(0);
    if (!varnames)
        return NULL;
    for (ssize_t i = 0; i < nl; i++) {
        if (!(co->localspluskinds[i] & CO_FAST_LOCAL))
            continue;
        if (list_append(varnames, TUPLE_GET(co->localsplusnames, i)) < 0) {
            decref(varnames);
            return NULL;
        }
    }
    Object *r = calculate_suggestions(varnames, name);
    decref(varnames);
    if (!r && !err_occurred())
        r = suggest_in_keys(f->globals, name);
    if (!r && !err_occurred())
        r = suggest_in_keys(f->builtins, name);
    return r;
}

Object *
suggestions_for_exception(Object *exc)
{
    Object *r = NULL;
    if (TYPE(exc) == exc_AttributeError) {
        AttributeErrorObject *e = (AttributeErrorObject *)exc;
        if (e->name && e->obj && STR_CHECK_EXACT(e->name)) {
            Object *dir = obj_dir(e->obj);
            if (dir && LIST_CHECK(dir))
                r = calculate_suggestions(dir, e->name);
            xdecref(dir);
        }
    } else if (TYPE(exc) == exc_NameError) {
        r = suggest_for_name_error((NameErrorObject *)exc);
    }
    if (!r)
        err_clear();
    return r;
}
