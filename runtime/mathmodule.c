/*
** mathmodule.c -- the 'math' builtin module, following CPython 3.11's Modules/mathmodule.c:
** the same special-value handling, the same error types and messages, and bit-for-bit the
** same results where CPython computes something itself rather than calling libm (gamma,
** lgamma, hypot/dist, fsum, log of huge ints, remainder, pow's special cases).
**
** Organisation: (1) error mapping, (2) CPython's own float kernels, (3) the generic
** wrappers math_1/math_2 and the one-line functions built from them, (4) rounding
** (ceil/floor/trunc use __ceil__/__floor__/__trunc__), (5) logarithms, which accept ints
** of any size, (6) two-argument and tuple-returning functions, (7) hypot/dist, fsum,
** prod, (8) exact integer functions (isqrt, factorial, gcd, lcm, comb, perm), (9) the
** method table and mathmodule_init.
**
** Error conventions ("the spirit of 754", CPython's comment at the top of mathmodule.c):
** a NaN result from non-NaN arguments, or an infinity at a singularity, raises
** ValueError("math domain error"); an infinite result from finite arguments where the
** true result is merely too big raises OverflowError("math range error"); underflow
** quietly returns a zero.  libm's errno is consulted as a fallback (math_is_error).
**
** Integer-valued results are exact ints: the integer functions work on int objects
** with the int API and drop to 64-bit C arithmetic only where that is provably exact.
*/
#include "modules.h"
#include "object.h"
#include "error.h"
#include "intobject.h"
#include "floatobject.h"
#include "tupleobject.h"
#include "strobject.h"
#include "typeobject.h"
#include "methodobject.h"
#include "moduleobject.h"
#include "heap.h"
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>


#define MATH_PI 3.141592653589793238462643383279502884197
#define MATH_E 2.718281828459045235360287471352662497757
#define MATH_TAU 6.283185307179586476925286766559005768394
#define MATH_LOGPI 1.144729885849400174143427351353058711647

/* ================================================================ error mapping */

static Object *
math_domain_error(void)
{
    return err_set(exc_ValueError, "math domain error");
}

static Object *
math_range_error(void)
{
    return err_set(exc_OverflowError, "math range error");
}

/* Called when errno != 0 after a libm call returning r: set the exception and return 1,
** or return 0 when errno only reports a harmless underflow.  ERANGE with |r| < 1.5 is an
** underflow (1.5 rather than 1.0 so that expm1 underflowing towards -1 counts too,
** bpo-46018). */
static int
math_is_error(double r)
{
    if (errno == EDOM) {
        math_domain_error();
        return 1;
    }
    if (errno == ERANGE) {
        if (fabs(r) < 1.5)
            return 0;
        math_range_error();
        return 1;
    }
    err_format(exc_ValueError, "%s", strerror(errno));
    return 1;
}

/* The clinic 'double' converter: exact floats directly, anything else through
** __float__/__index__ ("must be real number, not str").  0, or -1 with an exception. */
static int
math_arg_double(Object *o, double *out)
{
    if (FLOAT_CHECK_EXACT(o)) {
        *out = FLOAT_VAL(o);
        return 0;
    }
    double d = float_as_double(o);
    if (d == -1.0 && err_occurred())
        return -1;
    *out = d;
    return 0;
}

/* ================================================================ CPython's float kernels */

/* sin(pi*x) for finite x, exact at integers and half-integers (used by the reflection
** formula of gamma and lgamma). */
static double
math_sinpi(double x)
{
    double y = fmod(fabs(x), 2.0), r;
    int n = (int)round(2.0 * y);
    switch (n) {
    case 0:
        r = sin(MATH_PI * y);
        break;
    case 1:
        r = cos(MATH_PI * (y - 0.5));
        break;
    case 2:
        r = sin(MATH_PI * (1.0 - y));      /* not -sin(pi*(y-1)): that gives -0.0 at y=1 */
        break;
    case 3:
        r = -cos(MATH_PI * (y - 1.5));
        break;
    default:
        r = sin(MATH_PI * (y - 2.0));
        break;
    }
    return copysign(1.0, x) * r;
}

/* Lanczos approximation with N=13, g=6.024680040776729583740234375 (Boost's parameters,
** as CPython uses them), written as a rational function num(x)/den(x). */
#define LANCZOS_N 13
static const double lanczos_g = 6.024680040776729583740234375;
static const double lanczos_g_minus_half = 5.524680040776729583740234375;
static const double lanczos_num_coeffs[LANCZOS_N] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
};
/* denominator: x*(x+1)*...*(x+LANCZOS_N-2) */
static const double lanczos_den_coeffs[LANCZOS_N] = {
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
    13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
};

#define NGAMMA_INTEGRAL 23     /* gamma(1) .. gamma(23) are exact doubles */
static const double gamma_integral[NGAMMA_INTEGRAL] = {
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0,
    3628800.0, 39916800.0, 479001600.0, 6227020800.0, 87178291200.0,
    1307674368000.0, 20922789888000.0, 355687428096000.0,
    6402373705728000.0, 121645100408832000.0, 2432902008176640000.0,
    51090942171709440000.0, 1124000727777607680000.0,
};

/* L_g(x) for x > 0.  Below 5 evaluate in x; above, in 1/x (numerator and denominator
** scaled by x**(1-N)) to avoid overflow and lose less accuracy. */
static double
math_lanczos_sum(double x)
{
    double num = 0.0, den = 0.0;
    if (x < 5.0) {
        for (int i = LANCZOS_N; --i >= 0;) {
            num = num * x + lanczos_num_coeffs[i];
            den = den * x + lanczos_den_coeffs[i];
        }
    } else {
        for (int i = 0; i < LANCZOS_N; i++) {
            num = num / x + lanczos_num_coeffs[i];
            den = den / x + lanczos_den_coeffs[i];
        }
    }
    return num / den;
}

