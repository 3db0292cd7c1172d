/*
** bytesobject.h -- bytes (immutable; CPython layout: VarObject + cached hash + data,
** 33 + len bytes) and bytearray (mutable; 56 bytes + buffer).  b'' and every one-byte
** bytes object are cached singletons, as in CPython.
*/
#ifndef PYHEAP_BYTESOBJECT_H
#define PYHEAP_BYTESOBJECT_H

#include "object.h"

typedef struct BytesObject {
    VAR_OBJECT_HEAD;
    hash_t hash;
    char sval[1];           /* size + 1 bytes, NUL-terminated */
} BytesObject;

typedef struct ByteArrayObject {
    VAR_OBJECT_HEAD;
    ssize_t alloc;          /* bytes allocated in 'bytes' */
    char *bytes;            /* heap block */
    char *start;            /* logical start: bytes + offset after deletions at the front */
    ssize_t exports;
} ByteArrayObject;

#define BYTES_DATA(o) (((BytesObject *)(o))->sval)
#define BYTES_LEN(o) SIZE(o)
#define BYTEARRAY_DATA(o) (((ByteArrayObject *)(o))->start)
#define BYTEARRAY_LEN(o) SIZE(o)

Object *bytes_from_buf(const char *s, ssize_t n);   /* new reference; cached small ones */
Object *bytes_new_uninit(ssize_t n);
Object *bytearray_from_buf(const char *s, ssize_t n);
hash_t bytes_hash(Object *o);
Object *bytes_repr_obj(Object *o);

/* Decode a bytes-like object b (bytes, bytearray) with the builtin codecs (utf-8, ascii,
** latin-1 and their aliases); errors: NULL/"strict", "ignore", "replace",
** "backslashreplace", "surrogateescape", "surrogatepass".  New str, or NULL with
** UnicodeDecodeError / LookupError / TypeError (b not bytes-like). */
Object *bytes_decode_obj(Object *b, const char *encoding, const char *errors);
/* str.encode: encode the str s; errors as above plus "xmlcharrefreplace".  New bytes. */
Object *bytes_encode_str(Object *s, const char *encoding, const char *errors);
/* The data of a bytes-like object (bytes, bytearray and subclasses): 0 with *data and
** *len set (borrowed; valid while o is unchanged), or -1 *without* an exception. */
int bytes_like_get(Object *o, const char **data, ssize_t *len);
/* Ready bytes, bytearray and their iterators (rt_init calls it): 0, or -1. */
int bytes_init(void);

extern TypeObject bytesiter_type, bytearrayiter_type;

#endif
