/*
** strmethods.c -- the methods of str (CPython 3.11's Objects/unicodeobject.c and
** Objects/stringlib/), exported as the table 'str_methods' that strobject.c installs.
**
** Organisation: kind-generic helpers (copying between kinds, exact maximum characters,
** the search primitives), then the methods in CPython's groups: case conversion,
** predicates, searching and counting, splitting and partitioning, stripping, padding,
** replace/expandtabs/translate, join, encode, formatting.  %-formatting and the
** str.format engine live in strformat.c.
**
** Invariants kept by every method:
**   - results are canonical (strobject.h): each result is built either with the exact
**     maximum character or with the maximum of its sources' kind bounds (127, 255,
**     0xFFFF, 0x10FFFF), which is exact for canonical inputs, and shrunk when pieces
**     that may have held the widest characters were dropped (CPython's "mayshrink");
**   - identity follows CPython: where CPython returns 'self' (nothing to strip, no
**     match to replace, width already reached) we return self when it is an exact str;
**     where CPython slices (PyUnicode_Substring: strip, split, partition) one-character
**     latin-1 results are the cached singletons; where it builds with PyUnicode_New
**     (case mappings, replace, padding, join) results are fresh objects even when one
**     character long;
**   - searching on one-byte kinds goes through memchr/memrchr/str_search_bytes; other kinds
**     compare the needle converted to the haystack's kind.
*/
#include "strobject.h"
#include "unicodedb.h"
#include "error.h"
#include "heap.h"
#include "intobject.h"
#include "listobject.h"
#include "tupleobject.h"
#include "dictobject.h"
#include "bytesobject.h"
#include "methodobject.h"
#include "sliceobject.h"
#include "exceptions.h"
#include "format.h"
#include "buf.h"
#include <string.h>

/* strobject.c */
/* strformat.c: str.format()/format_map(); nargs < 0 means format_map (no positional
** arguments; 'kwargs' is then any mapping). */
/* The table strobject.c installs as str_type.methods. */
extern const MethodDef str_methods[];

/* ================================================================ kind helpers */

/* The largest code point a canonical string of s's representation may hold: exact as
** a maximum for building results (canonical strings use their kind's full range). */
static inline uint32_t
strm_bound(Object *s)
{
    int k = STR_KIND(s);
    return STR_IS_ASCII(s) ? 127u : k == 1 ? 255u : k == 2 ? 0xFFFFu : 0x10FFFFu;
}

static inline uint32_t
strm_bound_of(uint32_t ch)
{
    return ch < 128 ? 127u : ch < 256 ? 255u : ch < 0x10000 ? 0xFFFFu : 0x10FFFFu;
}

/* Exact largest code point of data[start:end). */
static uint32_t
strm_maxchar(int kind, const void *data, ssize_t start, ssize_t end)
{
    uint32_t m = 0;
    if (kind == 1) {
        const uint8_t *p = data;
        for (ssize_t i = start; i < end; i++)
            m |= p[i];              /* enough to tell ASCII from latin-1 */
        if (m >= 128) {
            m = 0;
            for (ssize_t i = start; i < end; i++)
                if (p[i] > m)
                    m = p[i];
        }
    } else if (kind == 2) {
        const uint16_t *p = data;
        for (ssize_t i = start; i < end; i++)
            if (p[i] > m)
                m = p[i];
    } else {
        const uint32_t *p = data;
        for (ssize_t i = start; i < end; i++)
            if (p[i] > m)
                m = p[i];
    }
    return m;
}

/* Copy n code points from (sk, sd)[spos..] to (dk, dd)[dpos..]; dk must hold them. */
static void
strm_copy(int dk, void *dd, ssize_t dpos, int sk, const void *sd, ssize_t spos, ssize_t n)
{
    if (n <= 0)
        return;
    if (dk == sk) {
        memcpy((char *)dd + (size_t)dpos * (size_t)dk,
               (const char *)sd + (size_t)spos * (size_t)sk, (size_t)n * (size_t)dk);
        return;
    }
    if (sk == 1) {
        const uint8_t *s = (const uint8_t *)sd + spos;
        if (dk == 2) {
            uint16_t *d = (uint16_t *)dd + dpos;
            for (ssize_t i = 0; i < n; i++)
                d[i] = s[i];
        } else {
            uint32_t *d = (uint32_t *)dd + dpos;
            for (ssize_t i = 0; i < n; i++)
                d[i] = s[i];
        }
    } else if (sk == 2) {
        const uint16_t *s = (const uint16_t *)sd + spos;
        if (dk == 4) {
            uint32_t *d = (uint32_t *)dd + dpos;
            for (ssize_t i = 0; i < n; i++)
                d[i] = s[i];
        } else {
            uint8_t *d = (uint8_t *)dd + dpos;      /* narrowing: caller checked */
            for (ssize_t i = 0; i < n; i++)
                d[i] = (uint8_t)s[i];
        }
    } else {
        const uint32_t *s = (const uint32_t *)sd + spos;
        if (dk == 2) {
            uint16_t *d = (uint16_t *)dd + dpos;
            for (ssize_t i = 0; i < n; i++)
                d[i] = (uint16_t)s[i];
        } else {
            uint8_t *d = (uint8_t *)dd + dpos;
            for (ssize_t i = 0; i < n; i++)
                d[i] = (uint8_t)s[i];
        }
    }
}

/* Fill n code points with ch. */
static void
strm_fill(int kind, void *data, ssize_t pos, uint32_t ch, ssize_t n)
{
    if (n <= 0)
        return;
    if (kind == 1) {
        memset((uint8_t *)data + pos, (int)ch, (size_t)n);
    } else if (kind == 2) {
        uint16_t *d = (uint16_t *)data + pos;
        for (ssize_t i = 0; i < n; i++)
            d[i] = (uint16_t)ch;
    } else {
        uint32_t *d = (uint32_t *)data + pos;
        for (ssize_t i = 0; i < n; i++)
            d[i] = ch;
    }
}

/* A fresh string (never a cached singleton unless empty) holding n code points of
** (kind, data) whose exact maximum is maxchar: CPython's PyUnicode_New + copy. */
static Object *
strm_new_copy(int kind, const void *data, ssize_t n, uint32_t maxchar)
{
    Object *r = str_new(n, maxchar);
    if (r)
        strm_copy(STR_KIND(r), STR_DATA(r), 0, kind, data, 0, n);
    return r;
}

/* r was built with an upper bound for its maximum; make it canonical (steals r). */
static Object *
strm_shrink(Object *r)
{
    ssize_t n = STR_LEN(r);
    uint32_t m = strm_maxchar(STR_KIND(r), STR_DATA(r), 0, n);
    if (strm_bound_of(m) == strm_bound(r))
        return r;
    Object *s = strm_new_copy(STR_KIND(r), STR_DATA(r), n, m);
    decref(r);
    return s;
}

/* CPython's unicode_result_unchanged: self if an exact str, else an exact copy. */
static Object *
strm_unchanged(Object *self)
{
    if (STR_CHECK_EXACT(self))
        return newref(self);
    return str_substring(self, 0, STR_LEN(self));
}

/* A fresh str from a UCS-4 buffer with known exact maximum. */
static Object *
strm_from_ucs4(const uint32_t *buf, ssize_t n, uint32_t maxchar)
{
    return strm_new_copy(4, buf, n, maxchar);
}

/* ================================================================ argument helpers */

/* Clinic's Py_ssize_t converter: __index__, OverflowError when out of range. */
static int
strm_ssize_arg(Object *o, ssize_t *out)
{
    if (INT_CHECK_EXACT(o) && int_is_compact(o)) {
        *out = int_compact_value(o);
        return 0;
    }
    Object *v = num_index(o);
    if (!v)
        return -1;
    ssize_t r = int_as_ssize(v);
    decref(v);
    if (r == -1 && err_occurred())
        return -1;
    *out = r;
    return 0;
}

/* Argument Clinic's _PyArg_BadArgument names None by value, other objects by type. */
static const char *
strm_arg_type(Object *o)
{
    return o == None ? "None" : TYPE(o)->name;
}

static int
strm_fillchar_arg(Object *o, uint32_t *out)
{
    if (!STR_CHECK(o)) {
        err_format(exc_TypeError, "The fill character must be a unicode character, not %s",
                   TYPE(o)->name);
        return -1;
    }
    if (STR_LEN(o) != 1) {
        err_set(exc_TypeError, "The fill character must be exactly one character long");
        return -1;
    }
    *out = STR_GET(o, 0);
    return 0;
}

/* CPython's ADJUST_INDICES: slice-style clamping of [start, end) to [0, len]. */
static inline void
strm_adjust(ssize_t *start, ssize_t *end, ssize_t len)
{
    if (*end > len)
        *end = len;
    else if (*end < 0) {
        *end += len;
        if (*end < 0)
            *end = 0;
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0)
            *start = 0;
    }
}

/* The old-style "O|OO:name" parsing of find/count/index/startswith and friends. */
static int
strm_find_args(const char *name, Object *const *args, ssize_t nargs, Object **sub,
               ssize_t *start, ssize_t *end)
{
    if (nargs < 1) {
        err_format(exc_TypeError, "%s() takes at least 1 argument (0 given)", name);
        return -1;
    }
    if (nargs > 3) {
        err_format(exc_TypeError, "%s() takes at most 3 arguments (%zd given)", name, nargs);
        return -1;
    }
    *sub = args[0];
    *start = 0;
    *end = SSIZE_MAX;
    if (nargs > 1 && slice_index_arg(args[1], start) < 0)
        return -1;
    if (nargs > 2 && slice_index_arg(args[2], end) < 0)
        return -1;
    return 0;
}

static int
strm_require_str(Object *o)
{
    if (STR_CHECK(o))
        return 0;
    err_format(exc_TypeError, "must be str, not %s", TYPE(o)->name);
    return -1;
}

/* ================================================================ searching */

/* A needle converted to the haystack's kind (haystack kind >= needle kind). */
typedef struct Needle {
    const void *data;
    ssize_t len;
    void *owned;            /* heap block, or NULL */
    uint32_t small[32];
} Needle;

