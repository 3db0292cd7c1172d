/*
** codeobject.h -- compiled code.  Instructions are 32-bit words: the opcode in the low
** 8 bits and the argument in the high 24 (interp/opcodes.h), some followed by inline
** cache words.  Every instruction word has a source location (line, end line, column,
** end column: CPython 3.11's positions, used by tracebacks and their ~~^^ carets), and
** exception handling is table driven: a range of instruction offsets maps to a handler
** offset, the value-stack depth to unwind to, and whether to push the last offset.
*/
#ifndef PYHEAP_CODEOBJECT_H
#define PYHEAP_CODEOBJECT_H

#include "object.h"

/* co_flags, CPython's values */
enum {
    CO_OPTIMIZED = 0x1, CO_NEWLOCALS = 0x2, CO_VARARGS = 0x4, CO_VARKEYWORDS = 0x8,
    CO_NESTED = 0x10, CO_GENERATOR = 0x20, CO_NOFREE = 0x40, CO_COROUTINE = 0x80,
    CO_ITERABLE_COROUTINE = 0x100, CO_ASYNC_GENERATOR = 0x200
};

/* kinds of the localsplus slots */
enum { CO_FAST_LOCAL = 0x20, CO_FAST_CELL = 0x40, CO_FAST_FREE = 0x80 };

typedef struct CodeLoc {
    int32_t lineno, end_lineno;         /* -1: none */
    int16_t col, end_col;               /* 0-based byte columns; -1: none */
} CodeLoc;

typedef struct ExcEntry {
    uint32_t start, end;                /* [start, end) instruction offsets (words) */
    uint32_t handler;
    uint16_t depth;                     /* stack depth at the handler */
    uint16_t lasti;                     /* push the raising offset too */
} ExcEntry;

typedef struct CodeObject {
    OBJECT_HEAD;
    Object *consts;                     /* tuple */
    Object *names;                      /* tuple of str: globals, attributes */
    Object *localsplusnames;            /* tuple of str: locals, cells, frees */
    uint8_t *localspluskinds;           /* heap block, one CO_FAST_* per slot */
    Object *filename, *name, *qualname;
    int argcount, posonlyargcount, kwonlyargcount;
    int nlocalsplus, nlocals, ncellvars, nfreevars;
    int stacksize, flags, firstlineno;
    int ncode;                          /* words of code */
    int cpy_units;                      /* CPython 3.11's code units for it (sizes) */
    uint32_t *code;                     /* heap block */
    CodeLoc *locs;                      /* ncode entries */
    int nexc;
    ExcEntry *exctable;
    int framesize;                      /* nlocalsplus + stacksize */
    int warmup;                         /* < 0 until quickened: CPython 3.11's co_warmup
                                           (counts calls, resumptions and backward
                                           jumps; see vm.c vm_code_warmup) */
    Object *weakreflist;
    void *extra;                        /* VM-owned data (specialisation) */
    Object *linetable;                  /* bytes the size of CPython's co_linetable */
    Object *exctable_bytes;             /* bytes the size of CPython's co_exceptiontable */
} CodeObject;

extern TypeObject code_type;

/* Takes over the heap blocks code, locs, exctable and localspluskinds. */
/* A code object taking the heap block CPython's would: its header and co_code_adaptive of
** ncode code units.  'linetable' and 'exctable_bytes' (the compiler sets them) stand in for
** co_linetable and co_exceptiontable. */
CodeObject *code_new_sized(int ncode);
/* Source position of the instruction at word offset 'offset'. */
const CodeLoc *code_loc(CodeObject *co, int offset);
int code_addr2line(CodeObject *co, int offset);
/* Names of the localsplus slots; borrowed. */
#define CODE_LOCALNAME(co, i) TUPLE_GET((co)->localsplusnames, i)

#endif
