/*
** bytesobject.c -- bytes and bytearray (CPython 3.11's Objects/bytesobject.c,
** bytearrayobject.c and the shared Objects/bytes_methods.c + stringlib algorithms), plus
** the three builtin codecs (utf-8, ascii, latin-1) that bytes.decode, str(b, enc) and
** bytes(s, enc) use.
**
** bytes.  A VarObject, a cached hash (-1 = not computed) and size + 1 bytes of data, the
** last one NUL: basicsize 33, itemsize 1, so __sizeof__ is 33 + len as in CPython.  b''
** and the 256 one-byte objects are static singletons (never counted, never freed); every
** constructor that is given the data returns them, as PyBytes_FromStringAndSize does.
**
** bytearray.  56 bytes (not a GC container, as in CPython) pointing at a heap block of
** 'alloc' bytes ('alloc' includes the trailing NUL; 0 means no block and the data pointers
** address a static empty string).  'start' may run ahead of 'bytes': deleting from the
** front only advances it (CPython's "logical offset"), and the next resize moves the data
** back.  Resizing follows 3.11's PyByteArray_Resize exactly so that __sizeof__ (56 +
** alloc) matches: shrink in place unless below half, grow by ~1/8 for small steps, else
** to the exact size.
**
** Methods that exist on both types are written once over a (pointer, length) view of self
** and build their results with the type of self (bytes for bytes and its subclasses,
** bytearray for bytearray).  "Bytes-like" arguments are bytes, bytearray and their
** subclasses (there is no buffer protocol yet).  printf-style 'b % args' parses the
** conversions here and hands the numeric ones to str's formatter (strformat.c), whose
** output is ASCII.
*/
#include "bytesobject.h"

#include "buf.h"
#include "dictobject.h"
#include "error.h"
#include "exceptions.h"
#include "floatobject.h"
#include "gc.h"
#include "hash.h"
#include "heap.h"
#include "intobject.h"
#include "listobject.h"
#include "methodobject.h"
#include "sliceobject.h"
#include "strobject.h"
#include "tupleobject.h"
#include "typeobject.h"
#include <string.h>


#define BYTES_STATIC_REFCNT 999999999
#define BYTES_HEADER_SIZE ((ssize_t)offsetof(BytesObject, sval))  /* 32 */
#define BA(o) ((ByteArrayObject *)(o))
#define BA_CHECK(o) obj_type_check(OB(o), &bytearray_type)
#define BYTES_CHECK_EXACT(o) (TYPE(o) == &bytes_type)

static const char bytes_hexdigits[] = "0123456789abcdef";

/* ================================================================ bytes storage */

/* The singletons: same layout as BytesObject with room for one byte + NUL. */
typedef struct BytesSingleton {
    VAR_OBJECT_HEAD;
    hash_t hash;
    char sval[2];
} BytesSingleton;

static BytesSingleton bytes_empty_obj;
static BytesSingleton bytes_char_objs[256];
static int bytes_singletons_ready;

static void
bytes_init_singletons(void)
{
    BytesSingleton *all[257];
    all[0] = &bytes_empty_obj;
    for (int i = 0; i < 256; i++)
        all[i + 1] = &bytes_char_objs[i];
    for (int i = 0; i < 257; i++) {
        BytesSingleton *b = all[i];
        b->ob_base.ob_base.refcnt = BYTES_STATIC_REFCNT;
        b->ob_base.ob_base.type = &bytes_type;
        b->ob_base.size = i == 0 ? 0 : 1;
        b->hash = -1;
        b->sval[0] = (char)(i == 0 ? 0 : i - 1);
        b->sval[1] = 0;
    }
    bytes_singletons_ready = 1;
}

static int
bytes_is_singleton(Object *o)
{
    const char *p = (const char *)o;
    return p == (const char *)&bytes_empty_obj ||
           (p >= (const char *)bytes_char_objs &&
            p < (const char *)(bytes_char_objs + 256));
}

static Object *
bytes_get_empty(void)
{
    if (!bytes_singletons_ready)
        bytes_init_singletons();
    return newref(&bytes_empty_obj);
}

static Object *
bytes_get_char(unsigned char c)
{
    if (!bytes_singletons_ready)
        bytes_init_singletons();
    return newref(&bytes_char_objs[c]);
}

/* A fresh bytes object of type t (exact bytes or a subclass), data zeroed. */
static Object *
bytes_alloc(TypeObject *t, ssize_t n)
{
    if (n < 0)
        return err_set(exc_SystemError, "Negative size passed to bytes_alloc");
    if (n > SSIZE_MAX - BYTES_HEADER_SIZE - 1)
        return err_set(exc_OverflowError, "byte string is too large");
    Object *(*alloc)(TypeObject *, ssize_t) = t->alloc ? t->alloc : type_generic_alloc;
    Object *o = alloc(t, n);
    if (!o)
        return NULL;
    ((BytesObject *)o)->hash = -1;
    return o;
}

Object *
bytes_new_uninit(ssize_t n)
{
    if (n == 0)
        return bytes_get_empty();
    return bytes_alloc(&bytes_type, n);
}

Object *
bytes_from_buf(const char *s, ssize_t n)
{
    if (n < 0)
        return err_set(exc_SystemError, "Negative size passed to bytes_from_buf");
    if (n == 0)
        return bytes_get_empty();
    if (n == 1 && s)
        return bytes_get_char((unsigned char)s[0]);
    Object *o = bytes_alloc(&bytes_type, n);
    if (o && s)
        memcpy(BYTES_DATA(o), s, (size_t)n);
    return o;
}

static void
bytes_dealloc(Object *o)
{
    if (bytes_is_singleton(o))
        fatal("deallocating a cached bytes singleton");
    void (*release)(void *) = TYPE(o)->free ? TYPE(o)->free : obj_free;
    release(o);
}

hash_t
bytes_hash(Object *o)
{
    BytesObject *b = (BytesObject *)o;
    if (b->hash == -1)
        b->hash = hash_bytes(b->sval, (size_t)BYTES_LEN(o));
    return b->hash;
}

/* ================================================================ bytearray storage */

static char bytearray_empty_data[1];

static Object *
bytearray_alloc(TypeObject *t)
{
    Object *(*alloc)(TypeObject *, ssize_t) = t->alloc ? t->alloc : type_generic_alloc;
    Object *o = alloc(t, 0);
    if (!o)
        return NULL;
    BA(o)->bytes = BA(o)->start = bytearray_empty_data;
    BA(o)->alloc = 0;
    BA(o)->exports = 0;
    SIZE(o) = 0;
    return o;
}

Object *
bytearray_from_buf(const char *s, ssize_t n)
{
    if (n < 0)
        return err_set(exc_SystemError, "Negative size passed to bytearray_from_buf");
    Object *o = bytearray_alloc(&bytearray_type);
    if (!o || n == 0)
        return o;
    if (n >= SSIZE_MAX) {
        decref(o);
        return err_no_memory();
    }
    char *p = heap_alloc((size_t)n + 1);
    if (!p) {
        decref(o);
        return err_no_memory();
    }
    if (s)
        memcpy(p, s, (size_t)n);
    else
        memset(p, 0, (size_t)n);
    p[n] = 0;
    BA(o)->bytes = BA(o)->start = p;
    BA(o)->alloc = n + 1;
    SIZE(o) = n;
    return o;
}

static void
bytearray_dealloc(Object *o)
{
    if (BA(o)->exports > 0)
        fatal("deallocated bytearray object has exported buffers");
    if (BA(o)->alloc > 0)
        heap_free(BA(o)->bytes);
    void (*release)(void *) = TYPE(o)->free ? TYPE(o)->free : obj_free;
    release(o);
}

static int
bytearray_can_resize(Object *self)
{
    if (BA(self)->exports > 0) {
        err_set(exc_BufferError, "Existing exports of data: object cannot be re-sized");
        return 0;
    }
    return 1;
}

/* CPython 3.11's PyByteArray_Resize: the same thresholds, so sizes match. */
static int
bytearray_resize(Object *self, ssize_t requested)
{
    ByteArrayObject *obj = BA(self);
    size_t alloc = (size_t)obj->alloc;
    size_t logical_offset = (size_t)(obj->start - obj->bytes);
    size_t size = (size_t)requested;

    if (requested < 0) {
        err_format(exc_ValueError, "Can only resize to positive sizes, got %zd", requested);
        return -1;
    }
    if (requested == SIZE(self))
        return 0;
    if (!bytearray_can_resize(self))
        return -1;

    if (size + logical_offset + 1 <= alloc) {
        if (size < alloc / 2) {
            alloc = size + 1;           /* major downsize: to the exact size */
        } else {
            SIZE(self) = requested;     /* minor downsize: keep the block */
            obj->start[size] = '\0';
            return 0;
        }
    } else {
        if ((double)size <= (double)alloc * 1.125)
            alloc = size + (size >> 3) + (size < 9 ? 3 : 6);   /* moderate upsize */
        else
            alloc = size + 1;                                   /* major upsize */
    }
    if (alloc > (size_t)SSIZE_MAX) {
        err_no_memory();
        return -1;
    }

    char *sval;
    if (logical_offset > 0) {
        sval = heap_alloc(alloc);
        if (!sval) {
            err_no_memory();
            return -1;
        }
        ssize_t keep = requested < SIZE(self) ? requested : SIZE(self);
        memcpy(sval, obj->start, (size_t)keep);
        heap_free(obj->bytes);
    } else if (obj->alloc > 0) {
        sval = heap_realloc(obj->bytes, alloc);
        if (!sval) {
            err_no_memory();
            return -1;
        }
    } else {
        sval = heap_alloc(alloc);
        if (!sval) {
            err_no_memory();
            return -1;
        }
    }
    obj->bytes = obj->start = sval;
    SIZE(self) = requested;
    obj->alloc = (ssize_t)alloc;
    obj->bytes[size] = '\0';
    return 0;
}

/* ================================================================ views and arguments */

typedef struct BView {
    const char *buf;
    ssize_t len;
} BView;

/* The data of a bytes-like object: 1, or 0 (no exception) if o is not bytes-like. */
static int
bytes_view(Object *o, BView *v)
{
    if (BYTES_CHECK(o)) {
        v->buf = BYTES_DATA(o);
        v->len = BYTES_LEN(o);
        return 1;
    }
    if (BA_CHECK(o)) {
        v->buf = BYTEARRAY_DATA(o);
        v->len = BYTEARRAY_LEN(o);
        return 1;
    }
    return 0;
}

/* The data of a bytes-like object for other modules (float(b'1.5'), int(b'7', 0)):
** 0 with *data and *len set, or -1 *without* an exception when o is not bytes-like. */
int
bytes_like_get(Object *o, const char **data, ssize_t *len)
{
    BView v;
    if (!bytes_view(o, &v))
        return -1;
    *data = v.buf;
    *len = v.len;
    return 0;
}

/* Like bytes_view, raising CPython's PyObject_GetBuffer error. */
static int
bytes_view_required(Object *o, BView *v)
{
    if (bytes_view(o, v))
        return 0;
    err_format(exc_TypeError, "a bytes-like object is required, not '%s'", TYPE(o)->name);
    return -1;
}

static void
self_view(Object *self, BView *v)
{
    if (!bytes_view(self, v)) {
        v->buf = "";
        v->len = 0;
    }
}

/* A result of self's kind from n bytes at s (s NULL: zeroed). */
static Object *
bres(Object *self, const char *s, ssize_t n)
{
    if (BA_CHECK(self))
        return bytearray_from_buf(s, n);
    return bytes_from_buf(s, n);
}

/* A result of self's kind with n bytes to fill in; *out receives the data pointer. */
static Object *
bres_uninit(Object *self, ssize_t n, char **out)
{
    Object *r;
    if (BA_CHECK(self)) {
        r = bytearray_from_buf(NULL, n);
        if (r)
            *out = BYTEARRAY_DATA(r);
    } else {
        r = n == 0 ? bytes_get_empty() : bytes_alloc(&bytes_type, n);
        if (r)
            *out = BYTES_DATA(r);
    }
    return r;
}

/* "return self" of the bytes methods: self for exact bytes, else a copy. */
static Object *
bres_self(Object *self)
{
    if (BYTES_CHECK_EXACT(self))
        return newref(self);
    BView v;
    self_view(self, &v);
    return bres(self, v.buf, v.len);
}

