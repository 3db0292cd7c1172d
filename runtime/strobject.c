/*
** strobject.c -- the str type's core: compact representations (strobject.h), UTF-8
** decoding/encoding, the cached singletons, interning, hashing (SipHash-1-3 over the
** canonical representation, keyed per process as CPython 3.11), comparison,
** concatenation, slicing, repr, the str iterator, StrBuilder and str_from_format.
** The many str methods live in strmethods.c; %-formatting in strformat.c.
**
** Invariant: every str is in its narrowest kind (ASCII when all < 128, else kind 1 when
** all < 256, kind 2 when all < 65536, else kind 4), so equal strings have equal kinds
** and equal data bytes -- comparison and hashing work on raw memory.
*/
#include <stdlib.h>
#include "strobject.h"
#include "error.h"
#include "heap.h"
#include "state.h"
#include "intobject.h"
#include "tupleobject.h"
#include "listobject.h"
#include "dictobject.h"
#include "typeobject.h"
#include "methodobject.h"
#include "exceptions.h"
#include "hash.h"
#include "sliceobject.h"
#include "bytesobject.h"
#include "gc.h"
#include <string.h>
#include <stdio.h>

StrIds str_ids;

static StrObject *empty_str;
static StrObject *latin1_chars[256];

/* ================================================================ allocation */

static size_t
str_alloc_size(ssize_t len, int kind, int ascii)
{
    size_t header = ascii ? sizeof(StrObject) : sizeof(CompactStrObject);
    return header + (size_t)(len + 1) * (size_t)kind;
}

/* The state bits of a fresh ASCII string (compact, ready, kind 1): str_new copies them
** whole instead of field by field. */
static const StrObject ascii_template = {
    .state = {.interned = 0, .kind = 1, .compact = 1, .ascii = 1, .ready = 1},
};

/* A fresh exact str's memory: what obj_alloc_raw does for str_type (no pre-header, not
** a GC type), inlined for the hottest allocation of string code. */
static inline StrObject *
str_alloc(size_t size)
{
    StrObject *s = heap_alloc(size);
    if (UNLIKELY(!s))
        return (StrObject *)err_no_memory();
    s->ob_base.refcnt = 1;
    s->ob_base.type = &str_type;
    obj_live_count++;
    return s;
}

Object *
str_new(ssize_t len, uint32_t maxchar)
{
    if (UNLIKELY(len <= 0)) {
        if (len < 0)
            return err_bad_internal_call("str_new");
        if (empty_str)
            return newref(empty_str);
    }
    if (LIKELY(maxchar < 128)) {
        if (UNLIKELY((size_t)len > (size_t)SSIZE_MAX - sizeof(CompactStrObject) - 4))
            return err_no_memory();
        StrObject *s = str_alloc(sizeof(StrObject) + (size_t)len + 1);
        if (UNLIKELY(!s))
            return NULL;
        s->length = len;
        s->hash = -1;
        s->state = ascii_template.state;
        s->wstr = NULL;
        ((char *)(s + 1))[len] = 0;
        return (Object *)s;
    }
    int kind = maxchar < 256 ? 1 : maxchar < 65536 ? 2 : 4;
    if ((size_t)len > ((size_t)SSIZE_MAX - sizeof(CompactStrObject)) / 4 - 1)
        return err_no_memory();
    size_t size = str_alloc_size(len, kind, 0);
    StrObject *s = str_alloc(size);
    if (!s)
        return NULL;
    s->length = len;
    s->hash = -1;
    memset(&s->state, 0, sizeof s->state);
    s->state.kind = (unsigned)kind;
    s->state.compact = 1;
    s->state.ascii = 0;
    s->state.ready = 1;
    s->wstr = NULL;
    CompactStrObject *c = (CompactStrObject *)s;
    c->utf8_length = 0;
    c->utf8 = NULL;
    c->wstr_length = 0;
    void *data = STR_DATA(s);
    STR_WRITE(kind, data, len, 0);
    return (Object *)s;
}

static void
str_dealloc(Object *o)
{
    StrObject *s = (StrObject *)o;
    if (UNLIKELY(s->state.interned)) {
        if (s->state.interned == STR_INTERNED_IMMORTAL) {
            s->ob_base.refcnt = 1 << 28;    /* never freed: resurrect */
            return;
        }
        extern void str_intern_remove(Object *);
        str_intern_remove(o);
    }
    if (!s->state.ascii) {
        CompactStrObject *c = (CompactStrObject *)s;
        if (c->utf8)
            heap_free(c->utf8);
    }
    if (LIKELY(TYPE(o) == &str_type)) {
        /* obj_free for an exact str: no pre-header, not a GC type */
        obj_live_count--;
        heap_free(o);
        return;
    }
    obj_free(o);
}

Object *
str_empty(void)
{
    return newref(empty_str);
}

Object *
str_from_char(uint32_t ch)
{
    if (ch < 256)
        return newref(latin1_chars[ch]);
    Object *s = str_new(1, ch);
    if (s)
        STR_WRITE(STR_KIND(s), STR_DATA(s), 0, ch);
    return s;
}

Object *
str_from_ascii(const char *p, ssize_t n)
{
    if (n == 1)
        return newref(latin1_chars[(unsigned char)p[0]]);
    Object *s = str_new(n, 127);
    if (s)
        str_copy_bytes(STR_ASCII_DATA(s), p, (size_t)n);
    return s;
}

Object *
str_from_kind(int kind, const void *data, ssize_t n)
{
    uint32_t maxchar = 0;
    for (ssize_t i = 0; i < n; i++) {
        uint32_t c = STR_READ(kind, data, i);
        if (c > maxchar)
            maxchar = c;
    }
    if (n == 1)
        return str_from_char(maxchar);
    Object *s = str_new(n, maxchar);
    if (!s)
        return NULL;
    int k = STR_KIND(s);
    void *d = STR_DATA(s);
    if (k == kind) {
        memcpy(d, data, (size_t)n * (size_t)kind);
    } else {
        for (ssize_t i = 0; i < n; i++)
            STR_WRITE(k, d, i, STR_READ(kind, data, i));
    }
    return s;
}

Object *
str_from_ucs4(const uint32_t *u, ssize_t n)
{
    return str_from_kind(4, u, n);
}

Object *
str_substring(Object *s, ssize_t start, ssize_t end)
{
    ssize_t len = STR_LEN(s);
    if (start < 0)
        start = 0;
    if (end > len)
        end = len;
    if (start >= end)
        return str_empty();
    if (start == 0 && end == len && STR_CHECK_EXACT(s))
        return newref(s);
    int kind = STR_KIND(s);
    const char *d = (const char *)STR_DATA(s) + (size_t)start * (size_t)kind;
    if (STR_IS_ASCII(s))
        return str_from_ascii(d, end - start);
    return str_from_kind(kind, d, end - start);
}

/* ================================================================ UTF-8 */

/* Decode one UTF-8 sequence at p (n bytes available).  Returns its length and the code
** point, or 0 with *why set for an invalid sequence (its bad length in *badlen). */
static int
utf8_decode1(const unsigned char *p, ssize_t n, uint32_t *cp, const char **why, int *badlen)
{
    unsigned char c = p[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int need;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 2;
        v = c & 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        v = c & 0x0F;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        v = c & 0x07;
        min = 0x10000;
    } else {
        *why = "invalid start byte";
        *badlen = 1;
        return 0;
    }
    for (int i = 1; i < need; i++) {
        if (i >= n) {
            *why = "unexpected end of data";
            *badlen = i;
            return 0;
        }
        unsigned char cc = p[i];
        /* CPython's precise checks for the second byte */
        if (i == 1) {
            int bad = (cc & 0xC0) != 0x80 || (c == 0xE0 && cc < 0xA0) ||
                      (c == 0xED && cc > 0x9F) || (c == 0xF0 && cc < 0x90) ||
                      (c == 0xF4 && cc > 0x8F);
            if (bad) {
                *why = "invalid continuation byte";
                *badlen = 1;
                return 0;
            }
        } else if ((cc & 0xC0) != 0x80) {
            *why = "invalid continuation byte";
            *badlen = i;
            return 0;
        }
        v = (v << 6) | (cc & 0x3F);
    }
    if (v < min) {
        *why = "invalid continuation byte";
        *badlen = 1;
        return 0;
    }
    *cp = v;
    return need;
}