static int
needle_init(Needle *nd, Object *sub, int kind)
{
    int sk = STR_KIND(sub);
    nd->len = STR_LEN(sub);
    nd->owned = NULL;
    if (sk == kind) {
        nd->data = STR_DATA(sub);
        return 0;
    }
    void *buf = nd->small;
    if ((size_t)nd->len * (size_t)kind > sizeof nd->small) {
        buf = nd->owned = heap_alloc((size_t)nd->len * (size_t)kind);
        if (!buf) {
            err_no_memory();
            return -1;
        }
    }
    strm_copy(kind, buf, 0, sk, STR_DATA(sub), 0, nd->len);
    nd->data = buf;
    return 0;
}

static void
needle_fini(Needle *nd)
{
    if (nd->owned)
        heap_free(nd->owned);
}

static ssize_t
strm_find_char(int kind, const void *d, ssize_t start, ssize_t end, uint32_t ch)
{
    if (start >= end || (kind == 1 && ch > 0xFF) || (kind == 2 && ch > 0xFFFF))
        return -1;
    if (kind == 1) {
        const uint8_t *p = memchr((const uint8_t *)d + start, (int)ch, (size_t)(end - start));
        return p ? p - (const uint8_t *)d : -1;
    }
    if (kind == 2) {
        const uint16_t *p = d;
        for (ssize_t i = start; i < end; i++)
            if (p[i] == ch)
                return i;
        return -1;
    }
    const uint32_t *p = d;
    for (ssize_t i = start; i < end; i++)
        if (p[i] == ch)
            return i;
    return -1;
}

static ssize_t
strm_rfind_char(int kind, const void *d, ssize_t start, ssize_t end, uint32_t ch)
{
    if (start >= end || (kind == 1 && ch > 0xFF) || (kind == 2 && ch > 0xFFFF))
        return -1;
    if (kind == 1) {
        const uint8_t *p = memrchr((const uint8_t *)d + start, (int)ch, (size_t)(end - start));
        return p ? p - (const uint8_t *)d : -1;
    }
    if (kind == 2) {
        const uint16_t *p = d;
        for (ssize_t i = end - 1; i >= start; i--)
            if (p[i] == ch)
                return i;
        return -1;
    }
    const uint32_t *p = d;
    for (ssize_t i = end - 1; i >= start; i--)
        if (p[i] == ch)
            return i;
    return -1;
}

/* First occurrence of (nd, nl) -- same kind as the haystack, nl >= 1 -- in d[start:end). */
static ssize_t
strm_search(int kind, const void *d, ssize_t start, ssize_t end, const void *nd, ssize_t nl)
{
    if (end - start < nl)
        return -1;
    if (nl == 1)
        return strm_find_char(kind, d, start, end, STR_READ(kind, nd, 0));
    if (kind == 1) {
        ssize_t r = str_search_bytes((const uint8_t *)d + start, end - start, nd, nl);
        return r < 0 ? -1 : start + r;
    }
    const char *base = d;
    const char *p = base + (size_t)start * (size_t)kind;
    const char *lim = base + (size_t)end * (size_t)kind;
    size_t nbytes = (size_t)nl * (size_t)kind;
    for (;;) {
        const char *r = memmem(p, (size_t)(lim - p), nd, nbytes);
        if (!r)
            return -1;
        if ((size_t)(r - base) % (size_t)kind == 0)
            return (ssize_t)((size_t)(r - base) / (size_t)kind);
        p = r + 1;              /* a match straddling code points: keep looking */
    }
}

/* Last occurrence, same contract. */
static ssize_t
strm_rsearch(int kind, const void *d, ssize_t start, ssize_t end, const void *nd, ssize_t nl)
{
    if (end - start < nl)
        return -1;
    if (nl == 1)
        return strm_rfind_char(kind, d, start, end, STR_READ(kind, nd, 0));
    uint32_t first = STR_READ(kind, nd, 0);
    size_t nbytes = (size_t)nl * (size_t)kind;
    const char *base = d;
    ssize_t i = end - nl;
    while (i >= start) {
        i = strm_rfind_char(kind, d, start, i + 1, first);
        if (i < 0)
            return -1;
        if (memcmp(base + (size_t)i * (size_t)kind, nd, nbytes) == 0)
            return i;
        i--;
    }
    return -1;
}

/* Non-overlapping occurrences in d[start:end), at most maxcount. */
static ssize_t
strm_count_in(int kind, const void *d, ssize_t start, ssize_t end, const void *nd, ssize_t nl,
              ssize_t maxcount)
{
    ssize_t n = 0;
    if (nl == 1 && kind == 1 && maxcount == SSIZE_MAX) {
        const uint8_t *p = d;
        uint8_t c = *(const uint8_t *)nd;
        for (ssize_t i = start; i < end; i++)
            n += p[i] == c;
        return n;
    }
    while (n < maxcount) {
        ssize_t i = strm_search(kind, d, start, end, nd, nl);
        if (i < 0)
            break;
        n++;
        start = i + nl;
    }
    return n;
}

/* find/rfind of sub in self[start:end] after index adjustment; -2 on error. */
static ssize_t
strm_find(Object *self, Object *sub, ssize_t start, ssize_t end, int reverse)
{
    ssize_t len = STR_LEN(self), nl = STR_LEN(sub);
    strm_adjust(&start, &end, len);
    if (end - start < nl)
        return -1;
    if (nl == 0)
        return reverse ? end : start;
    int kind = STR_KIND(self);
    if (STR_KIND(sub) > kind)
        return -1;
    Needle nd;
    if (needle_init(&nd, sub, kind) < 0)
        return -2;
    ssize_t r = reverse ? strm_rsearch(kind, STR_DATA(self), start, end, nd.data, nl)
                        : strm_search(kind, STR_DATA(self), start, end, nd.data, nl);
    needle_fini(&nd);
    return r;
}

/* Does self[offset:offset+len(sub)] equal sub?  (kinds may differ) */
static int
strm_equal_at(Object *self, ssize_t offset, Object *sub)
{
    ssize_t nl = STR_LEN(sub);
    int k1 = STR_KIND(self), k2 = STR_KIND(sub);
    const void *d1 = STR_DATA(self), *d2 = STR_DATA(sub);
    if (k1 == k2)
        return memcmp((const char *)d1 + (size_t)offset * (size_t)k1, d2,
                      (size_t)nl * (size_t)k1) == 0;
    if (k2 > k1)
        return 0;
    for (ssize_t i = 0; i < nl; i++)
        if (STR_READ(k1, d1, offset + i) != STR_READ(k2, d2, i))
            return 0;
    return 1;
}

/* ================================================================ character classes */

/* Whitespace and line breaks below 256 (CPython's _Py_ascii_whitespace plus U+0085,
** U+00A0); the tables answer for kind-1 strings without a database lookup. */
static const uint8_t strm_space_latin1[256] = {
    [0x09] = 1, [0x0A] = 1, [0x0B] = 1, [0x0C] = 1, [0x0D] = 1, [0x1C] = 1, [0x1D] = 1,
    [0x1E] = 1, [0x1F] = 1, [0x20] = 1, [0x85] = 1, [0xA0] = 1,
};
static const uint8_t strm_linebreak_latin1[256] = {
    [0x0A] = 1, [0x0B] = 1, [0x0C] = 1, [0x0D] = 1, [0x1C] = 1, [0x1D] = 1, [0x1E] = 1,
    [0x85] = 1,
};

static inline int
strm_isspace(uint32_t ch)
{
    return ch < 256 ? strm_space_latin1[ch] : unicode_isspace(ch);
}

static inline int
strm_islinebreak(uint32_t ch)
{
    return ch < 256 ? strm_linebreak_latin1[ch] : (ch == 0x2028 || ch == 0x2029);
}

/* ================================================================ case conversion */

enum { CASE_LOWER, CASE_UPPER, CASE_TITLE, CASE_CAPITALIZE, CASE_SWAPCASE, CASE_FOLD };

/* The Final_Sigma context of U+03A3 at i (CPython's handle_capital_sigma):
**   \p{cased} \p{case-ignorable}* U+03A3 !( \p{case-ignorable}* \p{cased} )      */
static int
strm_final_sigma(int kind, const void *d, ssize_t len, ssize_t i)
{
    ssize_t j;
    uint32_t c = 0;
    for (j = i - 1; j >= 0; j--) {
        c = STR_READ(kind, d, j);
        if (!unicode_iscaseignorable(c))
            break;
    }
    if (j < 0 || !unicode_iscased(c))
        return 0;
    for (j = i + 1; j < len; j++) {
        c = STR_READ(kind, d, j);
        if (!unicode_iscaseignorable(c))
            break;
    }
    return j == len || !unicode_iscased(c);
}

static int
strm_lower_at(int kind, const void *d, ssize_t len, ssize_t i, uint32_t c, uint32_t *out)
{
    if (c == 0x3A3) {
        out[0] = strm_final_sigma(kind, d, len, i) ? 0x3C2 : 0x3C3;
        return 1;
    }
    return unicode_tolower_full(c, out);
}

/* ASCII-only strings: every mapping is 1:1 and stays ASCII. */
static Object *
strm_case_ascii(Object *self, int op)
{
    ssize_t len = STR_LEN(self);
    Object *r = str_new(len, 127);
    if (!r)
        return NULL;
    const uint8_t *s = STR_DATA(self);
    uint8_t *d = STR_DATA(r);
    int prev_cased = 0;
    for (ssize_t i = 0; i < len; i++) {
        uint8_t c = s[i];
        int is_up = c >= 'A' && c <= 'Z', is_low = c >= 'a' && c <= 'z';
        switch (op) {
        case CASE_LOWER:
        case CASE_FOLD:
            d[i] = is_up ? (uint8_t)(c + 32) : c;
            break;
        case CASE_UPPER:
            d[i] = is_low ? (uint8_t)(c - 32) : c;
            break;
        case CASE_SWAPCASE:
            d[i] = is_up ? (uint8_t)(c + 32) : is_low ? (uint8_t)(c - 32) : c;
            break;
        case CASE_CAPITALIZE:
            if (i == 0)
                d[i] = is_low ? (uint8_t)(c - 32) : c;
            else
                d[i] = is_up ? (uint8_t)(c + 32) : c;
            break;
        default:    /* CASE_TITLE */
            if (prev_cased)
                d[i] = is_up ? (uint8_t)(c + 32) : c;
            else
                d[i] = is_low ? (uint8_t)(c - 32) : c;
            prev_cased = is_up || is_low;
            break;
        }
    }
    return r;
}

