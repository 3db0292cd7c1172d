/*
** fileobject.c -- text files (a small io.TextIOWrapper): sys.stdin/stdout/stderr and
** open() in text mode ('r', 'w', 'a', 'x', '+'), UTF-8, universal newlines on read; in
** binary mode ('b') the same object is an _io.BufferedReader/Writer/Random reading and
** writing bytes.  Output is buffered in the object; sys.stdout is flushed at exit, when its buffer fills,
** when it is a terminal and a newline is written (line buffering, as CPython), and
** before anything goes to stderr, so the order of the two streams matches CPython's.
*/
#include "weakrefobject.h"
#include "fileobject.h"
#include "error.h"
#include "gc.h"
#include "heap.h"
#include "state.h"
#include "intobject.h"
#include "strobject.h"
#include "tupleobject.h"
#include "listobject.h"
#include "dictobject.h"
#include "bytesobject.h"
#include "exceptions.h"
#include "typeobject.h"
#include "methodobject.h"
#include "ceval.h"
#include "frameobject.h"
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#define WBUF_SIZE 8192

typedef struct TextIOObject {
    OBJECT_HEAD;
    int fd;
    int readable, writable, closed, owns_fd, line_buffered, is_std;
    Object *name;
    Object *mode;
    char *wbuf;                 /* pending output */
    size_t wlen;
    char *rbuf;                 /* read-ahead */
    size_t rpos, rlen, rcap;
    int eof;
    int binary;                 /* open(..., 'b'): a Buffered{Reader,Writer,Random} */
    int cpy_layers;             /* open(): CPython's other io objects (gc counts) */
    Object *cpy_dicts[2];       /* open(): its FileIO's and TextIOWrapper's __dict__ */
    ssize_t cpy_bufsize;        /* a binary file: CPython's buffer (its __sizeof__) */
    Object *dict;
    Object *encoding;           /* open()'s encoding= as given, NULL: the locale's (UTF-8) */
    Object *errors;             /* open()'s errors=, NULL: "strict" */
    int other_codec;            /* encoding is not UTF-8 (ascii, latin-1): via the codecs */
    int write_through;          /* a standard stream under -u: each write goes out at once */
    Object *lower;              /* .buffer of a text file, .raw of a buffered one: made on
                                ** first use (file_lower), strong */
} TextIOObject;

#define LOWER(f) ((TextIOObject *)(f)->lower)

int file_unbuffered_stdio;

/* A layer is closed when it or a layer below it is (CPython asks the buffer). */
static int
tio_closed(TextIOObject *f)
{
    for (; f; f = LOWER(f))
        if (f->closed)
            return 1;
    return 0;
}

static Object *std_out, *std_err;