/* The real gamma function; sets errno as C99 Annex F asks.  pow(x+g-0.5, x-0.5) is
** corrected for the rounding error of x+g-0.5 by the factor (1 + e*g/y) (CPython's
** "Correction factor" note). */
static double
math_tgamma_kernel(double x)
{
    double absx, r, y, z, sqrtpow;

    if (!isfinite(x)) {
        if (isnan(x) || x > 0.0)
            return x;                   /* gamma(nan) = nan, gamma(inf) = inf */
        errno = EDOM;
        return NAN;                     /* gamma(-inf) = nan, invalid */
    }
    if (x == 0.0) {
        errno = EDOM;
        return copysign(HUGE_VAL, x);   /* gamma(+-0) = +-inf, divide-by-zero */
    }
    if (x == floor(x)) {
        if (x < 0.0) {
            errno = EDOM;               /* negative integers: invalid */
            return NAN;
        }
        if (x <= NGAMMA_INTEGRAL)
            return gamma_integral[(int)x - 1];
    }
    absx = fabs(x);
    if (absx < 1e-20) {                 /* gamma(x) ~ 1/x near 0 */
        r = 1.0 / x;
        if (isinf(r))
            errno = ERANGE;
        return r;
    }
    if (absx > 200.0) {                 /* overflows above 200, underflows below -200 */
        if (x < 0.0)
            return 0.0 / math_sinpi(x);
        errno = ERANGE;
        return HUGE_VAL;
    }

    y = absx + lanczos_g_minus_half;
    /* the rounding error in y, computed exactly */
    if (absx > lanczos_g_minus_half) {
        volatile double q = y - absx;
        z = q - lanczos_g_minus_half;
    } else {
        volatile double q = y - lanczos_g_minus_half;
        z = q - absx;
    }
    z = z * lanczos_g / y;
    if (x < 0.0) {
        r = -MATH_PI / math_sinpi(absx) / absx * exp(y) / math_lanczos_sum(absx);
        r -= z * r;
        if (absx < 140.0) {
            r /= pow(y, absx - 0.5);
        } else {
            sqrtpow = pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = math_lanczos_sum(absx) / exp(y);
        r += z * r;
        if (absx < 140.0) {
            r *= pow(y, absx - 0.5);
        } else {
            sqrtpow = pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if (isinf(r))
        errno = ERANGE;
    return r;
}

/* log|gamma(x)|, Lanczos for large arguments and the reflection formula for x < 0. */
static double
math_lgamma_kernel(double x)
{
    double r, absx;

    if (!isfinite(x)) {
        if (isnan(x))
            return x;
        return HUGE_VAL;                /* lgamma(+-inf) = +inf */
    }
    if (x == floor(x) && x <= 2.0) {
        if (x <= 0.0) {
            errno = EDOM;               /* poles at the non-positive integers */
            return HUGE_VAL;
        }
        return 0.0;                     /* lgamma(1) = lgamma(2) = 0 */
    }
    absx = fabs(x);
    if (absx < 1e-20)
        return -log(absx);
    r = log(math_lanczos_sum(absx)) - lanczos_g;
    r += (absx - 0.5) * (log(absx + lanczos_g - 0.5) - 1);
    if (x < 0.0)
        r = MATH_LOGPI - log(fabs(math_sinpi(absx))) - log(absx) - r;
    if (isinf(r))
        errno = ERANGE;
    return r;
}

/* atan2 with C99's special cases handled here rather than trusted to libm. */
static double
math_atan2_kernel(double y, double x)
{
    if (isnan(x) || isnan(y))
        return NAN;
    if (isinf(y)) {
        if (isinf(x)) {
            if (copysign(1., x) == 1.)
                return copysign(0.25 * MATH_PI, y);     /* atan2(+-inf, +inf) */
            return copysign(0.75 * MATH_PI, y);         /* atan2(+-inf, -inf) */
        }
        return copysign(0.5 * MATH_PI, y);
    }
    if (isinf(x) || y == 0.) {
        if (copysign(1., x) == 1.)
            return copysign(0., y);
        return copysign(MATH_PI, y);
    }
    return atan2(y, x);
}

/* IEEE 754 remainder: x - n*y with n the integer nearest x/y, ties to even.  Exact.
** m = fmod(|x|, |y|) is compared with its complement c = |y| - m rather than with
** |y|/2, which might not be representable (see CPython's m_remainder for the proof). */
static double
math_remainder_kernel(double x, double y)
{
    if (isfinite(x) && isfinite(y)) {
        double absx, absy, c, m, r;
        if (y == 0.0)
            return NAN;
        absx = fabs(x);
        absy = fabs(y);
        m = fmod(absx, absy);
        c = absy - m;
        if (m < c)
            r = m;
        else if (m > c)
            r = -c;
        else    /* halfway: m if the quotient is even, -m if odd */
            r = m - 2.0 * fmod(0.5 * (absx - m), absy);
        return copysign(1.0, x) * r;
    }
    if (isnan(x))
        return x;
    if (isnan(y))
        return y;
    if (isinf(x))
        return NAN;
    return x;                           /* y infinite, x finite */
}

/* log, log2, log10 with the special values decided here (platforms disagree). */
static double
math_log_kernel(double x)
{
    if (isfinite(x)) {
        if (x > 0.0)
            return log(x);
        errno = EDOM;
        return x == 0.0 ? -HUGE_VAL : NAN;
    }
    if (isnan(x) || x > 0.0)
        return x;
    errno = EDOM;
    return NAN;
}

static double
math_log2_kernel(double x)
{
    if (!isfinite(x)) {
        if (isnan(x) || x > 0.0)
            return x;
        errno = EDOM;
        return NAN;
    }
    if (x > 0.0)
        return log2(x);
    errno = EDOM;
    return x == 0.0 ? -HUGE_VAL : NAN;
}

static double
math_log10_kernel(double x)
{
    if (isfinite(x)) {
        if (x > 0.0)
            return log10(x);
        errno = EDOM;
        return x == 0.0 ? -HUGE_VAL : NAN;
    }
    if (isnan(x) || x > 0.0)
        return x;
    errno = EDOM;
    return NAN;
}

/* log1p that keeps the sign of a zero argument on every platform. */
static double
math_log1p_kernel(double x)
{
    return x == 0.0 ? x : log1p(x);
}

/* ================================================================ generic wrappers */

/* One double in, one double out: NaN from non-NaN is a domain error; an infinity from
** a finite argument is an overflow if 'can_overflow', else a singularity (domain). */
static Object *
math_1(Object *arg, double (*func)(double), int can_overflow)
{
    double x, r;
    if (math_arg_double(arg, &x) < 0)
        return NULL;
    errno = 0;
    r = func(x);
    if (isnan(r) && !isnan(x))
        return math_domain_error();
    if (isinf(r) && isfinite(x))
        return can_overflow ? math_range_error() : math_domain_error();
    if (isfinite(r) && errno && math_is_error(r))
        return NULL;
    return float_from_double(r);
}

/* For kernels known to set errno properly (gamma, lgamma, erf, erfc). */
static Object *
math_1a(Object *arg, double (*func)(double))
{
    double x, r;
    if (math_arg_double(arg, &x) < 0)
        return NULL;
    errno = 0;
    r = func(x);
    if (errno && math_is_error(r))
        return NULL;
    return float_from_double(r);
}

/* "math.NAME() takes no keyword arguments" and "NAME expected 2 arguments, got N". */
static int
math_check_args(const char *qualname, const char *name, ssize_t nargs, Object *kwnames,
                size_t min, size_t max)
{
    if (arg_no_kwargs(qualname, kwnames) < 0)
        return -1;
    return arg_check_count(name, (size_t)nargs, min, max);
}

/* Two doubles in: NaN from non-NaNs is a domain error, an infinity from finite
** arguments an overflow. */
static Object *
math_2(Object *const *args, ssize_t nargs, Object *kwnames, double (*func)(double, double),
       const char *qualname, const char *name)
{
    double x, y, r;
    if (math_check_args(qualname, name, nargs, kwnames, 2, 2) < 0)
        return NULL;
    if (math_arg_double(args[0], &x) < 0 || math_arg_double(args[1], &y) < 0)
        return NULL;
    errno = 0;
    r = func(x, y);
    if (isnan(r))
        errno = (!isnan(x) && !isnan(y)) ? EDOM : 0;
    else if (isinf(r))
        errno = (isfinite(x) && isfinite(y)) ? ERANGE : 0;
    if (errno && math_is_error(r))
        return NULL;
    return float_from_double(r);
}

#define MATH_FUNC1(fname, kernel, can_overflow)                                          \
    static Object *math_##fname(Object *self, Object *const *args, ssize_t nargs,        \
                                Object *kwnames)                                         \
    {                                                                                    \
        return math_1(args[0], kernel, can_overflow);                                    \
    }

#define MATH_FUNC1A(fname, kernel)                                                       \
    static Object *math_##fname(Object *self, Object *const *args, ssize_t nargs,        \
                                Object *kwnames)                                         \
    {                                                                                    \
        return math_1a(args[0], kernel);                                                 \
    }

#define MATH_FUNC2(fname, kernel)                                                        \
    static Object *math_##fname(Object *self, Object *const *args, ssize_t nargs,        \
                                Object *kwnames)                                         \
    {                                                                                    \
        return math_2(args, nargs, kwnames, kernel, "math." #fname, #fname);             \
    }

MATH_FUNC1(acos, acos, 0)
MATH_FUNC1(acosh, acosh, 0)
MATH_FUNC1(asin, asin, 0)
MATH_FUNC1(asinh, asinh, 0)
MATH_FUNC1(atan, atan, 0)
MATH_FUNC1(atanh, atanh, 0)
MATH_FUNC1(cbrt, cbrt, 0)
MATH_FUNC1(cos, cos, 0)
MATH_FUNC1(cosh, cosh, 1)
MATH_FUNC1(exp, exp, 1)
MATH_FUNC1(exp2, exp2, 1)
MATH_FUNC1(expm1, expm1, 1)
MATH_FUNC1(fabs, fabs, 0)
MATH_FUNC1(log1p, math_log1p_kernel, 0)
MATH_FUNC1(sin, sin, 0)
MATH_FUNC1(sinh, sinh, 1)
MATH_FUNC1(sqrt, sqrt, 0)
MATH_FUNC1(tan, tan, 0)
MATH_FUNC1(tanh, tanh, 0)
MATH_FUNC1A(erf, erf)
MATH_FUNC1A(erfc, erfc)
MATH_FUNC1A(gamma, math_tgamma_kernel)
MATH_FUNC1A(lgamma, math_lgamma_kernel)
MATH_FUNC2(atan2, math_atan2_kernel)
MATH_FUNC2(copysign, copysign)
MATH_FUNC2(remainder, math_remainder_kernel)

/* ================================================================ rounding */

/* Call type(x).<name>() if the type defines it: 1 with *out set, 0 if it does not. */
static int
math_call_special(Object *x, Object *name, Object **out)
{
    if (!type_lookup(TYPE(x), name))
        return 0;
    *out = type_call_special(x, name, NULL, 0);
    return 1;
}

static Object *
math_ceil(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *x = args[0], *r;
    double d;
    if (!FLOAT_CHECK_EXACT(x) && math_call_special(x, ID(__ceil__), &r))
        return r;
    if (math_arg_double(x, &d) < 0)
        return NULL;
    return int_from_double(ceil(d));
}

static Object *
math_floor(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *x = args[0], *r;
    double d;
    if (!FLOAT_CHECK_EXACT(x) && math_call_special(x, ID(__floor__), &r))
        return r;
    if (math_arg_double(x, &d) < 0)
        return NULL;
    return int_from_double(floor(d));
}

static Object *
math_trunc(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *x = args[0], *r;
    if (FLOAT_CHECK_EXACT(x))
        return float_type.nb_int(x);
    if (math_call_special(x, ID(__trunc__), &r))
        return r;
    return err_format(exc_TypeError, "type %s doesn't define __trunc__ method",
                      TYPE(x)->name);
}

/* ================================================================ logarithms */

/* For a positive int too large for a double: m, e with v ~= m * 2**e, 0.5 <= m < 1 and
** m correctly rounded (the top 55 bits plus a sticky bit for everything below them). */
static double
math_int_frexp(Object *v, ssize_t *e)
{
    size_t nbits = int_bit_length(v);
    size_t shift = nbits - 55;          /* nbits >= 1024 here */
    const digit *d = INT_DIGITS(v);
    size_t lo = shift / INT_SHIFT;
    unsigned int sub = (unsigned int)(shift % INT_SHIFT);
    uint64_t top = 0;
    int sticky = (d[lo] & (((digit)1 << sub) - 1)) != 0;
    for (size_t i = 0; i < lo && !sticky; i++)
        sticky = d[i] != 0;
    /* gather 55 bits starting at bit 'shift' from digits lo, lo+1, lo+2 */
    unsigned int got = 0;
    for (size_t i = lo; got < 55 + sub && i < (size_t)SIZE(v); i++, got += INT_SHIFT) {
        uint64_t dv = d[i];
        if (got == 0)
            top = dv >> sub;
        else
            top |= dv << (got - sub);
    }
    top &= ((uint64_t)1 << 55) - 1;
    top |= (uint64_t)sticky;
    double m = ldexp((double)top, -55);
    *e = (ssize_t)nbits;
    if (m == 1.0) {
        m = 0.5;
        *e += 1;
    }
    return m;
}

/* log-like function of any real, ints of any size included (a huge int is split into
** mantissa and exponent: func(m) + func(2)*e). */
static Object *
math_loghelper(Object *arg, double (*func)(double))
{
    if (INT_CHECK(arg)) {
        if (int_sign(arg) <= 0)
            return math_domain_error();
        double x = int_as_double(arg);
        if (x == -1.0 && err_occurred()) {
            if (!err_matches(exc_OverflowError))
                return NULL;
            err_clear();
            ssize_t e;
            x = math_int_frexp(arg, &e);
            return float_from_double(func(x) + func(2.0) * (double)e);
        }
        return float_from_double(func(x));
    }
    return math_1(arg, func, 0);
}

static Object *
math_log(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (arg_no_kwargs("log", kwnames) < 0)
        return NULL;
    if (nargs < 1 || nargs > 2)
        return err_set(exc_TypeError, "math.log requires 1 to 2 arguments");
    Object *num = math_loghelper(args[0], math_log_kernel);
    if (!num || nargs == 1)
        return num;
    Object *den = math_loghelper(args[1], math_log_kernel);
    if (!den) {
        decref(num);
        return NULL;
    }
    double n = FLOAT_VAL(num), d = FLOAT_VAL(den);
    decref(num);
    decref(den);
    if (d == 0.0)
        return err_set(exc_ZeroDivisionError, "float division by zero");
    return float_from_double(n / d);
}

static Object *
math_log2(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return math_loghelper(args[0], math_log2_kernel);
}

static Object *
math_log10(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return math_loghelper(args[0], math_log10_kernel);
}

/* ================================================================ two-argument functions */

static Object *
math_pow(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    double x, y, r = 0.;
    if (math_check_args("math.pow", "pow", nargs, kwnames, 2, 2) < 0)
        return NULL;
    if (math_arg_double(args[0], &x) < 0 || math_arg_double(args[1], &y) < 0)
        return NULL;
    /* IEEE specials decided here (C99 Annex F), finite**finite left to libm */
    if (!isfinite(x) || !isfinite(y)) {
        errno = 0;
        if (isnan(x)) {
            r = y == 0. ? 1. : x;                   /* nan**0 = 1 */
        } else if (isnan(y)) {
            r = x == 1. ? 1. : y;                   /* 1**nan = 1 */
        } else if (isinf(x)) {
            int odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
            if (y > 0.)
                r = odd_y ? x : fabs(x);
            else if (y == 0.)
                r = 1.;
            else
                r = odd_y ? copysign(0., x) : 0.;
        } else {                                    /* y infinite */
            if (fabs(x) == 1.0)
                r = 1.;
            else if (y > 0. && fabs(x) > 1.0)
                r = y;
            else if (y < 0. && fabs(x) < 1.0)
                r = -y;                             /* +inf */
            else
                r = 0.;
        }
    } else {
        errno = 0;
        r = pow(x, y);
        if (!isfinite(r)) {
            if (isnan(r))
                errno = EDOM;                       /* (-ve)**(non-integer) */
            else if (x == 0.)
                errno = EDOM;                       /* 0**negative: divide-by-zero */
            else
                errno = ERANGE;                     /* overflow */
        }
    }
    if (errno && math_is_error(r))
        return NULL;
    return float_from_double(r);
}

static Object *
math_fmod(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    double x, y, r;
    if (math_check_args("math.fmod", "fmod", nargs, kwnames, 2, 2) < 0)
        return NULL;
    if (math_arg_double(args[0], &x) < 0 || math_arg_double(args[1], &y) < 0)
        return NULL;
    if (isinf(y) && isfinite(x))        /* fmod(x, +-inf) is x for finite x */
        return float_from_double(x);
    errno = 0;
    r = fmod(x, y);
    if (isnan(r))
        errno = (!isnan(x) && !isnan(y)) ? EDOM : 0;
    if (errno && math_is_error(r))
        return NULL;
    return float_from_double(r);
}

static Object *
math_ldexp(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    double x, r;
    long e;
    int overflow;
    if (math_check_args("math.ldexp", "ldexp", nargs, kwnames, 2, 2) < 0)
        return NULL;
    if (math_arg_double(args[0], &x) < 0)
        return NULL;
    if (!INT_CHECK(args[1]))
        return err_set(exc_TypeError, "Expected an int as second argument to ldexp.");
    e = int_as_long_and_overflow(args[1], &overflow);
    if (e == -1 && err_occurred())
        return NULL;
    if (overflow)
        e = overflow < 0 ? LONG_MIN : LONG_MAX;
    errno = 0;
    if (x == 0. || !isfinite(x)) {
        r = x;                          /* zeros, infinities and nans unchanged */
    } else if (e > INT_MAX) {
        r = copysign(HUGE_VAL, x);
        errno = ERANGE;
    } else if (e < INT_MIN) {
        r = copysign(0., x);            /* underflow to +-0 */
    } else {
        r = ldexp(x, (int)e);
        errno = isinf(r) ? ERANGE : 0;
    }
    if (errno && math_is_error(r))
        return NULL;
    return float_from_double(r);
}

static Object *
math_frexp(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    double x;
    int i = 0;
    if (math_arg_double(args[0], &x) < 0)
        return NULL;
    if (!(isnan(x) || isinf(x) || x == 0.0))
        x = frexp(x, &i);
    Object *m = float_from_double(x);
    if (!m)
        return NULL;
    Object *e = int_from_long(i);
    if (!e) {
        decref(m);
        return NULL;
    }
    Object *t = tuple_pack(2, m, e);
    decref(m);
    decref(e);
    return t;
}

static Object *
math_pack_floats(double a, double b)
{
    Object *x = float_from_double(a);
    if (!x)
        return NULL;
    Object *y = float_from_double(b);
    if (!y) {
        decref(x);
        return NULL;
    }
    Object *t = tuple_pack(2, x, y);
    decref(x);
    decref(y);
    return t;
}

static Object *
math_modf(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    double x, ip;
    if (math_arg_double(args[0], &x) < 0)
        return NULL;
    if (isinf(x))
        return math_pack_floats(copysign(0., x), x);
    if (isnan(x))
        return math_pack_floats(x, x);
    x = modf(x, &ip);
    return math_pack_floats(x, ip);
}

static Object *
math_nextafter(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    double x, y;
    if (math_check_args("math.nextafter", "nextafter", nargs, kwnames, 2, 2) < 0)
        return NULL;
    if (math_arg_double(args[0], &x) < 0 || math_arg_double(args[1], &y) < 0)
        return NULL;
    return float_from_double(nextafter(x, y));
}

static Object *
math_ulp(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    double x;
    if (math_arg_double(args[0], &x) < 0)
        return NULL;
    if (isnan(x))
        return float_from_double(x);
    x = fabs(x);
    if (isinf(x))
        return float_from_double(x);
    double x2 = nextafter(x, INFINITY);
    if (isinf(x2))                      /* x is the largest finite float */
        return float_from_double(x - nextafter(x, -INFINITY));
    return float_from_double(x2 - x);
}

static const double math_deg_to_rad = MATH_PI / 180.0;
static const double math_rad_to_deg = 180.0 / MATH_PI;

static Object *
math_degrees(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    double x;
    if (math_arg_double(args[0], &x) < 0)
        return NULL;
    return float_from_double(x * math_rad_to_deg);
}

static Object *
math_radians(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    double x;
    if (math_arg_double(args[0], &x) < 0)
        return NULL;
    return float_from_double(x * math_deg_to_rad);
}

static Object *
math_isfinite(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    double x;
    if (math_arg_double(args[0], &x) < 0)
        return NULL;
    return bool_from(isfinite(x));
}

static Object *
math_isnan(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    double x;
    if (math_arg_double(args[0], &x) < 0)
        return NULL;
    return bool_from(isnan(x));
}

static Object *
math_isinf(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    double x;
    if (math_arg_double(args[0], &x) < 0)
        return NULL;
    return bool_from(isinf(x));
}

/* Argument Clinic's keyword handling (getargs.c _PyArg_UnpackKeywords) for the two
** math functions that take keywords, with its messages: 'names' lists every parameter,
** the first 'posonly' positional-only; 'minpos' are required, at most 'maxpos' may be
** positional.  Fills out[] with borrowed references (NULL when absent). */
static int
math_unpack_kw(const char *fname, Object *const *args, ssize_t nargs, Object *kwnames,
               const char *const *names, int posonly, int minpos, int maxpos, Object **out)
{
    int maxargs = 0;
    while (names[maxargs])
        maxargs++;
    ssize_t nkw = kwnames ? TUPLE_LEN(kwnames) : 0;
    int minposonly = posonly < minpos ? posonly : minpos;

    if (nargs + nkw > maxargs) {
        err_format(exc_TypeError, "%s() takes at most %d %sargument%s (%zd given)", fname,
                   maxargs, nargs == 0 ? "keyword " : "", maxargs == 1 ? "" : "s",
                   nargs + nkw);
        return -1;
    }
    if (nargs > maxpos) {
        if (maxpos == 0)
            err_format(exc_TypeError, "%s() takes no positional arguments", fname);
        else
            err_format(exc_TypeError, "%s() takes %s %d positional argument%s (%zd given)",
                       fname, minpos < maxpos ? "at most" : "exactly", maxpos,
                       maxpos == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs < minposonly) {
        err_format(exc_TypeError, "%s() takes %s %d positional argument%s (%zd given)",
                   fname, minposonly < maxpos ? "at least" : "exactly", minposonly,
                   minposonly == 1 ? "" : "s", nargs);
        return -1;
    }
    for (int i = 0; i < maxargs; i++)
        out[i] = i < nargs ? args[i] : NULL;
    ssize_t left = nkw;
    for (int i = (int)nargs > posonly ? (int)nargs : posonly; i < maxargs; i++) {
        if (left == 0 && i >= minpos)
            break;
        Object *found = NULL;
        for (ssize_t k = 0; k < nkw; k++)
            if (str_eq_cstr(TUPLE_GET(kwnames, k), names[i])) {
                found = args[nargs + k];
                break;
            }
        out[i] = found;
        if (found) {
            left--;
        } else if (i < minpos) {
            err_format(exc_TypeError, "%s() missing required argument '%s' (pos %d)", fname,
                       names[i], i + 1);
            return -1;
        }
    }
    if (left > 0) {
        for (int i = posonly; i < nargs; i++)
            for (ssize_t k = 0; k < nkw; k++)
                if (str_eq_cstr(TUPLE_GET(kwnames, k), names[i])) {
                    err_format(exc_TypeError,
                               "argument for %s() given by name ('%s') and position (%d)",
                               fname, names[i], i + 1);
                    return -1;
                }
        for (ssize_t k = 0; k < nkw; k++) {
            Object *key = TUPLE_GET(kwnames, k);
            int known = 0;
            for (int i = posonly; i < maxargs && !known; i++)
                known = str_eq_cstr(key, names[i]);
            if (!known) {
                err_format(exc_TypeError, "'%U' is an invalid keyword argument for %s()",
                           key, fname);
                return -1;
            }
        }
    }
    return 0;
}

static Object *
math_isclose(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol", NULL};
    Object *argv[4];
    double a, b, rel_tol = 1e-09, abs_tol = 0.0;
    if (arg_clinic_keywords(kwnames, names, 0) < 0)
        return NULL;
    if (math_unpack_kw("isclose", args, nargs, kwnames, names, 0, 2, 2, argv) < 0)
        return NULL;
    if (math_arg_double(argv[0], &a) < 0 || math_arg_double(argv[1], &b) < 0)
        return NULL;
    if (argv[2] && math_arg_double(argv[2], &rel_tol) < 0)
        return NULL;
    if (argv[3] && math_arg_double(argv[3], &abs_tol) < 0)
        return NULL;
    if (rel_tol < 0.0 || abs_tol < 0.0)
        return err_set(exc_ValueError, "tolerances must be non-negative");
    if (a == b)                         /* also two infinities of the same sign */
        return bool_from(1);
    if (isinf(a) || isinf(b))
        return bool_from(0);
    double diff = fabs(b - a);
    return bool_from(diff <= fabs(rel_tol * b) || diff <= fabs(rel_tol * a) ||
                     diff <= abs_tol);
}

/* ================================================================ hypot, dist */

/* sqrt(sum(x*x for x in vec)) for finite non-negative vec[i] <= max, with CPython's
** accuracy tricks so results agree to the bit: power-of-two scaling so the largest term
** is in [0.5, 1); Veltkamp-Dekker splitting to square exactly; compensated (Neumaier)
** summation against an initial 1.0 that keeps |csum| >= every addend; and one
** differential correction of the square root (sqrt(h*h + x) ~ h + x/(2h)). */
static double
math_vector_norm(ssize_t n, const double *vec, double max, int found_nan)
{
    const double T27 = 134217729.0;     /* 2**27 + 1, the Veltkamp splitter */
    double x, scale, oldcsum, csum = 1.0, frac1 = 0.0, frac2 = 0.0, frac3 = 0.0;
    double t, hi, lo, h;
    int max_e;

    if (isinf(max))
        return max;
    if (found_nan)
        return NAN;
    if (max == 0.0 || n <= 1)
        return max;
    frexp(max, &max_e);
    if (max_e < -1023) {
        /* ldexp(1.0, -max_e) would overflow: divide by max instead */
        for (ssize_t i = 0; i < n; i++) {
            x = vec[i] / max;
            x = x * x;
            oldcsum = csum;
            csum += x;
            frac1 += (oldcsum - csum) + x;
        }
        return max * sqrt(csum - 1.0 + frac1);
    }
    scale = ldexp(1.0, -max_e);
    for (ssize_t i = 0; i < n; i++) {
        x = vec[i] * scale;
        t = x * T27;
        hi = t - (t - x);
        lo = x - hi;

        x = hi * hi;
        oldcsum = csum;
        csum += x;
        frac1 += (oldcsum - csum) + x;

        x = 2.0 * hi * lo;
        oldcsum = csum;
        csum += x;
        frac2 += (oldcsum - csum) + x;

        frac3 += lo * lo;
    }
    h = sqrt(csum - 1.0 + (frac1 + frac2 + frac3));

    /* subtract h*h exactly from the accumulated sum, then correct h */
    x = h;
    t = x * T27;
    hi = t - (t - x);
    lo = x - hi;

    x = -hi * hi;
    oldcsum = csum;
    csum += x;
    frac1 += (oldcsum - csum) + x;

    x = -2.0 * hi * lo;
    oldcsum = csum;
    csum += x;
    frac2 += (oldcsum - csum) + x;

    x = -lo * lo;
    oldcsum = csum;
    csum += x;
    frac3 += (oldcsum - csum) + x;

    x = csum - 1.0 + (frac1 + frac2 + frac3);
    return (h + x / (2.0 * h)) / scale;
}

#define MATH_STACK_ELEMS 16

static Object *
math_hypot(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    double stack[MATH_STACK_ELEMS] = {0.0}, *coords = stack, max = 0.0, x;
    int found_nan = 0;
    if (arg_no_kwargs("math.hypot", kwnames) < 0)
        return NULL;
    if (nargs > MATH_STACK_ELEMS) {
        coords = calloc((size_t)nargs, sizeof(double));
        if (!coords)
            return err_no_memory();
    }
    for (ssize_t i = 0; i < nargs; i++) {
        if (math_arg_double(args[i], &x) < 0) {
            if (coords != stack)
                free(coords);
            return NULL;
        }
        x = fabs(x);
        coords[i] = x;
        found_nan |= isnan(x);
        if (x > max)
            max = x;
    }
    double r = math_vector_norm(nargs, coords, max, found_nan);
    if (coords != stack)
        free(coords);
    return float_from_double(r);
}

static Object *
math_dist(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *p = NULL, *q = NULL, *res = NULL;
    double stack[MATH_STACK_ELEMS] = {0.0}, *diffs = stack, max = 0.0, px, qx, x;
    int found_nan = 0;
    if (math_check_args("math.dist", "dist", nargs, kwnames, 2, 2) < 0)
        return NULL;
    p = TUPLE_CHECK(args[0]) ? newref(args[0]) : tuple_from_iterable(args[0]);
    if (!p)
        return NULL;
    q = TUPLE_CHECK(args[1]) ? newref(args[1]) : tuple_from_iterable(args[1]);
    if (!q)
        goto done;
    ssize_t n = TUPLE_LEN(p);
    if (TUPLE_LEN(q) != n) {
        err_set(exc_ValueError, "both points must have the same number of dimensions");
        goto done;
    }
    if (n > MATH_STACK_ELEMS) {
        diffs = calloc((size_t)n, sizeof(double));
        if (!diffs) {
            diffs = stack;
            err_no_memory();
            goto done;
        }
    }
    for (ssize_t i = 0; i < n; i++) {
        if (math_arg_double(TUPLE_GET(p, i), &px) < 0 ||
            math_arg_double(TUPLE_GET(q, i), &qx) < 0)
            goto done;
        x = fabs(px - qx);
        diffs[i] = x;
        found_nan |= isnan(x);
        if (x > max)
            max = x;
    }
    res = float_from_double(math_vector_norm(n, diffs, max, found_nan));
done:
    if (diffs != stack)
        free(diffs);
    xdecref(p);
    xdecref(q);
    return res;
}

/* ================================================================ fsum, prod */

/* Shewchuk's exact summation (Hettinger's msum with Dickinson's final rounding): the
** partials p[0..n) are non-overlapping, non-zero, increasing in magnitude and sum
** exactly to the running total.  Each new x is added to every partial with two-sum
** (hi, lo), keeping the non-zero lo's.  At the end the partials are added from the top
** until the sum becomes inexact, with a half-even fix-up across partials.  Infinities
** and nans are summed separately (inf_sum/special_sum); an infinite partial from finite
** inputs is an intermediate overflow. */
static Object *
math_fsum(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *it, *item, *sum = NULL;
    double stack[32], *p = stack;
    ssize_t n = 0, m = 32;
    double x, y, t, xsave, special_sum = 0.0, inf_sum = 0.0;
    volatile double hi, yr, lo = 0.0;

    it = obj_get_iter(args[0]);
    if (!it)
        return NULL;
    for (;;) {
        item = obj_iter_next(it);
        if (!item) {
            if (err_occurred())
                goto done;
            break;
        }
        int bad = math_arg_double(item, &x);
        decref(item);
        if (bad < 0)
            goto done;

        xsave = x;
        ssize_t i = 0;
        for (ssize_t j = 0; j < n; j++) {
            y = p[j];
            if (fabs(x) < fabs(y)) {
                t = x;
                x = y;
                y = t;
            }
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0)
                p[i++] = lo;
            x = hi;
        }
        n = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                if (isfinite(xsave)) {
                    err_set(exc_OverflowError, "intermediate overflow in fsum");
                    goto done;
                }
                if (isinf(xsave))
                    inf_sum += xsave;
                special_sum += xsave;
                n = 0;                  /* reset partials */
            } else {
                if (n >= m) {
                    double *np;
                    if (p == stack) {
                        np = malloc(sizeof(double) * (size_t)(2 * m));
                        if (np)
                            memcpy(np, stack, sizeof(double) * (size_t)n);
                    } else {
                        np = realloc(p, sizeof(double) * (size_t)(2 * m));
                    }
                    if (!np) {
                        err_set(exc_MemoryError, "math.fsum partials");
                        goto done;
                    }
                    p = np;
                    m *= 2;
                }
                p[n++] = x;
            }
        }
    }

    if (special_sum != 0.0) {
        if (isnan(inf_sum))
            err_set(exc_ValueError, "-inf + inf in fsum");
        else
            sum = float_from_double(special_sum);
        goto done;
    }
    hi = 0.0;
    if (n > 0) {
        hi = p[--n];
        /* sum_exact from the top, stopping when the sum becomes inexact */
        while (n > 0) {
            x = hi;
            y = p[--n];
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0)
                break;
        }
        /* half-even rounding across partials: sum([1e-16, 1, 1e16]) rounds up */
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            y = lo * 2.0;
            x = hi + y;
            yr = x - hi;
            if (y == yr)
                hi = x;
        }
    }
    sum = float_from_double(hi);
