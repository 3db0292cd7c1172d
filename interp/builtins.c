/*
** builtins.c -- the builtins module: functions (print, len, sorted, isinstance, ...),
** __build_class__, exec/eval/compile, and the exit/quit helpers.  Types (int, list,
** range, ...) are published under their names.  Messages are CPython 3.11's.
*/
#include "interp/builtins.h"
#include "interp/compare.h"
#include "interp/compile.h"
#include "interp/arena.h"
#include "interp/vm.h"
#include "grammar/parse.h"
#include "runtime/error.h"
#include "runtime/heap.h"
#include "runtime/state.h"
#include "runtime/gc.h"
#include "runtime/intobject.h"
#include "runtime/floatobject.h"
#include "runtime/complexobject.h"
#include "runtime/strobject.h"
#include "runtime/bytesobject.h"
#include "runtime/tupleobject.h"
#include "runtime/listobject.h"
#include "runtime/dictobject.h"
#include "runtime/setobject.h"
#include "runtime/typeobject.h"
#include "runtime/methodobject.h"
#include "runtime/descrobject.h"
#include "runtime/funcobject.h"
#include "runtime/codeobject.h"
#include "runtime/iterobject.h"
#include "runtime/moduleobject.h"
#include "runtime/fileobject.h"
#include "runtime/exceptions.h"
#include "runtime/frameobject.h"
#include "runtime/genobject.h"
#include "runtime/genericalias.h"
#include <string.h>
#include <stdio.h>


/* ================================================================ print & friends */

static Object *print_impl(Object *const *args, ssize_t nargs, Object *kwnames);

/* print is an Argument Clinic function with *args in CPython 3.11: its first call builds
** the parser's keyword tuple (kept for ever), and every call packs the positional
** arguments into a tuple that lives until print returns.  Both are GC allocations that
** move the collector's generation-0 count (when the tuple free list is empty), so pyheap
** makes the same ones: automatic collections then happen at CPython's moments, and the
** keyword tuple takes a 4-tuple off the free list when there is one. */
static Object *
builtin_print(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static int parser_ready;
    if (!parser_ready) {
        static const char *const kwnames_c[] = {"sep", "end", "file", "flush"};
        Object *kwtuple = rt_keep(tuple_new(4));
        if (!kwtuple)
            return NULL;
        for (int i = 0; i < 4; i++) {
            Object *s = str_intern_cstr(kwnames_c[i]);
            if (!s)
                return NULL;
            TUPLE_SET(kwtuple, i, s);
        }
        parser_ready = 1;
    }
    Object *argstuple = tuple_from_array(args, nargs);
    if (!argstuple)
        return NULL;
    Object *r = print_impl(args, nargs, kwnames);
    decref(argstuple);
    return r;
}

static Object *
print_impl(Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"sep", "end", "file", "flush", NULL};
    Object *kw[4] = {NULL, NULL, NULL, NULL};
    if (kwnames) {
        ssize_t nk = TUPLE_LEN(kwnames);
        for (ssize_t i = 0; i < nk; i++) {
            Object *k = TUPLE_GET(kwnames, i);
            int found = -1;
            for (int j = 0; j < 4; j++)
                if (str_eq_cstr(k, names[j]))
                    found = j;
            if (found < 0)
                return err_format(exc_TypeError, "'%U' is an invalid keyword argument for "
                                                 "print()",
                                  k);
            kw[found] = args[nargs + i];
        }
    }
    Object *sep = kw[0], *end = kw[1], *file = kw[2];
    if (sep == None)
        sep = NULL;
    if (end == None)
        end = NULL;
    if (sep && !STR_CHECK(sep))
        return err_format(exc_TypeError, "sep must be None or a string, not %s", TYPE(sep)->name);
    if (end && !STR_CHECK(end))
        return err_format(exc_TypeError, "end must be None or a string, not %s", TYPE(end)->name);
    if (!file || file == None) {
        file = rt.sys_dict ? dict_getitem(rt.sys_dict, ID(stdout)) : NULL;
        if (!file)
            return err_set(exc_RuntimeError, "lost sys.stdout");
        if (file == None)
            return newref(None);
    }
    incref(file);
    /* CPython's PyFile_WriteObject fetches file.write for every piece: for a C file
    ** object that makes a builtin method object, freed right after the call -- a GC
    ** allocation that can start a collection (gc.h); pyheap writes directly */
    int textio = TYPE(file) == &textio_type;
    if (textio)
        type_lookup(TYPE(file), ID(write));     /* its lookup (the method cache) */
    for (ssize_t i = 0; i < nargs; i++) {
        if (i > 0) {
            if (textio)
                gc_count_transient_alloc();
            if (sep ? file_write_str(file, sep) < 0 : file_write_cstr(file, " ") < 0)
                goto fail;
        }
        if (textio)
            gc_count_transient_alloc();
        Object *s = obj_str(args[i]);
        if (!s)
            goto fail;
        int r = file_write_str(file, s);
        decref(s);
        if (r < 0)
            goto fail;
    }
    if (textio)
        gc_count_transient_alloc();
    if (end ? file_write_str(file, end) < 0 : file_write_cstr(file, "\n") < 0)
        goto fail;
    if (kw[3]) {
        int t = obj_is_true(kw[3]);
        if (t < 0)
            goto fail;
        if (t) {
            Object *r = obj_call_method(file, "flush", NULL, 0);
            if (!r)
                goto fail;
            decref(r);
        }
    }
    decref(file);
    return newref(None);
fail:
    decref(file);
    return NULL;
}

