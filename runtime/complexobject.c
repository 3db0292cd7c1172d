/*
** complexobject.c -- complex numbers (CPython's Objects/complexobject.c, trimmed):
** construction, arithmetic with int/float/complex, abs, comparison for equality, hash,
** and CPython's repr ("1j", "(1+2j)", "(-0-1j)").
*/
#include "complexobject.h"
#include "gc.h"
#include "error.h"
#include "intobject.h"
#include "floatobject.h"
#include "strobject.h"
#include "tupleobject.h"
#include "dictobject.h"
#include "typeobject.h"
#include "methodobject.h"
#include "format.h"
#include "hash.h"
#include <math.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>

Object *
complex_from_doubles(double real, double imag)
{
    ComplexObject *c = (ComplexObject *)obj_alloc(&complex_type, 0);
    if (!c)
        return NULL;
    c->real = real;
    c->imag = imag;
    return (Object *)c;
}

/* 1 ok, 0 not a number, -1 error */
static int
to_complex(Object *o, double *re, double *im)
{
    if (obj_type_check(o, &complex_type)) {
        *re = ((ComplexObject *)o)->real;
        *im = ((ComplexObject *)o)->imag;
        return 1;
    }
    if (FLOAT_CHECK(o)) {
        *re = FLOAT_VAL(o);
        *im = 0.0;
        return 1;
    }
    if (INT_CHECK(o)) {
        *re = int_as_double(o);
        *im = 0.0;
        return (*re == -1.0 && err_occurred()) ? -1 : 1;
    }
    return 0;
}

#define CONV2(a, b)                                                                      \
    double ar, ai, br, bi;                                                               \
    do {                                                                                 \
        int r1 = to_complex(a, &ar, &ai);                                                \
        if (r1 <= 0)                                                                     \
            return r1 < 0 ? NULL : newref(NotImplemented);                               \
        int r2 = to_complex(b, &br, &bi);                                                \
        if (r2 <= 0)                                                                     \
            return r2 < 0 ? NULL : newref(NotImplemented);                               \
    } while (0)

static Object *
complex_add(Object *a, Object *b)
{
    CONV2(a, b);
    return complex_from_doubles(ar + br, ai + bi);
}

static Object *
complex_sub(Object *a, Object *b)
{
    CONV2(a, b);
    return complex_from_doubles(ar - br, ai - bi);
}

static Object *
complex_mul(Object *a, Object *b)
{
    CONV2(a, b);
    return complex_from_doubles(ar * br - ai * bi, ar * bi + ai * br);
}

static int
c_quot(double ar, double ai, double br, double bi, double *rr, double *ri)
{
    double abs_breal = fabs(br), abs_bimag = fabs(bi);
    if (abs_breal >= abs_bimag) {
        if (abs_breal == 0.0) {
            errno = EDOM;
            *rr = *ri = 0.0;
            return -1;
        }
        double ratio = bi / br;
        double denom = br + bi * ratio;
        *rr = (ar + ai * ratio) / denom;
        *ri = (ai - ar * ratio) / denom;
    } else if (abs_bimag >= abs_breal) {
        double ratio = br / bi;
        double denom = br * ratio + bi;
        *rr = (ar * ratio + ai) / denom;
        *ri = (ai * ratio - ar) / denom;
    } else {
        *rr = *ri = NAN;
    }
    return 0;
}

static Object *
complex_div(Object *a, Object *b)
{
    CONV2(a, b);
    double rr, ri;
    if (c_quot(ar, ai, br, bi, &rr, &ri) < 0)
        return err_set(exc_ZeroDivisionError, "complex division by zero");
    return complex_from_doubles(rr, ri);
}

Object *complex_pow_doubles(double ar, double ai, double br, double bi);
Object *
complex_pow_doubles(double ar, double ai, double br, double bi)
{
    double rr, ri;
    if (br == 0. && bi == 0.) {
        rr = 1.;
        ri = 0.;
    } else if (ar == 0. && ai == 0.) {
        if (bi != 0. || br < 0.)
            return err_set(exc_ZeroDivisionError, "0.0 to a negative or complex power");
        rr = 0.;
        ri = 0.;
    } else {
        double vabs = hypot(ar, ai);
        double len = pow(vabs, br);
        double at = atan2(ai, ar);
        double phase = at * br;
        if (bi != 0.0) {
            len /= exp(at * bi);
            phase += bi * log(vabs);
        }
        rr = len * cos(phase);
        ri = len * sin(phase);
    }
    if (isinf(rr) || isinf(ri))
        return err_set(exc_OverflowError, "complex exponentiation");
    return complex_from_doubles(rr, ri);
}