done:
    decref(it);
    if (p != stack)
        free(p);
    return sum;
}

static Object *
math_prod(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"iterable", "start", NULL};
    Object *argv[2];
    if (math_unpack_kw("prod", args, nargs, kwnames, names, 1, 1, 1, argv) < 0)
        return NULL;
    Object *it = obj_get_iter(argv[0]);
    if (!it)
        return NULL;
    Object *result = argv[1] ? newref(argv[1]) : int_from_long(1);
    for (;;) {
        Object *item = obj_iter_next(it);
        if (!item) {
            if (err_occurred())
                CLEAR(result);
            break;
        }
        Object *r;
        if (INT_CHECK_EXACT(result) && INT_CHECK_EXACT(item))
            r = int_mul(result, item);
        else
            r = num_multiply(result, item);
        decref(item);
        decref(result);
        result = r;
        if (!result)
            break;
    }
    decref(it);
    return result;
}

/* ================================================================ exact integer functions */

/* Approximate square root of 2**62 <= n < 2**64: a with (a-1)**2 < n < (a+1)**2, by
** the first steps of the adaptive Newton iteration below, in 32-bit arithmetic. */
static uint64_t
math_isqrt_approx64(uint64_t n)
{
    uint32_t u = 1U + (uint32_t)(n >> 62);
    u = (u << 1) + (uint32_t)((n >> 59) / u);
    u = (u << 3) + (uint32_t)((n >> 53) / u);
    u = (u << 7) + (uint32_t)((n >> 41) / u);
    return ((uint64_t)u << 15) + (n >> 17) / u;
}