static Object *
builtin_input(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_check_count("input", (size_t)nargs, 0, 1) < 0)
        return NULL;
    if (nargs) {
        Object *out = dict_getitem(rt.sys_dict, ID(stdout));
        Object *s = obj_str(args[0]);
        if (!s)
            return NULL;
        int r = out ? file_write_str(out, s) : 0;
        decref(s);
        if (r < 0)
            return NULL;
    }
    file_flush_stdout();
    return file_readline_std();
}

/* ================================================================ simple builtins */

static Object *
builtin_len(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    ssize_t n = obj_length(args[0]);
    if (n < 0)
        return NULL;
    return int_from_ssize(n);
}

static Object *
builtin_repr(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return obj_repr(args[0]);
}

static Object *
builtin_ascii(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return obj_ascii(args[0]);
}

static Object *
builtin_id(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (compare_ident_hook)
        compare_ident_hook(COMPARE_ID, args[0], NULL);     /* --compare-modes */
    return int_from_size((size_t)(uintptr_t)args[0]);
}

static Object *
builtin_hash(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    hash_t h = obj_hash(args[0]);
    if (h == -1)
        return NULL;
    return int_from_ssize(h);
}

static Object *
builtin_abs(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return num_absolute(args[0]);
}

static Object *
builtin_callable(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    TypeObject *t = TYPE(args[0]);
    return bool_from(t->call != NULL || t->vectorcall != NULL);
}

static Object *
builtin_ord(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *c = args[0];
    if (STR_CHECK(c)) {
        if (STR_LEN(c) == 1)
            return int_from_long((long)STR_GET(c, 0));
        return err_format(exc_TypeError,
                          "ord() expected a character, but string of length %zd found",
                          STR_LEN(c));
    }
    if (BYTES_CHECK(c)) {
        if (BYTES_LEN(c) == 1)
            return int_from_long((unsigned char)BYTES_DATA(c)[0]);
        return err_format(exc_TypeError,
                          "ord() expected a character, but string of length %zd found",
                          BYTES_LEN(c));
    }
    if (obj_type_check(c, &bytearray_type)) {
        if (BYTEARRAY_LEN(c) == 1)
            return int_from_long((unsigned char)BYTEARRAY_DATA(c)[0]);
        return err_format(exc_TypeError,
                          "ord() expected a character, but string of length %zd found",
                          BYTEARRAY_LEN(c));
    }
    return err_format(exc_TypeError, "ord() expected string of length 1, but %s found",
                      TYPE(c)->name);
}

static Object *
builtin_chr(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (!INT_CHECK(args[0]) && !index_check(args[0]))
        return err_format(exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          TYPE(args[0])->name);
    int overflow = 0;
    Object *i = num_index(args[0]);
    if (!i)
        return NULL;
    long v = int_as_long_and_overflow(i, &overflow);
    decref(i);
    if (overflow || v < 0 || v > 0x10FFFF) {
        if (overflow)
            return err_set(exc_OverflowError, "Python int too large to convert to C int");
        return err_set(exc_ValueError, "chr() arg not in range(0x110000)");
    }
    return str_from_char((uint32_t)v);
}

static Object *
format_int_builtin(Object *v, int base)
{
    Object *i = num_index(v);
    if (!i)
        return NULL;
    Object *r = int_format_base(i, base, 1);
    decref(i);
    return r;
}

static Object *
builtin_hex(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return format_int_builtin(args[0], 16);
}

static Object *
builtin_oct(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return format_int_builtin(args[0], 8);
}

static Object *
builtin_bin(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return format_int_builtin(args[0], 2);
}

static Object *
builtin_divmod(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_check_count("divmod", (size_t)nargs, 2, 2) < 0)
        return NULL;
    return num_divmod(args[0], args[1]);
}

static Object *
builtin_pow(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"base", "exp", "mod", NULL};
    Object *v[3];
    if (arg_parse_clinic("pow", args, (size_t)nargs, kwnames, names, 0, 0, 2, v) < 0)
        return NULL;
    return num_power(v[0], v[1], v[2] ? v[2] : None);
}

static Object *
builtin_round(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"number", "ndigits", NULL};
    Object *v[2];
    if (arg_parse_clinic("round", args, (size_t)nargs, kwnames, names, 0, 0, 1, v) < 0)
        return NULL;
    Object *number = v[0];
    Object *round = type_lookup(TYPE(number), ID(__round__));
    if (!round)
        return err_format(exc_TypeError, "type %s doesn't define __round__ method",
                          TYPE(number)->name);
    if (!v[1] || v[1] == None)
        return type_call_special(number, ID(__round__), NULL, 0);
    return type_call_special(number, ID(__round__), &v[1], 1);
}

static Object *
builtin_format(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_check_count("format", (size_t)nargs, 1, 2) < 0)
        return NULL;
    Object *spec = nargs > 1 ? args[1] : NULL;
    if (spec && !STR_CHECK(spec))
        return err_format(exc_TypeError, "format() argument 2 must be str, not %s",
                          TYPE(spec)->name);
    return obj_format(args[0], spec);
}

/* ---- any, all, sum, min, max, sorted ---- */

static Object *
builtin_any(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *it = obj_get_iter(args[0]);
    if (!it)
        return NULL;
    for (;;) {
        Object *x = obj_iter_next(it);
        if (!x)
            break;
        int t = obj_is_true(x);
        decref(x);
        if (t != 0) {
            decref(it);
            return t < 0 ? NULL : bool_from(1);
        }
    }
    decref(it);
    return err_occurred() ? NULL : bool_from(0);
}

