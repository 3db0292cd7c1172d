/*
** fileobject.h -- text files: sys.stdin/stdout/stderr and open().  stdout is buffered
** (flushed at exit, when full, and before anything is written to stderr, so the
** interleaving of the two matches CPython's when both go to the same terminal or file).
*/
#ifndef PYHEAP_FILEOBJECT_H
#define PYHEAP_FILEOBJECT_H

#include "object.h"

extern TypeObject textio_type;
/* open(..., 'b'): the same object with bytes in and out (_io.BufferedReader...) */
extern TypeObject bufreader_type, bufwriter_type, bufrandom_type, fileio_type;

/* -u or PYTHONUNBUFFERED: the standard streams write through (set before sys exists) */
extern int file_unbuffered_stdio;

void file_init(void);
void file_fini(void);
void file_flush_stdout(void);
/* Write UTF-8 text to the file object (sys.stdout etc. or any object with .write). */
int file_write_str(Object *file, Object *s);
int file_write_cstr(Object *file, const char *s);
Object *file_new_std(int fd, const char *name, int buffered);
/* open(file, mode='r', encoding=None, ...) */
Object *file_open(Object *const *args, size_t nargs, Object *kwnames);
/* Read one line from a file object for input(); NULL + EOFError at end. */
Object *file_readline_std(void);

#endif