/* Shift helpers taking C shift counts. */
static Object *
math_rshift(Object *a, size_t s)
{
    Object *so = int_from_size(s);
    if (!so)
        return NULL;
    Object *r = int_rshift(a, so);
    decref(so);
    return r;
}

static Object *
math_lshift(Object *a, size_t s)
{
    Object *so = int_from_size(s);
    if (!so)
        return NULL;
    Object *r = int_lshift(a, so);
    decref(so);
    return r;
}

/* isqrt: the adaptive-precision Newton iteration of CPython's math_isqrt (Mark
** Dickinson's algorithm; its long comment has the proof).  With c = (bits(n)-1)//2,
** each step doubles the number of correct bits of a ~ sqrt(n >> 2*(c-d)):
**     e = d;  d = c >> s;  a = (a << d-e-1) + (n >> 2c-e-d+1) // a
** keeping (a-1)**2 < n >> 2(c-d) < (a+1)**2; finally a or a-1 is the answer. */
static Object *
math_isqrt(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *n = num_index(args[0]), *a = NULL, *t;
    if (!n)
        return NULL;
    int sign = int_sign(n);
    if (sign < 0) {
        decref(n);
        return err_set(exc_ValueError, "isqrt() argument must be nonnegative");
    }
    if (sign == 0) {
        decref(n);
        return int_from_long(0);
    }
    size_t c = (int_bit_length(n) - 1) / 2;
    if (c <= 31) {
        /* n < 2**64: all in C.  u*u - 1 >= m rather than u*u > m, for u == 2**32 */
        uint64_t m = (uint64_t)int_as_ull_mask(n);
        decref(n);
        uint64_t u = math_isqrt_approx64(m << (62U - 2U * c)) >> (31U - c);
        u -= u * u - 1U >= m;
        return int_from_ull(u);
    }
    /* The first five iterations in C, then Python ints. */
    int c_bits = 6;
    while ((c >> c_bits) > 0)
        c_bits++;
    size_t d = c >> (c_bits - 5), e;
    t = math_rshift(n, 2U * c - 62U);
    if (!t)
        goto error;
    uint64_t m = (uint64_t)int_as_ull_mask(t);
    decref(t);
    a = int_from_ull(math_isqrt_approx64(m) >> (31U - d));
    if (!a)
        goto error;
    for (int s = c_bits - 6; s >= 0; s--) {
        e = d;
        d = c >> s;
        Object *q = math_rshift(n, 2U * c - d - e + 1U);
        if (!q)
            goto error;
        SETREF(q, int_floordiv(q, a));
        if (!q)
            goto error;
        SETREF(a, math_lshift(a, d - 1U - e));
        if (!a) {
            decref(q);
            goto error;
        }
        SETREF(a, int_add(a, q));
        decref(q);
        if (!a)
            goto error;
    }
    t = int_mul(a, a);
    if (!t)
        goto error;
    int too_large = int_compare(n, t) < 0;
    decref(t);
    if (too_large) {
        Object *one = int_from_long(1);
        SETREF(a, int_sub(a, one));
        decref(one);
    }
    decref(n);
    return a;
error:
    xdecref(a);
    decref(n);
    return NULL;
}