/* A slice index argument (start/end): None keeps the default; overflow clamps. */
static int
bytes_slice_index(Object *o, ssize_t *out)
{
    if (!o || o == None)
        return 0;
    if (!index_check(o)) {
        err_set(exc_TypeError,
                "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    ssize_t v = num_as_ssize(o, NULL);
    if (v == -1 && err_occurred())
        return -1;
    *out = v;
    return 0;
}

/* Clamp [start, end) to a sequence of length len as CPython's ADJUST_INDICES. */
static void
bytes_adjust_indices(ssize_t *start, ssize_t *end, ssize_t len)
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

/* An argument converted with __index__ (TypeError for non-integers). */
static int
bytes_index_arg(Object *o, ssize_t *out)
{
    if (!index_check(o)) {
        err_format(exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   TYPE(o)->name);
        return -1;
    }
    ssize_t v = num_as_ssize(o, exc_OverflowError);
    if (v == -1 && err_occurred())
        return -1;
    *out = v;
    return 0;
}

/* A byte value for bytearray item assignment, append, insert ... (CPython's
** _getbytevalue). */
static int
bytes_byte_value(Object *arg, int *value)
{
    Object *i = num_index(arg);
    if (!i)
        return -1;
    int overflow = 0;
    long v = int_as_long_and_overflow(i, &overflow);
    decref(i);
    if (v == -1 && err_occurred())
        return -1;
    if (overflow || v < 0 || v >= 256) {
        err_set(exc_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    *value = (int)v;
    return 0;
}

static int
bytes_isspace(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\x0b' || c == '\x0c';
}

static int
bytes_islower(unsigned char c)
{
    return c >= 'a' && c <= 'z';
}

static int
bytes_isupper(unsigned char c)
{
    return c >= 'A' && c <= 'Z';
}

static int
bytes_isalpha(unsigned char c)
{
    return bytes_islower(c) || bytes_isupper(c);
}

static int
bytes_isdigit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static unsigned char
bytes_tolower(unsigned char c)
{
    return bytes_isupper(c) ? (unsigned char)(c + 32) : c;
}

static unsigned char
bytes_toupper(unsigned char c)
{
    return bytes_islower(c) ? (unsigned char)(c - 32) : c;
}

/* ================================================================ searching */

static ssize_t
bytes_find_raw(const char *s, ssize_t n, const char *sub, ssize_t m)
{
    if (m == 0)
        return 0;
    if (m > n)
        return -1;
    if (m == 1) {
        const char *p = memchr(s, sub[0], (size_t)n);
        return p ? p - s : -1;
    }
    const char *p = memmem(s, (size_t)n, sub, (size_t)m);
    return p ? p - s : -1;
}

static ssize_t
bytes_rfind_raw(const char *s, ssize_t n, const char *sub, ssize_t m)
{
    if (m == 0)
        return n;
    for (ssize_t i = n - m; i >= 0; i--)
        if (s[i] == sub[0] && memcmp(s + i, sub, (size_t)m) == 0)
            return i;
    return -1;
}

/* find / rfind in s[start:end] with CPython's index adjustment; -1 if absent. */
static ssize_t
bytes_find_in(const char *s, ssize_t len, const char *sub, ssize_t m, ssize_t start,
              ssize_t end, int dir)
{
    bytes_adjust_indices(&start, &end, len);
    if (end - start < m)
        return -1;
    ssize_t r = dir > 0 ? bytes_find_raw(s + start, end - start, sub, m)
                        : bytes_rfind_raw(s + start, end - start, sub, m);
    return r < 0 ? -1 : r + start;
}

static ssize_t
bytes_count_in(const char *s, ssize_t len, const char *sub, ssize_t m, ssize_t start,
               ssize_t end)
{
    bytes_adjust_indices(&start, &end, len);
    if (end - start < 0)
        return 0;
    if (m == 0)
        return end - start + 1;
    ssize_t count = 0, i = start;
    while (i + m <= end) {
        ssize_t r = bytes_find_raw(s + i, end - i, sub, m);
        if (r < 0)
            break;
        count++;
        i += r + m;
    }
    return count;
}

/* (sub[, start[, end]]) for find, count, index ...: sub is an int byte or bytes-like. */
typedef struct Needle {
    const char *p;
    ssize_t n;
    char byte;
} Needle;

/* The argument count check of PyArg_ParseTuple(args, "O|OO:name") (its own wording). */
static int
bytes_check_finds_count(const char *fname, ssize_t nargs)
{
    if (nargs < 1) {
        err_format(exc_TypeError, "%s() takes at least 1 argument (%zd given)", fname, nargs);
        return -1;
    }
    if (nargs > 3) {
        err_format(exc_TypeError, "%s() takes at most 3 arguments (%zd given)", fname, nargs);
        return -1;
    }
    return 0;
}

static int
bytes_parse_finds(const char *fname, Object *const *args, ssize_t nargs, Needle *nd,
                  ssize_t *start, ssize_t *end)
{
    if (bytes_check_finds_count(fname, nargs) < 0)
        return -1;
    *start = 0;
    *end = SSIZE_MAX;
    if (nargs > 1 && bytes_slice_index(args[1], start) < 0)
        return -1;
    if (nargs > 2 && bytes_slice_index(args[2], end) < 0)
        return -1;
    Object *sub = args[0];
    if (index_check(sub)) {
        ssize_t v = num_as_ssize(sub, NULL);
        if (v == -1 && err_occurred())
            return -1;
        if (v < 0 || v > 255) {
            err_set(exc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        nd->byte = (char)v;
        nd->p = &nd->byte;
        nd->n = 1;
        return 0;
    }
    BView v;
    if (!bytes_view(sub, &v)) {
        err_format(exc_TypeError, "argument should be integer or bytes-like object, not '%s'",
                   TYPE(sub)->name);
        return -1;
    }
    nd->p = v.buf;
    nd->n = v.len;
    return 0;
}

static Object *
bytes_find_common(Object *self, Object *const *args, ssize_t nargs, const char *fname,
                  int dir, int raise)
{
    Needle nd;
    ssize_t start, end;
    if (bytes_parse_finds(fname, args, nargs, &nd, &start, &end) < 0)
        return NULL;
    BView v;
    self_view(self, &v);
    ssize_t r = bytes_find_in(v.buf, v.len, nd.p, nd.n, start, end, dir);
    if (r < 0 && raise)
        return err_set(exc_ValueError, "subsection not found");
    return int_from_ssize(r);
}

static Object *
bytes_find(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytes_find_common(self, args, nargs, "find", 1, 0);
}

static Object *
bytes_rfind(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytes_find_common(self, args, nargs, "rfind", -1, 0);
}

static Object *
bytes_index(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytes_find_common(self, args, nargs, "index", 1, 1);
}

static Object *
bytes_rindex(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytes_find_common(self, args, nargs, "rindex", -1, 1);
}

static Object *
bytes_count(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    Needle nd;
    ssize_t start, end;
    if (bytes_parse_finds("count", args, nargs, &nd, &start, &end) < 0)
        return NULL;
    BView v;
    self_view(self, &v);
    return int_from_ssize(bytes_count_in(v.buf, v.len, nd.p, nd.n, start, end));
}

/* x in b: an int byte or a bytes-like substring (CPython's _Py_bytes_contains). */
static int
bytes_contains_impl(Object *self, Object *arg)
{
    BView v;
    self_view(self, &v);
    if (index_check(arg)) {
        ssize_t ival = num_as_ssize(arg, NULL);
        if (ival == -1 && err_occurred())
            return -1;
        if (ival < 0 || ival >= 256) {
            err_set(exc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        self_view(self, &v);
        return v.len > 0 && memchr(v.buf, (int)ival, (size_t)v.len) != NULL;
    }
    BView sub;
    if (bytes_view_required(arg, &sub) < 0)
        return -1;
    return bytes_find_raw(v.buf, v.len, sub.buf, sub.len) >= 0;
}

/* startswith / endswith of one prefix (CPython's tailmatch). */
static int
bytes_tailmatch(const char *s, ssize_t len, const char *sub, ssize_t slen, ssize_t start,
                ssize_t end, int direction)
{
    bytes_adjust_indices(&start, &end, len);
    if (direction < 0) {
        if (start > len - slen)
            return 0;
    } else {
        if (end - start < slen || start > len)
            return 0;
        if (end - slen > start)
            start = end - slen;
    }
    if (end - start < slen)
        return 0;
    return slen == 0 || memcmp(s + start, sub, (size_t)slen) == 0;
}

static Object *
bytes_startsendswith(Object *self, Object *const *args, ssize_t nargs, const char *fname,
                     int direction)
{
    if (bytes_check_finds_count(fname, nargs) < 0)
        return NULL;
    ssize_t start = 0, end = SSIZE_MAX;
    if (nargs > 1 && bytes_slice_index(args[1], &start) < 0)
        return NULL;
    if (nargs > 2 && bytes_slice_index(args[2], &end) < 0)
        return NULL;
    BView v, sub;
    self_view(self, &v);
    Object *subobj = args[0];
    if (TUPLE_CHECK(subobj)) {
        for (ssize_t i = 0; i < TUPLE_LEN(subobj); i++) {
            if (bytes_view_required(TUPLE_GET(subobj, i), &sub) < 0)
                return NULL;
            if (bytes_tailmatch(v.buf, v.len, sub.buf, sub.len, start, end, direction))
                return bool_from(1);
        }
        return bool_from(0);
    }
    if (!bytes_view(subobj, &sub))
        return err_format(exc_TypeError,
                          "%s first arg must be bytes or a tuple of bytes, not %s", fname,
                          TYPE(subobj)->name);
    return bool_from(bytes_tailmatch(v.buf, v.len, sub.buf, sub.len, start, end, direction));
}

static Object *
bytes_startswith(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytes_startsendswith(self, args, nargs, "startswith", -1);
}

static Object *
bytes_endswith(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytes_startsendswith(self, args, nargs, "endswith", 1);
}

/* ================================================================ repr */

static Object *
bytes_repr_impl(Object *self, int smartquotes)
{
    BView v;
    self_view(self, &v);
    int is_ba = BA_CHECK(self);
    int squotes = 0, dquotes = 0;
    for (ssize_t i = 0; i < v.len; i++) {
        if (v.buf[i] == '\'')
            squotes = 1;
        else if (v.buf[i] == '"')
            dquotes = 1;
    }
    char quote = '\'';
    if (smartquotes && squotes && !dquotes)
        quote = '"';
    Buf b;
    buf_init(&b);
    int rc = 0;
    if (is_ba) {
        const char *name = TYPE(self)->name;
        const char *dot = strrchr(name, '.');
        rc |= buf_puts(&b, dot ? dot + 1 : name);
        rc |= buf_putc(&b, '(');
    }
    rc |= buf_putc(&b, 'b');
    rc |= buf_putc(&b, quote);
    for (ssize_t i = 0; i < v.len && rc == 0; i++) {
        unsigned char c = (unsigned char)v.buf[i];
        /* bytearray escapes ' even inside double quotes (3.11's bytearray_repr) */
        if (c == (unsigned char)quote || c == '\\' || (is_ba && c == '\'')) {
            rc |= buf_putc(&b, '\\');
            rc |= buf_putc(&b, (char)c);
        } else if (c == '\t') {
            rc |= buf_puts(&b, "\\t");
        } else if (c == '\n') {
            rc |= buf_puts(&b, "\\n");
        } else if (c == '\r') {
            rc |= buf_puts(&b, "\\r");
        } else if (c < ' ' || c >= 0x7f) {
            char esc[4] = {'\\', 'x', bytes_hexdigits[c >> 4], bytes_hexdigits[c & 15]};
            rc |= buf_append(&b, esc, 4);
        } else {
            rc |= buf_putc(&b, (char)c);
        }
    }
    rc |= buf_putc(&b, quote);
    if (is_ba)
        rc |= buf_putc(&b, ')');
    Object *r = rc ? NULL : str_from_ascii(b.data, (ssize_t)b.len);
    buf_free(&b);
    return r;
}

Object *
bytes_repr_obj(Object *o)
{
    return bytes_repr_impl(o, 1);
}

static Object *
bytes_repr_slot(Object *o)
{
    return bytes_repr_impl(o, 1);
}

/* ================================================================ codecs */

enum { CODEC_UNKNOWN, CODEC_UTF8, CODEC_ASCII, CODEC_LATIN1 };

static const struct {
    const char *alias;
    int codec;
} bytes_codec_aliases[] = {
    {"utf_8", CODEC_UTF8}, {"utf8", CODEC_UTF8}, {"u8", CODEC_UTF8}, {"utf", CODEC_UTF8},
    {"utf8_ucs2", CODEC_UTF8}, {"utf8_ucs4", CODEC_UTF8}, {"cp65001", CODEC_UTF8},
    {"ascii", CODEC_ASCII}, {"us_ascii", CODEC_ASCII}, {"646", CODEC_ASCII},
    {"us", CODEC_ASCII}, {"ansi_x3.4_1968", CODEC_ASCII}, {"ansi_x3_4_1968", CODEC_ASCII},
    {"ansi_x3.4_1986", CODEC_ASCII}, {"cp367", CODEC_ASCII}, {"csascii", CODEC_ASCII},
    {"ibm367", CODEC_ASCII}, {"iso646_us", CODEC_ASCII}, {"iso_646.irv_1991", CODEC_ASCII},
    {"iso_ir_6", CODEC_ASCII},
    {"latin_1", CODEC_LATIN1}, {"latin1", CODEC_LATIN1}, {"latin", CODEC_LATIN1},
    {"l1", CODEC_LATIN1}, {"iso_8859_1", CODEC_LATIN1}, {"iso8859_1", CODEC_LATIN1},
    {"8859", CODEC_LATIN1}, {"cp819", CODEC_LATIN1}, {"csisolatin1", CODEC_LATIN1},
    {"ibm819", CODEC_LATIN1}, {"iso8859", CODEC_LATIN1}, {"iso_8859_1_1987", CODEC_LATIN1},
    {"iso_ir_100", CODEC_LATIN1},
};

/* The codec for an encoding name, normalised as Python's encodings.normalize_encoding
** (runs of punctuation become one '_') and lower-cased. */
static int
bytes_codec_lookup(const char *name)
{
    char norm[64];
    size_t n = 0;
    int punct = 0;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        unsigned char c = *p;
        int alnum = (c >= '0' && c <= '9') || bytes_isalpha(c) || c == '.';
        if (c >= 0x80)
            continue;       /* non-ASCII alphanumerics are dropped */
        if (alnum) {
            if (punct && n > 0) {
                if (n + 1 >= sizeof norm)
                    return CODEC_UNKNOWN;
                norm[n++] = '_';
            }
            if (n + 1 >= sizeof norm)
                return CODEC_UNKNOWN;
            norm[n++] = (char)bytes_tolower(c);
            punct = 0;
        } else {
            punct = 1;
        }
    }
    norm[n] = 0;
    for (size_t i = 0; i < sizeof bytes_codec_aliases / sizeof bytes_codec_aliases[0]; i++)
        if (strcmp(norm, bytes_codec_aliases[i].alias) == 0)
            return bytes_codec_aliases[i].codec;
    /* encodings.search_function also tries the name with '.' replaced by '_' */
    for (size_t i = 0; i < n; i++)
        if (norm[i] == '.')
            norm[i] = '_';
    for (size_t i = 0; i < sizeof bytes_codec_aliases / sizeof bytes_codec_aliases[0]; i++)
        if (strcmp(norm, bytes_codec_aliases[i].alias) == 0)
            return bytes_codec_aliases[i].codec;
    return CODEC_UNKNOWN;
}

static const char *
bytes_codec_name(int codec)
{
    return codec == CODEC_UTF8 ? "utf-8" : codec == CODEC_ASCII ? "ascii" : "latin-1";
}

enum { EH_STRICT, EH_IGNORE, EH_REPLACE, EH_BACKSLASHREPLACE, EH_SURROGATEESCAPE,
       EH_XMLCHARREFREPLACE, EH_SURROGATEPASS, EH_NAMEREPLACE, EH_UNKNOWN };

static int
bytes_error_handler(const char *errors)
{
    static const char *const names[] = {"strict", "ignore", "replace", "backslashreplace",
                                        "surrogateescape", "xmlcharrefreplace",
                                        "surrogatepass", "namereplace"};
    if (!errors)
        return EH_STRICT;
    for (int i = 0; i < (int)(sizeof names / sizeof names[0]); i++)
        if (strcmp(errors, names[i]) == 0)
            return i;
    return EH_UNKNOWN;
}

static void
bytes_unknown_handler(const char *errors)
{
    err_format(exc_LookupError, "unknown error handler name '%s'", errors);
}

/* One UTF-8 sequence at p (n bytes available): its length and code point, or 0 with the
** reason and the length of the invalid range (CPython's decoder rules). */
static int
bytes_utf8_decode1(const unsigned char *p, ssize_t n, uint32_t *cp, const char **why,
                   int *badlen)
{
    unsigned char c = p[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int need;
    uint32_t v;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 2;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        v = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        v = c & 0x07;
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
        int bad = (cc & 0xC0) != 0x80;
        if (i == 1 && !bad)
            bad = (c == 0xE0 && cc < 0xA0) || (c == 0xED && cc > 0x9F) ||
                  (c == 0xF0 && cc < 0x90) || (c == 0xF4 && cc > 0x8F);
        if (bad) {
            *why = "invalid continuation byte";
            *badlen = i;
            return 0;
        }
        v = (v << 6) | (cc & 0x3F);
    }
    *cp = v;
    return need;
}

static Object *
bytes_decode_impl(const char *s, ssize_t n, int codec, const char *errors)
{
    int eh = bytes_error_handler(errors);
    const unsigned char *p = (const unsigned char *)s;
    ssize_t i = 0;
    while (i < n && p[i] < 0x80)
        i++;
    if (i == n)
        return str_from_ascii(s, n);
    if (codec == CODEC_LATIN1)
        return str_from_kind(1, s, n);
    if (codec == CODEC_UTF8 && eh == EH_STRICT)
        return str_from_utf8(s, n);

    StrBuilder b;
    sb_init(&b);
    for (ssize_t k = 0; k < i; k++)
        if (sb_putc(&b, p[k]) < 0)
            goto fail;
    while (i < n) {
        uint32_t cp;
        const char *why = "ordinal not in range(128)";
        int badlen = 1, k;
        if (codec == CODEC_UTF8)
            k = bytes_utf8_decode1(p + i, n - i, &cp, &why, &badlen);
        else
            k = p[i] < 0x80 ? (cp = p[i], 1) : 0;
        if (k) {
            if (sb_putc(&b, cp) < 0)
                goto fail;
            i += k;
            continue;
        }
        ssize_t start = i, end = i + badlen;
        switch (eh) {
        case EH_STRICT:
            exc_unicode_decode_error(bytes_codec_name(codec), s, n, start, end, why);
            goto fail;
        case EH_IGNORE:
            break;
        case EH_REPLACE:
            if (sb_putc(&b, 0xFFFD) < 0)
                goto fail;
            break;
        case EH_BACKSLASHREPLACE:
            for (ssize_t j = start; j < end; j++) {
                char esc[5] = {'\\', 'x', bytes_hexdigits[p[j] >> 4],
                               bytes_hexdigits[p[j] & 15], 0};
                if (sb_puts(&b, esc) < 0)
                    goto fail;
            }
            break;
        case EH_SURROGATEESCAPE:
            for (ssize_t j = start; j < end; j++)
                if (sb_putc(&b, 0xDC00u + p[j]) < 0)
                    goto fail;
            break;
        case EH_SURROGATEPASS:
            /* utf-8 only: an encoded surrogate ED A0..BF 80..BF */
            if (codec == CODEC_UTF8 && n - i >= 3 && p[i] == 0xED && (p[i + 1] & 0xE0) == 0xA0 &&
                (p[i + 2] & 0xC0) == 0x80) {
                uint32_t sc = 0xD000u | ((uint32_t)(p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
                if (sb_putc(&b, sc) < 0)
                    goto fail;
                end = i + 3;
                break;
            }
            exc_unicode_decode_error(bytes_codec_name(codec), s, n, start, end, why);
            goto fail;
        case EH_UNKNOWN:
            bytes_unknown_handler(errors);
            goto fail;
        default:
            err_set(exc_TypeError,
                    "don't know how to handle UnicodeDecodeError in error callback");
            goto fail;
        }
        i = end;
    }
    return sb_finish(&b);
fail:
    sb_discard(&b);
    return NULL;
}

Object *
bytes_decode_obj(Object *b, const char *encoding, const char *errors)
{
    BView v;
    if (!bytes_view(b, &v))
        return err_format(exc_TypeError, "decoding to str: need a bytes-like object, %s found",
                          TYPE(b)->name);
    if (v.len == 0)
        return str_empty();     /* as CPython: no codec lookup for empty input */
    if (!encoding)
        encoding = "utf-8";
    int codec = bytes_codec_lookup(encoding);
    if (codec == CODEC_UNKNOWN)
        return err_format(exc_LookupError, "unknown encoding: %s", encoding);
    return bytes_decode_impl(v.buf, v.len, codec, errors);
}

static int
bytes_put_backslash_escape(Buf *out, uint32_t ch)
{
    char tmp[16];
    if (ch < 0x100)
        snprintf(tmp, sizeof tmp, "\\x%02x", ch);
    else if (ch < 0x10000)
        snprintf(tmp, sizeof tmp, "\\u%04x", ch);
    else
        snprintf(tmp, sizeof tmp, "\\U%08x", ch);
    return buf_puts(out, tmp);
}

Object *
bytes_encode_str(Object *s, const char *encoding, const char *errors)
{
    if (!encoding)
        encoding = "utf-8";
    int codec = bytes_codec_lookup(encoding);
    if (codec == CODEC_UNKNOWN)
        return err_format(exc_LookupError, "unknown encoding: %s", encoding);
    ssize_t len = STR_LEN(s);
    if (STR_IS_ASCII(s))
        return bytes_from_buf(STR_ASCII(s), len);
    int kind = STR_KIND(s);
    const void *data = STR_DATA(s);
    uint32_t limit = codec == CODEC_ASCII ? 0x80 : codec == CODEC_LATIN1 ? 0x100 : 0x110000;
    const char *reason = codec == CODEC_ASCII   ? "ordinal not in range(128)"
                         : codec == CODEC_LATIN1 ? "ordinal not in range(256)"
                                                 : "surrogates not allowed";
    int eh = bytes_error_handler(errors);
    Buf out;
    buf_init(&out);
    ssize_t i = 0;
    while (i < len) {
        uint32_t ch = STR_READ(kind, data, i);
        int bad = codec == CODEC_UTF8 ? (ch >= 0xD800 && ch <= 0xDFFF) : ch >= limit;
        if (!bad) {
            int rc = codec == CODEC_UTF8 ? buf_put_utf8_char(&out, ch)
                                         : buf_putc(&out, (char)(unsigned char)ch);
            if (rc < 0)
                goto fail;
            i++;
            continue;
        }
        /* the run of characters this codec cannot encode */
        ssize_t end = i + 1;
        while (end < len) {
            uint32_t c2 = STR_READ(kind, data, end);
            if (codec == CODEC_UTF8 ? !(c2 >= 0xD800 && c2 <= 0xDFFF) : c2 < limit)
                break;
            end++;
        }
        for (ssize_t j = i; j < end; j++) {
            uint32_t c = STR_READ(kind, data, j);
            int rc = 0;
            char tmp[24];
            switch (eh) {
            case EH_IGNORE:
                break;
            case EH_REPLACE:
                rc = buf_putc(&out, '?');
                break;
            case EH_BACKSLASHREPLACE:
                rc = bytes_put_backslash_escape(&out, c);
                break;
            case EH_XMLCHARREFREPLACE:
                snprintf(tmp, sizeof tmp, "&#%u;", c);
                rc = buf_puts(&out, tmp);
                break;
            case EH_SURROGATEESCAPE:
                if (c < 0xDC80 || c > 0xDCFF)
                    goto strict;
                rc = buf_putc(&out, (char)(unsigned char)(c - 0xDC00));
                break;
            case EH_SURROGATEPASS:
                if (codec != CODEC_UTF8 || c < 0xD800 || c > 0xDFFF)
                    goto strict;
                {
                    char t3[3] = {(char)(0xE0 | (c >> 12)), (char)(0x80 | ((c >> 6) & 0x3F)),
                                  (char)(0x80 | (c & 0x3F))};
                    rc = buf_append(&out, t3, 3);
                }
                break;
            case EH_UNKNOWN:
                bytes_unknown_handler(errors);
                goto fail;
            default:
                goto strict;
            }
            if (rc < 0)
                goto fail;
        }
        i = end;
        continue;
    strict:
        exc_unicode_encode_error(bytes_codec_name(codec), s, i, end, reason);
        goto fail;
    }
    Object *r = bytes_from_buf(out.data ? out.data : "", (ssize_t)out.len);
    buf_free(&out);
    return r;
fail:
    buf_free(&out);
    return NULL;
}

/* encoding/errors arguments of decode() and the constructors: str or absent. */
static int
bytes_str_arg(const char *fname, const char *argname, Object *o, const char **out)
{
    if (!o)
        return 0;
    if (!STR_CHECK(o)) {
        err_format(exc_TypeError, "%s() argument '%s' must be str, not %s", fname, argname,
                   TYPE(o)->name);
        return -1;
    }
    ssize_t n;
    const char *s = str_as_utf8(o, &n);
    if (!s)
        return -1;
    if ((ssize_t)strlen(s) != n) {
        err_set(exc_ValueError, "embedded null character");
        return -1;
    }
    *out = s;
    return 0;
}

static Object *
bytes_decode_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"encoding", "errors", NULL};
    static const char *const ba_names[] = {"encoding", "errors", NULL};
    Object *argv[2] = {NULL, NULL};
    const char *const *kw = BA_CHECK(self) ? ba_names : names;
    if (arg_parse_clinic("decode", args, (size_t)nargs, kwnames, kw, 0, 0, 0, argv) < 0)
        return NULL;
    const char *enc = "utf-8", *errs = NULL;
    if (bytes_str_arg("decode", "encoding", argv[0], &enc) < 0 ||
        bytes_str_arg("decode", "errors", argv[1], &errs) < 0)
        return NULL;
    return bytes_decode_obj(self, enc, errs);
}

/* ================================================================ sequence protocol */

static ssize_t
bytes_length(Object *self)
{
    return SIZE(self);
}

static Object *
bytes_item(Object *self, ssize_t i)
{
    if (i < 0 || i >= BYTES_LEN(self))
        return err_set(exc_IndexError, "index out of range");
    return int_from_long((unsigned char)BYTES_DATA(self)[i]);
}

static Object *
bytearray_item(Object *self, ssize_t i)
{
    if (i < 0 || i >= BYTEARRAY_LEN(self))
        return err_set(exc_IndexError, "bytearray index out of range");
    return int_from_long((unsigned char)BYTEARRAY_DATA(self)[i]);
}

static Object *
bytes_subscript_common(Object *self, Object *key, int is_ba)
{
    BView v;
    self_view(self, &v);
    if (index_check(key)) {
        ssize_t i = num_as_ssize(key, exc_IndexError);
        if (i == -1 && err_occurred())
            return NULL;
        if (i < 0)
            i += v.len;
        return is_ba ? bytearray_item(self, i) : bytes_item(self, i);
    }
    if (TYPE(key) == &slice_type) {
        ssize_t start, stop, step, n;
        if (slice_unpack_indices(key, v.len, &start, &stop, &step, &n) < 0)
            return NULL;
        self_view(self, &v);        /* __index__ of the slice bounds may have run code */
        if (n <= 0)
            return bres(self, "", 0);
        if (step == 1) {
            if (!is_ba && start == 0 && n == v.len && BYTES_CHECK_EXACT(self))
                return newref(self);
            return bres(self, v.buf + start, n);
        }
        char *out;
        Object *r = bres_uninit(self, n, &out);
        if (!r)
            return NULL;
        for (ssize_t i = 0, cur = start; i < n; i++, cur += step)
            out[i] = v.buf[cur];
        if (!is_ba && n == 1) {
            Object *c = bytes_get_char((unsigned char)out[0]);
            decref(r);
            return c;
        }
        return r;
    }
    return err_format(exc_TypeError, "%s indices must be integers or slices, not %s",
                      is_ba ? "bytearray" : "byte", TYPE(key)->name);
}

static Object *
bytes_subscript(Object *self, Object *key)
{
    return bytes_subscript_common(self, key, 0);
}

static Object *
bytearray_subscript(Object *self, Object *key)
{
    return bytes_subscript_common(self, key, 1);
}

static int
bytes_sq_contains(Object *self, Object *arg)
{
    return bytes_contains_impl(self, arg);
}

static Object *
bytes_concat(Object *a, Object *b)
{
    BView va, vb;
    if (!bytes_view(a, &va) || !bytes_view(b, &vb))
        return err_format(exc_TypeError, "can't concat %s to %s", TYPE(b)->name,
                          TYPE(a)->name);
    if (vb.len == 0 && BYTES_CHECK_EXACT(a))
        return newref(a);
    if (va.len > SSIZE_MAX - vb.len)
        return err_no_memory();
    Object *r = bytes_new_uninit(va.len + vb.len);
    if (!r)
        return NULL;
    if (va.len)
        memcpy(BYTES_DATA(r), va.buf, (size_t)va.len);
    if (vb.len)
        memcpy(BYTES_DATA(r) + va.len, vb.buf, (size_t)vb.len);
    if (BYTES_LEN(r) == 1) {
        Object *c = bytes_get_char((unsigned char)BYTES_DATA(r)[0]);
        decref(r);
        return c;
    }
    return r;
}

static Object *
bytes_repeat(Object *self, ssize_t n)
{
    ssize_t len = BYTES_LEN(self);
    if (n < 0)
        n = 0;
    if (n == 1 && BYTES_CHECK_EXACT(self))
        return newref(self);
    if (n > 0 && len > SSIZE_MAX / n)
        return err_set(exc_OverflowError, "repeated bytes are too long");
    ssize_t size = len * n;
    if (size == 0)
        return bytes_get_empty();
    if (size == 1)
        return bytes_get_char((unsigned char)BYTES_DATA(self)[0]);
    Object *r = bytes_alloc(&bytes_type, size);
    if (!r)
        return NULL;
    char *d = BYTES_DATA(r);
    if (len == 1) {
        memset(d, BYTES_DATA(self)[0], (size_t)size);
    } else {
        memcpy(d, BYTES_DATA(self), (size_t)len);
        ssize_t done = len;
        while (done < size) {
            ssize_t chunk = done <= size - done ? done : size - done;
            memcpy(d + done, d, (size_t)chunk);
            done += chunk;
        }
    }
    return r;
}

static Object *
bytearray_concat(Object *a, Object *b)
{
    BView va, vb;
    if (!bytes_view(a, &va) || !bytes_view(b, &vb))
        return err_format(exc_TypeError, "can't concat %s to %s", TYPE(b)->name,
                          TYPE(a)->name);
    if (va.len > SSIZE_MAX - vb.len)
        return err_no_memory();
    Object *r = bytearray_from_buf(NULL, va.len + vb.len);
    if (!r)
        return NULL;
    if (va.len)
        memcpy(BYTEARRAY_DATA(r), va.buf, (size_t)va.len);
    if (vb.len)
        memcpy(BYTEARRAY_DATA(r) + va.len, vb.buf, (size_t)vb.len);
    return r;
}

static void
bytes_fill_repeat(char *d, ssize_t size, const char *src, ssize_t len)
{
    if (size == 0 || len == 0)
        return;
    if (len == 1) {
        memset(d, src[0], (size_t)size);
        return;
    }
    if (d != src)
        memcpy(d, src, (size_t)len);
    ssize_t done = len;
    while (done < size) {
        ssize_t chunk = done <= size - done ? done : size - done;
        memcpy(d + done, d, (size_t)chunk);
        done += chunk;
    }
}

static Object *
bytearray_repeat(Object *self, ssize_t n)
{
    ssize_t len = BYTEARRAY_LEN(self);
    if (n < 0)
        n = 0;
    if (n > 0 && len > SSIZE_MAX / n)
        return err_no_memory();
    Object *r = bytearray_from_buf(NULL, len * n);
    if (r)
        bytes_fill_repeat(BYTEARRAY_DATA(r), len * n, BYTEARRAY_DATA(self), len);
    return r;
}

static Object *
bytearray_iconcat(Object *self, Object *other)
{
    BView vo;
    if (!bytes_view(other, &vo))
        return err_format(exc_TypeError, "can't concat %s to %s", TYPE(other)->name,
                          TYPE(self)->name);
    if (other == self) {
        /* CPython holds a buffer export of other while resizing self */
        err_set(exc_BufferError, "Existing exports of data: object cannot be re-sized");
        return NULL;
    }
    ssize_t size = BYTEARRAY_LEN(self);
    if (size > SSIZE_MAX - vo.len)
        return err_no_memory();
    if (bytearray_resize(self, size + vo.len) < 0)
        return NULL;
    if (vo.len)
        memcpy(BYTEARRAY_DATA(self) + size, vo.buf, (size_t)vo.len);
    return newref(self);
}

static Object *
bytearray_irepeat(Object *self, ssize_t count)
{
    ssize_t mysize = BYTEARRAY_LEN(self);
    if (count < 0)
        count = 0;
    if (count > 0 && mysize > SSIZE_MAX / count)
        return err_no_memory();
    ssize_t size = mysize * count;
    if (bytearray_resize(self, size) < 0)
        return NULL;
    bytes_fill_repeat(BYTEARRAY_DATA(self), size, BYTEARRAY_DATA(self), mysize);
    return newref(self);
}

/* ================================================================ comparison, hash */

static Object *
bytes_cmp_result(ssize_t c, int op)
{
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

static Object *
bytes_richcompare(Object *a, Object *b, int op)
{
    if (!BYTES_CHECK(a) || !BYTES_CHECK(b))
        return newref(NotImplemented);
    if (a == b)
        return bool_from(op == CMP_EQ || op == CMP_LE || op == CMP_GE);
    ssize_t la = BYTES_LEN(a), lb = BYTES_LEN(b);
    if (op == CMP_EQ || op == CMP_NE) {
        int eq = la == lb && memcmp(BYTES_DATA(a), BYTES_DATA(b), (size_t)la) == 0;
        return bool_from(op == CMP_EQ ? eq : !eq);
    }
    ssize_t min = la < lb ? la : lb;
    int c = min > 0 ? memcmp(BYTES_DATA(a), BYTES_DATA(b), (size_t)min) : 0;
    if (c != 0)
        return bytes_cmp_result(c, op);
    return bytes_cmp_result(la < lb ? -1 : la > lb ? 1 : 0, op);
}

static Object *
bytearray_richcompare(Object *a, Object *b, int op)
{
    BView va, vb;
    if (!bytes_view(a, &va) || !bytes_view(b, &vb))
        return newref(NotImplemented);
    if (va.len != vb.len && (op == CMP_EQ || op == CMP_NE))
        return bool_from(op == CMP_NE);
    ssize_t min = va.len < vb.len ? va.len : vb.len;
    int c = min > 0 ? memcmp(va.buf, vb.buf, (size_t)min) : 0;
    if (c == 0)
        return bytes_cmp_result(va.len < vb.len ? -1 : va.len > vb.len ? 1 : 0, op);
    return bytes_cmp_result(c, op);
}

static hash_t
bytes_hash_slot(Object *o)
{
    return bytes_hash(o);
}

/* ================================================================ iterators */

typedef struct BytesIterObject {
    OBJECT_HEAD;
    ssize_t index;
    Object *seq;                /* NULL once exhausted */
} BytesIterObject;

static void
bytesiter_dealloc(Object *o)
{
    gc_untrack(o);
    xdecref(((BytesIterObject *)o)->seq);
    obj_free(o);
}

static int
bytesiter_traverse(Object *o, visitproc visit, void *arg)
{
    OBJ_VISIT(((BytesIterObject *)o)->seq);
    return 0;
}

static Object *
bytesiter_next(Object *o)
{
    BytesIterObject *it = (BytesIterObject *)o;
    Object *seq = it->seq;
    if (!seq)
        return NULL;
    BView v;
    self_view(seq, &v);
    if (it->index < v.len)
        return int_from_long((unsigned char)v.buf[it->index++]);
    it->seq = NULL;
    decref(seq);
    return NULL;
}

static Object *
bytesiter_self(Object *o)
{
    return newref(o);
}

static Object *
bytesiter_length_hint(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    BytesIterObject *it = (BytesIterObject *)self;
    ssize_t n = 0;
    if (it->seq) {
        BView v;
        self_view(it->seq, &v);
        n = v.len - it->index;
        if (n < 0)
            n = 0;
    }
    return int_from_ssize(n);
}

static const MethodDef bytesiter_methods[] = {
    {"__length_hint__", bytesiter_length_hint, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

TypeObject bytesiter_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "bytes_iterator",
    .basicsize = sizeof(BytesIterObject),
    .flags = TPFLAG_GC,
    .dealloc = bytesiter_dealloc,
    .traverse = bytesiter_traverse,
    .getattro = obj_generic_getattr,
    .iter = bytesiter_self,
    .iternext = bytesiter_next,
    .methods = bytesiter_methods,
};

TypeObject bytearrayiter_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "bytearray_iterator",
    .basicsize = sizeof(BytesIterObject),
    .flags = TPFLAG_GC,
    .dealloc = bytesiter_dealloc,
    .traverse = bytesiter_traverse,
    .getattro = obj_generic_getattr,
    .iter = bytesiter_self,
    .iternext = bytesiter_next,
    .methods = bytesiter_methods,
};

static Object *
bytes_iter_common(Object *self, TypeObject *t)
{
    if (!(t->flags & TPFLAG_READY) && type_ready(t) < 0)
        return NULL;
    BytesIterObject *it = (BytesIterObject *)obj_alloc(t, 0);
    if (!it)
        return NULL;
    it->seq = newref(self);
    it->index = 0;
    gc_track((Object *)it);
    return (Object *)it;
}

static Object *
bytes_iter(Object *self)
{
    return bytes_iter_common(self, &bytesiter_type);
}

static Object *
bytearray_iter(Object *self)
{
    return bytes_iter_common(self, &bytearrayiter_type);
}

/* ================================================================ constructors */

/* Bytes from a list/tuple/iterable of ints ("bytes must be in range(0, 256)"). */
static Object *
bytes_from_iterable_of_ints(Object *x)
{
    Buf b;
    buf_init(&b);
    Object *it = NULL;
    if (LIST_CHECK_EXACT(x) || TUPLE_CHECK_EXACT(x)) {
        for (ssize_t i = 0;; i++) {
            /* re-read the length: an __index__ may shrink the list */
            ssize_t n = LIST_CHECK_EXACT(x) ? LIST_LEN(x) : TUPLE_LEN(x);
            if (i >= n)
                break;
            Object *item = LIST_CHECK_EXACT(x) ? LIST_GET(x, i) : TUPLE_GET(x, i);
            incref(item);
            ssize_t v = num_as_ssize(item, NULL);
            decref(item);
            if (v == -1 && err_occurred())
                goto fail;
            if (v < 0 || v >= 256) {
                err_set(exc_ValueError, "bytes must be in range(0, 256)");
                goto fail;
            }
            if (buf_putc(&b, (char)v) < 0)
                goto fail;
        }
    } else {
        it = obj_get_iter(x);
        if (!it) {
            if (err_matches(exc_TypeError)) {
                err_clear();
                err_format(exc_TypeError, "cannot convert '%s' object to bytes",
                           TYPE(x)->name);
            }
            goto fail;
        }
        Object *item;
        while ((item = obj_iter_next(it)) != NULL) {
            ssize_t v = num_as_ssize(item, NULL);
            decref(item);
            if (v == -1 && err_occurred())
                goto fail;
            if (v < 0 || v >= 256) {
                err_set(exc_ValueError, "bytes must be in range(0, 256)");
                goto fail;
            }
            if (buf_putc(&b, (char)v) < 0)
                goto fail;
        }
        if (err_occurred())
            goto fail;
        decref(it);
        it = NULL;
    }
    Object *r = bytes_from_buf(b.data ? b.data : "", (ssize_t)b.len);
    buf_free(&b);
    return r;
fail:
    xdecref(it);
    buf_free(&b);
    return NULL;
}

/* PyBytes_FromObject: bytes, a bytes-like object, or an iterable of ints. */
static Object *
bytes_from_object(Object *x)
{
    if (BYTES_CHECK_EXACT(x))
        return newref(x);
    BView v;
    if (bytes_view(x, &v)) {
        /* the buffer path never hands out the one-byte singletons (3.11) */
        if (v.len == 0)
            return bytes_get_empty();
        Object *r = bytes_alloc(&bytes_type, v.len);
        if (r)
            memcpy(BYTES_DATA(r), v.buf, (size_t)v.len);
        return r;
    }
    if (STR_CHECK(x))
        return err_format(exc_TypeError, "cannot convert '%s' object to bytes", TYPE(x)->name);
    return bytes_from_iterable_of_ints(x);
}

/* Copy the exact bytes 'tmp' into an instance of the subclass t (steals tmp). */
static Object *
bytes_subtype_new(TypeObject *t, Object *tmp)
{
    ssize_t n = BYTES_LEN(tmp);
    Object *r = bytes_alloc(t, n);
    if (r && n)
        memcpy(BYTES_DATA(r), BYTES_DATA(tmp), (size_t)n);
    decref(tmp);
    if (r && (t->flags & TPFLAG_GC))
        gc_track(r);
    return r;
}

static Object *
bytes_new_impl(TypeObject *type, Object *x, Object *oenc, Object *oerr)
{
    const char *encoding = NULL, *errors = NULL;
    if (bytes_str_arg("bytes", "encoding", oenc, &encoding) < 0 ||
        bytes_str_arg("bytes", "errors", oerr, &errors) < 0)
        return NULL;
    Object *bytes;
    if (!x) {
        if (encoding || errors)
            return err_set(exc_TypeError, encoding ? "encoding without a string argument"
                                                   : "errors without a string argument");
        bytes = bytes_get_empty();
    } else if (encoding) {
        if (!STR_CHECK(x))
            return err_set(exc_TypeError, "encoding without a string argument");
        bytes = bytes_encode_str(x, encoding, errors);
    } else if (errors) {
        return err_set(exc_TypeError, STR_CHECK(x) ? "string argument without an encoding"
                                                   : "errors without a string argument");
    } else if (type_lookup(TYPE(x), ID(__bytes__))) {
        bytes = type_call_special(x, ID(__bytes__), NULL, 0);
        if (!bytes)
            return NULL;
        if (!BYTES_CHECK(bytes)) {
            err_format(exc_TypeError, "__bytes__ returned non-bytes (type %s)",
                       TYPE(bytes)->name);
            decref(bytes);
            return NULL;
        }
    } else if (STR_CHECK(x)) {
        return err_set(exc_TypeError, "string argument without an encoding");
    } else if (index_check(x)) {
        ssize_t size = num_as_ssize(x, exc_OverflowError);
        if (size == -1 && err_occurred()) {
            if (!err_matches(exc_TypeError))
                return NULL;
            err_clear();
            bytes = bytes_from_object(x);
        } else {
            if (size < 0)
                return err_set(exc_ValueError, "negative count");
            bytes = size == 0 ? bytes_get_empty() : bytes_alloc(&bytes_type, size);
        }
    } else {
        bytes = bytes_from_object(x);
    }
    if (bytes && type != &bytes_type)
        return bytes_subtype_new(type, bytes);
    return bytes;
}

static const char *const bytes_new_kw[] = {"source", "encoding", "errors", NULL};

static Object *
bytes_new_vc(Object *type, Object *const *args, size_t nargs, Object *kwnames)
{
    Object *argv[3] = {NULL, NULL, NULL};
    if (arg_parse_clinic("bytes", args, nargs, kwnames, bytes_new_kw, 0, 0, 0, argv) < 0)
        return NULL;
    return bytes_new_impl((TypeObject *)type, argv[0], argv[1], argv[2]);
}

static Object *
bytes_vectorcall(Object *type, Object *const *args, size_t nargs, Object *kwnames)
{
    /* bytes has no tp_vectorcall in CPython 3.11: the call packs a tuple (and dict) */
    Object *targs, *tkw;
    if (arg_pack_like_cpython(args, nargs, kwnames, &targs, &tkw) < 0)
        return NULL;
    Object *r = bytes_new_vc(type, args, nargs, kwnames);
    decref(targs);
    xdecref(tkw);
    return r;
}

/* (args tuple, kwargs dict) -> the vectorcall form, for the tp_new/tp_init slots. */
static Object *
bytes_call_with_tuple(Object *callable, Object *args, Object *kwds,
                      Object *(*f)(Object *, Object *const *, size_t, Object *))
{
    ssize_t na = args ? TUPLE_LEN(args) : 0;
    ssize_t nk = kwds ? DICT_LEN(kwds) : 0;
    Object *stack[8];
    if (na + nk > 8)
        return err_format(exc_TypeError, "%s() takes at most 3 arguments (%zd given)",
                          TYPE_CHECK(callable) ? ((TypeObject *)callable)->name
                                               : TYPE(callable)->name,
                          na + nk);
    Object *kwnames;
    if (arg_stack_from_tuple_dict(args, kwds, stack, &kwnames) < 0)
        return NULL;
    Object *r = f(callable, stack, (size_t)na, kwnames);
    arg_kwnames_release(kwnames);
    return r;
}

static Object *
bytes_tp_new(TypeObject *type, Object *args, Object *kwds)
{
    return bytes_call_with_tuple((Object *)type, args, kwds, bytes_new_vc);
}

/* bytearray.__init__(source, encoding, errors): CPython 3.11's bytearray___init___impl,
** including its size growth (list/tuple: exact; other iterables: append by append). */
static int
bytearray_init_impl(Object *self, Object *arg, Object *oenc, Object *oerr)
{
    const char *encoding = NULL, *errors = NULL;
    if (bytes_str_arg("bytearray", "encoding", oenc, &encoding) < 0 ||
        bytes_str_arg("bytearray", "errors", oerr, &errors) < 0)
        return -1;
    if (SIZE(self) != 0 && bytearray_resize(self, 0) < 0)
        return -1;
    if (!arg) {
        if (encoding || errors) {
            err_set(exc_TypeError, encoding ? "encoding without a string argument"
                                            : "errors without a string argument");
            return -1;
        }
        return 0;
    }
    if (STR_CHECK(arg)) {
        if (!encoding) {
            err_set(exc_TypeError, "string argument without an encoding");
            return -1;
        }
        Object *encoded = bytes_encode_str(arg, encoding, errors);
        if (!encoded)
            return -1;
        Object *r = bytearray_iconcat(self, encoded);
        decref(encoded);
        if (!r)
            return -1;
        decref(r);
        return 0;
    }
    if (encoding || errors) {
        err_set(exc_TypeError, encoding ? "encoding without a string argument"
                                        : "errors without a string argument");
        return -1;
    }
    if (index_check(arg)) {
        ssize_t count = num_as_ssize(arg, exc_OverflowError);
        if (count == -1 && err_occurred()) {
            if (!err_matches(exc_TypeError))
                return -1;
            err_clear();
        } else {
            if (count < 0) {
                err_set(exc_ValueError, "negative count");
                return -1;
            }
            if (count > 0) {
                if (bytearray_resize(self, count) < 0)
                    return -1;
                memset(BYTEARRAY_DATA(self), 0, (size_t)count);
            }
            return 0;
        }
    }
    BView v;
    if (bytes_view(arg, &v)) {
        if (arg == self)
            return 0;       /* emptied above */
        if (bytearray_resize(self, v.len) < 0)
            return -1;
        bytes_view(arg, &v);
        if (v.len)
            memcpy(BYTEARRAY_DATA(self), v.buf, (size_t)v.len);
        return 0;
    }
    if (LIST_CHECK_EXACT(arg) || TUPLE_CHECK_EXACT(arg)) {
        /* exact ints only: size to fit at once; anything else takes the slow path */
        int is_list = LIST_CHECK_EXACT(arg);
        ssize_t size = is_list ? LIST_LEN(arg) : TUPLE_LEN(arg);
        if (bytearray_resize(self, size) < 0)
            return -1;
        ssize_t i;
        for (i = 0; i < size; i++) {
            Object *item = is_list ? LIST_GET(arg, i) : TUPLE_GET(arg, i);
            if (!INT_CHECK_EXACT(item))
                break;
            int value;
            if (bytes_byte_value(item, &value) < 0)
                return -1;
            BYTEARRAY_DATA(self)[i] = (char)value;
        }
        if (i == size)
            return 0;
        if (SIZE(self) != 0 && bytearray_resize(self, 0) < 0)
            return -1;
    }
    Object *it = obj_get_iter(arg);
    if (!it) {
        if (err_matches(exc_TypeError)) {
            err_clear();
            err_format(exc_TypeError, "cannot convert '%s' object to bytearray",
                       TYPE(arg)->name);
        }
        return -1;
    }
    Object *item;
    while ((item = obj_iter_next(it)) != NULL) {
        int value;
        int rc = bytes_byte_value(item, &value);
        decref(item);
        if (rc < 0)
            goto error;
        ssize_t n = SIZE(self);
        if (n + 1 < BA(self)->alloc) {
            SIZE(self) = n + 1;
            BYTEARRAY_DATA(self)[n + 1] = '\0';
        } else if (bytearray_resize(self, n + 1) < 0) {
            goto error;
        }
        BYTEARRAY_DATA(self)[n] = (char)value;
    }
    if (err_occurred())
        goto error;
    decref(it);
    return 0;
error:
    decref(it);
    return -1;
}

static Object *
bytearray_init_vc(Object *self, Object *const *args, size_t nargs, Object *kwnames)
{
    /* its own names array: CPython's bytes() and bytearray() parsers are two, each
    ** building its keyword tuple on its first keyword call */
    static const char *const bytearray_init_kw[] = {"source", "encoding", "errors", NULL};
    Object *argv[3] = {NULL, NULL, NULL};
    if (arg_parse_clinic("bytearray", args, nargs, kwnames, bytearray_init_kw, 0, 0, 0, argv) < 0)
        return NULL;
    if (bytearray_init_impl(self, argv[0], argv[1], argv[2]) < 0)
        return NULL;
    return newref(None);
}

static int
bytearray_tp_init(Object *self, Object *args, Object *kwds)
{
    Object *r = bytes_call_with_tuple(self, args, kwds, bytearray_init_vc);
    if (!r)
        return -1;
    decref(r);
    return 0;
}

static Object *
bytearray_tp_new(TypeObject *type, Object *args, Object *kwds)
{
    Object *o = bytearray_alloc(type);
    if (o && (type->flags & TPFLAG_GC))
        gc_track(o);
    return o;
}

static Object *
bytearray_vectorcall(Object *type, Object *const *args, size_t nargs, Object *kwnames)
{
    /* bytearray has no tp_vectorcall in CPython 3.11: the call packs a tuple (and dict) */
    Object *targs, *tkw;
    if (arg_pack_like_cpython(args, nargs, kwnames, &targs, &tkw) < 0)
        return NULL;
    Object *self = bytearray_tp_new((TypeObject *)type, NULL, NULL);
    Object *r = self ? bytearray_init_vc(self, args, nargs, kwnames) : NULL;
    decref(targs);
    xdecref(tkw);
    if (!r) {
        xdecref(self);
        return NULL;
    }
    decref(r);
    return self;
}

/* ================================================================ shared methods */

static Object *
bytes_join(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *iterable = args[0];
    Object *seq;
    if (LIST_CHECK_EXACT(iterable) || TUPLE_CHECK_EXACT(iterable)) {
        seq = newref(iterable);
    } else {
        Object *it = obj_get_iter(iterable);
        if (!it) {
            if (err_matches(exc_TypeError)) {
                err_clear();
                err_set(exc_TypeError, "can only join an iterable");
            }
            return NULL;
        }
        decref(it);
        seq = list_from_iterable(iterable);
        if (!seq)
            return NULL;
    }
    int is_list = LIST_CHECK(seq);
    ssize_t n = is_list ? LIST_LEN(seq) : TUPLE_LEN(seq);
    Object **items = is_list ? LIST_ITEMS(seq) : TUPLE_ITEMS(seq);
    Object *r = NULL;
    if (n == 0) {
        r = bres(self, "", 0);
        goto done;
    }
    if (n == 1 && BYTES_CHECK_EXACT(items[0]) && !BA_CHECK(self)) {
        r = newref(items[0]);
        goto done;
    }
    BView sep;
    self_view(self, &sep);
    ssize_t total = 0;
    for (ssize_t i = 0; i < n; i++) {
        BView v;
        if (!bytes_view(items[i], &v)) {
            err_format(exc_TypeError, "sequence item %zd: expected a bytes-like object, %s found",
                       i, TYPE(items[i])->name);
            goto done;
        }
        if (v.len > SSIZE_MAX - total) {
            err_set(exc_OverflowError, "join() result is too long");
            goto done;
        }
        total += v.len;
        if (i > 0) {
            if (sep.len > SSIZE_MAX - total) {
                err_set(exc_OverflowError, "join() result is too long");
                goto done;
            }
            total += sep.len;
        }
    }
    char *out;
    r = bres_uninit(self, total, &out);
    if (!r)
        goto done;
    ssize_t pos = 0;
    for (ssize_t i = 0; i < n; i++) {
        BView v;
        bytes_view(items[i], &v);
        if (i > 0 && sep.len) {
            memcpy(out + pos, sep.buf, (size_t)sep.len);
            pos += sep.len;
        }
        if (v.len)
            memcpy(out + pos, v.buf, (size_t)v.len);
        pos += v.len;
    }
    if (!BA_CHECK(self) && total == 1) {
        Object *c = bytes_get_char((unsigned char)out[0]);
        decref(r);
        r = c;
    }
done:
    decref(seq);
    return r;
}

/* lower, upper, swapcase, title, capitalize: byte-wise ASCII case mapping */
enum { CASE_LOWER, CASE_UPPER, CASE_SWAP, CASE_TITLE, CASE_CAPITALIZE };

static Object *
bytes_case_map(Object *self, int how)
{
    BView v;
    self_view(self, &v);
    char *out;
    Object *r = bres_uninit(self, v.len, &out);
    if (!r)
        return NULL;
    int prev_cased = 0;
    for (ssize_t i = 0; i < v.len; i++) {
        unsigned char c = (unsigned char)v.buf[i];
        switch (how) {
        case CASE_LOWER:
            c = bytes_tolower(c);
            break;
        case CASE_UPPER:
            c = bytes_toupper(c);
            break;
        case CASE_SWAP:
            c = bytes_isupper(c) ? bytes_tolower(c) : bytes_toupper(c);
            break;
        case CASE_TITLE:
            if (bytes_islower(c)) {
                if (!prev_cased)
                    c = bytes_toupper(c);
                prev_cased = 1;
            } else if (bytes_isupper(c)) {
                if (prev_cased)
                    c = bytes_tolower(c);
                prev_cased = 1;
            } else {
                prev_cased = 0;
            }
            break;
        default:
            c = i == 0 ? bytes_toupper(c) : bytes_tolower(c);
            break;
        }
        out[i] = (char)c;
    }
    if (!BA_CHECK(self) && v.len == 1) {
        Object *c = bytes_get_char((unsigned char)out[0]);
        decref(r);
        return c;
    }
    return r;
}

static Object *
bytes_lower(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytes_case_map(self, CASE_LOWER);
}

static Object *
bytes_upper(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytes_case_map(self, CASE_UPPER);
}

static Object *
bytes_swapcase(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytes_case_map(self, CASE_SWAP);
}

static Object *
bytes_title(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytes_case_map(self, CASE_TITLE);
}

static Object *
bytes_capitalize(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytes_case_map(self, CASE_CAPITALIZE);
}

/* isdigit, isalpha, ...: every byte satisfies pred and there is at least one. */
static Object *
bytes_is_all(Object *self, int (*pred)(unsigned char))
{
    BView v;
    self_view(self, &v);
    if (v.len == 0)
        return bool_from(0);
    for (ssize_t i = 0; i < v.len; i++)
        if (!pred((unsigned char)v.buf[i]))
            return bool_from(0);
    return bool_from(1);
}

static int
bytes_isalnum_c(unsigned char c)
{
    return bytes_isalpha(c) || bytes_isdigit(c);
}

static Object *
bytes_isdigit_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytes_is_all(self, bytes_isdigit);
}

static Object *
bytes_isalpha_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytes_is_all(self, bytes_isalpha);
}

static Object *
bytes_isspace_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytes_is_all(self, bytes_isspace);
}

static Object *
bytes_isalnum_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytes_is_all(self, bytes_isalnum_c);
}

static Object *
bytes_isascii_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    BView v;
    self_view(self, &v);
    for (ssize_t i = 0; i < v.len; i++)
        if ((unsigned char)v.buf[i] >= 0x80)
            return bool_from(0);
    return bool_from(1);
}

/* isupper / islower: at least one cased byte and none of the other case. */
static Object *
bytes_iscase(Object *self, int upper)
{
    BView v;
    self_view(self, &v);
    int cased = 0;
    for (ssize_t i = 0; i < v.len; i++) {
        unsigned char c = (unsigned char)v.buf[i];
        if (upper ? bytes_islower(c) : bytes_isupper(c))
            return bool_from(0);
        if (upper ? bytes_isupper(c) : bytes_islower(c))
            cased = 1;
    }
    return bool_from(cased);
}

static Object *
bytes_isupper_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytes_iscase(self, 1);
}

static Object *
bytes_islower_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytes_iscase(self, 0);
}

static Object *
bytes_istitle_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    BView v;
    self_view(self, &v);
    int cased = 0, previous_is_cased = 0;
    for (ssize_t i = 0; i < v.len; i++) {
        unsigned char c = (unsigned char)v.buf[i];
        if (bytes_isupper(c)) {
            if (previous_is_cased)
                return bool_from(0);
            previous_is_cased = 1;
            cased = 1;
        } else if (bytes_islower(c)) {
            if (!previous_is_cased)
                return bool_from(0);
            previous_is_cased = 1;
            cased = 1;
        } else {
            previous_is_cased = 0;
        }
    }
    return bool_from(cased);
}