static Object *
complex_pow(Object *a, Object *b, Object *z)
{
    if (z != None)
        return err_set(exc_ValueError, "complex modulo");
    CONV2(a, b);
    /* small integer exponents by repeated multiplication, as CPython */
    if (bi == 0.0 && br == floor(br) && fabs(br) <= 100.0) {
        long n = (long)br;
        double rr = 1.0, ri = 0.0, xr = ar, xi = ai;
        long m = n < 0 ? -n : n;
        while (m) {
            if (m & 1) {
                double t = rr * xr - ri * xi;
                ri = rr * xi + ri * xr;
                rr = t;
            }
            double t = xr * xr - xi * xi;
            xi = 2 * xr * xi;
            xr = t;
            m >>= 1;
        }
        if (n < 0) {
            double qr, qi;
            if (c_quot(1.0, 0.0, rr, ri, &qr, &qi) < 0)
                return err_set(exc_ZeroDivisionError, "0.0 to a negative or complex power");
            rr = qr;
            ri = qi;
        }
        return complex_from_doubles(rr, ri);
    }
    return complex_pow_doubles(ar, ai, br, bi);
}

static Object *
complex_neg(Object *a)
{
    ComplexObject *c = (ComplexObject *)a;
    return complex_from_doubles(-c->real, -c->imag);
}

static Object *
complex_pos(Object *a)
{
    ComplexObject *c = (ComplexObject *)a;
    if (TYPE(a) == &complex_type)
        return newref(a);               /* +c is c for an exact complex */
    return complex_from_doubles(c->real, c->imag);
}

static Object *
complex_abs(Object *a)
{
    ComplexObject *c = (ComplexObject *)a;
    double r = hypot(c->real, c->imag);
    if (isinf(r) && isfinite(c->real) && isfinite(c->imag))
        return err_set(exc_OverflowError, "absolute value too large");
    return float_from_double(r);
}

static int
complex_bool(Object *a)
{
    ComplexObject *c = (ComplexObject *)a;
    return c->real != 0.0 || c->imag != 0.0;
}

static Object *
complex_richcompare(Object *a, Object *b, int op)
{
    if (op != CMP_EQ && op != CMP_NE)
        return newref(NotImplemented);
    double ar, ai, br, bi;
    if (to_complex(a, &ar, &ai) <= 0 || to_complex(b, &br, &bi) <= 0) {
        err_clear();
        return newref(NotImplemented);
    }
    int eq = ar == br && ai == bi;
    return bool_from(op == CMP_EQ ? eq : !eq);
}

static hash_t
complex_hash(Object *o)
{
    ComplexObject *c = (ComplexObject *)o;
    size_t hr = (size_t)float_hash_double(o, c->real);
    size_t hi = (size_t)float_hash_double(o, c->imag);
    size_t combined = hr + HASH_IMAG * hi;
    if (combined == (size_t)-1)
        combined = (size_t)-2;
    return (hash_t)combined;
}

static Object *
complex_repr(Object *o)
{
    ComplexObject *c = (ComplexObject *)o;
    Buf b;
    buf_init(&b);
    int ok = 0;
    if (c->real == 0. && copysign(1.0, c->real) == 1.0) {
        ok = dtoa_format(&b, c->imag, 'r', 0, 0) == 0 && buf_putc(&b, 'j') == 0;
    } else {
        ok = buf_putc(&b, '(') == 0 && dtoa_format(&b, c->real, 'r', 0, 0) == 0 &&
             dtoa_format(&b, c->imag, 'r', 0, DTOA_SIGN) == 0 && buf_puts(&b, "j)") == 0;
    }
    Object *r = ok ? str_from_utf8(b.data, (ssize_t)b.len) : NULL;
    buf_free(&b);
    return r;
}