static Object *
builtin_all(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *it = obj_get_iter(args[0]);
    if (!it)
        return NULL;
    for (;;) {
        Object *x = obj_iter_next(it);
        if (!x)
            break;
        int t = obj_is_true(x);
        decref(x);
        if (t <= 0) {
            decref(it);
            return t < 0 ? NULL : bool_from(0);
        }
    }
    decref(it);
    return err_occurred() ? NULL : bool_from(1);
}

static Object *
builtin_sum(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"iterable", "start", NULL};
    Object *v[2];
    if (arg_parse_clinic("sum", args, (size_t)nargs, kwnames, names, 1, 0, 1, v) < 0)
        return NULL;
    Object *result = v[1] ? v[1] : NULL;
    if (result) {
        if (STR_CHECK(result))
            return err_set(exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
        if (BYTES_CHECK(result))
            return err_set(exc_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
        if (obj_type_check(result, &bytearray_type))
            return err_set(exc_TypeError,
                           "sum() can't sum bytearray [use b''.join(seq) instead]");
        incref(result);
    } else {
        result = int_from_long(0);
    }
    Object *it = obj_get_iter(v[0]);
    if (!it) {
        decref(result);
        return NULL;
    }
    /* fast path: exact ints in a C long */
    if (INT_CHECK_EXACT(result)) {
        int overflow = 0;
        long acc = int_as_long_and_overflow(result, &overflow);
        if (!overflow) {
            decref(result);
            result = NULL;
            for (;;) {
                Object *item = obj_iter_next(it);
                if (!item) {
                    if (err_occurred()) {
                        decref(it);
                        return NULL;
                    }
                    decref(it);
                    return int_from_long(acc);
                }
                if (INT_CHECK_EXACT(item) || BOOL_CHECK(item)) {
                    int of = 0;
                    long b = int_as_long_and_overflow(item, &of);
                    if (!of && !((b > 0 && acc > LONG_MAX - b) || (b < 0 && acc < LONG_MIN - b))) {
                        acc += b;
                        decref(item);
                        continue;
                    }
                }
                result = int_from_long(acc);
                Object *t = result ? num_add(result, item) : NULL;
                xdecref(result);
                decref(item);
                result = t;
                if (!result) {
                    decref(it);
                    return NULL;
                }
                break;
            }
        }
    }
    if (FLOAT_CHECK_EXACT(result)) {
        double f = FLOAT_VAL(result);
        decref(result);
        result = NULL;
        for (;;) {
            Object *item = obj_iter_next(it);
            if (!item) {
                if (err_occurred()) {
                    decref(it);
                    return NULL;
                }
                decref(it);
                return float_from_double(f);
            }
            if (FLOAT_CHECK_EXACT(item)) {
                f += FLOAT_VAL(item);
                decref(item);
                continue;
            }
            if (INT_CHECK_EXACT(item) && int_is_compact(item)) {
                f += (double)int_compact_value(item);
                decref(item);
                continue;
            }
            result = float_from_double(f);
            Object *t = result ? num_add(result, item) : NULL;
            xdecref(result);
            decref(item);
            result = t;
            if (!result) {
                decref(it);
                return NULL;
            }
            break;
        }
    }
    for (;;) {
        Object *item = obj_iter_next(it);
        if (!item) {
            decref(it);
            if (err_occurred()) {
                decref(result);
                return NULL;
            }
            return result;
        }
        Object *t = num_add(result, item);
        decref(result);
        decref(item);
        result = t;
        if (!result) {
            decref(it);
            return NULL;
        }
    }
}

static Object *
min_max(Object *const *args, ssize_t nargs, Object *kwnames, Object *argstuple, int op,
        const char *name)
{
    Object *keyfunc = NULL, *dflt = NULL;
    if (kwnames) {
        for (ssize_t i = 0; i < TUPLE_LEN(kwnames); i++) {
            Object *k = TUPLE_GET(kwnames, i);
            if (str_eq_cstr(k, "key"))
                keyfunc = args[nargs + i];
            else if (str_eq_cstr(k, "default"))
                dflt = args[nargs + i];
            else
                return err_format(exc_TypeError, "%s() got an unexpected keyword argument '%U'",
                                  name, k);
        }
    }
    if (keyfunc == None)
        keyfunc = NULL;
    Object *it;
    if (nargs == 0)
        return err_format(exc_TypeError, "%s expected at least 1 argument, got 0", name);
    if (nargs == 1) {
        it = obj_get_iter(args[0]);
    } else {
        if (dflt)
            return err_format(exc_TypeError, "Cannot specify a default for %s() with multiple "
                                             "positional arguments",
                              name);
        it = obj_get_iter(argstuple);        /* CPython iterates its args tuple */
    }
    if (!it)
        return NULL;
    Object *maxitem = NULL, *maxval = NULL;
    for (;;) {
        Object *item = obj_iter_next(it);
        if (!item)
            break;
        Object *val;
        if (keyfunc) {
            val = obj_call_one(keyfunc, item);
            if (!val) {
                decref(item);
                goto fail;
            }
        } else {
            val = newref(item);
        }
        if (!maxval) {
            maxitem = item;
            maxval = val;
        } else {
            int c = obj_richcompare_bool(val, maxval, op);
            if (c < 0) {
                decref(item);
                decref(val);
                goto fail;
            }
            if (c > 0) {
                decref(maxval);
                decref(maxitem);
                maxval = val;
                maxitem = item;
            } else {
                decref(item);
                decref(val);
            }
        }
    }
    if (err_occurred())
        goto fail;
    decref(it);
    xdecref(maxval);
    if (!maxitem) {
        if (dflt)
            return newref(dflt);
        return err_format(exc_ValueError, "%s() arg is an empty sequence", name);
    }
    return maxitem;
fail:
    decref(it);
    xdecref(maxval);
    xdecref(maxitem);
    return NULL;
}

/* min and max are METH_VARARGS in CPython: their argument tuple (and keyword dict) count
** in the collector's generation 0 (methodobject.h) */
static Object *
min_max_packed(Object *const *args, ssize_t nargs, Object *kwnames, int op, const char *name)
{
    Object *argstuple, *kwdict;
    if (arg_pack_like_cpython(args, (size_t)nargs, kwnames, &argstuple, &kwdict) < 0)
        return NULL;
    Object *r = min_max(args, nargs, kwnames, argstuple, op, name);
    decref(argstuple);
    xdecref(kwdict);
    return r;
}

static Object *
builtin_min(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return min_max_packed(args, nargs, kwnames, CMP_LT, "min");
}

static Object *
builtin_max(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return min_max_packed(args, nargs, kwnames, CMP_GT, "max");
}

static Object *
builtin_sorted(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (nargs != 1)
        return err_format(exc_TypeError, "sorted expected 1 argument, got %zd", nargs);
    /* as CPython: list(iterable).sort(**kwargs), so errors are sort()'s */
    Object *l = list_from_iterable(args[0]);
    if (!l)
        return NULL;
    Object *sort = obj_getattr_str(l, "sort");
    Object *r = sort ? obj_vectorcall(sort, args + 1, 0, kwnames) : NULL;
    xdecref(sort);
    if (!r) {
        decref(l);
        return NULL;
    }
    decref(r);
    return l;
}

/* ---- iteration ---- */

static Object *
builtin_iter(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_check_count("iter", (size_t)nargs, 1, 2) < 0)
        return NULL;
    if (nargs == 1)
        return obj_get_iter(args[0]);
    if (!TYPE(args[0])->call && !TYPE(args[0])->vectorcall)
        return err_set(exc_TypeError, "iter(v, w): v must be callable");
    return calliter_new(args[0], args[1]);
}