/* strip family: chars is None (ASCII whitespace) or bytes-like. */
static Object *
bytes_do_strip(Object *self, Object *const *args, ssize_t nargs, const char *fname,
               int left, int right)
{
    if (arg_check_count(fname, (size_t)nargs, 0, 1) < 0)
        return NULL;
    BView chars = {NULL, 0};
    int use_ws = nargs == 0 || args[0] == None;
    if (!use_ws && bytes_view_required(args[0], &chars) < 0)
        return NULL;
    BView v;
    self_view(self, &v);
    ssize_t i = 0, j = v.len;
    if (left)
        while (i < j && (use_ws ? bytes_isspace((unsigned char)v.buf[i])
                                : memchr(chars.buf, v.buf[i], (size_t)chars.len) != NULL))
            i++;
    if (right)
        while (j > i && (use_ws ? bytes_isspace((unsigned char)v.buf[j - 1])
                                : memchr(chars.buf, v.buf[j - 1], (size_t)chars.len) != NULL))
            j--;
    if (i == 0 && j == v.len)
        return bres_self(self);
    return bres(self, v.buf + i, j - i);
}

static Object *
bytes_strip(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytes_do_strip(self, args, nargs, "strip", 1, 1);
}

static Object *
bytes_lstrip(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytes_do_strip(self, args, nargs, "lstrip", 1, 0);
}

