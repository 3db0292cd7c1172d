/*
** floatobject.c -- float (CPython's Objects/floatobject.c, 3.11).
** Free list: up to 100 freed floats, reused LIFO (so a new float often gets the id of the
** float freed just before, as users see in CPython).  Text conversion is exact
** (format.h's dtoa_*); int/float comparison is exact; arithmetic errors and messages
** are CPython's.
*/
#include "floatobject.h"
#include "gc.h"
#include "error.h"
#include "heap.h"
#include "state.h"
#include "intobject.h"
#include "strobject.h"
#include "tupleobject.h"
#include "dictobject.h"
#include "typeobject.h"
#include "methodobject.h"
#include "format.h"
#include "hash.h"
#include "complexobject.h"
#include "unicodedb.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <stdio.h>

FloatObject *float_free_list;
int float_numfree;
#define free_list float_free_list
#define numfree float_numfree

Object *
float_from_double_slow(double v)
{
    FloatObject *op = (FloatObject *)obj_alloc_raw(&float_type, sizeof(FloatObject));
    if (!op)
        return NULL;
    op->fval = v;
    return (Object *)op;
}

/* The heap's side mode has a free list of its own (rt_swap_freelists). */
void
float_swap_freelist(void)
{
    static FloatObject *side_list;
    static int side_num;
    FloatObject *f = free_list;
    free_list = side_list;
    side_list = f;
    int n = numfree;
    numfree = side_num;
    side_num = n;
}

static void
float_dealloc(Object *o)
{
    if (TYPE(o) == &float_type && numfree < FLOAT_MAXFREELIST) {
        FloatObject *op = (FloatObject *)o;
        op->ob_base.type = (TypeObject *)free_list;
        free_list = op;
        numfree++;
        obj_live_count--;
        return;
    }
    TYPE(o)->free(o);
}

void
float_dealloc_slow(Object *o)
{
    obj_free(o);
}

void
float_clear_freelist(void)
{
    FloatObject *f = free_list;
    free_list = NULL;
    numfree = 0;
    while (f) {
        FloatObject *next = (FloatObject *)f->ob_base.type;
        f->ob_base.type = &float_type;
        obj_live_count++;
        obj_free(f);
        f = next;
    }
}

void
float_debug_stats(void *out)
{
    heap_print_free_list(out, "free PyFloatObject", numfree, sizeof(FloatObject));
}

/* Convert a float or int operand to double; 1 ok, 0 not a number (NotImplemented),
** -1 error. */
static inline int
to_double(Object *o, double *d)
{
    if (FLOAT_CHECK_EXACT(o) || FLOAT_CHECK(o)) {
        *d = FLOAT_VAL(o);
        return 1;
    }
    if (INT_CHECK(o)) {
        if (int_is_compact(o)) {
            *d = (double)int_compact_value(o);
            return 1;
        }
        *d = int_as_double(o);
        if (*d == -1.0 && err_occurred())
            return -1;
        return 1;
    }
    return 0;
}

#define CONVERT(o, d)                                                                    \
    do {                                                                                 \
        int r_ = to_double(o, &d);                                                       \
        if (r_ <= 0)                                                                     \
            return r_ < 0 ? NULL : newref(NotImplemented);                               \
    } while (0)

double
float_as_double(Object *o)
{
    if (FLOAT_CHECK(o))
        return FLOAT_VAL(o);
    if (INT_CHECK(o))
        return int_as_double(o);
    unaryfunc f = TYPE(o)->nb_float;
    if (!f) {
        if (TYPE(o)->nb_index) {
            Object *i = num_index(o);
            if (!i)
                return -1.0;
            double d = int_as_double(i);
            decref(i);
            return d;
        }
        err_format(exc_TypeError, "must be real number, not %s", TYPE(o)->name);
        return -1.0;
    }
    Object *r = f(o);
    if (!r)
        return -1.0;
    if (!FLOAT_CHECK(r)) {
        err_format(exc_TypeError, "%s.__float__ returned non-float (type %s)", TYPE(o)->name,
                   TYPE(r)->name);
        decref(r);
        return -1.0;
    }
    double d = FLOAT_VAL(r);
    decref(r);
    return d;
}

