/*
** compile.h -- AST to code objects.  compile.c runs the AST optimiser (constant folding
** as CPython 3.11's ast_opt.c), builds the symbol table (symtable.c), generates code for
** every block, and assembles each into a CodeObject (stack depth by flow analysis,
** exception table, locations).  Equal constants anywhere in one compilation unit are one
** object; identifier-like string constants are interned.
*/
#ifndef PYHEAP_COMPILE_H
#define PYHEAP_COMPILE_H

#include "interp/ast.h"
#include "grammar/parse.h"

/* Compile a parsed module.  mode: PARSE_FILE (module), PARSE_SINGLE (interactive: an
** expression statement's value is echoed), PARSE_EVAL (expression).  'source' is the text
** (for SyntaxError lines; may be NULL).  Returns a new CodeObject or NULL + exception. */
Object *compile_mod(Mod *mod, const char *filename, ParseMode mode, const char *source,
                    size_t source_len, Arena *arena);
/* The same with the filename as a str object, shared by every code object made: the REPL
** passes its one "<stdin>" for all statements, as CPython's interactive loop does. */
Object *compile_mod_with(Mod *mod, Object *filename, ParseMode mode, const char *source,
                         size_t source_len, Arena *arena);

/* Parse and compile in one go; the AST arena is freed unless keep_arena is given, in
** which case the caller owns it (a script keeps its AST alive while it runs, as CPython
** does, which shows in sys.getrefcount of literals). */
Object *compile_source(const char *src, size_t len, const char *filename, ParseMode mode,
                       Arena **keep_arena);

/* Raise SyntaxError for the compiler and symbol table (source line looked up in the
** text being compiled). */
void compile_raise_syntax_error(const char *filename, const char *msg, int lineno, int col,
                                int end_lineno, int end_col);

/* Disassemble (debug/tests). */
void compile_dis(Object *code, void *file);

#endif