static Object *
bytes_rstrip(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytes_do_strip(self, args, nargs, "rstrip", 0, 1);
}

/* Append a piece s[i:j] to list l (self itself when it is the whole of an exact bytes). */
static int
bytes_split_add(Object *l, Object *self, const char *s, ssize_t i, ssize_t j)
{
    Object *part = bres(self, s + i, j - i);
    if (!part)
        return -1;
    return list_append_take(l, part);
}

static int
bytes_parse_split_args(Object *self, const char *fname, Object *const *args, ssize_t nargs,
                       Object *kwnames, BView *sep, int *have_sep, ssize_t *maxsplit)
{
    /* four parsers in CPython: bytes/bytearray x split/rsplit */
    static const char *const names[4][3] = {{"sep", "maxsplit", NULL},
                                            {"sep", "maxsplit", NULL},
                                            {"sep", "maxsplit", NULL},
                                            {"sep", "maxsplit", NULL}};
    Object *argv[2] = {NULL, NULL};
    int which = (fname[0] == 'r') * 2 + (BA_CHECK(self) != 0);
    if (arg_parse_clinic(fname, args, (size_t)nargs, kwnames, names[which], 0, 0, 0, argv) < 0)
        return -1;
    *have_sep = argv[0] && argv[0] != None;
    if (*have_sep && bytes_view_required(argv[0], sep) < 0)
        return -1;
    *maxsplit = -1;
    if (argv[1] && bytes_index_arg(argv[1], maxsplit) < 0)
        return -1;
    if (*maxsplit < 0)
        *maxsplit = SSIZE_MAX;
    if (*have_sep && sep->len == 0) {
        err_set(exc_ValueError, "empty separator");
        return -1;
    }
    return 0;
}