/* ================================================================ arithmetic */

static Object *
float_add(Object *a, Object *b)
{
    double x, y;
    CONVERT(a, x);
    CONVERT(b, y);
    return float_from_double(x + y);
}

static Object *
float_sub(Object *a, Object *b)
{
    double x, y;
    CONVERT(a, x);
    CONVERT(b, y);
    return float_from_double(x - y);
}

static Object *
float_mul(Object *a, Object *b)
{
    double x, y;
    CONVERT(a, x);
    CONVERT(b, y);
    return float_from_double(x * y);
}

static Object *
float_div(Object *a, Object *b)
{
    double x, y;
    CONVERT(a, x);
    CONVERT(b, y);
    if (y == 0.0)
        return err_set(exc_ZeroDivisionError, "float division by zero");
    return float_from_double(x / y);
}

static Object *
float_rem(Object *a, Object *b)
{
    double vx, wx;
    CONVERT(a, vx);
    CONVERT(b, wx);
    if (wx == 0.0)
        return err_set(exc_ZeroDivisionError, "float modulo");
    double mod = fmod(vx, wx);
    if (mod) {
        if ((wx < 0) != (mod < 0))
            mod += wx;
    } else {
        mod = copysign(0.0, wx);
    }
    return float_from_double(mod);
}

static void
float_divmod_impl(double vx, double wx, double *floordiv, double *mod)
{
    double div;
    *mod = fmod(vx, wx);
    div = (vx - *mod) / wx;
    if (*mod) {
        if ((wx < 0) != (*mod < 0)) {
            *mod += wx;
            div -= 1.0;
        }
    } else {
        *mod = copysign(0.0, wx);
    }
    if (div) {
        *floordiv = floor(div);
        if (div - *floordiv > 0.5)
            *floordiv += 1.0;
    } else {
        *floordiv = copysign(0.0, vx / wx);
    }
}

static Object *
float_floor_div(Object *a, Object *b)
{
    double vx, wx, d, m;
    CONVERT(a, vx);
    CONVERT(b, wx);
    if (wx == 0.0)
        return err_set(exc_ZeroDivisionError, "float floor division by zero");
    float_divmod_impl(vx, wx, &d, &m);
    return float_from_double(d);
}

static Object *
float_divmod(Object *a, Object *b)
{
    double vx, wx, d, m;
    CONVERT(a, vx);
    CONVERT(b, wx);
    if (wx == 0.0)
        return err_set(exc_ZeroDivisionError, "float divmod()");
    float_divmod_impl(vx, wx, &d, &m);
    Object *x = float_from_double(d), *y = float_from_double(m);
    Object *r = (x && y) ? tuple_pack(2, x, y) : NULL;
    xdecref(x);
    xdecref(y);
    return r;
}