static int
raw_write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Write out what f holds, after what the layers below it hold (which came to them before
** f's own pending bytes would). */
static int
tio_flush_raw(TextIOObject *f)
{
    if (f->lower && tio_flush_raw(LOWER(f)) < 0)
        return -1;
    if (f->wlen == 0)
        return 0;
    size_t n = f->wlen;
    f->wlen = 0;
    if (raw_write_all(f->fd, f->wbuf, n) < 0) {
        if (errno == EPIPE)
            return 0;
        err_format(exc_OSError, "[Errno %d] %s", errno, strerror(errno));
        return -1;
    }
    return 0;
}

void
file_flush_stdout(void)
{
    /* (with its buffer closed, what print() still held is lost, as in CPython) */
    if (std_out && !tio_closed((TextIOObject *)std_out)) {
        if (tio_flush_raw((TextIOObject *)std_out) < 0)
            err_clear();
    }
}

static int
tio_write_bytes(TextIOObject *f, const char *p, size_t n)
{
    if (tio_closed(f)) {
        err_set(exc_ValueError, "I/O operation on closed file.");
        return -1;
    }
    if (!f->writable) {
        err_set(exc_UnsupportedOperation, "not writable");
        return -1;
    }
    if ((Object *)f == std_err)
        file_flush_stdout();
    if (TYPE(f) == &fileio_type) {
        /* a FileIO has no buffer: the bytes go out at once, past what the layers above
        ** it still hold */
        if (raw_write_all(f->fd, p, n) < 0 && errno != EPIPE) {
            err_format(exc_OSError, "[Errno %d] %s", errno, strerror(errno));
            return -1;
        }
        return 0;
    }
    if (!f->wbuf) {
        f->wbuf = heap_alloc(WBUF_SIZE);
        if (!f->wbuf) {
            err_no_memory();
            return -1;
        }
    }
    if (f->wlen + n > WBUF_SIZE) {
        if (tio_flush_raw(f) < 0)
            return -1;
        if (n > WBUF_SIZE) {
            if (raw_write_all(f->fd, p, n) < 0 && errno != EPIPE) {
                err_format(exc_OSError, "[Errno %d] %s", errno, strerror(errno));
                return -1;
            }
            return 0;
        }
    }
    memcpy(f->wbuf + f->wlen, p, n);
    f->wlen += n;
    if ((Object *)f == std_err || f->write_through || (f->line_buffered && memchr(p, '\n', n)))
        return tio_flush_raw(f);
    return 0;
}

static const char *tio_errors(TextIOObject *f);

int
file_write_str(Object *file, Object *s)
{
    if (TYPE(file) == &textio_type) {
        TextIOObject *f = (TextIOObject *)file;
        if (f->other_codec) {
            Object *b = bytes_encode_str(s, str_as_utf8(f->encoding, NULL), tio_errors(f));
            if (!b)
                return -1;
            int r = tio_write_bytes(f, BYTES_DATA(b), (size_t)BYTES_LEN(b));
            decref(b);
            return r;
        }
        ssize_t n;
        const char *u = str_as_utf8(s, &n);
        if (!u)
            return -1;
        return tio_write_bytes(f, u, (size_t)n);
    }
    Object *r = obj_call_method(file, "write", &s, 1);
    if (!r)
        return -1;
    decref(r);
    return 0;
}

int
file_write_cstr(Object *file, const char *s)
{
    if (TYPE(file) == &textio_type)
        return tio_write_bytes((TextIOObject *)file, s, strlen(s));
    Object *o = str_from_cstr(s);
    if (!o)
        return -1;
    int r = file_write_str(file, o);
    decref(o);
    return r;
}

/* ================================================================ reading */

static int
tio_fill(TextIOObject *f)
{
    if (f->eof)
        return 0;
    if (f->rpos > 0 && f->rpos == f->rlen)
        f->rpos = f->rlen = 0;
    if (f->rlen + 4096 > f->rcap) {
        if (f->rpos > 0) {
            memmove(f->rbuf, f->rbuf + f->rpos, f->rlen - f->rpos);
            f->rlen -= f->rpos;
            f->rpos = 0;
        }
        if (f->rlen + 4096 > f->rcap) {
            size_t ncap = f->rcap ? f->rcap * 2 : 8192;
            char *nb = heap_realloc(f->rbuf, ncap);
            if (!nb) {
                err_no_memory();
                return -1;
            }
            f->rbuf = nb;
            f->rcap = ncap;
        }
    }
    /* a text file reads through its buffer, whose read-ahead comes first; the buffer
    ** never sees what the text file has read ahead (CPython's read1 chunks) */
    TextIOObject *peer = LOWER(f);
    if (peer && peer->rpos < peer->rlen) {
        size_t k = peer->rlen - peer->rpos;
        if (f->rlen + k > f->rcap) {
            char *nb = heap_realloc(f->rbuf, f->rlen + k);
            if (!nb) {
                err_no_memory();
                return -1;
            }
            f->rbuf = nb;
            f->rcap = f->rlen + k;
        }
        memcpy(f->rbuf + f->rlen, peer->rbuf + peer->rpos, k);
        f->rlen += k;
        peer->rpos = peer->rlen;
        return (int)k;
    }
    for (;;) {
        ssize_t r = read(f->fd, f->rbuf + f->rlen, f->rcap - f->rlen);
        if (r < 0) {
            if (errno == EINTR) {
                if (rt.sigint_pending) {
                    rt.sigint_pending = 0;
                    err_set_object(exc_KeyboardInterrupt, NULL);
                    return -1;
                }
                continue;
            }
            err_format(exc_OSError, "[Errno %d] %s", errno, strerror(errno));
            return -1;
        }
        if (r == 0)
            f->eof = 1;
        f->rlen += (size_t)r;
        return (int)r;
    }
}

/* The file's errors= as a C string (NULL: strict). */
static const char *
tio_errors(TextIOObject *f)
{
    return f->errors && STR_CHECK(f->errors) ? str_as_utf8(f->errors, NULL) : NULL;
}

/* Make a str from bytes p[0..n) in the file's encoding (UTF-8, or ascii/latin-1 through
** the codecs), translating \r\n and \r to \n (universal newlines). */
static Object *
decode_bytes(TextIOObject *f, const char *p, size_t n)
{
    if (!f->other_codec)
        return str_from_utf8(p, (ssize_t)n);
    /* ascii and latin-1 are one byte a character: newlines were translated on bytes */
    Object *b = bytes_from_buf(n ? p : "", (ssize_t)n);
    Object *s = b ? bytes_decode_obj(b, str_as_utf8(f->encoding, NULL), tio_errors(f)) : NULL;
    xdecref(b);
    return s;
}

static Object *
decode_text(TextIOObject *f, const char *p, size_t n)
{
    if (!memchr(p, '\r', n))
        return decode_bytes(f, p, n);
    char *t = heap_alloc(n + 1);
    if (!t)
        return err_no_memory();
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '\r') {
            t[j++] = '\n';
            if (i + 1 < n && p[i + 1] == '\n')
                i++;
        } else {
            t[j++] = p[i];
        }
    }
    Object *r = decode_bytes(f, t, j);
    heap_free(t);
    return r;
}

static Object *
tio_readline_impl(TextIOObject *f, ssize_t limit)
{
    if (tio_closed(f))
        return err_set(exc_ValueError, "I/O operation on closed file.");
    if (!f->readable)
        return err_set(exc_UnsupportedOperation, "not readable");
    if ((Object *)f != std_out)
        file_flush_stdout();
    for (;;) {
        /* no read-ahead buffer yet (nothing read, or EOF at once): an empty one, since
        ** NULL + 0 is undefined behaviour (found by fuzz_exec) */
        static char no_data[1];
        char *start = f->rbuf ? f->rbuf + f->rpos : no_data;
        size_t avail = f->rlen - f->rpos;
        char *nl = avail ? memchr(start, '\n', avail) : NULL;
        char *cr = avail ? memchr(start, '\r', avail) : NULL;
        if (cr && (!nl || cr < nl) && (size_t)(cr - start) + 1 < avail)
            nl = cr[1] == '\n' ? cr + 1 : cr;
        /* the limit counts characters: the bytes holding that many whole ones */
        size_t lim = 0, chars = 0;
        if (limit >= 0) {
            const unsigned char *u = (const unsigned char *)start;
            while (lim < avail && chars < (size_t)limit) {
                size_t k = u[lim] < 0x80 || f->other_codec ? 1
                           : u[lim] < 0xE0                 ? 2
                           : u[lim] < 0xF0                 ? 3
                                                           : 4;
                if (lim + k > avail)
                    break;
                lim += k;
                chars++;
            }
        }
        if (nl || f->eof || (limit >= 0 && chars == (size_t)limit)) {
            size_t n = nl ? (size_t)(nl - start) + 1 : avail;
            if (limit >= 0 && n > lim)
                n = lim;
            Object *r = decode_text(f, start, n);
            f->rpos += n;
            return r;
        }
        int got = tio_fill(f);
        if (got < 0)
            return NULL;
    }
}

