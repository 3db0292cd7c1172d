/*
** buf.c -- growable byte buffer; see buf.h.  Starts in the embedded 'small' array and
** moves to a heap block when it outgrows it (doubling).
*/
#include "buf.h"
#include "heap.h"
#include "error.h"
#include <stdio.h>
#include <string.h>

void
buf_init(Buf *b)
{
    b->data = b->small;
    b->len = 0;
    b->cap = sizeof b->small;
    b->small[0] = '\0';
}

void
buf_free(Buf *b)
{
    if (b->data != b->small)
        heap_free(b->data);
    buf_init(b);
}

int
buf_reserve(Buf *b, size_t extra)
{
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return 0;
    size_t ncap = b->cap * 2;
    while (ncap < need)
        ncap *= 2;
    char *nd;
    if (b->data == b->small) {
        nd = heap_alloc(ncap);
        if (nd)
            memcpy(nd, b->small, b->len + 1);
    } else {
        nd = heap_realloc(b->data, ncap);
    }
    if (!nd) {
        err_no_memory();
        return -1;
    }
    b->data = nd;
    b->cap = ncap;
    return 0;
}

int
buf_append(Buf *b, const char *s, size_t n)
{
    if (buf_reserve(b, n) < 0)
        return -1;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int
buf_puts(Buf *b, const char *s)
{
    return buf_append(b, s, strlen(s));
}

int
buf_putc(Buf *b, char c)
{
    if (b->len + 2 > b->cap && buf_reserve(b, 1) < 0)
        return -1;
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
    return 0;
}

int
buf_put_utf8_char(Buf *b, unsigned int cp)
{
    char t[4];
    size_t n;
    if (cp < 0x80) {
        t[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        t[0] = (char)(0xC0 | (cp >> 6));
        t[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        t[0] = (char)(0xE0 | (cp >> 12));
        t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        t[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        t[0] = (char)(0xF0 | (cp >> 18));
        t[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        t[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        t[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    return buf_append(b, t, n);
}

int
buf_printf(Buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
    va_end(ap);
    if (n < 0)
        return -1;
    if ((size_t)n >= b->cap - b->len) {
        if (buf_reserve(b, (size_t)n) < 0)
            return -1;
        va_start(ap, fmt);
        vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
        va_end(ap);
    }
    b->len += (size_t)n;
    return 0;
}

char *
buf_steal(Buf *b, size_t *len)
{
    char *r;
    if (b->data == b->small) {
        r = heap_alloc(b->len + 1);
        if (!r) {
            err_no_memory();
            return NULL;
        }
        memcpy(r, b->small, b->len + 1);
    } else {
        r = b->data;
    }
    if (len)
        *len = b->len;
    buf_init(b);
    return r;
}
