/*
** strobject.h -- str, in CPython 3.11's compact representations so that sizes match:
**   ASCII     StrObject header (48 bytes), then len+1 bytes (NUL-terminated)
**   latin-1   CompactStrObject header (72 bytes), then len+1 bytes      (kind 1)
**   UCS-2     CompactStrObject header, then (len+1) uint16_t            (kind 2)
**   UCS-4     CompactStrObject header, then (len+1) uint32_t            (kind 4)
** The kind is the narrowest that holds the largest code point; every constructor
** produces the canonical kind, so equal strings have equal kinds.  'hash' caches the
** string's hash (-1 = not yet computed).  The empty string and every one-character
** string with a code point < 256 are cached singletons.  Interned strings are "mortal"
** (as in 3.11): the intern table does not own a reference; a dying interned string
** removes itself from it.
*/
#ifndef PYHEAP_STROBJECT_H
#define PYHEAP_STROBJECT_H

#include "object.h"
#include <stdarg.h>
#include <string.h>

enum { STR_NOT_INTERNED = 0, STR_INTERNED_MORTAL = 1, STR_INTERNED_IMMORTAL = 2 };

typedef struct StrObject {
    OBJECT_HEAD;
    ssize_t length;         /* code points */
    hash_t hash;
    struct {
        unsigned int interned : 2;
        unsigned int kind : 3;      /* 1, 2, 4 */
        unsigned int compact : 1;   /* always 1 */
        unsigned int ascii : 1;
        unsigned int ready : 1;     /* always 1 */
        unsigned int startup : 1;   /* checked against CPython's start-up names */
        unsigned int : 23;
    } state;
    void *wstr;             /* unused (always NULL); kept for CPython's layout */
} StrObject;

typedef struct CompactStrObject {
    StrObject base;
    ssize_t utf8_length;
    char *utf8;             /* cached UTF-8 (heap block) or NULL */
    ssize_t wstr_length;
} CompactStrObject;

#define STR_LEN(o) (((StrObject *)(o))->length)
#define STR_KIND(o) (((StrObject *)(o))->state.kind)
#define STR_IS_ASCII(o) (((StrObject *)(o))->state.ascii)
#define STR_DATA(o)                                                                      \
    (STR_IS_ASCII(o) ? (void *)((StrObject *)(o) + 1)                                    \
                     : (void *)((CompactStrObject *)(o) + 1))
#define STR_READ(kind, data, i)                                                          \
    ((kind) == 1 ? ((const uint8_t *)(data))[i]                                          \
     : (kind) == 2 ? ((const uint16_t *)(data))[i]                                       \
                   : ((const uint32_t *)(data))[i])
#define STR_WRITE(kind, data, i, ch)                                                     \
    do {                                                                                 \
        if ((kind) == 1)                                                                 \
            ((uint8_t *)(data))[i] = (uint8_t)(ch);                                      \
        else if ((kind) == 2)                                                            \
            ((uint16_t *)(data))[i] = (uint16_t)(ch);                                    \
        else                                                                             \
            ((uint32_t *)(data))[i] = (uint32_t)(ch);                                    \
    } while (0)
#define STR_GET(o, i) STR_READ(STR_KIND(o), STR_DATA(o), i)
/* Only for ASCII strings: the text as a C string. */
#define STR_ASCII(o) ((const char *)((StrObject *)(o) + 1))
#define STR_ASCII_DATA(o) ((char *)((StrObject *)(o) + 1))   /* writable, ASCII only */

/* memcpy for the short copies string code makes most (parts of a few characters): up to
** 16 bytes as at most two overlapping loads and stores, no library call. */
static inline void
str_copy_bytes(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    if (n > 16) {
        memcpy(d, s, n);
    } else if (n >= 8) {
        uint64_t a, b;
        memcpy(&a, s, 8);
        memcpy(&b, s + n - 8, 8);
        memcpy(d, &a, 8);
        memcpy(d + n - 8, &b, 8);
    } else if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        memcpy(d, &a, 4);
        memcpy(d + n - 4, &b, 4);
    } else if (n) {
        d[0] = s[0];
        d[n / 2] = s[n / 2];
        d[n - 1] = s[n - 1];
    }
}