static Object *
bytes_split(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    BView sep;
    int have_sep;
    ssize_t maxcount;
    if (bytes_parse_split_args(self, "split", args, nargs, kwnames, &sep, &have_sep,
                               &maxcount) < 0)
        return NULL;
    BView v;
    self_view(self, &v);
    const char *s = v.buf;
    ssize_t len = v.len, i = 0, j;
    int exact = BYTES_CHECK_EXACT(self);
    Object *l = list_new(0);
    if (!l)
        return NULL;
    if (!have_sep) {
        while (maxcount-- > 0) {
            while (i < len && bytes_isspace((unsigned char)s[i]))
                i++;
            if (i == len)
                break;
            j = i;
            i++;
            while (i < len && !bytes_isspace((unsigned char)s[i]))
                i++;
            if (j == 0 && i == len && exact) {
                if (list_append(l, self) < 0)
                    goto fail;
                break;
            }
            if (bytes_split_add(l, self, s, j, i) < 0)
                goto fail;
        }
        if (i < len) {
            while (i < len && bytes_isspace((unsigned char)s[i]))
                i++;
            if (i != len && bytes_split_add(l, self, s, i, len) < 0)
                goto fail;
        }
        return l;
    }
    ssize_t count = 0;
    while (maxcount-- > 0) {
        ssize_t pos = bytes_find_raw(s + i, len - i, sep.buf, sep.len);
        if (pos < 0)
            break;
        j = i + pos;
        if (bytes_split_add(l, self, s, i, j) < 0)
            goto fail;
        count++;
        i = j + sep.len;
    }
    if (count == 0 && exact) {
        if (list_append(l, self) < 0)
            goto fail;
    } else if (bytes_split_add(l, self, s, i, len) < 0) {
        goto fail;
    }
    return l;
fail:
    decref(l);
    return NULL;
}

static Object *
bytes_rsplit(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    BView sep;
    int have_sep;
    ssize_t maxcount;
    if (bytes_parse_split_args(self, "rsplit", args, nargs, kwnames, &sep, &have_sep,
                               &maxcount) < 0)
        return NULL;
    BView v;
    self_view(self, &v);
    const char *s = v.buf;
    ssize_t len = v.len;
    int exact = BYTES_CHECK_EXACT(self);
    Object *l = list_new(0);
    if (!l)
        return NULL;
    if (!have_sep) {
        ssize_t i = len - 1, j;
        while (maxcount-- > 0) {
            while (i >= 0 && bytes_isspace((unsigned char)s[i]))
                i--;
            if (i < 0)
                break;
            j = i;
            i--;
            while (i >= 0 && !bytes_isspace((unsigned char)s[i]))
                i--;
            if (j == len - 1 && i < 0 && exact) {
                if (list_append(l, self) < 0)
                    goto fail;
                break;
            }
            if (bytes_split_add(l, self, s, i + 1, j + 1) < 0)
                goto fail;
        }
        if (i >= 0) {
            while (i >= 0 && bytes_isspace((unsigned char)s[i]))
                i--;
            if (i >= 0 && bytes_split_add(l, self, s, 0, i + 1) < 0)
                goto fail;
        }
    } else {
        ssize_t j = len, count = 0;
        while (maxcount-- > 0) {
            ssize_t pos = bytes_rfind_raw(s, j, sep.buf, sep.len);
            if (pos < 0 || j < sep.len)
                break;
            if (bytes_split_add(l, self, s, pos + sep.len, j) < 0)
                goto fail;
            count++;
            j = pos;
        }
        if (count == 0 && exact) {
            if (list_append(l, self) < 0)
                goto fail;
        } else if (bytes_split_add(l, self, s, 0, j) < 0) {
            goto fail;
        }
    }
    if (list_reverse(l) < 0)
        goto fail;
    return l;
fail:
    decref(l);
    return NULL;
}

static Object *
bytes_splitlines(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"keepends", NULL};
    static const char *const ba_names[] = {"keepends", NULL};
    Object *argv[1] = {NULL};
    const char *const *kw = BA_CHECK(self) ? ba_names : names;
    if (arg_parse_clinic("splitlines", args, (size_t)nargs, kwnames, kw, 0, 0, 0, argv) < 0)
        return NULL;
    int keepends = 0;
    if (argv[0]) {
        if (!index_check(argv[0])) {
            err_format(exc_TypeError, "'%s' object cannot be interpreted as an integer",
                       TYPE(argv[0])->name);
            return NULL;
        }
        keepends = obj_is_true(argv[0]);
        if (keepends < 0)
            return NULL;
    }
    BView v;
    self_view(self, &v);
    const char *s = v.buf;
    ssize_t len = v.len, i = 0, j = 0;
    Object *l = list_new(0);
    if (!l)
        return NULL;
    while (i < len) {
        while (i < len && s[i] != '\n' && s[i] != '\r')
            i++;
        ssize_t eol = i;
        if (i < len) {
            if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
                i += 2;
            else
                i++;
            if (keepends)
                eol = i;
        }
        if (j == 0 && eol == len && BYTES_CHECK_EXACT(self)) {
            if (list_append(l, self) < 0)
                goto fail;
            break;
        }
        if (bytes_split_add(l, self, s, j, eol) < 0)
            goto fail;
        j = i;
    }
    return l;
fail:
    decref(l);
    return NULL;
}

static Object *
bytes_partition_common(Object *self, Object *sepobj, int reverse)
{
    BView sep;
    if (bytes_view_required(sepobj, &sep) < 0)
        return NULL;
    if (sep.len == 0)
        return err_set(exc_ValueError, "empty separator");
    int is_ba = BA_CHECK(self);
    /* bytes keep the separator object itself; bytearray makes a bytearray of it */
    Object *sepout = is_ba ? bytearray_from_buf(sep.buf, sep.len) : newref(sepobj);
    if (!sepout)
        return NULL;
    BView v;
    self_view(self, &v);
    ssize_t pos = reverse ? bytes_rfind_raw(v.buf, v.len, sep.buf, sep.len)
                          : bytes_find_raw(v.buf, v.len, sep.buf, sep.len);
    Object *a, *b, *c;
    if (pos < 0) {
        Object *whole = bres_self(self);
        Object *e1 = bres(self, "", 0), *e2 = bres(self, "", 0);
        decref(sepout);
        if (!whole || !e1 || !e2) {
            xdecref(whole);
            xdecref(e1);
            xdecref(e2);
            return NULL;
        }
        if (reverse) {
            a = e1;
            b = e2;
            c = whole;
        } else {
            a = whole;
            b = e1;
            c = e2;
        }
    } else {
        a = bres(self, v.buf, pos);
        b = sepout;
        c = bres(self, v.buf + pos + sep.len, v.len - pos - sep.len);
        if (!a || !c) {
            xdecref(a);
            decref(b);
            xdecref(c);
            return NULL;
        }
    }
    Object *items[3] = {a, b, c};
    return tuple_from_array_take(items, 3);
}

static Object *
bytes_partition(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytes_partition_common(self, args[0], 0);
}

static Object *
bytes_rpartition(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytes_partition_common(self, args[0], 1);
}