static Object *
builtin_next(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_check_count("next", (size_t)nargs, 1, 2) < 0)
        return NULL;
    Object *it = args[0];
    if (!TYPE(it)->iternext)
        return err_format(exc_TypeError, "'%s' object is not an iterator", TYPE(it)->name);
    Object *r = TYPE(it)->iternext(it);
    if (r)
        return r;
    if (err_occurred()) {
        if (nargs > 1 && err_matches(exc_StopIteration)) {
            err_clear();
            return newref(args[1]);
        }
        return NULL;
    }
    if (nargs > 1)
        return newref(args[1]);
    err_set_object(exc_StopIteration, NULL);
    return NULL;
}

/* ---- attributes, types ---- */

static Object *
builtin_getattr(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_check_count("getattr", (size_t)nargs, 2, 3) < 0)
        return NULL;
    Object *name = args[1];
    if (!STR_CHECK(name))
        return err_format(exc_TypeError, "attribute name must be string, not '%s'",
                          TYPE(name)->name);
    Object *r;
    if (nargs > 2) {
        MC_PROGRAM_NAME(name, r = obj_lookup_attr(args[0], name));
        if (!r && !err_occurred())
            return newref(args[2]);
        return r;
    }
    MC_PROGRAM_NAME(name, r = obj_getattr(args[0], name));
    return r;
}

static Object *
builtin_setattr(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_check_count("setattr", (size_t)nargs, 3, 3) < 0)
        return NULL;
    int r;
    MC_PROGRAM_NAME(args[1], r = obj_setattr(args[0], args[1], args[2]));
    if (r < 0)
        return NULL;
    return newref(None);
}

static Object *
builtin_delattr(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_check_count("delattr", (size_t)nargs, 2, 2) < 0)
        return NULL;
    int r;
    MC_PROGRAM_NAME(args[1], r = obj_setattr(args[0], args[1], NULL));
    if (r < 0)
        return NULL;
    return newref(None);
}

static Object *
builtin_hasattr(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_check_count("hasattr", (size_t)nargs, 2, 2) < 0)
        return NULL;
    if (!STR_CHECK(args[1]))
        return err_format(exc_TypeError, "attribute name must be string, not '%s'",
                          TYPE(args[1])->name);
    int r;
    MC_PROGRAM_NAME(args[1], r = obj_hasattr(args[0], args[1]));
    if (r < 0)
        return NULL;
    return bool_from(r);
}

static int
recursive_isinstance(Object *inst, Object *cls)
{
    if (TYPE_CHECK(cls))
        return obj_type_check(inst, (TypeObject *)cls);
    Object *bases = obj_lookup_attr(cls, ID(__bases__));
    if (!bases || !TUPLE_CHECK(bases)) {
        xdecref(bases);
        if (!err_occurred())
            err_set(exc_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a "
                                   "union");
        return -1;
    }
    decref(bases);
    Object *icls = obj_lookup_attr(inst, ID(__class__));
    if (!icls)
        return err_occurred() ? -1 : 0;
    int r = icls == cls;
    decref(icls);
    return r;
}