static Object *
tio_read_all(TextIOObject *f)
{
    while (!f->eof)
        if (tio_fill(f) < 0)
            return NULL;
    static char no_data[1];
    Object *r = decode_text(f, f->rbuf ? f->rbuf + f->rpos : no_data, f->rlen - f->rpos);
    f->rpos = f->rlen;
    return r;
}

/* ---------------------------------------------------------------- binary files
** open(..., 'b') gives a BufferedReader/Writer/Random: the same buffers, bytes in and
** out, no newline translation, and the messages of CPython's bufferedio.c. */

static Object *
bio_read(TextIOObject *f, ssize_t n)
{
    if (!f->readable)
        return err_set(exc_UnsupportedOperation, "read");
    if (tio_closed(f))
        return err_set(exc_ValueError, "read of closed file");
    if (n < -1)
        return err_set(exc_ValueError, "read length must be non-negative or -1");
    if (f->writable && tio_flush_raw(f) < 0)
        return NULL;
    while (!f->eof && (n < 0 || f->rlen - f->rpos < (size_t)n))
        if (tio_fill(f) < 0)
            return NULL;
    size_t k = f->rlen - f->rpos;
    if (n >= 0 && k > (size_t)n)
        k = (size_t)n;
    Object *r = bytes_from_buf(k ? f->rbuf + f->rpos : "", (ssize_t)k);
    if (r)
        f->rpos += k;
    return r;
}

static Object *
bio_readline(TextIOObject *f, ssize_t limit)
{
    if (!f->readable)
        return err_set(exc_UnsupportedOperation, "read");
    if (tio_closed(f))
        return err_set(exc_ValueError, "readline of closed file");
    if (f->writable && tio_flush_raw(f) < 0)
        return NULL;
    for (;;) {
        size_t avail = f->rlen - f->rpos;
        char *start = avail ? f->rbuf + f->rpos : NULL;
        char *nl = avail ? memchr(start, '\n', avail) : NULL;
        if (nl || f->eof || (limit >= 0 && avail >= (size_t)limit)) {
            size_t n = nl ? (size_t)(nl - start) + 1 : avail;
            if (limit >= 0 && n > (size_t)limit)
                n = (size_t)limit;
            Object *r = bytes_from_buf(n ? start : "", (ssize_t)n);
            if (r)
                f->rpos += n;
            return r;
        }
        if (tio_fill(f) < 0)
            return NULL;
    }
}

/* The bytes of a bytes-like argument (bytes, bytearray), or -1 + TypeError. */
static int
bio_buffer(Object *o, const char **p, size_t *n)
{
    if (BYTES_CHECK(o)) {
        *p = BYTES_DATA(o);
        *n = (size_t)BYTES_LEN(o);
        return 0;
    }
    if (obj_type_check(o, &bytearray_type)) {
        *p = BYTEARRAY_LEN(o) ? BYTEARRAY_DATA(o) : "";
        *n = (size_t)BYTEARRAY_LEN(o);
        return 0;
    }
    err_format(exc_TypeError, "a bytes-like object is required, not '%s'", TYPE(o)->name);
    return -1;
}

static Object *
bio_write(TextIOObject *f, Object *o)
{
    const char *p;
    size_t n;
    if (!f->writable)
        return err_set(exc_UnsupportedOperation, "write");
    if (bio_buffer(o, &p, &n) < 0)
        return NULL;
    if (tio_closed(f))
        return err_set(exc_ValueError, "write to closed file");
    if (f->readable && f->rpos < f->rlen) {
        /* BufferedRandom: writing after a read-ahead goes where the reader stands */
        if (lseek(f->fd, -(off_t)(f->rlen - f->rpos), SEEK_CUR) < 0)
            return err_format(exc_OSError, "[Errno %d] %s", errno, strerror(errno));
        f->rpos = f->rlen = 0;
    }
    if (tio_write_bytes(f, p, n) < 0)
        return NULL;
    return int_from_ssize((ssize_t)n);
}

/* An optional size argument (CPython's _Py_convert_optional_to_ssize_t): absent or
** None is -1, else an integer (__index__).  0 or -1 + TypeError. */
static int
size_arg(Object *const *args, ssize_t nargs, ssize_t *out)
{
    *out = -1;
    if (nargs == 0 || args[0] == None)
        return 0;
    if (!index_check(args[0])) {
        err_format(exc_TypeError, "argument should be integer or None, not '%s'",
                   TYPE(args[0])->name);
        return -1;
    }
    *out = num_as_ssize(args[0], exc_OverflowError);
    return *out == -1 && err_occurred() ? -1 : 0;
}

/* The line reader for either kind of file. */
static Object *
tio_readline_any(TextIOObject *f, ssize_t limit)
{
    return f->binary ? bio_readline(f, limit) : tio_readline_impl(f, limit);
}

static int
line_is_empty(Object *line)
{
    return BYTES_CHECK(line) ? BYTES_LEN(line) == 0 : STR_LEN(line) == 0;
}

Object *
file_readline_std(void)
{
    Object *in = rt.sys_dict ? dict_getitem_str(rt.sys_dict, "stdin") : NULL;
    if (!in)
        return err_set(exc_RuntimeError, "input(): lost sys.stdin");
    Object *line;
    if (TYPE(in) == &textio_type)
        line = tio_readline_impl((TextIOObject *)in, -1);
    else
        line = obj_call_method(in, "readline", NULL, 0);
    if (!line)
        return NULL;
    if (!STR_CHECK(line)) {
        decref(line);
        return err_set(exc_TypeError, "object.readline() returned non-string");
    }
    if (STR_LEN(line) == 0) {
        decref(line);
        return err_set(exc_EOFError, "EOF when reading a line");
    }
    ssize_t n = STR_LEN(line);
    if (STR_GET(line, n - 1) == '\n') {
        Object *s = str_substring(line, 0, n - 1);
        decref(line);
        return s;
    }
    return line;
}

/* ================================================================ methods */

#define SELF ((TextIOObject *)self)