/* CPython's case_operation: map into a UCS-4 buffer (3 code points per character at
** most), then build a fresh str of the exact maximum. */
static Object *
strm_case(Object *self, int op)
{
    if (STR_IS_ASCII(self))           /* includes the empty string */
        return strm_case_ascii(self, op);
    ssize_t len = STR_LEN(self);
    int kind = STR_KIND(self);
    const void *d = STR_DATA(self);
    if (len > SSIZE_MAX / 12)
        return err_no_memory();
    uint32_t small[192] = {0};
    uint32_t *buf = small;
    if (3 * len > (ssize_t)(sizeof small / sizeof small[0])) {
        buf = heap_alloc(sizeof(uint32_t) * 3 * (size_t)len);
        if (!buf)
            return err_no_memory();
    }
    ssize_t k = 0;
    uint32_t maxchar = 0;
    int prev_cased = 0;
    for (ssize_t i = 0; i < len; i++) {
        uint32_t c = STR_READ(kind, d, i);
        uint32_t *out = buf + k;
        int n;
        switch (op) {
        case CASE_LOWER:
            n = strm_lower_at(kind, d, len, i, c, out);
            break;
        case CASE_UPPER:
            n = unicode_toupper_full(c, out);
            break;
        case CASE_FOLD:
            n = unicode_tofolded_full(c, out);
            break;
        case CASE_SWAPCASE:
            if (unicode_isupper(c))
                n = strm_lower_at(kind, d, len, i, c, out);
            else if (unicode_islower(c))
                n = unicode_toupper_full(c, out);
            else {
                out[0] = c;
                n = 1;
            }
            break;
        case CASE_CAPITALIZE:
            n = i == 0 ? unicode_totitle_full(c, out) : strm_lower_at(kind, d, len, i, c, out);
            break;
        default:    /* CASE_TITLE */
            n = prev_cased ? strm_lower_at(kind, d, len, i, c, out)
                           : unicode_totitle_full(c, out);
            prev_cased = unicode_iscased(c);
            break;
        }
        for (int j = 0; j < n; j++)
            if (out[j] > maxchar)
                maxchar = out[j];
        k += n;
    }
    Object *r = strm_from_ucs4(buf, k, maxchar);
    if (buf != small)
        heap_free(buf);
    return r;
}

static Object *
str_lower_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return strm_case(self, CASE_LOWER);
}

static Object *
str_upper_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return strm_case(self, CASE_UPPER);
}

static Object *
str_title_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return strm_case(self, CASE_TITLE);
}

static Object *
str_capitalize_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (STR_LEN(self) == 0)
        return strm_unchanged(self);
    return strm_case(self, CASE_CAPITALIZE);
}

static Object *
str_swapcase_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return strm_case(self, CASE_SWAPCASE);
}

static Object *
str_casefold_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return strm_case(self, CASE_FOLD);
}

/* ================================================================ predicates */

typedef int (*CharPred)(uint32_t);

/* True iff s is non-empty and every character satisfies pred. */
static Object *
strm_all(Object *self, CharPred pred)
{
    ssize_t len = STR_LEN(self);
    int kind = STR_KIND(self);
    const void *d = STR_DATA(self);
    if (len == 0)
        return bool_from(0);
    for (ssize_t i = 0; i < len; i++)
        if (!pred(STR_READ(kind, d, i)))
            return bool_from(0);
    return bool_from(1);
}

static int
strm_pred_space(uint32_t c)
{
    return strm_isspace(c);
}

static Object *
str_isspace_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return strm_all(self, strm_pred_space);
}

static Object *
str_isalpha_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return strm_all(self, unicode_isalpha);
}

static Object *
str_isalnum_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return strm_all(self, unicode_isalnum);
}

static Object *
str_isdecimal_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return strm_all(self, unicode_isdecimal);
}

static Object *
str_isdigit_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return strm_all(self, unicode_isdigit);
}

static Object *
str_isnumeric_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return strm_all(self, unicode_isnumeric);
}

static Object *
str_isprintable_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    ssize_t len = STR_LEN(self);
    int kind = STR_KIND(self);
    const void *d = STR_DATA(self);
    for (ssize_t i = 0; i < len; i++)
        if (!unicode_isprintable(STR_READ(kind, d, i)))
            return bool_from(0);
    return bool_from(1);
}

static Object *
str_isascii_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bool_from(STR_IS_ASCII(self));
}

static Object *
str_islower_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    ssize_t len = STR_LEN(self);
    int kind = STR_KIND(self);
    const void *d = STR_DATA(self);
    int cased = 0;
    for (ssize_t i = 0; i < len; i++) {
        uint32_t c = STR_READ(kind, d, i);
        if (unicode_isupper(c) || unicode_istitle(c))
            return bool_from(0);
        if (!cased && unicode_islower(c))
            cased = 1;
    }
    return bool_from(cased);
}

static Object *
str_isupper_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    ssize_t len = STR_LEN(self);
    int kind = STR_KIND(self);
    const void *d = STR_DATA(self);
    int cased = 0;
    for (ssize_t i = 0; i < len; i++) {
        uint32_t c = STR_READ(kind, d, i);
        if (unicode_islower(c) || unicode_istitle(c))
            return bool_from(0);
        if (!cased && unicode_isupper(c))
            cased = 1;
    }
    return bool_from(cased);
}

static Object *
str_istitle_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    ssize_t len = STR_LEN(self);
    int kind = STR_KIND(self);
    const void *d = STR_DATA(self);
    int cased = 0, prev_cased = 0;
    for (ssize_t i = 0; i < len; i++) {
        uint32_t c = STR_READ(kind, d, i);
        if (unicode_isupper(c) || unicode_istitle(c)) {
            if (prev_cased)
                return bool_from(0);
            prev_cased = cased = 1;
        } else if (unicode_islower(c)) {
            if (!prev_cased)
                return bool_from(0);
            prev_cased = cased = 1;
        } else {
            prev_cased = 0;
        }
    }
    return bool_from(cased);
}

static Object *
str_isidentifier_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    ssize_t len = STR_LEN(self);
    int kind = STR_KIND(self);
    const void *d = STR_DATA(self);
    if (len == 0)
        return bool_from(0);
    uint32_t c = STR_READ(kind, d, 0);
    if (!unicode_isxidstart(c) && c != '_')
        return bool_from(0);
    for (ssize_t i = 1; i < len; i++)
        if (!unicode_isxidcontinue(STR_READ(kind, d, i)))
            return bool_from(0);
    return bool_from(1);
}

/* ================================================================ find, count, index */

static Object *
strm_find_common(const char *name, Object *self, Object *const *args, ssize_t nargs,
                 int reverse, int raise)
{
    Object *sub;
    ssize_t start, end;
    if (strm_find_args(name, args, nargs, &sub, &start, &end) < 0 || strm_require_str(sub) < 0)
        return NULL;
    ssize_t r = strm_find(self, sub, start, end, reverse);
    if (r == -2)
        return NULL;
    if (r == -1 && raise)
        return err_set(exc_ValueError, "substring not found");
    return int_from_ssize(r);
}

static Object *
str_find_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return strm_find_common("find", self, args, nargs, 0, 0);
}

static Object *
str_rfind_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return strm_find_common("rfind", self, args, nargs, 1, 0);
}

static Object *
str_index_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return strm_find_common("index", self, args, nargs, 0, 1);
}

static Object *
str_rindex_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return strm_find_common("rindex", self, args, nargs, 1, 1);
}

static Object *
str_count_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *sub;
    ssize_t start, end;
    if (strm_find_args("count", args, nargs, &sub, &start, &end) < 0 ||
        strm_require_str(sub) < 0)
        return NULL;
    ssize_t len = STR_LEN(self), nl = STR_LEN(sub);
    strm_adjust(&start, &end, len);
    if (end - start < nl)
        return int_from_ssize(0);
    if (nl == 0)
        return int_from_ssize(end - start + 1);
    int kind = STR_KIND(self);
    if (STR_KIND(sub) > kind)
        return int_from_ssize(0);
    Needle nd;
    if (needle_init(&nd, sub, kind) < 0)
        return NULL;
    ssize_t n = strm_count_in(kind, STR_DATA(self), start, end, nd.data, nl, SSIZE_MAX);
    needle_fini(&nd);
    return int_from_ssize(n);
}

/* startswith/endswith on one str (CPython's tailmatch). */
static int
strm_tailmatch(Object *self, Object *sub, ssize_t start, ssize_t end, int at_end)
{
    ssize_t nl = STR_LEN(sub);
    strm_adjust(&start, &end, STR_LEN(self));
    end -= nl;
    if (end < start)
        return 0;
    if (nl == 0)
        return 1;
    return strm_equal_at(self, at_end ? end : start, sub);
}

static Object *
strm_startsendswith(const char *name, Object *self, Object *const *args, ssize_t nargs,
                    int at_end)
{
    Object *sub;
    ssize_t start, end;
    if (strm_find_args(name, args, nargs, &sub, &start, &end) < 0)
        return NULL;
    if (TUPLE_CHECK(sub)) {
        for (ssize_t i = 0; i < TUPLE_LEN(sub); i++) {
            Object *s = TUPLE_GET(sub, i);
            if (!STR_CHECK(s))
                return err_format(exc_TypeError,
                                  "tuple for %s must only contain str, not %s", name,
                                  TYPE(s)->name);
            if (strm_tailmatch(self, s, start, end, at_end))
                return bool_from(1);
        }
        return bool_from(0);
    }
    if (!STR_CHECK(sub))
        return err_format(exc_TypeError, "%s first arg must be str or a tuple of str, not %s",
                          name, TYPE(sub)->name);
    return bool_from(strm_tailmatch(self, sub, start, end, at_end));
}

static Object *
str_startswith_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return strm_startsendswith("startswith", self, args, nargs, 0);
}

static Object *
str_endswith_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return strm_startsendswith("endswith", self, args, nargs, 1);
}

/* ================================================================ split family */

#define SPLIT_MAX_PREALLOC 12   /* CPython's MAX_PREALLOC: lists start this big */

