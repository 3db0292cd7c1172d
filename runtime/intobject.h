/*
** intobject.h -- arbitrary-precision int, stored as CPython 3.11 stores it: a VarObject
** whose signed 'size' is the number of 30-bit digits (negative for negative numbers, 0
** for zero), least significant digit first.  At least one digit is always allocated
** (3.11: getsizeof(0) == 28).  Ints in [-5, 256] are preallocated singletons and every
** operation producing such a value returns the cached object.  bool is a subclass whose
** two instances are True and False.
*/
#ifndef PYHEAP_INTOBJECT_H
#define PYHEAP_INTOBJECT_H

#include "object.h"

typedef uint32_t digit;
typedef int32_t sdigit;
typedef uint64_t twodigits;
typedef int64_t stwodigits;

#define INT_SHIFT 30
#define INT_BASE ((digit)1 << INT_SHIFT)
#define INT_MASK ((digit)(INT_BASE - 1))
#define INT_SMALL_NEG 5
#define INT_SMALL_POS 257          /* cache covers [-5, 256] */
#define INT_MAX_STR_DIGITS_DEFAULT 4300
#define INT_MAX_STR_DIGITS_THRESHOLD 640

typedef struct IntObject {
    VAR_OBJECT_HEAD;
    digit digits[1];
} IntObject;

#define INT_DIGITS(o) (((IntObject *)(o))->digits)

extern IntObject int_small_ints[INT_SMALL_NEG + INT_SMALL_POS];
extern IntObject true_obj, false_obj;
#define True_ ((Object *)&true_obj)
#define False_ ((Object *)&false_obj)
void bool_fini(void);                   /* teardown: free repr(True)/repr(False) */

static inline Object *
bool_from(int v)
{
    Object *r = v ? True_ : False_;
    incref(r);
    return r;
}

/* A "compact" int has at most one digit: its value fits in an sdigit. */
static inline int
int_is_compact(Object *o)
{
    ssize_t s = SIZE(o);
    return s >= -1 && s <= 1;
}

static inline long
int_compact_value(Object *o)
{
    ssize_t s = SIZE(o);
    return s * (long)INT_DIGITS(o)[0];   /* s in {-1, 0, 1}; digits[0] is 0 for zero */
}

/* The value of an int of at most two 30-bit digits (|v| < 2**60) in *v; 0 for a bigger
** int. */
static inline int
int_two_digit_value(Object *o, long long *v)
{
    ssize_t s = SIZE(o);
    if (s >= -1 && s <= 1) {
        *v = s * (long long)INT_DIGITS(o)[0];
        return 1;
    }
    if (s != 2 && s != -2)
        return 0;
    long long m = (long long)INT_DIGITS(o)[0] | ((long long)INT_DIGITS(o)[1] << 30);
    *v = s < 0 ? -m : m;
    return 1;
}

/* Constructors: new references; cached objects for small values. */
Object *int_from_long(long v);
Object *int_from_ulong(unsigned long v);
Object *int_from_ssize(ssize_t v);
Object *int_from_size(size_t v);
Object *int_from_ll(long long v);
/* int_from_ll for v = a op b (|a|, |b| < 2**60, op an NB_* code): the block size
** CPython 3.11's algorithm for op would have allocated (int_from_ll_alloc). */
Object *int_from_ll_op(long long v, int op, long long a, long long b);
Object *int_from_ull(unsigned long long v);
Object *int_from_double(double d);      /* int(3.9) == 3; OverflowError/ValueError */
/* Parse like int(s, base): s is the text (whitespace and underscores allowed as Python
** allows them, sign, prefix when base is 0 or matches).  ValueError with CPython's
** message ("invalid literal for int() with base 10: '...'") on bad input; the digit
** limit (sys.set_int_max_str_digits) applies to non-power-of-two bases. */
Object *int_from_string(const char *s, ssize_t len, int base);
/* Parse a Python int *literal* from the lexer (decimal/0x/0o/0b, underscores);
** no digit limit (as CPython's compiler).  NULL + exception on failure. */
Object *int_from_literal(const char *s, ssize_t len);
/* Allocate an int with ndigits digits (uninitialised); caller fills and normalises. */
IntObject *int_alloc(ssize_t ndigits);
Object *int_normalize(IntObject *v);    /* strip leading zero digits; small-int cache */
Object *int_copy(Object *v);

/* Conversions (o must be an int or subclass; for other objects use num_index first). */
long int_as_long(Object *o);            /* OverflowError if out of range (-1 + exc) */
long int_as_long_and_overflow(Object *o, int *overflow);
ssize_t int_as_ssize(Object *o);
size_t int_as_size(Object *o);
unsigned long long int_as_ull_mask(Object *o);  /* modulo 2**64 */
double int_as_double(Object *o);        /* correctly rounded; OverflowError if too big */
int int_sign(Object *o);                /* -1, 0, 1 */
size_t int_bit_length(Object *o);
/* Text: base 10 (repr/str) or 2, 8, 16 with the 0b/0o/0x prefix if 'prefix'. */
Object *int_to_decimal_string(Object *o);
Object *int_format_base(Object *o, int base, int prefix);
hash_t int_hash(Object *o);

/* Arithmetic on ints (both operands ints; new reference). Used by the VM fast paths. */
Object *int_add(Object *a, Object *b);
Object *int_sub(Object *a, Object *b);
Object *int_mul(Object *a, Object *b);
Object *int_floordiv(Object *a, Object *b);
Object *int_mod(Object *a, Object *b);
Object *int_divmod(Object *a, Object *b);
Object *int_truediv(Object *a, Object *b);
Object *int_pow(Object *a, Object *b, Object *mod);    /* mod may be None */
Object *int_neg(Object *a);
Object *int_lshift(Object *a, Object *b);
Object *int_rshift(Object *a, Object *b);
Object *int_and(Object *a, Object *b);
Object *int_or(Object *a, Object *b);
Object *int_xor(Object *a, Object *b);
int int_compare(Object *a, Object *b);  /* -1, 0, 1 */
/* Compare with a double exactly (no rounding), as float_richcompare needs. */
int int_compare_double(Object *a, double b, int *result);

/* sys.get_int_max_str_digits / set_int_max_str_digits */
extern int int_max_str_digits;

void int_init(void);                            /* builds the small-int cache */
void int_startup_snapshot(ssize_t *before);     /* INT_SMALL_NEG + INT_SMALL_POS counts */
void int_startup_absorb(const ssize_t *before);  /* a start-up module's references */
void int_startup_refs(int repl);                /* CPython's start-up references */
void int_first_warning_refs(const int32_t *d);    /* startup_warn.h: the first warning */

#endif