/* Constructors (new references). */
Object *str_new(ssize_t len, uint32_t maxchar);    /* data uninitialised, NUL-terminated */
Object *str_from_utf8(const char *s, ssize_t n);   /* UnicodeDecodeError on bad UTF-8 */
Object *str_from_cstr(const char *s);              /* UTF-8 C string */
Object *str_from_ascii(const char *s, ssize_t n);  /* caller guarantees ASCII */
Object *str_from_ucs4(const uint32_t *u, ssize_t n);
Object *str_from_kind(int kind, const void *data, ssize_t n);  /* narrows as needed */
Object *str_from_char(uint32_t ch);                /* cached for ch < 256 */
Object *str_from_format(const char *fmt, ...);     /* err_format's formats */
Object *str_from_vformat(const char *fmt, va_list ap);
Object *str_empty(void);                           /* new ref to '' */
Object *str_substring(Object *s, ssize_t start, ssize_t end);

/* UTF-8 views.  str_as_utf8 returns the text (NUL-terminated), caching it in the
** object for non-ASCII strings (as CPython's PyUnicode_AsUTF8); NULL + MemoryError. */
const char *str_as_utf8(Object *s, ssize_t *len);
/* Encode into a caller-owned heap block (heap_free it); no caching. */
char *str_to_utf8_dup(Object *s, ssize_t *len);

/* Interning. */
void str_intern_inplace(Object **p);    /* replace *p by the canonical string */
/* CPython's start-up names (docs/DESIGN.md, "Start-up names"): from now on a name CPython's
** start-up has interned is interned as if it existed already, holding the references
** CPython's start-up objects hold (repl: the prompt's counts, else a script's). */
void str_startup_names_enable(int repl);
typedef struct StrStartupSnap StrStartupSnap;
StrStartupSnap *str_startup_snapshot(void);     /* before a start-up module's import */
void str_startup_absorb(StrStartupSnap *sn);     /* after it: its references, freed */
void str_first_warning(void);    /* what the first shown warning imports (startup_warn.h) */
void str_singletons_startup_refs(int repl);  /* '', chr(0..255), (), b'': CPython's counts */
/* sys.getrefcount of an interned str pyheap made before: add those references once. */
void str_startup_adjust(Object *s);
/* Teardown: give back the references added (the names nothing else holds die). */
void str_startup_names_release(void);
Object *str_intern_cstr(const char *s); /* new ref to the interned string for s */
Object *str_intern_utf8(const char *s, ssize_t n);
/* New reference to the one immortal string for s, not in the intern table: CPython 3.11's
** statically allocated _Py_STR/_Py_ID strings ("<module>", "<lambda>", "top"...), which
** cost no allocation when the compiler uses them and are not sys.intern's result. */
Object *str_static(const char *s);
int str_is_identifier_chars(Object *s); /* only [A-Za-z0-9_]: CPython's all_name_chars */

/* Comparison and hashing. */
int str_eq(Object *a, Object *b);       /* exact equality of two str objects */
int str_eq_cstr(Object *a, const char *s);
int str_compare(Object *a, Object *b);  /* <0, 0, >0 by code points */
hash_t str_hash(Object *s);
/* FNV-1a (32 bits) of the string's bytes: the key of the start-up tables, which
** scripts/startup_tables.py computes the same way (fixed, unlike str hashes). */
uint32_t str_fnv1a(Object *s);
Object *str_concat(Object *a, Object *b);  /* new ref */
/* In place concatenation for 'a += b' when *pa is uniquely referenced (CPython's
** unicode_concatenate): may resize *pa; steals nothing. */
int str_append_inplace(Object **pa, Object *b);
Object *str_join(Object *sep, Object *iterable);
/* sep.join(items) without building a list; a new string unless n <= 1 (CPython's
** _PyUnicode_JoinArray, also BUILD_STRING's: f'{a}{b}' is never a cached string). */
Object *str_join_array(Object *sep, Object *const *items, ssize_t n);
Object *str_repr(Object *s);
ssize_t str_find_char(Object *s, uint32_t ch, ssize_t start, ssize_t end);
/* First occurrence of the bytes p[0:m) (m >= 1) in s[0:n): its offset, or -1. */
ssize_t str_search_bytes(const uint8_t *s, ssize_t n, const uint8_t *p, ssize_t m);

/* Builder for str results (CPython's _PyUnicodeWriter in miniature). */
typedef struct StrBuilder {
    uint32_t maxchar;       /* largest code point written so far */
    ssize_t len;            /* code points written */
    ssize_t cap;
    uint32_t *buf;          /* UCS-4 scratch (heap) */
    uint32_t small[64];
} StrBuilder;
void sb_init(StrBuilder *b);
int sb_putc(StrBuilder *b, uint32_t ch);
int sb_puts(StrBuilder *b, const char *ascii_or_utf8);
int sb_put_utf8(StrBuilder *b, const char *s, ssize_t n);
int sb_put_str(StrBuilder *b, Object *s);
int sb_put_substr(StrBuilder *b, Object *s, ssize_t start, ssize_t end);
int sb_put_repr(StrBuilder *b, Object *o);
Object *sb_finish(StrBuilder *b);       /* new str; releases the builder */
void sb_discard(StrBuilder *b);

