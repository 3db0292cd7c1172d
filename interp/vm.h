/*
** vm.h -- the bytecode interpreter (vm.c).  Python-to-Python calls run in the same C
** loop (frames are pushed on the frame stack and the loop continues), so Python
** recursion consumes no C stack; calls from C into Python (a __repr__ called by print,
** a key function called by sorted, resuming a generator) enter vm_run afresh with an
** "entry" frame.
*/
#ifndef PYHEAP_VM_H
#define PYHEAP_VM_H

#include "runtime/object.h"
#include "runtime/frameobject.h"
#include "runtime/ceval.h"

void vm_init(void);
void vm_fini(void);
/* Run a module-level code object in globals (locals = globals). */
Object *vm_run_module_code(Object *code, Object *globals);
/* __build_class__ helper: run a class body function with ns as its locals. */
Object *vm_run_class_body(Object *func, Object *ns);
/* The builtins of the running frame (or the interpreter's). */
Object *vm_builtins(void);

#endif
