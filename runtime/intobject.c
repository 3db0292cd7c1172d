/*
** intobject.c -- the int type: arbitrary-precision integers stored as CPython 3.11's
** longobject.c stores them, and the algorithms that work on them.
**
** Representation (see intobject.h).  |SIZE(o)| 30-bit digits in uint32 words, least
** significant first; the sign of SIZE is the sign of the number; zero has SIZE 0 but one
** (zero) digit is still allocated, so digits[0] may always be read and the "compact" value
** SIZE * digits[0] is right for every int with at most one digit.  A result is
** *normalised* when its top digit is non-zero; every int that escapes this file is
** normalised, and if its value lies in [-5, 256] it is the preallocated object of
** int_small_ints (int_normalize enforces both).  Ints are atoms: no GcHead, no free list.
**
** Organisation.
**   1. allocation, the small-int cache, constructors from C numbers
**   2. conversions to C numbers and double (correctly rounded)
**   3. comparison and hashing (CPython's modular hash, modulus 2**61 - 1)
**   4. digit-vector kernels: add/sub, schoolbook and Karatsuba multiplication,
**      Knuth's algorithm D division, shifts, two's-complement bitwise operations
**   5. the arithmetic API (int_add ... int_pow) with single-digit fast paths
**   6. text: str() with the 4300-digit limit, hex/oct/bin, parsing int(str, base)
**   7. the type object: slots, int(x, base), methods, __format__
** Fast paths: when both operands are compact, add/sub/mul/floordiv/mod/compare do their
** work in a machine word and allocate nothing but the result (none for cached values).
**
** Algorithms are CPython's (Objects/longobject.c), rewritten; see the comments on
** int_xdivrem, int_kmul, int_truediv and int_pow for the references.
*/
#include "intobject.h"
#include "gc.h"

#include <float.h>
#include <limits.h>
#include <math.h>
#include <string.h>

#include "buf.h"
#include "bytesobject.h"
#include "dictobject.h"
#include "error.h"
#include "floatobject.h"
#include "format.h"
#include "hash.h"
#include "heap.h"
#include "methodobject.h"
#include "strobject.h"
#include "tupleobject.h"
#include "typeobject.h"
#include "unicodedb.h"

IntObject int_small_ints[INT_SMALL_NEG + INT_SMALL_POS];
int int_max_str_digits = INT_MAX_STR_DIGITS_DEFAULT;

/* The static small ints start "immortal-ish" as in 3.11 (_PyObject_IMMORTAL_INIT). */
#define INT_STATIC_REFCNT 999999999

#define KARATSUBA_CUTOFF 70
#define KARATSUBA_SQUARE_CUTOFF (2 * KARATSUBA_CUTOFF)
#define EXP_WINDOW_SIZE 5
#define EXP_TABLE_LEN (1 << (EXP_WINDOW_SIZE - 1))
#define HUGE_EXP_CUTOFF 60
#define DECIMAL_SHIFT 9                 /* the base 10**9 of the str() conversion */
#define DECIMAL_BASE ((digit)1000000000)
#define INT_MAX_DIGITS ((ssize_t)((SSIZE_MAX - offsetof(IntObject, digits)) / sizeof(digit)))

#define MAX_STR_ERROR_TO_STR                                                             \
    "Exceeds the limit (%d digits) for integer string conversion; "                     \
    "use sys.set_int_max_str_digits() to increase the limit"
#define MAX_STR_ERROR_TO_INT                                                             \
    "Exceeds the limit (%d digits) for integer string conversion: value has %zd "       \
    "digits; use sys.set_int_max_str_digits() to increase the limit"

static Object *int_from_object(Object *o);
static Object *int_from_str_obj(Object *u, int base);

/* Defined in format.c, not yet declared in format.h: format_parse_spec that names the
** object's type in its "Invalid format specifier" message, as CPython 3.11 does. */
int format_parse_spec_typed(const char *spec, ssize_t len, const char *type_name,
                            FormatSpec *out);

/* ================================================================ 1. allocation */

static inline ssize_t
int_ndigits(Object *o)
{
    ssize_t s = SIZE(o);
    return s < 0 ? -s : s;
}

static inline int
int_is_medium(Object *o)
{
    return (size_t)SIZE(o) + 1U < 3U;
}

static inline stwodigits
int_medium(Object *o)
{
    return (stwodigits)SIZE(o) * (stwodigits)INT_DIGITS(o)[0];
}

static inline int
int_fits_medium(stwodigits x)
{
    return (twodigits)x + INT_MASK < (twodigits)INT_MASK + INT_BASE;
}

static inline int
int_is_small_value(stwodigits v)
{
    return (twodigits)v + INT_SMALL_NEG < (twodigits)(INT_SMALL_NEG + INT_SMALL_POS);
}

static inline Object *
int_small(stwodigits v)
{
    Object *o = (Object *)&int_small_ints[v + INT_SMALL_NEG];
    incref(o);
    return o;
}

static inline int
int_bits_in_digit(digit d)
{
    return d ? 32 - __builtin_clz(d) : 0;
}

IntObject *
int_alloc(ssize_t ndigits)
{
    if (ndigits > INT_MAX_DIGITS) {
        err_set(exc_OverflowError, "too many digits in integer");
        return NULL;
    }
    size_t n = ndigits ? (size_t)ndigits : 1;
    IntObject *v =
        (IntObject *)obj_alloc_raw(&int_type, offsetof(IntObject, digits) + n * sizeof(digit));
    if (v == NULL)
        return NULL;
    SIZE(v) = ndigits;
    v->digits[0] = 0;
    return v;
}

/* Strip leading zero digits in place (no cache lookup). */
static IntObject *
int_strip(IntObject *v)
{
    ssize_t j = int_ndigits((Object *)v), i = j;
    while (i > 0 && v->digits[i - 1] == 0)
        i--;
    if (i != j)
        SIZE(v) = SIZE(v) < 0 ? -i : i;
    return v;
}

Object *
int_normalize(IntObject *v)
{
    if (v == NULL)
        return NULL;
    int_strip(v);
    if (int_is_medium((Object *)v)) {
        stwodigits x = int_medium((Object *)v);
        if (int_is_small_value(x)) {
            decref(v);
            return int_small(x);
        }
    }
    return (Object *)v;
}

/* One-digit ints are most of the arithmetic: obj_alloc_raw inlined for int (no GC head,
** not a GC type). */
static inline Object *
int_from_medium(sdigit x)
{
    IntObject *v = (IntObject *)heap_alloc(sizeof(IntObject));
    if (UNLIKELY(v == NULL))
        return err_no_memory();
    ((Object *)v)->refcnt = 1;
    ((Object *)v)->type = &int_type;
    obj_live_count++;
    SIZE(v) = x < 0 ? -1 : 1;
    v->digits[0] = (digit)(x < 0 ? -x : x);
    return (Object *)v;
}

/* Any value of an unsigned magnitude and a sign, in a block of at least 'alloc' digits
** (int_from_ll_alloc); no cache test. */
static Object *
int_from_magnitude_alloc(unsigned long long mag, int negative, ssize_t alloc)
{
    ssize_t nd = 0;
    for (unsigned long long t = mag; t; t >>= INT_SHIFT)
        nd++;
    IntObject *v = int_alloc(alloc > nd ? alloc : nd);
    if (v == NULL)
        return NULL;
    for (ssize_t i = 0; i < nd; i++, mag >>= INT_SHIFT)
        v->digits[i] = (digit)(mag & INT_MASK);
    SIZE(v) = negative ? -nd : nd;
    return (Object *)v;
}

static Object *
int_from_magnitude(unsigned long long mag, int negative)
{
    return int_from_magnitude_alloc(mag, negative, 0);
}

static inline Object *
int_from_stwodigits(stwodigits x)
{
    if (int_is_small_value(x))
        return int_small(x);
    if (int_fits_medium(x))
        return int_from_medium((sdigit)x);
    return x < 0 ? int_from_magnitude(0ULL - (unsigned long long)x, 1)
                 : int_from_magnitude((unsigned long long)x, 0);
}

Object *
int_from_ll(long long v)
{
    if (int_is_small_value(v))
        return int_small(v);
    if (int_fits_medium(v))
        return int_from_medium((sdigit)v);
    return v < 0 ? int_from_magnitude(0ULL - (unsigned long long)v, 1)
                 : int_from_magnitude((unsigned long long)v, 0);
}

/* The digits CPython 3.11 allocates for 'a op b' (|a|, |b| < 2**60) when either operand
** is beyond one digit: x_add takes one more than the longer operand, x_sub as many, x_mul
** the sum, long_bitwise per its sign rules; 0 when both fit one digit (its exact paths)
** and for // and % (divrem1 gives an exact result). */
static int
int_cpy_alloc(int op, long long a, long long b)
{
    const long long m = 1LL << 30;
    if (LIKELY(a > -m && a < m && b > -m && b < m))
        return 0;
    int sa = a == 0 ? 0 : (a > -m && a < m) ? 1 : 2;
    int sb = b == 0 ? 0 : (b > -m && b < m) ? 1 : 2;
    int mx = sa > sb ? sa : sb;
    switch (op) {
    case NB_ADD:
    case NB_INPLACE_ADD:
        return (a < 0) == (b < 0) ? mx + 1 : mx;
    case NB_SUBTRACT:
    case NB_INPLACE_SUBTRACT:
        return (a < 0) != (b < 0) ? mx + 1 : mx;
    case NB_MULTIPLY:
    case NB_INPLACE_MULTIPLY:
        return a == 0 || b == 0 ? 0 : sa + sb;
    case NB_AND:
    case NB_INPLACE_AND:
    case NB_OR:
    case NB_INPLACE_OR:
    case NB_XOR:
    case NB_INPLACE_XOR: {
        int nega = a < 0, negb = b < 0, za = sa, zb = sb;
        if (za < zb) {
            int t = za; za = zb; zb = t;
            t = nega; nega = negb; negb = t;
        }
        if (op == NB_AND || op == NB_INPLACE_AND)
            return (negb ? za : zb) + (nega & negb);
        if (op == NB_OR || op == NB_INPLACE_OR)
            return (negb ? zb : za) + (nega | negb);
        return za + (nega ^ negb);
    }
    default:
        return 0;
    }
}

/* int_from_ll for a result CPython 3.11 computes into a fresh int of 'alloc' digits and
** then normalises (x_add, x_sub, x_mul, long_bitwise): a heap block of that size, so its
** size class is CPython's.  alloc 0: exact, as CPython's medium-value paths. */
static Object *
int_from_ll_alloc(long long v, int alloc)
{
    if (alloc <= 2 || int_is_small_value(v))
        return int_from_ll(v);          /* 1 or 2 digits: the same 32-byte class */
    return v < 0 ? int_from_magnitude_alloc(0ULL - (unsigned long long)v, 1, alloc)
                 : int_from_magnitude_alloc((unsigned long long)v, 0, alloc);
}

Object *
int_from_ll_op(long long v, int op, long long a, long long b)
{
    if (int_is_small_value(v))
        return int_small(v);
    if (int_fits_medium(v))
        return int_from_medium((sdigit)v);
    /* a result beyond one digit: the block CPython's x_add/x_sub/x_mul/long_bitwise got */
    return int_from_ll_alloc(v, int_cpy_alloc(op, a, b));
}

Object *
int_from_ull(unsigned long long v)
{
    if (v < INT_SMALL_POS)
        return int_small((stwodigits)v);
    return int_from_magnitude(v, 0);
}

Object *
int_from_long(long v)
{
    return int_from_ll(v);
}

Object *
int_from_ulong(unsigned long v)
{
    return int_from_ull(v);
}

Object *
int_from_ssize(ssize_t v)
{
    return int_from_ll(v);
}

Object *
int_from_size(size_t v)
{
    return int_from_ull(v);
}

Object *
int_from_double(double d)
{
    /* The cast is defined for values strictly inside (LONG_MIN - 1, LONG_MAX + 1). */
    const double lim = (double)((unsigned long)LONG_MAX + 1);
    if (-lim < d && d < lim)
        return int_from_long((long)d);
    if (isinf(d))
        return err_set(exc_OverflowError, "cannot convert float infinity to integer");
    if (isnan(d))
        return err_set(exc_ValueError, "cannot convert float NaN to integer");
    int neg = d < 0, expo;
    double frac = frexp(neg ? -d : d, &expo);     /* |d| = frac * 2**expo, expo > 63 */
    ssize_t nd = (expo - 1) / INT_SHIFT + 1;
    IntObject *v = int_alloc(nd);
    if (v == NULL)
        return NULL;
    frac = ldexp(frac, (expo - 1) % INT_SHIFT + 1);
    for (ssize_t i = nd; --i >= 0;) {
        digit bits = (digit)frac;
        v->digits[i] = bits;
        frac = ldexp(frac - (double)bits, INT_SHIFT);
    }
    if (neg)
        SIZE(v) = -SIZE(v);
    return (Object *)v;
}

/* A new exact int equal to v (the cached object for small values). */
Object *
int_copy(Object *v)
{
    ssize_t n = int_ndigits(v);
    if (n <= 1) {
        stwodigits x = int_medium(v);
        if (int_is_small_value(x))
            return int_small(x);
    }
    IntObject *r = int_alloc(n);
    if (r == NULL)
        return NULL;
    memcpy(r->digits, INT_DIGITS(v), (size_t)n * sizeof(digit));
    SIZE(r) = SIZE(v);
    return (Object *)r;
}

/* int(v) for an int or subclass: v itself if exact, else an exact copy (long_long). */
static Object *
int_exact(Object *v)
{
    if (INT_CHECK_EXACT(v))
        return newref(v);
    return int_copy(v);
}

/* Negate an int we own: in place when nobody else can see it, else via a new object. */
static Object *
int_negate_take(Object *x)
{
    if (x == NULL)
        return NULL;
    if (REFCNT(x) == 1 && INT_CHECK_EXACT(x)) {
        SIZE(x) = -SIZE(x);
        return x;
    }
    Object *r;
    if (int_is_medium(x))
        r = int_from_stwodigits(-int_medium(x));
    else {
        r = int_copy(x);
        if (r != NULL)
            SIZE(r) = -SIZE(r);
    }
    decref(x);
    return r;
}

/* ================================================================ 2. conversions */

long
int_as_long_and_overflow(Object *o, int *overflow)
{
    ssize_t i = SIZE(o);
    *overflow = 0;
    switch (i) {
    case -1: return -(long)INT_DIGITS(o)[0];
    case 0: return 0;
    case 1: return (long)INT_DIGITS(o)[0];
    }
    int sign = i < 0 ? -1 : 1;
    unsigned long x = 0;
    if (i < 0)
        i = -i;
    while (--i >= 0) {
        unsigned long prev = x;
        x = (x << INT_SHIFT) | INT_DIGITS(o)[i];
        if ((x >> INT_SHIFT) != prev) {
            *overflow = sign;
            return -1;
        }
    }
    if (x <= (unsigned long)LONG_MAX)
        return (long)x * sign;
    if (sign < 0 && x == 0UL - (unsigned long)LONG_MIN)
        return LONG_MIN;
    *overflow = sign;
    return -1;
}