/* Product of the integers in [lo, hi] (lo <= hi), split in halves until a piece fits
** in 64 bits, so the big multiplications are balanced (and Karatsuba-sized). */
static Object *
math_range_product(uint64_t lo, uint64_t hi)
{
    uint64_t acc = lo;
    int ok = 1;
    for (uint64_t i = lo + 1; i <= hi && ok; i++)
        ok = !__builtin_mul_overflow(acc, i, &acc);
    if (ok)
        return int_from_ull(acc);
    uint64_t mid = lo + (hi - lo) / 2;
    Object *left = math_range_product(lo, mid);
    if (!left)
        return NULL;
    Object *right = math_range_product(mid + 1, hi);
    if (!right) {
        decref(left);
        return NULL;
    }
    Object *r = int_mul(left, right);
    decref(left);
    decref(right);
    return r;
}

static Object *
math_factorial_obj(Object *arg)
{
    int overflow;
    Object *n = num_index(arg);
    if (!n)
        return NULL;
    long x = int_as_long_and_overflow(n, &overflow);
    decref(n);
    if (x == -1 && err_occurred())
        return NULL;
    if (overflow > 0)
        return err_format(exc_OverflowError, "factorial() argument should not exceed %ld",
                          LONG_MAX);
    if (overflow < 0 || x < 0)
        return err_set(exc_ValueError, "factorial() not defined for negative values");
    if (x < 2)
        return int_from_long(1);
    return math_range_product(1, (uint64_t)x);
}