/* replace(old, new, count=-1, /) */
static Object *
bytes_replace(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_check_count("replace", (size_t)nargs, 2, 3) < 0)
        return NULL;
    BView from, to;
    if (bytes_view_required(args[0], &from) < 0 || bytes_view_required(args[1], &to) < 0)
        return NULL;
    ssize_t maxcount = -1;
    if (nargs > 2 && bytes_index_arg(args[2], &maxcount) < 0)
        return NULL;
    if (maxcount < 0)
        maxcount = SSIZE_MAX;
    BView v;
    self_view(self, &v);
    bytes_view(args[0], &from);
    bytes_view(args[1], &to);
    const char *s = v.buf;
    ssize_t len = v.len;

    /* count the replacements first */
    ssize_t count;
    if (from.len == 0)
        count = len + 1 < maxcount ? len + 1 : maxcount;
    else {
        count = 0;
        ssize_t i = 0;
        while (count < maxcount) {
            ssize_t p = bytes_find_raw(s + i, len - i, from.buf, from.len);
            if (p < 0)
                break;
            count++;
            i += p + from.len;
        }
    }
    if (count == 0 || (from.len == to.len && from.len > 0 &&
                       memcmp(from.buf, to.buf, (size_t)from.len) == 0))
        return bres_self(self);
    ssize_t growth = to.len - from.len;
    if (growth > 0 && count > (SSIZE_MAX - len) / growth)
        return err_set(exc_OverflowError, "replace bytes is too long");
    ssize_t newlen = len + count * growth;
    char *out;
    Object *r = bres_uninit(self, newlen, &out);
    if (!r)
        return NULL;
    ssize_t i = 0, o = 0;
    if (from.len == 0) {
        for (ssize_t k = 0; k < count; k++) {
            if (to.len)
                memcpy(out + o, to.buf, (size_t)to.len);
            o += to.len;
            if (i < len)
                out[o++] = s[i++];
        }
        if (i < len)
            memcpy(out + o, s + i, (size_t)(len - i));
    } else {
        for (ssize_t k = 0; k < count; k++) {
            ssize_t p = bytes_find_raw(s + i, len - i, from.buf, from.len);
            memcpy(out + o, s + i, (size_t)p);
            o += p;
            if (to.len)
                memcpy(out + o, to.buf, (size_t)to.len);
            o += to.len;
            i += p + from.len;
        }
        if (i < len)
            memcpy(out + o, s + i, (size_t)(len - i));
    }
    if (!BA_CHECK(self) && newlen == 1) {
        Object *c = bytes_get_char((unsigned char)out[0]);
        decref(r);
        return c;
    }
    return r;
}

/* fillchar argument of center/ljust/rjust: a bytes or bytearray of length 1. */
static int
bytes_fillchar(const char *fname, Object *const *args, ssize_t nargs, char *fill)
{
    *fill = ' ';
    if (nargs < 2)
        return 0;
    BView v;
    if (bytes_view(args[1], &v) && v.len == 1) {
        *fill = v.buf[0];
        return 0;
    }
    err_format(exc_TypeError, "%s() argument 2 must be a byte string of length 1, not %s",
               fname, TYPE(args[1])->name);
    return -1;
}

static Object *
bytes_pad(Object *self, ssize_t left, ssize_t right, char fill)
{
    if (left < 0)
        left = 0;
    if (right < 0)
        right = 0;
    if (left == 0 && right == 0)
        return bres_self(self);
    BView v;
    self_view(self, &v);
    char *out;
    Object *r = bres_uninit(self, left + v.len + right, &out);
    if (!r)
        return NULL;
    memset(out, fill, (size_t)left);
    if (v.len)
        memcpy(out + left, v.buf, (size_t)v.len);
    memset(out + left + v.len, fill, (size_t)right);
    return r;
}

static Object *
bytes_justify(Object *self, Object *const *args, ssize_t nargs, const char *fname, int how)
{
    if (arg_check_count(fname, (size_t)nargs, 1, 2) < 0)
        return NULL;
    ssize_t width;
    if (bytes_index_arg(args[0], &width) < 0)
        return NULL;
    char fill;
    if (bytes_fillchar(fname, args, nargs, &fill) < 0)
        return NULL;
    BView v;
    self_view(self, &v);
    if (v.len >= width)
        return bres_self(self);
    ssize_t marg = width - v.len;
    if (how < 0)
        return bytes_pad(self, 0, marg, fill);
    if (how > 0)
        return bytes_pad(self, marg, 0, fill);
    ssize_t left = marg / 2 + (marg & width & 1);
    return bytes_pad(self, left, marg - left, fill);
}

static Object *
bytes_ljust(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytes_justify(self, args, nargs, "ljust", -1);
}

static Object *
bytes_rjust(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytes_justify(self, args, nargs, "rjust", 1);
}

static Object *
bytes_center(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytes_justify(self, args, nargs, "center", 0);
}

static Object *
bytes_zfill(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    ssize_t width;
    if (bytes_index_arg(args[0], &width) < 0)
        return NULL;
    BView v;
    self_view(self, &v);
    if (v.len >= width)
        return bres_self(self);
    ssize_t fill = width - v.len;
    Object *r = bytes_pad(self, fill, 0, '0');
    if (!r)
        return NULL;
    char *p = BA_CHECK(r) ? BYTEARRAY_DATA(r) : BYTES_DATA(r);
    if (p[fill] == '+' || p[fill] == '-') {
        p[0] = p[fill];
        p[fill] = '0';
    }
    return r;
}

static Object *
bytes_expandtabs(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"tabsize", NULL};
    static const char *const ba_names[] = {"tabsize", NULL};
    Object *argv[1] = {NULL};
    const char *const *kw = BA_CHECK(self) ? ba_names : names;
    if (arg_parse_clinic("expandtabs", args, (size_t)nargs, kwnames, kw, 0, 0, 0, argv) < 0)
        return NULL;
    ssize_t tabsize = 8;
    if (argv[0] && bytes_index_arg(argv[0], &tabsize) < 0)
        return NULL;
    BView v;
    self_view(self, &v);
    Buf b;
    buf_init(&b);
    ssize_t col = 0;
    for (ssize_t i = 0; i < v.len; i++) {
        char c = v.buf[i];
        if (c == '\t') {
            if (tabsize > 0) {
                ssize_t incr = tabsize - (col % tabsize);
                col += incr;
                while (incr-- > 0)
                    if (buf_putc(&b, ' ') < 0)
                        goto fail;
            }
        } else {
            col++;
            if (buf_putc(&b, c) < 0)
                goto fail;
            if (c == '\n' || c == '\r')
                col = 0;
        }
    }
    Object *r = bres(self, b.data ? b.data : "", (ssize_t)b.len);
    buf_free(&b);
    return r;
fail:
    buf_free(&b);
    return NULL;
}

static Object *
bytes_removeaffix(Object *self, Object *arg, int suffix)
{
    BView a;
    if (bytes_view_required(arg, &a) < 0)
        return NULL;
    BView v;
    self_view(self, &v);
    if (a.len <= v.len && a.len > 0 &&
        memcmp(suffix ? v.buf + v.len - a.len : v.buf, a.buf, (size_t)a.len) == 0)
        return bres(self, suffix ? v.buf : v.buf + a.len, v.len - a.len);
    return bres_self(self);
}

static Object *
bytes_removeprefix(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytes_removeaffix(self, args[0], 0);
}

static Object *
bytes_removesuffix(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytes_removeaffix(self, args[0], 1);
}

static Object *
bytes_translate(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"", "delete", NULL};
    static const char *const ba_names[] = {"", "delete", NULL};
    Object *argv[2] = {NULL, NULL};
    const char *const *kw = BA_CHECK(self) ? ba_names : names;
    if (arg_parse_clinic("translate", args, (size_t)nargs, kwnames, kw, 1, 0, 1, argv) < 0)
        return NULL;
    BView table = {NULL, 0}, del = {"", 0};
    if (argv[0] != None) {
        if (bytes_view_required(argv[0], &table) < 0)
            return NULL;
        if (table.len != 256)
            return err_set(exc_ValueError, "translation table must be 256 characters long");
    }
    if (argv[1] && bytes_view_required(argv[1], &del) < 0)
        return NULL;
    int deletes[256] = {0};
    for (ssize_t i = 0; i < del.len; i++)
        deletes[(unsigned char)del.buf[i]] = 1;
    BView v;
    self_view(self, &v);
    Buf b;
    buf_init(&b);
    int changed = 0;
    for (ssize_t i = 0; i < v.len; i++) {
        unsigned char c = (unsigned char)v.buf[i];
        if (deletes[c]) {
            changed = 1;
            continue;
        }
        char t = table.buf ? table.buf[c] : (char)c;
        if (t != (char)c)
            changed = 1;
        if (buf_putc(&b, t) < 0) {
            buf_free(&b);
            return NULL;
        }
    }
    Object *r = changed ? bres(self, b.data ? b.data : "", (ssize_t)b.len) : bres_self(self);
    buf_free(&b);
    return r;
}

static Object *
bytes_maketrans(Object *unused, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_check_count("maketrans", (size_t)nargs, 2, 2) < 0)
        return NULL;
    BView frm, to;
    if (bytes_view_required(args[0], &frm) < 0 || bytes_view_required(args[1], &to) < 0)
        return NULL;
    if (frm.len != to.len)
        return err_set(exc_ValueError, "maketrans arguments must have same length");
    Object *r = bytes_alloc(&bytes_type, 256);
    if (!r)
        return NULL;
    char *p = BYTES_DATA(r);
    for (int i = 0; i < 256; i++)
        p[i] = (char)i;
    for (ssize_t i = 0; i < frm.len; i++)
        p[(unsigned char)frm.buf[i]] = to.buf[i];
    return r;
}

/* hex(sep=..., bytes_per_sep=1): CPython's _Py_strhex_impl. */
static Object *
bytes_hex(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"sep", "bytes_per_sep", NULL};
    static const char *const ba_names[] = {"sep", "bytes_per_sep", NULL};
    Object *argv[2] = {NULL, NULL};
    const char *const *kw = BA_CHECK(self) ? ba_names : names;
    if (arg_parse_clinic("hex", args, (size_t)nargs, kwnames, kw, 0, 0, 0, argv) < 0)
        return NULL;
    ssize_t per = 1;
    if (argv[1]) {
        if (bytes_index_arg(argv[1], &per) < 0)
            return NULL;
        if (per > INT_MAX || per < INT_MIN)
            return err_set(exc_OverflowError, "Python int too large to convert to C int");
    }
    char sep_char = 0;
    if (argv[0]) {
        ssize_t seplen = obj_length(argv[0]);
        if (seplen < 0)
            return NULL;
        if (seplen != 1)
            return err_set(exc_ValueError, "sep must be length 1.");
        unsigned int c;
        if (STR_CHECK(argv[0])) {
            c = STR_GET(argv[0], 0);
        } else if (BYTES_CHECK(argv[0])) {
            c = (unsigned char)BYTES_DATA(argv[0])[0];
        } else {
            return err_set(exc_TypeError, "sep must be str or bytes.");
        }
        if (c > 127)
            return err_set(exc_ValueError, "sep must be ASCII.");
        sep_char = (char)c;
    } else {
        per = 0;
    }
    BView v;
    self_view(self, &v);
    ssize_t arglen = v.len;
    size_t abs_per = (size_t)(per < 0 ? -per : per);
    ssize_t resultlen = 0;
    if (per && arglen > 0)
        resultlen = (arglen - 1) / (ssize_t)abs_per;
    if (arglen >= SSIZE_MAX / 2 - resultlen)
        return err_no_memory();
    resultlen += arglen * 2;
    if (abs_per >= (size_t)arglen) {
        per = 0;
        abs_per = 0;
    }
    Object *r = str_new(resultlen, 127);
    if (!r)
        return NULL;
    char *out = (char *)STR_DATA(r);
    const unsigned char *in = (const unsigned char *)v.buf;
    if (per == 0) {
        for (ssize_t i = 0, j = 0; i < arglen; i++) {
            out[j++] = bytes_hexdigits[in[i] >> 4];
            out[j++] = bytes_hexdigits[in[i] & 15];
        }
    } else {
        ssize_t chunks = (arglen - 1) / (ssize_t)abs_per;
        if (per < 0) {
            ssize_t i = 0, j = 0;
            for (ssize_t chunk = 0; chunk < chunks; chunk++) {
                for (size_t k = 0; k < abs_per; k++) {
                    out[j++] = bytes_hexdigits[in[i] >> 4];
                    out[j++] = bytes_hexdigits[in[i] & 15];
                    i++;
                }
                out[j++] = sep_char;
            }
            while (i < arglen) {
                out[j++] = bytes_hexdigits[in[i] >> 4];
                out[j++] = bytes_hexdigits[in[i] & 15];
                i++;
            }
        } else {
            ssize_t i = arglen - 1, j = resultlen - 1;
            for (ssize_t chunk = 0; chunk < chunks; chunk++) {
                for (size_t k = 0; k < abs_per; k++) {
                    out[j--] = bytes_hexdigits[in[i] & 15];
                    out[j--] = bytes_hexdigits[in[i] >> 4];
                    i--;
                }
                out[j--] = sep_char;
            }
            while (i >= 0) {
                out[j--] = bytes_hexdigits[in[i] & 15];
                out[j--] = bytes_hexdigits[in[i] >> 4];
                i--;
            }
        }
    }
    return r;
}

static int
bytes_hexval(uint32_t c)
{
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    if (c >= 'a' && c <= 'f')
        return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F')
        return (int)(c - 'A' + 10);
    return -1;
}

/* bytes.fromhex / bytearray.fromhex (classmethods: self is the type). */
static Object *
bytes_fromhex(Object *type, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *string = args[0];
    if (!STR_CHECK(string))
        return err_format(exc_TypeError, "fromhex() argument must be str, not %s",
                          TYPE(string)->name);
    ssize_t len = STR_LEN(string);
    if (!STR_IS_ASCII(string)) {
        ssize_t i = 0;
        while (i < len && STR_GET(string, i) < 128)
            i++;
        return err_format(exc_ValueError,
                          "non-hexadecimal number found in fromhex() arg at position %zd", i);
    }
    const char *s = STR_ASCII(string);
    Buf b;
    buf_init(&b);
    ssize_t i = 0;
    while (i < len) {
        if (bytes_isspace((unsigned char)s[i])) {
            do
                i++;
            while (i < len && bytes_isspace((unsigned char)s[i]));
            if (i >= len)
                break;
        }
        int top = bytes_hexval((unsigned char)s[i]);
        int bot = i + 1 < len ? bytes_hexval((unsigned char)s[i + 1]) : -1;
        if (top < 0 || bot < 0) {
            buf_free(&b);
            return err_format(exc_ValueError,
                              "non-hexadecimal number found in fromhex() arg at position %zd",
                              top < 0 ? i : i + 1);
        }
        if (buf_putc(&b, (char)(top * 16 + bot)) < 0) {
            buf_free(&b);
            return NULL;
        }
        i += 2;
    }
    int want_ba = TYPE_CHECK(type) && type_is_subtype((TypeObject *)type, &bytearray_type);
    Object *r = want_ba ? bytearray_from_buf(b.data, (ssize_t)b.len)
                        : bytes_from_buf(b.data ? b.data : "", (ssize_t)b.len);
    buf_free(&b);
    if (r && type != (Object *)&bytes_type && type != (Object *)&bytearray_type)
        SETREF(r, obj_call_one(type, r));
    return r;
}

static Object *
bytes_sizeof(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return int_from_ssize(TYPE(self)->basicsize + BYTES_LEN(self));
}

static Object *
bytes_bytes(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (BYTES_CHECK_EXACT(self))
        return newref(self);
    return bytes_from_buf(BYTES_DATA(self), BYTES_LEN(self));
}

static Object *
bytes_getnewargs(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *b = bytes_from_buf(BYTES_DATA(self), BYTES_LEN(self));
    if (!b)
        return NULL;
    Object *items[1] = {b};
    return tuple_from_array_take(items, 1);
}

/* ================================================================ % formatting */


enum { PF_LJUST = 1, PF_SIGN = 2, PF_BLANK = 4, PF_ALT = 8, PF_ZERO = 16 };

/* The next positional argument (CPython's getnextarg): a lone non-tuple argument counts
** as one (arglen -1, argidx -2 before it is used).  Borrowed. */
static Object *
bytes_fmt_nextarg(Object *args, ssize_t arglen, ssize_t *argidx)
{
    if (*argidx < arglen) {
        ssize_t i = (*argidx)++;
        return arglen < 0 ? args : TUPLE_GET(args, i);
    }
    return err_set(exc_TypeError, "not enough arguments for format string");
}

