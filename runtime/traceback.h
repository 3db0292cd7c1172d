/*
** traceback.h -- traceback objects (tb_next, tb_frame, tb_lasti, tb_lineno) and the
** printer that writes CPython 3.11's "Traceback (most recent call last):" report,
** including source lines read from the file and PEP 657 ~~~^^^ position markers.
*/
#ifndef PYHEAP_TRACEBACK_H
#define PYHEAP_TRACEBACK_H

#include "object.h"
#include "frameobject.h"
#include <stdio.h>

typedef struct TracebackObject {
    OBJECT_HEAD;
    struct TracebackObject *tb_next;
    FrameObject *tb_frame;
    int tb_lasti;
    int tb_lineno;
} TracebackObject;

extern TypeObject traceback_type;

/* Add a traceback entry for frame f at its current instruction to exc.__traceback__. */
int tb_add_frame(Object *exc, Frame *f);
/* A new traceback entry for frame f in front of next (may be NULL); NULL on error. */
Object *tb_new_entry(Object *next, Frame *f);
/* Print exc with its chain (__cause__/__context__) and tracebacks, as CPython does. */
void tb_print_exception(Object *exc, FILE *out);
/* Just "Traceback (most recent call last):" and the entries of tb (PyTraceBack_Print). */
void tb_print_traceback(Object *tb, FILE *out);
/* Register source text for a pseudo-file (e.g. -c code) so tracebacks can show lines;
** CPython shows none for <string>/<stdin>, so this is only used for files. */
void tb_set_source(const char *filename, const char *text, size_t len);
void tb_fini(void);                     /* teardown: free the source cache */

#endif