void str_init(void);
void str_fini(void);

/* Statically known identifiers, interned at start-up (CPython's _Py_ID). */
#define STR_IDS(X)                                                                       \
    X(__init__) X(__new__) X(__del__) X(__repr__) X(__str__) X(__hash__) X(__eq__)     \
    X(__ne__) X(__lt__) X(__le__) X(__gt__) X(__ge__) X(__len__) X(__bool__)            \
    X(__iter__) X(__next__) X(__getitem__) X(__setitem__) X(__delitem__)                \
    X(__contains__) X(__call__) X(__getattr__) X(__getattribute__) X(__setattr__)       \
    X(__delattr__) X(__enter__) X(__exit__) X(__get__) X(__set__) X(__delete__)         \
    X(__dict__) X(__class__) X(__name__) X(__qualname__) X(__module__) X(__doc__)       \
    X(__main__) X(__builtins__) X(__mro__) X(__bases__) X(__base__) X(__slots__)        \
    X(__index__) X(__int__) X(__float__) X(__format__) X(__neg__) X(__pos__)            \
    X(__abs__) X(__invert__) X(__add__) X(__radd__) X(__iadd__) X(__sub__)              \
    X(__rsub__) X(__isub__) X(__mul__) X(__rmul__) X(__imul__) X(__truediv__)           \
    X(__rtruediv__) X(__itruediv__) X(__floordiv__) X(__rfloordiv__)                    \
    X(__ifloordiv__) X(__mod__) X(__rmod__) X(__imod__) X(__pow__) X(__rpow__)          \
    X(__ipow__) X(__lshift__) X(__rlshift__) X(__ilshift__) X(__rshift__)               \
    X(__rrshift__) X(__irshift__) X(__and__) X(__rand__) X(__iand__) X(__or__)          \
    X(__ror__) X(__ior__) X(__xor__) X(__rxor__) X(__ixor__) X(__matmul__)              \
    X(__rmatmul__) X(__imatmul__) X(__divmod__) X(__rdivmod__) X(__round__)             \
    X(__reversed__) X(__missing__) X(__init_subclass__) X(__set_name__)                 \
    X(__class_getitem__) X(__prepare__) X(__instancecheck__) X(__subclasscheck__)       \
    X(__length_hint__) X(__sizeof__) X(__dir__) X(__file__) X(__spec__) X(__loader__)   \
    X(__package__) X(__path__) X(__annotations__) X(__all__) X(__cause__)               \
    X(__context__) X(__traceback__) X(__suppress_context__) X(__weakref__)              \
    X(__abstractmethods__) X(__trunc__) X(__floor__) X(__ceil__)         \
    X(__bytes__) X(__objclass__) X(__self__) X(__wrapped__)                 \
    X(__isabstractmethod__) X(__orig_bases__) X(__mro_entries__) X(__build_class__)     \
    X(__import__) X(__defaults__) X(__kwdefaults__) X(__code__) X(__closure__)          \
    X(__globals__) X(__sizeof_hint__) X(args) X(msg) X(filename) X(lineno) X(offset)   \
    X(text) X(end_lineno) X(end_offset) X(print_file_and_line) X(code) X(value)         \
    X(metaclass)                                                                        \
    X(name) X(obj) X(send) X(throw) X(close) X(keys) X(items) X(values) X(get)          \
    X(write) X(flush) X(read) X(readline) X(stdout) X(stderr) X(stdin) X(encoding)      \
    X(errors) X(end) X(sep) X(file) X(key) X(reverse) X(mro) X(fileno) X(ps1) X(ps2)    \
    X(excepthook) X(displayhook) X(argv) X(path) X(modules) X(strict) X(replace)       \
    X(ignore) X(utf_8) X(_) X(self) X(cls) X(__classcell__)

typedef struct StrIds {
#define STR_ID_FIELD(n) Object *n;
    STR_IDS(STR_ID_FIELD)
#undef STR_ID_FIELD
} StrIds;
extern StrIds str_ids;
#define ID(n) (str_ids.n)               /* borrowed reference to the interned "n" */

/* strformat.c: 'format % args' and the str.format()/format_map() engine (nargs < 0:
** format_map with kwargs the mapping). */
Object *str_mod(Object *format, Object *args);
Object *str_format_engine(Object *fmt, Object *const *args, ssize_t nargs, Object *kwargs);
ssize_t str_sizeof(Object *s);                  /* sys.getsizeof without the GC header */

#endif
