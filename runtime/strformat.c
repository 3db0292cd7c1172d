/*
** strformat.c -- printf-style 'format % args' (str_mod, CPython 3.11's PyUnicode_Format)
** and the engine of str.format()/format_map() (str_format_engine, CPython's
** Objects/stringlib/unicode_format.h).  Both follow CPython's parsers step by step, so
** that the same malformed input fails with the same message at the same point.
**
** Output goes through a FmtWriter: a StrBuilder plus CPython's "readonly" trick of
** _PyUnicodeWriter -- when the only thing written is one whole str object and it is the
** last piece, that object itself is the result ('%s' % s is s, s.format() is s).
** Otherwise the result comes from sb_finish (one-character latin-1 results are the
** cached singletons, as _PyUnicodeWriter_Finish gives).
**
** Values are formatted by int's and float's own text conversions (int_to_decimal_string,
** int_format_base, dtoa_format) for %-codes, and by obj_format() (type(v).__format__)
** for str.format fields.
*/
#include "strobject.h"
#include "unicodedb.h"
#include "error.h"
#include "intobject.h"
#include "floatobject.h"
#include "tupleobject.h"
#include "dictobject.h"
#include "format.h"
#include "buf.h"
#include <string.h>
#include <limits.h>


/* ================================================================ the writer */

typedef struct FmtWriter {
    StrBuilder sb;
    Object *whole;          /* the one str written so far, by reference, or NULL */
} FmtWriter;

static void
fw_init(FmtWriter *w)
{
    sb_init(&w->sb);
    w->whole = NULL;
}

static int
fw_flush_whole(FmtWriter *w)
{
    Object *s = w->whole;
    if (!s)
        return 0;
    w->whole = NULL;
    int rc = sb_put_str(&w->sb, s);
    decref(s);
    return rc;
}

/* Write all of s; 'last' says nothing will follow (CPython's overallocate == 0). */
static int
fw_put_str(FmtWriter *w, Object *s, int last)
{
    if (STR_LEN(s) == 0)
        return 0;
    if (last && !w->whole && w->sb.len == 0) {
        w->whole = newref(s);
        return 0;
    }
    if (fw_flush_whole(w) < 0)
        return -1;
    return sb_put_str(&w->sb, s);
}

static int
fw_put_substr(FmtWriter *w, Object *s, ssize_t start, ssize_t end, int last)
{
    if (start == 0 && end == STR_LEN(s))
        return fw_put_str(w, s, last);
    if (fw_flush_whole(w) < 0)
        return -1;
    return sb_put_substr(&w->sb, s, start, end);
}

static int
fw_putc(FmtWriter *w, uint32_t ch)
{
    if (fw_flush_whole(w) < 0)
        return -1;
    return sb_putc(&w->sb, ch);
}

static int
fw_put_ascii(FmtWriter *w, const char *s, size_t n)
{
    if (fw_flush_whole(w) < 0)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (sb_putc(&w->sb, (unsigned char)s[i]) < 0)
            return -1;
    return 0;
}

static int
fw_fill(FmtWriter *w, uint32_t ch, ssize_t n)
{
    for (ssize_t i = 0; i < n; i++)
        if (fw_putc(w, ch) < 0)
            return -1;
    return 0;
}

static Object *
fw_finish(FmtWriter *w)
{
    if (w->whole) {
        Object *r = w->whole;
        w->whole = NULL;
        sb_discard(&w->sb);
        return r;
    }
    return sb_finish(&w->sb);
}

static void
fw_discard(FmtWriter *w)
{
    CLEAR(w->whole);
    sb_discard(&w->sb);
}

/* ================================================================ format % args */

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

typedef struct PctCtx {
    Object *fmtstr;
    int kind;
    const void *data;
    ssize_t fmtcnt, fmtpos;     /* CPython's counters: chars left, read position */
    Object *args;
    int args_owned;
    ssize_t arglen, argidx;
    Object *dict;
    FmtWriter w;
} PctCtx;

typedef struct PctArg {
    uint32_t ch;
    int flags;
    ssize_t width;
    int prec;
    int sign;
} PctArg;

/* The format is NUL-terminated, so reading at the end position yields 0 (as CPython). */
#define PCT_READ(c) STR_READ((c)->kind, (c)->data, (c)->fmtpos)

static Object *
pct_nextarg(PctCtx *c)
{
    ssize_t i = c->argidx;
    if (i < c->arglen) {
        c->argidx++;
        if (c->arglen < 0)
            return c->args;
        return TUPLE_GET(c->args, i);
    }
    return err_set(exc_TypeError, "not enough arguments for format string");
}

