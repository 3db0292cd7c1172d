/*
** buf.h -- a growable byte buffer (UTF-8 text assembly, encoders).  Memory comes from the
** private heap.  Functions return -1 and set MemoryError on failure.
*/
#ifndef PYHEAP_BUF_H
#define PYHEAP_BUF_H

#include <stddef.h>
#include <stdarg.h>

typedef struct Buf {
    char *data;             /* always NUL-terminated after a successful append */
    size_t len, cap;
    char small[120];
} Buf;

void buf_init(Buf *b);
void buf_free(Buf *b);
int buf_reserve(Buf *b, size_t extra);
int buf_append(Buf *b, const char *s, size_t n);
int buf_puts(Buf *b, const char *s);
int buf_putc(Buf *b, char c);
int buf_put_utf8_char(Buf *b, unsigned int cp);     /* encode one code point */
int buf_printf(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Take the contents as a heap block (caller heap_free()s it); the buffer is reset. */
char *buf_steal(Buf *b, size_t *len);

#endif