/* A list preallocated as CPython's split does (PREALLOC_SIZE), initially empty. */
static Object *
strm_split_list(ssize_t maxcount)
{
    Object *l = list_new(maxcount >= SPLIT_MAX_PREALLOC ? SPLIT_MAX_PREALLOC : maxcount + 1);
    if (l)
        SIZE(l) = 0;
    return l;
}

/* Append self[i:j] (steals the new substring). */
static int
strm_split_add(Object *list, Object *self, ssize_t i, ssize_t j)
{
    Object *s = str_substring(self, i, j);
    if (!s)
        return -1;
    return list_append_take(list, s);
}

static Object *
strm_split_whitespace(Object *self, ssize_t maxcount)
{
    ssize_t len = STR_LEN(self);
    int kind = STR_KIND(self);
    const void *d = STR_DATA(self);
    Object *list = strm_split_list(maxcount);
    if (!list)
        return NULL;
    ssize_t i = 0, j;
    if (kind == 1) {
        const uint8_t *p = d;
        while (maxcount-- > 0) {
            while (i < len && strm_space_latin1[p[i]])
                i++;
            if (i == len)
                break;
            j = i;
            i++;
            while (i < len && !strm_space_latin1[p[i]])
                i++;
            if (j == 0 && i == len && STR_CHECK_EXACT(self)) {
                if (list_append(list, self) < 0)
                    goto fail;
                break;
            }
            if (strm_split_add(list, self, j, i) < 0)
                goto fail;
        }
        if (i < len) {
            while (i < len && strm_space_latin1[p[i]])
                i++;
            if (i != len && strm_split_add(list, self, i, len) < 0)
                goto fail;
        }
        return list;
    }
    while (maxcount-- > 0) {
        while (i < len && strm_isspace(STR_READ(kind, d, i)))
            i++;
        if (i == len)
            break;
        j = i;
        i++;
        while (i < len && !strm_isspace(STR_READ(kind, d, i)))
            i++;
        if (j == 0 && i == len && STR_CHECK_EXACT(self)) {
            if (list_append(list, self) < 0)
                goto fail;
            break;
        }
        if (strm_split_add(list, self, j, i) < 0)
            goto fail;
    }
    if (i < len) {
        while (i < len && strm_isspace(STR_READ(kind, d, i)))
            i++;
        if (i != len && strm_split_add(list, self, i, len) < 0)
            goto fail;
    }
    return list;
fail:
    decref(list);
    return NULL;
}

static Object *
strm_rsplit_whitespace(Object *self, ssize_t maxcount)
{
    ssize_t len = STR_LEN(self);
    int kind = STR_KIND(self);
    const void *d = STR_DATA(self);
    Object *list = strm_split_list(maxcount);
    if (!list)
        return NULL;
    ssize_t i = len - 1, j;
    while (maxcount-- > 0) {
        while (i >= 0 && strm_isspace(STR_READ(kind, d, i)))
            i--;
        if (i < 0)
            break;
        j = i;
        i--;
        while (i >= 0 && !strm_isspace(STR_READ(kind, d, i)))
            i--;
        if (j == len - 1 && i < 0 && STR_CHECK_EXACT(self)) {
            if (list_append(list, self) < 0)
                goto fail;
            break;
        }
        if (strm_split_add(list, self, i + 1, j + 1) < 0)
            goto fail;
    }
    if (i >= 0) {
        while (i >= 0 && strm_isspace(STR_READ(kind, d, i)))
            i--;
        if (i >= 0 && strm_split_add(list, self, 0, i + 1) < 0)
            goto fail;
    }
    if (list_reverse(list) < 0)
        goto fail;
    return list;
fail:
    decref(list);
    return NULL;
}

static Object *
strm_split_sep(Object *self, Object *sep, ssize_t maxcount, int reverse)
{
    ssize_t len = STR_LEN(self), nl = STR_LEN(sep);
    int kind = STR_KIND(self);
    const void *d = STR_DATA(self);
    if (STR_KIND(sep) > kind || nl > len) {
        /* sep cannot occur: CPython answers [self] (whatever self's type) in a list of
        ** exactly one slot */
        Object *one = list_new(1);
        if (one)
            LIST_SET(one, 0, newref(self));
        return one;
    }
    if (nl == 0)
        return err_set(exc_ValueError, "empty separator");
    Object *list = strm_split_list(maxcount);
    if (!list)
        return NULL;
    Needle nd;
    nd.owned = NULL;
    int found_any = 0;
    {
        if (needle_init(&nd, sep, kind) < 0)
            goto fail;
        if (!reverse && nl == 1 && STR_IS_ASCII(self)) {
            /* the common s.split(',') of ASCII text: scan inline, pieces straight from
            ** the bytes (str_substring's result for them) */
            const char *p = d;
            char c = *(const char *)nd.data;
            ssize_t i = 0;
            while (maxcount-- > 0) {
                ssize_t pos = i;
                while (pos < len && p[pos] != c && pos - i < 16)
                    pos++;
                if (pos < len && p[pos] != c) {
                    const char *q = memchr(p + pos, c, (size_t)(len - pos));
                    pos = q ? q - p : len;
                }
                if (pos >= len)
                    break;
                Object *piece = str_from_ascii(p + i, pos - i);
                if (!piece || list_append_take(list, piece) < 0)
                    goto fail;
                found_any = 1;
                i = pos + 1;
            }
            if (!found_any && STR_CHECK_EXACT(self)) {
                if (list_append(list, self) < 0)
                    goto fail;
            } else if (strm_split_add(list, self, i, len) < 0) {
                goto fail;
            }
        } else if (!reverse) {
            ssize_t i = 0;
            while (maxcount-- > 0) {
                ssize_t pos = strm_search(kind, d, i, len, nd.data, nl);
                if (pos < 0)
                    break;
                if (strm_split_add(list, self, i, pos) < 0)
                    goto fail;
                found_any = 1;
                i = pos + nl;
            }
            if (!found_any && STR_CHECK_EXACT(self)) {
                if (list_append(list, self) < 0)
                    goto fail;
            } else if (strm_split_add(list, self, i, len) < 0) {
                goto fail;
            }
        } else {
            ssize_t j = len;
            while (maxcount-- > 0) {
                ssize_t pos = strm_rsearch(kind, d, 0, j, nd.data, nl);
                if (pos < 0)
                    break;
                if (strm_split_add(list, self, pos + nl, j) < 0)
                    goto fail;
                found_any = 1;
                j = pos;
            }
            if (!found_any && STR_CHECK_EXACT(self)) {
                if (list_append(list, self) < 0)
                    goto fail;
            } else if (strm_split_add(list, self, 0, j) < 0) {
                goto fail;
            }
            if (list_reverse(list) < 0)
                goto fail;
        }
    }
    needle_fini(&nd);
    return list;
fail:
    needle_fini(&nd);
    decref(list);
    return NULL;
}

static Object *
strm_split_common(const char *name, Object *self, Object *const *args, ssize_t nargs,
                  Object *kwnames, int reverse)
{
    /* one clinic parser each for split and rsplit in CPython: two arrays */
    static const char *const names[] = {"sep", "maxsplit", NULL};
    static const char *const rnames[] = {"sep", "maxsplit", NULL};
    Object *v[2] = {NULL, NULL};
    if (arg_parse_clinic(name, args, (size_t)nargs, kwnames, reverse ? rnames : names, 0, 0, 0,
                         v) < 0)
        return NULL;
    ssize_t maxcount = -1;
    if (v[1] && strm_ssize_arg(v[1], &maxcount) < 0)
        return NULL;
    if (maxcount < 0)
        maxcount = SSIZE_MAX;
    Object *sep = v[0];
    if (!sep || sep == None)
        return reverse ? strm_rsplit_whitespace(self, maxcount)
                       : strm_split_whitespace(self, maxcount);
    if (!STR_CHECK(sep))
        return err_format(exc_TypeError, "must be str or None, not %s", TYPE(sep)->name);
    return strm_split_sep(self, sep, maxcount, reverse);
}

static Object *
str_split_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return strm_split_common("split", self, args, nargs, kwnames, 0);
}

static Object *
str_rsplit_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return strm_split_common("rsplit", self, args, nargs, kwnames, 1);
}

static Object *
str_splitlines_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"keepends", NULL};
    Object *v[1] = {NULL};
    if (arg_parse_clinic("splitlines", args, (size_t)nargs, kwnames, names, 0, 0, 0, v) < 0)
        return NULL;
    int keepends = 0;
    if (v[0]) {
        ssize_t k;
        if (strm_ssize_arg(v[0], &k) < 0)
            return NULL;
        keepends = k != 0;
    }
    ssize_t len = STR_LEN(self);
    int kind = STR_KIND(self);
    const void *d = STR_DATA(self);
    Object *list = list_new(0);
    if (!list)
        return NULL;
    ssize_t i = 0, j = 0;
    while (i < len) {
        while (i < len && !strm_islinebreak(STR_READ(kind, d, i)))
            i++;
        ssize_t eol = i;
        if (i < len) {
            if (STR_READ(kind, d, i) == '\r' && i + 1 < len && STR_READ(kind, d, i + 1) == '\n')
                i += 2;
            else
                i++;
            if (keepends)
                eol = i;
        }
        if (j == 0 && eol == len && STR_CHECK_EXACT(self)) {
            if (list_append(list, self) < 0)
                goto fail;
            break;
        }
        if (strm_split_add(list, self, j, eol) < 0)
            goto fail;
        j = i;
    }
    return list;
fail:
    decref(list);
    return NULL;
}

static Object *
strm_partition(Object *self, Object *sep, int reverse)
{
    if (strm_require_str(sep) < 0)
        return NULL;
    ssize_t len = STR_LEN(self), nl = STR_LEN(sep);
    if (nl == 0)
        return err_set(exc_ValueError, "empty separator");
    ssize_t pos = strm_find(self, sep, 0, len, reverse);
    if (pos == -2)
        return NULL;
    Object *a, *b, *c;
    if (pos < 0) {
        Object *e1 = str_empty(), *e2 = str_empty();
        Object *me = newref(self);
        Object *items[3];
        items[0] = reverse ? e1 : me;
        items[1] = reverse ? e2 : e1;
        items[2] = reverse ? me : e2;
        return tuple_from_array_take(items, 3);
    }
    a = str_substring(self, 0, pos);
    if (!a)
        return NULL;
    c = str_substring(self, pos + nl, len);
    if (!c) {
        decref(a);
        return NULL;
    }
    b = newref(sep);
    Object *items[3] = {a, b, c};
    return tuple_from_array_take(items, 3);
}