static Object *
math_factorial(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return math_factorial_obj(args[0]);
}

static uint64_t
math_gcd64(uint64_t a, uint64_t b)
{
    while (b) {
        uint64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

/* gcd(|a|, |b|) of two ints: Euclid on int objects until both fit in 64 bits. */
static Object *
math_int_gcd(Object *a, Object *b)
{
    Object *x = int_sign(a) < 0 ? int_neg(a) : newref(a);
    if (!x)
        return NULL;
    Object *y = int_sign(b) < 0 ? int_neg(b) : newref(b);
    if (!y) {
        decref(x);
        return NULL;
    }
    while (int_sign(y) != 0 && (int_bit_length(x) > 64 || int_bit_length(y) > 64)) {
        Object *r = int_mod(x, y);
        if (!r) {
            decref(x);
            decref(y);
            return NULL;
        }
        decref(x);
        x = y;
        y = r;
    }
    if (int_sign(y) == 0) {
        decref(y);
        return x;
    }
    uint64_t g = math_gcd64((uint64_t)int_as_ull_mask(x), (uint64_t)int_as_ull_mask(y));
    decref(x);
    decref(y);
    return int_from_ull(g);
}

static Object *
math_gcd(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (arg_no_kwargs("math.gcd", kwnames) < 0)
        return NULL;
    if (nargs == 0)
        return int_from_long(0);
    Object *res = num_index(args[0]);
    if (!res)
        return NULL;
    if (nargs == 1) {
        SETREF(res, int_sign(res) < 0 ? int_neg(res) : newref(res));
        return res;
    }
    for (ssize_t i = 1; i < nargs; i++) {
        Object *x = num_index(args[i]);
        if (!x) {
            decref(res);
            return NULL;
        }
        if (int_is_compact(res) && int_compact_value(res) == 1) {
            decref(x);                  /* the answer is 1: just check the rest */
            continue;
        }
        SETREF(res, math_int_gcd(res, x));
        decref(x);
        if (!res)
            return NULL;
    }
    return res;
}

static Object *
math_int_lcm(Object *a, Object *b)
{
    if (int_sign(a) == 0 || int_sign(b) == 0)
        return int_from_long(0);
    Object *g = math_int_gcd(a, b);
    if (!g)
        return NULL;
    Object *f = int_floordiv(a, g);
    decref(g);
    if (!f)
        return NULL;
    Object *m = int_mul(f, b);
    decref(f);
    if (!m)
        return NULL;
    if (int_sign(m) < 0)
        SETREF(m, int_neg(m));
    return m;
}

static Object *
math_lcm(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (arg_no_kwargs("math.lcm", kwnames) < 0)
        return NULL;
    if (nargs == 0)
        return int_from_long(1);
    Object *res = num_index(args[0]);
    if (!res)
        return NULL;
    if (nargs == 1) {
        SETREF(res, int_sign(res) < 0 ? int_neg(res) : newref(res));
        return res;
    }
    for (ssize_t i = 1; i < nargs; i++) {
        Object *x = num_index(args[i]);
        if (!x) {
            decref(res);
            return NULL;
        }
        if (int_sign(res) == 0) {
            decref(x);                  /* the answer is 0: just check the rest */
            continue;
        }
        SETREF(res, math_int_lcm(res, x));
        decref(x);
        if (!res)
            return NULL;
    }
    return res;
}

/* P(n, k) or C(n, k) for n < 2**64 when the result fits in 64 bits: 1 and *out, else 0.
** C is built as C(n-k+i, i) for i = 1..k, each step exact: result*(n-k+i) is divisible
** by i, and dividing by g = gcd(result, i) first keeps the product small. */
static int
math_perm_comb_u64(uint64_t n, uint64_t k, int iscomb, uint64_t *out)
{
    uint64_t r = 1;
    for (uint64_t i = 1; i <= k; i++) {
        uint64_t f = n - k + i;         /* perm: (n-k+1) * ... * n, in any order */
        if (iscomb) {
            uint64_t g = math_gcd64(r, i);
            uint64_t r1 = r / g, d = i / g;
            if (__builtin_mul_overflow(r1, f / d, &r))
                return 0;
        } else if (__builtin_mul_overflow(r, f, &r)) {
            return 0;
        }
    }
    *out = r;
    return 1;
}

/* P(n, k) = P(n, j) * P(n-j, k-j);  C(n, k) = C(n, j) * C(n-j, k-j) // C(k, j), with
** j = k // 2: balanced products for big n (CPython's perm_comb). */
static Object *
math_perm_comb(Object *n, uint64_t k, int iscomb)
{
    if (k == 0)
        return int_from_long(1);
    if (k == 1)
        return newref(n);
    if (int_bit_length(n) <= 64) {
        uint64_t r;
        if (math_perm_comb_u64((uint64_t)int_as_ull_mask(n), k, iscomb, &r))
            return int_from_ull(r);
    }
    uint64_t j = k / 2;
    Object *a = math_perm_comb(n, j, iscomb), *b, *t, *nj;
    if (!a)
        return NULL;
    t = int_from_ull(j);
    if (!t)
        goto error;
    nj = int_sub(n, t);
    decref(t);
    if (!nj)
        goto error;
    b = math_perm_comb(nj, k - j, iscomb);
    decref(nj);
    if (!b)
        goto error;
    SETREF(a, int_mul(a, b));
    decref(b);
    if (!a)
        return NULL;
    if (iscomb) {
        Object *ko = int_from_ull(k);
        if (!ko)
            goto error;
        b = math_perm_comb(ko, j, 1);
        decref(ko);
        if (!b)
            goto error;
        SETREF(a, int_floordiv(a, b));
        decref(b);
    }
    return a;
error:
    decref(a);
    return NULL;
}

/* The shared front of comb and perm: n, k as exact ints, both non-negative. */
static int
math_nk_args(Object *const *args, Object **n, Object **k)
{
    *n = num_index(args[0]);
    if (!*n)
        return -1;
    *k = num_index(args[1]);
    if (!*k) {
        decref(*n);
        return -1;
    }
    if (int_sign(*n) < 0)
        err_set(exc_ValueError, "n must be a non-negative integer");
    else if (int_sign(*k) < 0)
        err_set(exc_ValueError, "k must be a non-negative integer");
    else
        return 0;
    decref(*n);
    decref(*k);
    return -1;
}

static Object *
math_perm(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *n, *k, *result = NULL;
    int overflow;
    if (math_check_args("math.perm", "perm", nargs, kwnames, 1, 2) < 0)
        return NULL;
    if (nargs == 1 || args[1] == None)
        return math_factorial_obj(args[0]);
    if (math_nk_args(args, &n, &k) < 0)
        return NULL;
    if (int_compare(n, k) < 0) {
        result = int_from_long(0);
    } else {
        long long ki = (long long)int_as_long_and_overflow(k, &overflow);
        if (overflow)
            err_format(exc_OverflowError, "k must not exceed %lld", (long long)LLONG_MAX);
        else
            result = math_perm_comb(n, (uint64_t)ki, 0);
    }
    decref(n);
    decref(k);
    return result;
}

static Object *
math_comb(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *n, *k, *result = NULL;
    int overflow;
    if (math_check_args("math.comb", "comb", nargs, kwnames, 2, 2) < 0)
        return NULL;
    if (math_nk_args(args, &n, &k) < 0)
        return NULL;
    Object *nk = int_sub(n, k);         /* k = min(k, n - k) */
    if (!nk)
        goto done;
    if (int_sign(nk) < 0) {
        decref(nk);
        result = int_from_long(0);
        goto done;
    }
    if (int_compare(nk, k) < 0)
        SETREF(k, nk);
    else
        decref(nk);
    long ki = int_as_long_and_overflow(k, &overflow);
    if (overflow)
        err_format(exc_OverflowError, "min(n - k, k) must not exceed %lld",
                   (long long)LLONG_MAX);
    else
        result = math_perm_comb(n, (uint64_t)ki, 1);
done:
    decref(n);
    decref(k);
    return result;
}

/* ================================================================ the module */

static const MethodDef math_methods[] = {
    {"acos", math_acos, METH_O,
     "Return the arc cosine (measured in radians) of x.\n\nThe result is between 0 and pi."},
    {"acosh", math_acosh, METH_O, "Return the inverse hyperbolic cosine of x."},
    {"asin", math_asin, METH_O,
     "Return the arc sine (measured in radians) of x.\n\n"
     "The result is between -pi/2 and pi/2."},
    {"asinh", math_asinh, METH_O, "Return the inverse hyperbolic sine of x."},
    {"atan", math_atan, METH_O,
     "Return the arc tangent (measured in radians) of x.\n\n"
     "The result is between -pi/2 and pi/2."},
    {"atan2", math_atan2, METH_VARARGS | METH_KEYWORDS,
     "Return the arc tangent (measured in radians) of y/x.\n\n"
     "Unlike atan(y/x), the signs of both x and y are considered."},
    {"atanh", math_atanh, METH_O, "Return the inverse hyperbolic tangent of x."},
    {"cbrt", math_cbrt, METH_O, "Return the cube root of x."},
    {"ceil", math_ceil, METH_O,
     "Return the ceiling of x as an Integral.\n\nThis is the smallest integer >= x."},
    {"copysign", math_copysign, METH_VARARGS | METH_KEYWORDS,
     "Return a float with the magnitude (absolute value) of x but the sign of y.\n\n"
     "On platforms that support signed zeros, copysign(1.0, -0.0)\nreturns -1.0.\n"},
    {"cos", math_cos, METH_O, "Return the cosine of x (measured in radians)."},
    {"cosh", math_cosh, METH_O, "Return the hyperbolic cosine of x."},
    {"degrees", math_degrees, METH_O, "Convert angle x from radians to degrees."},
    {"dist", math_dist, METH_VARARGS | METH_KEYWORDS,
     "Return the Euclidean distance between two points p and q.\n\n"
     "The points should be specified as sequences (or iterables) of\n"
     "coordinates.  Both inputs must have the same dimension.\n\n"
     "Roughly equivalent to:\n"
     "    sqrt(sum((px - qx) ** 2.0 for px, qx in zip(p, q)))"},
    {"erf", math_erf, METH_O, "Error function at x."},
    {"erfc", math_erfc, METH_O, "Complementary error function at x."},
    {"exp", math_exp, METH_O, "Return e raised to the power of x."},
    {"exp2", math_exp2, METH_O, "Return 2 raised to the power of x."},
    {"expm1", math_expm1, METH_O,
     "Return exp(x)-1.\n\nThis function avoids the loss of precision involved in the "
     "direct evaluation of exp(x)-1 for small x."},
    {"fabs", math_fabs, METH_O, "Return the absolute value of the float x."},
    {"factorial", math_factorial, METH_O,
     "Find x!.\n\nRaise a ValueError if x is negative or non-integral."},
    {"floor", math_floor, METH_O,
     "Return the floor of x as an Integral.\n\nThis is the largest integer <= x."},
    {"fmod", math_fmod, METH_VARARGS | METH_KEYWORDS,
     "Return fmod(x, y), according to platform C.\n\nx % y may differ."},
    {"frexp", math_frexp, METH_O,
     "Return the mantissa and exponent of x, as pair (m, e).\n\n"
     "m is a float and e is an int, such that x = m * 2.**e.\n"
     "If x is 0, m and e are both 0.  Else 0.5 <= abs(m) < 1.0."},
    {"fsum", math_fsum, METH_O,
     "Return an accurate floating point sum of values in the iterable seq.\n\n"
     "Assumes IEEE-754 floating point arithmetic."},
    {"gamma", math_gamma, METH_O, "Gamma function at x."},
    {"gcd", math_gcd, METH_VARARGS | METH_KEYWORDS, "Greatest Common Divisor."},
    {"hypot", math_hypot, METH_VARARGS | METH_KEYWORDS,
     "hypot(*coordinates) -> value\n\n"
     "Multidimensional Euclidean distance from the origin to a point.\n\n"
     "Roughly equivalent to:\n    sqrt(sum(x**2 for x in coordinates))\n\n"
     "For a two dimensional point (x, y), gives the hypotenuse\n"
     "using the Pythagorean theorem:  sqrt(x*x + y*y).\n\n"
     "For example, the hypotenuse of a 3/4/5 right triangle is:\n\n"
     "    >>> hypot(3.0, 4.0)\n    5.0\n"},
    {"isclose", math_isclose, METH_VARARGS | METH_KEYWORDS,
     "Determine whether two floating point numbers are close in value.\n\n"
     "  rel_tol\n    maximum difference for being considered \"close\", relative to the\n"
     "    magnitude of the input values\n"
     "  abs_tol\n    maximum difference for being considered \"close\", regardless of the\n"
     "    magnitude of the input values\n\n"
     "Return True if a is close in value to b, and False otherwise.\n\n"
     "For the values to be considered close, the difference between them\n"
     "must be smaller than at least one of the tolerances.\n\n"
     "-inf, inf and NaN behave similarly to the IEEE 754 Standard.  That\n"
     "is, NaN is not close to anything, even itself.  inf and -inf are\n"
     "only close to themselves."},
    {"isfinite", math_isfinite, METH_O,
     "Return True if x is neither an infinity nor a NaN, and False otherwise."},
    {"isinf", math_isinf, METH_O,
     "Return True if x is a positive or negative infinity, and False otherwise."},
    {"isnan", math_isnan, METH_O,
     "Return True if x is a NaN (not a number), and False otherwise."},
    {"isqrt", math_isqrt, METH_O, "Return the integer part of the square root of the input."},
    {"lcm", math_lcm, METH_VARARGS | METH_KEYWORDS, "Least Common Multiple."},
    {"ldexp", math_ldexp, METH_VARARGS | METH_KEYWORDS,
     "Return x * (2**i).\n\nThis is essentially the inverse of frexp()."},
    {"lgamma", math_lgamma, METH_O,
     "Natural logarithm of absolute value of Gamma function at x."},
    {"log", math_log, METH_VARARGS | METH_KEYWORDS | METH_TUPLE,
     "log(x, [base=math.e])\nReturn the logarithm of x to the given base.\n\n"
     "If the base not specified, returns the natural logarithm (base e) of x."},
    {"log1p", math_log1p, METH_O,
     "Return the natural logarithm of 1+x (base e).\n\n"
     "The result is computed in a way which is accurate for x near zero."},
    {"log10", math_log10, METH_O, "Return the base 10 logarithm of x."},
    {"log2", math_log2, METH_O, "Return the base 2 logarithm of x."},
    {"modf", math_modf, METH_O,
     "Return the fractional and integer parts of x.\n\n"
     "Both results carry the sign of x and are floats."},
    {"pow", math_pow, METH_VARARGS | METH_KEYWORDS, "Return x**y (x to the power of y)."},
    {"radians", math_radians, METH_O, "Convert angle x from degrees to radians."},
    {"remainder", math_remainder, METH_VARARGS | METH_KEYWORDS,
     "Difference between x and the closest integer multiple of y.\n\n"
     "Return x - n*y where n*y is the closest integer multiple of y.\n"
     "In the case where x is exactly halfway between two multiples of\n"
     "y, the nearest even value of n is used. The result is always exact."},
    {"sin", math_sin, METH_O, "Return the sine of x (measured in radians)."},
    {"sinh", math_sinh, METH_O, "Return the hyperbolic sine of x."},
    {"sqrt", math_sqrt, METH_O, "Return the square root of x."},
    {"tan", math_tan, METH_O, "Return the tangent of x (measured in radians)."},
    {"tanh", math_tanh, METH_O, "Return the hyperbolic tangent of x."},
    {"trunc", math_trunc, METH_O,
     "Truncates the Real x to the nearest Integral toward 0.\n\n"
     "Uses the __trunc__ magic method."},
    {"prod", math_prod, METH_VARARGS | METH_KEYWORDS,
     "Calculate the product of all the elements in the input iterable.\n\n"
     "The default start value for the product is 1.\n\n"
     "When the iterable is empty, return the start value.  This function is\n"
     "intended specifically for use with numeric values and may reject\n"
     "non-numeric types."},
    {"perm", math_perm, METH_VARARGS | METH_KEYWORDS,
     "Number of ways to choose k items from n items without repetition and with order.\n\n"
     "Evaluates to n! / (n - k)! when k <= n and evaluates\n"
     "to zero when k > n.\n\n"
     "If k is not specified or is None, then k defaults to n\n"
     "and the function returns n!.\n\n"
     "Raises TypeError if either of the arguments are not integers.\n"
     "Raises ValueError if either of the arguments are negative."},
    {"comb", math_comb, METH_VARARGS | METH_KEYWORDS,
     "Number of ways to choose k items from n items without repetition and without order.\n\n"
     "Evaluates to n! / (k! * (n - k)!) when k <= n and evaluates\n"
     "to zero when k > n.\n\n"
     "Also called the binomial coefficient because it is equivalent\n"
     "to the coefficient of k-th term in polynomial expansion of the\n"
     "expression (1 + x)**n.\n\n"
     "Raises TypeError if either of the arguments are not integers.\n"
     "Raises ValueError if either of the arguments are negative."},
    {"nextafter", math_nextafter, METH_VARARGS | METH_KEYWORDS,
     "Return the next floating-point value after x towards y."},
    {"ulp", math_ulp, METH_O, "Return the value of the least significant bit of the float x."},
    {NULL, NULL, 0, NULL},
};

static int
math_add_float(Object *m, const char *name, double v)
{
    Object *f = float_from_double(v);
    if (!f)
        return -1;
    int r = module_add_object(m, name, f);
    decref(f);
    return r;
}

/* Build a new 'math' module (called by the import system).  New reference. */
Object *
mathmodule_init(void)
{
    Object *m = module_new("math");
    if (!m)
        return NULL;
    Object *doc = str_from_cstr("This module provides access to the mathematical functions\n"
                                "defined by the C standard.");
    if (!doc)
        goto error;
    int r = module_add_object(m, "__doc__", doc);
    decref(doc);
    if (r < 0 || module_add_functions(m, math_methods) < 0 ||
        math_add_float(m, "pi", MATH_PI) < 0 || math_add_float(m, "e", MATH_E) < 0 ||
        math_add_float(m, "tau", MATH_TAU) < 0 || math_add_float(m, "inf", INFINITY) < 0 ||
        math_add_float(m, "nan", NAN) < 0)
        goto error;
    return m;
error:
    decref(m);
    return NULL;
}