static Object *
float_pow(Object *v, Object *w, Object *z)
{
    double iv, iw, ix;
    int negate_result = 0;
    if (z != None)
        return err_set(exc_TypeError, "pow() 3rd argument not allowed unless all arguments "
                                      "are integers");
    CONVERT(v, iv);
    CONVERT(w, iw);
    if (iw == 0)
        return float_from_double(1.0);
    if (isnan(iv))
        return float_from_double(iv);
    if (isnan(iw))
        return float_from_double(iv == 1.0 ? 1.0 : iw);
    if (isinf(iw)) {
        iv = fabs(iv);
        if (iv == 1.0)
            return float_from_double(1.0);
        else if ((iw > 0.0) == (iv > 1.0))
            return float_from_double(fabs(iw));
        else
            return float_from_double(0.0);
    }
    if (isinf(iv)) {
        int iw_is_odd = fmod(fabs(iw), 2.0) == 1.0;
        if (iw > 0.0)
            return float_from_double(iw_is_odd ? iv : fabs(iv));
        else
            return float_from_double(iw_is_odd ? copysign(0.0, iv) : 0.0);
    }
    if (iv == 0.0) {
        int iw_is_odd = fmod(fabs(iw), 2.0) == 1.0;
        if (iw < 0.0)
            return err_set(exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return float_from_double(iw_is_odd ? iv : 0.0);
    }
    if (iv < 0.0) {
        if (iw != floor(iw)) {
            /* negative ** non-integer: the result is complex */
            extern Object *complex_pow_doubles(double, double, double, double);
            return complex_pow_doubles(iv, 0.0, iw, 0.0);
        }
        iv = -iv;
        negate_result = fmod(fabs(iw), 2.0) == 1.0;
    }
    if (iv == 1.0)
        return float_from_double(negate_result ? -1.0 : 1.0);
    errno = 0;
    ix = pow(iv, iw);
    if (negate_result)
        ix = -ix;
    if (isinf(ix) || errno == ERANGE) {
        if (fabs(ix) >= 1.0 || isinf(ix))
            return err_format(exc_OverflowError, "(%d, 'Numerical result out of range')",
                              ERANGE);
    }
    return float_from_double(ix);
}

static Object *
float_neg(Object *a)
{
    return float_from_double(-FLOAT_VAL(a));
}

static Object *
float_pos(Object *a)
{
    if (FLOAT_CHECK_EXACT(a))
        return newref(a);
    return float_from_double(FLOAT_VAL(a));
}

static Object *
float_abs(Object *a)
{
    return float_from_double(fabs(FLOAT_VAL(a)));
}

static int
float_bool(Object *a)
{
    return FLOAT_VAL(a) != 0.0;
}

static Object *
float_int(Object *a)
{
    return int_from_double(FLOAT_VAL(a));
}

static Object *
float_float(Object *a)
{
    if (FLOAT_CHECK_EXACT(a))
        return newref(a);
    return float_from_double(FLOAT_VAL(a));
}

/* ================================================================ compare, hash, repr */

Object *
float_richcompare(Object *v, Object *w, int op)
{
    double i = FLOAT_VAL(v), j;
    int r = 0;
    if (FLOAT_CHECK(w)) {
        j = FLOAT_VAL(w);
    } else if (!isfinite(i)) {
        if (INT_CHECK(w))
            j = 0.0;    /* inf/nan vs any int: the sign of i decides */
        else
            return newref(NotImplemented);
    } else if (INT_CHECK(w)) {
        if (int_is_compact(w)) {
            j = (double)int_compact_value(w);
        } else {
            int cmp;
            if (int_compare_double(w, i, &cmp) < 0)
                return NULL;
            /* cmp = sign(w - i); we need sign(i - w) */
            cmp = -cmp;
            switch (op) {
            case CMP_EQ: r = cmp == 0; break;
            case CMP_NE: r = cmp != 0; break;
            case CMP_LT: r = cmp < 0; break;
            case CMP_LE: r = cmp <= 0; break;
            case CMP_GT: r = cmp > 0; break;
            default: r = cmp >= 0; break;
            }
            return bool_from(r);
        }
    } else {
        return newref(NotImplemented);
    }
    switch (op) {
    case CMP_EQ: r = i == j; break;
    case CMP_NE: r = i != j; break;
    case CMP_LT: r = i < j; break;
    case CMP_LE: r = i <= j; break;
    case CMP_GT: r = i > j; break;
    default: r = i >= j; break;
    }
    return bool_from(r);
}

hash_t
float_hash_double(Object *inst, double v)
{
    int e, sign;
    double m;
    size_t x, y;
    if (!isfinite(v)) {
        if (isinf(v))
            return v > 0 ? HASH_INF : -HASH_INF;
        return hash_pointer(inst);
    }
    m = frexp(v, &e);
    sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    x = 0;
    while (m) {
        x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0;
        e -= 28;
        y = (size_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MODULUS)
            x -= HASH_MODULUS;
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
    x = x * (size_t)(ssize_t)sign;
    if (x == (size_t)-1)
        x = (size_t)-2;
    return (hash_t)x;
}

static hash_t
float_hash(Object *o)
{
    return float_hash_double(o, FLOAT_VAL(o));
}

Object *
float_repr_obj(Object *o)
{
    char buf[32];
    int n = dtoa_repr(FLOAT_VAL(o), buf);
    return str_from_ascii(buf, n);
}

/* ================================================================ construction */

Object *
float_from_string(const char *s, ssize_t len)
{
    double d;
    if (dtoa_parse(s, (size_t)len, &d) < 0) {
        Object *t = str_from_utf8(s, len);
        if (!t)
            return NULL;
        err_format(exc_ValueError, "could not convert string to float: %R", t);
        decref(t);
        return NULL;
    }
    return float_from_double(d);
}

/* float(str): strip Unicode whitespace, map Unicode decimal digits to ASCII. */
static Object *
float_from_str_obj(Object *s)
{
    ssize_t n = STR_LEN(s);
    int k = STR_KIND(s);
    const void *d = STR_DATA(s);
    ssize_t lo = 0, hi = n;
    while (lo < hi && unicode_isspace(STR_READ(k, d, lo)))
        lo++;
    while (hi > lo && unicode_isspace(STR_READ(k, d, hi - 1)))
        hi--;
    char small[64];
    char *buf = (hi - lo) < (ssize_t)sizeof small ? small : heap_alloc((size_t)(hi - lo) + 1);
    if (!buf)
        return err_no_memory();
    ssize_t j = 0;
    int ok = 1;
    for (ssize_t i = lo; i < hi; i++) {
        uint32_t c = STR_READ(k, d, i);
        if (c < 128)
            buf[j++] = (char)c;
        else {
            int dv = unicode_todecimal(c);
            if (dv < 0) {
                ok = 0;
                break;
            }
            buf[j++] = (char)('0' + dv);
        }
    }
    double v;
    Object *r;
    if (ok && dtoa_parse(buf, (size_t)j, &v) == 0)
        r = float_from_double(v);
    else
        r = err_format(exc_ValueError, "could not convert string to float: %R", s);
    if (buf != small)
        heap_free(buf);
    return r;
}

extern int bytes_like_get(Object *o, const char **data, ssize_t *len);

static Object *
float_convert(Object *x)
{
    if (FLOAT_CHECK_EXACT(x))
        return newref(x);
    if (STR_CHECK(x))
        return float_from_str_obj(x);
    TypeObject *t = TYPE(x);
    if (t->nb_float) {
        Object *r = t->nb_float(x);
        if (!r)
            return NULL;
        if (!FLOAT_CHECK_EXACT(r)) {
            if (!FLOAT_CHECK(r)) {
                err_format(exc_TypeError, "%s.__float__ returned non-float (type %s)",
                           t->name, TYPE(r)->name);
                decref(r);
                return NULL;
            }
            Object *f = float_from_double(FLOAT_VAL(r));
            decref(r);
            return f;
        }
        return r;
    }
    if (t->nb_index) {
        Object *i = num_index(x);
        if (!i)
            return NULL;
        double d = int_as_double(i);
        decref(i);
        if (d == -1.0 && err_occurred())
            return NULL;
        return float_from_double(d);
    }
    const char *data;
    ssize_t len;
    if (bytes_like_get(x, &data, &len) == 0)
        return float_from_string(data, len);
    return err_format(exc_TypeError,
                      "float() argument must be a string or a real number, not '%s'",
                      t->name);
}

static Object *
float_new_impl(TypeObject *t, Object *args, Object *kwds)
{
    if (kwds && DICT_LEN(kwds))
        return err_set(exc_TypeError, "float() takes no keyword arguments");
    ssize_t n = TUPLE_LEN(args);
    if (n > 1)
        return err_format(exc_TypeError, "float expected at most 1 argument, got %zd", n);
    Object *r = n ? float_convert(TUPLE_GET(args, 0)) : float_from_double(0.0);
    if (!r || t == &float_type)
        return r;
    Object *s = t->alloc(t, 0);
    if (s) {
        FLOAT_VAL(s) = FLOAT_VAL(r);
        if (OBJ_IS_GC(s))
            gc_track(s);        /* a class with a __dict__: its cycles must be seen */
    }
    decref(r);
    return s;
}

static Object *
float_vectorcall_new(Object *type, Object *const *args, size_t nargs, Object *kwnames)
{
    if (kwnames && TUPLE_LEN(kwnames))
        return err_set(exc_TypeError, "float() takes no keyword arguments");
    if (nargs > 1)
        return err_format(exc_TypeError, "float expected at most 1 argument, got %zu", nargs);
    return nargs ? float_convert(args[0]) : float_from_double(0.0);
}

/* ================================================================ methods */

static Object *
float_is_integer(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    double x = FLOAT_VAL(self);
    if (!isfinite(x))
        return bool_from(0);
    return bool_from(floor(x) == x);
}

static Object *
float_trunc(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return int_from_double(FLOAT_VAL(self));
}

static Object *
float_floor(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return int_from_double(floor(FLOAT_VAL(self)));
}

static Object *
float_ceil(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return int_from_double(ceil(FLOAT_VAL(self)));
}

static Object *
float_round(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_check_count("__round__", (size_t)nargs, 0, 1) < 0)
        return NULL;
    double x = FLOAT_VAL(self);
    if (nargs == 0 || args[0] == None) {
        double rounded = round(x);
        if (fabs(x - rounded) == 0.5)
            rounded = 2.0 * round(x / 2.0);
        return int_from_double(rounded);
    }
    ssize_t nd = num_as_ssize(args[0], NULL);
    if (nd == -1 && err_occurred())
        return NULL;
    if (!isfinite(x) || x == 0.0)
        return float_from_double(x);
    double r;
    if (dtoa_round(x, (long)nd, &r) < 0)
        return NULL;
    return float_from_double(r);
}

static Object *
float_conjugate(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return float_float(self);
}

static Object *
float_as_integer_ratio(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    double x = FLOAT_VAL(self);
    if (isinf(x))
        return err_set(exc_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(x))
        return err_set(exc_ValueError, "cannot convert NaN to integer ratio");
    int exponent;
    double fp = frexp(x, &exponent);
    for (int i = 0; i < 300 && fp != floor(fp); i++) {
        fp *= 2.0;
        exponent--;
    }
    Object *num = int_from_double(fp);
    Object *den = int_from_long(1);
    if (!num || !den)
        goto fail;
    Object *sh = int_from_long(exponent > 0 ? exponent : -exponent);
    if (!sh)
        goto fail;
    Object *t;
    if (exponent > 0) {
        t = int_lshift(num, sh);
        if (!t) {
            decref(sh);
            goto fail;
        }
        SETREF(num, t);
    } else {
        t = int_lshift(den, sh);
        if (!t) {
            decref(sh);
            goto fail;
        }
        SETREF(den, t);
    }
    decref(sh);
    Object *r = tuple_pack(2, num, den);
    decref(num);
    decref(den);
    return r;
fail:
    xdecref(num);
    xdecref(den);
    return NULL;
}

static Object *
float_hex(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    double x = FLOAT_VAL(self);
    char buf[64];
    if (isnan(x) || isinf(x))
        return float_repr_obj(self);
    if (x == 0.0) {
        return str_from_cstr(copysign(1.0, x) == -1.0 ? "-0x0.0p+0" : "0x0.0p+0");
    }
    int e;
    double m = frexp(fabs(x), &e);
    int shift = 1 - (e > -1021 ? e : -1021);
    if (shift < 1)
        shift = 1;
    m = ldexp(m, shift);
    e -= shift;
    char digits[32];
    int si = 0;
    digits[si++] = "0123456789abcdef"[(int)m];
    m -= (int)m;
    digits[si++] = '.';
    for (int i = 0; i < 13; i++) {
        m *= 16.0;
        digits[si++] = "0123456789abcdef"[(int)m];
        m -= (int)m;
    }
    digits[si] = 0;
    snprintf(buf, sizeof buf, "%s0x%sp%c%d", x < 0 ? "-" : "", digits, e < 0 ? '-' : '+',
             e < 0 ? -e : e);
    return str_from_cstr(buf);
}

static Object *
float_fromhex(Object *cls, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *s = args[0];
    if (!STR_CHECK(s))
        return err_format(exc_TypeError, "must be str, not %s", TYPE(s)->name);
    ssize_t n;
    const char *u = str_as_utf8(s, &n);
    if (!u)
        return NULL;
    char *end;
    errno = 0;
    while (*u == ' ' || *u == '\t' || *u == '\n')
        u++;
    double d = strtod(u, &end);
    while (*end == ' ' || *end == '\t' || *end == '\n')
        end++;
    if (*end || end == u)
        return err_set(exc_ValueError, "invalid hexadecimal floating-point string");
    if (errno == ERANGE && isinf(d))
        return err_set(exc_OverflowError, "hexadecimal value too large to represent as a "
                                          "float");
    Object *r = float_from_double(d);
    if (r && cls != (Object *)&float_type) {
        Object *x = obj_call_one(cls, r);
        decref(r);
        return x;
    }
    return r;
}

static int
float_format_into(Object *self, const FormatSpec *spec, Buf *out)
{
    return format_double(out, FLOAT_VAL(self), spec);
}

static Object *
float_format_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return format_method(self, args[0], "float", float_format_into);
}