static Object *
str_partition_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return strm_partition(self, args[0], 0);
}

static Object *
str_rpartition_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return strm_partition(self, args[0], 1);
}

/* ================================================================ strip family */

enum { STRIP_LEFT = 1, STRIP_RIGHT = 2, STRIP_BOTH = 3 };

static Object *
strm_strip(Object *self, Object *const *args, ssize_t nargs, int how, const char *name)
{
    if (arg_check_count(name, (size_t)nargs, 0, 1) < 0)
        return NULL;
    Object *chars = nargs ? args[0] : None;
    ssize_t len = STR_LEN(self), i = 0, j = len;
    int kind = STR_KIND(self);
    const void *d = STR_DATA(self);
    if (chars == None) {
        if (kind == 1) {
            const uint8_t *p = d;
            if (how & STRIP_LEFT)
                while (i < len && strm_space_latin1[p[i]])
                    i++;
            if (how & STRIP_RIGHT)
                while (j > i && strm_space_latin1[p[j - 1]])
                    j--;
        } else {
            if (how & STRIP_LEFT)
                while (i < len && strm_isspace(STR_READ(kind, d, i)))
                    i++;
            if (how & STRIP_RIGHT)
                while (j > i && strm_isspace(STR_READ(kind, d, j - 1)))
                    j--;
        }
    } else if (STR_CHECK(chars)) {
        ssize_t nc = STR_LEN(chars);
        int ck = STR_KIND(chars);
        const void *cd = STR_DATA(chars);
        if (kind == 1 && ck == 1) {
            uint8_t set[256];
            memset(set, 0, sizeof set);
            for (ssize_t k = 0; k < nc; k++)
                set[((const uint8_t *)cd)[k]] = 1;
            const uint8_t *p = d;
            if (how & STRIP_LEFT)
                while (i < len && set[p[i]])
                    i++;
            if (how & STRIP_RIGHT)
                while (j > i && set[p[j - 1]])
                    j--;
        } else {
            if (how & STRIP_LEFT)
                while (i < len && strm_find_char(ck, cd, 0, nc, STR_READ(kind, d, i)) >= 0)
                    i++;
            if (how & STRIP_RIGHT)
                while (j > i && strm_find_char(ck, cd, 0, nc, STR_READ(kind, d, j - 1)) >= 0)
                    j--;
        }
    } else {
        return err_format(exc_TypeError, "%s arg must be None or str", name);
    }
    return str_substring(self, i, j);
}

static Object *
str_strip_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return strm_strip(self, args, nargs, STRIP_BOTH, "strip");
}

static Object *
str_lstrip_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return strm_strip(self, args, nargs, STRIP_LEFT, "lstrip");
}

static Object *
str_rstrip_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return strm_strip(self, args, nargs, STRIP_RIGHT, "rstrip");
}

static Object *
str_removeprefix_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *p = args[0];
    if (!STR_CHECK(p))
        return err_format(exc_TypeError, "removeprefix() argument must be str, not %s",
                          strm_arg_type(p));
    ssize_t len = STR_LEN(self), n = STR_LEN(p);
    if (n <= len && strm_equal_at(self, 0, p))
        return str_substring(self, n, len);
    return strm_unchanged(self);
}

static Object *
str_removesuffix_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *p = args[0];
    if (!STR_CHECK(p))
        return err_format(exc_TypeError, "removesuffix() argument must be str, not %s",
                          strm_arg_type(p));
    ssize_t len = STR_LEN(self), n = STR_LEN(p);
    if (n > 0 && n <= len && strm_equal_at(self, len - n, p))
        return str_substring(self, 0, len - n);
    return strm_unchanged(self);
}

/* ================================================================ padding */

/* CPython's pad(): a fresh string with 'left' and 'right' fill characters around self. */
static Object *
strm_pad(Object *self, ssize_t left, ssize_t right, uint32_t fill)
{
    if (left < 0)
        left = 0;
    if (right < 0)
        right = 0;
    if (left == 0 && right == 0)
        return strm_unchanged(self);
    ssize_t len = STR_LEN(self);
    if (left > SSIZE_MAX - len || right > SSIZE_MAX - (left + len))
        return err_set(exc_OverflowError, "padded string is too long");
    uint32_t maxchar = strm_bound(self);
    if (fill > maxchar)
        maxchar = fill;
    Object *r = str_new(left + len + right, maxchar);
    if (!r)
        return NULL;
    int k = STR_KIND(r);
    void *d = STR_DATA(r);
    strm_fill(k, d, 0, fill, left);
    strm_copy(k, d, left, STR_KIND(self), STR_DATA(self), 0, len);
    strm_fill(k, d, left + len, fill, right);
    return r;
}

static int
strm_pad_args(const char *name, Object *const *args, ssize_t nargs, ssize_t *width,
              uint32_t *fill)
{
    if (arg_check_count(name, (size_t)nargs, 1, 2) < 0)
        return -1;
    if (strm_ssize_arg(args[0], width) < 0)
        return -1;
    *fill = ' ';
    if (nargs > 1 && strm_fillchar_arg(args[1], fill) < 0)
        return -1;
    return 0;
}

static Object *
str_center_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    ssize_t width;
    uint32_t fill;
    if (strm_pad_args("center", args, nargs, &width, &fill) < 0)
        return NULL;
    ssize_t len = STR_LEN(self);
    if (len >= width)
        return strm_unchanged(self);
    ssize_t marg = width - len;
    ssize_t left = marg / 2 + (marg & width & 1);
    return strm_pad(self, left, marg - left, fill);
}

static Object *
str_ljust_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    ssize_t width;
    uint32_t fill;
    if (strm_pad_args("ljust", args, nargs, &width, &fill) < 0)
        return NULL;
    if (STR_LEN(self) >= width)
        return strm_unchanged(self);
    return strm_pad(self, 0, width - STR_LEN(self), fill);
}

static Object *
str_rjust_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    ssize_t width;
    uint32_t fill;
    if (strm_pad_args("rjust", args, nargs, &width, &fill) < 0)
        return NULL;
    if (STR_LEN(self) >= width)
        return strm_unchanged(self);
    return strm_pad(self, width - STR_LEN(self), 0, fill);
}

static Object *
str_zfill_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    ssize_t width;
    if (strm_ssize_arg(args[0], &width) < 0)
        return NULL;
    ssize_t len = STR_LEN(self);
    if (len >= width)
        return strm_unchanged(self);
    ssize_t fill = width - len;
    Object *r = strm_pad(self, fill, 0, '0');
    if (!r)
        return NULL;
    int k = STR_KIND(r);
    void *d = STR_DATA(r);
    uint32_t c = STR_READ(k, d, fill);
    if (c == '+' || c == '-') {
        STR_WRITE(k, d, 0, c);
        STR_WRITE(k, d, fill, '0');
    }
    return r;
}

/* ================================================================ replace */

static Object *
strm_replace(Object *self, Object *old, Object *new_, ssize_t maxcount)
{
    ssize_t slen = STR_LEN(self), len1 = STR_LEN(old), len2 = STR_LEN(new_);
    int skind = STR_KIND(self);
    const void *sd = STR_DATA(self);
    if (maxcount < 0)
        maxcount = SSIZE_MAX;
    else if (maxcount == 0)
        return strm_unchanged(self);
    if (old == new_)
        return strm_unchanged(self);
    uint32_t maxchar = strm_bound(self);
    if (strm_bound(new_) > maxchar)
        maxchar = strm_bound(new_);
    int k2 = STR_KIND(new_);
    const void *d2 = STR_DATA(new_);

    if (len1 == 0) {
        /* insert new_ before every character (and at the end), maxcount times */
        if (len2 == 0)
            return strm_unchanged(self);
        ssize_t n = slen < maxcount ? slen + 1 : maxcount;
        if (len2 > (SSIZE_MAX - slen) / n)
            return err_set(exc_OverflowError, "replace string is too long");
        Object *r = str_new(slen + n * len2, maxchar);
        if (!r)
            return NULL;
        int rk = STR_KIND(r);
        void *rd = STR_DATA(r);
        ssize_t o = 0;
        for (ssize_t i = 0; i < n; i++) {
            strm_copy(rk, rd, o, k2, d2, 0, len2);
            o += len2;
            if (i < slen) {
                STR_WRITE(rk, rd, o, STR_READ(skind, sd, i));
                o++;
            }
        }
        strm_copy(rk, rd, o, skind, sd, n, slen - n);
        return r;
    }
    if (STR_KIND(old) > skind || len1 > slen)
        return strm_unchanged(self);
    Needle nd;
    if (needle_init(&nd, old, skind) < 0)
        return NULL;
    ssize_t n = strm_count_in(skind, sd, 0, slen, nd.data, len1, maxcount);
    if (n == 0) {
        needle_fini(&nd);
        return strm_unchanged(self);
    }
    /* pieces of self that held its widest characters may all be replaced away */
    int mayshrink = strm_bound(new_) < strm_bound(old) && strm_bound(self) == strm_bound(old);
    ssize_t newlen;
    if (len2 > len1) {
        if (len2 - len1 > (SSIZE_MAX - slen) / n) {
            needle_fini(&nd);
            return err_set(exc_OverflowError, "replace string is too long");
        }
        newlen = slen + n * (len2 - len1);
    } else {
        newlen = slen - n * (len1 - len2);
    }
    Object *r = str_new(newlen, maxchar);
    if (!r) {
        needle_fini(&nd);
        return NULL;
    }
    int rk = STR_KIND(r);
    void *rd = STR_DATA(r);
    ssize_t i = 0, o = 0;
    for (ssize_t c = 0; c < n; c++) {
        ssize_t pos = strm_search(skind, sd, i, slen, nd.data, len1);
        strm_copy(rk, rd, o, skind, sd, i, pos - i);
        o += pos - i;
        strm_copy(rk, rd, o, k2, d2, 0, len2);
        o += len2;
        i = pos + len1;
    }
    strm_copy(rk, rd, o, skind, sd, i, slen - i);
    needle_fini(&nd);
    if (mayshrink && newlen > 0)
        r = strm_shrink(r);
    return r;
}

