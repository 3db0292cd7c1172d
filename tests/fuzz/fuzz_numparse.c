/*
** fuzz_numparse.c -- libFuzzer target (c): int(s, base) and float(s) on arbitrary text.
** The first byte picks the base (0 or 2..36); the rest, if it is valid UTF-8, is the
** string.  A result must round-trip: int(str(i)) == i (base 10, within the digit limit)
** and float(repr(f)) is f or both are NaN.  Errors must be ValueError (or MemoryError).
*/
#include "fuzz_common.h"
#include "runtime/floatobject.h"
#include "runtime/exceptions.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_error(void)
{
    if (!err_occurred())
        abort();
    if (!err_matches(exc_ValueError) && !err_matches(exc_MemoryError)) {
        err_print();
        abort();
    }
    err_clear();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_init();
    if (size < 1)
        return 0;
    int base = data[0] % 37;
    if (base == 1)
        base = 0;
    Object *s = str_from_utf8((const char *)data + 1, (ssize_t)size - 1);
    if (!s) {
        err_clear();
        return 0;
    }
    Object *b = int_from_long(base);
    Object *args[2] = {s, b};
    Object *i = obj_vectorcall((Object *)&int_type, args, 2, NULL);
    if (!i) {
        check_error();
    } else {
        Object *text = obj_str(i);
        if (!text) {
            check_error();      /* more digits than sys.get_int_max_str_digits() */
        } else {
            Object *again = obj_call_one((Object *)&int_type, text);
            if (!again || obj_richcompare_bool(i, again, CMP_EQ) != 1)
                abort();
            decref(again);
            decref(text);
        }
        decref(i);
    }
    Object *f = obj_call_one((Object *)&float_type, s);
    if (!f) {
        check_error();
    } else {
        Object *r = obj_repr(f);
        Object *g = r ? obj_call_one((Object *)&float_type, r) : NULL;
        if (!g)
            abort();
        double x = float_as_double(f), y = float_as_double(g);
        if (!(x == y || (x != x && y != y)))
            abort();
        decref(g);
        decref(r);
        decref(f);
    }
    decref(b);
    decref(s);
    return 0;
}
