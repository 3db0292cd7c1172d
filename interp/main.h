/*
** main.h -- the pieces of the command-line driver shared by main.c and repl.c: running
** a compiled unit in __main__, and reporting an uncaught exception as CPython does.
*/
#ifndef PYHEAP_MAIN_H
#define PYHEAP_MAIN_H

#include "runtime/object.h"

/* Report the pending exception through sys.excepthook (CPython's PyErr_Print): a
** SystemExit is not printed but turned into an exit status, stored in *exit_code, and 1
** is returned; otherwise the traceback goes to stderr, sys.last_* are set when 'set_last',
** and 0 is returned. */
int main_report_exception(int set_last, int *exit_code);
/* Set by main_report_exception when an uncaught KeyboardInterrupt ends a script (main
** then dies of SIGINT, as CPython does). */
extern int main_died_of_sigint;

/* The interactive loop on stdin with globals 'g'; pool_shape, if not NULL, is given to
** heap_shape before the first prompt.  Returns the process exit status. */
int repl_run(Object *g, const unsigned short *pool_shape);
/* The start-up banner (stderr): pyheap, its version, how to leave. */
void repl_print_banner(void);

#endif
