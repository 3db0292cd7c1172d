/*
** format.c -- the format-spec mini-language of format(), str.format and f-strings, and
** the padding/sign/grouping machinery shared by int, float, str and complex formatting,
** following CPython 3.11's Python/formatter_unicode.c.
**
**   spec ::= [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
**
** Specs are UTF-8; the fill and the type may be any code point and width/precision may
** use any Unicode decimal digits, as CPython reads them with Py_UNICODE_TODECIMAL.
**
** A number is laid out as CPython's calc_number_widths/fill_number do:
**
**   <lpadding> <sign> <prefix> <spadding> <grouped digits> <rest> <rpadding>
**
** at most one of the three paddings is non-empty.  When the fill is '0' and the
** alignment '=' (which a bare '0' before the width implies for numbers), the padding is
** instead produced as leading zeros of the digit string, so grouping separators run into
** it: format(1234, '010,') == '00,001,234' (_PyUnicode_InsertThousandsGrouping's
** min_width).
*/
#include "format.h"
#include "heap.h"
#include "error.h"
#include "strobject.h"

#include <limits.h>
#include <math.h>
#include <string.h>

/* The code points with Unicode decimal value 0 (Unicode 14.0, as CPython 3.11); every
** decimal digit is one of these plus 0..9. */
static const uint32_t format_nd_zeros[] = {
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6,
    0xd66, 0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0,
    0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0,
    0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0,
    0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50,
    0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec,
    0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0
};

static int
format_decimal_value(uint32_t c)        /* Py_UNICODE_TODECIMAL: 0..9, or -1 */
{
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    if (c < 0x660)
        return -1;
    size_t lo = 0, hi = sizeof format_nd_zeros / sizeof format_nd_zeros[0];
    while (hi - lo > 1) {               /* last zero <= c */
        size_t mid = (lo + hi) / 2;
        if (format_nd_zeros[mid] <= c)
            lo = mid;
        else
            hi = mid;
    }
    return c - format_nd_zeros[lo] < 10 ? (int)(c - format_nd_zeros[lo]) : -1;
}

/* Decode the code point at *pp (assumed well-formed UTF-8) and advance past it. */
static uint32_t
format_utf8_next(const char **pp, const char *end)
{
    const unsigned char *p = (const unsigned char *)*pp;
    uint32_t c = *p++;
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    if (extra)
        c &= 0x3Fu >> extra;
    while (extra-- > 0 && p < (const unsigned char *)end)
        c = (c << 6) | (*p++ & 0x3Fu);
    *pp = (const char *)p;
    return c;
}

