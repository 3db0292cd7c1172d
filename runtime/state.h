/*
** state.h -- the one global Runtime (clox's 'vm', MicroPython's mp_state_ctx): the pending
** exception, the current frame chain, recursion accounting and the interpreter-wide
** objects (builtins, sys.modules).  Per-type caches (free lists, small ints) stay static in
** their own files.
*/
#ifndef PYHEAP_STATE_H
#define PYHEAP_STATE_H

#include "object.h"

struct Frame;

/* The "handled exception" stack (sys.exc_info()): one entry per running generator or
** frame that is inside an except block, as CPython's _PyErr_StackItem chain. */
typedef struct ExcInfo {
    Object *exc_value;          /* the exception being handled, or NULL/None */
    struct ExcInfo *previous;
} ExcInfo;

typedef struct Runtime {
    Object *curexc;             /* pending exception instance or NULL */
    struct Frame *frame;        /* innermost running frame */
    ExcInfo *exc_info;          /* top of the handled-exception stack */
    ExcInfo exc_base;
    int recursion_depth;        /* Python calls + guarded C recursion */
    int recursion_limit;        /* sys.setrecursionlimit */
    int recursion_headroom;     /* > 0 while raising RecursionError */
    char *c_stack_limit;        /* lowest safe C stack address */
    Object *builtins;           /* the builtins module's dict */
    Object *builtins_module;
    Object *sys_module;
    Object *sys_dict;
    Object *modules;            /* sys.modules */
    Object *main_module;
    volatile int sigint_pending;/* set by the SIGINT handler */
    int finalizing;             /* interpreter shutdown in progress */
    int interactive;            /* REPL mode */
    int flag_leakcheck;         /* -X leakcheck */
    int flag_heapstats;         /* -X heapstats */
    int flag_verbose_errors;
    const char *progname;
} Runtime;

extern Runtime rt;

/* C stack guard: a deep C recursion (repr of nested lists, the compiler...) calls this
** on entry; -1 + RecursionError when too deep.  rt_leave_recursion on exit. */
int rt_enter_recursion(const char *where);
void rt_leave_recursion(void);
/* Just the C stack check (no depth accounting); -1 + exception when too deep. */
int rt_check_c_stack(void);

void rt_init(int argc, char **argv);    /* bring up every type and module */
void rt_fini(void);                     /* finalize: modules, gc, leak check */

#endif