/* Flags, width, precision and the "%(key)" syntax (unicode_format_arg_parse). */
static int
pct_parse(PctCtx *c, PctArg *a)
{
    Object *v;
    if (a->ch == '(') {
        if (!c->dict) {
            err_set(exc_TypeError, "format requires a mapping");
            return -1;
        }
        ++c->fmtpos;
        --c->fmtcnt;
        ssize_t keystart = c->fmtpos;
        int pcount = 1;
        while (pcount > 0 && --c->fmtcnt >= 0) {
            a->ch = PCT_READ(c);
            if (a->ch == ')')
                --pcount;
            else if (a->ch == '(')
                ++pcount;
            c->fmtpos++;
        }
        ssize_t keylen = c->fmtpos - keystart - 1;
        if (c->fmtcnt < 0 || pcount > 0) {
            err_set(exc_ValueError, "incomplete format key");
            return -1;
        }
        Object *key = str_substring(c->fmtstr, keystart, keystart + keylen);
        if (!key)
            return -1;
        if (c->args_owned) {
            c->args_owned = 0;
            decref(c->args);
        }
        c->args = obj_getitem(c->dict, key);
        decref(key);
        if (!c->args)
            return -1;
        c->args_owned = 1;
        c->arglen = -1;
        c->argidx = -2;
    }
    while (--c->fmtcnt >= 0) {
        a->ch = PCT_READ(c);
        c->fmtpos++;
        switch (a->ch) {
        case '-': a->flags |= F_LJUST; continue;
        case '+': a->flags |= F_SIGN; continue;
        case ' ': a->flags |= F_BLANK; continue;
        case '#': a->flags |= F_ALT; continue;
        case '0': a->flags |= F_ZERO; continue;
        }
        break;
    }
    if (a->ch == '*') {
        v = pct_nextarg(c);
        if (!v)
            return -1;
        if (!INT_CHECK(v)) {
            err_set(exc_TypeError, "* wants int");
            return -1;
        }
        a->width = int_as_ssize(v);
        if (a->width == -1 && err_occurred())
            return -1;
        if (a->width < 0) {
            a->flags |= F_LJUST;
            a->width = -a->width;
        }
        if (--c->fmtcnt >= 0) {
            a->ch = PCT_READ(c);
            c->fmtpos++;
        }
    } else if (a->ch >= '0' && a->ch <= '9') {
        a->width = a->ch - '0';
        while (--c->fmtcnt >= 0) {
            a->ch = PCT_READ(c);
            c->fmtpos++;
            if (a->ch < '0' || a->ch > '9')
                break;
            if (a->width > (SSIZE_MAX - ((int)a->ch - '0')) / 10) {
                err_set(exc_ValueError, "width too big");
                return -1;
            }
            a->width = a->width * 10 + (a->ch - '0');
        }
    }
    if (a->ch == '.') {
        a->prec = 0;
        if (--c->fmtcnt >= 0) {
            a->ch = PCT_READ(c);
            c->fmtpos++;
        }
        if (a->ch == '*') {
            v = pct_nextarg(c);
            if (!v)
                return -1;
            if (!INT_CHECK(v)) {
                err_set(exc_TypeError, "* wants int");
                return -1;
            }
            int overflow;
            long p = int_as_long_and_overflow(v, &overflow);
            if (overflow || p > INT_MAX || p < INT_MIN) {
                err_set(exc_OverflowError, "Python int too large to convert to C int");
                return -1;
            }
            a->prec = p < 0 ? 0 : (int)p;
            if (--c->fmtcnt >= 0) {
                a->ch = PCT_READ(c);
                c->fmtpos++;
            }
        } else if (a->ch >= '0' && a->ch <= '9') {
            a->prec = (int)(a->ch - '0');
            while (--c->fmtcnt >= 0) {
                a->ch = PCT_READ(c);
                c->fmtpos++;
                if (a->ch < '0' || a->ch > '9')
                    break;
                if (a->prec > (INT_MAX - ((int)a->ch - '0')) / 10) {
                    err_set(exc_ValueError, "precision too big");
                    return -1;
                }
                a->prec = a->prec * 10 + (int)(a->ch - '0');
            }
        }
    }
    /* "%hd", "%ld", "%Lf": the length modifiers are ignored */
    if (c->fmtcnt >= 0 && (a->ch == 'h' || a->ch == 'l' || a->ch == 'L')) {
        if (--c->fmtcnt >= 0) {
            a->ch = PCT_READ(c);
            c->fmtpos++;
        }
    }
    if (c->fmtcnt < 0) {
        err_set(exc_ValueError, "incomplete format");
        return -1;
    }
    return 0;
}

