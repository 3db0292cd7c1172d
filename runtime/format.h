/*
** format.h -- the format-spec mini-language and float text conversion, shared by
** format()/f-strings/str.format (int, float, str, complex) and %-formatting.
**
** dtoa_* are exact: repr(float) is the shortest string that round-trips; fixed and
** exponent formats are correctly rounded from the binary value (round-half-even on the
** exact value), as CPython's Python/dtoa.c gives.
*/
#ifndef PYHEAP_FORMAT_H
#define PYHEAP_FORMAT_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include "buf.h"
#include "object.h"

typedef struct FormatSpec {
    uint32_t fill;          /* code point; ' ' if not given */
    char align;             /* '<' '>' '^' '=' or 0 if not given */
    char sign;              /* '+' '-' ' ' or 0 if not given */
    bool no_neg_zero;       /* 'z' */
    bool alternate;         /* '#' */
    bool zero_pad;          /* a '0' right before the width */
    ssize_t width;          /* -1 if not given */
    char thousands;         /* ',' '_' or 0 */
    ssize_t precision;      /* -1 if not given */
    char type;              /* the presentation type, 0 if not given */
} FormatSpec;

/* Parse spec (UTF-8, len bytes).  -1 + ValueError with CPython 3.11's message on error
** (e.g. "Invalid format specifier", "Cannot specify both ',' and '_'."). */
int format_parse_spec(const char *spec, ssize_t len, FormatSpec *out);
/* Same, with the object's type name for 3.11's messages ("Invalid format specifier
** '.2ff' for object of type 'float'"). */
int format_parse_spec_typed(const char *spec, ssize_t len, const char *type_name,
                            FormatSpec *out);

/* The __format__ method of a number type: spec (must be a str) parsed for type_name, the
** text fn appends for it (0 / -1 with an exception set); an empty spec gives str(self). */
typedef int (*format_spec_fn)(Object *self, const FormatSpec *spec, Buf *out);
Object *format_method(Object *self, Object *spec, const char *type_name, format_spec_fn fn);
/* The sizes of what CPython's formatting makes on the way: a str freed after the result
** and a char buffer freed before it (set by the format function; format_method
** allocates and frees blocks of them around the result). */
extern size_t format_tmp_size, format_buf_size;
extern int format_buf_late;     /* the buffer is freed after the result */

/* Append text padded to spec->width with spec->fill, aligned by spec->align or
** default_align ('<' or '>').  nchars is the number of code points in text. */
int format_pad(Buf *out, const char *text, size_t len, size_t nchars, const FormatSpec *spec,
               char default_align);

/* Append a number: sign (from 'negative' and spec->sign), 'prefix' (e.g. "0x"), the
** integer digits 'intdigits' grouped per spec->thousands (every 3 digits, or 4 for
** bases 2/8/16 when group4 is set), then 'rest' (fraction/exponent/'%', may be ""),
** honouring width, fill, align ('=' and zero padding pad between sign/prefix and
** digits; zero padding also inserts group separators as CPython does). */
int format_number(Buf *out, bool negative, const char *prefix, const char *intdigits,
                  size_t nintdigits, const char *rest, bool group4, const FormatSpec *spec);
/* The same with 'rest' given by length (it may hold a NUL: format(0, 'c')). */
int format_number_n(Buf *out, bool negative, const char *prefix, const char *intdigits,
                    size_t nintdigits, const char *rest, size_t nrest, bool group4,
                    const FormatSpec *spec);

/* float.__format__(spec): types e E f F g G n % and none; -1 + ValueError
** ("Unknown format code 'd' for object of type 'float'") for others. */
int format_double(Buf *out, double v, const FormatSpec *spec);
/* complex.__format__(spec) for a non-empty spec: types e E f F g G n and none, as
** CPython's format_complex_internal (no zero padding, no '=' alignment). */
int format_complex(Buf *out, double re, double im, const FormatSpec *spec);

/* repr(float): shortest round-trip digits, CPython's layout ("0.1", "1e+16", "1e-05",
** "inf", "-inf", "nan", "-0.0", "100.0").  buf must hold 32 bytes.  Returns length. */
int dtoa_repr(double v, char *buf);
/* Like PyOS_double_to_string(v, code, precision, flags): code is 'e' 'E' 'f' 'F' 'g'
** 'G' or 'r' (repr; precision ignored).  Flags below.  Writes into out. */
enum { DTOA_SIGN = 1, DTOA_ADD_DOT_0 = 2, DTOA_ALT = 4, DTOA_NO_NEG_0 = 8 };
int dtoa_format(Buf *out, double v, char code, int precision, int flags);
/* Parse Python float syntax (float(str) rules: surrounding whitespace, sign, digits
** with single underscores between them, '.', exponent, "inf"/"infinity"/"nan" any case).
** Returns 0 and *out on success, -1 (no exception set) if s is not a valid float. */
int dtoa_parse(const char *s, size_t len, double *out);
/* round(x, ndigits) correctly rounded (CPython's double_round): *out is the result;
** returns -1 + OverflowError when the result overflows. */
int dtoa_round(double x, long ndigits, double *out);

#endif