static Object *
tio_write(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *s = args[0];
    if (SELF->binary)
        return bio_write(SELF, s);
    if (!STR_CHECK(s))
        return err_format(exc_TypeError, "write() argument must be str, not %s", TYPE(s)->name);
    if (file_write_str(self, s) < 0)
        return NULL;
    return int_from_ssize(STR_LEN(s));
}

static Object *
tio_writelines(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (SELF->binary && tio_closed(SELF))
        return err_set(exc_ValueError, "I/O operation on closed file.");
    Object *it = obj_get_iter(args[0]);
    if (!it)
        return NULL;
    for (;;) {
        Object *s = obj_iter_next(it);
        if (!s)
            break;
        if (SELF->binary) {
            Object *r = bio_write(SELF, s);
            decref(s);
            if (!r) {
                decref(it);
                return NULL;
            }
            decref(r);
            continue;
        }
        if (!STR_CHECK(s)) {
            err_format(exc_TypeError, "write() argument must be str, not %s", TYPE(s)->name);
            decref(s);
            decref(it);
            return NULL;
        }
        int r = file_write_str(self, s);
        decref(s);
        if (r < 0) {
            decref(it);
            return NULL;
        }
    }
    decref(it);
    if (err_occurred())
        return NULL;
    return newref(None);
}

static Object *
tio_flush(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (tio_closed(SELF))
        return err_set(exc_ValueError, SELF->binary ? "flush of closed file"
                                                    : "I/O operation on closed file.");
    if (tio_flush_raw(SELF) < 0)
        return NULL;
    return newref(None);
}

static Object *
tio_read(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_check_count("read", (size_t)nargs, 0, 1) < 0)
        return NULL;
    ssize_t n = -1;
    if (SELF->binary) {
        /* a BufferedWriter's read() is unsupported whatever the argument */
        if (SELF->readable && size_arg(args, nargs, &n) < 0)
            return NULL;
        return bio_read(SELF, n);
    }
    if (size_arg(args, nargs, &n) < 0)
        return NULL;
    if (tio_closed(SELF))
        return err_set(exc_ValueError, "I/O operation on closed file.");
    if (!SELF->readable)
        return err_set(exc_UnsupportedOperation, "not readable");
    if (n < 0)
        return tio_read_all(SELF);
    /* read n characters: decode what is there, counting code points */
    for (;;) {
        size_t avail = SELF->rlen - SELF->rpos;
        size_t chars = 0, i = 0;
        const unsigned char *p = (const unsigned char *)SELF->rbuf + SELF->rpos;
        while (i < avail && chars < (size_t)n) {
            unsigned char c = p[i];
            size_t k = c < 0x80 || SELF->other_codec ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            if (i + k > avail)
                break;
            i += k;
            chars++;
        }
        if (chars >= (size_t)n || SELF->eof) {
            Object *r = decode_text(SELF, (const char *)p, i);
            SELF->rpos += i;
            return r;
        }
        if (tio_fill(SELF) < 0)
            return NULL;
    }
}

static Object *
tio_readline(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    ssize_t limit = -1;
    if (SELF->binary) {
        if (size_arg(args, nargs, &limit) < 0)
            return NULL;
    } else if (nargs) {         /* TextIOWrapper.readline(size=-1): an integer */
        limit = num_as_ssize(args[0], exc_OverflowError);
        if (limit == -1 && err_occurred())
            return NULL;
    }
    return tio_readline_any(SELF, limit);
}

static Object *
tio_readlines(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    /* IOBase.readlines(hint=-1): stop once the lines read exceed 'hint' in total */
    ssize_t hint, total = 0;
    if (arg_check_count("readlines", (size_t)nargs, 0, 1) < 0 ||
        size_arg(args, nargs, &hint) < 0)
        return NULL;
    if (tio_closed(SELF))
        return err_set(exc_ValueError, "I/O operation on closed file.");
    Object *l = list_new(0);
    if (!l)
        return NULL;
    for (;;) {
        Object *line = tio_readline_any(SELF, -1);
        if (!line) {
            decref(l);
            return NULL;
        }
        if (line_is_empty(line)) {
            decref(line);
            return l;
        }
        ssize_t len = BYTES_CHECK(line) ? BYTES_LEN(line) : STR_LEN(line);
        if (list_append_take(l, line) < 0) {
            decref(l);
            return NULL;
        }
        if (hint > 0 && len > hint - total)
            return l;
        total += len;
    }
}

static int
tio_close_impl(TextIOObject *f)
{
    if (tio_closed(f)) {
        /* a layer below was closed: CPython's close() returns at once, pending bytes
        ** and all */
        f->closed = 1;
        return 0;
    }
    int r = tio_flush_raw(f);
    f->closed = 1;
    if (f->owns_fd && f->fd > 2)
        close(f->fd);
    if (f->lower && tio_close_impl(LOWER(f)) < 0)
        r = -1;
    return r;
}

static Object *
tio_close(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (SELF->is_std) {
        /* closing sys.stdout only flushes it (the fd stays usable for the report) */
        if (tio_flush_raw(SELF) < 0)
            return NULL;
        for (TextIOObject *l = SELF; l; l = LOWER(l))
            l->closed = 1;
        return newref(None);
    }
    if (tio_close_impl(SELF) < 0)
        return NULL;
    return newref(None);
}

static Object *
tio_enter(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (tio_closed(SELF))
        return err_set(exc_ValueError, "I/O operation on closed file.");
    return newref(self);
}

static Object *
tio_exit(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (tio_close_impl(SELF) < 0)
        return NULL;
    return newref(None);
}

static Object *
tio_fileno(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return int_from_long(SELF->fd);
}

static Object *
tio_isatty(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bool_from(isatty(SELF->fd));
}

static Object *
tio_true(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bool_from(1);
}

static Object *
tio_readable(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bool_from(SELF->readable);
}

static Object *
tio_writable(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bool_from(SELF->writable);
}