/* %s / %b: bytes-like or __bytes__ (new reference to a bytes object). */
static Object *
bytes_fmt_obj(Object *v)
{
    BView bv;
    if (bytes_view(v, &bv))
        return bytes_from_buf(bv.buf, bv.len);
    if (type_lookup(TYPE(v), ID(__bytes__))) {
        Object *r = type_call_special(v, ID(__bytes__), NULL, 0);
        if (r && !BYTES_CHECK(r)) {
            err_format(exc_TypeError, "__bytes__ returned non-bytes (type %s)", TYPE(r)->name);
            decref(r);
            return NULL;
        }
        return r;
    }
    return err_format(exc_TypeError,
                      "%%b requires a bytes-like object, or an object that implements "
                      "__bytes__, not '%s'",
                      TYPE(v)->name);
}

/* A numeric conversion, done by str's % formatter on a one-argument format built from the
** same flags, width and precision (its digits are ASCII).  Appends to out. */
static int
bytes_fmt_number(Buf *out, int flags, ssize_t width, ssize_t prec, char c, Object *v)
{
    if ((c == 'e' || c == 'E' || c == 'f' || c == 'F' || c == 'g' || c == 'G') &&
        !FLOAT_CHECK(v) && !TYPE(v)->nb_float && !TYPE(v)->nb_index) {
        err_format(exc_TypeError, "float argument required, not %s", TYPE(v)->name);
        return -1;
    }
    char spec[64];
    int n = 0;
    spec[n++] = '%';
    if (flags & PF_LJUST)
        spec[n++] = '-';
    if (flags & PF_SIGN)
        spec[n++] = '+';
    if (flags & PF_BLANK)
        spec[n++] = ' ';
    if (flags & PF_ALT)
        spec[n++] = '#';
    if (flags & PF_ZERO)
        spec[n++] = '0';
    if (width >= 0)
        n += snprintf(spec + n, sizeof spec - (size_t)n, "%zd", width);
    if (prec >= 0)
        n += snprintf(spec + n, sizeof spec - (size_t)n, ".%zd", prec);
    spec[n++] = c;
    Object *fmt = str_from_ascii(spec, n);
    Object *argt = fmt ? tuple_pack(1, v) : NULL;
    Object *r = argt ? str_mod(fmt, argt) : NULL;
    xdecref(fmt);
    xdecref(argt);
    if (!r)
        return -1;
    ssize_t len;
    const char *text = str_as_utf8(r, &len);
    int rc = text ? buf_append(out, text, (size_t)len) : -1;
    decref(r);
    return rc;
}

/* Read a decimal width/precision at fmt[*i]; -1 + ValueError(msg) if too big. */
static int
bytes_fmt_digits(const char *fmt, ssize_t len, ssize_t *i, ssize_t *value, const char *msg)
{
    ssize_t v = 0;
    while (*i < len && bytes_isdigit((unsigned char)fmt[*i])) {
        int d = fmt[*i] - '0';
        if (v > (SSIZE_MAX - d) / 10) {
            err_set(exc_ValueError, msg);
            return -1;
        }
        v = v * 10 + d;
        (*i)++;
    }
    *value = v;
    return 0;
}

/* format % args for bytes and bytearray (CPython 3.11's _PyBytes_FormatEx). */
static Object *
bytes_format(const char *fmt, ssize_t flen, Object *args, int want_ba)
{
    ssize_t arglen, argidx;
    if (TUPLE_CHECK(args)) {
        arglen = TUPLE_LEN(args);
        argidx = 0;
    } else {
        arglen = -1;
        argidx = -2;
    }
    Object *dict = NULL;
    if (TYPE(args)->mp_subscript && !TUPLE_CHECK(args) && !BYTES_CHECK(args) &&
        !STR_CHECK(args) && !BA_CHECK(args))
        dict = args;
    Object *cur = args;         /* the argument source: args, or a mapping value */
    Object *owned = NULL;       /* cur when it came from the mapping */
    Buf out;
    buf_init(&out);
    ssize_t i = 0;
    while (i < flen) {
        if (fmt[i] != '%') {
            ssize_t j = i;
            while (j < flen && fmt[j] != '%')
                j++;
            if (buf_append(&out, fmt + i, (size_t)(j - i)) < 0)
                goto error;
            i = j;
            continue;
        }
        i++;
        if (i < flen && fmt[i] == '%') {
            if (buf_putc(&out, '%') < 0)
                goto error;
            i++;
            continue;
        }
        if (i < flen && fmt[i] == '(') {
            if (!dict) {
                err_set(exc_TypeError, "format requires a mapping");
                goto error;
            }
            ssize_t keystart = ++i;
            int pcount = 1;
            while (pcount > 0 && i < flen) {
                if (fmt[i] == ')')
                    pcount--;
                else if (fmt[i] == '(')
                    pcount++;
                i++;
            }
            if (pcount > 0 || i >= flen) {
                err_set(exc_ValueError, "incomplete format key");
                goto error;
            }
            Object *key = bytes_from_buf(fmt + keystart, i - 1 - keystart);
            if (!key)
                goto error;
            Object *val = obj_getitem(dict, key);
            decref(key);
            if (!val)
                goto error;
            XSETREF(owned, val);
            cur = val;
            arglen = -1;
            argidx = -2;
        }
        int flags = 0;
        for (; i < flen; i++) {
            char f = fmt[i];
            if (f == '-')
                flags |= PF_LJUST;
            else if (f == '+')
                flags |= PF_SIGN;
            else if (f == ' ')
                flags |= PF_BLANK;
            else if (f == '#')
                flags |= PF_ALT;
            else if (f == '0')
                flags |= PF_ZERO;
            else
                break;
        }
        ssize_t width = -1, prec = -1;
        if (i < flen && fmt[i] == '*') {
            Object *w = bytes_fmt_nextarg(cur, arglen, &argidx);
            if (!w)
                goto error;
            if (!INT_CHECK(w)) {
                err_set(exc_TypeError, "* wants int");
                goto error;
            }
            width = int_as_ssize(w);
            if (width == -1 && err_occurred())
                goto error;
            if (width < 0) {
                flags |= PF_LJUST;
                width = -width;
            }
            i++;
        } else if (i < flen && bytes_isdigit((unsigned char)fmt[i])) {
            if (bytes_fmt_digits(fmt, flen, &i, &width, "width too big") < 0)
                goto error;
        }
        if (i < flen && fmt[i] == '.') {
            i++;
            prec = 0;
            if (i < flen && fmt[i] == '*') {
                Object *p = bytes_fmt_nextarg(cur, arglen, &argidx);
                if (!p)
                    goto error;
                if (!INT_CHECK(p)) {
                    err_set(exc_TypeError, "* wants int");
                    goto error;
                }
                prec = int_as_ssize(p);
                if (prec == -1 && err_occurred())
                    goto error;
                if (prec < 0)
                    prec = 0;
                i++;
            } else if (i < flen && bytes_isdigit((unsigned char)fmt[i])) {
                if (bytes_fmt_digits(fmt, flen, &i, &prec, "prec too big") < 0)
                    goto error;
            }
        }
        if (i < flen && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L'))
            i++;
        if (i >= flen) {
            err_set(exc_ValueError, "incomplete format");
            goto error;
        }
        char c = fmt[i++];
        Object *v = bytes_fmt_nextarg(cur, arglen, &argidx);
        if (!v)
            goto error;
        Object *piece = NULL;       /* bytes to pad for s b r a c */
        switch (c) {
        case '%':
            if (buf_putc(&out, '%') < 0)
                goto error;
            break;
        case 's':
        case 'b':
            piece = bytes_fmt_obj(v);
            if (!piece)
                goto error;
            break;
        case 'r':
        case 'a': {
            Object *a = obj_ascii(v);
            if (!a)
                goto error;
            piece = bytes_from_buf(STR_ASCII(a), STR_LEN(a));
            decref(a);
            if (!piece)
                goto error;
            break;
        }
        case 'c': {
            BView cv;
            if (bytes_view(v, &cv) && cv.len == 1) {
                piece = bytes_from_buf(cv.buf, 1);
            } else if (INT_CHECK(v)) {
                int overflow = 0;
                long ival = int_as_long_and_overflow(v, &overflow);
                if (overflow || ival < 0 || ival > 255) {
                    err_set(exc_OverflowError, "%c arg not in range(256)");
                    goto error;
                }
                char ch = (char)ival;
                piece = bytes_from_buf(&ch, 1);
            } else {
                err_set(exc_TypeError,
                        "%c requires an integer in range(256) or a single byte");
                goto error;
            }
            if (!piece)
                goto error;
            prec = -1;
            break;
        }
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
            if (bytes_fmt_number(&out, flags, width, prec, c, v) < 0)
                goto error;
            break;
        default:
            err_format(exc_ValueError, "unsupported format character '%c' (0x%x) at index %zd",
                       (c >= 32 && c < 127) ? c : '?', (unsigned)(unsigned char)c, i - 1);
            goto error;
        }
        if (piece) {
            ssize_t plen = BYTES_LEN(piece);
            if (prec >= 0 && plen > prec && c != 'c')
                plen = prec;
            ssize_t pad = width > plen ? width - plen : 0;
            int rc = 0;
            if (!(flags & PF_LJUST))
                for (ssize_t k = 0; k < pad && rc == 0; k++)
                    rc = buf_putc(&out, ' ');
            if (rc == 0)
                rc = buf_append(&out, BYTES_DATA(piece), (size_t)plen);
            if (flags & PF_LJUST)
                for (ssize_t k = 0; k < pad && rc == 0; k++)
                    rc = buf_putc(&out, ' ');
            decref(piece);
            if (rc < 0)
                goto error;
        }
        if (dict && argidx < arglen) {
            err_set(exc_TypeError, "not all arguments converted during bytes formatting");
            goto error;
        }
    }
    if (argidx < arglen && !dict) {
        err_set(exc_TypeError, "not all arguments converted during bytes formatting");
        goto error;
    }
    xdecref(owned);
    Object *r = want_ba ? bytearray_from_buf(out.data, (ssize_t)out.len)
                        : bytes_from_buf(out.data ? out.data : "", (ssize_t)out.len);
    buf_free(&out);
    return r;
error:
    xdecref(owned);
    buf_free(&out);
    return NULL;
}

static Object *
bytes_remainder(Object *a, Object *b)
{
    if (!BYTES_CHECK(a))
        return newref(NotImplemented);
    return bytes_format(BYTES_DATA(a), BYTES_LEN(a), b, 0);
}

static Object *
bytearray_remainder(Object *a, Object *b)
{
    if (!BA_CHECK(a))
        return newref(NotImplemented);
    Object *copy = bytes_from_buf(BYTEARRAY_DATA(a), BYTEARRAY_LEN(a));
    if (!copy)
        return NULL;
    Object *r = bytes_format(BYTES_DATA(copy), BYTES_LEN(copy), b, 1);
    decref(copy);
    return r;
}

/* ================================================================ bytearray mutation */

/* Replace self[lo:hi] by 'bytes_len' bytes (CPython's bytearray_setslice_linear):
** deleting from the front advances the logical start instead of moving data. */
static int
bytearray_setslice_linear(Object *self, ssize_t lo, ssize_t hi, const char *bytes,
                          ssize_t bytes_len)
{
    ssize_t avail = hi - lo;
    char *buf = BYTEARRAY_DATA(self);
    ssize_t growth = bytes_len - avail;
    if (growth < 0) {
        if (!bytearray_can_resize(self))
            return -1;
        if (lo == 0) {
            BA(self)->start -= growth;      /* shrink by advancing the logical start */
        } else {
            memmove(buf + lo + bytes_len, buf + hi, (size_t)(SIZE(self) - hi));
        }
        if (bytearray_resize(self, SIZE(self) + growth) < 0) {
            if (lo == 0) {
                BA(self)->start += growth;
                return -1;
            }
            SIZE(self) += growth;
            err_no_memory();
            return -1;
        }
    } else if (growth > 0) {
        if (SIZE(self) > SSIZE_MAX - growth) {
            err_no_memory();
            return -1;
        }
        if (bytearray_resize(self, SIZE(self) + growth) < 0)
            return -1;
        buf = BYTEARRAY_DATA(self);
        memmove(buf + lo + bytes_len, buf + hi, (size_t)(SIZE(self) - lo - bytes_len));
    }
    if (bytes_len > 0)
        memcpy(BYTEARRAY_DATA(self) + lo, bytes, (size_t)bytes_len);
    return 0;
}

/* self[lo:hi] = values (a bytes-like object; NULL deletes). */
static int
bytearray_setslice(Object *self, ssize_t lo, ssize_t hi, Object *values)
{
    if (values == self) {
        Object *copy = bytearray_from_buf(BYTEARRAY_DATA(self), BYTEARRAY_LEN(self));
        if (!copy)
            return -1;
        int r = bytearray_setslice(self, lo, hi, copy);
        decref(copy);
        return r;
    }
    BView v = {NULL, 0};
    if (values && !bytes_view(values, &v)) {
        err_format(exc_TypeError, "can't set bytearray slice from %s", TYPE(values)->name);
        return -1;
    }
    if (lo < 0)
        lo = 0;
    if (hi < lo)
        hi = lo;
    if (hi > SIZE(self))
        hi = SIZE(self);
    return bytearray_setslice_linear(self, lo, hi, v.buf, v.len);
}

static int
bytearray_ass_subscript(Object *self, Object *index, Object *values)
{
    ssize_t start, stop, step, slicelen;
    if (index_check(index)) {
        ssize_t i = num_as_ssize(index, exc_IndexError);
        if (i == -1 && err_occurred())
            return -1;
        if (i < 0)
            i += SIZE(self);
        if (i < 0 || i >= SIZE(self)) {
            err_set(exc_IndexError, "bytearray index out of range");
            return -1;
        }
        if (values == NULL) {
            start = i;
            stop = i + 1;
            step = 1;
            slicelen = 1;
        } else {
            int ival;
            if (bytes_byte_value(values, &ival) < 0)
                return -1;
            if (i >= SIZE(self)) {      /* __index__ of values may have shrunk self */
                err_set(exc_IndexError, "bytearray index out of range");
                return -1;
            }
            BYTEARRAY_DATA(self)[i] = (char)ival;
            return 0;
        }
    } else if (TYPE(index) == &slice_type) {
        if (slice_unpack_indices(index, SIZE(self), &start, &stop, &step, &slicelen) < 0)
            return -1;
    } else {
        err_format(exc_TypeError, "bytearray indices must be integers or slices, not %s",
                   TYPE(index)->name);
        return -1;
    }

    const char *bytes;
    ssize_t needed;
    if (values == NULL) {
        bytes = NULL;
        needed = 0;
    } else if (values == self || !BA_CHECK(values)) {
        if (num_check(values) || STR_CHECK(values)) {
            err_set(exc_TypeError, "can assign only bytes, buffers, or iterables "
                                   "of ints in range(0, 256)");
            return -1;
        }
        /* copy into a bytearray and retry */
        Object *copy = bytearray_vectorcall((Object *)&bytearray_type, &values, 1, NULL);
        if (!copy)
            return -1;
        int err = bytearray_ass_subscript(self, index, copy);
        decref(copy);
        return err;
    } else {
        bytes = BYTEARRAY_DATA(values);
        needed = BYTEARRAY_LEN(values);
    }
    /* b[5:2] = ... inserts before 5, not before 2 */
    if ((step < 0 && start < stop) || (step > 0 && start > stop))
        stop = start;
    if (step == 1)
        return bytearray_setslice_linear(self, start, stop, bytes, needed);

    char *buf = BYTEARRAY_DATA(self);
    if (needed == 0) {
        /* delete an extended slice */
        if (!bytearray_can_resize(self))
            return -1;
        if (slicelen == 0)
            return 0;
        if (step < 0) {
            stop = start + 1;
            start = stop + step * (slicelen - 1) - 1;
            step = -step;
        }
        size_t cur;
        ssize_t i;
        ssize_t size = SIZE(self);
        for (cur = (size_t)start, i = 0; i < slicelen; cur += (size_t)step, i++) {
            ssize_t lim = step - 1;
            if (cur + (size_t)step >= (size_t)size)
                lim = size - (ssize_t)cur - 1;
            memmove(buf + cur - i, buf + cur + 1, (size_t)lim);
        }
        cur = (size_t)start + (size_t)slicelen * (size_t)step;
        if (cur < (size_t)size)
            memmove(buf + cur - slicelen, buf + cur, (size_t)size - cur);
        return bytearray_resize(self, size - slicelen);
    }
    if (needed != slicelen) {
        err_format(exc_ValueError,
                   "attempt to assign bytes of size %zd to extended slice of size %zd", needed,
                   slicelen);
        return -1;
    }
    for (ssize_t i = 0, cur = start; i < slicelen; cur += step, i++)
        buf[cur] = bytes[i];
    return 0;
}

static Object *
bytearray_append(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    int value;
    if (bytes_byte_value(args[0], &value) < 0)
        return NULL;
    ssize_t n = SIZE(self);
    if (n == SSIZE_MAX)
        return err_set(exc_OverflowError, "cannot add more objects to bytearray");
    if (bytearray_resize(self, n + 1) < 0)
        return NULL;
    BYTEARRAY_DATA(self)[n] = (char)value;
    return newref(None);
}

static Object *
bytearray_extend(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *iterable = args[0];
    BView v;
    if (bytes_view(iterable, &v)) {
        if (bytearray_setslice(self, SIZE(self), SIZE(self), iterable) < 0)
            return NULL;
        return newref(None);
    }
    Object *it = obj_get_iter(iterable);
    if (!it) {
        if (err_matches(exc_TypeError)) {
            err_clear();
            err_format(exc_TypeError, "can't extend bytearray with %s", TYPE(iterable)->name);
        }
        return NULL;
    }
    /* collect into a temporary bytearray, then append it in one slice assignment (the
       final resize of self is what decides its size, as in CPython) */
    Buf b;
    buf_init(&b);
    Object *item;
    while ((item = obj_iter_next(it)) != NULL) {
        int value;
        int rc = bytes_byte_value(item, &value);
        decref(item);
        if (rc < 0 || buf_putc(&b, (char)value) < 0) {
            decref(it);
            buf_free(&b);
            return NULL;
        }
    }
    decref(it);
    if (err_occurred()) {
        buf_free(&b);
        return NULL;
    }
    Object *tmp = bytearray_from_buf(b.data, (ssize_t)b.len);
    buf_free(&b);
    if (!tmp)
        return NULL;
    int r = bytearray_setslice(self, SIZE(self), SIZE(self), tmp);
    decref(tmp);
    if (r < 0)
        return NULL;
    return newref(None);
}

static Object *
bytearray_insert(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_check_count("insert", (size_t)nargs, 2, 2) < 0)
        return NULL;
    ssize_t index;
    if (bytes_index_arg(args[0], &index) < 0)
        return NULL;
    int value;
    if (bytes_byte_value(args[1], &value) < 0)
        return NULL;
    ssize_t n = SIZE(self);
    if (n == SSIZE_MAX)
        return err_set(exc_OverflowError, "cannot add more objects to bytearray");
    if (bytearray_resize(self, n + 1) < 0)
        return NULL;
    char *buf = BYTEARRAY_DATA(self);
    if (index < 0) {
        index += n;
        if (index < 0)
            index = 0;
    }
    if (index > n)
        index = n;
    memmove(buf + index + 1, buf + index, (size_t)(n - index));
    buf[index] = (char)value;
    return newref(None);
}