static Object *
str_replace_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_check_count("replace", (size_t)nargs, 2, 3) < 0)
        return NULL;
    if (!STR_CHECK(args[0]))
        return err_format(exc_TypeError, "replace() argument 1 must be str, not %s",
                          strm_arg_type(args[0]));
    if (!STR_CHECK(args[1]))
        return err_format(exc_TypeError, "replace() argument 2 must be str, not %s",
                          strm_arg_type(args[1]));
    ssize_t count = -1;
    if (nargs > 2 && strm_ssize_arg(args[2], &count) < 0)
        return NULL;
    return strm_replace(self, args[0], args[1], count);
}

/* ================================================================ expandtabs */

static Object *
str_expandtabs_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"tabsize", NULL};
    Object *v[1] = {NULL};
    if (arg_parse_clinic("expandtabs", args, (size_t)nargs, kwnames, names, 0, 0, 0, v) < 0)
        return NULL;
    ssize_t tabsize = 8;
    if (v[0] && strm_ssize_arg(v[0], &tabsize) < 0)
        return NULL;
    ssize_t len = STR_LEN(self);
    int kind = STR_KIND(self);
    const void *d = STR_DATA(self);
    /* first pass: the output length (i: finished lines, j: current column) */
    ssize_t i = 0, j = 0;
    int found = 0;
    for (ssize_t k = 0; k < len; k++) {
        uint32_t c = STR_READ(kind, d, k);
        if (c == '\t') {
            found = 1;
            if (tabsize > 0) {
                ssize_t incr = tabsize - (j % tabsize);
                if (j > SSIZE_MAX - incr)
                    goto overflow;
                j += incr;
            }
        } else {
            if (j > SSIZE_MAX - 1)
                goto overflow;
            j++;
            if (c == '\n' || c == '\r') {
                if (i > SSIZE_MAX - j)
                    goto overflow;
                i += j;
                j = 0;
            }
        }
    }
    if (i > SSIZE_MAX - j)
        goto overflow;
    if (!found)
        return strm_unchanged(self);
    Object *r = str_new(i + j, strm_bound(self));
    if (!r)
        return NULL;
    int rk = STR_KIND(r);
    void *rd = STR_DATA(r);
    ssize_t o = 0;
    j = 0;
    for (ssize_t k = 0; k < len; k++) {
        uint32_t c = STR_READ(kind, d, k);
        if (c == '\t') {
            if (tabsize > 0) {
                ssize_t incr = tabsize - (j % tabsize);
                j += incr;
                strm_fill(rk, rd, o, ' ', incr);
                o += incr;
            }
        } else {
            j++;
            STR_WRITE(rk, rd, o, c);
            o++;
            if (c == '\n' || c == '\r')
                j = 0;
        }
    }
    if (STR_LEN(r) == 1) {      /* unicode_result: the cached singleton */
        Object *c = str_from_char(STR_GET(r, 0));
        decref(r);
        return c;
    }
    return r;
overflow:
    return err_set(exc_OverflowError, "new string is too long");
}

/* ================================================================ translate, maketrans */

/* Look up ch in the table: 1 with *out set (None, int or str; new reference), 0 when
** unmapped (LookupError), -1 on error. */
static int
strm_translate_lookup(Object *table, uint32_t ch, Object **out)
{
    Object *key = int_from_long((long)ch);
    if (!key)
        return -1;
    Object *x = obj_getitem(table, key);
    decref(key);
    if (!x) {
        if (err_matches(exc_LookupError)) {
            err_clear();
            return 0;
        }
        return -1;
    }
    if (x == None || STR_CHECK(x)) {
        *out = x;
        return 1;
    }
    if (INT_CHECK(x)) {
        int overflow;
        long v = int_as_long_and_overflow(x, &overflow);
        if (overflow || v < 0 || v > 0x10FFFF) {
            decref(x);
            err_set(exc_ValueError, "character mapping must be in range(0x110000)");
            return -1;
        }
        *out = x;
        return 1;
    }
    decref(x);
    err_set(exc_TypeError, "character mapping must return integer, None or str");
    return -1;
}

static int
strm_translate_put(StrBuilder *b, Object *x, uint32_t ch)
{
    if (!x)
        return sb_putc(b, ch);
    if (x == None)
        return 0;
    if (STR_CHECK(x))
        return sb_put_str(b, x);
    return sb_putc(b, (uint32_t)int_as_long(x));
}

static Object *
str_translate_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *table = args[0];
    ssize_t len = STR_LEN(self);
    int kind = STR_KIND(self);
    const void *d = STR_DATA(self);
    /* results for code points < 256, looked up once per call: NULL = not yet looked up,
    ** &cache (a sentinel) = unmapped */
    Object *cache[256];
    memset(cache, 0, sizeof cache);
    Object *const unmapped = (Object *)cache;
    StrBuilder b;
    sb_init(&b);
    Object *r = NULL;
    for (ssize_t i = 0; i < len; i++) {
        uint32_t ch = STR_READ(kind, d, i);
        Object *x = NULL;
        if (ch < 256 && cache[ch]) {
            x = cache[ch] == unmapped ? NULL : cache[ch];
        } else {
            int rc = strm_translate_lookup(table, ch, &x);
            if (rc < 0)
                goto done;
            if (rc == 0)
                x = NULL;
            if (ch < 256)
                cache[ch] = x ? x : unmapped;
            else if (x) {
                int prc = strm_translate_put(&b, x, ch);
                decref(x);
                if (prc < 0)
                    goto done;
                continue;
            }
        }
        if (strm_translate_put(&b, x, ch) < 0)
            goto done;
    }
    r = sb_finish(&b);
done:
    if (!r)
        sb_discard(&b);
    for (int c = 0; c < 256; c++)
        if (cache[c] && cache[c] != unmapped)
            decref(cache[c]);
    return r;
}

static Object *
str_maketrans_meth(Object *unused, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_check_count("maketrans", (size_t)nargs, 1, 3) < 0)
        return NULL;
    Object *x = args[0], *y = nargs > 1 ? args[1] : NULL, *z = nargs > 2 ? args[2] : NULL;
    if (y && !STR_CHECK(y))
        return err_format(exc_TypeError, "maketrans() argument 2 must be str, not %s",
                          strm_arg_type(y));
    if (z && !STR_CHECK(z))
        return err_format(exc_TypeError, "maketrans() argument 3 must be str, not %s",
                          strm_arg_type(z));
    Object *d = dict_new();
    if (!d)
        return NULL;
    if (y) {
        if (!STR_CHECK(x)) {
            err_set(exc_TypeError,
                    "first maketrans argument must be a string if there is a second argument");
            goto fail;
        }
        if (STR_LEN(x) != STR_LEN(y)) {
            err_set(exc_ValueError, "the first two maketrans arguments must have equal length");
            goto fail;
        }
        for (ssize_t i = 0; i < STR_LEN(x); i++) {
            Object *k = int_from_long((long)STR_GET(x, i));
            Object *v = k ? int_from_long((long)STR_GET(y, i)) : NULL;
            int rc = v ? dict_setitem(d, k, v) : -1;
            xdecref(k);
            xdecref(v);
            if (rc < 0)
                goto fail;
        }
        if (z) {
            for (ssize_t i = 0; i < STR_LEN(z); i++) {
                Object *k = int_from_long((long)STR_GET(z, i));
                int rc = k ? dict_setitem(d, k, None) : -1;
                xdecref(k);
                if (rc < 0)
                    goto fail;
            }
        }
        return d;
    }
    if (!DICT_CHECK(x)) {
        err_set(exc_TypeError, "if you give only one argument to maketrans it must be a dict");
        goto fail;
    }
    ssize_t pos = 0;
    Object *key, *value;
    while (dict_next(x, &pos, &key, &value)) {
        if (STR_CHECK(key)) {
            if (STR_LEN(key) != 1) {
                err_set(exc_ValueError, "string keys in translate table must be of length 1");
                goto fail;
            }
            Object *k = int_from_long((long)STR_GET(key, 0));
            int rc = k ? dict_setitem(d, k, value) : -1;
            xdecref(k);
            if (rc < 0)
                goto fail;
        } else if (INT_CHECK(key)) {
            if (dict_setitem(d, key, value) < 0)
                goto fail;
        } else {
            err_set(exc_TypeError, "keys in translate table must be strings or integers");
            goto fail;
        }
    }
    return d;
fail:
    decref(d);
    return NULL;
}

/* ================================================================ join */

static Object *
strm_join_seq(Object *sep, Object *seq)
{
    ssize_t n = SIZE(seq);
    Object **items = LIST_CHECK_EXACT(seq) ? LIST_ITEMS(seq) : TUPLE_ITEMS(seq);
    if (n == 0)
        return str_empty();
    if (n == 1 && STR_CHECK_EXACT(items[0]))
        return newref(items[0]);
    ssize_t seplen = n > 1 ? STR_LEN(sep) : 0;
    uint32_t maxchar = n > 1 ? strm_bound(sep) : 0;
    ssize_t total = 0;
    for (ssize_t i = 0; i < n; i++) {
        Object *it = items[i];
        if (!STR_CHECK(it))
            return err_format(exc_TypeError, "sequence item %zd: expected str instance, %s found",
                              i, TYPE(it)->name);
        ssize_t add = STR_LEN(it) + (i ? seplen : 0);
        if (total > SSIZE_MAX - add)
            return err_set(exc_OverflowError, "join() result is too long for a Python string");
        total += add;
        if (strm_bound(it) > maxchar)
            maxchar = strm_bound(it);
    }
    Object *r = str_new(total, maxchar);
    if (!r)
        return NULL;
    int rk = STR_KIND(r);
    void *rd = STR_DATA(r);
    int sk = STR_KIND(sep);
    const void *sd = STR_DATA(sep);
    ssize_t o = 0;
    for (ssize_t i = 0; i < n; i++) {
        if (i && seplen) {
            if (seplen == 1 && rk == 1)
                ((uint8_t *)rd)[o] = *(const uint8_t *)sd;
            else
                strm_copy(rk, rd, o, sk, sd, 0, seplen);
            o += seplen;
        }
        ssize_t l = STR_LEN(items[i]);
        if (rk == 1 && STR_KIND(items[i]) == 1)
            str_copy_bytes((uint8_t *)rd + o, STR_DATA(items[i]), (size_t)l);
        else
            strm_copy(rk, rd, o, STR_KIND(items[i]), STR_DATA(items[i]), 0, l);
        o += l;
    }
    return r;
}

