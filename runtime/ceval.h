/*
** ceval.h -- the evaluator's entry points that runtime objects need (implemented by
** interp/vm.c).  This is the one place where runtime/ reaches up into interp/: calling
** a Python function, resuming a generator frame, and asking for the running frame.
*/
#ifndef PYHEAP_CEVAL_H
#define PYHEAP_CEVAL_H

#include "object.h"
#include "frameobject.h"

/* Call a FunctionObject (its vectorcall slot). */
Object *vm_call_function(Object *func, Object *const *args, size_t nargs, Object *kwnames);
/* Run a code object with the given globals/locals (module bodies, exec). */
Object *vm_eval_code(Object *code, Object *globals, Object *locals);
/* Resume a suspended generator frame: send 'value' (or throw the pending exception if
** 'throwflag'); returns the yielded or returned value, NULL on exception.  *returned is
** set to 1 when the frame finished (return), 0 when it yielded. */
Object *vm_resume_frame(Frame *f, Object *value, int throwflag, int *returned);
/* The subiterator of a suspended generator frame waiting in 'yield from' (borrowed; on
** top of its stack), or NULL when it is suspended at a plain yield (CPython _PyGen_yf). */
Object *vm_frame_yield_from(Frame *f);
/* Abandon that 'yield from': pop the subiterator (releasing it) and make the frame
** continue after the loop, where the next resume pushes the loop's result or raises. */
void vm_frame_leave_yield_from(Frame *f);
Object *vm_current_globals(void);       /* borrowed; NULL outside any frame */
Object *vm_current_builtins(void);
Frame *vm_current_frame(void);
/* For traceback carets (PEP 657): parse the source segment (UTF-8) of a failing
** expression; for a binary operation or subscript, set *left_end / *right_start (byte
** offsets within the segment) of the operator/index part and return 1; else 0. */
int vm_extract_anchors(const char *segment, size_t len, int *left_end, int *right_start);

#endif