static Object *
complex_new_impl(TypeObject *t, Object *args, Object *kwds)
{
    ssize_t n = TUPLE_LEN(args);
    if ((kwds && DICT_LEN(kwds)) || n > 2)
        return err_set(exc_TypeError, "complex() takes at most 2 arguments");
    if (n == 1 && t == &complex_type && TYPE(TUPLE_GET(args, 0)) == &complex_type)
        return newref(TUPLE_GET(args, 0));     /* complex(c) is c */
    double re = 0.0, im = 0.0;
    if (n >= 1) {
        Object *r = TUPLE_GET(args, 0);
        if (STR_CHECK(r)) {
            if (n == 2)
                return err_set(exc_TypeError,
                               "complex() can't take second arg if first is a string");
            ssize_t len;
            const char *s = str_as_utf8(r, &len);
            if (!s)
                return NULL;
            while (len && (*s == ' ' || *s == '\t'))
                s++, len--;
            while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
                len--;
            if (len >= 2 && s[0] == '(' && s[len - 1] == ')')
                s++, len -= 2;
            /* forms: a, bj, a+bj, a-bj */
            char tmp[128];
            if (len >= (ssize_t)sizeof tmp)
                return err_set(exc_ValueError, "complex() arg is a malformed string");
            memcpy(tmp, s, (size_t)len);
            tmp[len] = 0;
            char *end;
            double a = strtod(tmp, &end);
            int okp = 0;
            if (end != tmp) {
                if (*end == 0) {
                    re = a;
                    okp = 1;
                } else if ((*end == 'j' || *end == 'J') && end[1] == 0) {
                    im = a;
                    okp = 1;
                } else if (*end == '+' || *end == '-') {
                    char *e2;
                    double bb = strtod(end, &e2);
                    if (e2 == end + 1 && (*e2 == 'j' || *e2 == 'J')) {
                        bb = *end == '-' ? -1.0 : 1.0;
                    }
                    if ((*e2 == 'j' || *e2 == 'J') && e2[1] == 0) {
                        re = a;
                        im = bb;
                        okp = 1;
                    }
                }
            } else if ((tmp[0] == 'j' || tmp[0] == 'J') && tmp[1] == 0) {
                im = 1.0;
                okp = 1;
            } else if ((tmp[0] == '+' || tmp[0] == '-') && (tmp[1] == 'j' || tmp[1] == 'J') &&
                       tmp[2] == 0) {
                im = tmp[0] == '-' ? -1.0 : 1.0;
                okp = 1;
            }
            if (!okp)
                return err_set(exc_ValueError, "complex() arg is a malformed string");
            goto make;
        }
        double rr, ri;
        int k = to_complex(r, &rr, &ri);
        if (k < 0)
            return NULL;
        if (k == 0) {
            if (TYPE(r)->nb_float || TYPE(r)->nb_index) {
                rr = float_as_double(r);
                ri = 0;
                if (rr == -1.0 && err_occurred())
                    return NULL;
            } else {
                return err_format(exc_TypeError,
                                  "complex() first argument must be a string or a number, not "
                                  "'%s'",
                                  TYPE(r)->name);
            }
        }
        re = rr;
        im = ri;
    }
    if (n == 2) {
        double ir, ii;
        Object *i = TUPLE_GET(args, 1);
        int k = to_complex(i, &ir, &ii);
        if (k < 0)
            return NULL;
        if (k == 0)
            return err_format(exc_TypeError,
                              "complex() second argument must be a number, not '%s'",
                              TYPE(i)->name);
        re -= ii;
        /* CPython adds the first argument's imaginary part only when it is complex, so
        ** complex(-0.0, -0.0) keeps its negative zero */
        im = obj_type_check(TUPLE_GET(args, 0), &complex_type) ? im + ir : ir;
    }
make:
    if (t == &complex_type)
        return complex_from_doubles(re, im);
    Object *o = t->alloc(t, 0);
    if (o) {
        ((ComplexObject *)o)->real = re;
        ((ComplexObject *)o)->imag = im;
        if (OBJ_IS_GC(o))
            gc_track(o);        /* a class with a __dict__: its cycles must be seen */
    }
    return o;
}

static Object *
complex_conjugate(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    ComplexObject *c = (ComplexObject *)self;
    return complex_from_doubles(c->real, -c->imag);
}

static int
complex_format_into(Object *self, const FormatSpec *spec, Buf *out)
{
    ComplexObject *c = (ComplexObject *)self;
    return format_complex(out, c->real, c->imag, spec);
}

static Object *
complex_format_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return format_method(self, args[0], "complex", complex_format_into);
}

static const MethodDef complex_methods[] = {
    {"conjugate", complex_conjugate, METH_NOARGS, NULL},
    {"__format__", complex_format_meth, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static const MemberDef complex_members[] = {
    {"real", MEMBER_DOUBLE, offsetof(ComplexObject, real), MEMBER_READONLY, NULL},
    {"imag", MEMBER_DOUBLE, offsetof(ComplexObject, imag), MEMBER_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

TypeObject complex_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "complex",
    .basicsize = sizeof(ComplexObject),
    .flags = TPFLAG_BASETYPE,
    .dealloc = (destructor)obj_free,
    .repr = complex_repr,
    .hash = complex_hash,
    .richcompare = complex_richcompare,
    .getattro = obj_generic_getattr,
    .new_ = complex_new_impl,
    .alloc = type_generic_alloc,
    .nb_add = complex_add,
    .nb_subtract = complex_sub,
    .nb_multiply = complex_mul,
    .nb_true_divide = complex_div,
    .nb_power = complex_pow,
    .nb_negative = complex_neg,
    .nb_positive = complex_pos,
    .nb_absolute = complex_abs,
    .nb_bool = complex_bool,
    .methods = complex_methods,
    .members = complex_members,
};