static Object *
float_getnewargs(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *f = float_from_double(FLOAT_VAL(self));
    if (!f)
        return NULL;
    Object *r = tuple_pack(1, f);
    decref(f);
    return r;
}

static Object *
float_get_real(Object *self, void *c)
{
    return float_float(self);
}

static Object *
float_get_imag(Object *self, void *c)
{
    return float_from_double(0.0);
}

static const MethodDef float_methods[] = {
    {"conjugate", float_conjugate, METH_NOARGS, NULL},
    {"__trunc__", float_trunc, METH_NOARGS, NULL},
    {"__floor__", float_floor, METH_NOARGS, NULL},
    {"__ceil__", float_ceil, METH_NOARGS, NULL},
    {"__round__", float_round, METH_VARARGS, NULL},
    {"as_integer_ratio", float_as_integer_ratio, METH_NOARGS, NULL},
    {"fromhex", float_fromhex, METH_O | METH_CLASS, NULL},
    {"hex", float_hex, METH_NOARGS, NULL},
    {"is_integer", float_is_integer, METH_NOARGS, NULL},
    {"__getnewargs__", float_getnewargs, METH_NOARGS, NULL},
    {"__format__", float_format_meth, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef float_getset[] = {
    {"real", float_get_real, NULL, NULL, NULL},
    {"imag", float_get_imag, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TypeObject float_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "float",
    .basicsize = sizeof(FloatObject),
    .flags = TPFLAG_BASETYPE,
    .doc = "Convert a string or number to a floating point number, if possible.",
    .dealloc = float_dealloc,
    .free = obj_free,
    .repr = float_repr_obj,
    .hash = float_hash,
    .richcompare = float_richcompare,
    .getattro = obj_generic_getattr,
    .new_ = float_new_impl,
    .new_vectorcall = float_vectorcall_new,
    .alloc = type_generic_alloc,
    .nb_add = float_add,
    .nb_subtract = float_sub,
    .nb_multiply = float_mul,
    .nb_remainder = float_rem,
    .nb_divmod = float_divmod,
    .nb_power = float_pow,
    .nb_negative = float_neg,
    .nb_positive = float_pos,
    .nb_absolute = float_abs,
    .nb_bool = float_bool,
    .nb_int = float_int,
    .nb_float = float_float,
    .nb_floor_divide = float_floor_div,
    .nb_true_divide = float_div,
    .methods = float_methods,
    .getset = float_getset,
};
