/*
** state.h -- the one global Runtime (clox's 'vm', MicroPython's mp_state_ctx): the pending
** exception, the current frame chain, recursion accounting and the interpreter-wide
** objects (builtins, sys.modules).  Per-type caches (free lists, small ints) stay static in
** their own files.
*/
#ifndef PYHEAP_STATE_H
#define PYHEAP_STATE_H

#include "object.h"
#include <stdio.h>

struct Frame;

/* The "handled exception" stack (sys.exc_info()): one entry per running generator or
** frame that is inside an except block, as CPython's _PyErr_StackItem chain. */
typedef struct ExcInfo {
    Object *exc_value;          /* the exception being handled, or NULL/None */
    struct ExcInfo *previous;
} ExcInfo;

typedef struct Runtime {
    Object *curexc;             /* pending exception instance or NULL */
    /* or, while curexc is NULL, a pending exception not made yet (CPython's unnormalized
    ** curexc_type/value/traceback): pend_type NULL when there is none */
    TypeObject *pend_type;
    Object *pend_value;         /* str, args tuple or NULL */
    Object *pend_tb;            /* the traceback entries added meanwhile, or NULL */
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
    long long eval_budget;      /* eval-breaker checks left (-X budget); see vm.c */
    int finalizing;             /* shutdown: 1 started, 2 sys.modules emptied, 3 finalized
                                   (interp_fini); from 3 on nothing reaches stderr */
    int interactive;            /* REPL mode */
    int flag_leakcheck;         /* -X leakcheck */
    int flag_heapstats;         /* -X heapstats */
    int flag_linetable;         /* -X linetable: each code object's modelled
                                ** len(co_linetable) on stderr (scripts/linetable_check.py) */
    int flag_verbose_errors;
    const char *progname;
} Runtime;

extern Runtime rt;

/* C stack guard: a deep C recursion (repr of nested lists, the compiler...) calls this
** on entry; -1 + RecursionError when too deep.  rt_leave_recursion on exit. */
int rt_enter_recursion_slow(const char *where);

static inline int
rt_enter_recursion(const char *where)
{
    char here;
    if (__builtin_expect(++rt.recursion_depth > rt.recursion_limit ||
                         &here < rt.c_stack_limit, 0))
        return rt_enter_recursion_slow(where);
    return 0;
}

static inline void
rt_leave_recursion(void)
{
    rt.recursion_depth--;
}
/* Just the C stack check (no depth accounting); -1 + exception when too deep. */
int rt_check_c_stack(void);

void rt_init(int argc, char **argv);    /* bring up every type and module */
/* Teardown of the runtime layer (after the interpreter dropped sys/builtins/modules):
** releases every cache so that a correct program leaves no object and no block. */
void rt_fini(void);
/* The part of rt_fini to run before the last collection: objects the runtime holds
** outside any container (gc.garbage, the preallocated MemoryError's traceback ...). */
void rt_drop_roots(void);
/* Keep o (a new reference, may be NULL) alive until rt_drop_roots, as CPython keeps its
** static objects made on first use (Argument Clinic keyword tuples, the thread-state
** dict): they are real allocations, so free lists and gc counts move as in CPython.
** Returns o, or NULL (with the exception set when o was NULL). */
/* The references None, True and False were given for CPython's start-up objects (main.c;
** 0 where nothing was added, as in the unit tests and fuzzers). */
extern ssize_t rt_singleton_startup_refs[3];
Object *rt_keep(Object *o);
/* Fill the free lists as CPython 3.11's are when a script starts. */
void rt_prime_freelists(int repl);    /* CPython's free lists at the start */
/* -X leakcheck: print every block still allocated (objects by type) to out; returns
** their number (0: clean).  Call after rt_fini, before heap_fini. */
ssize_t rt_leak_report(FILE *out);

#endif
