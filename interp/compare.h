/*
** compare.h -- `pyheap --compare-modes FILE`: run a file as one script and statement by
** statement as the REPL would, and explain every `is` / id() result that differs.
*/
#ifndef PYHEAP_COMPARE_H
#define PYHEAP_COMPARE_H

#include "runtime/object.h"

/* Run the comparison for 'path' (the interpreter is initialised, __main__'s dict is
** 'g'); prints the report on stdout and returns the exit status (0; 2 when the file can't
** be read, 1 on an internal error). */
int compare_modes_main(const char *path, Object *g);

/* Set while a --compare-modes run records: the REPL loop (repl.c) reports every unit it
** compiles, with the input line the unit started on (1-based). */
extern void (*compare_unit_hook)(Object *code, long first_line);

/* Set while recording: the VM calls it for every `is` / `is not` (IS_OP) before the
** operands are released, and builtins.id() for every call.  'kind' is COMPARE_IS,
** COMPARE_IS_NOT or COMPARE_ID (b is NULL then). */
enum { COMPARE_IS = 0, COMPARE_IS_NOT = 1, COMPARE_ID = 2 };
extern void (*compare_ident_hook)(int kind, Object *a, Object *b);

#endif