int builtin_isinstance_impl(Object *inst, Object *cls);
int
builtin_isinstance_impl(Object *inst, Object *cls)
{
    if (TYPE(inst) == (TypeObject *)cls)
        return 1;
    if (TYPE(cls) == &type_type)
        return obj_type_check(inst, (TypeObject *)cls);
    if (TYPE(cls) == &uniontype_type)   /* int | str: its members, as a tuple */
        cls = union_args(cls);
    if (TUPLE_CHECK(cls)) {
        if (rt_enter_recursion(" in __instancecheck__") < 0)
            return -1;
        int r = 0;
        for (ssize_t i = 0; i < TUPLE_LEN(cls) && !r; i++)
            r = builtin_isinstance_impl(inst, TUPLE_GET(cls, i));
        rt_leave_recursion();
        return r;
    }
    Object *checker = type_lookup(TYPE(cls), ID(__instancecheck__));
    if (checker && TYPE(cls) != &type_type) {
        Object *res = type_call_special(cls, ID(__instancecheck__), &inst, 1);
        if (!res)
            return -1;
        int r = obj_is_true(res);
        decref(res);
        return r;
    }
    return recursive_isinstance(inst, cls);
}

static Object *
builtin_isinstance(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_check_count("isinstance", (size_t)nargs, 2, 2) < 0)
        return NULL;
    int r = builtin_isinstance_impl(args[0], args[1]);
    if (r < 0)
        return NULL;
    return bool_from(r);
}

static int
issubclass_impl(Object *derived, Object *cls)
{
    if (TYPE_CHECK(cls) && TYPE(cls) == &type_type) {
        if (!TYPE_CHECK(derived)) {
            err_set(exc_TypeError, "issubclass() arg 1 must be a class");
            return -1;
        }
        return type_is_subtype((TypeObject *)derived, (TypeObject *)cls);
    }
    if (TYPE(cls) == &uniontype_type)
        cls = union_args(cls);
    if (TUPLE_CHECK(cls)) {
        int r = 0;
        for (ssize_t i = 0; i < TUPLE_LEN(cls) && !r; i++)
            r = issubclass_impl(derived, TUPLE_GET(cls, i));
        return r;
    }
    Object *checker = type_lookup(TYPE(cls), ID(__subclasscheck__));
    if (checker) {
        Object *res = type_call_special(cls, ID(__subclasscheck__), &derived, 1);
        if (!res)
            return -1;
        int r = obj_is_true(res);
        decref(res);
        return r;
    }
    if (!TYPE_CHECK(derived)) {
        err_set(exc_TypeError, "issubclass() arg 1 must be a class");
        return -1;
    }
    err_set(exc_TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return -1;
}

static Object *
builtin_issubclass(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_check_count("issubclass", (size_t)nargs, 2, 2) < 0)
        return NULL;
    int r = issubclass_impl(args[0], args[1]);
    if (r < 0)
        return NULL;
    return bool_from(r);
}

static Object *
builtin_globals(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    Frame *f = vm_current_frame();
    if (!f)
        return err_set(exc_SystemError, "globals(): no current frame");
    return newref(f->globals);
}

static Object *
builtin_locals(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    Frame *f = vm_current_frame();
    if (!f)
        return err_set(exc_SystemError, "locals(): no current frame");
    return frame_get_locals(f);
}

static Object *
builtin_vars(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_check_count("vars", (size_t)nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        return builtin_locals(self, args, 0, kw);
    Object *d = obj_lookup_attr(args[0], ID(__dict__));
    if (!d && !err_occurred())
        return err_set(exc_TypeError, "vars() argument must have __dict__ attribute");
    return d;
}

static Object *
builtin_dir(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_check_count("dir", (size_t)nargs, 0, 1) < 0)
        return NULL;
    Object *l;
    if (nargs == 0) {
        Object *loc = builtin_locals(self, args, 0, kw);
        if (!loc)
            return NULL;
        l = dict_keys_list(loc);
        decref(loc);
    } else {
        Object *r = type_call_special(args[0], ID(__dir__), NULL, 0);
        if (!r)
            return NULL;
        l = list_from_iterable(r);
        decref(r);
    }
    if (l && list_sort(l, NULL, 0) < 0) {
        decref(l);
        return NULL;
    }
    return l;
}

/* ---- class creation ---- */

/* PEP 560 (CPython's update_bases): a base that is not a class but has __mro_entries__
** is replaced by the tuple that method returns (class X(list[int]) derives from list).
** Returns 'bases' itself (new reference) when nothing was replaced. */
static Object *
update_bases(Object *bases)
{
    Object *nb = NULL;
    for (ssize_t i = 0; i < TUPLE_LEN(bases); i++) {
        Object *base = TUPLE_GET(bases, i);
        Object *meth = TYPE_CHECK(base) ? NULL : obj_lookup_attr(base, ID(__mro_entries__));
        if (!meth) {
            if (err_occurred() || (nb && list_append(nb, base) < 0))
                goto error;
            continue;
        }
        Object *entries = obj_call_one(meth, bases);
        decref(meth);
        if (!entries)
            goto error;
        if (!TUPLE_CHECK(entries)) {
            decref(entries);
            err_set(exc_TypeError, "__mro_entries__ must return a tuple");
            goto error;
        }
        if (!nb) {
            nb = list_new(0);
            for (ssize_t j = 0; nb && j < i; j++)
                if (list_append(nb, TUPLE_GET(bases, j)) < 0)
                    CLEAR(nb);
        }
        for (ssize_t j = 0; nb && j < TUPLE_LEN(entries); j++)
            if (list_append(nb, TUPLE_GET(entries, j)) < 0)
                CLEAR(nb);
        decref(entries);
        if (!nb)
            goto error;
    }
    if (!nb)
        return newref(bases);
    Object *r = list_as_tuple(nb);
    decref(nb);
    return r;
error:
    xdecref(nb);
    return NULL;
}

