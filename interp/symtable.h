/*
** symtable.h -- scope analysis (CPython's Python/symtable.c).  One pass records, for
** every block (module, class, function, lambda, comprehension), each name's uses and
** bindings; the analysis then decides each name's scope: local, cell (local captured by
** a nested function), free (from an enclosing function), global explicit ('global x')
** or global implicit (not bound in any enclosing function).  Class bodies do not
** provide bindings to nested functions, except the implicit __class__ cell that
** zero-argument super() uses.
*/
#ifndef PYHEAP_SYMTABLE_H
#define PYHEAP_SYMTABLE_H

#include "interp/ast.h"

enum {
    DEF_GLOBAL = 1, DEF_LOCAL = 2, DEF_PARAM = 4, DEF_NONLOCAL = 8, USE = 16,
    DEF_FREE = 32, DEF_FREE_CLASS = 64, DEF_IMPORT = 128, DEF_ANNOT = 256,
    DEF_COMP_ITER = 512
};
#define DEF_BOUND (DEF_LOCAL | DEF_PARAM | DEF_IMPORT)
#define SCOPE_OFFSET 11
#define SCOPE_MASK (DEF_GLOBAL | DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL)

enum { SC_LOCAL = 1, SC_GLOBAL_EXPLICIT = 2, SC_GLOBAL_IMPLICIT = 3, SC_FREE = 4,
       SC_CELL = 5 };

typedef enum { BLOCK_FUNCTION, BLOCK_CLASS, BLOCK_MODULE } BlockType;

typedef struct SymEntry {
    BlockType type;
    Object *name;               /* block name: function/class name, "top", "<lambda>" */
    Object *symbols;            /* dict: name -> int flags (| scope << SCOPE_OFFSET) */
    Object *varnames;           /* list of parameter names, in order */
    struct SymEntry **children;
    int nchildren, capchildren;
    void *key;                  /* the AST node (Stmt*, Expr*, or Mod*) */
    struct SymEntry *parent;
    int lineno, col;
    unsigned nested : 1;        /* inside a function */
    unsigned generator : 1;
    unsigned coroutine : 1;
    unsigned comprehension : 1;
    unsigned varargs : 1;
    unsigned varkeywords : 1;
    unsigned returns_value : 1;
    unsigned needs_class_closure : 1;
    unsigned child_free : 1;
    unsigned free : 1;
    unsigned comp_iter_target : 1;
    int comp_iter_expr;         /* > 0 while visiting a comprehension's iterable */
    int next_child;             /* compiler's cursor over children */
    struct SymDirective *directives;    /* global/nonlocal statements, for error positions */
    int ndirectives, capdirectives;
} SymEntry;

typedef struct SymDirective {
    Object *name;               /* mangled */
    int lineno, col, end_lineno, end_col;
} SymDirective;

typedef struct SymTable {
    const char *filename;
    SymEntry *top;
    SymEntry *cur;
    Object *global;             /* dict of module-level names */
    Object *private_name;       /* class name for __mangling, or NULL */
    SymEntry **stack;
    int depth, cap;
    int recursion;
} SymTable;

/* Build the table for mod; NULL + SyntaxError on error. */
SymTable *symtable_build(Mod *mod, const char *filename);
void symtable_free(SymTable *st);
/* The entry for an AST node (function/class/lambda/comprehension/module). */
SymEntry *symtable_lookup(SymTable *st, void *key);
int sym_scope(SymEntry *e, Object *name);       /* SC_* or 0 if unknown */
int sym_flags(SymEntry *e, Object *name);
/* Name mangling: __x inside class C becomes _C__x (new reference). */
Object *sym_mangle(Object *privateobj, Object *name);

#endif