/* Consume decimal digits; returns how many (0: none), or -1 + ValueError on overflow. */
static int
format_get_integer(const char **pp, const char *end, ssize_t *result)
{
    const char *p = *pp;
    ssize_t acc = 0;
    int n = 0;
    while (p < end) {
        const char *q = p;
        int dv = format_decimal_value(format_utf8_next(&q, end));
        if (dv < 0)
            break;
        if (acc > (SSIZE_MAX - dv) / 10) {
            err_set(exc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        acc = acc * 10 + dv;
        n++;
        p = q;
    }
    *pp = p;
    *result = acc;
    return n;
}

static bool
format_is_align(uint32_t c)
{
    return c == '<' || c == '>' || c == '=' || c == '^';
}

/* "'%c'" or "'\x%x'", as CPython's messages print a presentation type. */
static int
format_put_code(Buf *b, uint32_t code)
{
    if (code > 32 && code < 128)
        return buf_printf(b, "'%c'", (char)code);
    return buf_printf(b, "'\\x%x'", (unsigned)code);
}

/* Raise ValueError(b's text) unless building it failed (rc < 0: MemoryError is set). */
static int
format_error_buf(Buf *b, int rc)
{
    if (rc >= 0)
        err_set(exc_ValueError, b->data);
    buf_free(b);
    return -1;
}

/* ValueError "Unknown format code 'c' for object of type 'T'" (no type part when
** type_name is NULL); returns -1. */
static int
format_unknown_code(unsigned type, const char *type_name)
{
    Buf msg;
    buf_init(&msg);
    int rc = buf_puts(&msg, "Unknown format code ");
    rc |= format_put_code(&msg, type);
    if (type_name)
        rc |= buf_printf(&msg, " for object of type '%s'", type_name);
    return format_error_buf(&msg, rc);
}

int
format_parse_spec_typed(const char *spec, ssize_t len, const char *type_name,
                        FormatSpec *f)
{
    const char *p = spec, *end = spec + len;
    bool fill_given = false;
    Buf msg;

    f->fill = ' ';
    f->align = 0;
    f->sign = 0;
    f->no_neg_zero = false;
    f->alternate = false;
    f->zero_pad = false;
    f->width = -1;
    f->thousands = 0;
    f->precision = -1;
    f->type = 0;

    /* [[fill]align]: a fill is recognised only in front of an alignment character. */
    if (p < end) {
        const char *p1 = p, *p2;
        uint32_t c0 = format_utf8_next(&p1, end);
        p2 = p1;
        if (p1 < end && format_is_align(format_utf8_next(&p2, end))) {
            f->fill = c0;
            f->align = p1[0];
            fill_given = true;
            p = p2;
        } else if (format_is_align(c0)) {
            f->align = (char)c0;
            p = p1;
        }
    }
    if (p < end && (*p == ' ' || *p == '+' || *p == '-'))
        f->sign = *p++;
    if (p < end && *p == 'z') {
        f->no_neg_zero = true;
        p++;
    }
    if (p < end && *p == '#') {
        f->alternate = true;
        p++;
    }
    /* A '0' before the width means fill '0' (and '=' for numbers) unless a fill was
    ** given, in which case it is just the width's first digit. */
    if (!fill_given && p < end && *p == '0') {
        f->zero_pad = true;
        p++;
    }
    int n = format_get_integer(&p, end, &f->width);
    if (n < 0)
        return -1;
    if (n == 0)
        f->width = -1;
    if (p < end && *p == ',') {
        f->thousands = ',';
        p++;
    }
    if (p < end && *p == '_') {
        if (f->thousands) {
            err_set(exc_ValueError, "Cannot specify both ',' and '_'.");
            return -1;
        }
        f->thousands = '_';
        p++;
    }
    if (p < end && *p == ',' && f->thousands == '_') {
        err_set(exc_ValueError, "Cannot specify both ',' and '_'.");
        return -1;
    }
    if (p < end && *p == '.') {
        p++;
        n = format_get_integer(&p, end, &f->precision);
        if (n < 0)
            return -1;
        if (n == 0) {
            err_set(exc_ValueError, "Format specifier missing precision");
            return -1;
        }
    }

    uint32_t type = 0;
    if (p < end) {
        type = format_utf8_next(&p, end);
        if (p < end) {
            buf_init(&msg);
            int rc = buf_puts(&msg, "Invalid format specifier");
            if (type_name) {
                rc |= buf_puts(&msg, " '");
                rc |= buf_append(&msg, spec, (size_t)len);
                rc |= buf_printf(&msg, "' for object of type '%s'", type_name);
            }
            return format_error_buf(&msg, rc);
        }
    }

    if (f->thousands) {
        switch (type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F':
        case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (f->thousands == '_')
                break;              /* every four digits (PEP 515) */
            /* fall through */
        default:
            buf_init(&msg);
            int rc = buf_printf(&msg, "Cannot specify '%c' with ", f->thousands);
            rc |= format_put_code(&msg, type);
            rc |= buf_putc(&msg, '.');
            return format_error_buf(&msg, rc);
        }
    }
    if (type >= 128) {
        /* No type knows a non-ASCII presentation type; say so now, as CPython's
        ** formatters would right after parsing. */
        return format_unknown_code(type, type_name);
    }
    f->type = (char)type;
    return 0;
}

int
format_parse_spec(const char *spec, ssize_t len, FormatSpec *out)
{
    return format_parse_spec_typed(spec, len, NULL, out);
}

/* ------------------------------------------------------------------ padding */

/* Append n copies of code point c. */
static int
format_fill(Buf *out, uint32_t c, size_t n)
{
    if (n == 0)
        return 0;
    if (c < 0x80) {
        if (buf_reserve(out, n) < 0)
            return -1;
        memset(out->data + out->len, (int)c, n);
        out->len += n;
        out->data[out->len] = '\0';
        return 0;
    }
    Buf one;
    buf_init(&one);
    buf_put_utf8_char(&one, c);         /* fits in 'small' */
    if (buf_reserve(out, n * one.len) < 0)
        return -1;
    char *w = out->data + out->len;
    for (size_t i = 0; i < n; i++, w += one.len)
        memcpy(w, one.data, one.len);
    out->len += n * one.len;
    out->data[out->len] = '\0';
    return 0;
}

int
format_pad(Buf *out, const char *text, size_t len, size_t nchars, const FormatSpec *spec,
           char default_align)
{
    char align = spec->align ? spec->align
                 : (spec->zero_pad && default_align == '>') ? '=' : default_align;
    uint32_t fill = spec->zero_pad ? '0' : spec->fill;
    size_t total = nchars, lpad = 0;
    if (spec->width >= 0 && (size_t)spec->width > nchars)
        total = (size_t)spec->width;
    if (align == '>')
        lpad = total - nchars;
    else if (align == '^')
        lpad = (total - nchars) / 2;
    if (format_fill(out, fill, lpad) < 0 || buf_append(out, text, len) < 0 ||
        format_fill(out, fill, total - nchars - lpad) < 0)
        return -1;
    return 0;
}

/* ------------------------------------------------------------------ numbers */

/* CPython's _PyUnicode_InsertThousandsGrouping: lay out 'ndigits' digits in groups of
** 'group' (0: no grouping) separated by 'sep', prefixed by zeros (themselves grouped)
** until at least min_width characters are used.  Returns the length; when 'dst_end' is
** not NULL, also writes the text backwards so that it ends there. */
static size_t
format_group(char *dst_end, const char *digits, ssize_t ndigits, ssize_t min_width,
             int group, char sep)
{
    const char *src = digits + ndigits;
    char *w = dst_end;
    ssize_t remaining = ndigits;
    size_t count = 0;
    bool use_sep = false;
    for (;;) {
        ssize_t l = remaining > min_width ? remaining : min_width;
        if (l < 1)
            l = 1;
        if (group && l > group)
            l = group;
        ssize_t nzeros = l > remaining ? l - remaining : 0;
        ssize_t nchars = remaining < l ? remaining : l;
        if (nchars < 0)
            nchars = 0;
        count += (size_t)(use_sep + nzeros + nchars);
        if (w) {
            if (use_sep)
                *--w = sep;
            src -= nchars;
            w -= nchars;
            memcpy(w, src, (size_t)nchars);
            w -= nzeros;
            memset(w, '0', (size_t)nzeros);
        }
        if (!group)
            break;
        use_sep = true;
        remaining -= nchars;
        min_width -= l;
        if (remaining <= 0 && min_width <= 0)
            break;
        min_width -= 1;                 /* the separator */
    }
    return count;
}

int
format_number(Buf *out, bool negative, const char *prefix, const char *intdigits,
              size_t nintdigits, const char *rest, bool group4, const FormatSpec *spec)
{
    return format_number_n(out, negative, prefix, intdigits, nintdigits, rest,
                           rest ? strlen(rest) : 0, group4, spec);
}

int
format_number_n(Buf *out, bool negative, const char *prefix, const char *intdigits,
                size_t nintdigits, const char *rest, size_t nrest, bool group4,
                const FormatSpec *spec)
{
    char align = spec->align ? spec->align : spec->zero_pad ? '=' : '>';
    uint32_t fill = spec->zero_pad ? '0' : spec->fill;
    char sign = 0;
    if (spec->sign == '+')
        sign = negative ? '-' : '+';
    else if (spec->sign == ' ')
        sign = negative ? '-' : ' ';
    else if (negative)
        sign = '-';
    size_t nprefix = prefix ? strlen(prefix) : 0;
    ssize_t nother = (sign != 0) + (ssize_t)nprefix + (ssize_t)nrest;
    ssize_t min_width = fill == '0' && align == '=' ? spec->width - nother : 0;
    int group = spec->thousands ? (group4 && spec->thousands == '_' ? 4 : 3) : 0;

    size_t ngrouped = nintdigits ? format_group(NULL, intdigits, (ssize_t)nintdigits,
                                                min_width, group, spec->thousands)
                                 : 0;
    ssize_t npad = spec->width - (nother + (ssize_t)ngrouped);
    size_t lpad = 0, spad = 0, rpad = 0;
    if (npad > 0) {
        switch (align) {
        case '<': rpad = (size_t)npad; break;
        case '^': lpad = (size_t)npad / 2; rpad = (size_t)npad - lpad; break;
        case '=': spad = (size_t)npad; break;
        default:  lpad = (size_t)npad; break;
        }
    }

    if (format_fill(out, fill, lpad) < 0 || (sign && buf_putc(out, sign) < 0) ||
        buf_append(out, prefix ? prefix : "", nprefix) < 0 ||
        format_fill(out, fill, spad) < 0 || buf_reserve(out, ngrouped) < 0)
        return -1;
    if (ngrouped) {
        format_group(out->data + out->len + ngrouped, intdigits, (ssize_t)nintdigits,
                     min_width, group, spec->thousands);
        out->len += ngrouped;
        out->data[out->len] = '\0';
    }
    if (buf_append(out, rest ? rest : "", nrest) < 0 || format_fill(out, fill, rpad) < 0)
        return -1;
    return 0;
}

/* v formatted by dtoa (with '%' when pct), then signed, grouped and padded per spec: a
** float, or one unpadded part of a complex. */
static int
format_dtoa_number(Buf *out, double v, char type, int precision, int flags, bool pct,
                   const FormatSpec *spec)
{
    Buf tmp;
    buf_init(&tmp);
    if (dtoa_format(&tmp, v, type, precision, flags) < 0 || (pct && buf_putc(&tmp, '%') < 0)) {
        buf_free(&tmp);
        return -1;
    }
    const char *s = tmp.data;
    bool neg = *s == '-';
    if (neg)
        s++;
    size_t nd = 0;
    while (s[nd] >= '0' && s[nd] <= '9')
        nd++;
    int r = format_number(out, neg, "", s, nd, s + nd, false, spec);
    buf_free(&tmp);
    return r;
}

/* ------------------------------------------------------------------ __format__ methods */

size_t format_tmp_size, format_buf_size;
int format_buf_late;

Object *
format_method(Object *self, Object *spec, const char *type_name, format_spec_fn fn)
{
    if (!STR_CHECK(spec))
        return err_format(exc_TypeError, "__format__() argument must be str, not %s",
                          TYPE(spec)->name);
    if (STR_LEN(spec) == 0)
        return obj_str(self);
    ssize_t n;
    const char *u = str_as_utf8(spec, &n);
    if (!u)
        return NULL;
    FormatSpec fs;
    if (format_parse_spec_typed(u, n, type_name, &fs) < 0)
        return NULL;
    /* CPython formats into the result string itself (_PyUnicodeWriter): the text is
    ** built outside the pools here, and only the result takes a block -- after the
    ** intermediate string CPython's int formatting makes (format_tmp_size), which it
    ** frees after */
    Buf out;
    buf_init(&out);
    Object *r = NULL;
    format_tmp_size = format_buf_size = 0;
    format_buf_late = 0;
    heap_side_enter();
    int ok = fn(self, &fs, &out) == 0;
    heap_side_leave();
    if (ok) {
        void *b = format_buf_size ? heap_alloc(format_buf_size) : NULL;
        void *tmp = format_tmp_size ? heap_alloc(format_tmp_size) : NULL;
        if (!format_buf_late)
            heap_free(b);
        r = str_from_utf8(out.data ? out.data : "", (ssize_t)out.len);
        if (format_buf_late)
            heap_free(b);
        heap_free(tmp);
    }
    heap_side_enter();
    buf_free(&out);
    heap_side_leave();
    return r;
}

/* ------------------------------------------------------------------ float.__format__ */

int
format_double(Buf *out, double v, const FormatSpec *spec)
{
    char type = spec->type;
    switch (type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
        break;
    default:
        return format_unknown_code((unsigned char)type, "float");
    }
    if (spec->precision > INT_MAX) {
        err_set(exc_ValueError, "precision too big");
        return -1;
    }
    int precision = (int)spec->precision, default_precision = 6, flags = 0;
    bool pct = false;
    if (spec->alternate)
        flags |= DTOA_ALT;
    if (spec->no_neg_zero)
        flags |= DTOA_NO_NEG_0;
    if (type == 0) {
        /* Like repr() without a precision, else like 'g' keeping a digit after '.'. */
        flags |= DTOA_ADD_DOT_0;
        type = 'r';
        default_precision = 0;
    } else if (type == 'n') {
        type = 'g';                     /* the C locale: no grouping, '.' */
    } else if (type == '%') {
        type = 'f';
        v *= 100;
        pct = true;
    }
    if (precision < 0)
        precision = default_precision;
    else if (type == 'r')
        type = 'g';

    /* format_float_internal's PyOS_double_to_string buffer and the str made of it
    ** (format_method allocates their blocks around the result's) */
    Buf digits;
    buf_init(&digits);
    int fast = spec->sign != '+' && spec->sign != ' ' && spec->width < 0 &&
               !spec->thousands && spec->type != 'n';
    if (dtoa_format(&digits, v, type, precision, flags) == 0) {
        /* the fast path writes the buffer into the result and frees it after */
        format_buf_size = digits.len + 1;
        format_buf_late = fast;
        format_tmp_size = fast ? 0 : 48 + digits.len + 1;
    }
    buf_free(&digits);
    if (spec->sign != '+' && spec->sign != ' ' && spec->width < 0 && !spec->thousands) {
        if (dtoa_format(out, v, type, precision, flags) < 0)
            return -1;
        return pct ? buf_putc(out, '%') : 0;
    }
    return format_dtoa_number(out, v, type, precision, flags, pct, spec);
}

/* ---------------------------------------------------------------- complex.__format__ */

int
format_complex(Buf *out, double re, double im, const FormatSpec *spec)
{
    char type = spec->type;
    switch (type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n':
        break;
    default:
        return format_unknown_code((unsigned char)type, "complex");
    }
    if (spec->precision > INT_MAX) {
        err_set(exc_ValueError, "precision too big");
        return -1;
    }
    if (spec->zero_pad || spec->fill == '0') {
        err_set(exc_ValueError, "Zero padding is not allowed in complex format specifier");
        return -1;
    }
    if (spec->align == '=') {
        err_set(exc_ValueError, "'=' alignment flag is not allowed in complex format specifier");
        return -1;
    }
    int precision = (int)spec->precision, default_precision = 6, flags = 0;
    bool skip_re = false, parens = false;
    if (spec->alternate)
        flags |= DTOA_ALT;
    if (spec->no_neg_zero)
        flags |= DTOA_NO_NEG_0;
    if (type == 0) {
        /* like str(): no real part when it is +0.0, else parentheses */
        type = 'r';
        default_precision = 0;
        if (re == 0.0 && !signbit(re))
            skip_re = true;
        else
            parens = true;
    } else if (type == 'n') {
        type = 'g';                     /* the C locale */
    }
    if (precision < 0)
        precision = default_precision;
    else if (type == 'r')
        type = 'g';
    /* the parts unpadded, the imaginary one always signed unless it stands alone;
    ** then the whole padded (CPython's format_complex_internal) */
    FormatSpec part = *spec;
    part.fill = ' ';
    part.align = '<';
    part.width = -1;
    Buf body;
    buf_init(&body);
    int rc = parens ? buf_putc(&body, '(') : 0;
    if (rc == 0 && !skip_re) {
        rc = format_dtoa_number(&body, re, type, precision, flags, false, &part);
        part.sign = '+';
    }
    if (rc == 0)
        rc = format_dtoa_number(&body, im, type, precision, flags, false, &part);
    if (rc == 0)
        rc = buf_putc(&body, 'j');
    if (rc == 0 && parens)
        rc = buf_putc(&body, ')');
    if (rc == 0)
        rc = format_pad(out, body.data, body.len, body.len, spec, '>');
    buf_free(&body);
    return rc;
}
