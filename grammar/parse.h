/*
** parse.h -- source text to AST: the re2c lexer (lexer.re) feeds the lemon parser
** (parser.y) through the pump in parse.c.  Errors never unwind: on failure the functions
** return NULL with a SyntaxError (or IndentationError / TabError) pending whose
** attributes are CPython's: msg, filename, lineno, offset (1-based), text, end_lineno,
** end_offset.
*/
#ifndef PYHEAP_PARSE_H
#define PYHEAP_PARSE_H

#include "interp/ast.h"

typedef enum {
    PARSE_FILE,             /* a module: statements up to EOF */
    PARSE_SINGLE,           /* one interactive statement (REPL, mode "single") */
    PARSE_EVAL              /* one expression (eval) */
} ParseMode;

typedef struct ParseResult {
    Mod *mod;               /* NULL on error */
    int incomplete;         /* error only because the input ended too early (an open
                               bracket, an unterminated triple-quoted string, a block
                               header with no body yet, a trailing backslash): the REPL
                               reads another line instead of reporting it */
} ParseResult;

/* Parse 'len' bytes of source (need not be NUL-terminated; may contain NULs, which are
** errors).  The AST is allocated in 'arena'. */
ParseResult parse_source(const char *src, size_t len, const char *filename, ParseMode mode,
                         Arena *arena);

/* The REPL's statement parse: the heap traffic of CPython's interactive tokenizer reading
** the statement's lines is modelled too (stdin read line by line). */
extern int parse_model_lines;

/* Line 'lineno' of the file named 'filename' read from disk, as CPython's err_programtext
** (the text of SyntaxErrors): a heap block ending with its '\n' if it had one, or NULL. */
char *parse_file_line(const char *filename, int lineno);

#endif