static Object *
builtin_build_class(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (nargs < 2)
        return err_set(exc_TypeError, "__build_class__: not enough arguments");
    Object *func = args[0], *name = args[1];
    if (TYPE(func) != &function_type)
        return err_set(exc_TypeError, "__build_class__: func must be a function");
    if (!STR_CHECK(name))
        return err_set(exc_TypeError, "__build_class__: name is not a string");
    Object *orig_bases = tuple_from_array(args + 2, nargs - 2);
    if (!orig_bases)
        return NULL;
    Object *bases = update_bases(orig_bases);
    if (!bases) {
        decref(orig_bases);
        return NULL;
    }
    Object *meta = NULL, *mkw = NULL, *ns = NULL, *cls = NULL, *cell = NULL;
    if (kwnames && TUPLE_LEN(kwnames)) {
        mkw = dict_new();
        if (!mkw)
            goto done;
        for (ssize_t i = 0; i < TUPLE_LEN(kwnames); i++)
            if (dict_setitem(mkw, TUPLE_GET(kwnames, i), args[nargs + i]) < 0)
                goto done;
        meta = dict_pop(mkw, ID(metaclass), NULL);
        if (!meta) {
            if (!err_matches(exc_KeyError))
                goto done;
            err_clear();
        }
    }
    int isclass = 0;
    if (!meta) {
        meta = TUPLE_LEN(bases) == 0 ? newref(&type_type) : newref(TYPE(TUPLE_GET(bases, 0)));
        isclass = 1;
    } else {
        isclass = TYPE_CHECK(meta);
    }
    if (isclass) {
        /* the most derived metaclass */
        TypeObject *winner = (TypeObject *)meta;
        for (ssize_t i = 0; i < TUPLE_LEN(bases); i++) {
            TypeObject *bt = TYPE(TUPLE_GET(bases, i));
            if (type_is_subtype(winner, bt))
                continue;
            if (type_is_subtype(bt, winner)) {
                winner = bt;
                continue;
            }
            err_set(exc_TypeError, "metaclass conflict: the metaclass of a derived class must "
                                   "be a (non-strict) subclass of the metaclasses of all its "
                                   "bases");
            goto done;
        }
        if ((Object *)winner != meta)
            SETREF(meta, newref(winner));
    }
    Object *prep = obj_lookup_attr(meta, ID(__prepare__));
    if (!prep) {
        if (err_occurred())
            goto done;
        ns = dict_new();
    } else {
        Object *pa[2] = {name, bases};
        Object *kwn = NULL;
        Object *stack[2 + 16];
        size_t nk = 0;
        stack[0] = name;
        stack[1] = bases;
        if (mkw && DICT_LEN(mkw)) {
            kwn = tuple_new(DICT_LEN(mkw));
            ssize_t pos = 0, j = 0;
            Object *k, *v;
            while (kwn && dict_next(mkw, &pos, &k, &v) && j < 16) {
                TUPLE_SET(kwn, j, newref(k));
                stack[2 + j] = v;
                j++;
            }
            nk = (size_t)j;
        }
        (void)pa;
        ns = obj_vectorcall(prep, stack, 2, nk ? kwn : NULL);
        xdecref(kwn);
        decref(prep);
    }
    if (!ns)
        goto done;
    if (!DICT_CHECK(ns) && !TYPE(ns)->mp_subscript) {
        err_format(exc_TypeError, "%s.__prepare__() must return a mapping, not %s",
                   isclass ? ((TypeObject *)meta)->name : "<metaclass>", TYPE(ns)->name);
        goto done;
    }
    cell = vm_run_class_body(func, ns);
    if (!cell)
        goto done;
    if (bases != orig_bases && obj_setitem(ns, ID(__orig_bases__), orig_bases) < 0)
        goto done;
    if (!mkw || DICT_LEN(mkw) == 0) {
        /* PyObject_VectorcallDict: type's vectorcall makes the one argument tuple */
        Object *margs[3] = {name, bases, ns};
        cls = obj_vectorcall(meta, margs, 3, NULL);
    } else {
        Object *margs = tuple_pack(3, name, bases, ns);
        if (!margs)
            goto done;
        cls = obj_call(meta, margs, mkw);
        decref(margs);
    }
    if (cls && TYPE_CHECK(cls) && TYPE(cell) == &cell_type) {
        Object *cell_cls = CELL_GET(cell);
        if (cell_cls != cls) {
            if (!cell_cls)
                err_format(exc_RuntimeError,
                           "__class__ not set defining %R as %R. Was __classcell__ propagated to "
                           "type.__new__?",
                           name, cls);
            else
                err_format(exc_TypeError, "__class__ set to %R defining %R as %R", cell_cls, name,
                           cls);
            CLEAR(cls);
        }
    }
done:
    xdecref(cell);
    xdecref(ns);
    xdecref(meta);
    xdecref(mkw);
    decref(bases);
    decref(orig_bases);
    return cls;
}

/* ---- exec, eval, compile ---- */

static int
source_from_arg(Object *src, const char **text, ssize_t *len, const char *fname)
{
    if (STR_CHECK(src)) {
        *text = str_as_utf8(src, len);
        if (!*text)
            return -1;
    } else if (BYTES_CHECK(src)) {
        *text = BYTES_DATA(src);
        *len = BYTES_LEN(src);
    } else {
        err_format(exc_TypeError, "%s() arg 1 must be a string, bytes or code object", fname);
        return -1;
    }
    /* CPython's _Py_SourceAsString: no location, unlike a file's NUL byte */
    if (memchr(*text, 0, (size_t)*len)) {
        err_set(exc_SyntaxError, "source code string cannot contain null bytes");
        return -1;
    }
    return 0;
}