Object *
str_from_utf8(const char *str, ssize_t n)
{
    const unsigned char *p = (const unsigned char *)str;
    uint32_t maxchar = 0;
    ssize_t len = 0;
    ssize_t i = 0;
    /* fast ASCII prefix */
    while (i < n && p[i] < 0x80)
        i++;
    if (i == n)
        return str_from_ascii(str, n);
    len = i;
    maxchar = 127;
    ssize_t j = i;
    while (j < n) {
        uint32_t cp;
        const char *why = NULL;
        int bad = 0;
        int k = utf8_decode1(p + j, n - j, &cp, &why, &bad);
        if (!k)
            return exc_unicode_decode_error("utf-8", str, n, j, j + bad, why);
        if (cp > maxchar)
            maxchar = cp;
        j += k;
        len++;
    }
    if (len == 1)
        return str_from_char(maxchar);
    Object *s = str_new(len, maxchar);
    if (!s)
        return NULL;
    int kind = STR_KIND(s);
    void *d = STR_DATA(s);
    ssize_t out = 0;
    for (j = 0; j < n;) {
        uint32_t cp;
        const char *why;
        int bad;
        int k = utf8_decode1(p + j, n - j, &cp, &why, &bad);
        STR_WRITE(kind, d, out, cp);
        out++;
        j += k;
    }
    return s;
}

Object *
str_from_cstr(const char *s)
{
    return str_from_utf8(s, (ssize_t)strlen(s));
}