static Object *
str_join_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *iterable = args[0];
    if (LIST_CHECK_EXACT(iterable) || TUPLE_CHECK_EXACT(iterable)) {
        /* items are only type-checked and copied: nothing can mutate the list */
        return strm_join_seq(self, iterable);
    }
    Object *it = obj_get_iter(iterable);
    if (!it) {
        if (err_matches(exc_TypeError)) {
            err_clear();
            err_set(exc_TypeError, "can only join an iterable");
        }
        return NULL;
    }
    Object *seq = list_from_iterable(it);
    decref(it);
    if (!seq)
        return NULL;
    Object *r = strm_join_seq(self, seq);
    decref(seq);
    return r;
}

/* ================================================================ encode */

enum { ENC_UTF8, ENC_LATIN1, ENC_ASCII };
enum { EH_STRICT, EH_IGNORE, EH_REPLACE, EH_BACKSLASH, EH_XMLCHARREF, EH_SURROGATEESCAPE,
       EH_SURROGATEPASS, EH_UNKNOWN };

/* Python's encodings.normalize_encoding on the lower-cased name: runs of characters
** other than ASCII letters, digits and '.' become one '_' (none at either end). */
static void
strm_normalize_encoding(const char *s, char *out, size_t outsz)
{
    size_t o = 0;
    int punct = 0;
    for (; *s && o + 2 < outsz; s++) {
        unsigned char c = (unsigned char)*s;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '.') {
            if (punct && o)
                out[o++] = '_';
            out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            punct = 0;
        } else {
            punct = 1;
        }
    }
    out[o] = 0;
}

static int
strm_lookup_encoding(const char *name)
{
    static const char *const utf8[] = {"utf_8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4",
                                       "cp65001", NULL};
    static const char *const latin1[] = {"latin_1", "latin1", "latin", "l1", "iso_8859_1",
                                         "iso8859_1", "8859", "cp819", "iso_ir_100",
                                         "csisolatin1", "ibm819", "iso_8859_1_1987", NULL};
    static const char *const ascii[] = {"ascii", "646", "us_ascii", "us", "ansi_x3.4_1968",
                                        "ansi_x3_4_1968", "ansi_x3.4_1986", "cp367",
                                        "csascii", "ibm367", "iso646_us", "iso_646.irv_1991",
                                        "iso_ir_6", NULL};
    static const char *const *const tables[] = {utf8, latin1, ascii};
    char norm[64];
    if (strlen(name) >= sizeof norm)
        return -1;
    strm_normalize_encoding(name, norm, sizeof norm);
    for (int t = 0; t < 3; t++)
        for (const char *const *p = tables[t]; *p; p++)
            if (strcmp(norm, *p) == 0)
                return t;       /* ENC_UTF8, ENC_LATIN1, ENC_ASCII in order */
    return -1;
}

static int
strm_lookup_errors(const char *name)
{
    static const char *const names[] = {"strict", "ignore", "replace", "backslashreplace",
                                        "xmlcharrefreplace", "surrogateescape",
                                        "surrogatepass", NULL};
    for (int i = 0; names[i]; i++)
        if (strcmp(name, names[i]) == 0)
            return i;
    return EH_UNKNOWN;
}

/* Append the replacement for one unencodable character; ascii_only says what the
** target can hold for the replacement text (always ASCII here). */
static int
strm_encode_replace(Buf *out, int handler, uint32_t ch)
{
    char tmp[16];
    switch (handler) {
    case EH_IGNORE:
        return 0;
    case EH_REPLACE:
        return buf_putc(out, '?');
    case EH_BACKSLASH:
        if (ch < 0x100)
            snprintf(tmp, sizeof tmp, "\\x%02x", ch);
        else if (ch < 0x10000)
            snprintf(tmp, sizeof tmp, "\\u%04x", ch);
        else
            snprintf(tmp, sizeof tmp, "\\U%08x", ch);
        return buf_puts(out, tmp);
    default:    /* EH_XMLCHARREF */
        snprintf(tmp, sizeof tmp, "&#%u;", ch);
        return buf_puts(out, tmp);
    }
}

static Object *
strm_encode_error(const char *encoding, Object *s, ssize_t start, ssize_t end,
                  const char *reason, int handler, const char *errors)
{
    if (handler == EH_UNKNOWN)
        return err_format(exc_LookupError, "unknown error handler name '%s'", errors);
    return exc_unicode_encode_error(encoding, s, start, end, reason);
}

static Object *
strm_encode(Object *self, int codec, const char *errors)
{
    ssize_t len = STR_LEN(self);
    int kind = STR_KIND(self);
    const void *d = STR_DATA(self);
    if (STR_IS_ASCII(self))
        return bytes_from_buf(STR_DATA(self), len);
    if (codec == ENC_LATIN1 && kind == 1)
        return bytes_from_buf(STR_DATA(self), len);
    const char *encname = codec == ENC_UTF8 ? "utf-8" : codec == ENC_LATIN1 ? "latin-1"
                                                                             : "ascii";
    uint32_t limit = codec == ENC_ASCII ? 128 : 256;
    int handler = -1;           /* looked up at the first error, as CPython does */
    Buf out;
    buf_init(&out);
    if (codec == ENC_UTF8 && buf_reserve(&out, (size_t)len * (size_t)(kind == 1 ? 2 : 3)) < 0)
        goto fail;
    for (ssize_t i = 0; i < len;) {
        uint32_t ch = STR_READ(kind, d, i);
        int bad;
        if (codec == ENC_UTF8)
            bad = ch >= 0xD800 && ch <= 0xDFFF;
        else
            bad = ch >= limit;
        if (!bad) {
            int rc = codec == ENC_UTF8 ? buf_put_utf8_char(&out, ch) : buf_putc(&out, (char)ch);
            if (rc < 0)
                goto fail;
            i++;
            continue;
        }
        /* a run of unencodable characters [i, j) */
        ssize_t j = i + 1;
        while (j < len) {
            uint32_t c2 = STR_READ(kind, d, j);
            if (codec == ENC_UTF8 ? !(c2 >= 0xD800 && c2 <= 0xDFFF) : c2 < limit)
                break;
            j++;
        }
        if (handler < 0)
            handler = strm_lookup_errors(errors);
        const char *reason = codec == ENC_UTF8 ? "surrogates not allowed"
                             : codec == ENC_ASCII ? "ordinal not in range(128)"
                                                  : "ordinal not in range(256)";
        if (handler == EH_STRICT || handler == EH_UNKNOWN ||
            (handler == EH_SURROGATEPASS && codec != ENC_UTF8)) {
            strm_encode_error(encname, self, i, j, reason, handler, errors);
            goto fail;
        }
        for (ssize_t k = i; k < j; k++) {
            uint32_t c = STR_READ(kind, d, k);
            int rc;
            if (handler == EH_SURROGATEESCAPE) {
                if (c < 0xDC80 || c > 0xDCFF) {
                    exc_unicode_encode_error(encname, self, k, j, reason);
                    goto fail;
                }
                rc = buf_putc(&out, (char)(c - 0xDC00));
            } else if (handler == EH_SURROGATEPASS) {
                char t[3] = {(char)(0xE0 | (c >> 12)), (char)(0x80 | ((c >> 6) & 0x3F)),
                             (char)(0x80 | (c & 0x3F))};
                rc = buf_append(&out, t, 3);
            } else {
                rc = strm_encode_replace(&out, handler, c);
            }
            if (rc < 0)
                goto fail;
        }
        i = j;
    }
    Object *r = bytes_from_buf(out.data ? out.data : "", (ssize_t)out.len);
    buf_free(&out);
    return r;
fail:
    buf_free(&out);
    return NULL;
}

static Object *
str_encode_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"encoding", "errors", NULL};
    Object *v[2] = {NULL, NULL};
    if (arg_parse_clinic("encode", args, (size_t)nargs, kwnames, names, 0, 0, 0, v) < 0)
        return NULL;
    const char *encoding = "utf-8", *errors = "strict";
    if (v[0]) {
        if (!STR_CHECK(v[0]))
            return err_format(exc_TypeError, "encode() argument 'encoding' must be str, not %s",
                              strm_arg_type(v[0]));
        encoding = str_as_utf8(v[0], NULL);
        if (!encoding)
            return NULL;
    }
    if (v[1]) {
        if (!STR_CHECK(v[1]))
            return err_format(exc_TypeError, "encode() argument 'errors' must be str, not %s",
                              strm_arg_type(v[1]));
        errors = str_as_utf8(v[1], NULL);
        if (!errors)
            return NULL;
    }
    int codec = strm_lookup_encoding(encoding);
    if (codec < 0)
        return err_format(exc_LookupError, "unknown encoding: %s", encoding);
    return strm_encode(self, codec, errors);
}

/* ================================================================ formatting */

static Object *
str_format_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    /* METH_VARARGS | METH_KEYWORDS in CPython 3.11: the argument tuple and keyword dict
    ** are made (and count in generation 0) as there */
    Object *targs, *kwargs;
    if (arg_pack_like_cpython(args, (size_t)nargs, kwnames, &targs, &kwargs) < 0)
        return NULL;
    Object *r = str_format_engine(self, args, nargs, kwargs);
    decref(targs);
    xdecref(kwargs);
    return r;
}

static Object *
str_format_map_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return str_format_engine(self, NULL, -1, args[0]);
}