/* _PyUnicode_FormatLong: 'val' (an int) in base 10/8/16 with at least 'prec' digits,
** the 0o/0x/0X prefix when 'alt', upper case for 'X'.  New ASCII str. */
static Object *
pct_format_long(Object *val, int alt, int prec, uint32_t type)
{
    Object *s = (type == 'o' || type == 'x' || type == 'X')
                    ? int_format_base(val, type == 'o' ? 8 : 16, 1)
                    : int_to_decimal_string(val);
    if (!s)
        return NULL;
    const char *p = STR_ASCII(s);
    ssize_t n = STR_LEN(s);
    int neg = p[0] == '-';
    const char *digits = p + neg;
    if (type == 'o' || type == 'x' || type == 'X')
        digits += 2;            /* int_format_base's prefix */
    ssize_t ndigits = n - (digits - p);
    Buf b;
    buf_init(&b);
    int rc = 0;
    if (neg)
        rc |= buf_putc(&b, '-');
    if (alt && type != 'd' && type != 'i' && type != 'u') {
        rc |= buf_putc(&b, '0');
        rc |= buf_putc(&b, (char)(type == 'o' ? 'o' : type == 'x' ? 'x' : 'X'));
    }
    for (ssize_t i = ndigits; i < prec; i++)
        rc |= buf_putc(&b, '0');
    rc |= buf_append(&b, digits, (size_t)ndigits);
    decref(s);
    if (rc < 0) {
        buf_free(&b);
        return NULL;
    }
    if (type == 'X')
        for (size_t i = 0; i < b.len; i++)
            if (b.data[i] >= 'a' && b.data[i] <= 'f')
                b.data[i] = (char)(b.data[i] - 32);
    Object *r = str_from_ascii(b.data, (ssize_t)b.len);
    buf_free(&b);
    return r;
}

/* The integer codes d i u o x X (mainformatlong).  Returns 1 when written to the
** writer, 0 with *out set, -1 on error. */
static int
pct_format_int(PctCtx *c, PctArg *a, Object *v, Object **out)
{
    uint32_t type = a->ch;
    int hexoct = type == 'o' || type == 'x' || type == 'X';
    Object *iobj;
    if (!num_check(v))
        goto wrongtype;
    if (!INT_CHECK(v)) {
        iobj = hexoct ? num_index(v) : num_long(v);
        if (!iobj) {
            if (err_matches(exc_TypeError)) {
                err_clear();
                goto wrongtype;
            }
            return -1;
        }
    } else {
        iobj = newref(v);
    }
    if (INT_CHECK_EXACT(v) && a->width == -1 && a->prec == -1 &&
        !(a->flags & (F_SIGN | F_BLANK)) && type != 'X') {
        Object *s = hexoct ? int_format_base(v, type == 'o' ? 8 : 16, (a->flags & F_ALT) != 0)
                           : int_to_decimal_string(v);
        decref(iobj);
        if (!s)
            return -1;
        int rc = fw_flush_whole(&c->w);
        if (rc == 0)
            rc = sb_put_str(&c->w.sb, s);
        decref(s);
        return rc < 0 ? -1 : 1;
    }
    *out = pct_format_long(iobj, (a->flags & F_ALT) != 0, a->prec, type);
    decref(iobj);
    return *out ? 0 : -1;
wrongtype:
    if (hexoct)
        err_format(exc_TypeError, "%%%c format: an integer is required, not %s", (int)type,
                   TYPE(v)->name);
    else
        err_format(exc_TypeError, "%%%c format: a real number is required, not %s",
                   (int)type, TYPE(v)->name);
    return -1;
}

/* The float codes e E f F g G: into the writer (out == NULL) or a new str in *out. */
static int
pct_format_float(PctCtx *c, PctArg *a, Object *v, Object **out)
{
    double x;
    if (FLOAT_CHECK(v)) {
        x = FLOAT_VAL(v);
    } else {
        if (!TYPE(v)->nb_float && !TYPE(v)->nb_index) {
            err_format(exc_TypeError, "must be real number, not %s", TYPE(v)->name);
            return -1;
        }
        x = float_as_double(v);
        if (x == -1.0 && err_occurred())
            return -1;
    }
    Buf b;
    buf_init(&b);
    if (dtoa_format(&b, x, (char)a->ch, a->prec < 0 ? 6 : a->prec,
                    (a->flags & F_ALT) ? DTOA_ALT : 0) < 0) {
        buf_free(&b);
        return -1;
    }
    int rc = 0;
    if (out) {
        *out = str_from_ascii(b.data, (ssize_t)b.len);
        rc = *out ? 0 : -1;
    } else {
        rc = fw_put_ascii(&c->w, b.data, b.len);
    }
    buf_free(&b);
    return rc;
}