static size_t
utf8_encode1(uint32_t cp, char *t)
{
    if (cp < 0x80) {
        t[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        t[0] = (char)(0xC0 | (cp >> 6));
        t[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        t[0] = (char)(0xE0 | (cp >> 12));
        t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        t[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    t[0] = (char)(0xF0 | (cp >> 18));
    t[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    t[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    t[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Encode s into a new heap block; surrogates make it fail (UnicodeEncodeError). */
char *
str_to_utf8_dup(Object *s, ssize_t *lenp)
{
    ssize_t len = STR_LEN(s);
    if (STR_IS_ASCII(s)) {
        char *r = heap_alloc((size_t)len + 1);
        if (!r) {
            err_no_memory();
            return NULL;
        }
        memcpy(r, STR_DATA(s), (size_t)len + 1);
        if (lenp)
            *lenp = len;
        return r;
    }
    int kind = STR_KIND(s);
    const void *d = STR_DATA(s);
    size_t need = 0;
    for (ssize_t i = 0; i < len; i++) {
        uint32_t c = STR_READ(kind, d, i);
        if (c >= 0xD800 && c <= 0xDFFF) {
            exc_unicode_encode_error("utf-8", s, i, i + 1, "surrogates not allowed");
            return NULL;
        }
        need += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    }
    char *r = heap_alloc(need + 1);
    if (!r) {
        err_no_memory();
        return NULL;
    }
    size_t o = 0;
    for (ssize_t i = 0; i < len; i++)
        o += utf8_encode1(STR_READ(kind, d, i), r + o);
    r[o] = 0;
    if (lenp)
        *lenp = (ssize_t)o;
    return r;
}

const char *
str_as_utf8(Object *s, ssize_t *lenp)
{
    if (STR_IS_ASCII(s)) {
        if (lenp)
            *lenp = STR_LEN(s);
        return STR_ASCII(s);
    }
    CompactStrObject *c = (CompactStrObject *)s;
    if (!c->utf8) {
        ssize_t n;
        char *u = str_to_utf8_dup(s, &n);
        if (!u)
            return NULL;
        c->utf8 = u;
        c->utf8_length = n;
    }
    if (lenp)
        *lenp = c->utf8_length;
    return c->utf8;
}

/* ================================================================ hashing */

hash_t
str_hash(Object *o)
{
    StrObject *s = (StrObject *)o;
    if (s->hash != -1)
        return s->hash;
    hash_t h = hash_bytes(STR_DATA(o), (size_t)s->length * s->state.kind);
    s->hash = h;
    return h;
}

/* ================================================================ interning */

/* Open-addressing set of interned strings; entries are borrowed (interned strings are
** mortal): a dying interned string removes itself (str_intern_remove). */
static StrObject **intern_table;
static size_t intern_mask;      /* capacity - 1 */
static size_t intern_used;      /* live entries */
static size_t intern_fill;      /* live + tombstones */
#define INTERN_DUMMY ((StrObject *)1)

static int
intern_resize(size_t newcap)
{
    StrObject **old = intern_table;
    size_t oldcap = old ? intern_mask + 1 : 0;
    StrObject **t = heap_calloc(newcap, sizeof(StrObject *));
    if (!t)
        return -1;
    intern_table = t;
    intern_mask = newcap - 1;
    intern_fill = intern_used;
    for (size_t i = 0; i < oldcap; i++) {
        StrObject *s = old[i];
        if (s && s != INTERN_DUMMY) {
            size_t j = (size_t)s->hash & intern_mask, perturb = (size_t)s->hash;
            while (t[j]) {
                perturb >>= 5;
                j = (j * 5 + perturb + 1) & intern_mask;
            }
            t[j] = s;
        }
    }
    heap_free(old);
    return 0;
}

/* Find the interned string equal to s, or NULL; *slot receives where s would go. */
static StrObject *
intern_lookup(Object *s, size_t *slot)
{
    hash_t h = str_hash(s);
    size_t j = (size_t)h & intern_mask, perturb = (size_t)h;
    size_t free_slot = (size_t)-1;
    for (;;) {
        StrObject *e = intern_table[j];
        if (!e) {
            *slot = free_slot != (size_t)-1 ? free_slot : j;
            return NULL;
        }
        if (e == INTERN_DUMMY) {
            if (free_slot == (size_t)-1)
                free_slot = j;
        } else if ((Object *)e == s || (e->hash == h && str_eq((Object *)e, s))) {
            *slot = j;
            return e;
        }
        perturb >>= 5;
        j = (j * 5 + perturb + 1) & intern_mask;
    }
}

/* ---- CPython's start-up names.  startup_names.h (scripts/gen_startup_names.py) lists the
** identifier-like strings CPython's start-up leaves interned, each with the references
** its start-up objects hold beyond pyheap's (as a script, at the prompt), in a hash table
** keyed by FNV-1a of the text. */
#include "startup_names.h"

static int startup_mode = -1;           /* -1 off, 0 script, 1 prompt */
static struct StartupAdj {
    StrObject *s;
    ssize_t d;
} *startup_adj;                         /* the references added, for the teardown */
static size_t startup_nadj, startup_cap;

/* What CPython's first shown warning adds (startup_warn.h): set by str_first_warning. */
#include "startup_warn.h"
static int startup_warned;

static ssize_t
warn_delta(const unsigned char *p, ssize_t len)
{
    for (size_t k = 0; k < sizeof warn_names / sizeof warn_names[0]; k++)
        if (warn_names[k].name[0] == p[0] && (ssize_t)strlen(warn_names[k].name) == len &&
            memcmp(warn_names[k].name, p, (size_t)len) == 0)
            return warn_names[k].d;
    return 0;
}

uint32_t
str_fnv1a(Object *o)
{
    StrObject *s = (StrObject *)o;
    const unsigned char *p = (const unsigned char *)STR_DATA(o);
    size_t n = (size_t)s->length * s->state.kind;
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 16777619u;
    return h;
}

static ssize_t
startup_delta(Object *o)
{
    StrObject *s = (StrObject *)o;
    if (!s->state.ascii || s->length < 2)
        return 0;
    const unsigned char *p = (const unsigned char *)STR_DATA(s);
    ssize_t dw = startup_warned ? warn_delta(p, s->length) : 0;
    if (s->length > STARTUP_NAME_MAXLEN)
        return dw;
    uint32_t h = str_fnv1a(o);
    for (uint32_t j = h & (STARTUP_NAMES_SLOTS - 1);; j = (j + 1) & (STARTUP_NAMES_SLOTS - 1)) {
        int k = startup_names_slots[j];
        if (k < 0)
            return dw;
        const StartupName *e = &startup_names[k];
        if (e->hash == h && e->len == s->length && memcmp(e->name, p, (size_t)e->len) == 0)
            return (startup_mode ? e->d_repl : e->d_script) + dw;
    }
}

static int
startup_record(StrObject *s, ssize_t d)
{
    if (startup_nadj == startup_cap) {
        size_t ncap = startup_cap ? startup_cap * 2 : 256;
        struct StartupAdj *n = realloc(startup_adj, ncap * sizeof *n);
        if (!n)
            return -1;
        startup_adj = n;
        startup_cap = ncap;
    }
    startup_adj[startup_nadj].s = s;
    startup_adj[startup_nadj++].d = d;
    return 0;
}

/* The string CPython's start-up made: outside the pools (CPython's was made long before,
** so it takes no block the program's next object would get), holding d references. */
static Object *
startup_string(Object *s, ssize_t d)
{
    heap_side_enter();
    Object *t = str_from_ascii((const char *)STR_DATA(s), ((StrObject *)s)->length);
    heap_side_leave();
    if (!t)
        goto fail;
    ((StrObject *)t)->hash = ((StrObject *)s)->hash;
    ((StrObject *)t)->state.startup = 1;
    if (startup_record((StrObject *)t, d) < 0) {
        decref(t);
        goto fail;
    }
    ((Object *)t)->refcnt = d;
    return t;
fail:
    err_clear();        /* not made: s is interned instead, as a name first met */
    return NULL;
}

void
str_intern_inplace(Object **p)
{
    Object *s = *p;
    if (!STR_CHECK_EXACT(s))
        return;
    if (((StrObject *)s)->state.interned)
        return;
    if (!intern_table || (intern_fill + 1) * 3 >= (intern_mask + 1) * 2) {
        size_t cap = intern_table ? (intern_mask + 1) : 1024;
        while ((intern_used + 1) * 3 >= cap * 2 / 2)
            cap *= 2;
        if (intern_resize(cap) < 0)
            return;     /* not interning is always allowed */
    }
    size_t slot;
    StrObject *e = intern_lookup(s, &slot);
    if (e) {
        incref(e);
        *p = (Object *)e;
        decref(s);
        return;
    }
    if (UNLIKELY(startup_mode >= 0) && !err_occurred()) {
        /* a name CPython's start-up has interned already: its string exists (with the
        ** start-up's references) before this one, which is only a copy */
        ((StrObject *)s)->state.startup = 1;
        ssize_t d = startup_delta(s);
        Object *t = d > 0 ? startup_string(s, d) : NULL;
        if (t) {
            s = t;
            incref(t);
            decref(*p);
            *p = t;
        }
    }
    if (!intern_table[slot])
        intern_fill++;
    intern_table[slot] = (StrObject *)s;
    intern_used++;
    ((StrObject *)s)->state.interned = STR_INTERNED_MORTAL;
}

void
str_startup_adjust(Object *o)
{
    StrObject *s = (StrObject *)o;
    if (startup_mode < 0 || !STR_CHECK_EXACT(o) || !s->state.interned || s->state.startup)
        return;
    s->state.startup = 1;
    ssize_t d = startup_delta(o);
    if (d > 0 && startup_record(s, d) == 0)
        s->ob_base.refcnt += d;
}

/* The references CPython's start-up objects hold on its static singletons beyond
** pyheap's (startup_singletons.h, measured by scripts/gen_startup_names.py):
** sys.getrefcount('') and sys.getrefcount(()) are CPython's.  They are never freed. */
#include "startup_singletons.h"

/* Add references to the static singletons: chars[i * stride] to the 256 one-character
** strings, e, t and b to '', () and b''. */
static int
singletons_add(const int32_t *chars, size_t stride, int32_t e, int32_t t, int32_t b)
{
    for (int i = 0; i < 256; i++)
        latin1_chars[i]->ob_base.refcnt += chars[(size_t)i * stride];
    empty_str->ob_base.refcnt += e;
    Object *et = tuple_empty();
    et->refcnt += t;
    decref(et);
    Object *eb = bytes_from_buf("", 0);
    if (!eb)
        return -1;
    eb->refcnt += b;
    decref(eb);
    return 0;
}

/* What is left of those references (str_startup_absorb): chr(0..255), '', (), b'' and
** the frozen one-letter names. */
#define NFROZEN_CHARS (sizeof startup_frozen_char_refs / sizeof startup_frozen_char_refs[0])
#define NSINGLETONS (256 + 3 + NFROZEN_CHARS)
static int32_t singletons_left[NSINGLETONS];

void
str_singletons_startup_refs(int repl)
{
    int m = repl ? 1 : 0;
    if (singletons_add(&startup_char_refs[0][m], 2, startup_empty_str_refs[m],
                       startup_empty_tuple_refs[m], startup_empty_bytes_refs[m]) < 0)
        fatal("str_singletons_startup_refs");
    for (int i = 0; i < 256; i++) {
        char ch = (char)i;
        Object *b = bytes_from_buf(&ch, 1);     /* the one-byte bytes singleton */
        if (!b)
            fatal("str_singletons_startup_refs");
        b->refcnt += startup_byte_refs[i][m];
        decref(b);
    }
    for (int i = 0; i < 256; i++)
        singletons_left[i] = startup_char_refs[i][m];
    singletons_left[256] = startup_empty_str_refs[m];
    singletons_left[257] = startup_empty_tuple_refs[m];
    singletons_left[258] = startup_empty_bytes_refs[m];
    for (size_t k = 0; k < NFROZEN_CHARS; k++) {
        char c[2] = {startup_frozen_char_refs[k].c, 0};
        Object *s = str_intern_cstr(c);
        if (!s)
            fatal("str_singletons_startup_refs");
        s->refcnt += startup_frozen_char_refs[k].d[m];
        singletons_left[259 + k] = startup_frozen_char_refs[k].d[m];
        decref(s);
    }
}

/* The first warning a script (or -c) shows: CPython's warnings module then imports
** linecache, tokenize and token to show the source line, and their objects hold
** references on the static singletons and on interned names (startup_warn.h).  At the
** prompt they were imported at start-up already. */
void
str_first_warning(void)
{
    if (startup_mode != 0 || startup_warned)
        return;
    startup_warned = 1;
    if (singletons_add(warn_char_refs, 1, warn_empty_str_refs, warn_empty_tuple_refs,
                       warn_empty_bytes_refs) < 0)
        err_clear();
    for (size_t k = 0; k < sizeof warn_names / sizeof warn_names[0]; k++) {
        heap_side_enter();      /* a probe outside the pools */
        Object *probe = str_from_ascii(warn_names[k].name, (ssize_t)strlen(warn_names[k].name));
        heap_side_leave();
        if (!probe) {
            err_clear();
            return;
        }
        size_t slot;
        StrObject *e = intern_table ? intern_lookup(probe, &slot) : NULL;
        heap_side_enter();
        decref(probe);
        heap_side_leave();
        if (e && startup_record(e, warn_names[k].d) == 0)
            e->ob_base.refcnt += warn_names[k].d;
    }
    int_first_warning_refs(warn_int_refs);
    arg_clinic_warning_imports();
    /* the objects the imports leave (the count's change less what the warning itself
    ** leaves, which err_warn_explicit's warn_shown_effects makes) */
    gc_count_allocs(WARN_GC_COUNT - 1);
}

/* A start-up module imported on first use (import_startup_module): CPython's start-up
** had imported it, so the references its objects hold on the interned names and the
** static singletons are among those the start-up tables gave already.  They are taken
** out of what those tables gave, never more. */
struct StrStartupSnap {
    size_t nadj;
    ssize_t *refcnt;                    /* startup_adj[i].s's count, i < nadj */
    ssize_t singletons[NSINGLETONS];
};

static Object **
singleton_slots(Object **out)
{
    for (int i = 0; i < 256; i++)
        out[i] = (Object *)latin1_chars[i];
    out[256] = (Object *)empty_str;
    out[257] = tuple_empty();
    decref(out[257]);
    out[258] = bytes_from_buf("", 0);
    if (out[258])
        decref(out[258]);
    for (size_t k = 0; k < NFROZEN_CHARS; k++) {
        char c[2] = {startup_frozen_char_refs[k].c, 0};
        Object *probe = str_from_ascii(c, 1);    /* the latin-1 singleton: no allocation */
        size_t slot;
        out[259 + k] = intern_table ? (Object *)intern_lookup(probe, &slot) : NULL;
        decref(probe);
    }
    return out;
}

StrStartupSnap *
str_startup_snapshot(void)
{
    if (startup_mode < 0)
        return NULL;
    StrStartupSnap *sn = malloc(sizeof *sn);
    if (!sn)
        return NULL;
    sn->nadj = startup_nadj;
    sn->refcnt = malloc((startup_nadj + 1) * sizeof *sn->refcnt);
    if (!sn->refcnt) {
        free(sn);
        return NULL;
    }
    for (size_t i = 0; i < startup_nadj; i++)
        sn->refcnt[i] = startup_adj[i].s ? startup_adj[i].s->ob_base.refcnt : 0;
    Object *slots[NSINGLETONS];
    singleton_slots(slots);
    for (size_t i = 0; i < NSINGLETONS; i++)
        sn->singletons[i] = slots[i] ? slots[i]->refcnt : 0;
    return sn;
}

void
str_startup_absorb(StrStartupSnap *sn)
{
    if (!sn)
        return;
    for (size_t i = 0; i < startup_nadj; i++) {
        StrObject *s = startup_adj[i].s;
        if (!s)
            continue;
        /* a name first interned meanwhile held only the table's references before */
        ssize_t before = i < sn->nadj ? sn->refcnt[i] : startup_adj[i].d;
        ssize_t d = s->ob_base.refcnt - before;
        if (d > startup_adj[i].d)
            d = startup_adj[i].d;
        if (d > 0) {
            s->ob_base.refcnt -= d;
            startup_adj[i].d -= d;
            if (startup_adj[i].d == 0)
                startup_adj[i].s = NULL;    /* holds none: the string may go first */
        }
    }
    Object *slots[NSINGLETONS];
    singleton_slots(slots);
    for (size_t i = 0; i < NSINGLETONS; i++) {
        if (!slots[i])
            continue;
        ssize_t d = slots[i]->refcnt - sn->singletons[i];
        if (d > singletons_left[i])
            d = singletons_left[i];
        if (d > 0) {
            slots[i]->refcnt -= d;
            singletons_left[i] -= (int32_t)d;
        }
    }
    free(sn->refcnt);
    free(sn);
}

void
str_startup_names_enable(int repl)
{
    startup_mode = repl ? 1 : 0;
}

void
str_startup_names_release(void)
{
    startup_mode = -1;
    for (size_t i = startup_nadj; i-- > 0;) {
        StrObject *s = startup_adj[i].s;
        if (!s)
            continue;
        s->ob_base.refcnt -= startup_adj[i].d - 1;
        decref(s);
    }
    free(startup_adj);
    startup_adj = NULL;
    startup_nadj = startup_cap = 0;
}

void str_intern_remove(Object *s);
void
str_intern_remove(Object *s)
{
    size_t slot;
    StrObject *e = intern_lookup(s, &slot);
    if (e == (StrObject *)s) {
        intern_table[slot] = INTERN_DUMMY;
        intern_used--;
    }
}

Object *
str_intern_utf8(const char *s, ssize_t n)
{
    Object *o = str_from_utf8(s, n);
    if (o)
        str_intern_inplace(&o);
    return o;
}

Object *
str_intern_cstr(const char *s)
{
    return str_intern_utf8(s, (ssize_t)strlen(s));
}

static Object *str_static_table[32];   /* str_static's strings; str_fini frees them */

Object *
str_static(const char *s)
{
    Object **table = str_static_table;
    int i;
    for (i = 0; i < 32 && table[i]; i++)
        if (str_eq_cstr(table[i], s))
            return newref(table[i]);
    if (i == 32)
        return str_from_cstr(s);        /* table full: an ordinary string */
    Object *o = str_from_cstr(s);
    if (!o)
        return NULL;
    o->refcnt = 999999999;              /* _PyObject_IMMORTAL_INIT: never freed */
    table[i] = o;
    return newref(o);
}

int
str_is_identifier_chars(Object *s)
{
    if (!STR_IS_ASCII(s))
        return 0;
    const unsigned char *p = (const unsigned char *)STR_ASCII(s);
    for (ssize_t i = 0; i < STR_LEN(s); i++) {
        unsigned char c = p[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_'))
            return 0;
    }
    return 1;
}

/* ================================================================ comparison */

int
str_eq(Object *a, Object *b)
{
    if (a == b)
        return 1;
    StrObject *x = (StrObject *)a, *y = (StrObject *)b;
    if (x->length != y->length || x->state.kind != y->state.kind)
        return 0;
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash)
        return 0;
    return memcmp(STR_DATA(a), STR_DATA(b), (size_t)x->length * x->state.kind) == 0;
}

int
str_eq_cstr(Object *a, const char *s)
{
    size_t n = strlen(s);
    if (STR_IS_ASCII(a))
        return (size_t)STR_LEN(a) == n && memcmp(STR_ASCII(a), s, n) == 0;
    ssize_t len;
    const char *u = str_as_utf8(a, &len);
    if (!u) {
        err_clear();
        return 0;
    }
    return (size_t)len == n && memcmp(u, s, n) == 0;
}

int
str_compare(Object *a, Object *b)
{
    int ka = STR_KIND(a), kb = STR_KIND(b);
    ssize_t la = STR_LEN(a), lb = STR_LEN(b);
    ssize_t n = la < lb ? la : lb;
    const void *da = STR_DATA(a), *db = STR_DATA(b);
    if (ka == 1 && kb == 1) {
        int c = memcmp(da, db, (size_t)n);
        if (c)
            return c < 0 ? -1 : 1;
    } else {
        for (ssize_t i = 0; i < n; i++) {
            uint32_t x = STR_READ(ka, da, i), y = STR_READ(kb, db, i);
            if (x != y)
                return x < y ? -1 : 1;
        }
    }
    return la < lb ? -1 : la > lb ? 1 : 0;
}

static Object *
str_richcompare(Object *a, Object *b, int op)
{
    if (!STR_CHECK(a) || !STR_CHECK(b))
        return newref(NotImplemented);
    int r;
    if (op == CMP_EQ || op == CMP_NE) {
        r = str_eq(a, b);
        return bool_from(op == CMP_EQ ? r : !r);
    }
    int c = str_compare(a, b);
    switch (op) {
    case CMP_LT: r = c < 0; break;
    case CMP_LE: r = c <= 0; break;
    case CMP_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return bool_from(r);
}

/* ================================================================ searching */

/* Bytes with value 0 in x: the high bit of each such byte set, no false positives. */
static inline uint64_t
str_zero_bytes(uint64_t x)
{
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;
    return ~(((x & low7) + low7) | x | low7);
}

/* Eight bytes at p, byte i of the string in bits 8i..8i+7 whatever the host order. */
static inline uint64_t
str_load8(const uint8_t *p)
{
    uint64_t v;
    memcpy(&v, p, sizeof v);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    return v;
}

ssize_t
str_search_bytes(const uint8_t *s, ssize_t n, const uint8_t *p, ssize_t m)
{
    if (m > n)
        return -1;
    if (m > 64) {
        /* long needles: glibc's two-way search keeps the worst case linear */
        const uint8_t *r = memmem(s, (size_t)n, p, (size_t)m);
        return r ? r - s : -1;
    }
    /* Eight window positions at a time: a position is a candidate when its first byte
    ** equals p[0] and its last equals p[m-1] (zero bytes of the XORs, word-wide);
    ** candidates are verified in order, so the first match found is the first. */
    const uint64_t ones = 0x0101010101010101ULL;
    uint64_t first = ones * p[0], last = ones * p[m - 1];
    ssize_t i = 0;
    for (; i + 8 + m - 1 <= n; i += 8) {
        uint64_t z = (str_load8(s + i) ^ first) | (str_load8(s + i + m - 1) ^ last);
        uint64_t hits = str_zero_bytes(z);
        while (hits) {
            ssize_t k = i + (__builtin_ctzll(hits) >> 3);
            if (memcmp(s + k + 1, p + 1, (size_t)(m - 1)) == 0)
                return k;
            hits &= hits - 1;
        }
    }
    for (; i + m <= n; i++)
        if (s[i] == p[0] && s[i + m - 1] == p[m - 1] &&
            memcmp(s + i + 1, p + 1, (size_t)(m - 1)) == 0)
            return i;
    return -1;
}

/* Find needle in hay[start:end]; returns index or -1. */
ssize_t str_find_sub(Object *hay, Object *needle, ssize_t start, ssize_t end, int reverse);
ssize_t
str_find_sub(Object *hay, Object *needle, ssize_t start, ssize_t end, int reverse)
{
    ssize_t hl = STR_LEN(hay), nl = STR_LEN(needle);
    if (start < 0)
        start = 0;
    if (end > hl)
        end = hl;
    if (end - start < nl)
        return -1;
    if (nl == 0)
        return reverse ? end : start;
    int hk = STR_KIND(hay), nk = STR_KIND(needle);
    if (nk > hk)
        return -1;
    const void *hd = STR_DATA(hay), *nd = STR_DATA(needle);
    if (hk == 1 && nk == 1 && !reverse) {
        const char *h = (const char *)hd + start;
        const char *r;
        if (nl == 1)
            r = memchr(h, ((const char *)nd)[0], (size_t)(end - start));
        else {
            ssize_t k = str_search_bytes((const uint8_t *)h, end - start, nd, nl);
            return k < 0 ? -1 : start + k;
        }
        return r ? (ssize_t)(r - (const char *)hd) : -1;
    }
    uint32_t first = STR_READ(nk, nd, 0);
    if (!reverse) {
        for (ssize_t i = start; i + nl <= end; i++) {
            if (STR_READ(hk, hd, i) != first)
                continue;
            ssize_t j = 1;
            while (j < nl && STR_READ(hk, hd, i + j) == STR_READ(nk, nd, j))
                j++;
            if (j == nl)
                return i;
        }
    } else {
        for (ssize_t i = end - nl; i >= start; i--) {
            if (STR_READ(hk, hd, i) != first)
                continue;
            ssize_t j = 1;
            while (j < nl && STR_READ(hk, hd, i + j) == STR_READ(nk, nd, j))
                j++;
            if (j == nl)
                return i;
        }
    }
    return -1;
}

ssize_t
str_find_char(Object *s, uint32_t ch, ssize_t start, ssize_t end)
{
    int k = STR_KIND(s);
    const void *d = STR_DATA(s);
    if (end > STR_LEN(s))
        end = STR_LEN(s);
    if (k == 1) {
        if (ch > 255 || start >= end)
            return -1;
        const char *p = memchr((const char *)d + start, (int)ch, (size_t)(end - start));
        return p ? (ssize_t)(p - (const char *)d) : -1;
    }
    for (ssize_t i = start; i < end; i++)
        if (STR_READ(k, d, i) == ch)
            return i;
    return -1;
}

static int
str_contains(Object *s, Object *sub)
{
    if (!STR_CHECK(sub)) {
        err_format(exc_TypeError, "'in <string>' requires string as left operand, not %s",
                   TYPE(sub)->name);
        return -1;
    }
    return str_find_sub(s, sub, 0, STR_LEN(s), 0) >= 0;
}

/* ================================================================ concat, repeat */

Object *
str_concat(Object *a, Object *b)
{
    if (!STR_CHECK(a) || !STR_CHECK(b)) {
        Object *bad = STR_CHECK(a) ? b : a;
        return err_format(exc_TypeError, "can only concatenate str (not \"%s\") to str",
                          TYPE(bad)->name);
    }
    ssize_t la = STR_LEN(a), lb = STR_LEN(b);
    if (la == 0 && STR_CHECK_EXACT(b))
        return newref(b);
    if (lb == 0 && STR_CHECK_EXACT(a))
        return newref(a);
    if (la > SSIZE_MAX - lb)
        return err_set(exc_OverflowError, "strings are too large to concat");
    if (STR_IS_ASCII(a) && STR_IS_ASCII(b)) {
        Object *r = str_new(la + lb, 127);
        if (r) {
            str_copy_bytes(STR_ASCII_DATA(r), STR_ASCII_DATA(a), (size_t)la);
            str_copy_bytes(STR_ASCII_DATA(r) + la, STR_ASCII_DATA(b), (size_t)lb);
        }
        return r;
    }
    int ka = STR_KIND(a), kb = STR_KIND(b);
    uint32_t maxa = STR_IS_ASCII(a) ? 127 : ka == 1 ? 255 : ka == 2 ? 65535 : 0x10FFFF;
    uint32_t maxb = STR_IS_ASCII(b) ? 127 : kb == 1 ? 255 : kb == 2 ? 65535 : 0x10FFFF;
    uint32_t maxc = maxa > maxb ? maxa : maxb;
    Object *r = str_new(la + lb, maxc);
    if (!r)
        return NULL;
    int k = STR_KIND(r);
    void *d = STR_DATA(r);
    if (k == ka)
        memcpy(d, STR_DATA(a), (size_t)la * (size_t)k);
    else
        for (ssize_t i = 0; i < la; i++)
            STR_WRITE(k, d, i, STR_GET(a, i));
    if (k == kb)
        memcpy((char *)d + (size_t)la * (size_t)k, STR_DATA(b), (size_t)lb * (size_t)k);
    else
        for (ssize_t i = 0; i < lb; i++)
            STR_WRITE(k, d, la + i, STR_GET(b, i));
    return r;
}

/* 'a += b' with a uniquely referenced, non-interned str: grow a in place (CPython's
** unicode_resize path in PyUnicode_Append), which keeps id(a) when realloc does. */
int
str_append_inplace(Object **pa, Object *b)
{
    Object *a = *pa;
    ssize_t la = STR_LEN(a), lb = STR_LEN(b);
    if (lb == 0)
        return 0;
    /* CPython's unicode_modifiable(): one reference, hash not computed, not interned */
    if (REFCNT(a) == 1 && ((StrObject *)a)->hash == -1 && STR_CHECK_EXACT(a) &&
        !((StrObject *)a)->state.interned && la > 0 && STR_KIND(a) >= STR_KIND(b) &&
        !(STR_IS_ASCII(a) && !STR_IS_ASCII(b)) && a != (Object *)empty_str &&
        !(la == 1 && latin1_chars[STR_GET(a, 0) & 0xFF] == (StrObject *)a)) {
        int k = STR_KIND(a);
        if (!STR_IS_ASCII(a)) {
            /* resize_compact drops a cached UTF-8 form */
            CompactStrObject *c = (CompactStrObject *)a;
            if (c->utf8 && c->utf8 != (char *)STR_DATA(a))
                heap_free(c->utf8);
            c->utf8 = NULL;
            c->utf8_length = 0;
        }
        if (la > SSIZE_MAX - lb) {
            err_set(exc_OverflowError, "strings are too large to concat");
            return -1;
        }
        ssize_t nl = la + lb;
        size_t size = str_alloc_size(nl, k, STR_IS_ASCII(a));
        char *mem = heap_realloc(a, size);
        if (!mem) {
            err_no_memory();
            return -1;
        }
        a = (Object *)mem;
        *pa = a;
        StrObject *s = (StrObject *)a;
        s->length = nl;
        s->hash = -1;
        void *d = STR_DATA(a);
        if (STR_KIND(b) == k)
            str_copy_bytes((char *)d + (size_t)la * (size_t)k, STR_DATA(b),
                           (size_t)lb * (size_t)k);
        else
            for (ssize_t i = 0; i < lb; i++)
                STR_WRITE(k, d, la + i, STR_GET(b, i));
        STR_WRITE(k, d, nl, 0);
        return 0;
    }
    Object *r = str_concat(a, b);
    if (!r)
        return -1;
    *pa = r;
    decref(a);
    return 0;
}

static Object *
str_repeat(Object *s, ssize_t n)
{
    ssize_t len = STR_LEN(s);
    if (n <= 0 || len == 0)
        return str_empty();
    if (n == 1 && STR_CHECK_EXACT(s))
        return newref(s);
    if (len > SSIZE_MAX / n)
        return err_set(exc_OverflowError, "repeated string is too long");
    int k = STR_KIND(s);
    uint32_t maxc = STR_IS_ASCII(s) ? 127 : k == 1 ? 255 : k == 2 ? 65535 : 0x10FFFF;
    Object *r = str_new(len * n, maxc);
    if (!r)
        return NULL;
    char *d = STR_DATA(r);
    size_t chunk = (size_t)len * (size_t)k, total = chunk * (size_t)n;
    if (len == 1 && k == 1) {
        memset(d, ((char *)STR_DATA(s))[0], (size_t)n);
    } else {
        memcpy(d, STR_DATA(s), chunk);
        size_t done = chunk;
        while (done < total) {
            size_t c = done < total - done ? done : total - done;
            memcpy(d + done, d, c);
            done += c;
        }
    }
    return r;
}

static Object *
str_add(Object *a, Object *b)
{
    return str_concat(a, b);
}

/* ================================================================ indexing */

static ssize_t
str_length(Object *s)
{
    return STR_LEN(s);
}

static Object *
str_item(Object *s, ssize_t i)
{
    if (i < 0 || i >= STR_LEN(s))
        return err_set(exc_IndexError, "string index out of range");
    return str_from_char(STR_GET(s, i));
}

extern int slice_unpack_indices(Object *slice, ssize_t len, ssize_t *start, ssize_t *stop,
                                ssize_t *step, ssize_t *slicelen);
extern TypeObject slice_type;

static Object *
str_subscript(Object *s, Object *key)
{
    if (INT_CHECK_EXACT(key) && int_is_compact(key)) {
        ssize_t i = int_compact_value(key);
        if (i < 0)
            i += STR_LEN(s);
        return str_item(s, i);
    }
    if (index_check(key)) {
        ssize_t i = num_as_ssize(key, exc_IndexError);
        if (i == -1 && err_occurred())
            return NULL;
        if (i < 0)
            i += STR_LEN(s);
        return str_item(s, i);
    }
    if (TYPE(key) == &slice_type) {
        /* s[a:b] with a, b None or small ints: PySlice_AdjustIndices inline */
        SliceObject *sl = (SliceObject *)key;
        if (sl->step == None && (sl->start == None || (INT_CHECK_EXACT(sl->start) &&
                                                        int_is_compact(sl->start))) &&
            (sl->stop == None || (INT_CHECK_EXACT(sl->stop) && int_is_compact(sl->stop)))) {
            ssize_t len = STR_LEN(s);
            ssize_t a = sl->start == None ? 0 : int_compact_value(sl->start);
            ssize_t b = sl->stop == None ? len : int_compact_value(sl->stop);
            if (a < 0) {
                a += len;
                if (a < 0)
                    a = 0;
            } else if (a > len) {
                a = len;
            }
            if (b < 0) {
                b += len;
                if (b < 0)
                    b = 0;
            } else if (b > len) {
                b = len;
            }
            if (b <= a)
                return str_empty();
            return str_substring(s, a, b);
        }
        ssize_t start, stop, step, n;
        if (slice_unpack_indices(key, STR_LEN(s), &start, &stop, &step, &n) < 0)
            return NULL;
        if (n <= 0)
            return str_empty();
        if (step == 1)
            return str_substring(s, start, stop);
        int k = STR_KIND(s);
        const void *d = STR_DATA(s);
        uint32_t maxc = 0;
        for (ssize_t i = 0, j = start; i < n; i++, j += step) {
            uint32_t c = STR_READ(k, d, j);
            if (c > maxc)
                maxc = c;
        }
        Object *r = str_new(n, maxc);
        if (!r)
            return NULL;
        int rk = STR_KIND(r);
        void *rd = STR_DATA(r);
        for (ssize_t i = 0, j = start; i < n; i++, j += step)
            STR_WRITE(rk, rd, i, STR_READ(k, d, j));
        return r;       /* a fresh object even for one character, as CPython */
    }
    return err_format(exc_TypeError, "string indices must be integers, not '%s'",
                      TYPE(key)->name);
}

/* ================================================================ repr, str */

Object *
str_repr(Object *s)
{
    ssize_t len = STR_LEN(s);
    int k = STR_KIND(s);
    const void *d = STR_DATA(s);
    int has_sq = 0, has_dq = 0;
    for (ssize_t i = 0; i < len; i++) {
        uint32_t c = STR_READ(k, d, i);
        if (c == '\'')
            has_sq = 1;
        else if (c == '"')
            has_dq = 1;
    }
    uint32_t quote = (has_sq && !has_dq) ? '"' : '\'';
    StrBuilder b;
    sb_init(&b);
    if (sb_putc(&b, quote) < 0)
        goto fail;
    for (ssize_t i = 0; i < len; i++) {
        uint32_t c = STR_READ(k, d, i);
        char esc[16];
        const char *e = NULL;
        if (c == quote || c == '\\') {
            esc[0] = '\\';
            esc[1] = (char)c;
            esc[2] = 0;
            e = esc;
        } else if (c == '\t') {
            e = "\\t";
        } else if (c == '\n') {
            e = "\\n";
        } else if (c == '\r') {
            e = "\\r";
        } else if (c < ' ' || c == 0x7F) {
            snprintf(esc, sizeof esc, "\\x%02x", c);
            e = esc;
        } else if (c >= 0x80) {
            extern int unicode_isprintable(uint32_t ch);
            if (!unicode_isprintable(c)) {
                if (c <= 0xFF)
                    snprintf(esc, sizeof esc, "\\x%02x", c);
                else if (c <= 0xFFFF)
                    snprintf(esc, sizeof esc, "\\u%04x", c);
                else
                    snprintf(esc, sizeof esc, "\\U%08x", c);
                e = esc;
            }
        }
        if (e) {
            if (sb_puts(&b, e) < 0)
                goto fail;
        } else if (sb_putc(&b, c) < 0) {
            goto fail;
        }
    }
    if (sb_putc(&b, quote) < 0)
        goto fail;
    return sb_finish(&b);
fail:
    sb_discard(&b);
    return NULL;
}

static Object *
str_str(Object *s)
{
    if (STR_CHECK_EXACT(s))
        return newref(s);
    return str_substring(s, 0, STR_LEN(s)) ;
}

static hash_t
str_hash_slot(Object *s)
{
    return str_hash(s);
}

/* ================================================================ StrBuilder */

void
sb_init(StrBuilder *b)
{
    b->maxchar = 0;
    b->len = 0;
    b->cap = (ssize_t)(sizeof b->small / sizeof b->small[0]);
    b->buf = b->small;
}

static int
sb_grow(StrBuilder *b, ssize_t extra)
{
    ssize_t need = b->len + extra;
    if (need <= b->cap)
        return 0;
    ssize_t ncap = b->cap * 2;
    while (ncap < need)
        ncap *= 2;
    uint32_t *nb;
    if (b->buf == b->small) {
        nb = heap_alloc(sizeof(uint32_t) * (size_t)ncap);
        if (nb)
            memcpy(nb, b->small, sizeof(uint32_t) * (size_t)b->len);
    } else {
        nb = heap_realloc(b->buf, sizeof(uint32_t) * (size_t)ncap);
    }
    if (!nb) {
        err_no_memory();
        return -1;
    }
    b->buf = nb;
    b->cap = ncap;
    return 0;
}

int
sb_putc(StrBuilder *b, uint32_t ch)
{
    if (b->len >= b->cap && sb_grow(b, 1) < 0)
        return -1;
    b->buf[b->len++] = ch;
    if (ch > b->maxchar)
        b->maxchar = ch;
    return 0;
}

int
sb_put_utf8(StrBuilder *b, const char *s, ssize_t n)
{
    if (sb_grow(b, n) < 0)
        return -1;
    const unsigned char *p = (const unsigned char *)s;
    for (ssize_t i = 0; i < n;) {
        uint32_t cp;
        const char *why;
        int bad;
        int k = utf8_decode1(p + i, n - i, &cp, &why, &bad);
        if (!k) {
            cp = 0xFFFD;
            k = 1;
        }
        b->buf[b->len++] = cp;
        if (cp > b->maxchar)
            b->maxchar = cp;
        i += k;
    }
    return 0;
}

int
sb_puts(StrBuilder *b, const char *s)
{
    return sb_put_utf8(b, s, (ssize_t)strlen(s));
}

int
sb_put_substr(StrBuilder *b, Object *s, ssize_t start, ssize_t end)
{
    if (end > STR_LEN(s))
        end = STR_LEN(s);
    if (start >= end)
        return 0;
    if (sb_grow(b, end - start) < 0)
        return -1;
    int k = STR_KIND(s);
    const void *d = STR_DATA(s);
    uint32_t *o = b->buf + b->len;
    if (k == 1) {
        const uint8_t *p = (const uint8_t *)d;
        for (ssize_t i = start; i < end; i++)
            *o++ = p[i];
    } else {
        for (ssize_t i = start; i < end; i++)
            *o++ = STR_READ(k, d, i);
    }
    b->len += end - start;
    uint32_t m = STR_IS_ASCII(s) ? 127 : k == 1 ? 255 : k == 2 ? 65535 : 0x10FFFF;
    if (m > b->maxchar) {
        /* the exact max matters for the result kind: compute it */
        for (ssize_t i = start; i < end; i++) {
            uint32_t c = STR_READ(k, d, i);
            if (c > b->maxchar)
                b->maxchar = c;
        }
    }
    return 0;
}

int
sb_put_str(StrBuilder *b, Object *s)
{
    return sb_put_substr(b, s, 0, STR_LEN(s));
}

int
sb_put_repr(StrBuilder *b, Object *o)
{
    Object *r = obj_repr(o);
    if (!r)
        return -1;
    int rc = sb_put_str(b, r);
    decref(r);
    return rc;
}

Object *
sb_finish(StrBuilder *b)
{
    Object *r;
    if (b->len == 1)
        r = str_from_char(b->buf[0]);
    else if (b->len == 0)
        r = str_empty();
    else {
        r = str_new(b->len, b->maxchar);
        if (r) {
            int k = STR_KIND(r);
            void *d = STR_DATA(r);
            if (k == 1) {
                uint8_t *p = d;
                for (ssize_t i = 0; i < b->len; i++)
                    p[i] = (uint8_t)b->buf[i];
            } else if (k == 2) {
                uint16_t *p = d;
                for (ssize_t i = 0; i < b->len; i++)
                    p[i] = (uint16_t)b->buf[i];
            } else {
                memcpy(d, b->buf, sizeof(uint32_t) * (size_t)b->len);
            }
        }
    }
    sb_discard(b);
    return r;
}

void
sb_discard(StrBuilder *b)
{
    if (b->buf != b->small)
        heap_free(b->buf);
    sb_init(b);
}

/* ================================================================ str_from_format */

Object *
str_from_vformat(const char *fmt, va_list ap)
{
    StrBuilder b;
    sb_init(&b);
    const char *p = fmt;
    char tmp[64];
    while (*p) {
        if (*p != '%') {
            const char *q = p;
            while (*q && *q != '%')
                q++;
            if (sb_put_utf8(&b, p, q - p) < 0)
                goto fail;
            p = q;
            continue;
        }
        p++;
        /* optional zero-pad width, e.g. %02x */
        char spec[16];
        int si = 0;
        spec[si++] = '%';
        while ((*p >= '0' && *p <= '9') && si < 8)
            spec[si++] = *p++;
        int lcount = 0, zflag = 0;
        while (*p == 'l') {
            lcount++;
            p++;
        }
        if (*p == 'z') {
            zflag = 1;
            p++;
        }
        char conv = *p++;
        const char *put = NULL;
        Object *obj, *tmpo = NULL;
        switch (conv) {
        case '%':
            put = "%";
            break;
        case 'c': {
            int c = va_arg(ap, int);
            if (sb_putc(&b, (uint32_t)c) < 0)
                goto fail;
            continue;
        }
        case 'd':
        case 'i':
        case 'u':
        case 'x': {
            spec[si] = 0;
            char f[24];
            const char *mod = zflag ? "z" : lcount == 2 ? "ll" : lcount == 1 ? "l" : "";
            snprintf(f, sizeof f, "%s%s%c", spec, mod, conv == 'i' ? 'd' : conv);
            if (zflag) {
                if (conv == 'd' || conv == 'i')
                    snprintf(tmp, sizeof tmp, f, va_arg(ap, ssize_t));
                else
                    snprintf(tmp, sizeof tmp, f, va_arg(ap, size_t));
            } else if (lcount == 2) {
                snprintf(tmp, sizeof tmp, f, va_arg(ap, long long));
            } else if (lcount == 1) {
                snprintf(tmp, sizeof tmp, f, va_arg(ap, long));
            } else {
                snprintf(tmp, sizeof tmp, f, va_arg(ap, int));
            }
            put = tmp;
            break;
        }
        case 'p':
            snprintf(tmp, sizeof tmp, "%p", va_arg(ap, void *));
            put = tmp;
            break;
        case 's':
            put = va_arg(ap, const char *);
            if (!put)
                put = "(null)";
            break;
        case 'U':
            obj = va_arg(ap, Object *);
            if (sb_put_str(&b, obj) < 0)
                goto fail;
            continue;
        case 'V': {
            obj = va_arg(ap, Object *);
            const char *alt = va_arg(ap, const char *);
            if (obj) {
                if (sb_put_str(&b, obj) < 0)
                    goto fail;
                continue;
            }
            put = alt;
            break;
        }
        case 'R':
            obj = va_arg(ap, Object *);
            tmpo = obj_repr(obj);
            goto put_obj;
        case 'S':
            obj = va_arg(ap, Object *);
            tmpo = obj_str(obj);
            goto put_obj;
        case 'A':
            obj = va_arg(ap, Object *);
            tmpo = obj_ascii(obj);
            goto put_obj;
        case 'T':
            obj = va_arg(ap, Object *);
            put = TYPE(obj)->name;
            break;
        default:
            fatal("str_from_format: bad format");
        }
        if (put && sb_puts(&b, put) < 0)
            goto fail;
        continue;
    put_obj:
        if (!tmpo)
            goto fail;
        if (sb_put_str(&b, tmpo) < 0) {
            decref(tmpo);
            goto fail;
        }
        decref(tmpo);
    }
    return sb_finish(&b);
fail:
    sb_discard(&b);
    return NULL;
}

Object *
str_from_format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    Object *r = str_from_vformat(fmt, ap);
    va_end(ap);
    return r;
}

/* ================================================================ join */

/* CPython's _PyUnicode_JoinArray: sep.join(items[0..n)).  The result is a new string
** (never the cached one-character one), except for no items ('') and one exact str item
** (that item itself).  sep NULL means ''. */
Object *
str_join_array(Object *sep, Object *const *items, ssize_t n)
{
    if (n == 0)
        return str_empty();
    if (n == 1 && STR_CHECK_EXACT(items[0]))
        return newref(items[0]);
    ssize_t seplen = n > 1 && sep ? STR_LEN(sep) : 0, total = 0;
    int ascii = seplen == 0 || STR_IS_ASCII(sep);
    int kind = seplen ? (int)STR_KIND(sep) : 1;
    for (ssize_t i = 0; i < n; i++) {
        Object *it = items[i];
        if (!STR_CHECK(it)) {
            err_format(exc_TypeError, "sequence item %zd: expected str instance, %s found", i,
                       TYPE(it)->name);
            return NULL;
        }
        if (STR_LEN(it) > SSIZE_MAX - total - (i ? seplen : 0))
            return err_set(exc_OverflowError, "join() result is too long for a Python string");
        total += STR_LEN(it) + (i ? seplen : 0);
        if (!STR_IS_ASCII(it))
            ascii = 0;
        if ((int)STR_KIND(it) > kind)
            kind = (int)STR_KIND(it);
    }
    uint32_t maxchar = ascii ? 127 : kind == 1 ? 255 : kind == 2 ? 0xFFFF : 0x10FFFF;
    Object *r = str_new(total, maxchar);
    if (!r)
        return NULL;
    void *d = STR_DATA(r);
    ssize_t k = 0;
    for (ssize_t i = 0; i < n; i++) {
        for (int part = i ? 0 : 1; part < 2; part++) {
            Object *s = part ? items[i] : sep;
            ssize_t l = part ? STR_LEN(s) : seplen;
            if (l == 0)
                continue;
            int sk = (int)STR_KIND(s);
            const void *sd = STR_DATA(s);
            if (sk == kind)
                memcpy((char *)d + k * kind, sd, (size_t)(l * kind));
            else
                for (ssize_t j = 0; j < l; j++)
                    STR_WRITE(kind, d, k + j, STR_READ(sk, sd, j));
            k += l;
        }
    }
    return r;
}

Object *
str_join(Object *sep, Object *iterable)
{
    Object *seq;
    if (LIST_CHECK_EXACT(iterable) || TUPLE_CHECK_EXACT(iterable))
        seq = newref(iterable);
    else {
        seq = list_from_iterable(iterable);
        if (!seq)
            return NULL;
    }
    ssize_t n = SIZE(seq);
    Object **items = LIST_CHECK_EXACT(seq) ? LIST_ITEMS(seq) : TUPLE_ITEMS(seq);
    Object *r = str_join_array(sep, items, n);
    decref(seq);
    return r;
}

/* ================================================================ iterator */

typedef struct StrIterObject {
    OBJECT_HEAD;
    ssize_t index;
    Object *seq;
} StrIterObject;

static void
striter_dealloc(Object *o)
{
    extern void gc_untrack(Object *);
    gc_untrack(o);
    xdecref(((StrIterObject *)o)->seq);
    obj_free(o);
}

static int
striter_traverse(Object *o, visitproc visit, void *arg)
{
    OBJ_VISIT(((StrIterObject *)o)->seq);
    return 0;
}

static Object *
striter_next(Object *o)
{
    StrIterObject *it = (StrIterObject *)o;
    Object *s = it->seq;
    if (!s)
        return NULL;
    if (it->index < STR_LEN(s))
        return str_from_char(STR_GET(s, it->index++));
    it->seq = NULL;
    decref(s);
    return NULL;
}

static Object *
striter_iter(Object *o)
{
    return newref(o);
}

static Object *
striter_length_hint(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    StrIterObject *it = (StrIterObject *)self;
    return int_from_ssize(it->seq ? STR_LEN(it->seq) - it->index : 0);
}

static const MethodDef striter_methods[] = {
    {"__length_hint__", striter_length_hint, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObject striter_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "str_ascii_iterator",
    .basicsize = sizeof(StrIterObject),
    .flags = TPFLAG_GC,
    .dealloc = striter_dealloc,
    .traverse = striter_traverse,
    .iter = striter_iter,
    .iternext = striter_next,
    .getattro = obj_generic_getattr,
    .methods = striter_methods,
};

static Object *
str_iter(Object *s)
{
    StrIterObject *it = (StrIterObject *)obj_alloc(&striter_type, 0);
    if (!it)
        return NULL;
    it->seq = newref(s);
    it->index = 0;
    extern void gc_track(Object *);
    gc_track((Object *)it);
    return (Object *)it;
}

/* ================================================================ constructor */

extern Object *bytes_decode_obj(Object *b, const char *encoding, const char *errors);

static Object *
str_new_impl(TypeObject *t, Object *args, Object *kwds)
{
    static const char *const names[] = {"object", "encoding", "errors", NULL};
    Object *vals[3] = {NULL, NULL, NULL};
    ssize_t n = args ? TUPLE_LEN(args) : 0;
    Object *kwnames = NULL;
    Object *stack[3];
    ssize_t nk = kwds ? DICT_LEN(kwds) : 0;
    if (n + nk > 3)
        return err_format(exc_TypeError, "str() takes at most 3 arguments (%zd given)",
                          n + nk);
    if (arg_stack_from_tuple_dict(args, kwds, stack, &kwnames) < 0)
        return NULL;
    int rc = arg_parse_clinic("str", stack, (size_t)n, kwnames, names, 0, 0, 0, vals);
    arg_kwnames_release(kwnames);
    if (rc < 0)
        return NULL;
    Object *r;
    if (!vals[0]) {
        r = str_empty();
    } else if (vals[1] || vals[2]) {
        const char *enc = "utf-8", *errs = "strict";
        if (vals[1]) {
            if (!STR_CHECK(vals[1]))
                return err_format(exc_TypeError,
                                  "str() argument 'encoding' must be str, not %s",
                                  TYPE(vals[1])->name);
            enc = str_as_utf8(vals[1], NULL);
        }
        if (vals[2]) {
            if (!STR_CHECK(vals[2]))
                return err_format(exc_TypeError,
                                  "str() argument 'errors' must be str, not %s",
                                  TYPE(vals[2])->name);
            errs = str_as_utf8(vals[2], NULL);
        }
        if (STR_CHECK(vals[0]))
            return err_set(exc_TypeError, "decoding str is not supported");
        r = bytes_decode_obj(vals[0], enc, errs);
    } else {
        r = obj_str(vals[0]);
    }
    if (!r || t == &str_type)
        return r;
    /* subclass: copy into an instance of t */
    ssize_t len = STR_LEN(r);
    int k = STR_KIND(r), ascii = STR_IS_ASCII(r);
    size_t size = str_alloc_size(len, k, ascii);
    size_t fields = (size_t)t->basicsize - STR_CPY_BASICSIZE;     /* see obj_field */
    StrObject *s = (StrObject *)obj_alloc_raw(t, ((size + 7) & ~(size_t)7) + fields);
    if (!s) {
        decref(r);
        return NULL;
    }
    if (t->flags & TPFLAG_HEAPTYPE)
        incref(t);
    memcpy((char *)s + sizeof(Object), (char *)r + sizeof(Object), size - sizeof(Object));
    memset((char *)s + size, 0, ((size + 7) & ~(size_t)7) - size + fields);
    s->hash = -1;
    s->state.interned = 0;
    if (!ascii)
        ((CompactStrObject *)s)->utf8 = NULL;
    decref(r);
    if (t->flags & TPFLAG_GC) {
        extern void gc_track(Object *);
        gc_track((Object *)s);
    }
    return (Object *)s;
}

static Object *
str_vectorcall_new(Object *type, Object *const *args, size_t nargs, Object *kwnames)
{
    if (nargs == 1 && (!kwnames || TUPLE_LEN(kwnames) == 0)) {
        /* str has no tp_vectorcall in CPython 3.11: the call packs its argument into a
        ** tuple, a GC object that counts in generation 0 */
        Object *targs = tuple_from_array(args, 1), *r;
        if (!targs)
            return NULL;
        /* str(int): what obj_str -> object_str -> obj_repr -> int_repr ends in, without
        ** the layers, when their two recursion-guard levels would pass anyway */
        char here;
        if (INT_CHECK_EXACT(args[0]) && rt.recursion_depth + 2 <= rt.recursion_limit &&
            &here >= rt.c_stack_limit)
            r = int_to_decimal_string(args[0]);
        else
            r = obj_str(args[0]);
        decref(targs);
        return r;
    }
    if (nargs == 0 && (!kwnames || TUPLE_LEN(kwnames) == 0))
        return str_empty();
    Object *a = tuple_from_array(args, (ssize_t)nargs), *kw = NULL;
    if (!a)
        return NULL;
    if (kwnames && TUPLE_LEN(kwnames)) {
        kw = dict_new();
        for (ssize_t i = 0; kw && i < TUPLE_LEN(kwnames); i++)
            if (dict_setitem(kw, TUPLE_GET(kwnames, i), args[nargs + (size_t)i]) < 0)
                CLEAR(kw);
        if (!kw) {
            decref(a);
            return NULL;
        }
    }
    Object *r = str_new_impl(&str_type, a, kw);
    decref(a);
    xdecref(kw);
    return r;
}

/* ================================================================ the type */

extern const MethodDef str_methods[];

static Object *
str_remainder(Object *a, Object *b)
{
    if (!STR_CHECK(a))
        return newref(NotImplemented);
    return str_mod(a, b);
}

TypeObject str_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "str",
    .basicsize = STR_CPY_BASICSIZE,    /* CPython's PyUnicodeObject: a subclass's fields follow */
    .flags = TPFLAG_BASETYPE | TPFLAG_STR_SUBCLASS,
    .doc = "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
           "Create a new string object from the given object.",
    .dealloc = str_dealloc,
    .repr = str_repr,
    .str = str_str,
    .hash = str_hash_slot,
    .richcompare = str_richcompare,
    .iter = str_iter,
    .getattro = obj_generic_getattr,
    .new_ = str_new_impl,
    .new_vectorcall = str_vectorcall_new,
    .len = str_length,
    .sq_concat = str_add,
    .sq_repeat = str_repeat,
    .sq_item = str_item,
    .sq_contains = str_contains,
    .mp_subscript = str_subscript,
    .nb_remainder = str_remainder,
    .methods = str_methods,
};

char *
str_subclass_field(Object *o, ssize_t offset)
{
    size_t text = str_alloc_size(STR_LEN(o), STR_KIND(o), STR_IS_ASCII(o));
    return (char *)o + ((text + 7) & ~(size_t)7) + (offset - STR_CPY_BASICSIZE);
}

ssize_t
str_sizeof(Object *s)
{
    /* an instance of a subclass is CPython's legacy string: the PyUnicodeObject and its
    ** text in a block of its own */
    ssize_t n = TYPE(s) == &str_type
                    ? (ssize_t)str_alloc_size(STR_LEN(s), STR_KIND(s), STR_IS_ASCII(s))
                    : STR_CPY_BASICSIZE + (STR_LEN(s) + 1) * STR_KIND(s);
    if (!STR_IS_ASCII(s)) {
        CompactStrObject *c = (CompactStrObject *)s;
        if (c->utf8 && c->utf8 != (char *)STR_DATA(s))
            n += c->utf8_length + 1;
    }
    return n;
}

void
str_init(void)
{
    /* empty string and the latin-1 singletons are immortal */
    empty_str = (StrObject *)str_new(0, 0);
    if (!empty_str)
        fatal("str_init");
    empty_str->state.interned = STR_INTERNED_IMMORTAL;
    for (int i = 0; i < 256; i++) {
        StrObject *s = (StrObject *)str_new(1, (uint32_t)i);
        if (!s)
            fatal("str_init");
        STR_WRITE(STR_KIND(s), STR_DATA(s), 0, (uint32_t)i);
        latin1_chars[i] = s;
        /* statically allocated in CPython: _PyObject_IMMORTAL_INIT's refcount */
        s->ob_base.refcnt = 999999999;
    }
    empty_str->ob_base.refcnt = 999999999;
    Object *e = (Object *)empty_str;
    str_intern_inplace(&e);
    empty_str->state.interned = STR_INTERNED_IMMORTAL;
    /* CPython 3.11 starts with the constants of its deep-frozen modules interned; for
    ** these one-letter names those are separate objects from the latin-1 singletons, so
    ** there a constant 'a' is not chr(97) while 'g' is.  Reproduce that table. */
    static const char frozen_names[] = "abcdefhijklmnopqrstvwxyBCLST_";
    for (const char *c = frozen_names; *c; c++) {
        StrObject *s = (StrObject *)str_new(1, (uint32_t)*c);
        if (!s)
            fatal("str_init");
        STR_WRITE(STR_KIND(s), STR_DATA(s), 0, (uint32_t)*c);
        Object *o = (Object *)s;
        str_intern_inplace(&o);
        s->state.interned = STR_INTERNED_IMMORTAL;
        s->ob_base.refcnt = 999999999;  /* deep-frozen: immortal-initialised too */
    }
    for (int i = 0; i < 128; i++) {
        Object *c = newref((Object *)latin1_chars[i]);
        str_intern_inplace(&c);
        if (c == (Object *)latin1_chars[i])
            latin1_chars[i]->state.interned = STR_INTERNED_IMMORTAL;
        else
            decref(c);
    }
#define STR_ID_INIT(n)                                                                   \
    str_ids.n = str_intern_cstr(#n);                                                     \
    if (!str_ids.n)                                                                      \
        fatal("str_init: ids");                                                          \
    ((StrObject *)str_ids.n)->state.interned = STR_INTERNED_IMMORTAL;
    STR_IDS(STR_ID_INIT)
#undef STR_ID_INIT
}

/* Free an immortal string outright, whatever its refcount (teardown only: nobody may
** use it after). */
static void
str_free_immortal(StrObject *s)
{
    if (s->state.interned && intern_table)
        str_intern_remove((Object *)s);
    s->state.interned = STR_NOT_INTERNED;
    if (!s->state.ascii) {
        CompactStrObject *c = (CompactStrObject *)s;
        if (c->utf8)
            heap_free(c->utf8);
    }
    obj_free(s);
}

/* Interpreter teardown, after every other object is gone: release the latin-1
** singletons and the immortal interned strings (the ID() names, the empty string), then
** the intern table itself unless mortal strings are still in it (leaked: -X leakcheck
** reports them). */
void
str_fini(void)
{
    /* the latin-1 singletons and '' are immortal by refcount, interned or not */
    for (int i = 0; i < 256; i++) {
        StrObject *s = latin1_chars[i];
        latin1_chars[i] = NULL;
        if (s)
            str_free_immortal(s);
    }
    if (empty_str)
        str_free_immortal(empty_str);
    for (int i = 0; i < 32; i++) {
        StrObject *s = (StrObject *)str_static_table[i];
        str_static_table[i] = NULL;
        if (s)
            str_free_immortal(s);
    }
    if (intern_table) {
        for (size_t i = 0; i <= intern_mask; i++) {
            StrObject *s = intern_table[i];
            if (s && s != INTERN_DUMMY && s->state.interned == STR_INTERNED_IMMORTAL)
                str_free_immortal(s);
        }
        if (intern_used == 0) {
            heap_free(intern_table);
            intern_table = NULL;
            intern_mask = intern_fill = 0;
        }
    }
    empty_str = NULL;
    memset(&str_ids, 0, sizeof str_ids);
}