static Object *
exec_or_eval(Object *const *args, ssize_t nargs, Object *kwnames, int is_eval)
{
    const char *fname = is_eval ? "eval" : "exec";
    static const char *const names[] = {"source", "globals", "locals", NULL};
    Object *v[3];
    if (arg_parse(fname, args, (size_t)nargs, kwnames, names, 1, 0, 1, v) < 0)
        return NULL;
    Object *globals = v[1] && v[1] != None ? v[1] : NULL;
    Object *locals = v[2] && v[2] != None ? v[2] : NULL;
    if (globals && !DICT_CHECK(globals))
        return err_format(exc_TypeError, is_eval ? "globals must be a real dict; try "
                                                   "eval(expr, {}, mapping)"
                                                 : "exec() globals must be a dict, not %s",
                          TYPE(globals)->name);
    if (!globals) {
        Frame *f = vm_current_frame();
        if (!f)
            return err_set(exc_SystemError, "no frame");
        globals = f->globals;
        if (!locals)
            locals = f->locals ? f->locals : NULL;
    }
    Object *owned_locals = NULL;
    if (!locals) {
        Frame *f = vm_current_frame();
        if (v[1] && v[1] != None)
            locals = globals;
        else if (f && !f->locals) {
            owned_locals = frame_get_locals(f);
            locals = owned_locals;
        } else {
            locals = globals;
        }
    }
    if (!dict_getitem(globals, ID(__builtins__)))
        dict_setitem(globals, ID(__builtins__), rt.builtins_module);
    Object *code;
    Arena *arena = NULL;        /* a source string's AST lives while its code runs (CPython) */
    if (TYPE(v[0]) == &code_type) {
        code = newref(v[0]);
    } else {
        const char *text;
        ssize_t len;
        if (source_from_arg(v[0], &text, &len, fname) < 0) {
            xdecref(owned_locals);
            return NULL;
        }
        /* eval strips leading whitespace */
        if (is_eval)
            while (len > 0 && (*text == ' ' || *text == '\t')) {
                text++;
                len--;
            }
        code = compile_source(text, (size_t)len, "<string>", is_eval ? PARSE_EVAL : PARSE_FILE,
                              &arena);
    }
    if (!code) {
        if (arena)
            arena_free(arena);
        xdecref(owned_locals);
        return NULL;
    }
    Object *r = vm_eval_code(code, globals, locals);
    decref(code);
    if (arena)
        arena_free(arena);
    xdecref(owned_locals);
    if (!r || is_eval)
        return r;
    decref(r);
    return newref(None);
}

static Object *
builtin_exec(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return exec_or_eval(args, nargs, kwnames, 0);
}

static Object *
builtin_eval(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return exec_or_eval(args, nargs, kwnames, 1);
}

static Object *
builtin_compile(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"source", "filename", "mode", "flags", "dont_inherit",
                                        "optimize", NULL};
    Object *v[6];
    if (arg_parse_clinic("compile", args, (size_t)nargs, kwnames, names, 0, 0, 3, v) < 0)
        return NULL;
    if (!STR_CHECK(v[1]) || !STR_CHECK(v[2]))
        return err_set(exc_TypeError, "compile() arguments 2 and 3 must be str");
    const char *mode = str_as_utf8(v[2], NULL);
    ParseMode pm;
    if (strcmp(mode, "exec") == 0)
        pm = PARSE_FILE;
    else if (strcmp(mode, "eval") == 0)
        pm = PARSE_EVAL;
    else if (strcmp(mode, "single") == 0)
        pm = PARSE_SINGLE;
    else
        return err_set(exc_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    const char *text;
    ssize_t len;
    if (source_from_arg(v[0], &text, &len, "compile") < 0)
        return NULL;
    return compile_source(text, (size_t)len, str_as_utf8(v[1], NULL), pm, NULL);
}

static Object *
builtin_open(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return file_open(args, (size_t)nargs, kwnames);
}

static Object *
builtin_import(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return import_builtin___import__(args, nargs, kwnames);
}

/* ---- exit / quit ---- */

typedef struct QuitterObject {
    OBJECT_HEAD;
    const char *name;
} QuitterObject;

static Object *
quitter_repr(Object *o)
{
    return str_from_format("Use %s() or Ctrl-D (i.e. EOF) to exit", ((QuitterObject *)o)->name);
}

static Object *
quitter_call(Object *o, Object *args, Object *kw)
{
    Object *code = TUPLE_LEN(args) ? TUPLE_GET(args, 0) : None;
    /* CPython closes sys.stdin first; we only raise */
    err_set_object(exc_SystemExit, code == None ? NULL : code);
    if (code != None && TUPLE_CHECK(code)) {
        /* SystemExit((1, 2)) keeps the tuple as code */
    }
    return NULL;
}

static void
quitter_dealloc(Object *o)
{
    (void)o;
    fatal("deallocating exit/quit");
}

static TypeObject quitter_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "_sitebuiltins.Quitter",
    .basicsize = sizeof(QuitterObject),
    .dealloc = quitter_dealloc,
    .repr = quitter_repr,
    .call = quitter_call,
    .getattro = obj_generic_getattr,
};