/* %c: a one-character str or an int code point; (uint32_t)-1 on error. */
static uint32_t
pct_formatchar(Object *v)
{
    if (STR_CHECK(v)) {
        if (STR_LEN(v) == 1)
            return STR_GET(v, 0);
        goto bad;
    }
    Object *iobj;
    if (INT_CHECK(v))
        iobj = newref(v);
    else if (TYPE(v)->nb_index) {
        iobj = num_index(v);
        if (!iobj) {
            if (err_matches(exc_TypeError)) {
                err_clear();
                goto bad;
            }
            return (uint32_t)-1;
        }
    } else {
        goto bad;
    }
    int overflow;
    long x = int_as_long_and_overflow(iobj, &overflow);
    decref(iobj);
    if (overflow || x < 0 || x > 0x10FFFF) {
        err_set(exc_OverflowError, "%c arg not in range(0x110000)");
        return (uint32_t)-1;
    }
    return (uint32_t)x;
bad:
    err_set(exc_TypeError, "%c requires int or char");
    return (uint32_t)-1;
}

/* Format one argument (unicode_format_arg_format): 1 = written, 0 = *out set, -1. */
static int
pct_format_arg(PctCtx *c, PctArg *a, Object **out)
{
    Object *v = pct_nextarg(c);
    if (!v)
        return -1;
    switch (a->ch) {
    case 's':
    case 'r':
    case 'a':
        if (INT_CHECK_EXACT(v) && a->width == -1 && a->prec == -1) {
            Object *s = int_to_decimal_string(v);
            if (!s)
                return -1;
            int rc = fw_flush_whole(&c->w);
            if (rc == 0)
                rc = sb_put_str(&c->w.sb, s);
            decref(s);
            return rc < 0 ? -1 : 1;
        }
        if (STR_CHECK_EXACT(v) && a->ch == 's')
            *out = newref(v);
        else if (a->ch == 's')
            *out = obj_str(v);
        else if (a->ch == 'r')
            *out = obj_repr(v);
        else
            *out = obj_ascii(v);
        return *out ? 0 : -1;
    case 'i':
    case 'd':
    case 'u':
    case 'o':
    case 'x':
    case 'X': {
        int rc = pct_format_int(c, a, v, out);
        if (rc != 0)
            return rc;
        a->sign = 1;
        return 0;
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
        if (a->width == -1 && a->prec == -1 && !(a->flags & (F_SIGN | F_BLANK)))
            return pct_format_float(c, a, v, NULL) < 0 ? -1 : 1;
        a->sign = 1;
        return pct_format_float(c, a, v, out);
    case 'c': {
        uint32_t ch = pct_formatchar(v);
        if (ch == (uint32_t)-1)
            return -1;
        if (a->width == -1 && a->prec == -1)
            return fw_putc(&c->w, ch) < 0 ? -1 : 1;
        *out = str_from_char(ch);
        return *out ? 0 : -1;
    }
    default:
        err_format(exc_ValueError, "unsupported format character '%c' (0x%x) at index %zd",
                   (a->ch >= 31 && a->ch <= 126) ? (int)a->ch : '?', (unsigned)a->ch,
                   c->fmtpos - 1);
        return -1;
    }
}

/* Pad, sign and prefix the formatted text (unicode_format_arg_output). */
static int
pct_output(PctCtx *c, PctArg *a, Object *str, int last)
{
    FmtWriter *w = &c->w;
    uint32_t fill = (a->sign && (a->flags & F_ZERO)) ? '0' : ' ';
    ssize_t len = STR_LEN(str);
    if ((a->width == -1 || a->width <= len) && (a->prec == -1 || a->prec >= len) &&
        !(a->flags & (F_SIGN | F_BLANK)))
        return fw_put_str(w, str, last);
    if ((a->ch == 's' || a->ch == 'r' || a->ch == 'a') && a->prec >= 0 && len > a->prec)
        len = a->prec;
    int kind = STR_KIND(str);
    const void *d = STR_DATA(str);
    ssize_t pindex = 0;
    uint32_t signchar = 0;
    if (a->sign) {
        uint32_t ch = len > 0 ? STR_READ(kind, d, 0) : 0;
        if (ch == '-' || ch == '+') {
            signchar = ch;
            len--;
            pindex++;
        } else if (a->flags & F_SIGN) {
            signchar = '+';
        } else if (a->flags & F_BLANK) {
            signchar = ' ';
        } else {
            a->sign = 0;
        }
    }
    if (a->width < len)
        a->width = len;
    int alt_prefix = (a->flags & F_ALT) && (a->ch == 'x' || a->ch == 'X' || a->ch == 'o');
    if (a->sign) {
        if (fill != ' ' && fw_putc(w, signchar) < 0)
            return -1;
        if (a->width > len)
            a->width--;
    }
    if (alt_prefix) {
        if (fill != ' ') {
            if (fw_putc(w, '0') < 0 || fw_putc(w, a->ch) < 0)
                return -1;
            pindex += 2;
        }
        a->width -= 2;
        if (a->width < 0)
            a->width = 0;
        len -= 2;
    }
    if (a->width > len && !(a->flags & F_LJUST)) {
        if (fw_fill(w, fill, a->width - len) < 0)
            return -1;
        a->width = len;
    }
    if (fill == ' ') {
        if (a->sign && fw_putc(w, signchar) < 0)
            return -1;
        if (alt_prefix) {
            if (fw_putc(w, '0') < 0 || fw_putc(w, a->ch) < 0)
                return -1;
            pindex += 2;
        }
    }
    if (len > 0) {
        if (fw_flush_whole(w) < 0 || sb_put_substr(&w->sb, str, pindex, pindex + len) < 0)
            return -1;
    }
    if (a->width > len && fw_fill(w, ' ', a->width - len) < 0)
        return -1;
    return 0;
}

static int
pct_arg(PctCtx *c)
{
    PctArg a;
    a.ch = PCT_READ(c);
    if (a.ch == '%') {
        c->fmtpos++;
        c->fmtcnt--;
        return fw_putc(&c->w, '%');
    }
    a.flags = 0;
    a.width = -1;
    a.prec = -1;
    a.sign = 0;
    if (pct_parse(c, &a) < 0)
        return -1;
    int last = c->fmtcnt == 0;
    Object *str = NULL;
    int rc = pct_format_arg(c, &a, &str);
    if (rc < 0)
        return -1;
    if (rc == 0) {
        rc = pct_output(c, &a, str, last);
        decref(str);
        if (rc < 0)
            return -1;
    }
    if (c->dict && c->argidx < c->arglen) {
        err_set(exc_TypeError, "not all arguments converted during string formatting");
        return -1;
    }
    return 0;
}

Object *
str_mod(Object *format, Object *args)
{
    PctCtx c;
    c.fmtstr = format;
    c.kind = STR_KIND(format);
    c.data = STR_DATA(format);
    c.fmtcnt = STR_LEN(format);
    c.fmtpos = 0;
    fw_init(&c.w);
    if (TUPLE_CHECK(args)) {
        c.arglen = TUPLE_LEN(args);
        c.argidx = 0;
    } else {
        c.arglen = -1;
        c.argidx = -2;
    }
    c.args_owned = 0;
    /* PyMapping_Check: anything subscriptable that is not a tuple or a str */
    c.dict = (TYPE(args)->mp_subscript && !TUPLE_CHECK(args) && !STR_CHECK(args)) ? args
                                                                                 : NULL;
    c.args = args;
    while (--c.fmtcnt >= 0) {
        if (PCT_READ(&c) != '%') {
            ssize_t nonfmtpos = c.fmtpos++;
            while (c.fmtcnt >= 0 && PCT_READ(&c) != '%') {
                c.fmtpos++;
                c.fmtcnt--;
            }
            int last = 0;
            if (c.fmtcnt < 0) {
                c.fmtpos--;
                last = 1;
            }
            if (fw_put_substr(&c.w, format, nonfmtpos, c.fmtpos, last) < 0)
                goto error;
        } else {
            c.fmtpos++;
            if (pct_arg(&c) < 0)
                goto error;
        }
    }
    if (c.argidx < c.arglen && !c.dict) {
        err_set(exc_TypeError, "not all arguments converted during string formatting");
        goto error;
    }
    if (c.args_owned)
        decref(c.args);
    return fw_finish(&c.w);
error:
    fw_discard(&c.w);
    if (c.args_owned)
        decref(c.args);
    return NULL;
}

/* ================================================================ str.format */

/* A slice of a str; str == NULL means "absent". */
typedef struct SubStr {
    Object *str;
    ssize_t start, end;
} SubStr;

typedef struct AutoNumber {
    int state;              /* 0 init, 1 auto, 2 manual */
    ssize_t next;
} AutoNumber;

typedef struct FmtArgs {
    Object *const *args;    /* NULL for format_map */
    ssize_t nargs;
    Object *kwargs;         /* mapping or NULL */
} FmtArgs;

static Object *fmt_build(SubStr *input, FmtArgs *fa, int depth, AutoNumber *an);

static inline uint32_t
sub_at(const SubStr *s, ssize_t i)
{
    return STR_GET(s->str, i);
}

static Object *
sub_new(const SubStr *s)
{
    if (!s->str)
        return newref(None);
    return str_substring(s->str, s->start, s->end);
}

/* Decimal value of the whole substring; -1 if empty or not all decimal digits (no
** exception), -1 with ValueError on overflow. */
static ssize_t
fmt_get_integer(const SubStr *s)
{
    ssize_t acc = 0;
    if (s->start >= s->end)
        return -1;
    for (ssize_t i = s->start; i < s->end; i++) {
        int dv = unicode_todecimal(sub_at(s, i));
        if (dv < 0)
            return -1;
        if (acc > (SSIZE_MAX - dv) / 10) {
            err_set(exc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        acc = acc * 10 + dv;
    }
    return acc;
}

static int
fmt_autonumber_error(int state, int field_name_is_empty)
{
    if (state == 2) {
        if (field_name_is_empty) {
            err_set(exc_ValueError, "cannot switch from manual field specification to "
                                    "automatic field numbering");
            return 1;
        }
    } else if (!field_name_is_empty) {
        err_set(exc_ValueError, "cannot switch from automatic field numbering to manual "
                                "field specification");
        return 1;
    }
    return 0;
}

/* The ".name" / "[key]" parts after the first name (FieldNameIterator_next):
** 0 error, 1 done, 2 got one. */
static int
fmt_field_next(SubStr *rest, int *is_attr, ssize_t *idx, SubStr *name)
{
    if (rest->start >= rest->end)
        return 1;
    uint32_t c = sub_at(rest, rest->start++);
    name->str = rest->str;
    if (c == '.') {
        *is_attr = 1;
        name->start = rest->start;
        while (rest->start < rest->end) {
            uint32_t ch = sub_at(rest, rest->start);
            if (ch == '[' || ch == '.')
                break;
            rest->start++;
        }
        name->end = rest->start;
        *idx = -1;
    } else if (c == '[') {
        *is_attr = 0;
        name->start = rest->start;
        int bracket_seen = 0;
        while (rest->start < rest->end) {
            if (sub_at(rest, rest->start++) == ']') {
                bracket_seen = 1;
                break;
            }
        }
        if (!bracket_seen) {
            err_set(exc_ValueError, "Missing ']' in format string");
            return 0;
        }
        name->end = rest->start - 1;
        *idx = fmt_get_integer(name);
        if (*idx == -1 && err_occurred())
            return 0;
    } else {
        err_set(exc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
        return 0;
    }
    if (name->start == name->end) {
        err_set(exc_ValueError, "Empty attribute in format string");
        return 0;
    }
    return 2;
}

/* get_field_object: the object a field name designates (new reference). */
static Object *
fmt_field_object(SubStr *input, FmtArgs *fa, AutoNumber *an)
{
    ssize_t i = input->start;
    while (i < input->end) {
        uint32_t ch = sub_at(input, i);
        if (ch == '[' || ch == '.')
            break;
        i++;
    }
    SubStr first = {input->str, input->start, i};
    SubStr rest = {input->str, i, input->end};
    ssize_t index = fmt_get_integer(&first);
    if (index == -1 && err_occurred())
        return NULL;
    int empty = first.start >= first.end;
    int numeric = empty || index != -1;
    if (an) {
        if (an->state == 0 && numeric)
            an->state = empty ? 1 : 2;
        if (numeric && fmt_autonumber_error(an->state, empty))
            return NULL;
        if (empty)
            index = an->next++;
    }
    Object *obj;
    if (index == -1) {
        Object *key = sub_new(&first);
        if (!key)
            return NULL;
        if (!fa->kwargs) {
            err_set_object(exc_KeyError, key);
            decref(key);
            return NULL;
        }
        obj = obj_getitem(fa->kwargs, key);
        decref(key);
        if (!obj)
            return NULL;
    } else {
        if (!fa->args) {
            err_set(exc_ValueError, "Format string contains positional fields");
            return NULL;
        }
        if (index >= fa->nargs) {
            err_format(exc_IndexError,
                       "Replacement index %zd out of range for positional args tuple", index);
            return NULL;
        }
        obj = newref(fa->args[index]);
    }
    int ok, is_attr;
    SubStr name;
    while ((ok = fmt_field_next(&rest, &is_attr, &index, &name)) == 2) {
        Object *tmp;
        if (is_attr) {
            Object *n = sub_new(&name);
            tmp = n ? obj_getattr(obj, n) : NULL;
            xdecref(n);
        } else if (index == -1) {
            Object *n = sub_new(&name);
            tmp = n ? obj_getitem(obj, n) : NULL;
            xdecref(n);
        } else if (TYPE(obj)->sq_item && !DICT_CHECK(obj)) {
            tmp = TYPE(obj)->sq_item(obj, index);     /* PySequence_GetItem */
        } else {
            Object *n = int_from_ssize(index);
            tmp = n ? obj_getitem(obj, n) : NULL;
            xdecref(n);
        }
        decref(obj);
        if (!tmp)
            return NULL;
        obj = tmp;
    }
    if (ok == 1)
        return obj;
    decref(obj);
    return NULL;
}

/* parse_field: split "name!conv:spec" (the text after '{'); advances str. */
static int
fmt_parse_field(SubStr *str, SubStr *field_name, SubStr *format_spec, int *needs_expanding,
                uint32_t *conversion)
{
    uint32_t c = 0;
    *conversion = 0;
    format_spec->str = NULL;
    format_spec->start = format_spec->end = 0;
    field_name->str = str->str;
    field_name->start = str->start;
    while (str->start < str->end) {
        c = sub_at(str, str->start++);
        if (c == '{') {
            err_set(exc_ValueError, "unexpected '{' in field name");
            return 0;
        }
        if (c == '[') {
            for (; str->start < str->end; str->start++)
                if (sub_at(str, str->start) == ']')
                    break;
            continue;
        }
        if (c == '}' || c == ':' || c == '!')
            break;
    }
    field_name->end = str->start - 1;
    if (c == '!' || c == ':') {
        if (c == '!') {
            if (str->start >= str->end) {
                err_set(exc_ValueError, "end of string while looking for conversion specifier");
                return 0;
            }
            *conversion = sub_at(str, str->start++);
            if (str->start < str->end) {
                c = sub_at(str, str->start++);
                if (c == '}')
                    return 1;
                if (c != ':') {
                    err_set(exc_ValueError, "expected ':' after conversion specifier");
                    return 0;
                }
            }
        }
        format_spec->str = str->str;
        format_spec->start = str->start;
        int count = 1;
        while (str->start < str->end) {
            c = sub_at(str, str->start++);
            if (c == '{') {
                *needs_expanding = 1;
                count++;
            } else if (c == '}') {
                if (--count == 0) {
                    format_spec->end = str->start - 1;
                    return 1;
                }
            }
        }
        err_set(exc_ValueError, "unmatched '{' in format spec");
        return 0;
    }
    if (c != '}') {
        err_set(exc_ValueError, "expected '}' before end of string");
        return 0;
    }
    return 1;
}

/* MarkupIterator_next: 0 error, 1 done, 2 got literal text and maybe a field. */
static int
fmt_markup_next(SubStr *it, SubStr *literal, int *field_present, SubStr *field_name,
                SubStr *format_spec, uint32_t *conversion, int *needs_expanding)
{
    uint32_t c = 0;
    int markup_follows = 0;
    literal->str = NULL;
    literal->start = literal->end = 0;
    field_name->str = NULL;
    format_spec->str = NULL;
    *conversion = 0;
    *needs_expanding = 0;
    *field_present = 0;
    if (it->start >= it->end)
        return 1;
    ssize_t start = it->start;
    while (it->start < it->end) {
        c = sub_at(it, it->start++);
        if (c == '{' || c == '}') {
            markup_follows = 1;
            break;
        }
    }
    int at_end = it->start >= it->end;
    ssize_t len = it->start - start;
    if (c == '}' && (at_end || c != sub_at(it, it->start))) {
        err_set(exc_ValueError, "Single '}' encountered in format string");
        return 0;
    }
    if (at_end && c == '{') {
        err_set(exc_ValueError, "Single '{' encountered in format string");
        return 0;
    }
    if (!at_end) {
        if (c == sub_at(it, it->start)) {
            it->start++;        /* escaped brace: literal text only */
            markup_follows = 0;
        } else {
            len--;
        }
    }
    literal->str = it->str;
    literal->start = start;
    literal->end = start + len;
    if (!markup_follows)
        return 2;
    *field_present = 1;
    if (!fmt_parse_field(it, field_name, format_spec, needs_expanding, conversion))
        return 0;
    return 2;
}

static Object *
fmt_conversion(Object *obj, uint32_t conversion)
{
    switch (conversion) {
    case 'r':
        return obj_repr(obj);
    case 's':
        return obj_str(obj);
    case 'a':
        return obj_ascii(obj);
    default:
        if (conversion > 32 && conversion < 127)
            return err_format(exc_ValueError, "Unknown conversion specifier %c",
                              (int)conversion);
        return err_format(exc_ValueError, "Unknown conversion specifier \\x%x",
                          (unsigned)conversion);
    }
}

static int
fmt_output_markup(FmtWriter *w, SubStr *field_name, SubStr *format_spec, int needs_expanding,
                  uint32_t conversion, FmtArgs *fa, int depth, AutoNumber *an, int last)
{
    Object *obj = fmt_field_object(field_name, fa, an);
    if (!obj)
        return -1;
    if (conversion) {
        Object *tmp = fmt_conversion(obj, conversion);
        decref(obj);
        if (!tmp)
            return -1;
        obj = tmp;
    }
    Object *spec;
    if (needs_expanding)
        spec = fmt_build(format_spec, fa, depth - 1, an);
    else if (format_spec->str)
        spec = str_substring(format_spec->str, format_spec->start, format_spec->end);
    else
        spec = str_empty();
    if (!spec) {
        decref(obj);
        return -1;
    }
    if (INT_CHECK_EXACT(obj) && STR_LEN(spec) == 0) {
        /* render_field -> _PyLong_FormatWriter: the digits are written into the writer,
        ** never taken "readonly" ('{}'.format(5) is the cached '5') */
        decref(spec);
        Object *s = int_to_decimal_string(obj);
        decref(obj);
        if (!s)
            return -1;
        int rc = fw_flush_whole(w);
        if (rc == 0)
            rc = sb_put_str(&w->sb, s);
        decref(s);
        return rc < 0 ? -1 : 0;
    }
    Object *r = obj_format(obj, spec);
    decref(spec);
    decref(obj);
    if (!r)
        return -1;
    int rc = fw_put_str(w, r, last);
    decref(r);
    return rc;
}

static Object *
fmt_build(SubStr *input, FmtArgs *fa, int depth, AutoNumber *an)
{
    if (depth <= 0)
        return err_set(exc_ValueError, "Max string recursion exceeded");
    FmtWriter w;
    fw_init(&w);
    /* zeroed: gcc -O1 (MODE=stress) cannot see fmt_markup_next always sets them */
    SubStr it = *input, literal = {0}, field_name = {0}, format_spec = {0};
    int field_present, needs_expanding, result;
    uint32_t conversion;
    while ((result = fmt_markup_next(&it, &literal, &field_present, &field_name,
                                     &format_spec, &conversion, &needs_expanding)) == 2) {
        int at_end = it.start == it.end;
        if (literal.end != literal.start &&
            fw_put_substr(&w, literal.str, literal.start, literal.end,
                          !field_present && at_end) < 0)
            goto fail;
        if (field_present &&
            fmt_output_markup(&w, &field_name, &format_spec, needs_expanding, conversion, fa,
                              depth, an, at_end) < 0)
            goto fail;
    }
    if (result == 0)
        goto fail;
    return fw_finish(&w);
fail:
    fw_discard(&w);
    return NULL;
}

Object *
str_format_engine(Object *fmt, Object *const *args, ssize_t nargs, Object *kwargs)
{
    SubStr input = {fmt, 0, STR_LEN(fmt)};
    FmtArgs fa = {nargs < 0 ? NULL : args, nargs < 0 ? 0 : nargs, kwargs};
    /* a dummy non-NULL args pointer for str.format() without arguments */
    static Object *const no_args[1] = {NULL};
    if (nargs >= 0 && !fa.args)
        fa.args = no_args;
    AutoNumber an = {0, 0};
    return fmt_build(&input, &fa, 2, &an);
}