long
int_as_long(Object *o)
{
    int overflow;
    long r = int_as_long_and_overflow(o, &overflow);
    if (overflow) {
        err_set(exc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    return r;
}

ssize_t
int_as_ssize(Object *o)
{
    int overflow;
    long r = int_as_long_and_overflow(o, &overflow);
    if (overflow) {
        err_set(exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return (ssize_t)r;
}

size_t
int_as_size(Object *o)
{
    ssize_t i = SIZE(o);
    if (i < 0) {
        err_set(exc_OverflowError, "can't convert negative value to size_t");
        return (size_t)-1;
    }
    size_t x = 0;
    while (--i >= 0) {
        size_t prev = x;
        x = (x << INT_SHIFT) | INT_DIGITS(o)[i];
        if ((x >> INT_SHIFT) != prev) {
            err_set(exc_OverflowError, "Python int too large to convert to C size_t");
            return (size_t)-1;
        }
    }
    return x;
}

unsigned long long
int_as_ull_mask(Object *o)
{
    ssize_t i = SIZE(o);
    int neg = i < 0;
    unsigned long long x = 0;
    if (neg)
        i = -i;
    while (--i >= 0)
        x = (x << INT_SHIFT) | INT_DIGITS(o)[i];
    return neg ? 0ULL - x : x;
}

int
int_sign(Object *o)
{
    ssize_t s = SIZE(o);
    return s == 0 ? 0 : (s < 0 ? -1 : 1);
}

size_t
int_bit_length(Object *o)
{
    ssize_t n = int_ndigits(o);
    if (n == 0)
        return 0;
    return (size_t)(n - 1) * INT_SHIFT + (size_t)int_bits_in_digit(INT_DIGITS(o)[n - 1]);
}

static digit int_vlshift(digit *z, const digit *a, ssize_t m, int d);
static digit int_vrshift(digit *z, const digit *a, ssize_t m, int d);

/* |a| = x * 2**e with 0.5 <= x < 1, x rounded half-even to 53 bits (CPython's
** _PyLong_Frexp).  Returns x with a's sign; *e receives the exponent. */
static double
int_frexp(Object *a, ssize_t *e)
{
    /* Round a digit to a multiple of 4, ties to a multiple of 8: x + corr[x & 7]. */
    static const int half_even_correction[8] = {0, -1, -2, 1, 0, -1, 2, 1};
    digit x_digits[2 + (DBL_MANT_DIG + 1) / INT_SHIFT] = {0};
    ssize_t a_size = int_ndigits(a), x_size;
    if (a_size == 0) {
        *e = 0;
        return 0.0;
    }
    ssize_t a_bits = (a_size - 1) * INT_SHIFT + int_bits_in_digit(INT_DIGITS(a)[a_size - 1]);
    /* Keep the top DBL_MANT_DIG + 2 bits, plus a sticky bit for anything below. */
    if (a_bits <= DBL_MANT_DIG + 2) {
        ssize_t shift_digits = (DBL_MANT_DIG + 2 - a_bits) / INT_SHIFT;
        int shift_bits = (DBL_MANT_DIG + 2 - a_bits) % INT_SHIFT;
        x_size = shift_digits;
        digit rem = int_vlshift(x_digits + x_size, INT_DIGITS(a), a_size, shift_bits);
        x_size += a_size;
        x_digits[x_size++] = rem;
    }
    else {
        ssize_t shift_digits = (a_bits - DBL_MANT_DIG - 2) / INT_SHIFT;
        int shift_bits = (a_bits - DBL_MANT_DIG - 2) % INT_SHIFT;
        digit rem = int_vrshift(x_digits, INT_DIGITS(a) + shift_digits, a_size - shift_digits,
                                shift_bits);
        x_size = a_size - shift_digits;
        if (rem)
            x_digits[0] |= 1;
        else
            while (shift_digits > 0)
                if (INT_DIGITS(a)[--shift_digits]) {
                    x_digits[0] |= 1;
                    break;
                }
    }
    x_digits[0] += (digit)half_even_correction[x_digits[0] & 7];
    double dx = x_digits[--x_size];
    while (x_size > 0)
        dx = dx * INT_BASE + x_digits[--x_size];
    dx /= 4.0 * 9007199254740992.0;     /* 2**(DBL_MANT_DIG + 2) */
    if (dx == 1.0) {                    /* rounding carried into a new bit */
        dx = 0.5;
        a_bits++;
    }
    *e = a_bits;
    return SIZE(a) < 0 ? -dx : dx;
}

double
int_as_double(Object *o)
{
    if (int_is_medium(o))
        return (double)int_medium(o);
    /* 53 bits or fewer convert exactly through a 64-bit integer. */
    if (int_ndigits(o) <= 2) {
        twodigits m = ((twodigits)INT_DIGITS(o)[1] << INT_SHIFT) | INT_DIGITS(o)[0];
        if (m < ((twodigits)1 << DBL_MANT_DIG))
            return SIZE(o) < 0 ? -(double)m : (double)m;
    }
    ssize_t e;
    double x = int_frexp(o, &e);
    if (e > DBL_MAX_EXP) {
        err_set(exc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return ldexp(x, (int)e);
}

/* ================================================================ 3. compare, hash */

static int
int_cmp_abs_digits(const digit *a, ssize_t na, const digit *b, ssize_t nb)
{
    if (na != nb)
        return na < nb ? -1 : 1;
    while (--na >= 0)
        if (a[na] != b[na])
            return a[na] < b[na] ? -1 : 1;
    return 0;
}

int
int_compare(Object *a, Object *b)
{
    ssize_t sa = SIZE(a), sb = SIZE(b);
    if (sa != sb)
        return sa < sb ? -1 : 1;
    ssize_t i = sa < 0 ? -sa : sa;
    while (--i >= 0) {
        digit x = INT_DIGITS(a)[i], y = INT_DIGITS(b)[i];
        if (x != y)
            return (x < y) == (sa > 0) ? -1 : 1;
    }
    return 0;
}

/* sign(a - b) for an int a and a non-NaN double b, exactly (float_richcompare's idea:
** compare signs, then bit lengths, then the integer parts digit by digit). */
int
int_compare_double(Object *a, double b, int *result)
{
    int sa = int_sign(a);
    int sb = b > 0.0 ? 1 : (b < 0.0 ? -1 : 0);
    if (isinf(b)) {
        *result = b > 0 ? -1 : 1;
        return 0;
    }
    if (sa != sb) {
        *result = sa < sb ? -1 : 1;
        return 0;
    }
    if (sa == 0) {
        *result = 0;
        return 0;
    }
    size_t nbits = int_bit_length(a);
    if (nbits <= 48) {                  /* exactly representable */
        double d = int_as_double(a);
        *result = d < b ? -1 : (d > b ? 1 : 0);
        return 0;
    }
    int e;
    double fb = fabs(b);
    (void)frexp(fb, &e);                /* 2**(e-1) <= |b| < 2**e */
    int cmp;                            /* sign(|a| - |b|) */
    if ((size_t)e < nbits)
        cmp = 1;
    else if ((size_t)e > nbits)
        cmp = -1;
    else {
        /* Same bit length (> 48): compare |a| with the integer part of |b| as digits,
        ** then let a fractional part of b break a tie. */
        double ipart;
        double fpart = modf(fb, &ipart);
        digit bd[(DBL_MAX_EXP + INT_SHIFT - 1) / INT_SHIFT + 1];
        ssize_t nd = ((ssize_t)e - 1) / INT_SHIFT + 1;
        double frac = ldexp(frexp(ipart, &e), (e - 1) % INT_SHIFT + 1);
        for (ssize_t i = nd; --i >= 0;) {
            digit bits = (digit)frac;
            bd[i] = bits;
            frac = ldexp(frac - (double)bits, INT_SHIFT);
        }
        cmp = int_cmp_abs_digits(INT_DIGITS(a), int_ndigits(a), bd, nd);
        if (cmp == 0 && fpart != 0.0)
            cmp = -1;
    }
    *result = sa < 0 ? -cmp : cmp;
    return 0;
}

hash_t
int_hash(Object *o)
{
    ssize_t i = SIZE(o);
    switch (i) {
    case -1: return INT_DIGITS(o)[0] == 1 ? -2 : -(hash_t)INT_DIGITS(o)[0];
    case 0: return 0;
    case 1: return (hash_t)INT_DIGITS(o)[0];
    }
    int neg = i < 0;
    if (neg)
        i = -i;
    uint64_t x = 0;
    while (--i >= 0) {
        /* x * 2**30 mod (2**61 - 1) is a rotation of x's 61 bits by 30 places. */
        x = ((x << INT_SHIFT) & HASH_MODULUS) | (x >> (HASH_BITS - INT_SHIFT));
        x += INT_DIGITS(o)[i];
        if (x >= HASH_MODULUS)
            x -= HASH_MODULUS;
    }
    if (neg)
        x = 0 - x;
    if (x == (uint64_t)-1)
        x = (uint64_t)-2;
    return (hash_t)x;
}

/* ================================================================ 4. digit kernels */

/* x[0:m] += y[0:n] (m >= n), carrying as far as x[m-1]; returns the final carry. */
static digit
int_viadd(digit *x, ssize_t m, const digit *y, ssize_t n)
{
    digit carry = 0;
    ssize_t i;
    for (i = 0; i < n; i++) {
        carry += x[i] + y[i];
        x[i] = carry & INT_MASK;
        carry >>= INT_SHIFT;
    }
    for (; carry && i < m; i++) {
        carry += x[i];
        x[i] = carry & INT_MASK;
        carry >>= INT_SHIFT;
    }
    return carry;
}

/* x[0:m] -= y[0:n] (m >= n), borrowing as far as x[m-1]; returns the final borrow. */
static digit
int_visub(digit *x, ssize_t m, const digit *y, ssize_t n)
{
    digit borrow = 0;
    ssize_t i;
    for (i = 0; i < n; i++) {
        borrow = x[i] - y[i] - borrow;
        x[i] = borrow & INT_MASK;
        borrow = (borrow >> INT_SHIFT) & 1;
    }
    for (; borrow && i < m; i++) {
        borrow = x[i] - borrow;
        x[i] = borrow & INT_MASK;
        borrow = (borrow >> INT_SHIFT) & 1;
    }
    return borrow;
}

/* z[0:m] = a[0:m] << d (0 <= d < 30); returns the bits shifted out of the top. */
static digit
int_vlshift(digit *z, const digit *a, ssize_t m, int d)
{
    digit carry = 0;
    for (ssize_t i = 0; i < m; i++) {
        twodigits acc = (twodigits)a[i] << d | carry;
        z[i] = (digit)acc & INT_MASK;
        carry = (digit)(acc >> INT_SHIFT);
    }
    return carry;
}

/* z[0:m] = a[0:m] >> d (0 <= d < 30); returns the bits shifted out of the bottom. */
static digit
int_vrshift(digit *z, const digit *a, ssize_t m, int d)
{
    digit carry = 0, mask = ((digit)1 << d) - 1U;
    for (ssize_t i = m; i-- > 0;) {
        twodigits acc = (twodigits)carry << INT_SHIFT | a[i];
        carry = (digit)acc & mask;
        z[i] = (digit)(acc >> d);
    }
    return carry;
}

/* pout[0:size] = pin[0:size] / n, returning the remainder (pin == pout allowed). */
static digit
int_inplace_divrem1(digit *pout, const digit *pin, ssize_t size, digit n)
{
    twodigits rem = 0;
    while (--size >= 0) {
        rem = (rem << INT_SHIFT) | pin[size];
        digit hi = (digit)(rem / n);
        pout[size] = hi;
        rem -= (twodigits)hi * n;
    }
    return (digit)rem;
}

/* |a| + |b|, normalised, not cached (callers make sure the result is not small). */
static IntObject *
int_xadd(Object *a, Object *b)
{
    ssize_t na = int_ndigits(a), nb = int_ndigits(b);
    if (na < nb) {
        Object *t = a; a = b; b = t;
        ssize_t tn = na; na = nb; nb = tn;
    }
    IntObject *z = int_alloc(na + 1);
    if (z == NULL)
        return NULL;
    const digit *da = INT_DIGITS(a), *db = INT_DIGITS(b);
    digit carry = 0;
    ssize_t i;
    for (i = 0; i < nb; i++) {
        carry += da[i] + db[i];
        z->digits[i] = carry & INT_MASK;
        carry >>= INT_SHIFT;
    }
    for (; i < na; i++) {
        carry += da[i];
        z->digits[i] = carry & INT_MASK;
        carry >>= INT_SHIFT;
    }
    z->digits[i] = carry;
    return int_strip(z);
}

/* |a| - |b| (signed result), normalised and cached. */
static Object *
int_xsub(Object *a, Object *b)
{
    ssize_t na = int_ndigits(a), nb = int_ndigits(b), i;
    int sign = 1;
    if (na < nb) {
        sign = -1;
        Object *t = a; a = b; b = t;
        ssize_t tn = na; na = nb; nb = tn;
    }
    else if (na == nb) {
        i = na;
        while (--i >= 0 && INT_DIGITS(a)[i] == INT_DIGITS(b)[i])
            ;
        if (i < 0)
            return int_small(0);
        if (INT_DIGITS(a)[i] < INT_DIGITS(b)[i]) {
            sign = -1;
            Object *t = a; a = b; b = t;
        }
        na = nb = i + 1;
    }
    IntObject *z = int_alloc(na);
    if (z == NULL)
        return NULL;
    const digit *da = INT_DIGITS(a), *db = INT_DIGITS(b);
    digit borrow = 0;
    for (i = 0; i < nb; i++) {
        borrow = da[i] - db[i] - borrow;
        z->digits[i] = borrow & INT_MASK;
        borrow = (borrow >> INT_SHIFT) & 1;
    }
    for (; i < na; i++) {
        borrow = da[i] - borrow;
        z->digits[i] = borrow & INT_MASK;
        borrow = (borrow >> INT_SHIFT) & 1;
    }
    if (sign < 0)
        SIZE(z) = -SIZE(z);
    return int_normalize(z);
}

/* Schoolbook |a| * |b|; squaring (a == b) uses HAC algorithm 14.16. */
static IntObject *
int_xmul(Object *a, Object *b)
{
    ssize_t na = int_ndigits(a), nb = int_ndigits(b);
    IntObject *z = int_alloc(na + nb);
    if (z == NULL)
        return NULL;
    digit *dz = z->digits;
    const digit *da = INT_DIGITS(a);
    memset(dz, 0, (size_t)(na + nb) * sizeof(digit));
    if (a == b) {
        const digit *paend = da + na;
        for (ssize_t i = 0; i < na; i++) {
            twodigits f = da[i];
            digit *pz = dz + (i << 1);
            const digit *pa = da + i + 1;
            twodigits carry = *pz + f * f;
            *pz++ = (digit)(carry & INT_MASK);
            carry >>= INT_SHIFT;
            f <<= 1;                    /* off-diagonal terms appear twice */
            while (pa < paend) {
                carry += *pz + *pa++ * f;
                *pz++ = (digit)(carry & INT_MASK);
                carry >>= INT_SHIFT;
            }
            if (carry) {
                carry += *pz;
                *pz = (digit)(carry & INT_MASK);
                carry >>= INT_SHIFT;
                if (carry)
                    pz[1] = (digit)carry;
            }
        }
    }
    else {
        const digit *db = INT_DIGITS(b), *pbend = db + nb;
        for (ssize_t i = 0; i < na; i++) {
            twodigits carry = 0, f = da[i];
            digit *pz = dz + i;
            const digit *pb = db;
            while (pb < pbend) {
                carry += *pz + *pb++ * f;
                *pz++ = (digit)(carry & INT_MASK);
                carry >>= INT_SHIFT;
            }
            if (carry)
                *pz += (digit)(carry & INT_MASK);
        }
    }
    return int_strip(z);
}

/* abs(n) == hi * BASE**size + lo, both non-negative and normalised. */
static int
int_kmul_split(Object *n, ssize_t size, IntObject **hi, IntObject **lo)
{
    ssize_t nn = int_ndigits(n);
    ssize_t nlo = nn < size ? nn : size, nhi = nn - nlo;
    IntObject *h = int_alloc(nhi), *l;
    if (h == NULL)
        return -1;
    if ((l = int_alloc(nlo)) == NULL) {
        decref(h);
        return -1;
    }
    memcpy(l->digits, INT_DIGITS(n), (size_t)nlo * sizeof(digit));
    memcpy(h->digits, INT_DIGITS(n) + nlo, (size_t)nhi * sizeof(digit));
    *hi = int_strip(h);
    *lo = int_strip(l);
    return 0;
}

static IntObject *int_klopsided_mul(Object *a, Object *b);

/* Karatsuba |a| * |b| (Knuth vol. 2, 4.3.3): with X = BASE**shift,
**   (ah X + al)(bh X + bl) = ah bh X^2 + ((ah + al)(bh + bl) - ah bh - al bl) X + al bl.
** The result is not cached (a product of multi-digit numbers is never small). */
static IntObject *
int_kmul(Object *a, Object *b)
{
    ssize_t asize = int_ndigits(a), bsize = int_ndigits(b);
    IntObject *ah = NULL, *al = NULL, *bh = NULL, *bl = NULL, *ret = NULL, *t1, *t2, *t3;
    if (asize > bsize) {                /* split on the larger: make b the larger */
        Object *t = a; a = b; b = t;
        ssize_t ts = asize; asize = bsize; bsize = ts;
    }
    if (asize <= (a == b ? KARATSUBA_SQUARE_CUTOFF : KARATSUBA_CUTOFF)) {
        if (asize == 0)
            return int_alloc(0);
        return int_xmul(a, b);
    }
    if (2 * asize <= bsize)
        return int_klopsided_mul(a, b);

    ssize_t shift = bsize >> 1;
    if (int_kmul_split(a, shift, &ah, &al) < 0)
        goto fail;
    if (a == b) {
        bh = (IntObject *)newref(ah);
        bl = (IntObject *)newref(al);
    }
    else if (int_kmul_split(b, shift, &bh, &bl) < 0)
        goto fail;

    /* ret = ah*bh << 2*shift | al*bl, then subtract both and add (ah+al)(bh+bl) at shift;
    ** borrows/carries out of the top cancel since the final value fits (longobject.c's
    ** "(*)" argument). */
    if ((ret = int_alloc(asize + bsize)) == NULL)
        goto fail;
    if ((t1 = int_kmul((Object *)ah, (Object *)bh)) == NULL)
        goto fail;
    memcpy(ret->digits + 2 * shift, t1->digits, (size_t)SIZE(t1) * sizeof(digit));
    ssize_t i = SIZE(ret) - 2 * shift - SIZE(t1);
    if (i)
        memset(ret->digits + 2 * shift + SIZE(t1), 0, (size_t)i * sizeof(digit));
    if ((t2 = int_kmul((Object *)al, (Object *)bl)) == NULL) {
        decref(t1);
        goto fail;
    }
    memcpy(ret->digits, t2->digits, (size_t)SIZE(t2) * sizeof(digit));
    i = 2 * shift - SIZE(t2);
    if (i)
        memset(ret->digits + SIZE(t2), 0, (size_t)i * sizeof(digit));
    i = SIZE(ret) - shift;
    (void)int_visub(ret->digits + shift, i, t2->digits, SIZE(t2));
    decref(t2);
    (void)int_visub(ret->digits + shift, i, t1->digits, SIZE(t1));
    decref(t1);

    if ((t1 = int_xadd((Object *)ah, (Object *)al)) == NULL)
        goto fail;
    CLEAR(ah);
    CLEAR(al);
    if (a == b)
        t2 = (IntObject *)newref(t1);
    else if ((t2 = int_xadd((Object *)bh, (Object *)bl)) == NULL) {
        decref(t1);
        goto fail;
    }
    CLEAR(bh);
    CLEAR(bl);
    t3 = int_kmul((Object *)t1, (Object *)t2);
    decref(t1);
    decref(t2);
    if (t3 == NULL)
        goto fail;
    (void)int_viadd(ret->digits + shift, i, t3->digits, SIZE(t3));
    decref(t3);
    return int_strip(ret);

fail:
    xdecref(ret);
    xdecref(ah);
    xdecref(al);
    xdecref(bh);
    xdecref(bl);
    return NULL;
}

/* b has at least twice a's digits: multiply a by successive asize-digit slices of b so
** that int_kmul always sees balanced operands. */
static IntObject *
int_klopsided_mul(Object *a, Object *b)
{
    ssize_t asize = int_ndigits(a), bsize = int_ndigits(b), nbdone = 0;
    IntObject *ret = int_alloc(asize + bsize), *bslice;
    if (ret == NULL)
        return NULL;
    memset(ret->digits, 0, (size_t)(asize + bsize) * sizeof(digit));
    if ((bslice = int_alloc(asize)) == NULL) {
        decref(ret);
        return NULL;
    }
    while (bsize > 0) {
        ssize_t nbtouse = bsize < asize ? bsize : asize;
        memcpy(bslice->digits, INT_DIGITS(b) + nbdone, (size_t)nbtouse * sizeof(digit));
        SIZE(bslice) = nbtouse;
        int_strip(bslice);
        IntObject *product = int_kmul(a, (Object *)bslice);
        if (product == NULL) {
            decref(bslice);
            decref(ret);
            return NULL;
        }
        (void)int_viadd(ret->digits + nbdone, SIZE(ret) - nbdone, product->digits,
                        SIZE(product));
        decref(product);
        bsize -= nbtouse;
        nbdone += nbtouse;
    }
    decref(bslice);
    return int_strip(ret);
}

/* Knuth, TAOCP vol. 2 (3rd edn), 4.3.1, algorithm D: |v1| divmod |w1| for
** 2 <= size(w1) <= size(v1).  The trial quotient digit may be BASE + 1 at most, which
** still fits a digit, so step D3's special case is not needed.  Returns the quotient
** and stores the remainder in *prem (both normalised, not cached). */
static IntObject *
int_xdivrem(Object *v1, Object *w1, IntObject **prem)
{
    ssize_t size_v = int_ndigits(v1), size_w = int_ndigits(w1);
    IntObject *v = int_alloc(size_v + 1), *w, *a;
    *prem = NULL;
    if (v == NULL)
        return NULL;
    if ((w = int_alloc(size_w)) == NULL) {
        decref(v);
        return NULL;
    }
    /* D1: normalise so that w's top digit has its high bit set. */
    int d = INT_SHIFT - int_bits_in_digit(INT_DIGITS(w1)[size_w - 1]);
    (void)int_vlshift(w->digits, INT_DIGITS(w1), size_w, d);
    digit carry = int_vlshift(v->digits, INT_DIGITS(v1), size_v, d);
    if (carry != 0 || v->digits[size_v - 1] >= w->digits[size_w - 1]) {
        v->digits[size_v] = carry;
        size_v++;
    }
    ssize_t k = size_v - size_w;        /* quotient digits */
    if ((a = int_alloc(k)) == NULL) {
        decref(w);
        decref(v);
        return NULL;
    }
    digit *v0 = v->digits, *w0 = w->digits, *vk, *ak;
    digit wm1 = w0[size_w - 1], wm2 = w0[size_w - 2];
    for (vk = v0 + k, ak = a->digits + k; vk-- > v0;) {
        /* D3: estimate q from the top two digits, refine with the third. */
        digit vtop = vk[size_w];
        twodigits vv = ((twodigits)vtop << INT_SHIFT) | vk[size_w - 1];
        digit q = (digit)(vv / wm1);
        digit r = (digit)(vv - (twodigits)wm1 * q);
        while ((twodigits)wm2 * q > (((twodigits)r << INT_SHIFT) | vk[size_w - 2])) {
            --q;
            r += wm1;
            if (r >= INT_BASE)
                break;
        }
        /* D4: vk[0:size_w+1] -= q * w0[0:size_w]. */
        sdigit zhi = 0;
        for (ssize_t i = 0; i < size_w; i++) {
            stwodigits z = (sdigit)vk[i] + zhi - (stwodigits)q * (stwodigits)w0[i];
            vk[i] = (digit)z & INT_MASK;
            zhi = (sdigit)(z >> INT_SHIFT);     /* arithmetic shift (gcc/clang) */
        }
        /* D6: q was one too large (rare): add w back. */
        if ((sdigit)vtop + zhi < 0) {
            carry = 0;
            for (ssize_t i = 0; i < size_w; i++) {
                carry += vk[i] + w0[i];
                vk[i] = carry & INT_MASK;
                carry >>= INT_SHIFT;
            }
            --q;
        }
        *--ak = q;
    }
    /* D8: unnormalise the remainder into w. */
    (void)int_vrshift(w0, v0, size_w, d);
    decref(v);
    *prem = int_strip(w);
    return int_strip(a);
}

/* Truncating division of a by b (b != 0): quotient sign a*b, remainder sign a; both
** results normalised and cached. */
static int
int_divrem(Object *a, Object *b, Object **pdiv, Object **prem)
{
    ssize_t na = int_ndigits(a), nb = int_ndigits(b);
    IntObject *z, *r;
    if (na < nb || (na == nb && INT_DIGITS(a)[na - 1] < INT_DIGITS(b)[nb - 1])) {
        if ((*prem = int_exact(a)) == NULL)
            return -1;
        *pdiv = int_small(0);
        return 0;
    }
    if (nb == 1) {
        z = int_alloc(na);
        if (z == NULL)
            return -1;
        digit rem = int_inplace_divrem1(z->digits, INT_DIGITS(a), na, INT_DIGITS(b)[0]);
        int_strip(z);
        r = NULL;
        *prem = int_from_long(SIZE(a) < 0 ? -(long)rem : (long)rem);
        if (*prem == NULL) {
            decref(z);
            return -1;
        }
    }
    else {
        z = int_xdivrem(a, b, &r);
        if (z == NULL)
            return -1;
        if (SIZE(a) < 0)
            SIZE(r) = -SIZE(r);
        if ((*prem = int_normalize(r)) == NULL) {
            decref(z);
            return -1;
        }
    }
    if ((SIZE(a) < 0) != (SIZE(b) < 0))
        SIZE(z) = -SIZE(z);
    if ((*pdiv = int_normalize(z)) == NULL) {
        CLEAR(*prem);
        return -1;
    }
    return 0;
}

/* Floor division: *pdiv, *pmod = divmod(v, w); either pointer may be NULL. */
static int
int_ldivmod(Object *v, Object *w, Object **pdiv, Object **pmod, const char *zeromsg)
{
    Object *div, *mod;
    if (SIZE(w) == 0) {
        err_set(exc_ZeroDivisionError, zeromsg);
        return -1;
    }
    if (int_is_medium(v) && int_is_medium(w)) {
        stwodigits x = int_medium(v), y = int_medium(w);
        stwodigits q = x / y, r = x % y;
        if (r != 0 && ((r ^ y) < 0)) {
            r += y;
            q -= 1;
        }
        if (pdiv && (*pdiv = int_from_stwodigits(q)) == NULL)
            return -1;
        if (pmod && (*pmod = int_from_stwodigits(r)) == NULL) {
            if (pdiv)
                CLEAR(*pdiv);
            return -1;
        }
        return 0;
    }
    if (int_divrem(v, w, &div, &mod) < 0)
        return -1;
    if ((SIZE(mod) < 0 && SIZE(w) > 0) || (SIZE(mod) > 0 && SIZE(w) < 0)) {
        Object *t = int_add(mod, w);
        decref(mod);
        mod = t;
        if (mod == NULL) {
            decref(div);
            return -1;
        }
        t = int_add(div, (Object *)&int_small_ints[INT_SMALL_NEG - 1]);
        decref(div);
        div = t;
        if (div == NULL) {
            decref(mod);
            return -1;
        }
    }
    if (pdiv)
        *pdiv = div;
    else
        decref(div);
    if (pmod)
        *pmod = mod;
    else
        decref(mod);
    return 0;
}

/* ================================================================ 5. arithmetic */

Object *
int_add(Object *a, Object *b)
{
    if (int_is_medium(a) && int_is_medium(b))
        return int_from_stwodigits(int_medium(a) + int_medium(b));
    if (SIZE(a) < 0) {
        if (SIZE(b) < 0) {
            IntObject *z = int_xadd(a, b);
            if (z != NULL)
                SIZE(z) = -SIZE(z);
            return (Object *)z;
        }
        return int_xsub(b, a);
    }
    if (SIZE(b) < 0)
        return int_xsub(a, b);
    return (Object *)int_xadd(a, b);
}

Object *
int_sub(Object *a, Object *b)
{
    if (int_is_medium(a) && int_is_medium(b))
        return int_from_stwodigits(int_medium(a) - int_medium(b));
    if (SIZE(a) < 0) {
        if (SIZE(b) < 0)
            return int_xsub(b, a);
        IntObject *z = int_xadd(a, b);
        if (z != NULL)
            SIZE(z) = -SIZE(z);
        return (Object *)z;
    }
    if (SIZE(b) < 0)
        return (Object *)int_xadd(a, b);
    return int_xsub(a, b);
}

Object *
int_mul(Object *a, Object *b)
{
    if (int_is_medium(a) && int_is_medium(b))
        return int_from_stwodigits(int_medium(a) * int_medium(b));
    IntObject *z = int_kmul(a, b);
    if (z == NULL)
        return NULL;
    if ((SIZE(a) ^ SIZE(b)) < 0)
        SIZE(z) = -SIZE(z);
    return int_normalize(z);            /* a zero product is the cached 0 */
}

Object *
int_floordiv(Object *a, Object *b)
{
    Object *div;
    if (int_ldivmod(a, b, &div, NULL, "integer division or modulo by zero") < 0)
        return NULL;
    return div;
}

Object *
int_mod(Object *a, Object *b)
{
    Object *mod;
    if (int_ldivmod(a, b, NULL, &mod, "integer modulo by zero") < 0)
        return NULL;
    return mod;
}

Object *
int_divmod(Object *a, Object *b)
{
    Object *qr[2];
    if (int_ldivmod(a, b, &qr[0], &qr[1], "integer division or modulo by zero") < 0)
        return NULL;
    return tuple_from_array_take(qr, 2);
}

Object *
int_neg(Object *a)
{
    if (int_is_medium(a))
        return int_from_stwodigits(-int_medium(a));
    Object *z = int_copy(a);
    if (z != NULL)
        SIZE(z) = -SIZE(z);
    return z;
}

static Object *
int_abs(Object *a)
{
    return SIZE(a) < 0 ? int_neg(a) : int_exact(a);
}

static Object *
int_invert(Object *a)
{
    if (int_is_medium(a))
        return int_from_stwodigits(~int_medium(a));
    /* ~x == -(x + 1) */
    return int_negate_take(int_add(a, (Object *)&int_small_ints[INT_SMALL_NEG + 1]));
}

#define MANT_DIG_DIGITS (DBL_MANT_DIG / INT_SHIFT)
#define MANT_DIG_BITS (DBL_MANT_DIG % INT_SHIFT)

/* a / b correctly rounded (CPython's long_true_divide): with shift chosen so that
** x = floor(|a| / |b| / 2**shift) has DBL_MANT_DIG + 2 or 3 bits, round x half-even
** to DBL_MANT_DIG bits using an "inexact" sticky flag, then scale by 2**shift. */
Object *
int_truediv(Object *a, Object *b)
{
    ssize_t a_size = int_ndigits(a), b_size = int_ndigits(b);
    int negate = (SIZE(a) < 0) ^ (SIZE(b) < 0);
    double result;
    if (b_size == 0)
        return err_set(exc_ZeroDivisionError, "division by zero");
    if (a_size == 0)
        goto underflow_or_zero;

    /* Both exactly representable: one correctly rounded hardware division. */
    int a_small = a_size <= MANT_DIG_DIGITS ||
                  (a_size == MANT_DIG_DIGITS + 1 &&
                   INT_DIGITS(a)[MANT_DIG_DIGITS] >> MANT_DIG_BITS == 0);
    int b_small = b_size <= MANT_DIG_DIGITS ||
                  (b_size == MANT_DIG_DIGITS + 1 &&
                   INT_DIGITS(b)[MANT_DIG_DIGITS] >> MANT_DIG_BITS == 0);
    if (a_small && b_small) {
        double da = INT_DIGITS(a)[--a_size], db = INT_DIGITS(b)[--b_size];
        while (a_size > 0)
            da = da * INT_BASE + INT_DIGITS(a)[--a_size];
        while (b_size > 0)
            db = db * INT_BASE + INT_DIGITS(b)[--b_size];
        result = da / db;
        return float_from_double(negate ? -result : result);
    }

    ssize_t diff = a_size - b_size;
    if (diff > SSIZE_MAX / INT_SHIFT - 1)
        goto overflow;
    if (diff < 1 - SSIZE_MAX / INT_SHIFT)
        goto underflow_or_zero;
    diff = diff * INT_SHIFT + int_bits_in_digit(INT_DIGITS(a)[a_size - 1]) -
           int_bits_in_digit(INT_DIGITS(b)[b_size - 1]);     /* a_bits - b_bits */
    if (diff > DBL_MAX_EXP)
        goto overflow;
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1)
        goto underflow_or_zero;

    /* MAX(diff, DBL_MIN_EXP) avoids double rounding for subnormal results. */
    ssize_t shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    int inexact = 0;
    IntObject *x;
    if (shift <= 0) {
        ssize_t shift_digits = -shift / INT_SHIFT;
        x = int_alloc(a_size + shift_digits + 1);
        if (x == NULL)
            return NULL;
        memset(x->digits, 0, (size_t)shift_digits * sizeof(digit));
        x->digits[a_size + shift_digits] = int_vlshift(x->digits + shift_digits, INT_DIGITS(a),
                                                      a_size, (int)(-shift % INT_SHIFT));
    }
    else {
        ssize_t shift_digits = shift / INT_SHIFT;
        x = int_alloc(a_size - shift_digits);
        if (x == NULL)
            return NULL;
        digit rem = int_vrshift(x->digits, INT_DIGITS(a) + shift_digits, a_size - shift_digits,
                                (int)(shift % INT_SHIFT));
        if (rem)
            inexact = 1;
        while (!inexact && shift_digits > 0)
            if (INT_DIGITS(a)[--shift_digits])
                inexact = 1;
    }
    int_strip(x);
    ssize_t x_size = SIZE(x);
    if (b_size == 1) {
        digit rem = int_inplace_divrem1(x->digits, x->digits, x_size, INT_DIGITS(b)[0]);
        int_strip(x);
        if (rem)
            inexact = 1;
    }
    else {
        IntObject *rem;
        IntObject *q = int_xdivrem((Object *)x, b, &rem);
        decref(x);
        if (q == NULL)
            return NULL;
        x = q;
        if (SIZE(rem))
            inexact = 1;
        decref(rem);
    }
    x_size = SIZE(x);
    ssize_t x_bits = (x_size - 1) * INT_SHIFT + int_bits_in_digit(x->digits[x_size - 1]);
    ssize_t extra_bits = (x_bits > DBL_MIN_EXP - shift ? x_bits : DBL_MIN_EXP - shift) -
                         DBL_MANT_DIG;  /* 2 or 3 */
    digit mask = (digit)1 << (extra_bits - 1);
    digit low = x->digits[0] | (digit)inexact;
    if ((low & mask) && (low & (3U * mask - 1U)))
        low += mask;
    x->digits[0] = low & ~(2U * mask - 1U);
    double dx = x->digits[--x_size];
    while (x_size > 0)
        dx = dx * INT_BASE + x->digits[--x_size];
    decref(x);
    if (shift + x_bits >= DBL_MAX_EXP &&
        (shift + x_bits > DBL_MAX_EXP || dx == ldexp(1.0, (int)x_bits)))
        goto overflow;
    result = ldexp(dx, (int)shift);
    return float_from_double(negate ? -result : result);

underflow_or_zero:
    return float_from_double(negate ? -0.0 : 0.0);
overflow:
    return err_set(exc_OverflowError, "integer division result too large for a float");
}

/* An inverse of a modulo n > 0 by the extended Euclidean algorithm. */
static Object *
int_invmod(Object *a, Object *n)
{
    Object *b = int_small(1), *c = int_small(0);
    incref(a);
    incref(n);
    while (SIZE(n) != 0) {
        Object *q, *r, *s, *t;
        if (int_ldivmod(a, n, &q, &r, "integer division or modulo by zero") < 0)
            goto error;
        decref(a);
        a = n;
        n = r;
        t = int_mul(q, c);
        decref(q);
        if (t == NULL)
            goto error;
        s = int_sub(b, t);
        decref(t);
        if (s == NULL)
            goto error;
        decref(b);
        b = c;
        c = s;
    }
    decref(c);
    decref(n);
    if (!(SIZE(a) == 1 && INT_DIGITS(a)[0] == 1)) {
        decref(a);
        decref(b);
        return err_set(exc_ValueError, "base is not invertible for the given modulus");
    }
    decref(a);
    return b;
error:
    decref(a);
    decref(b);
    decref(c);
    decref(n);
    return NULL;
}

/* a ** b (or pow(a, b, mod)) with ints; a negative exponent without a modulus gives a
** float, with a modulus it uses the modular inverse.  Exponents up to 60 bits use
** left-to-right binary exponentiation (HAC 14.79), longer ones a 5-bit sliding window
** (HAC 14.85), as CPython. */
Object *
int_pow(Object *v, Object *w, Object *x)
{
    Object *a, *b, *c = NULL, *z = NULL, *temp = NULL, *a2 = NULL;
    Object *table[EXP_TABLE_LEN];
    ssize_t num_table_entries = 0, i, j;
    int negative_output = 0;

    if (x != NULL && x != None && !INT_CHECK(x))
        return newref(NotImplemented);
    if (SIZE(w) < 0 && (x == NULL || x == None)) {
        /* float semantics: convert both operands to double */
        double iv = int_as_double(v), iw;
        if (iv == -1.0 && err_occurred())
            return NULL;
        iw = int_as_double(w);
        if (iw == -1.0 && err_occurred())
            return NULL;
        if (iv == 0.0)
            return err_set(exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return float_from_double(pow(iv, iw));
    }
    if ((x == NULL || x == None) && heap_get_limit() != 0) {
        /* Under -X heaplimit a result that cannot fit is MemoryError at once, not after
        ** minutes of squaring (10**(10**8)): |v|**w has at least w*(bits(v)-1) bits. */
        size_t vbits = int_bit_length(v);
        if (vbits > 1) {
            double wd = int_as_double(w);
            if (wd == -1.0 && err_occurred()) {
                err_clear();    /* w too big for a double: certainly too much */
                wd = HUGE_VAL;
            }
            if (wd * (double)(vbits - 1) / 8.0 > (double)heap_get_limit())
                return err_no_memory();
        }
    }
    a = newref(v);
    b = newref(w);
    if (x != NULL && x != None) {
        c = newref(x);
        if (SIZE(c) == 0) {
            err_set(exc_ValueError, "pow() 3rd argument cannot be 0");
            goto error;
        }
        if (SIZE(c) < 0) {
            negative_output = 1;
            temp = int_neg(c);
            if (temp == NULL)
                goto error;
            SETREF(c, temp);
            temp = NULL;
        }
        if (SIZE(c) == 1 && INT_DIGITS(c)[0] == 1) {
            z = int_small(0);
            goto done;
        }
        if (SIZE(b) < 0) {
            temp = int_neg(b);
            if (temp == NULL)
                goto error;
            SETREF(b, temp);
            temp = int_invmod(a, c);
            if (temp == NULL)
                goto error;
            SETREF(a, temp);
            temp = NULL;
        }
        /* Reduce a negative base, or one obviously larger than the modulus. */
        if (SIZE(a) < 0 || SIZE(a) > SIZE(c)) {
            if (int_ldivmod(a, c, NULL, &temp, "integer modulo by zero") < 0)
                goto error;
            SETREF(a, temp);
            temp = NULL;
        }
    }

    z = int_small(1);

#define POW_REDUCE(X)                                                                    \
    do {                                                                                 \
        if (c != NULL) {                                                                 \
            if (int_ldivmod(X, c, NULL, &temp, "integer modulo by zero") < 0)            \
                goto error;                                                              \
            XSETREF(X, temp);                                                            \
            temp = NULL;                                                                 \
        }                                                                                \
    } while (0)
#define POW_MULT(X, Y, R)                                                                \
    do {                                                                                 \
        temp = int_mul(X, Y);                                                            \
        if (temp == NULL)                                                                \
            goto error;                                                                  \
        XSETREF(R, temp);                                                                \
        temp = NULL;                                                                     \
        POW_REDUCE(R);                                                                   \
    } while (0)

    i = SIZE(b);
    digit bi = i ? INT_DIGITS(b)[i - 1] : 0;
    if (i <= 1 && bi <= 3) {
        if (bi >= 2) {
            POW_MULT(a, a, z);
            if (bi == 3)
                POW_MULT(z, a, z);
        }
        else if (bi == 1)
            POW_MULT(a, z, z);          /* makes an exact int of a subclass; reduces */
    }
    else if (i <= HUGE_EXP_CUTOFF / INT_SHIFT) {
        SETREF(z, newref(a));
        digit bit = (digit)1 << (int_bits_in_digit(bi) - 1);
        for (--i, bit >>= 1;;) {
            for (; bit != 0; bit >>= 1) {
                POW_MULT(z, z, z);
                if (bi & bit)
                    POW_MULT(z, a, z);
            }
            if (--i < 0)
                break;
            bi = INT_DIGITS(b)[i];
            bit = (digit)1 << (INT_SHIFT - 1);
        }
    }
    else {
        /* table[i] == a**(2*i + 1) % c */
        table[0] = newref(a);
        num_table_entries = 1;
        POW_MULT(a, a, a2);
        for (i = 1; i < EXP_TABLE_LEN; ++i) {
            table[i] = NULL;
            POW_MULT(table[i - 1], a2, table[i]);
            ++num_table_entries;
        }
        CLEAR(a2);
        /* 'pending' collects up to EXP_WINDOW_SIZE bits starting with a 1 bit. */
        int pending = 0, blen = 0;
#define POW_ABSORB_PENDING                                                               \
    do {                                                                                 \
        int ntz = 0;                                                                     \
        while ((pending & 1) == 0) {                                                     \
            ++ntz;                                                                       \
            pending >>= 1;                                                               \
        }                                                                                \
        blen -= ntz;                                                                     \
        do {                                                                             \
            POW_MULT(z, z, z);                                                           \
        } while (--blen);                                                                \
        POW_MULT(z, table[pending >> 1], z);                                             \
        while (ntz-- > 0)                                                                \
            POW_MULT(z, z, z);                                                           \
        pending = 0;                                                                     \
    } while (0)
        for (i = SIZE(b) - 1; i >= 0; --i) {
            const digit bd = INT_DIGITS(b)[i];
            for (j = INT_SHIFT - 1; j >= 0; --j) {
                pending = (pending << 1) | (int)((bd >> j) & 1);
                if (pending) {
                    if (++blen == EXP_WINDOW_SIZE)
                        POW_ABSORB_PENDING;
                }
                else
                    POW_MULT(z, z, z);
            }
        }
        if (pending)
            POW_ABSORB_PENDING;
#undef POW_ABSORB_PENDING
    }
#undef POW_MULT
#undef POW_REDUCE

    if (negative_output && SIZE(z) != 0) {
        temp = int_sub(z, c);
        if (temp == NULL)
            goto error;
        SETREF(z, temp);
        temp = NULL;
    }
    goto done;

error:
    CLEAR(z);
done:
    for (i = 0; i < num_table_entries; ++i)
        decref(table[i]);
    decref(a);
    decref(b);
    xdecref(c);
    xdecref(a2);
    xdecref(temp);
    return z;
}

/* Split a non-negative shift count into whole digits and bits; huge counts are clipped
** (a right shift then gives 0 or -1, a left shift fails to allocate). */
static void
int_shift_count(Object *b, ssize_t *wordshift, digit *remshift)
{
    int overflow;
    long n = int_as_long_and_overflow(b, &overflow);
    if (overflow || n / INT_SHIFT >= INT_MAX_DIGITS) {
        *wordshift = INT_MAX_DIGITS;
        *remshift = 0;
        return;
    }
    *wordshift = n / INT_SHIFT;
    *remshift = (digit)(n % INT_SHIFT);
}

static Object *
int_rshift1(Object *a, ssize_t wordshift, digit remshift)
{
    if (int_is_medium(a)) {
        stwodigits m = int_medium(a);
        int shift = wordshift == 0 ? (int)remshift : INT_SHIFT;
        return int_from_stwodigits(m < 0 ? ~(~m >> shift) : m >> shift);
    }
    if (SIZE(a) < 0) {
        /* floor semantics: a >> n == ~(~a >> n) */
        Object *a1 = int_invert(a);
        if (a1 == NULL)
            return NULL;
        Object *a2 = int_rshift1(a1, wordshift, remshift);
        decref(a1);
        if (a2 == NULL)
            return NULL;
        Object *z = int_invert(a2);
        decref(a2);
        return z;
    }
    ssize_t newsize = SIZE(a) - wordshift;
    if (newsize <= 0)
        return int_small(0);
    IntObject *z = int_alloc(newsize);
    if (z == NULL)
        return NULL;
    int hishift = INT_SHIFT - (int)remshift;
    ssize_t i, j = wordshift;
    twodigits accum = INT_DIGITS(a)[j++] >> remshift;
    for (i = 0; j < SIZE(a); i++, j++) {
        accum |= (twodigits)INT_DIGITS(a)[j] << hishift;
        z->digits[i] = (digit)(accum & INT_MASK);
        accum >>= INT_SHIFT;
    }
    z->digits[i] = (digit)accum;
    return int_normalize(z);
}

static Object *
int_lshift1(Object *a, ssize_t wordshift, digit remshift)
{
    if (wordshift == 0 && int_is_medium(a)) {
        stwodigits m = int_medium(a);
        return int_from_stwodigits(m < 0 ? -(-m << remshift) : m << remshift);
    }
    ssize_t oldsize = int_ndigits(a);
    if (wordshift > INT_MAX_DIGITS - oldsize - 1)
        return err_set(exc_OverflowError, "too many digits in integer");
    ssize_t newsize = oldsize + wordshift + (remshift ? 1 : 0);
    IntObject *z = int_alloc(newsize);
    if (z == NULL)
        return NULL;
    memset(z->digits, 0, (size_t)wordshift * sizeof(digit));
    twodigits accum = 0;
    ssize_t i, j;
    for (i = wordshift, j = 0; j < oldsize; i++, j++) {
        accum |= (twodigits)INT_DIGITS(a)[j] << remshift;
        z->digits[i] = (digit)(accum & INT_MASK);
        accum >>= INT_SHIFT;
    }
    if (remshift)
        z->digits[newsize - 1] = (digit)accum;
    if (SIZE(a) < 0)
        SIZE(z) = -SIZE(z);
    return int_normalize(z);
}

Object *
int_lshift(Object *a, Object *b)
{
    ssize_t wordshift;
    digit remshift;
    if (SIZE(b) < 0)
        return err_set(exc_ValueError, "negative shift count");
    if (SIZE(a) == 0)
        return int_small(0);
    int_shift_count(b, &wordshift, &remshift);
    return int_lshift1(a, wordshift, remshift);
}

Object *
int_rshift(Object *a, Object *b)
{
    ssize_t wordshift;
    digit remshift;
    if (SIZE(b) < 0)
        return err_set(exc_ValueError, "negative shift count");
    if (SIZE(a) == 0)
        return int_small(0);
    int_shift_count(b, &wordshift, &remshift);
    return int_rshift1(a, wordshift, remshift);
}

/* z[0:m] = two's complement of a[0:m] (a not all zero; z == a allowed). */
static void
int_vcomplement(digit *z, const digit *a, ssize_t m)
{
    digit carry = 1;
    for (ssize_t i = 0; i < m; i++) {
        carry += a[i] ^ INT_MASK;
        z[i] = carry & INT_MASK;
        carry >>= INT_SHIFT;
    }
}

/* & | ^ as if on infinite two's-complement bit strings (CPython's long_bitwise): negative
** operands are complemented into temporaries, the result complemented back. */
static Object *
int_bitwise(Object *a, char op, Object *b)
{
    ssize_t size_a = int_ndigits(a), size_b = int_ndigits(b), size_z, i;
    int nega = SIZE(a) < 0, negb = SIZE(b) < 0, negz;
    IntObject *ta = NULL, *tb = NULL, *z;
    const digit *da = INT_DIGITS(a), *db = INT_DIGITS(b);
    if (nega) {
        if ((ta = int_alloc(size_a)) == NULL)
            return NULL;
        int_vcomplement(ta->digits, da, size_a);
        da = ta->digits;
    }
    if (negb) {
        if ((tb = int_alloc(size_b)) == NULL) {
            xdecref(ta);
            return NULL;
        }
        int_vcomplement(tb->digits, db, size_b);
        db = tb->digits;
    }
    if (size_a < size_b) {
        const digit *td = da; da = db; db = td;
        ssize_t ts = size_a; size_a = size_b; size_b = ts;
        int tn = nega; nega = negb; negb = tn;
    }
    /* The result's length: the shorter operand bounds & of two positives and | of two
    ** negatives; mixed signs are bounded by the positive (&) or negative (|) one. */
    switch (op) {
    case '^':
        negz = nega ^ negb;
        size_z = size_a;
        break;
    case '&':
        negz = nega & negb;
        size_z = negb ? size_a : size_b;
        break;
    default:
        negz = nega | negb;
        size_z = negb ? size_b : size_a;
        break;
    }
    z = int_alloc(size_z + negz);
    if (z == NULL) {
        xdecref(ta);
        xdecref(tb);
        return NULL;
    }
    switch (op) {
    case '&':
        for (i = 0; i < size_b; i++)
            z->digits[i] = da[i] & db[i];
        break;
    case '|':
        for (i = 0; i < size_b; i++)
            z->digits[i] = da[i] | db[i];
        break;
    default:
        for (i = 0; i < size_b; i++)
            z->digits[i] = da[i] ^ db[i];
        break;
    }
    if (op == '^' && negb)
        for (; i < size_z; i++)
            z->digits[i] = da[i] ^ INT_MASK;
    else if (i < size_z)
        memcpy(&z->digits[i], &da[i], (size_t)(size_z - i) * sizeof(digit));
    if (negz) {
        SIZE(z) = -SIZE(z);
        z->digits[size_z] = INT_MASK;
        int_vcomplement(z->digits, z->digits, size_z + 1);
    }
    xdecref(ta);
    xdecref(tb);
    return int_normalize(z);
}

Object *
int_and(Object *a, Object *b)
{
    if (int_is_medium(a) && int_is_medium(b))
        return int_from_stwodigits(int_medium(a) & int_medium(b));
    return int_bitwise(a, '&', b);
}

Object *
int_or(Object *a, Object *b)
{
    if (int_is_medium(a) && int_is_medium(b))
        return int_from_stwodigits(int_medium(a) | int_medium(b));
    return int_bitwise(a, '|', b);
}

Object *
int_xor(Object *a, Object *b)
{
    if (int_is_medium(a) && int_is_medium(b))
        return int_from_stwodigits(int_medium(a) ^ int_medium(b));
    return int_bitwise(a, '^', b);
}

/* ================================================================ 6. text */

/* The decimal conversion in two steps so that callers can write the digits straight
** into their own buffer: int_dec_prepare converts |a| to base 10**9 (Knuth 4.4, method
** 1b, as CPython's long_to_decimal_string) and measures the text; int_dec_write fills
** it right to left. */
typedef struct DecConv {
    digit *pout;                /* base 10**9 digits, least significant first */
    ssize_t size;
    ssize_t len;                /* characters, without the sign */
    digit small[8];
} DecConv;

static void
int_dec_release(DecConv *dc)
{
    if (dc->pout != dc->small)
        heap_free(dc->pout);
}

static int
int_dec_prepare(Object *a, DecConv *dc)
{
    ssize_t size_a = int_ndigits(a);
    /* A cheap, conservative early test so that a huge number is refused before the
    ** quadratic conversion (3.11's long_to_decimal_string_internal). */
    if (size_a >= 10 * INT_MAX_STR_DIGITS_THRESHOLD / (3 * INT_SHIFT) + 2) {
        int limit = int_max_str_digits;
        if (limit > 0 && limit / (3 * INT_SHIFT) <= (size_a - 11) / 10) {
            err_format(exc_ValueError, MAX_STR_ERROR_TO_STR, limit);
            return -1;
        }
    }
    /* size_a digits of 30 bits need at most 1 + size_a + size_a / 99 digits of base
    ** 10**9, since log2(10**9) > 29.7 (longobject.c's bound with d = 99). */
    ssize_t cap = 1 + size_a + size_a / 99;
    dc->pout = dc->small;
    if (cap > (ssize_t)(sizeof dc->small / sizeof(digit))) {
        dc->pout = heap_alloc((size_t)cap * sizeof(digit));
        if (dc->pout == NULL) {
            err_no_memory();
            return -1;
        }
    }
    digit *pout = dc->pout;
    const digit *pin = INT_DIGITS(a);
    ssize_t size = 0;
    for (ssize_t i = size_a; --i >= 0;) {
        digit hi = pin[i];
        for (ssize_t j = 0; j < size; j++) {
            twodigits z = (twodigits)pout[j] << INT_SHIFT | hi;
            hi = (digit)(z / DECIMAL_BASE);
            pout[j] = (digit)(z - (twodigits)hi * DECIMAL_BASE);
        }
        while (hi) {
            pout[size++] = hi % DECIMAL_BASE;
            hi /= DECIMAL_BASE;
        }
    }
    if (size == 0)
        pout[size++] = 0;
    ssize_t len = 1 + (size - 1) * DECIMAL_SHIFT;
    for (digit tenpow = 10, rem = pout[size - 1]; rem >= tenpow; tenpow *= 10)
        len++;                          /* rem < 10**9, so tenpow stops at 10**9 */
    dc->size = size;
    dc->len = len;
    if (len > INT_MAX_STR_DIGITS_THRESHOLD && int_max_str_digits > 0 &&
        len > int_max_str_digits) {
        int_dec_release(dc);
        err_format(exc_ValueError, MAX_STR_ERROR_TO_STR, int_max_str_digits);
        return -1;
    }
    return 0;
}

/* Write the dc->len digits ending just before 'end'. */
static void
int_dec_write(const DecConv *dc, char *end)
{
    char *p = end;
    ssize_t i;
    for (i = 0; i < dc->size - 1; i++) {
        digit rem = dc->pout[i];
        for (int j = 0; j < DECIMAL_SHIFT; j++) {
            *--p = (char)('0' + rem % 10);
            rem /= 10;
        }
    }
    digit rem = dc->pout[i];
    do {
        *--p = (char)('0' + rem % 10);
        rem /= 10;
    } while (rem != 0);
}

Object *
int_to_decimal_string(Object *o)
{
    if (int_is_medium(o)) {
        static const char pairs[] = "00010203040506070809101112131415161718192021222324"
                                    "25262728293031323334353637383940414243444546474849"
                                    "50515253545556575859606162636465666768697071727374"
                                    "75767778798081828384858687888990919293949596979899";
        char buf[16], *p = buf + sizeof buf;
        stwodigits v = int_medium(o);
        uint32_t u = (uint32_t)(v < 0 ? -v : v);     /* < 2**30: two digits per step */
        while (u >= 100) {
            uint32_t q = u / 100, r = u - q * 100;
            p -= 2;
            memcpy(p, pairs + 2 * r, 2);
            u = q;
        }
        if (u >= 10) {
            p -= 2;
            memcpy(p, pairs + 2 * u, 2);
        } else {
            *--p = (char)('0' + u);
        }
        if (v < 0)
            *--p = '-';
        /* a new, non-shared string even for one digit (long_to_decimal_string) */
        ssize_t n = buf + sizeof buf - p;
        Object *s = str_new(n, 127);
        if (s)
            memcpy(STR_DATA(s), p, (size_t)n);
        return s;
    }
    DecConv dc;
    if (int_dec_prepare(o, &dc) < 0)
        return NULL;
    int neg = SIZE(o) < 0;
    Object *s = str_new(dc.len + neg, '9');
    if (s != NULL) {
        char *data = (char *)STR_DATA(s);
        if (neg)
            data[0] = '-';
        int_dec_write(&dc, data + neg + dc.len);
    }
    int_dec_release(&dc);
    return s;
}

/* Number of characters of |a| in base 2**bits. */
static ssize_t
int_binary_len(Object *a, int bits)
{
    ssize_t n = int_ndigits(a);
    if (n == 0)
        return 1;
    ssize_t nbits = (n - 1) * INT_SHIFT + int_bits_in_digit(INT_DIGITS(a)[n - 1]);
    return (nbits + bits - 1) / bits;
}

/* Write |a| in base 2**bits (lowercase), ending just before 'end'. */
static void
int_binary_write(Object *a, int bits, char *end, ssize_t len)
{
    char *p = end;
    ssize_t n = int_ndigits(a);
    if (n == 0) {
        *--p = '0';
        return;
    }
    twodigits accum = 0;
    int accumbits = 0;
    digit mask = ((digit)1 << bits) - 1;
    char *stop = end - len;
    for (ssize_t i = 0; i < n && p > stop; i++) {
        accum |= (twodigits)INT_DIGITS(a)[i] << accumbits;
        accumbits += INT_SHIFT;
        while (accumbits >= bits && p > stop) {
            *--p = "0123456789abcdef"[accum & mask];
            accum >>= bits;
            accumbits -= bits;
        }
    }
    while (p > stop) {                  /* the top, partial character */
        *--p = "0123456789abcdef"[accum & mask];
        accum >>= bits;
    }
}

static int
int_base_bits(int base)
{
    return base == 2 ? 1 : base == 8 ? 3 : 4;
}

Object *
int_format_base(Object *o, int base, int prefix)
{
    if (base == 10)
        return int_to_decimal_string(o);
    if (base != 2 && base != 8 && base != 16)
        return err_bad_internal_call("int_format_base");
    int bits = int_base_bits(base);
    int neg = SIZE(o) < 0;
    ssize_t n = int_binary_len(o, bits);
    ssize_t total = neg + (prefix ? 2 : 0) + n;
    Object *s = str_new(total, 'x');
    if (s == NULL)
        return NULL;
    char *data = (char *)STR_DATA(s), *p = data;
    if (neg)
        *p++ = '-';
    if (prefix) {
        *p++ = '0';
        *p++ = base == 16 ? 'x' : base == 8 ? 'o' : 'b';
    }
    int_binary_write(o, bits, data + total, n);
    return s;
}

/* |o| in base 2, 8, 10 or 16 as a NUL-terminated heap block (for __format__). */
static char *
int_digits_cstr(Object *o, int base, size_t *plen)
{
    char *text;
    ssize_t n;
    if (base == 10) {
        DecConv dc;
        if (int_dec_prepare(o, &dc) < 0)
            return NULL;
        n = dc.len;
        text = heap_alloc((size_t)n + 1);
        if (text != NULL)
            int_dec_write(&dc, text + n);
        int_dec_release(&dc);
    }
    else {
        int bits = int_base_bits(base);
        n = int_binary_len(o, bits);
        text = heap_alloc((size_t)n + 1);
        if (text != NULL)
            int_binary_write(o, bits, text + n, n);
    }
    if (text == NULL) {
        err_no_memory();
        return NULL;
    }
    text[n] = '\0';
    *plen = (size_t)n;
    return text;
}

/* ---------------------------------------------------------------- parsing */

/* Digit values for parsing: '0'-'9' -> 0-9, letters -> 10-35 (any case), else 37. */
static const unsigned char int_digit_value[256] = {
    37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37,
    37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37,
    37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37,
    0,  1,  2,  3,  4,  5,  6,  7,  8,  9,  37, 37, 37, 37, 37, 37,
    37, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
    25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 37, 37, 37, 37, 37,
    37, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
    25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 37, 37, 37, 37, 37,
    37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37,
    37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37,
    37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37,
    37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37,
    37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37,
    37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37,
    37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37,
    37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37,
};

/* For the multiply-add conversion of non-binary bases: convwidth[b] input digits are
** taken at a time, as one digit of base convmultmax[b] = b**convwidth[b] <= 2**30. */
static int int_convwidth[37];
static twodigits int_convmultmax[37];
static double int_log_base_BASE[37];

static inline int
int_is_space(unsigned char c)           /* Py_ISSPACE: the ASCII whitespace */
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

enum { PARSE_SPACE = 1, PARSE_SIGN = 2, PARSE_LIMIT = 4 };

/* Parse s[0:len) as int(s, base) (base 0 or 2..36) does, or as a literal (flags 0).
** Returns a new reference; NULL with an exception for memory errors and the digit
** limit; NULL *without* an exception when the text is not a valid literal. */
static Object *
int_parse(const char *s, size_t len, int base, int flags)
{
    const char *p = s, *end = s + len;
    int negative = 0, error_if_nonzero = 0;
    if (flags & PARSE_SPACE)
        while (p < end && int_is_space((unsigned char)*p))
            p++;
    if ((flags & PARSE_SIGN) && p < end && (*p == '+' || *p == '-'))
        negative = *p++ == '-';
    char c0 = p < end ? p[0] : 0, c1 = p + 1 < end ? (char)(p[1] | 0x20) : 0;
    if (base == 0) {
        if (c0 != '0')
            base = 10;
        else if (c1 == 'x')
            base = 16;
        else if (c1 == 'o')
            base = 8;
        else if (c1 == 'b')
            base = 2;
        else {
            /* an old C-style octal literal: only zero is allowed */
            error_if_nonzero = 1;
            base = 10;
        }
    }
    if (c0 == '0' && ((base == 16 && c1 == 'x') || (base == 8 && c1 == 'o') ||
                      (base == 2 && c1 == 'b'))) {
        p += 2;
        if (p < end && *p == '_')       /* one underscore may follow the prefix */
            p++;
    }
    if (p < end && *p == '_')
        return NULL;

    /* Scan the digits: single underscores between them. */
    const char *start = p;
    ssize_t ndigits = 0;
    int nonzero = 0;
    char prev = 0;
    while (p < end && (int_digit_value[(unsigned char)*p] < base || *p == '_')) {
        if (*p == '_') {
            if (prev == '_')
                return NULL;
        }
        else {
            ndigits++;
            nonzero |= *p != '0';
        }
        prev = *p++;
    }
    if (prev == '_')
        return NULL;
    int binary = (base & (base - 1)) == 0;
    if (!binary && (flags & PARSE_LIMIT) && ndigits > INT_MAX_STR_DIGITS_THRESHOLD &&
        int_max_str_digits > 0 && ndigits > int_max_str_digits) {
        err_format(exc_ValueError, MAX_STR_ERROR_TO_INT, int_max_str_digits, ndigits);
        return NULL;
    }
    const char *stop = p;
    if (ndigits == 0 || (error_if_nonzero && nonzero))
        return NULL;
    if (flags & PARSE_SPACE)
        while (p < end && int_is_space((unsigned char)*p))
            p++;
    if (p != end)
        return NULL;

    IntObject *z;
    if (binary) {
        /* Power-of-two base: pack the bits, reading from the least significant end. */
        int bits_per_char = __builtin_ctz((unsigned)base);
        if (ndigits > (SSIZE_MAX - (INT_SHIFT - 1)) / bits_per_char) {
            err_set(exc_ValueError, "int string too large to convert");
            return NULL;
        }
        ssize_t n = (ndigits * bits_per_char + INT_SHIFT - 1) / INT_SHIFT;
        if ((z = int_alloc(n)) == NULL)
            return NULL;
        twodigits accum = 0;
        int bits_in_accum = 0;
        digit *pd = z->digits;
        for (const char *q = stop; --q >= start;) {
            if (*q == '_')
                continue;
            accum |= (twodigits)int_digit_value[(unsigned char)*q] << bits_in_accum;
            bits_in_accum += bits_per_char;
            if (bits_in_accum >= INT_SHIFT) {
                *pd++ = (digit)(accum & INT_MASK);
                accum >>= INT_SHIFT;
                bits_in_accum -= INT_SHIFT;
            }
        }
        if (bits_in_accum)
            *pd++ = (digit)accum;
        while (pd - z->digits < n)
            *pd++ = 0;
    }
    else {
        /* Other bases: z = z * convmult + c for chunks of convwidth input digits.  The
        ** size estimate can be one digit short in rare cases (see longobject.c); grow. */
        double fsize = (double)ndigits * int_log_base_BASE[base] + 1.0;
        if (fsize > (double)INT_MAX_DIGITS) {
            err_set(exc_OverflowError, "too many digits in integer");
            return NULL;
        }
        ssize_t size_z = (ssize_t)fsize;
        if ((z = int_alloc(size_z)) == NULL)
            return NULL;
        SIZE(z) = 0;
        int convwidth = int_convwidth[base];
        twodigits convmultmax = int_convmultmax[base];
        const char *q = start;
        while (q < stop) {
            if (*q == '_') {
                q++;
                continue;
            }
            twodigits c = int_digit_value[(unsigned char)*q++];
            int i = 1;
            for (; i < convwidth && q != stop; q++) {
                if (*q == '_')
                    continue;
                i++;
                c = c * (twodigits)base + int_digit_value[(unsigned char)*q];
            }
            twodigits convmult = convmultmax;
            if (i != convwidth)
                for (convmult = (twodigits)base; i > 1; i--)
                    convmult *= (twodigits)base;
            digit *pz = z->digits, *pzstop = pz + SIZE(z);
            for (; pz < pzstop; pz++) {
                c += (twodigits)*pz * convmult;
                *pz = (digit)(c & INT_MASK);
                c >>= INT_SHIFT;
            }
            if (c) {
                if (SIZE(z) < size_z) {
                    *pz = (digit)c;
                    SIZE(z)++;
                }
                else {
                    IntObject *t = int_alloc(size_z + 1);
                    if (t == NULL) {
                        decref(z);
                        return NULL;
                    }
                    memcpy(t->digits, z->digits, (size_t)size_z * sizeof(digit));
                    decref(z);
                    z = t;
                    z->digits[size_z] = (digit)c;
                    size_z++;
                }
            }
        }
    }
    if (negative)
        SIZE(z) = -SIZE(z);
    return int_normalize(z);
}

/* Raise "invalid literal for int() with base B: R" where R is repr(orig) cut to 200
** characters (CPython's "%.200R"). */
static Object *
int_invalid_literal(Object *orig, int base)
{
    Object *r = obj_repr(orig);
    if (r == NULL)
        return NULL;
    if (STR_LEN(r) > 200) {
        Object *t = str_substring(r, 0, 200);
        decref(r);
        if ((r = t) == NULL)
            return NULL;
    }
    err_format(exc_ValueError, "invalid literal for int() with base %d: %U", base, r);
    decref(r);
    return NULL;
}

/* _PyUnicode_TransformDecimalAndSpaceToASCII for one code point >= 128: Unicode
** whitespace becomes ' ', a decimal digit of any script its ASCII digit, the rest '?'. */
static char
int_unicode_to_ascii(uint32_t c)
{
    if (unicode_isspace(c))
        return ' ';
    int d = unicode_todecimal(c);
    return d >= 0 ? (char)('0' + d) : '?';
}

/* int(u, base) for a str u. */
static Object *
int_from_str_obj(Object *u, int base)
{
    Object *r;
    ssize_t n = STR_LEN(u);
    if (STR_IS_ASCII(u))
        r = int_parse(STR_ASCII(u), (size_t)n, base, PARSE_SPACE | PARSE_SIGN | PARSE_LIMIT);
    else {
        char *buf = heap_alloc((size_t)n + 1);
        if (buf == NULL)
            return err_no_memory();
        int kind = STR_KIND(u);
        const void *data = STR_DATA(u);
        for (ssize_t i = 0; i < n; i++) {
            uint32_t c = STR_READ(kind, data, i);
            buf[i] = c < 128 ? (char)c : int_unicode_to_ascii(c);
        }
        r = int_parse(buf, (size_t)n, base, PARSE_SPACE | PARSE_SIGN | PARSE_LIMIT);
        heap_free(buf);
    }
    if (r == NULL && !err_occurred())
        return int_invalid_literal(u, base);
    return r;
}

/* int(b, base) for the contents of a bytes or bytearray. */
static Object *
int_from_bytes_text(const char *s, ssize_t n, int base)
{
    Object *r = int_parse(s, (size_t)n, base, PARSE_SPACE | PARSE_SIGN | PARSE_LIMIT);
    if (r == NULL && !err_occurred()) {
        Object *b = bytes_from_buf(s, n < 200 ? n : 200);
        if (b == NULL)
            return NULL;
        int_invalid_literal(b, base);
        decref(b);
    }
    return r;
}

static int
int_check_base(long base)
{
    if ((base != 0 && base < 2) || base > 36) {
        err_set(exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        return -1;
    }
    return 0;
}

Object *
int_from_string(const char *s, ssize_t len, int base)
{
    if (int_check_base(base) < 0)
        return NULL;
    ssize_t i = 0;
    while (i < len && (unsigned char)s[i] < 128)
        i++;
    if (i == len) {
        Object *r = int_parse(s, (size_t)len, base, PARSE_SPACE | PARSE_SIGN | PARSE_LIMIT);
        if (r != NULL || err_occurred())
            return r;
    }
    Object *u = str_from_utf8(s, len);
    if (u == NULL)
        return NULL;
    Object *r = int_from_str_obj(u, base);
    decref(u);
    return r;
}

Object *
int_from_literal(const char *s, ssize_t len)
{
    Object *r = int_parse(s, (size_t)len, 0, PARSE_LIMIT);
    if (r == NULL && !err_occurred()) {
        Object *u = str_from_utf8(s, len);
        if (u == NULL)
            return NULL;
        int_invalid_literal(u, 0);
        decref(u);
    }
    return r;
}

/* ================================================================ 7. the type */

static void
int_dealloc(Object *o)
{
    IntObject *v = (IntObject *)o;
    if (UNLIKELY(v >= int_small_ints && v < int_small_ints + INT_SMALL_NEG + INT_SMALL_POS))
        fatal("deallocating a cached small int");
    if (LIKELY(TYPE(o) == &int_type)) {
        obj_live_count--;           /* obj_free for a non-GC type without pre-header */
        heap_free(o);
        return;
    }
    void (*release)(void *) = TYPE(o)->free ? TYPE(o)->free : obj_free;
    release(o);
}

static Object *
int_repr(Object *o)
{
    return int_to_decimal_string(o);
}

static hash_t
int_hash_slot(Object *o)
{
    return int_hash(o);
}

static Object *
int_richcompare(Object *a, Object *b, int op)
{
    if (!INT_CHECK(a) || !INT_CHECK(b))
        return newref(NotImplemented);
    int c = a == b ? 0 : int_compare(a, b);
    int r;
    switch (op) {
    case CMP_LT: r = c < 0; break;
    case CMP_LE: r = c <= 0; break;
    case CMP_EQ: r = c == 0; break;
    case CMP_NE: r = c != 0; break;
    case CMP_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return bool_from(r);
}

/* Binary slots: NotImplemented unless both operands are ints, so that float, complex
** and user classes get their turn (CPython's CHECK_BINOP). */
#define INT_BINARY_SLOT(name, impl)                                                      \
    static Object *name(Object *a, Object *b)                                            \
    {                                                                                    \
        if (!INT_CHECK(a) || !INT_CHECK(b))                                              \
            return newref(NotImplemented);                                               \
        return impl(a, b);                                                               \
    }
INT_BINARY_SLOT(int_nb_add, int_add)
INT_BINARY_SLOT(int_nb_subtract, int_sub)
INT_BINARY_SLOT(int_nb_multiply, int_mul)
INT_BINARY_SLOT(int_nb_remainder, int_mod)
INT_BINARY_SLOT(int_nb_divmod, int_divmod)
INT_BINARY_SLOT(int_nb_floor_divide, int_floordiv)
INT_BINARY_SLOT(int_nb_true_divide, int_truediv)
INT_BINARY_SLOT(int_nb_lshift, int_lshift)
INT_BINARY_SLOT(int_nb_rshift, int_rshift)
INT_BINARY_SLOT(int_nb_and, int_and)
INT_BINARY_SLOT(int_nb_or, int_or)
INT_BINARY_SLOT(int_nb_xor, int_xor)
#undef INT_BINARY_SLOT

static Object *
int_nb_power(Object *a, Object *b, Object *c)
{
    if (!INT_CHECK(a) || !INT_CHECK(b))
        return newref(NotImplemented);
    return int_pow(a, b, c);
}

static int
int_nb_bool(Object *o)
{
    return SIZE(o) != 0;
}

static Object *
int_nb_float(Object *o)
{
    double d = int_as_double(o);
    if (d == -1.0 && err_occurred())
        return NULL;
    return float_from_double(d);
}

/* ---------------------------------------------------------------- int(x, base) */

/* int(o) for any object (CPython's PyNumber_Long): __int__, then __index__, then
** __trunc__ (looked up on the type), then str/bytes/bytearray parsing in base 10.
** The deprecation warnings CPython emits on the way are not issued. */
static Object *
int_from_object(Object *o)
{
    Object *r;
    if (INT_CHECK_EXACT(o))
        return newref(o);
    TypeObject *t = TYPE(o);
    if (t->nb_int) {
        r = t->nb_int(o);
        if (r == NULL || INT_CHECK_EXACT(r))
            return r;
        if (!INT_CHECK(r)) {
            err_format(exc_TypeError, "__int__ returned non-int (type %s)", TYPE(r)->name);
            decref(r);
            return NULL;
        }
        SETREF(r, int_copy(r));
        return r;
    }
    if (t->nb_index) {
        r = num_index(o);               /* may be a subclass instance: int() is exact */
        if (r != NULL && !INT_CHECK_EXACT(r))
            SETREF(r, int_copy(r));
        return r;
    }
    if (type_lookup(t, ID(__trunc__)) != NULL) {
        r = type_call_special(o, ID(__trunc__), NULL, 0);
        if (r == NULL || INT_CHECK_EXACT(r))
            return r;
        if (INT_CHECK(r)) {
            SETREF(r, int_copy(r));
            return r;
        }
        if (!index_check(r)) {
            err_format(exc_TypeError, "__trunc__ returned non-Integral (type %s)",
                       TYPE(r)->name);
            decref(r);
            return NULL;
        }
        SETREF(r, num_index(r));
        if (r != NULL && !INT_CHECK_EXACT(r))
            SETREF(r, int_copy(r));
        return r;
    }
    if (STR_CHECK(o))
        return int_from_str_obj(o, 10);
    if (BYTES_CHECK(o))
        return int_from_bytes_text(BYTES_DATA(o), BYTES_LEN(o), 10);
    if (obj_type_check(o, &bytearray_type))
        return int_from_bytes_text(BYTEARRAY_DATA(o), BYTEARRAY_LEN(o), 10);
    return err_format(exc_TypeError,
                      "int() argument must be a string, a bytes-like object or a real "
                      "number, not '%s'", t->name);
}

static Object *
int_new_impl(Object *x, Object *obase)
{
    if (x == NULL) {
        if (obase != NULL)
            return err_set(exc_TypeError, "int() missing string argument");
        return int_small(0);
    }
    if (obase == NULL)
        return int_from_object(x);
    Object *b = num_index(obase);
    if (b == NULL)
        return NULL;
    int overflow;
    long base = int_as_long_and_overflow(b, &overflow);
    decref(b);
    if (overflow)
        base = -1;
    if (int_check_base(base) < 0)
        return NULL;
    if (STR_CHECK(x))
        return int_from_str_obj(x, (int)base);
    if (BYTES_CHECK(x))
        return int_from_bytes_text(BYTES_DATA(x), BYTES_LEN(x), (int)base);
    if (obj_type_check(x, &bytearray_type))
        return int_from_bytes_text(BYTEARRAY_DATA(x), BYTEARRAY_LEN(x), (int)base);
    return err_set(exc_TypeError, "int() can't convert non-string with explicit base");
}

/* One keyword argument of int(x=0, /, base=10): only 'base', and not twice. */
static int
int_take_keyword(Object *name, Object *value, Object **obase)
{
    if (!STR_CHECK(name) || !str_eq_cstr(name, "base")) {
        err_format(exc_TypeError, "'%S' is an invalid keyword argument for int()", name);
        return -1;
    }
    if (*obase != NULL) {
        err_set(exc_TypeError, "argument for int() given by name ('base') and position (2)");
        return -1;
    }
    *obase = value;
    return 0;
}

/* int.__new__(type, x=0, /, base=10).  For a subclass, build the exact int and copy its
** digits into an instance allocated by the subclass (CPython's long_subtype_new). */
static Object *
int_new(TypeObject *type, Object *args, Object *kwargs)
{
    ssize_t nargs = args ? TUPLE_LEN(args) : 0;
    ssize_t nkw = kwargs ? DICT_LEN(kwargs) : 0;
    Object *x = nargs > 0 ? TUPLE_GET(args, 0) : NULL;
    Object *obase = nargs > 1 ? TUPLE_GET(args, 1) : NULL;
    if (nargs + nkw > 2)
        return err_format(exc_TypeError, "int() takes at most 2 arguments (%zd given)",
                          nargs + nkw);
    if (nkw) {
        ssize_t pos = 0;
        Object *k, *v;
        while (dict_next(kwargs, &pos, &k, &v))
            if (int_take_keyword(k, v, &obase) < 0)
                return NULL;
    }
    Object *tmp = int_new_impl(x, obase);
    if (tmp == NULL || type == &int_type)
        return tmp;
    ssize_t n = int_ndigits(tmp);
    Object *(*alloc)(TypeObject *, ssize_t) = type->alloc ? type->alloc : type_generic_alloc;
    Object *r = alloc(type, n ? n : 1);
    if (r != NULL) {
        SIZE(r) = SIZE(tmp);
        memcpy(INT_DIGITS(r), INT_DIGITS(tmp), (size_t)(n ? n : 1) * sizeof(digit));
        if (OBJ_IS_GC(r))
            gc_track(r);        /* a class with a __dict__: its cycles must be seen */
    }
    decref(tmp);
    return r;
}

/* int(...) called directly (type_vectorcall's new_vectorcall): no argument tuple. */
static Object *
int_vectorcall(Object *callable, Object *const *args, size_t nargs, Object *kwnames)
{
    ssize_t nkw = kwnames ? TUPLE_LEN(kwnames) : 0;
    if (callable != (Object *)&int_type) {
        Object *targs = tuple_from_array(args, (ssize_t)nargs), *kw = NULL, *r;
        if (targs == NULL)
            return NULL;
        if (nkw && (kw = dict_new()) != NULL)
            for (ssize_t i = 0; i < nkw; i++)
                if (dict_setitem(kw, TUPLE_GET(kwnames, i), args[nargs + (size_t)i]) < 0) {
                    CLEAR(kw);
                    break;
                }
        r = (nkw && kw == NULL) ? NULL : int_new((TypeObject *)callable, targs, kw);
        decref(targs);
        xdecref(kw);
        return r;
    }
    /* int has no tp_vectorcall in CPython 3.11: the call packs a tuple (and dict); its
    ** clinic parser (x positional-only, base) makes its keyword tuple on first use */
    static const char *const clinic_names[] = {"", "base", NULL};
    Object *targs, *tkw, *r = NULL;
    if (arg_pack_like_cpython(args, nargs, kwnames, &targs, &tkw) < 0)
        return NULL;
    if (arg_clinic_keywords(kwnames, clinic_names, 1) < 0)
        goto done;
    Object *x = nargs > 0 ? args[0] : NULL, *obase = nargs > 1 ? args[1] : NULL;
    if ((ssize_t)nargs + nkw > 2) {
        err_format(exc_TypeError, "int() takes at most 2 arguments (%zd given)",
                   (ssize_t)nargs + nkw);
        goto done;
    }
    for (ssize_t i = 0; i < nkw; i++)
        if (int_take_keyword(TUPLE_GET(kwnames, i), args[nargs + (size_t)i], &obase) < 0)
            goto done;
    r = int_new_impl(x, obase);
done:
    decref(targs);
    xdecref(tkw);
    return r;
}

/* ---------------------------------------------------------------- methods */

static Object *
int_long_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return int_exact(self);
}

static Object *
int_get_self(Object *self, void *closure)
{
    return int_exact(self);
}

static Object *
int_get_zero(Object *self, void *closure)
{
    return int_small(0);
}

static Object *
int_get_one(Object *self, void *closure)
{
    return int_small(1);
}

static Object *
int_bit_length_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return int_from_size(int_bit_length(self));
}

static Object *
int_bit_count_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    ssize_t n = int_ndigits(self), count = 0;
    for (ssize_t i = 0; i < n; i++)
        count += __builtin_popcount(INT_DIGITS(self)[i]);
    return int_from_ssize(count);
}

static Object *
int_as_integer_ratio_meth(Object *self, Object *const *args, ssize_t nargs,
                          Object *kwnames)
{
    Object *items[2];
    if ((items[0] = int_exact(self)) == NULL)
        return NULL;
    items[1] = int_small(1);
    return tuple_from_array_take(items, 2);
}

static Object *
int_getnewargs_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *v = int_copy(self);
    if (v == NULL)
        return NULL;
    return tuple_from_array_take(&v, 1);
}

static Object *
int_sizeof_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    ssize_t n = int_ndigits(self);
    return int_from_ssize((ssize_t)offsetof(IntObject, digits) +
                          (n ? n : 1) * (ssize_t)sizeof(digit));
}

/* round(self, ndigits) for ndigits < 0: self - r where r is the remainder of the
** division by 10**-ndigits rounded half to even (CPython's _PyLong_DivmodNear). */
static Object *
int_round_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (arg_check_count("__round__", (size_t)nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        return int_exact(self);
    Object *nd = num_index(args[0]);
    if (nd == NULL)
        return NULL;
    if (SIZE(nd) >= 0) {
        decref(nd);
        return int_exact(self);
    }
    Object *neg = int_neg(nd);
    decref(nd);
    if (neg == NULL)
        return NULL;
    Object *ten = int_small(10);
    Object *b = int_pow(ten, neg, None);
    decref(ten);
    decref(neg);
    if (b == NULL)
        return NULL;
    Object *q, *r, *result = NULL;
    if (int_divrem(self, b, &q, &r) < 0) {
        decref(b);
        return NULL;
    }
    int quo_is_neg = (SIZE(self) < 0) != (SIZE(b) < 0);
    int quo_is_odd = SIZE(q) != 0 && (INT_DIGITS(q)[0] & 1);
    decref(q);
    Object *twice = int_lshift1(r, 0, 1);
    if (twice == NULL)
        goto done;
    if (quo_is_neg)
        twice = int_negate_take(twice);
    if (twice == NULL)
        goto done;
    int cmp = int_compare(twice, b);
    decref(twice);
    if ((SIZE(b) < 0 ? cmp < 0 : cmp > 0) || (cmp == 0 && quo_is_odd)) {
        Object *t = quo_is_neg ? int_add(r, b) : int_sub(r, b);
        if (t == NULL)
            goto done;
        SETREF(r, t);
    }
    result = int_sub(self, r);
done:
    decref(r);
    decref(b);
    return result;
}

/* -1 + exception, 0 big, 1 little. */
static int
int_parse_byteorder(const char *fname, Object *o)
{
    if (o == NULL)
        return 0;
    if (!STR_CHECK(o)) {
        err_format(exc_TypeError, "%s() argument 'byteorder' must be str, not %s", fname,
                   TYPE(o)->name);
        return -1;
    }
    if (str_eq_cstr(o, "little"))
        return 1;
    if (str_eq_cstr(o, "big"))
        return 0;
    err_set(exc_ValueError, "byteorder must be either 'little' or 'big'");
    return -1;
}

/* Store v in n bytes (two's complement if is_signed); CPython's _PyLong_AsByteArray. */
static int
int_to_byte_array(Object *v, unsigned char *bytes, size_t n, int little, int is_signed)
{
    ssize_t ndigits = int_ndigits(v);
    int twos = SIZE(v) < 0;
    if (twos && !is_signed) {
        err_set(exc_OverflowError, "can't convert negative int to unsigned");
        return -1;
    }
    unsigned char *p = little ? bytes : bytes + n - 1;
    int pincr = little ? 1 : -1;
    size_t j = 0;
    twodigits accum = 0;
    unsigned accumbits = 0;
    digit carry = twos ? 1 : 0;
    for (ssize_t i = 0; i < ndigits; i++) {
        digit d = INT_DIGITS(v)[i];
        if (twos) {
            d = (d ^ INT_MASK) + carry;
            carry = d >> INT_SHIFT;
            d &= INT_MASK;
        }
        accum |= (twodigits)d << accumbits;
        if (i == ndigits - 1) {
            /* the top digit: count only its significant bits (sign bits are implied) */
            digit s = twos ? d ^ INT_MASK : d;
            while (s != 0) {
                s >>= 1;
                accumbits++;
            }
        }
        else
            accumbits += INT_SHIFT;
        while (accumbits >= 8) {
            if (j >= n)
                goto overflow;
            j++;
            *p = (unsigned char)(accum & 0xff);
            p += pincr;
            accumbits -= 8;
            accum >>= 8;
        }
    }
    if (accumbits > 0) {
        if (j >= n)
            goto overflow;
        j++;
        if (twos)
            accum |= (~(twodigits)0) << accumbits;
        *p = (unsigned char)(accum & 0xff);
        p += pincr;
    }
    else if (j == n && n > 0 && is_signed) {
        /* filled exactly: the top byte's sign bit must agree with the sign */
        unsigned char msb = *(p - pincr);
        if ((msb >= 0x80) != twos)
            goto overflow;
        return 0;
    }
    for (unsigned char sign = twos ? 0xff : 0; j < n; j++, p += pincr)
        *p = sign;
    return 0;
overflow:
    err_set(exc_OverflowError, "int too big to convert");
    return -1;
}

/* The int encoded by n bytes; CPython's _PyLong_FromByteArray. */
static Object *
int_from_byte_array(const unsigned char *bytes, size_t n, int little, int is_signed)
{
    if (n == 0)
        return int_small(0);
    const unsigned char *pstart = little ? bytes : bytes + n - 1;   /* LSB */
    const unsigned char *pend = little ? bytes + n - 1 : bytes;     /* MSB */
    int incr = little ? 1 : -1;
    if (is_signed)
        is_signed = *pend >= 0x80;
    size_t i, nsig;
    {
        const unsigned char *p = pend;
        unsigned char insignificant = is_signed ? 0xff : 0x00;
        for (i = 0; i < n; i++, p -= incr)
            if (*p != insignificant)
                break;
        nsig = n - i;
        if (is_signed && nsig < n)  /* keep a byte for the sign, e.g. 0xff00 */
            nsig++;
    }
    if (nsig > (size_t)(SSIZE_MAX - INT_SHIFT) / 8) {
        err_set(exc_OverflowError, "byte array too long to convert to int");
        return NULL;
    }
    ssize_t ndigits = (ssize_t)((nsig * 8 + INT_SHIFT - 1) / INT_SHIFT), idigit = 0;
    IntObject *v = int_alloc(ndigits);
    if (v == NULL)
        return NULL;
    twodigits carry = 1, accum = 0;
    unsigned accumbits = 0;
    const unsigned char *p = pstart;
    for (i = 0; i < nsig; i++, p += incr) {
        twodigits b = *p;
        if (is_signed) {
            b = (0xff ^ b) + carry;
            carry = b >> 8;
            b &= 0xff;
        }
        accum |= b << accumbits;
        accumbits += 8;
        if (accumbits >= INT_SHIFT) {
            v->digits[idigit++] = (digit)(accum & INT_MASK);
            accum >>= INT_SHIFT;
            accumbits -= INT_SHIFT;
        }
    }
    if (accumbits)
        v->digits[idigit++] = (digit)accum;
    SIZE(v) = is_signed ? -idigit : idigit;
    return int_normalize(v);
}

static const char *const int_bytes_kw[] = {"length", "byteorder", "signed", NULL};
static const char *const int_from_bytes_kw[] = {"bytes", "byteorder", "signed", NULL};

static Object *
int_to_bytes_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *argv[3] = {NULL, NULL, NULL};
    if (arg_parse_clinic("to_bytes", args, (size_t)nargs, kwnames, int_bytes_kw, 0, 1, 0,
                         argv) < 0)
        return NULL;
    ssize_t length = 1;
    if (argv[0] != NULL) {
        Object *l = num_index(argv[0]);
        if (l == NULL)
            return NULL;
        length = int_as_ssize(l);
        decref(l);
        if (length == -1 && err_occurred())
            return NULL;
    }
    int little = int_parse_byteorder("to_bytes", argv[1]);
    if (little < 0)
        return NULL;
    int is_signed = 0;
    if (argv[2] != NULL && (is_signed = obj_is_true(argv[2])) < 0)
        return NULL;
    if (length < 0)
        return err_set(exc_ValueError, "length argument must be non-negative");
    Object *b = bytes_new_uninit(length);
    if (b == NULL)
        return NULL;
    if (int_to_byte_array(self, (unsigned char *)BYTES_DATA(b), (size_t)length, little,
                          is_signed) < 0) {
        decref(b);
        return NULL;
    }
    return b;
}

/* bytes(o) as PyObject_Bytes does it, into buf: bytes, bytearray, __bytes__, or an
** iterable of ints in range(256). */
static int
int_collect_bytes(Object *o, Buf *buf)
{
    if (BYTES_CHECK(o))
        return buf_append(buf, BYTES_DATA(o), (size_t)BYTES_LEN(o));
    if (obj_type_check(o, &bytearray_type))
        return buf_append(buf, BYTEARRAY_DATA(o), (size_t)BYTEARRAY_LEN(o));
    if (type_lookup(TYPE(o), ID(__bytes__)) != NULL) {
        Object *b = type_call_special(o, ID(__bytes__), NULL, 0);
        if (b == NULL)
            return -1;
        if (!BYTES_CHECK(b)) {
            err_format(exc_TypeError, "__bytes__ returned non-bytes (type %s)", TYPE(b)->name);
            decref(b);
            return -1;
        }
        int r = buf_append(buf, BYTES_DATA(b), (size_t)BYTES_LEN(b));
        decref(b);
        return r;
    }
    if (STR_CHECK(o)) {
        err_format(exc_TypeError, "cannot convert '%s' object to bytes", TYPE(o)->name);
        return -1;
    }
    Object *it = obj_get_iter(o);
    if (it == NULL) {
        if (err_matches(exc_TypeError)) {
            err_clear();
            err_format(exc_TypeError, "cannot convert '%s' object to bytes", TYPE(o)->name);
        }
        return -1;
    }
    Object *item;
    while ((item = obj_iter_next(it)) != NULL) {
        ssize_t v = num_as_ssize(item, NULL);
        decref(item);
        if (v == -1 && err_occurred())
            break;
        if (v < 0 || v >= 256) {
            err_set(exc_ValueError, "bytes must be in range(0, 256)");
            break;
        }
        if (buf_putc(buf, (char)v) < 0)
            break;
    }
    decref(it);
    return err_occurred() ? -1 : 0;
}

static Object *
int_from_bytes_meth(Object *type, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *argv[3] = {NULL, NULL, NULL};
    if (arg_parse_clinic("from_bytes", args, (size_t)nargs, kwnames, int_from_bytes_kw, 0, 1, 1,
                         argv) < 0)
        return NULL;
    int little = int_parse_byteorder("from_bytes", argv[1]);
    if (little < 0)
        return NULL;
    int is_signed = 0;
    if (argv[2] != NULL && (is_signed = obj_is_true(argv[2])) < 0)
        return NULL;
    Buf buf;
    buf_init(&buf);
    if (int_collect_bytes(argv[0], &buf) < 0) {
        buf_free(&buf);
        return NULL;
    }
    Object *r = int_from_byte_array((const unsigned char *)buf.data, buf.len, little, is_signed);
    buf_free(&buf);
    if (r != NULL && type != (Object *)&int_type)
        SETREF(r, obj_call_one(type, r));
    return r;
}

/* ---------------------------------------------------------------- __format__ */

static int
int_format_error_code(const char *what, char code, const char *tname)
{
    unsigned char c = (unsigned char)code;
    if (c > 32 && c < 128)
        err_format(exc_ValueError, "%s '%c' for object of type '%s'", what, c, tname);
    else
        err_format(exc_ValueError, "%s '\\x%x' for object of type '%s'", what, c, tname);
    return -1;
}

/* format(o, spec) into out for an int o (CPython's format_long_internal, with the float
** presentation types handed to format_double). */
static int
int_format_spec(Object *o, const FormatSpec *spec, Buf *out)
{
    char type = spec->type ? spec->type : 'd';
    switch (type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double d = int_as_double(o);
        if (d == -1.0 && err_occurred())
            return -1;
        return format_double(out, d, spec);
    }
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
        break;
    default:
        return int_format_error_code("Unknown format code", type, TYPE(o)->name);
    }
    if (spec->precision != -1) {
        err_set(exc_ValueError, "Precision not allowed in integer format specifier");
        return -1;
    }
    if (spec->no_neg_zero) {
        err_set(exc_ValueError,
                "Negative zero coercion (z) not allowed in integer format specifier");
        return -1;
    }
    if (type == 'c') {
        if (spec->sign) {
            err_set(exc_ValueError, "Sign not allowed with integer format specifier 'c'");
            return -1;
        }
        if (spec->alternate) {
            err_set(exc_ValueError,
                    "Alternate form (#) not allowed with integer format specifier 'c'");
            return -1;
        }
        long x = int_as_long(o);
        if (x == -1 && err_occurred())
            return -1;
        if (x < 0 || x > 0x10ffff) {
            err_set(exc_OverflowError, "%c arg not in range(0x110000)");
            return -1;
        }
        /* The character is padded as text that is not a digit (CPython passes it as
        ** "remainder" so that zero padding still goes in front). */
        Buf ch;
        buf_init(&ch);
        if (buf_put_utf8_char(&ch, (unsigned int)x) < 0) {
            buf_free(&ch);
            return -1;
        }
        /* format_number counts 'rest' in bytes: widen by the extra UTF-8 bytes. */
        FormatSpec local = *spec;
        if (local.width >= 0)
            local.width += (ssize_t)ch.len - 1;
        int r = format_number_n(out, false, "", "", 0, ch.data, ch.len, false, &local);
        buf_free(&ch);
        return r;
    }
    int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    size_t n;
    char *digits = int_digits_cstr(o, base, &n);
    if (digits == NULL)
        return -1;
    if (type == 'X')
        for (size_t i = 0; i < n; i++)
            if (digits[i] >= 'a' && digits[i] <= 'f')
                digits[i] = (char)(digits[i] - 'a' + 'A');
    const char *prefix = "";
    if (spec->alternate)
        prefix = base == 2 ? "0b" : base == 8 ? "0o" : type == 'x' ? "0x" : type == 'X' ? "0X"
                                                                                       : "";
    FormatSpec local = *spec;
    if (type == 'n')
        local.thousands = 0;            /* the C locale has no grouping */
    /* outside format_long_internal's fast path, _PyLong_Format makes the digits as a str
    ** (with "0x"-style prefix and sign): a compact ASCII string */
    if (spec->sign == '+' || spec->sign == ' ' || spec->width != -1 || type == 'X' ||
        type == 'n' || spec->thousands || TYPE(o) != &int_type)
        format_tmp_size = 48 + n + (base != 10 ? 2 : 0) + (SIZE(o) < 0) + 1;
    int r = format_number(out, SIZE(o) < 0, prefix, digits, n, "", base != 10, &local);
    heap_free(digits);
    return r;
}

static Object *
int_format_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return format_method(self, args[0], TYPE(self)->name, int_format_spec);
}

/* ---------------------------------------------------------------- tables */

static const MethodDef int_methods[] = {
    {"conjugate", int_long_meth, METH_NOARGS,
     "Returns self, the complex conjugate of any int."},
    {"bit_length", int_bit_length_meth, METH_NOARGS,
     "Number of bits necessary to represent self in binary."},
    {"bit_count", int_bit_count_meth, METH_NOARGS,
     "Number of ones in the binary representation of the absolute value of self."},
    {"to_bytes", int_to_bytes_meth, METH_VARARGS | METH_KEYWORDS,
     "Return an array of bytes representing an integer."},
    {"from_bytes", int_from_bytes_meth, METH_VARARGS | METH_KEYWORDS | METH_CLASS,
     "Return the integer represented by the given array of bytes."},
    {"as_integer_ratio", int_as_integer_ratio_meth, METH_NOARGS, "Return integer ratio."},
    {"__trunc__", int_long_meth, METH_NOARGS, "Truncating an Integral returns itself."},
    {"__floor__", int_long_meth, METH_NOARGS, "Flooring an Integral returns itself."},
    {"__ceil__", int_long_meth, METH_NOARGS, "Ceiling of an Integral returns itself."},
    {"__round__", int_round_meth, METH_VARARGS,
     "Rounding an Integral returns itself.\n\n"
     "Rounding with an ndigits argument also returns an integer."},
    {"__getnewargs__", int_getnewargs_meth, METH_NOARGS, NULL},
    {"__format__", int_format_meth, METH_O, NULL},
    {"__sizeof__", int_sizeof_meth, METH_NOARGS, "Returns size in memory, in bytes."},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef int_getset[] = {
    {"real", int_get_self, NULL, "the real part of a complex number", NULL},
    {"imag", int_get_zero, NULL, "the imaginary part of a complex number", NULL},
    {"numerator", int_get_self, NULL, "the numerator of a rational number in lowest terms",
     NULL},
    {"denominator", int_get_one, NULL, "the denominator of a rational number in lowest terms",
     NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static Object *
int_exact_slot(Object *o)
{
    return int_exact(o);
}

static Object *
int_nb_negative(Object *o)
{
    return int_neg(o);
}

TypeObject int_type = {
    .ob_base = {.ob_base = {.refcnt = 1, .type = &type_type}},
    .name = "int",
    .basicsize = offsetof(IntObject, digits),
    .itemsize = sizeof(digit),
    .flags = TPFLAG_BASETYPE | TPFLAG_INT_SUBCLASS,
    .doc = "int([x]) -> integer\n"
           "int(x, base=10) -> integer\n\n"
           "Convert a number or string to an integer, or return 0 if no arguments\n"
           "are given.  If x is a number, return x.__int__().  For floating point\n"
           "numbers, this truncates towards zero.\n\n"
           "If x is not a number or if base is given, then x must be a string,\n"
           "bytes, or bytearray instance representing an integer literal in the\n"
           "given base.  The literal can be preceded by '+' or '-' and be surrounded\n"
           "by whitespace.  The base defaults to 10.  Valid bases are 0 and 2-36.\n"
           "Base 0 means to interpret the base from the string as an integer literal.\n"
           ">>> int('0b100', base=0)\n"
           "4",
    .dealloc = int_dealloc,
    .repr = int_repr,
    .hash = int_hash_slot,
    .getattro = obj_generic_getattr,
    .richcompare = int_richcompare,
    .new_ = int_new,
    .new_vectorcall = int_vectorcall,
    .nb_add = int_nb_add,
    .nb_subtract = int_nb_subtract,
    .nb_multiply = int_nb_multiply,
    .nb_remainder = int_nb_remainder,
    .nb_divmod = int_nb_divmod,
    .nb_power = int_nb_power,
    .nb_negative = int_nb_negative,
    .nb_positive = int_exact_slot,
    .nb_absolute = int_abs,
    .nb_bool = int_nb_bool,
    .nb_invert = int_invert,
    .nb_lshift = int_nb_lshift,
    .nb_rshift = int_nb_rshift,
    .nb_and = int_nb_and,
    .nb_xor = int_nb_xor,
    .nb_or = int_nb_or,
    .nb_int = int_exact_slot,
    .nb_float = int_nb_float,
    .nb_floor_divide = int_nb_floor_divide,
    .nb_true_divide = int_nb_true_divide,
    .nb_index = int_exact_slot,
    .methods = int_methods,
    .getset = int_getset,
};

/* The references CPython's start-up objects hold on its small ints beyond pyheap's own
** (startup_ints.h, measured by scripts/gen_startup_names.py): sys.getrefcount(0) is
** CPython's.  The small ints are static, so nothing gives them back. */
#include "startup_ints.h"

static void
small_ints_add(const int32_t *d, size_t stride)
{
    for (int i = 0; i < INT_SMALL_NEG + INT_SMALL_POS; i++)
        int_small_ints[i].ob_base.ob_base.refcnt += d[(size_t)i * stride];
}

/* What is left of those references: a start-up module imported on first use
** (import_startup_module) takes its own references out of them. */
static int32_t startup_int_left[INT_SMALL_NEG + INT_SMALL_POS];

void
int_startup_refs(int repl)
{
    small_ints_add(&startup_int_refs[0][repl ? 1 : 0], 2);
    for (int i = 0; i < INT_SMALL_NEG + INT_SMALL_POS; i++)
        startup_int_left[i] = startup_int_refs[i][repl ? 1 : 0];
}

void
int_startup_snapshot(ssize_t *before)
{
    for (int i = 0; i < INT_SMALL_NEG + INT_SMALL_POS; i++)
        before[i] = int_small_ints[i].ob_base.ob_base.refcnt;
}

void
int_startup_absorb(const ssize_t *before)
{
    for (int i = 0; i < INT_SMALL_NEG + INT_SMALL_POS; i++) {
        ssize_t d = int_small_ints[i].ob_base.ob_base.refcnt - before[i];
        if (d > startup_int_left[i])
            d = startup_int_left[i];
        if (d > 0) {
            int_small_ints[i].ob_base.ob_base.refcnt -= d;
            startup_int_left[i] -= (int32_t)d;
        }
    }
}

void
int_first_warning_refs(const int32_t *d)
{
    small_ints_add(d, 1);
}

void
int_init(void)
{
    for (int i = 0; i < INT_SMALL_NEG + INT_SMALL_POS; i++) {
        IntObject *v = &int_small_ints[i];
        int value = i - INT_SMALL_NEG;
        v->ob_base.ob_base.refcnt = INT_STATIC_REFCNT;
        v->ob_base.ob_base.type = &int_type;
        v->ob_base.size = value < 0 ? -1 : (value > 0);
        v->digits[0] = (digit)(value < 0 ? -value : value);
    }
    for (int base = 2; base <= 36; base++) {
        twodigits convmax = (twodigits)base;
        int i = 1;
        while (convmax * (twodigits)base <= INT_BASE) {
            convmax *= (twodigits)base;
            i++;
        }
        int_convwidth[base] = i;
        int_convmultmax[base] = convmax;
        int_log_base_BASE[base] = log((double)base) / log((double)INT_BASE);
    }
}