static QuitterObject exit_obj = {{1 << 28, &quitter_type}, "exit"};
static QuitterObject quit_obj = {{1 << 28, &quitter_type}, "quit"};

/* ================================================================ the module */

static const MethodDef builtin_methods[] = {
    {"__build_class__", builtin_build_class, METH_VARARGS | METH_KEYWORDS,
     "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class"},
    {"__import__", builtin_import, METH_VARARGS | METH_KEYWORDS, NULL},
    {"abs", builtin_abs, METH_O, "Return the absolute value of the argument."},
    {"all", builtin_all, METH_O, NULL},
    {"any", builtin_any, METH_O, NULL},
    {"ascii", builtin_ascii, METH_O, NULL},
    {"bin", builtin_bin, METH_O, NULL},
    {"callable", builtin_callable, METH_O, NULL},
    {"chr", builtin_chr, METH_O, NULL},
    {"compile", builtin_compile, METH_VARARGS | METH_KEYWORDS, NULL},
    {"delattr", builtin_delattr, METH_VARARGS, NULL},
    {"dir", builtin_dir, METH_VARARGS | METH_TUPLE, NULL},
    {"divmod", builtin_divmod, METH_VARARGS, NULL},
    {"eval", builtin_eval, METH_VARARGS | METH_KEYWORDS, NULL},
    {"exec", builtin_exec, METH_VARARGS | METH_KEYWORDS, NULL},
    {"format", builtin_format, METH_VARARGS, NULL},
    {"getattr", builtin_getattr, METH_VARARGS, NULL},
    {"globals", builtin_globals, METH_NOARGS, NULL},
    {"hasattr", builtin_hasattr, METH_VARARGS, NULL},
    {"hash", builtin_hash, METH_O, NULL},
    {"hex", builtin_hex, METH_O, NULL},
    {"id", builtin_id, METH_O, "Return the identity of an object."},
    {"input", builtin_input, METH_VARARGS, NULL},
    {"isinstance", builtin_isinstance, METH_VARARGS, NULL},
    {"issubclass", builtin_issubclass, METH_VARARGS, NULL},
    {"iter", builtin_iter, METH_VARARGS, NULL},
    {"len", builtin_len, METH_O, "Return the number of items in a container."},
    {"locals", builtin_locals, METH_NOARGS, NULL},
    {"max", builtin_max, METH_VARARGS | METH_KEYWORDS, NULL},
    {"min", builtin_min, METH_VARARGS | METH_KEYWORDS, NULL},
    {"next", builtin_next, METH_VARARGS, NULL},
    {"oct", builtin_oct, METH_O, NULL},
    {"open", builtin_open, METH_VARARGS | METH_KEYWORDS, NULL},
    {"ord", builtin_ord, METH_O, NULL},
    {"pow", builtin_pow, METH_VARARGS | METH_KEYWORDS, NULL},
    {"print", builtin_print, METH_VARARGS | METH_KEYWORDS, NULL},
    {"repr", builtin_repr, METH_O, NULL},
    {"round", builtin_round, METH_VARARGS | METH_KEYWORDS, NULL},
    {"setattr", builtin_setattr, METH_VARARGS, NULL},
    {"sorted", builtin_sorted, METH_VARARGS | METH_KEYWORDS, NULL},
    {"sum", builtin_sum, METH_VARARGS | METH_KEYWORDS, NULL},
    {"vars", builtin_vars, METH_VARARGS | METH_TUPLE, NULL},
    {NULL, NULL, 0, NULL},
};

Object *
builtins_init(void)
{
    Object *m = module_new("builtins");
    if (!m)
        return NULL;
    Object *d = module_get_dict(m);
    if (module_add_functions(m, builtin_methods) < 0)
        goto fail;
    struct {
        const char *name;
        Object *obj;
    } objs[] = {
        {"None", None},
        {"Ellipsis", Ellipsis},
        {"NotImplemented", NotImplemented},
        {"False", False_},
        {"True", True_},
        {"bool", (Object *)&bool_type},
        {"bytearray", (Object *)&bytearray_type},
        {"bytes", (Object *)&bytes_type},
        {"classmethod", (Object *)&classmethod_type},
        {"complex", (Object *)&complex_type},
        {"dict", (Object *)&dict_type},
        {"enumerate", (Object *)&enumerate_type},
        {"filter", (Object *)&filter_type},
        {"float", (Object *)&float_type},
        {"frozenset", (Object *)&frozenset_type},
        {"property", (Object *)&property_type},
        {"int", (Object *)&int_type},
        {"list", (Object *)&list_type},
        {"map", (Object *)&map_type},
        {"object", (Object *)&object_type},
        {"range", (Object *)&range_type},
        {"reversed", (Object *)&reversed_type},
        {"set", (Object *)&set_type},
        {"slice", (Object *)&slice_type},
        {"staticmethod", (Object *)&staticmethod_type},
        {"str", (Object *)&str_type},
        {"super", (Object *)&super_type},
        {"tuple", (Object *)&tuple_type},
        {"type", (Object *)&type_type},
        {"zip", (Object *)&zip_type},
        {"exit", (Object *)&exit_obj},
        {"quit", (Object *)&quit_obj},
        {"__debug__", True_},
        {NULL, NULL},
    };
    for (int i = 0; objs[i].name; i++)
        if (dict_setitem_str(d, objs[i].name, objs[i].obj) < 0)
            goto fail;
    if (type_ready(&quitter_type) < 0)
        goto fail;
    exceptions_init(d);
    return m;
fail:
    decref(m);
    return NULL;
}