/* str.__format__ (CPython's format_string_internal). */
static Object *
str_dunder_format_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *spec = args[0];
    if (!STR_CHECK(spec))
        return err_format(exc_TypeError, "__format__() argument must be str, not %s",
                          strm_arg_type(spec));
    if (STR_LEN(spec) == 0)
        return STR_CHECK_EXACT(self) ? newref(self) : obj_str(self);
    /* format.c reads UTF-8; lone surrogates (a legal fill character) are encoded as
    ** their three-byte forms, which it decodes back */
    Buf sb;
    buf_init(&sb);
    for (ssize_t i = 0; i < STR_LEN(spec); i++)
        if (buf_put_utf8_char(&sb, STR_GET(spec, i)) < 0) {
            buf_free(&sb);
            return NULL;
        }
    FormatSpec f;
    int prc = format_parse_spec_typed(sb.data, (ssize_t)sb.len, TYPE(self)->name, &f);
    buf_free(&sb);
    if (prc < 0)
        return NULL;
    if (f.type == 0 && f.thousands)
        return err_format(exc_ValueError, "Cannot specify '%c' with 's'.", f.thousands);
    if (f.type != 0 && f.type != 's') {
        if (f.type > 32 && f.type < 127)
            return err_format(exc_ValueError,
                              "Unknown format code '%c' for object of type '%s'", f.type,
                              TYPE(self)->name);
        return err_format(exc_ValueError, "Unknown format code '\\x%x' for object of type '%s'",
                          (unsigned)(unsigned char)f.type, TYPE(self)->name);
    }
    if (f.sign == ' ')
        return err_set(exc_ValueError, "Space not allowed in string format specifier");
    if (f.sign)
        return err_set(exc_ValueError, "Sign not allowed in string format specifier");
    if (f.no_neg_zero)
        return err_set(exc_ValueError,
                       "Negative zero coercion (z) not allowed in string format specifier");
    if (f.alternate)
        return err_set(exc_ValueError,
                       "Alternate form (#) not allowed in string format specifier");
    if (f.align == '=')
        return err_set(exc_ValueError, "'=' alignment not allowed in string format specifier");
    ssize_t len = STR_LEN(self);
    if ((f.width < 0 || f.width <= len) && (f.precision < 0 || f.precision >= len))
        return newref(self);
    if (f.precision >= 0 && len >= f.precision)
        len = f.precision;
    ssize_t total = f.width > len ? f.width : len;
    char align = f.align ? f.align : '<';
    uint32_t fill = f.zero_pad ? '0' : f.fill;
    ssize_t lpad = align == '>' ? total - len : align == '^' ? (total - len) / 2 : 0;
    ssize_t rpad = total - len - lpad;
    uint32_t maxchar = strm_maxchar(STR_KIND(self), STR_DATA(self), 0, len);
    if ((lpad || rpad) && fill > maxchar)
        maxchar = fill;
    if (total == 1) {
        uint32_t c = lpad || rpad ? fill : STR_GET(self, 0);
        return str_from_char(c);
    }
    Object *r = str_new(total, maxchar);
    if (!r)
        return NULL;
    int rk = STR_KIND(r);
    void *rd = STR_DATA(r);
    strm_fill(rk, rd, 0, fill, lpad);
    strm_copy(rk, rd, lpad, STR_KIND(self), STR_DATA(self), 0, len);
    strm_fill(rk, rd, lpad + len, fill, rpad);
    return r;
}

static Object *
str_sizeof_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return int_from_ssize(str_sizeof(self));
}

static Object *
str_getnewargs_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    /* _PyUnicode_Copy: always a fresh exact str */
    Object *copy = strm_new_copy(STR_KIND(self), STR_DATA(self), STR_LEN(self),
                                 strm_maxchar(STR_KIND(self), STR_DATA(self), 0,
                                              STR_LEN(self)));
    if (!copy)
        return NULL;
    return tuple_from_array_take(&copy, 1);
}

/* ================================================================ the table */

#define NOARGS METH_NOARGS
#define POS METH_VARARGS
#define KW (METH_VARARGS | METH_KEYWORDS)

const MethodDef str_methods[] = {
    {"encode", str_encode_meth, KW,
     "Encode the string using the codec registered for encoding."},
    {"replace", str_replace_meth, POS,
     "Return a copy with all occurrences of substring old replaced by new."},
    {"split", str_split_meth, KW,
     "Return a list of the substrings in the string, using sep as the separator string."},
    {"rsplit", str_rsplit_meth, KW,
     "Return a list of the substrings in the string, using sep as the separator string."},
    {"join", str_join_meth, METH_O, "Concatenate any number of strings."},
    {"capitalize", str_capitalize_meth, NOARGS, "Return a capitalized version of the string."},
    {"casefold", str_casefold_meth, NOARGS,
     "Return a version of the string suitable for caseless comparisons."},
    {"title", str_title_meth, NOARGS,
     "Return a version of the string where each word is titlecased."},
    {"center", str_center_meth, POS, "Return a centered string of length width."},
    {"count", str_count_meth, POS | METH_TUPLE,
     "S.count(sub[, start[, end]]) -> int\n\nReturn the number of non-overlapping "
     "occurrences of substring sub in\nstring S[start:end]."},
    {"expandtabs", str_expandtabs_meth, KW,
     "Return a copy where all tab characters are expanded using spaces."},
    {"find", str_find_meth, POS | METH_TUPLE,
     "S.find(sub[, start[, end]]) -> int\n\nReturn the lowest index in S where substring "
     "sub is found,\nsuch that sub is contained within S[start:end].\n\nReturn -1 on "
     "failure."},
    {"partition", str_partition_meth, METH_O,
     "Partition the string into three parts using the given separator."},
    {"index", str_index_meth, POS | METH_TUPLE,
     "S.index(sub[, start[, end]]) -> int\n\nReturn the lowest index in S where substring "
     "sub is found,\nsuch that sub is contained within S[start:end].\n\nRaises ValueError "
     "when the substring is not found."},
    {"ljust", str_ljust_meth, POS, "Return a left-justified string of length width."},
    {"lower", str_lower_meth, NOARGS, "Return a copy of the string converted to lowercase."},
    {"lstrip", str_lstrip_meth, POS,
     "Return a copy of the string with leading whitespace removed."},
    {"rfind", str_rfind_meth, POS | METH_TUPLE,
     "S.rfind(sub[, start[, end]]) -> int\n\nReturn the highest index in S where substring "
     "sub is found,\nsuch that sub is contained within S[start:end].\n\nReturn -1 on "
     "failure."},
    {"rindex", str_rindex_meth, POS | METH_TUPLE,
     "S.rindex(sub[, start[, end]]) -> int\n\nReturn the highest index in S where "
     "substring sub is found,\nsuch that sub is contained within S[start:end].\n\nRaises "
     "ValueError when the substring is not found."},
    {"rjust", str_rjust_meth, POS, "Return a right-justified string of length width."},
    {"rstrip", str_rstrip_meth, POS,
     "Return a copy of the string with trailing whitespace removed."},
    {"rpartition", str_rpartition_meth, METH_O,
     "Partition the string into three parts using the given separator."},
    {"splitlines", str_splitlines_meth, KW,
     "Return a list of the lines in the string, breaking at line boundaries."},
    {"strip", str_strip_meth, POS,
     "Return a copy of the string with leading and trailing whitespace removed."},
    {"swapcase", str_swapcase_meth, NOARGS,
     "Convert uppercase characters to lowercase and lowercase characters to uppercase."},
    {"translate", str_translate_meth, METH_O,
     "Replace each character in the string using the given translation table."},
    {"upper", str_upper_meth, NOARGS, "Return a copy of the string converted to uppercase."},
    {"startswith", str_startswith_meth, POS | METH_TUPLE,
     "S.startswith(prefix[, start[, end]]) -> bool\n\nReturn True if S starts with the "
     "specified prefix, False otherwise."},
    {"endswith", str_endswith_meth, POS | METH_TUPLE,
     "S.endswith(suffix[, start[, end]]) -> bool\n\nReturn True if S ends with the "
     "specified suffix, False otherwise."},
    {"removeprefix", str_removeprefix_meth, METH_O,
     "Return a str with the given prefix string removed if present."},
    {"removesuffix", str_removesuffix_meth, METH_O,
     "Return a str with the given suffix string removed if present."},
    {"isascii", str_isascii_meth, NOARGS,
     "Return True if all characters in the string are ASCII, False otherwise."},
    {"islower", str_islower_meth, NOARGS,
     "Return True if the string is a lowercase string, False otherwise."},
    {"isupper", str_isupper_meth, NOARGS,
     "Return True if the string is an uppercase string, False otherwise."},
    {"istitle", str_istitle_meth, NOARGS,
     "Return True if the string is a title-cased string, False otherwise."},
    {"isspace", str_isspace_meth, NOARGS,
     "Return True if the string is a whitespace string, False otherwise."},
    {"isdecimal", str_isdecimal_meth, NOARGS,
     "Return True if the string is a decimal string, False otherwise."},
    {"isdigit", str_isdigit_meth, NOARGS,
     "Return True if the string is a digit string, False otherwise."},
    {"isnumeric", str_isnumeric_meth, NOARGS,
     "Return True if the string is a numeric string, False otherwise."},
    {"isalpha", str_isalpha_meth, NOARGS,
     "Return True if the string is an alphabetic string, False otherwise."},
    {"isalnum", str_isalnum_meth, NOARGS,
     "Return True if the string is an alpha-numeric string, False otherwise."},
    {"isidentifier", str_isidentifier_meth, NOARGS,
     "Return True if the string is a valid Python identifier, False otherwise."},
    {"isprintable", str_isprintable_meth, NOARGS,
     "Return True if the string is printable, False otherwise."},
    {"zfill", str_zfill_meth, METH_O,
     "Pad a numeric string with zeros on the left, to fill a field of the given width."},
    {"format", str_format_meth, KW,
     "S.format(*args, **kwargs) -> str\n\nReturn a formatted version of S, using "
     "substitutions from args and kwargs.\nThe substitutions are identified by braces "
     "('{' and '}')."},
    {"format_map", str_format_map_meth, METH_O,
     "S.format_map(mapping) -> str\n\nReturn a formatted version of S, using substitutions "
     "from mapping.\nThe substitutions are identified by braces ('{' and '}')."},
    {"__format__", str_dunder_format_meth, METH_O,
     "Return a formatted version of the string as described by format_spec."},
    {"maketrans", str_maketrans_meth, METH_VARARGS | METH_STATIC,
     "Return a translation table usable for str.translate()."},
    {"__sizeof__", str_sizeof_meth, NOARGS, "Return the size of the string in memory, in bytes."},
    {"__getnewargs__", str_getnewargs_meth, NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};