/* CPython 3.11's sizes: a TextIOWrapper's struct (192), a buffered object's (152) and
** the buffer it allocates at once (the buffering argument, else st_blksize or 8192). */
static Object *
tio_sizeof(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (TYPE(self) == &fileio_type)
        return int_from_ssize(48);
    if (SELF->binary)
        return int_from_ssize(152 + SELF->cpy_bufsize);
    return int_from_ssize(192);
}

static const MethodDef tio_methods[] = {
    {"__sizeof__", tio_sizeof, METH_NOARGS, NULL},
    {"write", tio_write, METH_O, NULL},
    {"writelines", tio_writelines, METH_O, NULL},
    {"flush", tio_flush, METH_NOARGS, NULL},
    {"read", tio_read, METH_VARARGS, NULL},
    {"readline", tio_readline, METH_VARARGS, NULL},
    {"readlines", tio_readlines, METH_VARARGS, NULL},
    {"close", tio_close, METH_NOARGS, NULL},
    {"__enter__", tio_enter, METH_NOARGS, NULL},
    {"__exit__", tio_exit, METH_VARARGS, NULL},
    {"fileno", tio_fileno, METH_NOARGS, NULL},
    {"isatty", tio_isatty, METH_NOARGS, NULL},
    {"readable", tio_readable, METH_NOARGS, NULL},
    {"writable", tio_writable, METH_NOARGS, NULL},
    {"seekable", tio_true, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static Object *
tio_get_closed(Object *self, void *c)
{
    return bool_from(tio_closed(SELF));
}

static Object *
tio_get_encoding(Object *self, void *c)
{
    /* open()'s default is the locale's encoding, named as nl_langinfo names it (CPython's
    ** locale.getencoding()); the standard streams say "utf-8" */
    if (SELF->encoding)
        return newref(SELF->encoding);
    return str_from_cstr(SELF->is_std ? "utf-8" : "UTF-8");
}

/* CPython's config_get_stdio_errors: under the C or POSIX locale, or one it coerces to
** (C.UTF-8), stdin and stdout use 'surrogateescape' */
static int
stdio_surrogateescape(void)
{
    const char *names[] = {"LC_ALL", "LC_CTYPE", "LANG"};
    const char *loc = "C";
    for (int i = 0; i < 3; i++) {
        const char *v = getenv(names[i]);
        if (v && *v) {
            loc = v;
            break;
        }
    }
    if (!strcmp(loc, "C") || !strcmp(loc, "POSIX") || !strncmp(loc, "C.UTF-8", 7) ||
        !strncmp(loc, "C.utf8", 6))
        return 1;
    locale_t l = newlocale(LC_CTYPE_MASK, loc, (locale_t)0);   /* not installed: "C" */
    if (!l)
        return 1;
    freelocale(l);
    return 0;
}

/* errors=: 'strict' unless given; sys.stderr's is 'backslashreplace', stdin's and
** stdout's follow the locale */
static Object *
tio_get_errors(Object *self, void *c)
{
    if (SELF->errors)
        return newref(SELF->errors);
    if (self == std_err)
        return str_intern_cstr("backslashreplace");
    if (SELF->is_std && stdio_surrogateescape())
        return str_intern_cstr("surrogateescape");
    return str_intern_cstr("strict");
}

static Object *file_lower(TextIOObject *f);

static Object *
tio_get_lower(Object *self, void *c)
{
    return file_lower(SELF);
}

static Object *
tio_get_line_buffering(Object *self, void *c)
{
    /* CPython's create_stdio: line buffered when buffered and a terminal, or stderr */
    if (SELF->is_std)
        return bool_from(!file_unbuffered_stdio && (isatty(SELF->fd) || SELF->fd == 2));
    return bool_from(SELF->line_buffered);
}

static Object *
tio_get_write_through(Object *self, void *c)
{
    return bool_from(SELF->is_std && file_unbuffered_stdio);
}

static const GetSetDef tio_getset[] = {
    {"closed", tio_get_closed, NULL, NULL, NULL},
    {"encoding", tio_get_encoding, NULL, NULL, NULL},
    {"errors", tio_get_errors, NULL, NULL, NULL},
    {"buffer", tio_get_lower, NULL, NULL, NULL},
    {"line_buffering", tio_get_line_buffering, NULL, NULL, NULL},
    {"write_through", tio_get_write_through, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const GetSetDef bio_getset[] = {
    {"closed", tio_get_closed, NULL, NULL, NULL},
    {"raw", tio_get_lower, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static Object *
tio_get_closefd(Object *self, void *c)
{
    return bool_from(SELF->owns_fd);
}

static const GetSetDef fio_getset[] = {
    {"closed", tio_get_closed, NULL, NULL, NULL},
    {"closefd", tio_get_closefd, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const MemberDef tio_members[] = {
    {"name", MEMBER_OBJECT, offsetof(TextIOObject, name), MEMBER_READONLY, NULL},
    {"mode", MEMBER_OBJECT, offsetof(TextIOObject, mode), MEMBER_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static Object *
tio_iternext(Object *self)
{
    Object *line = tio_readline_any(SELF, -1);
    if (!line)
        return NULL;
    if (line_is_empty(line)) {
        decref(line);
        return NULL;
    }
    return line;
}

static Object *
tio_iter(Object *self)
{
    if (tio_closed(SELF))
        return err_set(exc_ValueError, "I/O operation on closed file.");
    return newref(self);
}

/* A file open()ed and never closed dies: CPython's FileIO finalizer warns "unclosed file"
** (a ResourceWarning, ignored by the default filters).  The warnings path still makes
** the warning and its registry key and gives the running code's globals a
** __warningregistry__ holding the filters' version (0): programs see that dict. */
static void
unclosed_file_warning(TextIOObject *f)
{
    Object *g = vm_current_globals();
    if (!g || !DICT_CHECK(g))
        return;
    ErrState saved;
    err_save(&saved);
    /* the message formats the file's repr, which enters the repr list (made on its first
    ** use), and the warning's context takes the running frame's object */
    if (repr_enter((Object *)f) == 0)
        repr_leave((Object *)f);
    Frame *fr = vm_current_frame();
    if (fr)
        frame_get_object(fr);
    Object *reg = dict_getitem_str(g, "__warningregistry__");
    if (reg && DICT_CHECK(reg)) {
        incref(reg);
    } else {
        reg = dict_new();
        if (reg && dict_setitem_str(g, "__warningregistry__", reg) < 0)
            CLEAR(reg);
    }
    Object *zero = int_from_long(0);
    if (reg && zero) {
        Object *v = dict_getitem_str(reg, "version");
        if (!v || !INT_CHECK(v) || int_as_long(v) != 0) {
            dict_clear(reg);
            dict_setitem_str(reg, "version", zero);
        }
    }
    Object *text = str_from_format("unclosed file <_io.TextIOWrapper name=%R>", f->name);
    Object *w = text ? obj_call_one((Object *)exc_ResourceWarning, text) : NULL;
    Object *key = text && zero ? tuple_pack(3, text, (Object *)exc_ResourceWarning, zero) : NULL;
    xdecref(key);
    xdecref(w);
    xdecref(text);
    xdecref(zero);
    xdecref(reg);
    err_clear();
    err_restore_saved(&saved);
}

static void
tio_dealloc(Object *self)
{
    TextIOObject *f = SELF;
    gc_untrack(self);
    int owns = 0;
    for (TextIOObject *l = f; l; l = LOWER(l))
        owns |= l->owns_fd;
    if (!f->is_std && !f->closed && owns && f->cpy_dicts[0])
        unclosed_file_warning(f);
    if (!f->is_std)
        tio_close_impl(f);
    else if (!tio_closed(f))
        tio_flush_raw(f);
    weakref_clear_refs(self);
    if (err_occurred())
        err_clear();
    if (self == std_out)        /* the C-level shortcuts are borrowed */
        std_out = NULL;
    if (self == std_err)
        std_err = NULL;
    CLEAR(f->lower);
    heap_free(f->wbuf);
    heap_free(f->rbuf);
    xdecref(f->name);
    xdecref(f->mode);
    xdecref(f->encoding);
    xdecref(f->errors);
    xdecref(f->dict);
    for (int i = 0; i < f->cpy_layers; i++)
        gc_on_free();
    xdecref(f->cpy_dicts[0]);
    xdecref(f->cpy_dicts[1]);
    obj_free(self);
}

static int
tio_traverse(Object *self, visitproc visit, void *arg)
{
    OBJ_VISIT(SELF->lower);
    OBJ_VISIT(SELF->dict);
    return 0;
}

static Object *
tio_repr(Object *self)
{
    if (TYPE(self) == &fileio_type) {
        if (tio_closed(SELF))
            return str_from_cstr("<_io.FileIO [closed]>");
        return str_from_format("<_io.FileIO name=%R mode=%R closefd=%s>", SELF->name,
                               SELF->mode, SELF->owns_fd ? "True" : "False");
    }
    if (SELF->binary)
        return str_from_format("<%s name=%R>", TYPE(self)->name, SELF->name);
    if (SELF->encoding)
        return str_from_format("<_io.TextIOWrapper name=%R mode=%R encoding=%R>", SELF->name,
                               SELF->mode, SELF->encoding);
    return str_from_format(SELF->is_std ? "<_io.TextIOWrapper name=%R mode=%R encoding='utf-8'>"
                                        : "<_io.TextIOWrapper name=%R mode=%R encoding='UTF-8'>",
                           SELF->name, SELF->mode);
}

TypeObject textio_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "_io.TextIOWrapper",
    .basicsize = sizeof(TextIOObject),
    .flags = TPFLAG_GC,
    .weaklistoffset = 176,
    .dealloc = tio_dealloc,
    .traverse = tio_traverse,
    .repr = tio_repr,
    .iter = tio_iter,
    .iternext = tio_iternext,
    .getattro = obj_generic_getattr,
    .setattro = obj_generic_setattr,
    .methods = tio_methods,
    .getset = tio_getset,
    .members = tio_members,
    .dictoffset = offsetof(TextIOObject, dict),
};

/* The binary files share the implementation; only the name and attributes differ. */
#define BIO_TYPE(tname, gs)                                                              \
    {                                                                                    \
        .ob_base = {{1, &type_type}, 0},                                                 \
        .name = tname,                                                                   \
        .basicsize = sizeof(TextIOObject),                                               \
        .flags = TPFLAG_GC,                                                              \
        .dealloc = tio_dealloc,                                                          \
        .weaklistoffset = 144,                                                           \
        .traverse = tio_traverse,                                                        \
        .repr = tio_repr,                                                                \
        .iter = tio_iter,                                                                \
        .iternext = tio_iternext,                                                        \
        .getattro = obj_generic_getattr,                                                 \
        .setattro = obj_generic_setattr,                                                 \
        .methods = tio_methods,                                                          \
        .getset = gs,                                                                    \
        .members = tio_members,                                                          \
        .dictoffset = offsetof(TextIOObject, dict),                                      \
    }

TypeObject bufreader_type = BIO_TYPE("_io.BufferedReader", bio_getset);
TypeObject fileio_type = BIO_TYPE("_io.FileIO", fio_getset);    /* open(..., buffering=0) */
TypeObject bufwriter_type = BIO_TYPE("_io.BufferedWriter", bio_getset);
TypeObject bufrandom_type = BIO_TYPE("_io.BufferedRandom", bio_getset);

static TextIOObject *
tio_new(TypeObject *type, int fd, Object *name, const char *mode)
{
    TextIOObject *f = (TextIOObject *)obj_alloc(type, 0);
    if (!f)
        return NULL;
    f->fd = fd;
    f->name = newref(name);
    f->mode = str_from_cstr(mode);
    if (!f->mode) {
        decref(f);
        return NULL;
    }
    gc_track((Object *)f);
    return f;
}

Object *
file_new_std(int fd, const char *name, int buffered)
{
    Object *n = str_from_cstr(name);
    if (!n)
        return NULL;
    TextIOObject *f = tio_new(&textio_type, fd, n, fd == 0 ? "r" : "w");
    decref(n);
    if (!f)
        return NULL;
    f->readable = fd == 0;
    f->writable = fd != 0;
    f->is_std = 1;
    f->line_buffered = isatty(fd);
    f->write_through = file_unbuffered_stdio;
    if (fd == 1)
        std_out = (Object *)f;
    else if (fd == 2)
        std_err = (Object *)f;
    (void)buffered;
    return (Object *)f;
}

/* What CPython 3.11's _io.open makes around the object it returns, in its order: the
** argument tuple of each layer's call (freed after it, onto the free lists), a FileIO
** with a __dict__ for its name, the buffered object, and for text the TextIOWrapper with
** an incremental decoder and/or encoder, each made with a 1-tuple of arguments (the
** newline decoder is not a GC object), and a __dict__ for its mode.
** pyheap's object stands for the outermost layer; the others are counted in generation
** 0 (cpy_layers, given back when the file dies) and the dicts and tuples are real, so
** the free lists and the counts after an open() are CPython's. */
static Object *
open_fileio_layer(int counted)
{
    Object *t = tuple_new(4);           /* FileIO(file, rawmode, closefd, opener) */
    if (counted)
        gc_on_alloc();                  /* the FileIO (else pyheap's object is it) */
    Object *d = dict_new();             /* raw.name */
    xdecref(t);
    return d;
}

static void
open_cpython_layers(TextIOObject *f, int binary, int unbuffered, int rd, int wr)
{
    f->cpy_dicts[0] = open_fileio_layer(!unbuffered);
    f->cpy_layers = !unbuffered;
    if (unbuffered)
        goto done;
    Object *t = tuple_new(2);                   /* Buffered{Reader,Writer,Random}(raw, buffering) */
    if (!binary) {
        gc_on_alloc();
        f->cpy_layers++;
    }
    xdecref(t);
    if (binary)
        goto done;
    t = tuple_new(5);                   /* TextIOWrapper(buffer, encoding, errors, ...) */
    for (int k = 0; k < rd + wr; k++) {
        Object *a = tuple_new(1);       /* the codec's IncrementalDecoder/Encoder(errors) */
        gc_on_alloc();
        f->cpy_layers++;
        xdecref(a);
    }
    f->cpy_dicts[1] = dict_new();       /* wrapper.mode */
    xdecref(t);
done:
    if (err_occurred())
        err_clear();
}

/* FileIO is made ready on first use, as a start-up object would be: off the pools and
** the counts (a type the start-up readied would change what its exit collects). */
static int
fileio_ready(void)
{
    if (fileio_type.flags & TPFLAG_READY)
        return 0;
    heap_side_enter();
    int pinned = heap_side_pinned;
    heap_side_pinned = 1;
    int r = type_ready(&fileio_type);
    heap_side_pinned = pinned;
    heap_side_leave();
    return r;
}

/* f.buffer (a text file) or f.raw (a buffered one), made on first use.  CPython made it
** with f: a standard stream's at start-up (so it is made as a start-up object, off the
** pools and counts, and adopted into the oldest generation), an open()ed file's in
** open() (counted then as one of f's cpy_layers, which the real object now stands for).
** It shares f's descriptor and takes over closing it; f writes through it in order (what
** it holds goes out before f's own pending bytes). */
static Object *
file_lower(TextIOObject *f)
{
    if (f->lower)
        return newref(f->lower);
    int raw = f->binary || (f->write_through && f->writable);    /* stdin stays buffered */
    if (raw && fileio_ready() < 0)
        return NULL;
    TypeObject *type = raw                          ? &fileio_type
                       : f->readable && f->writable ? &bufrandom_type
                       : f->readable                ? &bufreader_type
                                                    : &bufwriter_type;
    const char *mode;
    if (f->binary) {
        mode = str_as_utf8(f->mode, NULL);
    } else {
        const char *m = str_as_utf8(f->mode, NULL);
        int plus = m && strchr(m, '+') != NULL;
        char kind = m && strchr(m, 'a') ? 'a' : m && strchr(m, 'x') ? 'x' : 0;
        mode = kind == 'x'                 ? (plus ? "xb+" : "xb")
               : kind == 'a'               ? (plus ? "ab+" : "ab")
               : f->readable && f->writable ? "rb+"
               : f->readable               ? "rb"
                                           : "wb";
    }
    if (!mode)
        return NULL;
    heap_side_enter();
    if (f->is_std)
        gc_startup_objects_begin();
    TextIOObject *n = tio_new(type, f->fd, f->name, mode);
    if (f->is_std)
        gc_startup_objects_end();
    heap_side_leave();
    if (!n)
        return NULL;
    /* the real object takes over its counted stand-in; a buffer also carries its FileIO's
    ** until that is made (f's cpy_layers: FileIO, buffer, then the codec objects) */
    if (!f->is_std && !f->binary && f->cpy_layers >= 2) {
        f->cpy_layers -= 2;
        n->cpy_layers = 1;
    } else if (!f->is_std && f->cpy_layers > 0) {
        f->cpy_layers--;
    }
    n->readable = f->readable;
    n->writable = f->writable;
    n->binary = 1;
    n->is_std = f->is_std;
    n->owns_fd = f->owns_fd;
    f->owns_fd = 0;
    if (!raw) {
        struct stat st;
        n->cpy_bufsize = fstat(f->fd, &st) == 0 && st.st_blksize > 1 ? (ssize_t)st.st_blksize
                                                                     : 8192;
    }
    f->lower = (Object *)n;
    return newref(f->lower);
}

Object *
file_open(Object *const *args, size_t nargs, Object *kwnames)
{
    static const char *const names[] = {"file", "mode", "buffering", "encoding", "errors",
                                        "newline", "closefd", "opener", NULL};
    Object *v[8];
    if (arg_parse_clinic("open", args, nargs, kwnames, names, 0, 0, 1, v) < 0)
        return NULL;
    Object *file = v[0];
    const char *mode = "r";
    if (v[1]) {
        if (!STR_CHECK(v[1]))
            return err_format(exc_TypeError, "open() argument 'mode' must be str, not %s",
                              TYPE(v[1])->name);
        mode = str_as_utf8(v[1], NULL);
    }
    if (v[3] && v[3] != None && STR_CHECK(v[3])) {
        const char *enc = str_as_utf8(v[3], NULL);
        if (enc && strcasecmp(enc, "utf-8") && strcasecmp(enc, "utf8") &&
            strcasecmp(enc, "ascii") && strcasecmp(enc, "latin-1"))
            return err_format(exc_LookupError, "unknown encoding: %s", enc);
    }
    int rd = 0, wr = 0, plus = 0, binary = 0, text = 0, nkinds = 0;
    int flags = 0;
    char kind = 0;
    /* CPython's _io.open: unknown or repeated letters first, then the combinations */
    for (const char *p = mode; *p; p++) {
        if (!strchr("rwax+bt", *p) || strchr(p + 1, *p))
            return err_format(exc_ValueError, "invalid mode: '%s'", mode);
        switch (*p) {
        case 'r': case 'w': case 'a': case 'x': kind = *p; nkinds++; break;
        case '+': plus = 1; break;
        case 'b': binary = 1; break;
        default: text = 1; break;
        }
    }
    if (text && binary)
        return err_set(exc_ValueError, "can't have text and binary mode at once");
    if (nkinds > 1)
        return err_set(exc_ValueError, "must have exactly one of create/read/write/append mode");
    if (binary && v[3] && v[3] != None)
        return err_set(exc_ValueError, "binary mode doesn't take an encoding argument");
    if (binary && v[4] && v[4] != None)
        return err_set(exc_ValueError, "binary mode doesn't take an errors argument");
    if (binary && v[5] && v[5] != None)
        return err_set(exc_ValueError, "binary mode doesn't take a newline argument");
    if (!kind)
        return err_set(exc_ValueError, "Must have exactly one of create/read/write/append mode and at most one plus");
    ssize_t buffering = -1;
    if (v[2] && v[2] != None) {
        if (!INT_CHECK(v[2]))
            return err_format(exc_TypeError, "'%s' object cannot be interpreted as an integer",
                              TYPE(v[2])->name);
        buffering = int_as_ssize(v[2]);
        if (buffering == -1 && err_occurred())
            return NULL;
    }
    int unbuffered = buffering == 0;
    if (unbuffered && fileio_ready() < 0)
        return NULL;
    switch (kind) {
    case 'r': rd = 1; flags = plus ? O_RDWR : O_RDONLY; wr = plus; break;
    case 'w': wr = 1; flags = (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC; rd = plus; break;
    case 'a': wr = 1; flags = (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_APPEND; rd = plus; break;
    case 'x': wr = 1; flags = (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_EXCL; rd = plus; break;
    }
    int fd;
    if (INT_CHECK(file)) {
        fd = (int)int_as_long(file);
        if (fd == -1 && err_occurred())
            return NULL;
    } else {
        if (!STR_CHECK(file))
            return err_format(exc_TypeError, "expected str, bytes or os.PathLike object, not %s",
                              TYPE(file)->name);
        const char *path = str_as_utf8(file, NULL);
        if (!path)
            return NULL;
        fd = open(path, flags | O_CLOEXEC, 0666);
        if (fd < 0) {
            return exc_set_from_errno(errno, file, NULL);
        }
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
            close(fd);
            return exc_set_from_errno(EISDIR, file, NULL);
        }
    }
    if (buffering == 0 && !binary) {
        /* CPython's _io.open finds out after making the FileIO, which it closes */
        xdecref(open_fileio_layer(1));
        gc_on_free();
        if (!INT_CHECK(file))
            close(fd);
        return err_set(exc_ValueError, "can't have unbuffered text I/O");
    }
    TypeObject *type = &textio_type;
    if (binary) {
        /* the mode a binary file reports is its FileIO's, normalised */
        type = unbuffered ? &fileio_type
               : plus     ? &bufrandom_type
               : rd       ? &bufreader_type
                          : &bufwriter_type;
        mode = kind == 'x'   ? (plus ? "xb+" : "xb")
               : kind == 'a' ? (plus ? "ab+" : "ab")
               : rd && wr    ? "rb+"
               : rd          ? "rb"
                             : "wb";
    }
    TextIOObject *f = tio_new(type, fd, file, mode);
    if (!f) {
        if (!INT_CHECK(file))
            close(fd);
        return NULL;
    }
    f->readable = rd;
    f->writable = wr;
    f->binary = binary;
    if (binary) {
        ssize_t b = v[2] && INT_CHECK(v[2]) ? int_as_ssize(v[2]) : -1;
        struct stat bst;
        if (b == -1 && err_occurred())
            err_clear();
        if (b <= 1)
            b = fstat(fd, &bst) == 0 && bst.st_blksize > 1 ? (ssize_t)bst.st_blksize : 8192;
        f->cpy_bufsize = b;
    }
    open_cpython_layers(f, binary, unbuffered, rd, wr);
    f->owns_fd = !INT_CHECK(file) || !v[6] || obj_is_true(v[6]) > 0;
    if (!binary && v[3] && STR_CHECK(v[3])) {
        /* the name as given; ascii and latin-1 go through the codecs */
        const char *enc = str_as_utf8(v[3], NULL);
        f->encoding = newref(v[3]);
        f->other_codec = enc && strcasecmp(enc, "utf-8") && strcasecmp(enc, "utf8");
    }
    if (!binary && v[4] && STR_CHECK(v[4]))
        f->errors = newref(v[4]);
    return (Object *)f;
}

void
file_init(void)
{
}

void
file_fini(void)
{
    file_flush_stdout();
    if (std_err && !tio_closed((TextIOObject *)std_err))
        tio_flush_raw((TextIOObject *)std_err);
    std_out = NULL;
    std_err = NULL;
}