static Object *
bytearray_pop(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_check_count("pop", (size_t)nargs, 0, 1) < 0)
        return NULL;
    ssize_t index = -1;
    if (nargs > 0 && bytes_index_arg(args[0], &index) < 0)
        return NULL;
    ssize_t n = SIZE(self);
    if (n == 0)
        return err_set(exc_IndexError, "pop from empty bytearray");
    if (index < 0)
        index += n;
    if (index < 0 || index >= n)
        return err_set(exc_IndexError, "pop index out of range");
    if (!bytearray_can_resize(self))
        return NULL;
    char *buf = BYTEARRAY_DATA(self);
    int value = (unsigned char)buf[index];
    memmove(buf + index, buf + index + 1, (size_t)(n - index - 1));
    if (bytearray_resize(self, n - 1) < 0)
        return NULL;
    return int_from_long(value);
}

static Object *
bytearray_remove(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    int value;
    if (bytes_byte_value(args[0], &value) < 0)
        return NULL;
    ssize_t n = SIZE(self);
    char *buf = BYTEARRAY_DATA(self);
    char *p = n ? memchr(buf, value, (size_t)n) : NULL;
    if (!p)
        return err_set(exc_ValueError, "value not found in bytearray");
    if (!bytearray_can_resize(self))
        return NULL;
    ssize_t where = p - buf;
    memmove(buf + where, buf + where + 1, (size_t)(n - where - 1));
    if (bytearray_resize(self, n - 1) < 0)
        return NULL;
    return newref(None);
}

static Object *
bytearray_reverse(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    char *buf = BYTEARRAY_DATA(self);
    for (ssize_t i = 0, j = SIZE(self) - 1; i < j; i++, j--) {
        char t = buf[i];
        buf[i] = buf[j];
        buf[j] = t;
    }
    return newref(None);
}

static Object *
bytearray_clear(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (bytearray_resize(self, 0) < 0)
        return NULL;
    return newref(None);
}

static Object *
bytearray_copy(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytearray_from_buf(BYTEARRAY_DATA(self), BYTEARRAY_LEN(self));
}

static Object *
bytearray_alloc_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return int_from_ssize(BA(self)->alloc);
}

static Object *
bytearray_sizeof(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return int_from_ssize(TYPE(self)->basicsize + BA(self)->alloc);
}

/* ================================================================ type objects */

#define BYTES_COMMON_METHODS                                                             \
    {"capitalize", bytes_capitalize, METH_NOARGS,                                        \
     "Return a copy with only its first character capitalized."},                        \
    {"center", bytes_center, METH_VARARGS, "Return a centered string of length width."}, \
    {"count", bytes_count, METH_VARARGS | METH_TUPLE,                                           \
     "Return the number of non-overlapping occurrences of subsection 'sub'."},           \
    {"decode", bytes_decode_meth, METH_VARARGS | METH_KEYWORDS,                          \
     "Decode the bytes using the codec registered for encoding."},                       \
    {"endswith", bytes_endswith, METH_VARARGS | METH_TUPLE,                                     \
     "Return True if the data ends with the specified suffix, False otherwise."},        \
    {"expandtabs", bytes_expandtabs, METH_VARARGS | METH_KEYWORDS,                       \
     "Return a copy where all tab characters are expanded using spaces."},               \
    {"find", bytes_find, METH_VARARGS | METH_TUPLE,                                             \
     "Return the lowest index where subsection 'sub' is found, or -1."},                 \
    {"hex", bytes_hex, METH_VARARGS | METH_KEYWORDS,                                     \
     "Create a string of hexadecimal numbers from a bytes object."},                     \
    {"index", bytes_index, METH_VARARGS | METH_TUPLE,                                           \
     "Return the lowest index where subsection 'sub' is found; raise ValueError if not."}, \
    {"isalnum", bytes_isalnum_meth, METH_NOARGS,                                         \
     "Return True if all characters are alphanumeric and there is at least one."},       \
    {"isalpha", bytes_isalpha_meth, METH_NOARGS,                                         \
     "Return True if all characters are alphabetic and there is at least one."},         \
    {"isascii", bytes_isascii_meth, METH_NOARGS,                                         \
     "Return True if B is empty or all characters in B are ASCII, False otherwise."},    \
    {"isdigit", bytes_isdigit_meth, METH_NOARGS,                                         \
     "Return True if all characters are digits and there is at least one."},             \
    {"islower", bytes_islower_meth, METH_NOARGS,                                         \
     "Return True if all cased characters are lowercase and there is at least one."},    \
    {"isspace", bytes_isspace_meth, METH_NOARGS,                                         \
     "Return True if all characters are whitespace and there is at least one."},         \
    {"istitle", bytes_istitle_meth, METH_NOARGS,                                         \
     "Return True if B is a titlecased string and there is at least one character."},    \
    {"isupper", bytes_isupper_meth, METH_NOARGS,                                         \
     "Return True if all cased characters are uppercase and there is at least one."},    \
    {"join", bytes_join, METH_O, "Concatenate any number of bytes objects."},            \
    {"ljust", bytes_ljust, METH_VARARGS, "Return a left-justified string of length width."}, \
    {"lower", bytes_lower, METH_NOARGS, "Return a copy with all ASCII characters converted to lowercase."}, \
    {"lstrip", bytes_lstrip, METH_VARARGS, "Strip leading bytes contained in the argument."}, \
    {"maketrans", bytes_maketrans, METH_VARARGS | METH_STATIC,                           \
     "Return a translation table useable for the bytes or bytearray translate method."}, \
    {"partition", bytes_partition, METH_O,                                               \
     "Partition the bytes into three parts using the given separator."},                 \
    {"removeprefix", bytes_removeprefix, METH_O,                                         \
     "Return a bytes object with the given prefix string removed if present."},          \
    {"removesuffix", bytes_removesuffix, METH_O,                                         \
     "Return a bytes object with the given suffix string removed if present."},          \
    {"replace", bytes_replace, METH_VARARGS,                                             \
     "Return a copy with all occurrences of substring old replaced by new."},            \
    {"rfind", bytes_rfind, METH_VARARGS | METH_TUPLE,                                           \
     "Return the highest index where subsection 'sub' is found, or -1."},                \
    {"rindex", bytes_rindex, METH_VARARGS | METH_TUPLE,                                         \
     "Return the highest index where subsection 'sub' is found; raise ValueError if not."}, \
    {"rjust", bytes_rjust, METH_VARARGS, "Return a right-justified string of length width."}, \
    {"rpartition", bytes_rpartition, METH_O,                                             \
     "Partition the bytes into three parts using the given separator."},                 \
    {"rsplit", bytes_rsplit, METH_VARARGS | METH_KEYWORDS,                               \
     "Return a list of the sections in the bytes, using sep as the delimiter."},         \
    {"rstrip", bytes_rstrip, METH_VARARGS, "Strip trailing bytes contained in the argument."}, \
    {"split", bytes_split, METH_VARARGS | METH_KEYWORDS,                                 \
     "Return a list of the sections in the bytes, using sep as the delimiter."},         \
    {"splitlines", bytes_splitlines, METH_VARARGS | METH_KEYWORDS,                       \
     "Return a list of the lines in the bytes, breaking at line boundaries."},           \
    {"startswith", bytes_startswith, METH_VARARGS | METH_TUPLE,                                 \
     "Return True if the data starts with the specified prefix, False otherwise."},      \
    {"strip", bytes_strip, METH_VARARGS,                                                 \
     "Strip leading and trailing bytes contained in the argument."},                     \
    {"swapcase", bytes_swapcase, METH_NOARGS,                                            \
     "Return a copy with uppercase ASCII characters converted to lowercase and vice versa."}, \
    {"title", bytes_title, METH_NOARGS,                                                  \
     "Return a titlecased version of the bytes where words start with an uppercase character."}, \
    {"translate", bytes_translate, METH_VARARGS | METH_KEYWORDS,                         \
     "Return a copy with each character mapped by the given translation table."},        \
    {"upper", bytes_upper, METH_NOARGS, "Return a copy with all ASCII characters converted to uppercase."}, \
    {"zfill", bytes_zfill, METH_O,                                                       \
     "Pad a numeric string with zeros on the left, to fill a field of the given width."}

static const MethodDef bytes_methods[] = {
    {"__bytes__", bytes_bytes, METH_NOARGS, "Convert this value to exact type bytes."},
    {"__getnewargs__", bytes_getnewargs, METH_NOARGS, NULL},
    {"__sizeof__", bytes_sizeof, METH_NOARGS, "Return the size of the bytes in memory, in bytes."},
    {"fromhex", bytes_fromhex, METH_O | METH_CLASS,
     "Create a bytes object from a string of hexadecimal numbers."},
    BYTES_COMMON_METHODS,
    {NULL, NULL, 0, NULL},
};

static const MethodDef bytearray_methods[] = {
    {"__alloc__", bytearray_alloc_meth, METH_NOARGS,
     "B.__alloc__() -> int\n\nReturn the number of bytes actually allocated."},
    {"__sizeof__", bytearray_sizeof, METH_NOARGS,
     "Returns the size of the bytearray object in memory, in bytes."},
    {"append", bytearray_append, METH_O, "Append a single item to the end of the bytearray."},
    {"clear", bytearray_clear, METH_NOARGS, "Remove all items from the bytearray."},
    {"copy", bytearray_copy, METH_NOARGS, "Return a copy of B."},
    {"extend", bytearray_extend, METH_O,
     "Append all the items from the iterator or sequence to the end of the bytearray."},
    {"fromhex", bytes_fromhex, METH_O | METH_CLASS,
     "Create a bytearray object from a string of hexadecimal numbers."},
    {"insert", bytearray_insert, METH_VARARGS,
     "Insert a single item into the bytearray before the given index."},
    {"pop", bytearray_pop, METH_VARARGS,
     "Remove and return a single item from B.\n\n"
     "If no index argument is given, will pop the last item."},
    {"remove", bytearray_remove, METH_O, "Remove the first occurrence of a value in the bytearray."},
    {"reverse", bytearray_reverse, METH_NOARGS, "Reverse the order of the values in B in place."},
    BYTES_COMMON_METHODS,
    {NULL, NULL, 0, NULL},
};

TypeObject bytes_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "bytes",
    .basicsize = offsetof(BytesObject, sval) + 1,
    .itemsize = 1,
    .flags = TPFLAG_BASETYPE | TPFLAG_BYTES_SUBCLASS,
    .doc = "bytes(iterable_of_ints) -> bytes\n"
           "bytes(string, encoding[, errors]) -> bytes\n"
           "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
           "bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
           "bytes() -> empty bytes object\n\n"
           "Construct an immutable array of bytes from:\n"
           "  - an iterable yielding integers in range(256)\n"
           "  - a text string encoded using the specified encoding\n"
           "  - any object implementing the buffer API.\n"
           "  - an integer",
    .dealloc = bytes_dealloc,
    .repr = bytes_repr_slot,
    .hash = bytes_hash_slot,
    .getattro = obj_generic_getattr,
    .richcompare = bytes_richcompare,
    .iter = bytes_iter,
    .new_ = bytes_tp_new,
    .new_vectorcall = bytes_vectorcall,
    .len = bytes_length,
    .sq_concat = bytes_concat,
    .sq_repeat = bytes_repeat,
    .sq_item = bytes_item,
    .sq_contains = bytes_sq_contains,
    .mp_subscript = bytes_subscript,
    .nb_remainder = bytes_remainder,
    .methods = bytes_methods,
};

TypeObject bytearray_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "bytearray",
    .basicsize = sizeof(ByteArrayObject),
    .flags = TPFLAG_BASETYPE,
    .doc = "bytearray(iterable_of_ints) -> bytearray\n"
           "bytearray(string, encoding[, errors]) -> bytearray\n"
           "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
           "bytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n"
           "bytearray() -> empty bytes array\n\n"
           "Construct a mutable bytearray object from:\n"
           "  - an iterable yielding integers in range(256)\n"
           "  - a text string encoded using the specified encoding\n"
           "  - a bytes or a buffer object\n"
           "  - any object implementing the buffer API.\n"
           "  - an integer",
    .dealloc = bytearray_dealloc,
    .repr = bytes_repr_slot,
    .hash = obj_hash_not_implemented,
    .getattro = obj_generic_getattr,
    .richcompare = bytearray_richcompare,
    .iter = bytearray_iter,
    .init = bytearray_tp_init,
    .new_ = bytearray_tp_new,
    .new_vectorcall = bytearray_vectorcall,
    .len = bytes_length,
    .sq_concat = bytearray_concat,
    .sq_repeat = bytearray_repeat,
    .sq_item = bytearray_item,
    .sq_contains = bytes_sq_contains,
    .sq_inplace_concat = bytearray_iconcat,
    .sq_inplace_repeat = bytearray_irepeat,
    .mp_subscript = bytearray_subscript,
    .mp_ass_subscript = bytearray_ass_subscript,
    .nb_remainder = bytearray_remainder,
    .methods = bytearray_methods,
};

int
bytes_init(void)
{
    if (!bytes_singletons_ready)
        bytes_init_singletons();
    if (type_ready(&bytes_type) < 0 || type_ready(&bytearray_type) < 0 ||
        type_ready(&bytesiter_type) < 0 || type_ready(&bytearrayiter_type) < 0)
        return -1;
    return 0;
}
