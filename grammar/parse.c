/*
** parse.c -- source text to AST: the pump that feeds the lexer's tokens to the lemon
** parser (SQLite's sqlite3RunParser), the helpers the grammar actions call to build
** nodes, literal decoding (numbers, strings, bytes, f-strings), target validation, and
** the diagnosis of syntax errors with CPython 3.11's messages and positions.
**
** Positions.  A node's extent is token-based as in CPython's PEG actions (EXTRA): it
** runs from the first token of its rule to the last, so a parenthesized operand extends
** its parent ("(a) + b" starts at the '(') while the operand keeps its inner extent.  The
** parenthesized expressions are remembered in a small hash map (ParenMap) from the node
** to its outer extent; ex_start()/ex_end() consult it.
**
** Errors.  Helpers raise a SyntaxError (err_syntax) and set ps->failed; they never
** unwind.  The pump checks ps->failed after each token and stops.  Syntax errors that
** lemon detects are diagnosed in parse_syntax_error(): before feeding a token, the pump
** asks the parser whether it would accept it (parser_would_accept); when not, it records
** which tokens would have been accepted (pre_accept) so the diagnosis sees the state
** before lemon's default reductions.  Then CPython's specific messages are tried in
** roughly the order of its invalid_* rules, falling back to "invalid syntax" at the
** offending token.  After a parser error in a non-interactive parse, the rest of the
** source is tokenized and a later tokenizer error replaces it, as CPython does
** (_PyPegen_tokenize_full_source_to_check_for_errors).
**
** f-strings are one STRING token, as in 3.11; their replacement fields are parsed by a
** nested ParseState over "(expr)" with positions shifted the way 3.11.7's
** fstring_find_expr_location() shifts them.  Literal pieces become Constant nodes
** positioned at the whole run of adjacent strings, as CPython's FstringParser does.
**
** Depth.  Lemon's stack is heap-allocated (%stack_size 0) and actions build nodes
** bottom-up without recursion; brackets nest at most 200 deep (lexer).  After a
** successful parse, an iterative walk refuses trees deeper than PARSE_MAX_DEPTH with
** RecursionError, as CPython's compiler does, so later recursive passes are bounded.
*/
#include "grammar/lexer.h"
#include "grammar/parse.h"
#include "interp/ast.h"
#include "interp/arena.h"
#include "runtime/buf.h"
#include "runtime/bytesobject.h"
#include "runtime/complexobject.h"
#include "runtime/error.h"
#include "runtime/floatobject.h"
#include "runtime/format.h"
#include "runtime/heap.h"
#include "runtime/intobject.h"
#include "runtime/strobject.h"
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PARSE_MAX_DEPTH 2991    /* stmt+expr nesting; CPython: ~3000 (compile.c) */

typedef struct Pos {
    int line, col;
} Pos;

/* ------------------------------------------------------------------------------------
** Raising errors
*/

/* Line 'lineno' of the file named 'filename' as CPython's err_programtext reads it:
** universal newlines, the '\n' kept, and of a line longer than its 1000-byte buffer only
** the last 999-byte piece.  A heap block, or NULL (no such file or line). */
char *
parse_file_line(const char *filename, int lineno)
{
    if (!filename || lineno < 1)
        return NULL;
    FILE *f = fopen(filename, "rb");
    if (!f)
        return NULL;
    char *r = NULL;
    size_t len = 0, cap = 0;
    int line = 1, c, got = 0;
    while ((c = getc(f)) != EOF) {
        if (c == '\r') {
            int d = getc(f);
            if (d != '\n' && d != EOF)
                ungetc(d, f);
            c = '\n';
        }
        if (line == lineno) {
            if (len + 2 > cap) {
                size_t nc = cap ? cap * 2 : 128;
                char *nr = heap_realloc(r, nc);
                if (!nr)
                    break;
                r = nr;
                cap = nc;
            }
            r[len++] = (char)c;
            got = 1;
        }
        if (c == '\n' && ++line > lineno)
            break;
    }
    fclose(f);
    if (!got) {
        heap_free(r);
        return NULL;
    }
    size_t skip = (len - 1) / 999 * 999;
    memmove(r, r + skip, len - skip);
    r[len - skip] = '\0';
    return r;
}

/* The source line of a SyntaxError raised through the parser's rules, as CPython's
** _PyPegen_raise_error_known_location picks it: for file input, the line of the file
** named 'filename' read from disk when there is one; otherwise the tokenizer's current
** line (buf..inp, '\n' included) when the error is on it, and a line cut out of the
** earlier buffers (no '\n') when before it.  The interactive prompt always takes the
** buffers' line.  'tok_line' is the tokenizer's line (where its last token ends).
** Sets *tlen, and *owned to a heap block the caller frees (or NULL). */
static const char *
error_line_text(ParseState *ps, Lexer *lx, int line, int tok_line, int *tlen, char **owned)
{
    *owned = NULL;
    if (ps->mode == PARSE_FILE) {
        char *disk = parse_file_line(ps->filename, line);
        if (disk) {
            *owned = disk;
            *tlen = (int)strlen(disk);
            return disk;
        }
    }
    const char *text = lex_line_text(lx, line, tlen);
    if (ps->mode != PARSE_SINGLE && text[*tlen] == '\n' && line >= tok_line)
        (*tlen)++;
    return text;
}

static void
error_msg(ParseState *ps, TypeObject *type, const char *msg, int l0, int c0, int l1,
                int c1)
{
    if (ps->failed)
        return;
    ps->failed = 1;
    char full[600];
    const char *text;
    int tlen;
    char small[256];
    char *copy = small;
    char *owned = NULL;
    if (ps->in_fstring) {
        snprintf(full, sizeof full, "f-string: %s", msg);
        msg = full;
        text = ps->fs_text;
        const char *nl = strchr(text, '\n');
        tlen = nl ? (int)(nl - text) : (int)strlen(text);
        c0 -= ps->fs_col_base;
        if (c1 >= 0)
            c1 -= ps->fs_col_base;
        if (c0 < 0)
            c0 = 0;
    }
    else
        text = error_line_text(ps, ps->lx, l0, ps->la.end_line, &tlen, &owned);
    if (tlen >= (int)sizeof small) {
        copy = heap_alloc((size_t)tlen + 1);
        if (!copy) {
            heap_free(owned);
            err_no_memory();
            return;
        }
    }
    memcpy(copy, text, (size_t)tlen);
    copy[tlen] = '\0';
    heap_free(owned);
    err_syntax(type, msg, ps->filename, l0, c0, copy, l1, c1);
    if (copy != small)
        heap_free(copy);
}

static void
error_at(ParseState *ps, TypeObject *type, Pos s, Pos e, const char *fmt, ...)
{
    if (ps->failed)
        return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    error_msg(ps, type, msg, s.line, s.col, e.line, e.col);
}

static Pos
pos_tstart(Token t)
{
    Pos p = { t.line, t.col };
    return p;
}

static Pos
pos_tend(Token t)
{
    Pos p = { t.end_line, t.end_col };
    return p;
}

static Pos
pos_estart(Expr *e)
{
    Pos p = { e ? e->lineno : 0, e ? e->col_offset : 0 };
    return p;
}

static Pos
pos_eend(Expr *e)
{
    Pos p = { e ? e->end_lineno : 0, e ? e->end_col_offset : 0 };
    return p;
}

/* SyntaxError at a token / node (CPython's RAISE_SYNTAX_ERROR_KNOWN_LOCATION). */
static void
error_tok(ParseState *ps, Token t, const char *msg)
{
    error_at(ps, exc_SyntaxError, pos_tstart(t), pos_tend(t), "%s", msg);
}

static void
error_node(ParseState *ps, Expr *e, const char *msg)
{
    error_at(ps, exc_SyntaxError, pos_estart(e), pos_eend(e), "%s", msg);
}

void
parse_fail_token(ParseState *ps, Token t, const char *msg)
{
    error_tok(ps, t, msg);
}

void
parse_no_memory(ParseState *ps)
{
    if (!ps->failed) {
        ps->failed = 1;
        if (!err_occurred())
            err_no_memory();
    }
}

/* A lexer error becomes the pending exception. */
static void
error_lexer(ParseState *ps, Lexer *lx)
{
    LexError *le = &lx->err;
    if (ps->failed && le->kind != LEXERR_NOMEM)
        err_clear();
    ps->failed = 1;
    if (le->kind == LEXERR_NOMEM) {
        if (!err_occurred())
            err_no_memory();
        return;
    }
    TypeObject *type = le->kind == LEXERR_INDENT ? exc_IndentationError
                       : le->kind == LEXERR_TAB  ? exc_TabError
                                                 : exc_SyntaxError;
    ps->incomplete = le->incomplete;
    if (le->line == 0) {                /* no position (encoding problems) */
        err_set(type, le->msg);
        return;
    }
    int tlen;
    const char *text;
    char *owned = NULL;
    int col = le->col, end_col = le->end_col;
    if (ps->in_fstring) {
        /* tokenizer errors in a replacement field: relative to the "(expr)" text and
        ** without the "f-string: " prefix (CPython's syntaxerror() on the sub-tokenizer) */
        text = ps->fs_text;
        const char *nl = strchr(text, '\n');
        tlen = nl ? (int)(nl - text) : (int)strlen(text);
        if (le->line == lx->line_base + 1) {
            col -= lx->col_base;
            if (end_col >= 0)
                end_col -= lx->col_base;
        }
    }
    else if (le->kind == LEXERR_SYNTAX) {
        /* the tokenizer's own SyntaxErrors cut the line at its '\n' (CPython's
        ** _syntaxerror_range) */
        text = lex_line_text(lx, le->line, &tlen);
    }
    else {
        /* the others are raised by the parser (_PyPegen_tokenizer_error) */
        int tok_line = lx->line + lx->line_base;
        if (lx->cur && lx->cur > lx->buf && *lx->cur == '\0' && lx->cur[-1] == '\n')
            tok_line--;                 /* at the end: still on the last line */
        text = error_line_text(ps, lx, le->line, tok_line, &tlen, &owned);
    }
    char *copy = heap_alloc((size_t)tlen + 1);
    if (!copy) {
        heap_free(owned);
        err_no_memory();
        return;
    }
    memcpy(copy, text, (size_t)tlen);
    copy[tlen] = '\0';
    heap_free(owned);
    err_syntax(type, le->msg, ps->filename, le->line, col, copy, le->end_line, end_col);
    heap_free(copy);
}

/* ------------------------------------------------------------------------------------
** Arena vectors
*/
Vec *
parse_vec(ParseState *ps, void *first)
{
    if (ps->failed)
        return NULL;
    Vec *v = arena_alloc(ps->arena, sizeof *v);
    if (!v) {
        parse_no_memory(ps);
        return NULL;
    }
    if (first)
        return parse_push(ps, v, first);
    return v;
}

Vec *
parse_push(ParseState *ps, Vec *v, void *item)
{
    if (!v || ps->failed)
        return NULL;
    if (v->n == v->cap) {
        int ncap = v->cap ? v->cap * 2 : 4;
        void **ni = arena_alloc(ps->arena, (size_t)ncap * sizeof *ni);
        if (!ni) {
            parse_no_memory(ps);
            return NULL;
        }
        if (v->n)
            memcpy(ni, v->items, (size_t)v->n * sizeof *ni);
        v->items = ni;
        v->cap = ncap;
    }
    v->items[v->n++] = item;
    return v;
}

Vec *
parse_concat(ParseState *ps, Vec *v, Vec *w)
{
    if (!v || !w)
        return NULL;
    for (int i = 0; i < w->n; i++)
        if (!parse_push(ps, v, w->items[i]))
            return NULL;
    return v;
}

Vec *
parse_strtok(ParseState *ps, Vec *v, Token t)
{
    Token *c = arena_alloc(ps->arena, sizeof *c);
    if (!c) {
        parse_no_memory(ps);
        return NULL;
    }
    *c = t;
    if (!v)
        v = parse_vec(ps, NULL);
    return parse_push(ps, v, c);
}

static Seq *
to_seq(ParseState *ps, Vec *v)
{
    int n = v ? v->n : 0;
    Seq *s = seq_new(ps->arena, n);
    if (!s) {
        parse_no_memory(ps);
        return NULL;
    }
    for (int i = 0; i < n; i++)
        s->items[i] = v->items[i];
    return s;
}

static Seq *
seq1(ParseState *ps, void *item)
{
    Seq *s = seq_new(ps->arena, 1);
    if (!s) {
        parse_no_memory(ps);
        return NULL;
    }
    s->items[0] = item;
    return s;
}

/* ------------------------------------------------------------------------------------
** Parenthesized expressions: node -> outer extent (open addressing, arena tables)
*/
typedef struct ParenEntry {
    Expr *e;
    Pos s, end;
} ParenEntry;

struct ParenMap {
    int cap, n;
    ParenEntry *slots;
};

static size_t
paren_hash(Expr *e, int cap)
{
    uintptr_t h = (uintptr_t)e >> 4;
    h ^= h >> 17;
    return (size_t)(h * 2654435761u) & (size_t)(cap - 1);
}

static ParenEntry *
paren_find(ParseState *ps, Expr *e)
{
    ParenMap *m = ps->parens;
    if (!m || !e)
        return NULL;
    for (size_t i = paren_hash(e, m->cap);; i = (i + 1) & (size_t)(m->cap - 1)) {
        if (m->slots[i].e == e)
            return &m->slots[i];
        if (!m->slots[i].e)
            return NULL;
    }
}

static int
paren_insert(ParseState *ps, Expr *e, Pos s, Pos end)
{
    ParenMap *m = ps->parens;
    if (!m) {
        m = arena_alloc(ps->arena, sizeof *m);
        if (!m)
            return -1;
        ps->parens = m;
    }
    if ((m->n + 1) * 2 > m->cap) {
        int ncap = m->cap ? m->cap * 2 : 64;
        ParenEntry *ns = arena_alloc(ps->arena, (size_t)ncap * sizeof *ns);
        if (!ns)
            return -1;
        ParenEntry *old = m->slots;
        int oldcap = m->cap;
        m->slots = ns;
        m->cap = ncap;
        m->n = 0;
        for (int i = 0; i < oldcap; i++)
            if (old[i].e)
                paren_insert(ps, old[i].e, old[i].s, old[i].end);
    }
    size_t i = paren_hash(e, m->cap);
    while (m->slots[i].e && m->slots[i].e != e)
        i = (i + 1) & (size_t)(m->cap - 1);
    if (!m->slots[i].e)
        m->n++;
    m->slots[i].e = e;
    m->slots[i].s = s;
    m->slots[i].end = end;
    return 0;
}

static int
is_paren(ParseState *ps, Expr *e)
{
    return paren_find(ps, e) != NULL;
}

/* Outer extent of an expression (including any parentheses around it). */
static Pos
ex_start(ParseState *ps, Expr *e)
{
    ParenEntry *p = paren_find(ps, e);
    return p ? p->s : pos_estart(e);
}

static Pos
ex_end(ParseState *ps, Expr *e)
{
    ParenEntry *p = paren_find(ps, e);
    return p ? p->end : pos_eend(e);
}

static Pos
st_end(Stmt *s)
{
    Pos p = { s ? s->end_lineno : 0, s ? s->end_col_offset : 0 };
    return p;
}

/* End of a statement list (the last statement's end). */
static Pos
body_end(Vec *body)
{
    Pos p = { 0, 0 };
    if (body && body->n)
        p = st_end(body->items[body->n - 1]);
    return p;
}

/* ------------------------------------------------------------------------------------
** Node constructors
*/
static Expr *
mk_expr(ParseState *ps, ExprKind kind, Pos s, Pos e)
{
    Expr *x = ast_expr(ps->arena, kind, s.line, s.col, e.line, e.col);
    if (!x) {
        parse_no_memory(ps);
        return NULL;
    }
    ps->recent[ps->nrecent++ % PARSE_RECENT] = x;
    return x;
}

static Stmt *
mk_stmt(ParseState *ps, StmtKind kind, Pos s, Pos e)
{
    Stmt *x = ast_stmt(ps->arena, kind, s.line, s.col, e.line, e.col);
    if (!x)
        parse_no_memory(ps);
    return x;
}

/* Hand a new reference to the arena; NULL (and failure) if o is NULL. */
static Object *
keep(ParseState *ps, Object *o)
{
    if (!o) {
        parse_no_memory(ps);
        return NULL;
    }
    if (arena_add_object(ps->arena, o) < 0) {
        parse_no_memory(ps);
        return NULL;
    }
    return o;
}

static Object *
ident(ParseState *ps, const char *s, int n)
{
    return keep(ps, str_intern_utf8(s, n));
}

static Object *
ident_tok(ParseState *ps, Token t)
{
    return ident(ps, t.start, t.len);
}

/* A token as the pump queues it (see "The token queue" below). */
typedef struct QTok {
    int code;
    int level;                  /* bracket depth before the token */
    Token tok;
} QTok;

static void fm_object_made(ParseState *ps, Token t);

/* Contexts of a NAME for name_attempts (set by note_target_position). */
enum { NM_PLAIN, NM_STMT_START, NM_AFTER_EQ, NM_FIRST_ARG, NM_LATER_ARG, NM_IF, NM_WHILE,
       NM_DISP_FIRST, NM_DISP_LATER, NM_DISP_ARG, NM_ATTR_TP, NM_ATTR_DEL, NM_DECORATOR,
       NM_SUBSCR_TP, NM_SUBSCR_LATER, NM_FSTRING, NM_SUBSCR_PLAIN, NM_SUBSCR_PLAIN_LATER,
       NM_ATTR_ELEM, NM_TUPLE_ELEM, NM_SUBSCR_DELEM, NM_SUBSCR_DELEM_LATER, NM_GROUP_FIRST,
       NM_GROUP_LATER, NM_TGT_ELEM, NM_TGT_PAREN_FIRST, NM_STAR_TP, NM_DISP_LATER_TV,
       NM_TUPLE_LATER_TV, NM_LATER_ARG_NOKW, NM_LATER_ARG_DSTAR, NM_ATTR_DELEM };

/* The state of an element for tv_update: could it still be an assignment target? */
enum { TV_INVALID, TV_START, TV_TARGET, TV_STAR, TV_DOT, TV_NESTED, TV_SUBSCR, TV_CALL,
       TV_CALLEND };

/* What a non-call bracket opened: a display or group where an assignment target could
** start (at the start of a statement, after '=', or as an element of such a display), one
** that is a call argument, or another. */
enum { DISP_OTHER, DISP_TP_LIST, DISP_TP_PAREN, DISP_TP_PAREN_START, DISP_TP_SET, DISP_ARG,
       DISP_TP_NESTED_LATER };

static int
is_augassign(int c)
{
    switch (c) {
    case TK_PLUSEQUAL: case TK_MINEQUAL: case TK_STAREQUAL: case TK_SLASHEQUAL:
    case TK_PERCENTEQUAL: case TK_AMPEREQUAL: case TK_VBAREQUAL: case TK_CIRCUMFLEXEQUAL:
    case TK_LEFTSHIFTEQUAL: case TK_RIGHTSHIFTEQUAL: case TK_DOUBLESTAREQUAL:
    case TK_DOUBLESLASHEQUAL: case TK_ATEQUAL:
        return 1;
    default:
        return 0;
    }
}

static int peek_token(ParseState *ps, int k, QTok *out);

/* What ends the statement a chain at its start belongs to: 1 an assignment '=', 2 an
** augmented assignment, 0 neither (an expression statement). */
static int
stmt_ahead(ParseState *ps)
{
    int depth = ps->la_level, c = ps->la_code;
    for (int k = -1; k < 256; c = peek_token(ps, ++k, &(QTok){0})) {
        if (c <= 0 || c == TK_NEWLINE || c == TK_SEMI)
            return 0;
        if (c == TK_LPAR || c == TK_LSQB || c == TK_LBRACE)
            depth++;
        else if ((c == TK_RPAR || c == TK_RSQB || c == TK_RBRACE) && depth > 0)
            depth--;
        else if (depth == 0 && c == TK_EQUAL)
            return 1;
        else if (depth == 0 && is_augassign(c))
            return 2;
        else if (depth == 0 && (c == TK_LAMBDA || c == TK_COLON))
            return 0;
    }
    return 0;
}

/* Whether the bracket around the lookahead is followed by an attribute or a subscript
** (the group is then a target's primary, not a target itself). */
static int after_closing(ParseState *ps, int up);
static int
closing_trailer(ParseState *ps)
{
    int a = after_closing(ps, 1);
    return a == TK_DOT || a == TK_LSQB;
}

/* Whether the statement is an annotated assignment: a ':' at bracket depth 0 (not a
** lambda's) before the statement ends. */
static int
annotation_ahead(ParseState *ps)
{
    int depth = ps->la_level, c = ps->la_code;
    for (int k = -1; k < 256; c = peek_token(ps, ++k, &(QTok){0})) {
        if (c <= 0 || c == TK_NEWLINE || c == TK_SEMI || c == TK_LAMBDA || c == TK_EQUAL)
            return 0;
        if (c == TK_LPAR || c == TK_LSQB || c == TK_LBRACE)
            depth++;
        else if ((c == TK_RPAR || c == TK_RSQB || c == TK_RBRACE) && depth > 0)
            depth--;
        else if (depth == 0 && c == TK_COLON)
            return 1;
    }
    return 0;
}

/* Whether an assignment '=' follows at bracket depth 0 before the statement ends. */
static int
assign_ahead(ParseState *ps)
{
    return stmt_ahead(ps) == 1;
}

/* After a NAME at the start of an element of a subscript: whether that element is a slice
** (a ':'), whether the subscript holds a tuple (a ','), and the token after its ']'. */
static void
subscript_ahead(ParseState *ps, int *slice, int *tuple, int *after)
{
    int depth = 0, c = ps->la_code, elem = 1;
    *slice = *tuple = *after = 0;
    for (int k = -1; k < 512; c = peek_token(ps, ++k, &(QTok){0})) {
        if (c <= 0 || c == TK_NEWLINE)
            return;
        if (c == TK_LPAR || c == TK_LSQB || c == TK_LBRACE) {
            depth++;
        } else if (c == TK_RPAR || c == TK_RSQB || c == TK_RBRACE) {
            if (depth-- == 0) {
                QTok q;
                *after = peek_token(ps, k + 1, &q);
                return;
            }
        } else if (depth == 0 && c == TK_COLON && elem) {
            *slice = 1;
        } else if (depth == 0 && c == TK_COMMA) {
            *tuple = 1;
            elem = 0;
        }
    }
}

/* The peek position of the bracket that closes 'up' levels above the lookahead, or -2
** when the statement ends first. */
static int
closing_position(ParseState *ps, int up)
{
    int depth = 0, c = ps->la_code;
    for (int k = -1; k < 1024; c = peek_token(ps, ++k, &(QTok){0})) {
        if (c <= 0 || c == TK_NEWLINE)
            return -2;
        if (c == TK_LPAR || c == TK_LSQB || c == TK_LBRACE)
            depth++;
        else if ((c == TK_RPAR || c == TK_RSQB || c == TK_RBRACE) && --depth == -up)
            return k;
    }
    return -2;
}

/* The token after the bracket that closes 'up' levels above the lookahead (0 if none). */
static int
scan_after_closing(ParseState *ps, int up)
{
    int k = closing_position(ps, up);
    return k < -1 ? 0 : peek_token(ps, k + 1, &(QTok){0});
}

/* ... once per bracket (cached per depth; note_target_position resets it) */
enum { AH_COMMA = 1, AH_COMP = 2, AH_COLON = 4, AH_SCANNED = 8, AH_CLOSING = 0x80 };

static int
after_closing(ParseState *ps, int up)
{
    int d = ps->la_level - up;
    if (d < 0 || d >= 64)
        return scan_after_closing(ps, up);
    if (!(ps->ahead_flags[d] & AH_CLOSING)) {
        ps->closing_next[d] = (short)scan_after_closing(ps, up);
        ps->ahead_flags[d] |= AH_CLOSING;
    }
    return ps->closing_next[d];
}

static void scan_group_ahead(ParseState *ps, int *comma, int *comp, int *colon);

/* From the lookahead to the bracket that closes the current one: whether a ',', a 'for'
** or a ':' appears at its top level (for the whole bracket: computed at its first use,
** which the callers make at its first element). */
static void
group_ahead(ParseState *ps, int *comma, int *comp, int *colon)
{
    int d = ps->la_level - 1;
    if (d < 0 || d >= 64) {
        scan_group_ahead(ps, comma, comp, colon);
        return;
    }
    unsigned char *f = &ps->ahead_flags[d];
    if (!(*f & AH_SCANNED)) {
        scan_group_ahead(ps, comma, comp, colon);
        *f |= AH_SCANNED | (*comma ? AH_COMMA : 0) | (*comp ? AH_COMP : 0) |
              (*colon ? AH_COLON : 0);
    }
    *comma = (*f & AH_COMMA) != 0;
    *comp = (*f & AH_COMP) != 0;
    *colon = (*f & AH_COLON) != 0;
}

static void
scan_group_ahead(ParseState *ps, int *comma, int *comp, int *colon)
{
    int depth = 0, c = ps->la_code;
    *comma = *comp = *colon = 0;
    for (int k = -1; k < 1024; c = peek_token(ps, ++k, &(QTok){0})) {
        if (c <= 0 || c == TK_NEWLINE)
            return;
        if (c == TK_LPAR || c == TK_LSQB || c == TK_LBRACE)
            depth++;
        else if (c == TK_RPAR || c == TK_RSQB || c == TK_RBRACE) {
            if (depth-- == 0)
                return;
        } else if (depth == 0) {
            *comma |= c == TK_COMMA;
            *comp |= c == TK_FOR;
            *colon |= c == TK_COLON;
        }
    }
}

/* After a NAME followed by '.' or '[': whether its chain of trailers ('.' NAME, '[...]',
** '(...)') ends with a call. */
static int chain_ends_in_call_from(ParseState *ps, int k, int c);
static int closing_chain(ParseState *ps, int up);

static int
chain_ends_in_call(ParseState *ps)
{
    return chain_ends_in_call_from(ps, -1, ps->la_code);
}

/* The chain of trailers from the token c at peek position k (-1: the lookahead): whether
** it ends with a call (0 when it is cut short), and in *any_call whether it has one. */
static int
chain_scan(ParseState *ps, int k, int c, int *any_call)
{
    int last_call = 0;
    *any_call = 0;
    while (k < 1024) {
        if (c == TK_DOT) {
            if (peek_token(ps, k + 1, &(QTok){0}) != TK_NAME)
                return 0;
            k += 2;
            last_call = 0;
        } else if (c == TK_LSQB || c == TK_LPAR) {
            last_call = c == TK_LPAR;
            *any_call |= last_call;
            int depth = 0;
            do {
                if (c <= 0 || c == TK_NEWLINE)
                    return 0;
                if (c == TK_LPAR || c == TK_LSQB || c == TK_LBRACE)
                    depth++;
                else if (c == TK_RPAR || c == TK_RSQB || c == TK_RBRACE)
                    depth--;
                c = peek_token(ps, ++k, &(QTok){0});
            } while (depth > 0 && k < 1024);
            continue;
        } else {
            return last_call;
        }
        c = peek_token(ps, k, &(QTok){0});
    }
    return 0;
}

static int
chain_ends_in_call_from(ParseState *ps, int k, int c)
{
    int any;
    return chain_scan(ps, k, c, &any);
}

/* Whether the chain of trailers from the lookahead has a call anywhere in it. */
static int
chain_has_call(ParseState *ps)
{
    int any;
    chain_scan(ps, -1, ps->la_code, &any);
    return any;
}

/* How many times CPython 3.11's PEG parser converts this NAME token into a str object
** (_PyPegen_name_token), each of which the arena keeps until the code has run: once per
** rule alternative that tries it.  A name inside an expression is tried twice by the
** left-recursive 'primary' rule; at the start of a statement or after '=' the assignment
** rules try it first as an annotated target (NAME ':'), through 't_primary' (twice when a
** trailer follows), as a star_atom and as an augmented target; the first argument of a call
** is tried by genexp and by 'arguments' (assignment_expression's NAME ':='), a later one by
** 'arguments'.  The counts were measured against CPython for each context (sys.getrefcount
** of the identifier in a script); contexts not listed get the 'primary' rule's two. */
static int
name_attempts(ParseState *ps, Token t)
{
    int ctx = NM_PLAIN;
    for (int i = 0; i < 2; i++)
        if (ps->nm_at[i] == t.start)
            ctx = ps->nm_ctx[i];
    int n = ps->la_code;
    int trailer = n == TK_LPAR || n == TK_DOT || n == TK_LSQB;
    int tp = trailer ? 2 : 1;
    switch (ctx) {
    case NM_STMT_START:
        if (n == TK_COLON)
            return 1;           /* an annotated assignment: its rule comes first */
        if (n == TK_EQUAL)
            return 3;
        if (is_augassign(n))
            return 4;
        if (assign_ahead(ps) || (trailer && stmt_ahead(ps) == 2))
            return 3;       /* the target of an assignment or an augmented one */
        return 1 + tp + (n == TK_DOT || n == TK_LSQB ? 2 * chain_ends_in_call(ps) : 2) + 2;
    case NM_AFTER_EQ:
        if (n == TK_EQUAL)
            return 2;
        /* a chain ending in a call: t_primary tries it to its end */
        return tp + (n == TK_DOT || n == TK_LSQB ? chain_ends_in_call(ps) : 1) + 2;
    case NM_FIRST_ARG: {
        int up = ps->la_level > 0 ? ps->la_level - 1 : 0;
        if (ps->call_paren[up] == 2)
            return n == TK_EQUAL ? 5 : 3;       /* class bases and keywords */
        /* a call that may start a target is parsed once more by t_primary, unless the
        ** chain is an assignment's target after all */
        if (n == TK_EQUAL)
            return ps->call_tp[up] ? 7 : 6;     /* a keyword: once more in a target's call */
        if (n == TK_COLONEQUAL)
            return 3;                           /* an assignment expression */
        int comma, comp, colon;
        group_ahead(ps, &comma, &comp, &colon);
        if (comp && !comma)                     /* a generator expression's element */
            return ps->call_tp[up] && !stmt_ahead(ps) ? 5 : 3;
        return 4 + (ps->call_tp[up] && !stmt_ahead(ps));
    }
    case NM_LATER_ARG:
    case NM_LATER_ARG_NOKW:
    case NM_LATER_ARG_DSTAR:
        /* a keyword's name: the positional alternative of 'args' tries it first while
        ** only positional arguments came before, the kwargs rules after that */
        if (n == TK_EQUAL)
            return ctx == NM_LATER_ARG_NOKW ? 5 : ctx == NM_LATER_ARG ? 2 : 1;
        return n == TK_COLONEQUAL ? 1 : 3;      /* an assignment expression: once */
    case NM_IF:
        return 4;
    case NM_WHILE:
        return 3;
    case NM_DISP_FIRST:
    case NM_DISP_LATER:
    case NM_DISP_LATER_TV: {
        /* the display is tried as a target list (t_primary, star_atom) and then parsed as
        ** an expression, its first element once more through t_primary's atom */
        int up = ps->la_level > 0 ? ps->la_level - 1 : 0;
        int d = ps->disp[up];
        int comma = 0, comp = 0, colon = 0;
        if (ctx == NM_DISP_FIRST)
            group_ahead(ps, &comma, &comp, &colon);
        int brace = up < 65 && ps->tv_brace[up], lsqb = up < 65 && ps->tv_lsqb[up];
        if (n == TK_COLON)          /* a dict display's key; a dict comprehension's is */
            return comp && brace ? 5 : 2;                /* tried as a set's element too */
        if (n == TK_COLONEQUAL && ctx == NM_DISP_FIRST)  /* an assignment expression's */
            return d == DISP_TP_LIST && !comp ? 5 : 8;
        if (n == TK_COLONEQUAL)
            return ctx == NM_DISP_LATER ? 3 : ctx == NM_DISP_LATER_TV ? 5 : 8;
        /* a comprehension's element: as a bare name, and once more when its chain has a
        ** call (t_primary grows through it) -- not in a set comprehension; a
        ** comprehension that is a chain's atom: twice more when the chain ends in a
        ** call, without that when it does not */
        int bare_comp = brace ? 8 : lsqb ? 10 : 13;
        if (n == TK_FOR && ctx == NM_DISP_FIRST)
            return bare_comp + (closing_chain(ps, 1) == 2 ? 2 : 0);
        int call = chain_has_call(ps);
        if (comp && colon && brace)
            return 5;                       /* a dict comprehension's key with trailers */
        if (comp && n != TK_COLONEQUAL) {
            int after = closing_chain(ps, 1);
            return bare_comp + (after == 2 ? 2 + call : after == 1 ? 0 : call && !brace);
        }
        if (d == DISP_TP_NESTED_LATER)
            return 4;
        if (d == DISP_TP_SET)
            return colon ? 2 : 5;           /* a dict display's key with trailers */
        if (ctx == NM_DISP_LATER)
            return 5;
        if (ctx == NM_DISP_LATER_TV) {
            /* the elements before it could all be targets: the target parse reaches
            ** it, unless the display is the target (or once, when a trailer follows) */
            int next = after_closing(ps, 1);
            if (next == TK_EQUAL)
                return 5;
            return (next == TK_DOT || next == TK_LPAR || next == TK_LSQB ? 6 : 7) + call;
        }
        if (d == DISP_TP_PAREN || d == DISP_TP_PAREN_START) {
            if (!comma && n != TK_COLONEQUAL) {
                /* a parenthesized expression: the group alternative parses it as well */
                if (d == DISP_TP_PAREN)
                    return 10 + call;
                return call ? 13 : n == TK_DOT || n == TK_LPAR || n == TK_LSQB ? 10 : 12;
            }
        }
        return (d == DISP_TP_PAREN_START ? 9 : 7) + call;
    }
    case NM_DISP_ARG: {
        /* a comprehension as a call's argument parses its element twice more; a dict
        ** display's key once */
        int comma, comp, colon;
        group_ahead(ps, &comma, &comp, &colon);
        int up = ps->la_level > 0 ? ps->la_level - 1 : 0;
        if (colon && up < 65 && ps->tv_brace[up])
            return comp ? 4 : 2;
        return comp ? 6 : 4;
    }
    case NM_TUPLE_LATER_TV:
        /* a later element of a tuple whose elements so far could all be targets: the
        ** target rules parse it too, unless the tuple is the target */
        return stmt_ahead(ps) == 1 ? 2 : 4;
    case NM_STAR_TP:
        return 4;               /* star_targets' '*' star_target, then the expression */
    case NM_TGT_ELEM:
        /* an element of a bracketed del/for/as target: the target rules try it as a
        ** t_primary, a star_atom and the del/star target alternatives */
        return 5;
    case NM_TGT_PAREN_FIRST:
        /* ... and a lone name in parentheses once more, as a group */
        return n == TK_RPAR ? 6 : 5;
    case NM_GROUP_FIRST:
    case NM_GROUP_LATER: {
        /* an element of a group or display inside an expression: its atom's
        ** alternatives (tuple, group, genexp; list, listcomp; dict, set, their
        ** comprehensions) each parse it */
        int up = ps->la_level > 0 ? ps->la_level - 1 : 0, comma, comp, colon;
        int g = up < 64 ? ps->group[up] : 0;
        group_ahead(ps, &comma, &comp, &colon);
        int first = ctx == NM_GROUP_FIRST;
        if (g == 1) {
            if (!first || comma || n == TK_COLONEQUAL)
                return 4;
            return comp ? 8 : 6;
        }
        if (g == 2)
            return first && comp ? 6 : 4;
        if (g == 3) {
            if (colon && n == TK_COLON)
                return comp ? 4 : 2;            /* a dict display's key */
            return first && comp ? 6 : 4;
        }
        return 2;
    }
    case NM_DECORATOR:
        return 3;                                   /* assignment_expression, primary */
    case NM_FSTRING: {
        /* the first NAME of a replacement field, which 3.11 parses as '(' expr ')' with a
        ** parser of its own: the group, tuple and genexp alternatives each try it; a
        ** tuple field ('{a, b}') stops at the tuple */
        int depth = 0, c = n;
        for (int k = -1; k < 512; c = peek_token(ps, ++k, &(QTok){0})) {
            if (c <= 0 || c == TK_NEWLINE)
                break;
            if (c == TK_LPAR || c == TK_LSQB || c == TK_LBRACE)
                depth++;
            else if ((c == TK_RPAR || c == TK_RSQB || c == TK_RBRACE) && depth-- == 0)
                break;
            else if (c == TK_COMMA && depth == 0)
                return 4;
        }
        return 6;
    }
    case NM_SUBSCR_PLAIN:
    case NM_SUBSCR_DELEM:
    case NM_SUBSCR_DELEM_LATER:
    case NM_SUBSCR_PLAIN_LATER: {
        /* an element of another subscript: once more (the first of a tuple twice) */
        int slice, tuple, after;
        subscript_ahead(ps, &slice, &tuple, &after);
        if (slice)
            return 2;
        /* a subscript in the chain of trailers of a NAME that starts an element of a
        ** display in target position: the display's target parse takes the chain up to
        ** it as a t_primary target, twice more when no trailer follows it (four times at
        ** a statement's start in parentheses), once more when one does */
        int extra = 0, lv = ps->la_level;
        int trails = after == TK_DOT || after == TK_LPAR || after == TK_LSQB;
        if ((ctx == NM_SUBSCR_DELEM || ctx == NM_SUBSCR_DELEM_LATER) && lv >= 2 && lv <= 65) {
            int d = ps->disp[lv - 2], next = after_closing(ps, 2);
            if (next == TK_DOT || next == TK_LPAR || next == TK_LSQB)
                d = DISP_OTHER;             /* the display is a primary, not a target */
            if (d == DISP_TP_LIST || d == DISP_TP_PAREN || d == DISP_TP_PAREN_START)
                extra = (trails ? 1 : d == DISP_TP_PAREN_START ? 4 : 2) *
                        (tuple && ctx == NM_SUBSCR_DELEM ? 2 : 1);
        }
        return 3 + ((ctx == NM_SUBSCR_PLAIN || ctx == NM_SUBSCR_DELEM) && tuple) + extra;
    }
    case NM_SUBSCR_TP:
    case NM_SUBSCR_LATER: {
        /* an element of a subscript in such a chain: the target and statement rules parse
        ** the subscript again E times (fewer when a trailer follows it), the first element
        ** of a tuple twice each time; a slice element is parsed once */
        int slice, tuple, after;
        subscript_ahead(ps, &slice, &tuple, &after);
        if (slice)
            return 2;
        int more = after == TK_DOT || after == TK_LPAR || after == TK_LSQB, e;
        if (ps->chain == 2)
            e = more ? 1 : 2;                       /* del */
        else if (ps->chain == 3)                    /* a later element of a tuple */
            e = stmt_ahead(ps) == 1 ? (more ? 1 : 2) : (more ? 2 : 3);
        else if (ps->chain_ctx == NM_AFTER_EQ)
            e = stmt_ahead(ps) == 1 ? (more ? 1 : 2) : (more ? 2 : 3);   /* x = t = ... */
        else {
            int k = stmt_ahead(ps);
            e = k == 1 ? (more ? 1 : 3) : k == 2 ? (more ? 1 : 4) : (more ? 2 : 5);
        }
        return 2 + e * (ctx == NM_SUBSCR_TP && tuple ? 2 : 1);
    }
    default:
        return 2;
    }
}

Expr *
parse_name(ParseState *ps, Token t)
{
    Expr *e = mk_expr(ps, EXPR_NAME, pos_tstart(t), pos_tend(t));
    if (!e)
        return NULL;
    e->v.Name.id = ident_tok(ps, t);
    e->v.Name.ctx = CTX_LOAD;
    if (!e->v.Name.id)
        return NULL;
    fm_object_made(ps, t);
    for (int i = name_attempts(ps, t); i > 1; i--)
        if (!keep(ps, newref(e->v.Name.id)))
            return NULL;
    return e;
}

Expr *
parse_const(ParseState *ps, Token t, Object *value)
{
    Expr *e = mk_expr(ps, EXPR_CONSTANT, pos_tstart(t), pos_tend(t));
    if (!e)
        return NULL;
    /* the singletons go into the tree as they are, not into the arena (pegen's
    ** _PyAST_Constant(Py_True, ...)): no reference is held for them */
    e->v.Constant.value = value;
    return e;
}

/* The object a number literal stands for (new reference), or NULL with an error set
** (ValueError for the int digit limit). */
static Object *
number_object(const char *s, int n, int is_int, int *bad_float)
{
    if (is_int)
        return int_from_literal(s, n);
    int imag = s[n - 1] == 'j' || s[n - 1] == 'J';
    double d;
    if (dtoa_parse(s, (size_t)(imag ? n - 1 : n), &d) < 0) {
        *bad_float = 1;
        return NULL;
    }
    return imag ? complex_from_doubles(0.0, d) : float_from_double(d);
}

/* What follows the up-th bracket around the lookahead: 0 no trailer, 1 a chain of
** trailers that is a target itself (it does not end in a call), 2 one ending in a call. */
static int
closing_chain(ParseState *ps, int up)
{
    int k = closing_position(ps, up);
    if (k < -1)
        return 0;
    int c = peek_token(ps, ++k, &(QTok){0});
    if (c != TK_DOT && c != TK_LSQB && c != TK_LPAR)
        return 0;
    return chain_ends_in_call_from(ps, k, c) ? 2 : 1;
}

/* Whether a bracket around the lookahead is the atom of a chain of trailers that is a
** target itself: the target rules take the chain, and never try the bracket as a target
** list whose elements they would reach. */
static int
in_primary_display(ParseState *ps)
{
    for (int up = 1; up <= ps->la_level && up <= 64; up++)
        if (closing_chain(ps, up) == 1)
            return 1;
    return 0;
}

/* The object of a number token, kept in the arena as one of pegen's extra conversions. */
static int
number_ghost(ParseState *ps, Token t, int is_int)
{
    int bad_float = 0;
    Object *ghost = number_object(t.start, t.len, is_int, &bad_float);
    if (ghost && !keep(ps, ghost))
        return -1;
    fm_object_made(ps, t);
    if (!ghost)
        err_clear();        /* the kept conversion below reports it */
    return 0;
}

static int
number_is_int(Token t)
{
    const char *s = t.start;
    if (t.len >= 2 && s[0] == '0' && strchr("xXoObB", s[1]))
        return 1;
    for (int i = 0; i < t.len; i++)
        if (s[i] == '.' || s[i] == 'e' || s[i] == 'E' || s[i] == 'j' || s[i] == 'J')
            return 0;
    return 1;
}

/* A display opened at depth 0 closes: the target rules now try it as a target list
** (star_atom), after parsing it as an expression (t_primary's atom), and reach the
** elements number_target_reach marked -- their conversions come after the display's. */
static int
number_ghosts_flush(ParseState *ps, Token open, Token close)
{
    int n = ps->dghost_npending, kept = 0;
    for (int i = 0; i < n; i++) {
        Token t = ps->dghost_pending[i];
        if (ps->dghost_pouter[i] != open.start) {
            ps->dghost_pouter[kept] = ps->dghost_pouter[i];
            ps->dghost_pending[kept++] = t;
        } else if (t.start < close.start && number_ghost(ps, t, number_is_int(t)) < 0) {
            ps->dghost_npending = 0;
            return -1;
        }
    }
    ps->dghost_npending = kept;
    return 0;
}

/* A number literal.  CPython 3.11's PEG parser converts a NUMBER token into a new object
** each time its 'atom' rule runs: once more in the non-growing round of the left-recursive
** 'primary' rule (after the object it keeps), and once more when the assignment target
** rules reach it (t_primary's atom).  At the start of a simple statement, right after an
** assignment '=' or as a later element of a tuple there, that comes first; as an element
** of a display there (number_target_reach), after the whole display (number_ghosts_flush).
** The extra objects stay in the AST arena until it is freed, after the code has run; we
** make the same objects in the same order, so float free-list reuse and id() in the REPL
** come out as CPython's. */
Expr *
parse_number(ParseState *ps, Token t)
{
    const char *s = t.start;
    int n = t.len;
    Object *v = NULL;
    int is_int = number_is_int(t), bad_float = 0;
    if (t.start == ps->dghost_at && ps->dghost_level > 0 && !in_primary_display(ps)) {
        if (ps->dghost_npending < (int)(sizeof ps->dghost_pending / sizeof ps->dghost_pending[0])) {
            ps->dghost_pouter[ps->dghost_npending] = ps->dghost_at_outer;
            ps->dghost_pending[ps->dghost_npending++] = t;
        }
    } else if (t.start == ps->tghost_at ||
               (t.start == ps->dghost_at && !in_primary_display(ps))) {
        if (number_ghost(ps, t, is_int) < 0)
            return NULL;
    }
    v = number_object(s, n, is_int, &bad_float);
    if (bad_float) {
        error_tok(ps, t, "invalid number literal");
        return NULL;
    }
    if (!v && is_int && err_matches(exc_ValueError)) {
        /* CPython 3.11's _PyPegen_number_token: the int digit limit, as a SyntaxError */
        Object *exc = err_fetch();
        Object *msg = obj_str(exc);
        decref(exc);
        const char *m = msg ? str_as_utf8(msg, NULL) : NULL;
        if (m) {
            error_at(ps, exc_SyntaxError, pos_tstart(t), pos_tend(t),
                     "%s - Consider hexadecimal for huge integer literals to avoid decimal "
                     "conversion limits.", m);
        }
        xdecref(msg);
        ps->failed = 1;
        return NULL;
    }
    if (!v) {
        ps->failed = 1;
        return NULL;
    }
    Expr *e = mk_expr(ps, EXPR_CONSTANT, pos_tstart(t), pos_tend(t));
    if (!e) {
        decref(v);
        return NULL;
    }
    e->v.Constant.value = keep(ps, v);
    fm_object_made(ps, t);
    if (!e->v.Constant.value || !keep(ps, number_object(s, n, is_int, &bad_float)))
        return NULL;
    return e;
}

Expr *
parse_group(ParseState *ps, Token lp, Expr *e, Token rp)
{
    if (!e)
        return NULL;
    if (paren_insert(ps, e, pos_tstart(lp), pos_tend(rp)) < 0) {
        parse_no_memory(ps);
        return NULL;
    }
    return e;
}

Expr *
parse_tuple(ParseState *ps, Vec *elts, Token *trailing)
{
    if (!elts)
        return NULL;
    if (elts->n == 1 && !trailing)
        return elts->items[0];
    Pos s = ex_start(ps, elts->items[0]);
    Pos e = trailing ? pos_tend(*trailing) : ex_end(ps, elts->items[elts->n - 1]);
    Expr *t = mk_expr(ps, EXPR_TUPLE, s, e);
    if (!t)
        return NULL;
    t->v.Tuple.elts = to_seq(ps, elts);
    t->v.Tuple.ctx = CTX_LOAD;
    return t;
}

Expr *
parse_binop(ParseState *ps, Expr *l, int op, Expr *r)
{
    if (!l || !r)
        return NULL;
    Expr *e = mk_expr(ps, EXPR_BINOP, ex_start(ps, l), ex_end(ps, r));
    if (!e)
        return NULL;
    e->v.BinOp.left = l;
    e->v.BinOp.op = (OperatorKind)op;
    e->v.BinOp.right = r;
    return e;
}

Expr *
parse_boolop(ParseState *ps, Expr *l, int op, Expr *r)
{
    if (!l || !r)
        return NULL;
    if (l->kind == EXPR_BOOLOP && (int)l->v.BoolOp.op == op && !is_paren(ps, l)) {
        /* "a or b or c" is one BoolOp; the node is extended in place */
        Seq *old = l->v.BoolOp.values;
        Seq *s = seq_new(ps->arena, old->n + 1);
        if (!s) {
            parse_no_memory(ps);
            return NULL;
        }
        memcpy(s->items, old->items, (size_t)old->n * sizeof(void *));
        s->items[old->n] = r;
        l->v.BoolOp.values = s;
        Pos e = ex_end(ps, r);
        l->end_lineno = e.line;
        l->end_col_offset = e.col;
        return l;
    }
    Expr *e = mk_expr(ps, EXPR_BOOLOP, ex_start(ps, l), ex_end(ps, r));
    if (!e)
        return NULL;
    e->v.BoolOp.op = (BoolOpKind)op;
    Seq *s = seq_new(ps->arena, 2);
    if (!s) {
        parse_no_memory(ps);
        return NULL;
    }
    s->items[0] = l;
    s->items[1] = r;
    e->v.BoolOp.values = s;
    return e;
}

Expr *
parse_unary(ParseState *ps, Token t, int op, Expr *x)
{
    if (!x)
        return NULL;
    Expr *e = mk_expr(ps, EXPR_UNARYOP, pos_tstart(t), ex_end(ps, x));
    if (!e)
        return NULL;
    e->v.UnaryOp.op = (UnaryOpKind)op;
    e->v.UnaryOp.operand = x;
    return e;
}

int
parse_noteq(ParseState *ps, Token t)
{
    if (t.start[0] == '<')              /* "<>" outside Barry-as-FLUFL mode */
        error_tok(ps, t, "invalid syntax");
    return CMP_OP_NOTEQ;
}

Expr *
parse_compare(ParseState *ps, Expr *l, int op, Expr *r)
{
    if (!l || !r)
        return NULL;
    if (l->kind == EXPR_COMPARE && !is_paren(ps, l)) {
        /* chained comparison: extend the node */
        int n = l->v.Compare.comparators->n;
        Seq *s = seq_new(ps->arena, n + 1);
        int *ops = arena_alloc(ps->arena, (size_t)(n + 1) * sizeof(int));
        if (!s || !ops) {
            parse_no_memory(ps);
            return NULL;
        }
        memcpy(s->items, l->v.Compare.comparators->items, (size_t)n * sizeof(void *));
        memcpy(ops, l->v.Compare.ops, (size_t)n * sizeof(int));
        s->items[n] = r;
        ops[n] = op;
        l->v.Compare.comparators = s;
        l->v.Compare.ops = ops;
        Pos e = ex_end(ps, r);
        l->end_lineno = e.line;
        l->end_col_offset = e.col;
        return l;
    }
    Expr *e = mk_expr(ps, EXPR_COMPARE, ex_start(ps, l), ex_end(ps, r));
    int *ops = arena_alloc(ps->arena, sizeof(int));
    if (!e || !ops) {
        parse_no_memory(ps);
        return NULL;
    }
    ops[0] = op;
    e->v.Compare.left = l;
    e->v.Compare.ops = ops;
    e->v.Compare.comparators = seq1(ps, r);
    return e;
}

Expr *
parse_ifexp(ParseState *ps, Expr *body, Expr *test, Expr *orelse)
{
    if (!body || !test || !orelse)
        return NULL;
    Expr *e = mk_expr(ps, EXPR_IFEXP, ex_start(ps, body), ex_end(ps, orelse));
    if (!e)
        return NULL;
    e->v.IfExp.test = test;
    e->v.IfExp.body = body;
    e->v.IfExp.orelse = orelse;
    return e;
}

Expr *
parse_starred(ParseState *ps, Token star, Expr *x)
{
    if (!x)
        return NULL;
    Expr *e = mk_expr(ps, EXPR_STARRED, pos_tstart(star), ex_end(ps, x));
    if (!e)
        return NULL;
    e->v.Starred.value = x;
    e->v.Starred.ctx = CTX_LOAD;
    return e;
}

Expr *
parse_await(ParseState *ps, Token kw, Expr *x)
{
    if (!x)
        return NULL;
    Expr *e = mk_expr(ps, EXPR_AWAIT, pos_tstart(kw), ex_end(ps, x));
    if (!e)
        return NULL;
    e->v.Await.value = x;
    return e;
}

Expr *
parse_yield(ParseState *ps, Token kw, Expr *value, int from)
{
    if (from && !value)
        return NULL;
    Expr *e = mk_expr(ps, from ? EXPR_YIELDFROM : EXPR_YIELD, pos_tstart(kw),
                      value ? ex_end(ps, value) : pos_tend(kw));
    if (!e)
        return NULL;
    e->v.Yield.value = value;
    return e;
}

Expr *
parse_attribute(ParseState *ps, Expr *v, Token name)
{
    if (!v)
        return NULL;
    Expr *e = mk_expr(ps, EXPR_ATTRIBUTE, ex_start(ps, v), pos_tend(name));
    if (!e)
        return NULL;
    e->v.Attribute.value = v;
    e->v.Attribute.attr = ident_tok(ps, name);
    e->v.Attribute.ctx = CTX_LOAD;
    if (!e->v.Attribute.attr)
        return NULL;
    /* NAME attempts (name_attempts): an attribute of a chain begun where a target could
    ** start is tried by t_primary and the target rules too, once more at its end */
    int ctx = NM_PLAIN, n = ps->la_code;
    for (int i = 0; i < 2; i++)
        if (ps->nm_at[i] == name.start)
            ctx = ps->nm_ctx[i];
    int k = ctx == NM_ATTR_TP ? (n == TK_DOT || n == TK_LPAR || n == TK_LSQB ? 2
                                 : is_augassign(n) ? 4
                                 : n == TK_COLON ? 2     /* an annotated target */
                                 /* an expression statement: its rules try the chain
                                 ** again after the assignment's have failed */
                                 : ps->chain_ctx == NM_STMT_START && stmt_ahead(ps) == 0 ? 5
                                 : 3)
            : ctx == NM_ATTR_ELEM ? (stmt_ahead(ps) == 1 ? 2 : 3) -
                                      (n == TK_DOT || n == TK_LPAR || n == TK_LSQB)
            : ctx == NM_ATTR_DEL ? 2
            /* of a display element where a target could start: the target rules try
            ** it too; a group's first at a statement's start once more as the
            ** expression statement's atom */
            : ctx == NM_ATTR_DELEM ? (n == TK_DOT || n == TK_LPAR || n == TK_LSQB ? 2
                                      : !ps->delem_group || closing_trailer(ps) ? 3
                                      : annotation_ahead(ps) ? 2
                                      : stmt_ahead(ps) == 1 ? 4 : 5)
            : 1;
    for (; k > 1; k--)
        if (!keep(ps, newref(e->v.Attribute.attr)))
            return NULL;
    return e;
}

Expr *
parse_subscript(ParseState *ps, Expr *v, Expr *slice, Token rb)
{
    if (!v || !slice)
        return NULL;
    Expr *e = mk_expr(ps, EXPR_SUBSCRIPT, ex_start(ps, v), pos_tend(rb));
    if (!e)
        return NULL;
    e->v.Subscript.value = v;
    e->v.Subscript.slice = slice;
    e->v.Subscript.ctx = CTX_LOAD;
    return e;
}

Expr *
parse_slice(ParseState *ps, Expr *lo, Token *c1, Expr *hi, Token *c2, Expr *st)
{
    Pos s = lo ? ex_start(ps, lo) : pos_tstart(*c1);
    Pos e = st ? ex_end(ps, st) : c2 ? pos_tend(*c2) : hi ? ex_end(ps, hi) : pos_tend(*c1);
    Expr *x = mk_expr(ps, EXPR_SLICE, s, e);
    if (!x)
        return NULL;
    x->v.Slice.lower = lo;
    x->v.Slice.upper = hi;
    x->v.Slice.step = st;
    return x;
}

Expr *
parse_subscripts(ParseState *ps, Vec *items, Token *trailing)
{
    if (!items)
        return NULL;
    Expr *first = items->items[0];
    /* "a[*b]" is a tuple of one starred item (3.11's slices rule) */
    if (items->n == 1 && !trailing && first && first->kind != EXPR_STARRED)
        return first;
    Pos s = ex_start(ps, first);
    Pos e = trailing ? pos_tend(*trailing) : ex_end(ps, items->items[items->n - 1]);
    Expr *t = mk_expr(ps, EXPR_TUPLE, s, e);
    if (!t)
        return NULL;
    t->v.Tuple.elts = to_seq(ps, items);
    t->v.Tuple.ctx = CTX_LOAD;
    return t;
}

/* ------------------------------------------------------------------------------------
** Targets: CPython's _PyPegen_get_expr_name, _PyPegen_get_invalid_target and
** _PyPegen_set_expr_context
*/
typedef enum { TARGETS_STAR, TARGETS_DEL, TARGETS_FOR } TargetsType;

static const char *
expr_name(Expr *e)
{
    switch (e->kind) {
    case EXPR_ATTRIBUTE: return "attribute";
    case EXPR_SUBSCRIPT: return "subscript";
    case EXPR_STARRED: return "starred";
    case EXPR_NAME: return "name";
    case EXPR_LIST: return "list";
    case EXPR_TUPLE: return "tuple";
    case EXPR_LAMBDA: return "lambda";
    case EXPR_CALL: return "function call";
    case EXPR_BOOLOP:
    case EXPR_BINOP:
    case EXPR_UNARYOP: return "expression";
    case EXPR_GENERATOREXP: return "generator expression";
    case EXPR_YIELD:
    case EXPR_YIELDFROM: return "yield expression";
    case EXPR_AWAIT: return "await expression";
    case EXPR_LISTCOMP: return "list comprehension";
    case EXPR_SETCOMP: return "set comprehension";
    case EXPR_DICTCOMP: return "dict comprehension";
    case EXPR_DICT: return "dict literal";
    case EXPR_SET: return "set display";
    case EXPR_JOINEDSTR:
    case EXPR_FORMATTEDVALUE: return "f-string expression";
    case EXPR_CONSTANT: {
        Object *v = e->v.Constant.value;
        if (v == None)
            return "None";
        if (v == False_)
            return "False";
        if (v == True_)
            return "True";
        if (v == Ellipsis)
            return "ellipsis";
        return "literal";
    }
    case EXPR_COMPARE: return "comparison";
    case EXPR_IFEXP: return "conditional expression";
    case EXPR_NAMEDEXPR: return "named expression";
    case EXPR_SLICE: return "slice";
    }
    return "expression";
}

static Expr *
invalid_target(Expr *e, TargetsType type)
{
    if (!e)
        return NULL;
    switch (e->kind) {
    case EXPR_LIST:
    case EXPR_TUPLE: {
        Seq *s = e->v.Tuple.elts;
        for (int i = 0; i < SEQ_LEN(s); i++) {
            Expr *c = invalid_target(SEQ_GET(s, i), type);
            if (c)
                return c;
        }
        return NULL;
    }
    case EXPR_STARRED:
        if (type == TARGETS_DEL)
            return e;
        return invalid_target(e->v.Starred.value, type);
    case EXPR_COMPARE:
        if (type == TARGETS_FOR && e->v.Compare.ops[0] == CMP_OP_IN)
            return invalid_target(e->v.Compare.left, type);
        return e;
    case EXPR_NAME:
    case EXPR_SUBSCRIPT:
    case EXPR_ATTRIBUTE:
        return NULL;
    default:
        return e;
    }
}

static void
set_context(Expr *e, ExprContext ctx)
{
    switch (e->kind) {
    case EXPR_NAME: e->v.Name.ctx = ctx; break;
    case EXPR_ATTRIBUTE: e->v.Attribute.ctx = ctx; break;
    case EXPR_SUBSCRIPT: e->v.Subscript.ctx = ctx; break;
    case EXPR_STARRED:
        e->v.Starred.ctx = ctx;
        set_context(e->v.Starred.value, ctx);
        break;
    case EXPR_LIST:
    case EXPR_TUPLE:
        e->v.Tuple.ctx = ctx;
        for (int i = 0; i < SEQ_LEN(e->v.Tuple.elts); i++)
            set_context(SEQ_GET(e->v.Tuple.elts, i), ctx);
        break;
    default:
        break;
    }
}

/* Validate a target and give it ctx Store/Del; -1 after raising. */
static int
check_target(ParseState *ps, Expr *e, TargetsType type)
{
    if (!e)
        return -1;
    Expr *bad = invalid_target(e, type);
    if (bad) {
        error_at(ps, exc_SyntaxError, pos_estart(bad), pos_eend(bad),
                    type == TARGETS_DEL ? "cannot delete %s" : "cannot assign to %s",
                    expr_name(bad));
        return -1;
    }
    set_context(e, type == TARGETS_DEL ? CTX_DEL : CTX_STORE);
    return 0;
}

/* A Tuple written with its own parentheses starts before its first item. */
static int
tuple_has_parens(ParseState *ps, Expr *t)
{
    if (SEQ_LEN(t->v.Tuple.elts) == 0)
        return 1;
    Pos s = ex_start(ps, SEQ_GET(t->v.Tuple.elts, 0));
    return s.line != t->lineno || s.col != t->col_offset;
}

/* Is e produced by CPython's bitwise_or rule (an operand of '|' or below, or anything in
** parentheses)? */
static int
is_bitwise_or(ParseState *ps, Expr *e)
{
    if (is_paren(ps, e))
        return 1;
    switch (e->kind) {
    case EXPR_BOOLOP:
    case EXPR_COMPARE:
    case EXPR_IFEXP:
    case EXPR_LAMBDA:
    case EXPR_NAMEDEXPR:
    case EXPR_STARRED:
    case EXPR_YIELD:
    case EXPR_YIELDFROM:
    case EXPR_SLICE:
        return 0;
    case EXPR_UNARYOP:
        return e->v.UnaryOp.op != UOP_NOT;
    case EXPR_TUPLE:
        return tuple_has_parens(ps, e);
    case EXPR_GENERATOREXP:
        /* a call's only argument "f(x for x in y)" has no parentheses of its own */
        return e->lineno != e->v.GeneratorExp.elt->lineno ||
               e->col_offset != e->v.GeneratorExp.elt->col_offset;
    default:
        return 1;
    }
}

/* The bitwise_or operand the expression begins with (CPython's "b=bitwise_or"), or NULL. */
static Expr *
leading_bitwise_or(ParseState *ps, Expr *e)
{
    while (e && !is_paren(ps, e)) {
        switch (e->kind) {
        case EXPR_BOOLOP: e = SEQ_GET(e->v.BoolOp.values, 0); continue;
        case EXPR_COMPARE: e = e->v.Compare.left; continue;
        case EXPR_IFEXP: e = e->v.IfExp.body; continue;
        case EXPR_TUPLE:
            if (tuple_has_parens(ps, e))
                return e;
            e = SEQ_GET(e->v.Tuple.elts, 0);
            continue;
        default:
            return is_bitwise_or(ps, e) ? e : NULL;
        }
    }
    return e;
}

static int
starts_with_bitwise_or(ParseState *ps, Expr *e)
{
    return leading_bitwise_or(ps, e) != NULL;
}

/* A tuple or list display or generator expression written with its own brackets (the
** forms CPython's invalid_named_expression excludes), or True/False/None. */
static int
is_excluded_form(ParseState *ps, Expr *e)
{
    if (is_paren(ps, e))
        return 0;
    if (e->kind == EXPR_LIST || e->kind == EXPR_GENERATOREXP ||
        (e->kind == EXPR_TUPLE && tuple_has_parens(ps, e)))
        return 1;
    if (e->kind == EXPR_CONSTANT) {
        Object *v = e->v.Constant.value;
        return v == None || v == True_ || v == False_;
    }
    return 0;
}

/* ------------------------------------------------------------------------------------
** Displays, comprehensions, calls
*/
CompFor *
parse_comp(ParseState *ps, CompFor *c, Token *kw, Expr *target, Expr *iter, int is_async)
{
    if (!target || !iter || check_target(ps, target, TARGETS_FOR) < 0)
        return NULL;
    Comprehension *g = arena_alloc(ps->arena, sizeof *g);
    if (!g) {
        parse_no_memory(ps);
        return NULL;
    }
    g->target = target;
    g->iter = iter;
    g->ifs = seq_new(ps->arena, 0);
    g->is_async = is_async;
    if (!c) {
        c = arena_alloc(ps->arena, sizeof *c);
        if (!c) {
            parse_no_memory(ps);
            return NULL;
        }
        c->gens = parse_vec(ps, NULL);
        c->first = *kw;
    }
    if (!parse_push(ps, c->gens, g))
        return NULL;
    return c;
}

CompFor *
parse_comp_if(ParseState *ps, CompFor *c, Expr *cond)
{
    if (!c || !cond || !c->gens)
        return NULL;
    Comprehension *g = c->gens->items[c->gens->n - 1];
    int n = SEQ_LEN(g->ifs);
    Seq *s = seq_new(ps->arena, n + 1);
    if (!s) {
        parse_no_memory(ps);
        return NULL;
    }
    for (int i = 0; i < n; i++)
        s->items[i] = g->ifs->items[i];
    s->items[n] = cond;
    g->ifs = s;
    return c;
}

CompList *
parse_complist(ParseState *ps, Vec *elts, Vec *keys, CompFor *gens, int trailing)
{
    if (!elts || (gens == NULL && ps->failed))
        return NULL;
    CompList *c = arena_alloc(ps->arena, sizeof *c);
    if (!c) {
        parse_no_memory(ps);
        return NULL;
    }
    c->elts = elts;
    c->keys = keys;
    c->gens = gens;
    c->trailing_comma = trailing;
    return c;
}

/* End of the last part of a comprehension (the last condition or iterable). */
static Pos
comp_last_end(ParseState *ps, CompFor *c)
{
    Comprehension *g = c->gens->items[c->gens->n - 1];
    if (SEQ_LEN(g->ifs))
        return ex_end(ps, SEQ_GET(g->ifs, SEQ_LEN(g->ifs) - 1));
    return ex_end(ps, g->iter);
}

static int
check_comp_elt(ParseState *ps, Expr *elt)
{
    if (elt && elt->kind == EXPR_STARRED) {
        error_node(ps, elt, "iterable unpacking cannot be used in comprehension");
        return -1;
    }
    return 0;
}

Expr *
parse_display(ParseState *ps, int which, Token open, CompList *c, Token close)
{
    Pos s = pos_tstart(open), e = pos_tend(close);
    Expr *x;
    if (number_ghosts_flush(ps, open, close) < 0)
        return NULL;
    if (c == NULL && ps->failed)
        return NULL;
    if (which == '(') {
        if (!c) {
            x = mk_expr(ps, EXPR_TUPLE, s, e);
            if (x) {
                x->v.Tuple.elts = seq_new(ps->arena, 0);
                x->v.Tuple.ctx = CTX_LOAD;
            }
            return x;
        }
        if (c->gens) {
            Expr *elt = c->elts->items[0];
            if (check_comp_elt(ps, elt) < 0)
                return NULL;
            x = mk_expr(ps, EXPR_GENERATOREXP, s, e);
            if (x) {
                x->v.GeneratorExp.elt = elt;
                x->v.GeneratorExp.generators = to_seq(ps, c->gens->gens);
            }
            return x;
        }
        if (c->elts->n == 1 && !c->trailing_comma) {
            Expr *elt = c->elts->items[0];
            if (elt && elt->kind == EXPR_STARRED) {
                error_node(ps, elt, "cannot use starred expression here");
                return NULL;
            }
            return parse_group(ps, open, elt, close);
        }
        x = mk_expr(ps, EXPR_TUPLE, s, e);
        if (x) {
            x->v.Tuple.elts = to_seq(ps, c->elts);
            x->v.Tuple.ctx = CTX_LOAD;
        }
        return x;
    }
    if (which == '[') {
        if (c && c->gens) {
            Expr *elt = c->elts->items[0];
            if (check_comp_elt(ps, elt) < 0)
                return NULL;
            x = mk_expr(ps, EXPR_LISTCOMP, s, e);
            if (x) {
                x->v.ListComp.elt = elt;
                x->v.ListComp.generators = to_seq(ps, c->gens->gens);
            }
            return x;
        }
        x = mk_expr(ps, EXPR_LIST, s, e);
        if (x) {
            x->v.List.elts = to_seq(ps, c ? c->elts : NULL);
            x->v.List.ctx = CTX_LOAD;
        }
        return x;
    }
    /* '{' */
    if (!c || c->is_dict) {
        if (c && c->gens) {
            x = mk_expr(ps, EXPR_DICTCOMP, s, e);
            if (x) {
                x->v.DictComp.key = c->keys->items[0];
                x->v.DictComp.value = c->elts->items[0];
                x->v.DictComp.generators = to_seq(ps, c->gens->gens);
            }
            return x;
        }
        x = mk_expr(ps, EXPR_DICT, s, e);
        if (x) {
            x->v.Dict.keys = to_seq(ps, c ? c->keys : NULL);
            x->v.Dict.values = to_seq(ps, c ? c->elts : NULL);
        }
        return x;
    }
    if (c->gens) {
        Expr *elt = c->elts->items[0];
        if (check_comp_elt(ps, elt) < 0)
            return NULL;
        x = mk_expr(ps, EXPR_SETCOMP, s, e);
        if (x) {
            x->v.SetComp.elt = elt;
            x->v.SetComp.generators = to_seq(ps, c->gens->gens);
        }
        return x;
    }
    x = mk_expr(ps, EXPR_SET, s, e);
    if (x)
        x->v.Set.elts = to_seq(ps, c->elts);
    return x;
}

ArgItem *
parse_argitem(ParseState *ps, ArgKind kind, Expr *value, Expr *name, CompFor *gens,
              Token *tok)
{
    if (!value || (kind == ARG_GENEXP && !gens))
        return NULL;
    if (kind == ARG_KEYWORD) {
        if (!name)
            return NULL;
        if (name->kind != EXPR_NAME || is_paren(ps, name)) {
            Pos s = ex_start(ps, name);
            if (name->kind == EXPR_CONSTANT && !is_paren(ps, name) &&
                (name->v.Constant.value == True_ || name->v.Constant.value == False_ ||
                 name->v.Constant.value == None))
                error_at(ps, exc_SyntaxError, s, pos_tend(*tok), "cannot assign to %s",
                            expr_name(name));
            else
                error_at(ps, exc_SyntaxError, s, pos_tend(*tok),
                            "expression cannot contain assignment, perhaps you meant "
                            "\"==\"?");
            return NULL;
        }
    }
    ArgItem *a = arena_alloc(ps->arena, sizeof *a);
    if (!a) {
        parse_no_memory(ps);
        return NULL;
    }
    a->kind = kind;
    a->value = value;
    a->name = name;
    a->gens = gens;
    if (tok)
        a->tok = *tok;
    return a;
}

CallArgs *
parse_callargs(ParseState *ps, CallArgs *a, ArgItem *item)
{
    if (!item)
        return NULL;
    if (!a) {
        a = arena_alloc(ps->arena, sizeof *a);
        if (!a) {
            parse_no_memory(ps);
            return NULL;
        }
        a->args = parse_vec(ps, NULL);
        a->kws = parse_vec(ps, NULL);
    }
    a->n_items++;
    a->last = item;
    Expr *v = item->value;
    switch (item->kind) {
    case ARG_POS:
    case ARG_GENEXP:
        if ((a->seen_dstar || a->seen_kw) && !a->error)
            a->error = a->seen_dstar ? "positional argument follows keyword argument "
                                       "unpacking"
                                     : "positional argument follows keyword argument";
        if (item->kind == ARG_GENEXP) {
            Expr *g = mk_expr(ps, EXPR_GENERATOREXP, ex_start(ps, v),
                              comp_last_end(ps, item->gens));
            if (!g)
                return NULL;
            if (check_comp_elt(ps, v) < 0)
                return NULL;
            g->v.GeneratorExp.elt = v;
            g->v.GeneratorExp.generators = to_seq(ps, item->gens->gens);
            if (!a->genexp)
                a->genexp = item;
            item->value = v = g;
        }
        parse_push(ps, a->args, v);
        break;
    case ARG_STAR: {
        if (a->seen_dstar) {
            error_tok(ps, item->tok,
                      "iterable argument unpacking follows keyword argument unpacking");
            return NULL;
        }
        Expr *st = parse_starred(ps, item->tok, v);
        parse_push(ps, a->args, st);
        break;
    }
    case ARG_KEYWORD:
    case ARG_DSTAR: {
        Keyword *k = arena_alloc(ps->arena, sizeof *k);
        if (!k) {
            parse_no_memory(ps);
            return NULL;
        }
        Pos s = item->kind == ARG_KEYWORD ? ex_start(ps, item->name) : pos_tstart(item->tok);
        Pos e = ex_end(ps, v);
        k->arg = item->kind == ARG_KEYWORD ? item->name->v.Name.id : NULL;
        k->value = v;
        k->lineno = s.line;
        k->col_offset = s.col;
        k->end_lineno = e.line;
        k->end_col_offset = e.col;
        parse_push(ps, a->kws, k);
        if (item->kind == ARG_KEYWORD)
            a->seen_kw = 1;
        else
            a->seen_dstar = 1;
        break;
    }
    }
    return ps->failed ? NULL : a;
}

/* The whole argument list: errors CPython reports at the token after it. */
CallArgs *
parse_arglist(ParseState *ps, CallArgs *a, int trailing)
{
    if (!a)
        return NULL;
    a->trailing = trailing;
    if (a->error) {
        error_tok(ps, ps->la, a->error);
        return NULL;
    }
    return a;
}

Expr *
parse_call(ParseState *ps, Expr *f, Token lp, CallArgs *a, Token rp)
{
    if (!f || (!a && ps->failed))
        return NULL;
    if (a && a->genexp) {
        Expr *g = a->genexp->value;
        if (a->n_items > 1 || a->trailing) {
            error_at(ps, exc_SyntaxError, pos_estart(g->v.GeneratorExp.elt),
                        comp_last_end(ps, a->genexp->gens),
                        "Generator expression must be parenthesized");
            return NULL;
        }
        /* the call's parentheses are the generator expression's */
        g->lineno = lp.line;
        g->col_offset = lp.col;
        g->end_lineno = rp.end_line;
        g->end_col_offset = rp.end_col;
    }
    Expr *e = mk_expr(ps, EXPR_CALL, ex_start(ps, f), pos_tend(rp));
    if (!e)
        return NULL;
    e->v.Call.func = f;
    e->v.Call.args = to_seq(ps, a ? a->args : NULL);
    e->v.Call.keywords = to_seq(ps, a ? a->kws : NULL);
    return e;
}

Expr *
parse_namedexpr(ParseState *ps, Expr *target, Expr *value)
{
    if (!target || !value)
        return NULL;
    if (target->kind != EXPR_NAME || is_paren(ps, target)) {
        error_at(ps, exc_SyntaxError, pos_estart(target), pos_eend(target),
                    "cannot use assignment expressions with %s", expr_name(target));
        return NULL;
    }
    target->v.Name.ctx = CTX_STORE;
    Expr *e = mk_expr(ps, EXPR_NAMEDEXPR, ex_start(ps, target), ex_end(ps, value));
    if (!e)
        return NULL;
    e->v.NamedExpr.target = target;
    e->v.NamedExpr.value = value;
    return e;
}

/* ------------------------------------------------------------------------------------
** Parameters
*/
Arg *
parse_arg(ParseState *ps, Token name, Expr *annotation)
{
    Arg *a = arena_alloc(ps->arena, sizeof *a);
    if (!a) {
        parse_no_memory(ps);
        return NULL;
    }
    Pos e = annotation ? ex_end(ps, annotation) : pos_tend(name);
    a->arg = ident_tok(ps, name);
    a->annotation = annotation;
    a->lineno = name.line;
    a->col_offset = name.col;
    a->end_lineno = e.line;
    a->end_col_offset = e.col;
    return a;
}

ParamItem *
parse_param(ParseState *ps, ParamKind kind, Arg *arg, Expr *def, Token *tok, Token *eq)
{
    if ((kind == PARAM_PLAIN || kind == PARAM_DSTAR) && !arg)
        return NULL;
    ParamItem *p = arena_alloc(ps->arena, sizeof *p);
    if (!p) {
        parse_no_memory(ps);
        return NULL;
    }
    p->kind = kind;
    p->arg = arg;
    p->def = def;
    if (tok)
        p->tok = *tok;
    if (eq)
        p->eq = *eq;
    return p;
}

static void
error_arg(ParseState *ps, Arg *a, const char *msg)
{
    Pos s = { a->lineno, a->col_offset }, e = { a->end_lineno, a->end_col_offset };
    error_at(ps, exc_SyntaxError, s, e, "%s", msg);
}

/* The flat item list of a parameter list, checked in order as CPython's
** invalid_parameters / invalid_star_etc / invalid_kwds rules do. */
/* The NAME attempts of a parameter list (see name_attempts): the 'parameters' rule tries
** its alternatives (slash_no_default, slash_with_default, param_no_default+, ...) in
** turn, re-parsing each parameter, so a name's count depends on its place in the list;
** measured against CPython for each shape.  The arena keeps the extra references. */
static int
param_attempts(Vec *params, int i)
{
    ParamItem *p = params->items[i];
    if (!p || !p->arg)
        return 1;
    int last = i + 1 == params->n;
    int annotated = p->arg->annotation != NULL;
    /* '*args' and '**kw': 'param_no_default' or its '&')'' twin (star_etc) */
    if (p->kind != PARAM_PLAIN)
        return 1 + last;
    int slash = -1, star_before = 0, default_before = 0;
    for (int j = 0; j < params->n; j++) {
        ParamItem *q = params->items[j];
        if (!q)
            return 1;
        if (q->kind == PARAM_SLASH)
            slash = j;
        if (j < i && (q->kind == PARAM_STAR))
            star_before = 1;
        if (j < i && q->kind == PARAM_PLAIN && q->def)
            default_before = 1;
    }
    /* after '/' or '*', and before a '/': each parameter once when what follows matches
    ** the rule's ',' alternative, twice when it ends the list; after '/' a default costs
    ** two more */
    if (star_before)
        return 1 + last;
    if (slash >= 0 && i > slash)
        return (p->def ? 3 : 1) + last;
    if (slash >= 0) {
        /* before the '/': once, twice when the '/' ends the list; when the group has
        ** defaults (slash_with_default) the plain ones thrice more and the first default
        ** seven times more (ten at the end) */
        int end = slash + 1 == params->n, group_def = 0;
        for (int j = 0; j < slash; j++)
            if (params->items[j] && ((ParamItem *)params->items[j])->def)
                group_def = 1;
        if (!p->def)
            return (group_def ? 3 : 1) + end;
        return default_before ? 1 + end : 7 + 3 * end;
    }
    ParamItem *next = last ? NULL : params->items[i + 1];
    if (!p->def)
        return (last ? 10 : 5) - (annotated && i == 0);
    int default_after = !last && next->kind == PARAM_PLAIN && next->def;
    if (!last && !default_after && !default_before)
        return 13;                      /* a default followed by '*' or '**' */
    if (default_before)
        return default_after ? 3 : 6;
    if (default_after)
        return 13;
    return 16 - annotated;
}

Arguments *
parse_arguments(ParseState *ps, Vec *params, int flags)
{
    int is_lambda = flags & PARAMS_LAMBDA;
    for (int i = 0; params && i < params->n; i++) {
        ParamItem *p = params->items[i];
        for (int k = param_attempts(params, i); p && p->arg && p->arg->arg && k > 1; k--)
            if (!keep(ps, newref(p->arg->arg)))
                return NULL;
    }
    Arguments *a = arena_alloc(ps->arena, sizeof *a);
    Vec *posonly = parse_vec(ps, NULL), *args = parse_vec(ps, NULL);
    Vec *kwonly = parse_vec(ps, NULL), *kwdefs = parse_vec(ps, NULL);
    Vec *defaults = parse_vec(ps, NULL);
    if (!a || !posonly || !args || !kwonly || !kwdefs || !defaults) {
        parse_no_memory(ps);
        return NULL;
    }
    int saw_slash = 0, saw_star = 0, saw_dstar = 0, saw_default = 0;
    ParamItem *bare_star = NULL;
    for (int i = 0; params && i < params->n; i++) {
        ParamItem *p = params->items[i];
        if (!p)
            return NULL;
        if (saw_dstar) {
            if (p->arg && p->kind == PARAM_PLAIN)
                error_arg(ps, p->arg, "arguments cannot follow var-keyword argument");
            else
                error_tok(ps, p->tok, "arguments cannot follow var-keyword argument");
            return NULL;
        }
        switch (p->kind) {
        case PARAM_PLAIN:
            if (saw_star) {
                parse_push(ps, kwonly, p->arg);
                parse_push(ps, kwdefs, p->def);
                bare_star = NULL;
            }
            else {
                parse_push(ps, args, p->arg);
                if (p->def) {
                    parse_push(ps, defaults, p->def);
                    saw_default = 1;
                }
                else if (saw_default) {
                    error_arg(ps, p->arg, "non-default argument follows default argument");
                    return NULL;
                }
            }
            break;
        case PARAM_SLASH:
            if (saw_slash) {
                error_tok(ps, p->tok, "/ may appear only once");
                return NULL;
            }
            if (saw_star) {
                error_tok(ps, p->tok, "/ must be ahead of *");
                return NULL;
            }
            if (args->n == 0) {
                /* only when a comma follows (CPython's invalid_parameters) */
                int comma = i + 1 < params->n || (flags & PARAMS_TRAILING_COMMA);
                error_tok(ps, p->tok,
                          comma ? "at least one argument must precede /" : "invalid syntax");
                return NULL;
            }
            posonly = args;
            args = parse_vec(ps, NULL);
            saw_slash = 1;
            break;
        case PARAM_STAR:
            if (saw_star) {
                error_tok(ps, p->tok, "* argument may appear only once");
                return NULL;
            }
            if (p->def) {
                error_tok(ps, p->eq, "var-positional argument cannot have default value");
                return NULL;
            }
            saw_star = 1;
            a->vararg = p->arg;
            if (!p->arg)
                bare_star = p;
            break;
        case PARAM_DSTAR:
            if (p->def) {
                error_tok(ps, p->eq, "var-keyword argument cannot have default value");
                return NULL;
            }
            if (bare_star)
                break;
            saw_dstar = 1;
            a->kwarg = p->arg;
            break;
        }
        if (bare_star && p->kind == PARAM_DSTAR)
            break;
    }
    /* CPython's rule is "'*' followed by ')' or ', )' or ', **'": a bare star at the end
    ** followed by anything else ("*<") is a plain syntax error, which lemon reports */
    if (bare_star && bare_star == params->items[params->n - 1] &&
        ps->la_code != (is_lambda ? TK_COLON : TK_RPAR))
        return NULL;
    if (bare_star) {
        /* def: at the '*'; lambda: at the token after it (CPython RAISE_SYNTAX_ERROR) */
        if (is_lambda) {
            ParamItem *next = NULL;
            for (int i = 0; i + 1 < params->n; i++)
                if (params->items[i] == bare_star)
                    next = params->items[i + 1];
            error_tok(ps, next ? next->tok : ps->la, "named arguments must follow bare *");
        }
        else
            error_tok(ps, bare_star->tok, "named arguments must follow bare *");
        return NULL;
    }
    a->posonlyargs = to_seq(ps, posonly);
    a->args = to_seq(ps, args);
    a->kwonlyargs = to_seq(ps, kwonly);
    a->kw_defaults = to_seq(ps, kwdefs);
    a->defaults = to_seq(ps, defaults);
    return ps->failed ? NULL : a;
}

Expr *
parse_lambda(ParseState *ps, Token kw, Arguments *args, Expr *body)
{
    if (!args || !body)
        return NULL;
    Expr *e = mk_expr(ps, EXPR_LAMBDA, pos_tstart(kw), ex_end(ps, body));
    if (!e)
        return NULL;
    e->v.Lambda.args = args;
    e->v.Lambda.body = body;
    return e;
}

/* ------------------------------------------------------------------------------------
** Statements
*/
Stmt *
parse_expr_stmt(ParseState *ps, Expr *e)
{
    if (!e)
        return NULL;
    Stmt *s = mk_stmt(ps, STMT_EXPR, ex_start(ps, e), ex_end(ps, e));
    if (s)
        s->v.Expr.value = e;
    return s;
}

Vec *
parse_assign_target(ParseState *ps, Vec *targets, Expr *target, Token eq)
{
    (void)eq;
    if (!target)
        return NULL;
    if (!targets)
        targets = parse_vec(ps, NULL);
    return parse_push(ps, targets, target);
}

static int
is_yield(ParseState *ps, Expr *e)
{
    return (e->kind == EXPR_YIELD || e->kind == EXPR_YIELDFROM) && !is_paren(ps, e);
}

/* An assignment with a bad target anywhere: CPython's invalid_assignment reads the
** statement's first element (star_named_expression) and, when the first target is a
** tuple, the elements after its first comma as named expressions; the one followed by
** '=' meets invalid_named_expression first when what follows the '=' starts with an
** operand not itself followed by '=' ("x = 1, f() = 2", "(1, 2), b = 3, 4"). */
static int
named_expression_error(ParseState *ps, Vec *targets, Expr *value)
{
    int any = 0;
    for (int i = 0; i < targets->n && !any; i++)
        any = is_yield(ps, targets->items[i]) ||
              invalid_target(targets->items[i], TARGETS_STAR) != NULL;
    if (!any)
        return 0;
    Expr *t0 = targets->items[0], *cand = t0;
    if (t0->kind == EXPR_TUPLE && !tuple_has_parens(ps, t0) && !is_paren(ps, t0)) {
        int n = SEQ_LEN(t0->v.Tuple.elts);
        cand = n >= 2 ? SEQ_GET(t0->v.Tuple.elts, n - 1) : NULL;
    }
    Expr *b = targets->n > 1 ? targets->items[1] : value;
    Expr *bo = is_yield(ps, b) ? NULL : leading_bitwise_or(ps, b);
    if (!cand || cand->kind == EXPR_STARRED || !bo || (bo == b && targets->n > 1))
        return 0;
    if (cand->kind == EXPR_NAME && !is_paren(ps, cand)) {
        error_at(ps, exc_SyntaxError, pos_estart(cand), pos_eend(bo),
                 "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        return 1;
    }
    if (is_bitwise_or(ps, cand) && !is_excluded_form(ps, cand)) {
        error_at(ps, exc_SyntaxError, pos_estart(cand), pos_eend(cand),
                 "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                 expr_name(cand));
        return 1;
    }
    return 0;
}

Stmt *
parse_assign(ParseState *ps, Vec *targets, Expr *value)
{
    if (!targets || !value)
        return NULL;
    if (named_expression_error(ps, targets, value))
        return NULL;
    for (int i = 0; i < targets->n; i++) {
        Expr *t = targets->items[i];
        if (is_yield(ps, t)) {
            error_node(ps, t, "assignment to yield expression not possible");
            return NULL;
        }
        Expr *bad = invalid_target(t, TARGETS_STAR);
        if (bad) {
            /* CPython's invalid_named_expression fires first for "a = b" where a is an
            ** operand-level expression and b is not followed by '=' */
            if (i == 0 && targets->n == 1 && bad == t && is_bitwise_or(ps, t) &&
                !is_excluded_form(ps, t) && !is_yield(ps, value) &&
                starts_with_bitwise_or(ps, value))
                error_at(ps, exc_SyntaxError, pos_estart(bad), pos_eend(bad),
                            "cannot assign to %s here. Maybe you meant '==' instead of "
                            "'='?",
                            expr_name(bad));
            else
                error_at(ps, exc_SyntaxError, pos_estart(bad), pos_eend(bad),
                            "cannot assign to %s", expr_name(bad));
            return NULL;
        }
        set_context(t, CTX_STORE);
    }
    Stmt *s = mk_stmt(ps, STMT_ASSIGN, ex_start(ps, targets->items[0]), ex_end(ps, value));
    if (!s)
        return NULL;
    s->v.Assign.targets = to_seq(ps, targets);
    s->v.Assign.value = value;
    return s;
}

/* A single target of augmented assignment and annotations: a name, attribute or
** subscript, possibly in parentheses. */
static int
is_single_target(Expr *e)
{
    return e->kind == EXPR_NAME || e->kind == EXPR_ATTRIBUTE || e->kind == EXPR_SUBSCRIPT;
}

Stmt *
parse_augassign(ParseState *ps, Expr *target, int op, Expr *value)
{
    if (!target || !value)
        return NULL;
    if (!is_single_target(target)) {
        error_at(ps, exc_SyntaxError, pos_estart(target), pos_eend(target),
                    "'%s' is an illegal expression for augmented assignment",
                    expr_name(target));
        return NULL;
    }
    set_context(target, CTX_STORE);
    Stmt *s = mk_stmt(ps, STMT_AUGASSIGN, ex_start(ps, target), ex_end(ps, value));
    if (!s)
        return NULL;
    s->v.AugAssign.target = target;
    s->v.AugAssign.op = (OperatorKind)op;
    s->v.AugAssign.value = value;
    return s;
}

Stmt *
parse_annassign(ParseState *ps, Expr *target, Expr *ann, Expr *value)
{
    if (!target || !ann)
        return NULL;
    if (!is_single_target(target)) {
        if (target->kind == EXPR_TUPLE && !tuple_has_parens(ps, target) &&
            SEQ_LEN(target->v.Tuple.elts) > 0)
            error_node(ps, SEQ_GET(target->v.Tuple.elts, 0),
                       "only single target (not tuple) can be annotated");
        else if (target->kind == EXPR_TUPLE || target->kind == EXPR_LIST)
            error_at(ps, exc_SyntaxError, pos_estart(target), pos_eend(target),
                        "only single target (not %s) can be annotated", expr_name(target));
        else
            error_node(ps, target, "illegal target for annotation");
        return NULL;
    }
    set_context(target, CTX_STORE);
    Pos end = value ? ex_end(ps, value) : ex_end(ps, ann);
    Stmt *s = mk_stmt(ps, STMT_ANNASSIGN, ex_start(ps, target), end);
    if (!s)
        return NULL;
    s->v.AnnAssign.target = target;
    s->v.AnnAssign.annotation = ann;
    s->v.AnnAssign.value = value;
    s->v.AnnAssign.simple = target->kind == EXPR_NAME && !is_paren(ps, target);
    return s;
}

Stmt *
parse_simple(ParseState *ps, int kind, Token kw)
{
    return mk_stmt(ps, (StmtKind)kind, pos_tstart(kw), pos_tend(kw));
}

Stmt *
parse_return(ParseState *ps, Token kw, Expr *value)
{
    if (ps->failed)
        return NULL;
    Stmt *s = mk_stmt(ps, STMT_RETURN, pos_tstart(kw), value ? ex_end(ps, value) : pos_tend(kw));
    if (s)
        s->v.Return.value = value;
    return s;
}

Stmt *
parse_raise(ParseState *ps, Token kw, Expr *exc, Expr *cause)
{
    if (ps->failed)
        return NULL;
    Pos e = cause ? ex_end(ps, cause) : exc ? ex_end(ps, exc) : pos_tend(kw);
    Stmt *s = mk_stmt(ps, STMT_RAISE, pos_tstart(kw), e);
    if (s) {
        s->v.Raise.exc = exc;
        s->v.Raise.cause = cause;
    }
    return s;
}

Stmt *
parse_delete(ParseState *ps, Token kw, Vec *targets, Token *trailing)
{
    if (!targets)
        return NULL;
    for (int i = 0; i < targets->n; i++)
        if (check_target(ps, targets->items[i], TARGETS_DEL) < 0)
            return NULL;
    Pos e = trailing ? pos_tend(*trailing) : ex_end(ps, targets->items[targets->n - 1]);
    Stmt *s = mk_stmt(ps, STMT_DELETE, pos_tstart(kw), e);
    if (s)
        s->v.Delete.targets = to_seq(ps, targets);
    return s;
}

Vec *
parse_name_list(ParseState *ps, Vec *names, Token name)
{
    Object *id = ident_tok(ps, name);
    if (!names || !id)
        return NULL;
    return parse_push(ps, names, id);
}

Stmt *
parse_global(ParseState *ps, int kind, Token kw, Vec *names, Token last)
{
    names = parse_name_list(ps, names, last);
    if (!names)
        return NULL;
    Stmt *s = mk_stmt(ps, (StmtKind)kind, pos_tstart(kw), pos_tend(last));
    if (s)
        s->v.Global.names = to_seq(ps, names);
    return s;
}

Stmt *
parse_assert(ParseState *ps, Token kw, Expr *test, Expr *msg)
{
    if (!test)
        return NULL;
    Stmt *s = mk_stmt(ps, STMT_ASSERT, pos_tstart(kw), ex_end(ps, msg ? msg : test));
    if (s) {
        s->v.Assert.test = test;
        s->v.Assert.msg = msg;
    }
    return s;
}

Dotted
parse_dotted(ParseState *ps, Dotted *prev, Token name)
{
    Dotted d;
    int plen = prev ? prev->len : 0;
    d.len = plen + (prev ? 1 : 0) + name.len;
    d.s = arena_alloc(ps->arena, (size_t)d.len + 1);
    d.first = prev ? prev->first : name;
    d.last = name;
    if (!d.s || (prev && !prev->s)) {
        parse_no_memory(ps);
        d.s = NULL;
        return d;
    }
    if (prev) {
        memcpy(d.s, prev->s, (size_t)plen);
        d.s[plen] = '.';
        memcpy(d.s + plen + 1, name.start, (size_t)name.len);
    }
    else
        memcpy(d.s, name.start, (size_t)name.len);
    d.s[d.len] = '\0';
    return d;
}

/* A component of an import's dotted_name.  NAME attempts (name_attempts): the
** left-recursive rule converts its first NAME twice (the round kept and the failing last
** one; for a single name the alias holds one of them), every other once. */
Dotted
parse_dotted_name(ParseState *ps, Dotted *prev, Token name)
{
    Dotted d = parse_dotted(ps, prev, name);
    if (!d.s)
        return d;
    if (!keep(ps, str_intern_utf8(name.start, name.len)) ||
        (prev && prev->first.start == prev->last.start &&
         !keep(ps, str_intern_utf8(prev->first.start, prev->first.len))))
        d.s = NULL;
    return d;
}

Alias *
parse_alias(ParseState *ps, Dotted *name, Token *asname)
{
    if (!name->s)
        return NULL;
    Alias *a = arena_alloc(ps->arena, sizeof *a);
    if (!a) {
        parse_no_memory(ps);
        return NULL;
    }
    Pos e = asname ? pos_tend(*asname) : pos_tend(name->last);
    a->name = ident(ps, name->s, name->len);
    a->asname = asname ? ident_tok(ps, *asname) : NULL;
    a->lineno = name->first.line;
    a->col_offset = name->first.col;
    a->end_lineno = e.line;
    a->end_col_offset = e.col;
    return a;
}

Alias *
parse_alias_star(ParseState *ps, Token star)
{
    Dotted d;
    d.s = (char *)"*";
    d.len = 1;
    d.first = d.last = star;
    return parse_alias(ps, &d, NULL);
}

static Pos
alias_end(Vec *aliases)
{
    Alias *a = aliases->items[aliases->n - 1];
    Pos p = { a->end_lineno, a->end_col_offset };
    return p;
}

Stmt *
parse_import(ParseState *ps, Token kw, Vec *aliases)
{
    if (!aliases || ps->failed)
        return NULL;
    Stmt *s = mk_stmt(ps, STMT_IMPORT, pos_tstart(kw), alias_end(aliases));
    if (s)
        s->v.Import.names = to_seq(ps, aliases);
    return s;
}

Stmt *
parse_import_from(ParseState *ps, Token kw, FromModule *m, Vec *aliases, Token *last)
{
    if (!aliases || ps->failed)
        return NULL;
    Stmt *s = mk_stmt(ps, STMT_IMPORTFROM, pos_tstart(kw),
                      last ? pos_tend(*last) : alias_end(aliases));
    if (!s)
        return NULL;
    s->v.ImportFrom.module = m->name.s ? ident(ps, m->name.s, m->name.len) : NULL;
    s->v.ImportFrom.names = to_seq(ps, aliases);
    s->v.ImportFrom.level = m->level;
    return s;
}

void
parse_trailing_comma_import(ParseState *ps)
{
    error_tok(ps, ps->la, ps->la_code == TK_NEWLINE
                              ? "trailing comma not allowed without surrounding parentheses"
                              : "invalid syntax");
}

/* ---------------------------------------------------------------- compound statements */
Stmt *
parse_if(ParseState *ps, Token kw, Expr *test, Vec *body, Vec *orelse)
{
    if (!test || !body || ps->failed)
        return NULL;
    Pos e = orelse && orelse->n ? body_end(orelse) : body_end(body);
    Stmt *s = mk_stmt(ps, STMT_IF, pos_tstart(kw), e);
    if (!s)
        return NULL;
    s->v.If.test = test;
    s->v.If.body = to_seq(ps, body);
    s->v.If.orelse = to_seq(ps, orelse);
    return s;
}

Stmt *
parse_while(ParseState *ps, Token kw, Expr *test, Vec *body, Vec *orelse)
{
    Stmt *s = parse_if(ps, kw, test, body, orelse);
    if (s)
        s->kind = STMT_WHILE;
    return s;
}

Stmt *
parse_for(ParseState *ps, Token kw, Expr *target, Expr *iter, Vec *body, Vec *orelse)
{
    if (!target || !iter || !body || ps->failed)
        return NULL;
    if (check_target(ps, target, TARGETS_FOR) < 0)
        return NULL;
    Pos e = orelse && orelse->n ? body_end(orelse) : body_end(body);
    Stmt *s = mk_stmt(ps, STMT_FOR, pos_tstart(kw), e);
    if (!s)
        return NULL;
    s->v.For.target = target;
    s->v.For.iter = iter;
    s->v.For.body = to_seq(ps, body);
    s->v.For.orelse = to_seq(ps, orelse);
    return s;
}

WithItem *
parse_withitem(ParseState *ps, Expr *ctx, Expr *vars)
{
    if (!ctx)
        return NULL;
    if (vars && check_target(ps, vars, TARGETS_STAR) < 0)
        return NULL;
    WithItem *w = arena_alloc(ps->arena, sizeof *w);
    if (!w) {
        parse_no_memory(ps);
        return NULL;
    }
    w->context_expr = ctx;
    w->optional_vars = vars;
    return w;
}

Stmt *
parse_with(ParseState *ps, Token kw, Vec *items, Vec *body)
{
    if (!items || !body || ps->failed)
        return NULL;
    Stmt *s = mk_stmt(ps, STMT_WITH, pos_tstart(kw), body_end(body));
    if (!s)
        return NULL;
    s->v.With.items = to_seq(ps, items);
    s->v.With.body = to_seq(ps, body);
    return s;
}

ExceptHandler *
parse_handler(ParseState *ps, Token kw, Expr *type, Token *name, Vec *body)
{
    if (!body || ps->failed)
        return NULL;
    ExceptHandler *h = arena_alloc(ps->arena, sizeof *h);
    if (!h) {
        parse_no_memory(ps);
        return NULL;
    }
    Pos e = body_end(body);
    h->type = type;
    h->name = name ? ident_tok(ps, *name) : NULL;
    h->body = to_seq(ps, body);
    h->lineno = kw.line;
    h->col_offset = kw.col;
    h->end_lineno = e.line;
    h->end_col_offset = e.col;
    return h;
}

Stmt *
parse_try(ParseState *ps, Token kw, Vec *body, Vec *handlers, Vec *orelse, Vec *finalbody)
{
    if (!body || ps->failed)
        return NULL;
    Pos e;
    if (finalbody && finalbody->n)
        e = body_end(finalbody);
    else if (orelse && orelse->n)
        e = body_end(orelse);
    else {
        ExceptHandler *h = handlers->items[handlers->n - 1];
        e.line = h->end_lineno;
        e.col = h->end_col_offset;
    }
    Stmt *s = mk_stmt(ps, STMT_TRY, pos_tstart(kw), e);
    if (!s)
        return NULL;
    s->v.Try.body = to_seq(ps, body);
    s->v.Try.handlers = to_seq(ps, handlers);
    s->v.Try.orelse = to_seq(ps, orelse);
    s->v.Try.finalbody = to_seq(ps, finalbody);
    return s;
}

Stmt *
parse_funcdef(ParseState *ps, Token kw, Token name, Arguments *args, Expr *returns,
              Vec *body)
{
    if (!args || !body || ps->failed)
        return NULL;
    Stmt *s = mk_stmt(ps, STMT_FUNCTIONDEF, pos_tstart(kw), body_end(body));
    if (!s)
        return NULL;
    s->v.FunctionDef.name = ident_tok(ps, name);
    s->v.FunctionDef.args = args;
    s->v.FunctionDef.body = to_seq(ps, body);
    s->v.FunctionDef.decorator_list = seq_new(ps->arena, 0);
    s->v.FunctionDef.returns = returns;
    return s;
}

Stmt *
parse_classdef(ParseState *ps, Token kw, Token name, CallArgs *bases, Vec *body)
{
    if (!body || ps->failed)
        return NULL;
    if (bases && bases->genexp) {
        error_tok(ps, bases->genexp->gens->first, "invalid syntax");
        return NULL;
    }
    Stmt *s = mk_stmt(ps, STMT_CLASSDEF, pos_tstart(kw), body_end(body));
    if (!s)
        return NULL;
    s->v.ClassDef.name = ident_tok(ps, name);
    s->v.ClassDef.bases = to_seq(ps, bases ? bases->args : NULL);
    s->v.ClassDef.keywords = to_seq(ps, bases ? bases->kws : NULL);
    s->v.ClassDef.body = to_seq(ps, body);
    s->v.ClassDef.decorator_list = seq_new(ps->arena, 0);
    return s;
}

Stmt *
parse_decorated(ParseState *ps, Vec *decorators, Stmt *def)
{
    if (!decorators || !def)
        return NULL;
    Seq *d = to_seq(ps, decorators);
    if (def->kind == STMT_CLASSDEF)
        def->v.ClassDef.decorator_list = d;
    else
        def->v.FunctionDef.decorator_list = d;
    return def;
}

Stmt *
parse_async(ParseState *ps, Token kw, Stmt *s)
{
    (void)ps;
    if (!s)
        return NULL;
    s->kind = s->kind == STMT_FUNCTIONDEF ? STMT_ASYNCFUNCTIONDEF
              : s->kind == STMT_FOR       ? STMT_ASYNCFOR
                                          : STMT_ASYNCWITH;
    s->lineno = kw.line;
    s->col_offset = kw.col;
    return s;
}

void
parse_finish(ParseState *ps, ModKind kind, Vec *body, Expr *expr)
{
    if (ps->failed)
        return;
    Mod *m = arena_alloc(ps->arena, sizeof *m);
    if (!m) {
        parse_no_memory(ps);
        return;
    }
    m->kind = kind;
    if (kind == MOD_EXPRESSION)
        m->expr = expr;
    else
        m->body = to_seq(ps, body);
    ps->mod = m;
}

/* ------------------------------------------------------------------------------------
** String literals (CPython's Parser/string_parser.c for 3.11)
*/
typedef struct U32Buf {         /* code points of a str being decoded (heap) */
    uint32_t *p;
    size_t n, cap;
    int failed;
} U32Buf;

static void
u32_put(U32Buf *b, uint32_t c)
{
    if (b->failed)
        return;
    if (b->n == b->cap) {
        size_t ncap = b->cap ? b->cap * 2 : 64;
        uint32_t *np = realloc(b->p, ncap * sizeof *np);
        if (!np) {
            b->failed = 1;
            return;
        }
        b->p = np;
        b->cap = ncap;
    }
    b->p[b->n++] = c;
}

static void
u32_free(U32Buf *b)
{
    free(b->p);
    b->p = NULL;
    b->n = b->cap = 0;
}

/* Append valid UTF-8 text. */
static void
u32_put_utf8(U32Buf *b, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *e = p + n;
    while (p < e) {
        uint32_t c = *p;
        int k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (k == 2)
            c &= 0x1F;
        else if (k == 3)
            c &= 0x0F;
        else if (k == 4)
            c &= 0x07;
        for (int i = 1; i < k && p + i < e; i++)
            c = (c << 6) | (p[i] & 0x3F);
        u32_put(b, c);
        p += k;
    }
}

/* A few names for \N{...} (no Unicode name database here); others are reported as
** unknown.  CJK UNIFIED IDEOGRAPH-XXXX is computed. */
static const struct {
    const char *name;
    uint32_t cp;
} parse_uninames[] = {
    {"BULLET", 0x2022}, {"EM DASH", 0x2014}, {"EN DASH", 0x2013},
    {"NO-BREAK SPACE", 0xA0}, {"DEGREE SIGN", 0xB0}, {"COPYRIGHT SIGN", 0xA9},
    {"REGISTERED SIGN", 0xAE}, {"TRADE MARK SIGN", 0x2122}, {"EURO SIGN", 0x20AC},
    {"POUND SIGN", 0xA3}, {"YEN SIGN", 0xA5}, {"CENT SIGN", 0xA2}, {"SECTION SIGN", 0xA7},
    {"PILCROW SIGN", 0xB6}, {"MIDDLE DOT", 0xB7}, {"HORIZONTAL ELLIPSIS", 0x2026},
    {"LEFT SINGLE QUOTATION MARK", 0x2018}, {"RIGHT SINGLE QUOTATION MARK", 0x2019},
    {"LEFT DOUBLE QUOTATION MARK", 0x201C}, {"RIGHT DOUBLE QUOTATION MARK", 0x201D},
    {"LEFT-POINTING DOUBLE ANGLE QUOTATION MARK", 0xAB},
    {"RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK", 0xBB}, {"INFINITY", 0x221E},
    {"MULTIPLICATION SIGN", 0xD7}, {"DIVISION SIGN", 0xF7}, {"PLUS-MINUS SIGN", 0xB1},
    {"MINUS SIGN", 0x2212}, {"CHECK MARK", 0x2713}, {"HEAVY CHECK MARK", 0x2714},
    {"BALLOT X", 0x2717}, {"SNOWMAN", 0x2603}, {"BLACK STAR", 0x2605},
    {"WHITE STAR", 0x2606}, {"WHITE SMILING FACE", 0x263A}, {"BLACK HEART SUIT", 0x2665},
    {"HEAVY BLACK HEART", 0x2764}, {"GRINNING FACE", 0x1F600}, {"PILE OF POO", 0x1F4A9},
    {"THUMBS UP SIGN", 0x1F44D}, {"SPACE", 0x20}, {"NULL", 0x0},
    {"CHARACTER TABULATION", 0x9}, {"LINE FEED", 0xA}, {"CARRIAGE RETURN", 0xD},
    {"ZERO WIDTH SPACE", 0x200B}, {"ZERO WIDTH JOINER", 0x200D},
    {"RIGHTWARDS ARROW", 0x2192}, {"LEFTWARDS ARROW", 0x2190}, {"UPWARDS ARROW", 0x2191},
    {"DOWNWARDS ARROW", 0x2193}, {"MICRO SIGN", 0xB5}, {"LATIN SMALL LETTER SHARP S", 0xDF},
    {"LATIN SMALL LETTER E WITH ACUTE", 0xE9}, {"LATIN SMALL LETTER A WITH GRAVE", 0xE0},
    {"LATIN CAPITAL LETTER E WITH ACUTE", 0xC9}, {"LATIN SMALL LETTER N WITH TILDE", 0xF1},
    {"LATIN SMALL LETTER U WITH DIAERESIS", 0xFC},
    {"LATIN SMALL LETTER O WITH DIAERESIS", 0xF6},
    {"LATIN SMALL LETTER A WITH DIAERESIS", 0xE4}, {"GREEK SMALL LETTER ALPHA", 0x3B1},
    {"GREEK SMALL LETTER BETA", 0x3B2}, {"GREEK SMALL LETTER GAMMA", 0x3B3},
    {"GREEK SMALL LETTER DELTA", 0x3B4}, {"GREEK SMALL LETTER EPSILON", 0x3B5},
    {"GREEK SMALL LETTER THETA", 0x3B8}, {"GREEK SMALL LETTER LAMDA", 0x3BB},
    {"GREEK SMALL LETTER MU", 0x3BC}, {"GREEK SMALL LETTER PI", 0x3C0},
    {"GREEK SMALL LETTER SIGMA", 0x3C3}, {"GREEK SMALL LETTER TAU", 0x3C4},
    {"GREEK SMALL LETTER PHI", 0x3C6}, {"GREEK SMALL LETTER OMEGA", 0x3C9},
    {"GREEK CAPITAL LETTER DELTA", 0x394}, {"GREEK CAPITAL LETTER SIGMA", 0x3A3},
    {"GREEK CAPITAL LETTER OMEGA", 0x3A9}, {"ALMOST EQUAL TO", 0x2248},
    {"NOT EQUAL TO", 0x2260}, {"LESS-THAN OR EQUAL TO", 0x2264},
    {"GREATER-THAN OR EQUAL TO", 0x2265}, {"SQUARE ROOT", 0x221A}, {"INCREMENT", 0x2206},
    {"N-ARY SUMMATION", 0x2211}, {"BOX DRAWINGS LIGHT HORIZONTAL", 0x2500},
    {"BOX DRAWINGS LIGHT VERTICAL", 0x2502}, {"FULL BLOCK", 0x2588},
    {"BLACK SQUARE", 0x25A0}, {"WHITE SQUARE", 0x25A1}, {"BLACK CIRCLE", 0x25CF},
    {"WHITE CIRCLE", 0x25CB}, {"REPLACEMENT CHARACTER", 0xFFFD},
    {"BYTE ORDER MARK", 0xFEFF}, {"ZERO WIDTH NO-BREAK SPACE", 0xFEFF},
    {"SOFT HYPHEN", 0xAD}, {"INVERTED QUESTION MARK", 0xBF},
    {"INVERTED EXCLAMATION MARK", 0xA1}, {"HIRAGANA LETTER A", 0x3042},
    {"KATAKANA LETTER A", 0x30A2}, {"DOLLAR SIGN", 0x24}, {"AMPERSAND", 0x26},
    {"APOSTROPHE", 0x27}, {"QUOTATION MARK", 0x22}, {"REVERSE SOLIDUS", 0x5C},
    {"LATIN SMALL LETTER A", 0x61}, {"LATIN CAPITAL LETTER A", 0x41}, {"DIGIT ZERO", 0x30},
    {"LOW LINE", 0x5F}, {"EXCLAMATION MARK", 0x21},
};

static int
uniname_lookup(const char *s, size_t n, uint32_t *cp)
{
    char name[64];
    if (n >= sizeof name)
        return 0;
    for (size_t i = 0; i < n; i++)
        name[i] = (s[i] >= 'a' && s[i] <= 'z') ? (char)(s[i] - 32) : s[i];
    name[n] = '\0';
    static const char cjk[] = "CJK UNIFIED IDEOGRAPH-";
    if (!strncmp(name, cjk, sizeof cjk - 1)) {
        char *end;
        unsigned long v = strtoul(name + sizeof cjk - 1, &end, 16);
        if (*end == '\0' && end - name >= (long)sizeof cjk + 3 &&
            ((v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) ||
             (v >= 0x20000 && v <= 0x2A6DF))) {
            *cp = (uint32_t)v;
            return 1;
        }
        return 0;
    }
    for (size_t i = 0; i < sizeof parse_uninames / sizeof parse_uninames[0]; i++)
        if (!strcmp(parse_uninames[i].name, name)) {
            *cp = parse_uninames[i].cp;
            return 1;
        }
    return 0;
}

static int
hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* The decode error, positioned at the token after the strings (CPython raises it once
** the parser has read that token). */
static void
error_unicode(ParseState *ps, const char *b, size_t start, size_t end,
                    const char *reason)
{
    if (end == start + 1)
        error_at(ps, exc_SyntaxError, pos_tstart(ps->la), pos_tstart(ps->la),
                    "(unicode error) 'unicodeescape' codec can't decode byte 0x%02x in "
                    "position %d: %s",
                    (unsigned char)b[start], (int)start, reason);
    else
        error_at(ps, exc_SyntaxError, pos_tstart(ps->la), pos_tstart(ps->la),
                    "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                    "%d-%d: %s",
                    (int)start, (int)end - 1, reason);
}

/* Decode the escapes of a (non-raw) str literal piece into 'out'.  As CPython's
** decode_unicode_with_escapes(), non-ASCII characters are first rewritten as \U escapes
** (a backslash before one as \u005c), so that error positions match. */
static int
decode_str_escapes(ParseState *ps, const char *s, size_t n, U32Buf *out)
{
    Buf tb;
    buf_init(&tb);
    const unsigned char *p = (const unsigned char *)s, *e = p + n;
    while (p < e) {
        if (*p == '\\') {
            buf_putc(&tb, '\\');
            p++;
            if (p >= e || *p >= 0x80) {
                buf_puts(&tb, "u005c");
                if (p >= e)
                    break;
            }
        }
        if (*p >= 0x80) {
            int k = *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
            uint32_t c = *p & (k == 2 ? 0x1F : k == 3 ? 0x0F : 0x07);
            for (int i = 1; i < k && p + i < e; i++)
                c = (c << 6) | (p[i] & 0x3F);
            char esc[16];
            snprintf(esc, sizeof esc, "\\U%08x", (unsigned)c);
            buf_puts(&tb, esc);
            p += k;
        }
        else
            buf_putc(&tb, (char)*p++);
    }
    if (err_occurred()) {               /* buf_* ran out of memory */
        buf_free(&tb);
        ps->failed = 1;
        return -1;
    }
    const char *b = tb.data;
    size_t bn = tb.len, i = 0;
    while (i < bn) {
        char c = b[i];
        if (c != '\\') {
            u32_put(out, (unsigned char)c);
            i++;
            continue;
        }
        size_t start = i++;
        if (i >= bn) {
            error_unicode(ps, b, start, bn, "\\ at end of string");
            goto fail;
        }
        c = b[i++];
        int count = 0;
        const char *msg = NULL;
        switch (c) {
        case '\n': continue;
        case '\\': u32_put(out, '\\'); continue;
        case '\'': u32_put(out, '\''); continue;
        case '"': u32_put(out, '"'); continue;
        case 'b': u32_put(out, '\b'); continue;
        case 'f': u32_put(out, '\f'); continue;
        case 't': u32_put(out, '\t'); continue;
        case 'n': u32_put(out, '\n'); continue;
        case 'r': u32_put(out, '\r'); continue;
        case 'v': u32_put(out, '\v'); continue;
        case 'a': u32_put(out, '\a'); continue;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            uint32_t v = (uint32_t)(c - '0');
            if (i < bn && b[i] >= '0' && b[i] <= '7') {
                v = v * 8 + (uint32_t)(b[i++] - '0');
                if (i < bn && b[i] >= '0' && b[i] <= '7')
                    v = v * 8 + (uint32_t)(b[i++] - '0');
            }
            u32_put(out, v);
            continue;
        }
        case 'x': count = 2; msg = "truncated \\xXX escape"; break;
        case 'u': count = 4; msg = "truncated \\uXXXX escape"; break;
        case 'U': count = 8; msg = "truncated \\UXXXXXXXX escape"; break;
        case 'N': {
            msg = "malformed \\N character escape";
            if (i < bn && b[i] == '{') {
                size_t nstart = ++i;
                while (i < bn && b[i] != '}')
                    i++;
                if (i < bn && i > nstart) {
                    uint32_t cp;
                    size_t nlen = i - nstart;
                    i++;
                    if (uniname_lookup(b + nstart, nlen, &cp)) {
                        u32_put(out, cp);
                        continue;
                    }
                    msg = "unknown Unicode character name";
                }
            }
            error_unicode(ps, b, start, i, msg);
            goto fail;
        }
        default:
            /* invalid escape: kept as is (3.11: DeprecationWarning, hidden by default) */
            u32_put(out, '\\');
            u32_put(out, (unsigned char)c);
            continue;
        }
        uint32_t v = 0;
        for (; count; count--, i++) {
            int d = i < bn ? hexval((unsigned char)b[i]) : -1;
            if (d < 0) {
                error_unicode(ps, b, start, i < bn ? i : bn, msg);
                goto fail;
            }
            v = (v << 4) | (uint32_t)d;
        }
        if (v > 0x10FFFF) {
            error_unicode(ps, b, start, i, "illegal Unicode character");
            goto fail;
        }
        u32_put(out, v);
    }
    buf_free(&tb);
    if (out->failed) {
        parse_no_memory(ps);
        return -1;
    }
    return 0;
fail:
    buf_free(&tb);
    return -1;
}

/* A str literal piece (raw or not) appended to 'out'. */
static int
decode_str_piece(ParseState *ps, const char *s, size_t n, int raw, U32Buf *out)
{
    if (raw || !memchr(s, '\\', n)) {
        u32_put_utf8(out, s, n);
        if (out->failed) {
            parse_no_memory(ps);
            return -1;
        }
        return 0;
    }
    return decode_str_escapes(ps, s, n, out);
}

/* Bytes literal (CPython's _PyBytes_DecodeEscape). */
static int
decode_bytes(ParseState *ps, const char *s, size_t n, int raw, Buf *out)
{
    if (raw || !memchr(s, '\\', n)) {
        if (buf_append(out, s, n) < 0) {
            ps->failed = 1;
            return -1;
        }
        return 0;
    }
    size_t i = 0;
    while (i < n) {
        if (s[i] != '\\') {
            buf_putc(out, s[i++]);
            continue;
        }
        i++;
        char c = s[i++];
        switch (c) {
        case '\n': break;
        case '\\': buf_putc(out, '\\'); break;
        case '\'': buf_putc(out, '\''); break;
        case '"': buf_putc(out, '"'); break;
        case 'b': buf_putc(out, '\b'); break;
        case 'f': buf_putc(out, '\f'); break;
        case 't': buf_putc(out, '\t'); break;
        case 'n': buf_putc(out, '\n'); break;
        case 'r': buf_putc(out, '\r'); break;
        case 'v': buf_putc(out, '\v'); break;
        case 'a': buf_putc(out, '\a'); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            int v = c - '0';
            if (i < n && s[i] >= '0' && s[i] <= '7') {
                v = v * 8 + (s[i++] - '0');
                if (i < n && s[i] >= '0' && s[i] <= '7')
                    v = v * 8 + (s[i++] - '0');
            }
            buf_putc(out, (char)(v & 0xFF));
            break;
        }
        case 'x':
            if (i + 1 < n && hexval((unsigned char)s[i]) >= 0 &&
                hexval((unsigned char)s[i + 1]) >= 0) {
                buf_putc(out, (char)(hexval((unsigned char)s[i]) * 16 +
                                     hexval((unsigned char)s[i + 1])));
                i += 2;
                break;
            }
            error_at(ps, exc_SyntaxError, pos_tstart(ps->la), pos_tstart(ps->la),
                        "(value error) invalid \\x escape at position %d", (int)(i - 2));
            return -1;
        default:
            buf_putc(out, '\\');
            i--;
            break;
        }
    }
    if (err_occurred()) {               /* buf_* ran out of memory */
        ps->failed = 1;
        return -1;
    }
    return 0;
}

typedef struct StrPart {
    const char *body;           /* between the quotes */
    size_t len;
    int bytes, raw, fmode;
} StrPart;

static void
str_split(Token *t, StrPart *p)
{
    const char *s = t->start;
    p->bytes = p->raw = p->fmode = 0;
    for (;; s++) {
        char c = *s;
        if (c == 'b' || c == 'B')
            p->bytes = 1;
        else if (c == 'r' || c == 'R')
            p->raw = 1;
        else if (c == 'f' || c == 'F')
            p->fmode = 1;
        else if (c != 'u' && c != 'U')
            break;
    }
    size_t rest = (size_t)(t->start + t->len - s);
    int q = (rest >= 6 && s[1] == s[0] && s[2] == s[0]) ? 3 : 1;
    p->body = s + q;
    p->len = rest - 2 * (size_t)q;
}

/* f-string assembly state (CPython's FstringParser) */
typedef struct FState {
    U32Buf last;                /* literal text not yet turned into a Constant */
    Vec *values;
    int fmode;
} FState;

typedef struct FCtx {
    ParseState *ps;
    Token *first, *last;        /* the whole run of adjacent strings */
    int kind_u;                 /* the first token starts with 'u' */
} FCtx;

static Expr *fstring_parse(FCtx *fc, const char **str, const char *end, int raw, int lvl,
                           Token *t);

static Expr *
make_str_node(FCtx *fc, U32Buf *b, Pos s, Pos e)
{
    ParseState *ps = fc->ps;
    static const uint32_t none[1] = { 0 };
    Object *v = str_from_ucs4(b->p ? b->p : none, (ssize_t)b->n);
    b->n = 0;
    if (!v) {
        ps->failed = 1;
        return NULL;
    }
    Expr *x = mk_expr(ps, EXPR_CONSTANT, s, e);
    if (!x) {
        decref(v);
        return NULL;
    }
    x->v.Constant.value = keep(ps, v);
    if (fc->kind_u)
        x->v.Constant.kind = ident(ps, "u", 1);
    return x;
}

/* Turn pending literal text into a Constant at the end of values (positioned at the
** whole run of strings, or at s..e when finishing a format spec). */
static int
fstate_flush(FCtx *fc, FState *st, Pos s, Pos e)
{
    if (st->last.n == 0)
        return 0;
    Expr *c = make_str_node(fc, &st->last, s, e);
    if (!c || !parse_push(fc->ps, st->values, c))
        return -1;
    return 0;
}

static Expr *
fstate_finish(FCtx *fc, FState *st, Pos s, Pos e)
{
    ParseState *ps = fc->ps;
    if (!st->fmode)
        return make_str_node(fc, &st->last, s, e);
    if (fstate_flush(fc, st, s, e) < 0)
        return NULL;
    Expr *j = mk_expr(ps, EXPR_JOINEDSTR, s, e);
    if (!j)
        return NULL;
    j->v.JoinedStr.values = to_seq(ps, st->values);
    return j;
}

/* Raise at the token after the strings, with CPython's f-string messages. */
static void
fstring_error(FCtx *fc, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ParseState *ps = fc->ps;
    error_at(ps, exc_SyntaxError, pos_tstart(ps->la), pos_tstart(ps->la), "%s", msg);
}

static Expr *parse_fstring_field(ParseState *ps, const char *text, size_t len, int line_base,
                                 int col_base);

/* Parse the replacement field expression expr_start..expr_end (CPython's
** fstring_compile_expr and fstring_find_expr_location). */
static Expr *
fstring_compile_expr(FCtx *fc, const char *expr_start, const char *expr_end, Token *t)
{
    ParseState *ps = fc->ps;
    const char *s;
    for (s = expr_start; s != expr_end; s++)
        if (!(*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f'))
            break;
    if (s == expr_end) {
        if (*expr_end == '!' || *expr_end == ':' || *expr_end == '=')
            fstring_error(fc, "f-string: expression required before '%c'", *expr_end);
        else
            fstring_error(fc, "f-string: empty expression not allowed");
        return NULL;
    }
    /* Where the field's '{' is: lines before it in the token, and its column in its
    ** line (3.11's fstring_find_expr_location); the column is left at 0 when only
    ** whitespace follows the brace up to a newline. */
    const char *brace = expr_start - 1, *tend = t->start + t->len;
    int lines = 0, cols = 0;
    int newline_after_brace = 1;
    for (const char *q = brace + 1; q < tend && *q != '}' && *q != '\n'; q++)
        if (*q != ' ' && *q != '\t' && *q != '\f') {
            newline_after_brace = 0;
            break;
        }
    if (!newline_after_brace) {
        const char *q = brace;
        while (q > t->start && *q != '\n')
            q--;
        cols = (int)(brace - q) - (*q == '\n');
    }
    for (const char *q = t->start; q < brace; q++)
        if (*q == '\n')
            lines++;
    size_t len = (size_t)(expr_end - expr_start);
    char *str = heap_alloc(len + 3);
    if (!str) {
        parse_no_memory(ps);
        return NULL;
    }
    str[0] = '(';
    memcpy(str + 1, expr_start, len);
    str[len + 1] = ')';
    str[len + 2] = '\0';
    Expr *e = parse_fstring_field(ps, str, len + 2, t->line + lines - 1,
                                  lines ? cols : t->col + cols);
    heap_free(str);
    return e;
}

/* Literal text up to the next '{' (or '}' ending a nested spec).  Returns -1 error, 0 at
** the end or before an expression, 1 after a doubled brace (call again). */
static int
fstring_find_literal(FCtx *fc, const char **str, const char *end, int raw, U32Buf *lit,
                     int lvl)
{
    const char *s = *str, *literal_start = s;
    int result = 0;
    while (s < end) {
        char ch = *s++;
        if (!raw && ch == '\\' && s < end) {
            ch = *s++;
            if (ch == 'N') {
                if (s < end && *s++ == '{') {
                    while (s < end && *s++ != '}')
                        ;
                    continue;
                }
                break;
            }
        }
        if (ch == '{' || ch == '}') {
            if (lvl == 0) {
                if (s < end && *s == ch) {
                    *str = s + 1;
                    result = 1;
                    goto done;
                }
                if (ch == '}') {
                    *str = s - 1;
                    fstring_error(fc, "f-string: single '}' is not allowed");
                    return -1;
                }
            }
            s--;
            break;
        }
    }
    *str = s;
done:
    if (literal_start != s) {
        if (decode_str_piece(fc->ps, literal_start, (size_t)(s - literal_start), raw, lit) <
            0)
            return -1;
    }
    return result;
}

/* A replacement field starting at '{' (CPython's fstring_find_expr). */
static int
fstring_find_expr(FCtx *fc, const char **str, const char *end, int raw, int lvl,
                  U32Buf *lit, Expr **out, Token *t)
{
    char quote_char = 0;
    int string_type = 0;
    int depth = 0;
    char parens[LEX_MAXLEVEL];
    int conversion = -1;
    Expr *spec = NULL;
    const char *expr_text_start = NULL, *expr_text_end = NULL;

    if (lvl >= 2) {
        fstring_error(fc, "f-string: expressions nested too deeply");
        return -1;
    }
    *str += 1;
    const char *expr_start = *str;
    for (; *str < end; (*str)++) {
        char ch = **str;
        if (ch == '\\') {
            fstring_error(fc, "f-string expression part cannot include a backslash");
            return -1;
        }
        if (quote_char) {
            if (ch == quote_char) {
                if (string_type == 3) {
                    if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) {
                        *str += 2;
                        string_type = 0;
                        quote_char = 0;
                    }
                }
                else {
                    string_type = 0;
                    quote_char = 0;
                }
            }
        }
        else if (ch == '\'' || ch == '"') {
            if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) {
                string_type = 3;
                *str += 2;
            }
            else
                string_type = 1;
            quote_char = ch;
        }
        else if (ch == '[' || ch == '{' || ch == '(') {
            if (depth >= LEX_MAXLEVEL) {
                fstring_error(fc, "f-string: too many nested parenthesis");
                return -1;
            }
            parens[depth++] = ch;
        }
        else if (ch == '#') {
            fstring_error(fc, "f-string expression part cannot include '#'");
            return -1;
        }
        else if (depth == 0 &&
                 (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
            if (*str + 1 < end) {
                char next = (*str)[1];
                if ((ch == '!' && next == '=') || (ch == '=' && next == '=') ||
                    (ch == '<' && next == '=') || (ch == '>' && next == '=')) {
                    *str += 1;
                    continue;
                }
                if (ch == '>' || ch == '<')
                    continue;
            }
            break;
        }
        else if (ch == ']' || ch == '}' || ch == ')') {
            if (!depth) {
                fstring_error(fc, "f-string: unmatched '%c'", ch);
                return -1;
            }
            char open = parens[--depth];
            if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') ||
                  (open == '{' && ch == '}'))) {
                fstring_error(fc,
                              "f-string: closing parenthesis '%c' does not match opening "
                              "parenthesis '%c'",
                              ch, open);
                return -1;
            }
        }
    }
    const char *expr_end = *str;
    if (quote_char) {
        fstring_error(fc, "f-string: unterminated string");
        return -1;
    }
    if (depth) {
        fstring_error(fc, "f-string: unmatched '%c'", parens[depth - 1]);
        return -1;
    }
    if (*str >= end)
        goto unexpected_end;

    Expr *value = fstring_compile_expr(fc, expr_start, expr_end, t);
    if (!value)
        return -1;

    if (**str == '=') {
        *str += 1;
        while (*str < end && (**str == ' ' || **str == '\t' || **str == '\n' ||
                              **str == '\r' || **str == '\f' || **str == '\v'))
            *str += 1;
        expr_text_start = expr_start;
        expr_text_end = *str;
    }
    if (*str < end && **str == '!') {
        *str += 1;
        if (*str >= end)
            goto unexpected_end;
        conversion = (unsigned char)**str;
        *str += 1;
        if (!(conversion == 's' || conversion == 'r' || conversion == 'a')) {
            fstring_error(fc, "f-string: invalid conversion character: expected 's', 'r', "
                              "or 'a'");
            return -1;
        }
    }
    if (*str >= end)
        goto unexpected_end;
    if (**str == ':') {
        *str += 1;
        if (*str >= end)
            goto unexpected_end;
        spec = fstring_parse(fc, str, end, raw, lvl + 1, t);
        if (!spec)
            return -1;
    }
    if (*str >= end || **str != '}')
        goto unexpected_end;
    *str += 1;
    if (expr_text_start) {
        u32_put_utf8(lit, expr_text_start, (size_t)(expr_text_end - expr_text_start));
        if (!spec && conversion == -1)
            conversion = 'r';
    }
    Expr *fv = mk_expr(fc->ps, EXPR_FORMATTEDVALUE, pos_tstart(*fc->first),
                       pos_tend(*fc->last));
    if (!fv)
        return -1;
    fv->v.FormattedValue.value = value;
    fv->v.FormattedValue.conversion = conversion;
    fv->v.FormattedValue.format_spec = spec;
    *out = fv;
    return 0;

unexpected_end:
    fstring_error(fc, "f-string: expecting '}'");
    return -1;
}

/* The literal/field sequence of one f-string piece (CPython's ConcatFstring). */
static int
fstring_concat(FCtx *fc, FState *st, const char **str, const char *end, int raw, int lvl,
               Token *t)
{
    st->fmode = 1;
    for (;;) {
        Expr *expr = NULL;
        int r = fstring_find_literal(fc, str, end, raw, &st->last, lvl);
        if (r < 0)
            return -1;
        if (r == 1)
            continue;
        if (*str >= end || **str == '}')
            break;
        if (fstring_find_expr(fc, str, end, raw, lvl, &st->last, &expr, t) < 0)
            return -1;
        if (fstate_flush(fc, st, pos_tstart(*fc->first), pos_tend(*fc->last)) < 0 ||
            !parse_push(fc->ps, st->values, expr))
            return -1;
    }
    if (lvl == 0 && *str < end - 1) {
        fstring_error(fc, "f-string: unexpected end of string");
        return -1;
    }
    if (lvl != 0 && (*str >= end || **str != '}')) {
        fstring_error(fc, "f-string: expecting '}'");
        return -1;
    }
    if (st->last.failed) {
        parse_no_memory(fc->ps);
        return -1;
    }
    return 0;
}

/* A nested format spec: its own JoinedStr, positioned at the current token. */
static Expr *
fstring_parse(FCtx *fc, const char **str, const char *end, int raw, int lvl, Token *t)
{
    FState st;
    memset(&st, 0, sizeof st);
    st.values = parse_vec(fc->ps, NULL);
    Expr *r = NULL;
    if (st.values && fstring_concat(fc, &st, str, end, raw, lvl, t) == 0)
        r = fstate_finish(fc, &st, pos_tstart(*t), pos_tend(*t));
    u32_free(&st.last);
    return r;
}

Expr *
parse_strings(ParseState *ps, Vec *toks)
{
    if (!toks || ps->failed)
        return NULL;
    FCtx fc;
    fc.ps = ps;
    fc.first = toks->items[0];
    fc.last = toks->items[toks->n - 1];
    fc.kind_u = fc.first->start[0] == 'u';
    FState st;
    memset(&st, 0, sizeof st);
    st.values = parse_vec(ps, NULL);
    Buf bytes;
    buf_init(&bytes);
    int bytesmode = 0;
    Expr *result = NULL;
    for (int i = 0; i < toks->n; i++) {
        Token *t = toks->items[i];
        StrPart p;
        str_split(t, &p);
        if (p.bytes) {
            for (size_t k = 0; k < p.len; k++)
                if ((unsigned char)p.body[k] >= 0x80) {
                    error_tok(ps, *t, "bytes can only contain ASCII literal characters");
                    goto done;
                }
        }
        if (i == 0)
            bytesmode = p.bytes;
        else if (bytesmode != p.bytes) {
            error_tok(ps, ps->la, "cannot mix bytes and nonbytes literals");
            goto done;
        }
        if (p.fmode) {
            const char *s = p.body;
            if (fstring_concat(&fc, &st, &s, p.body + p.len, p.raw, 0, t) < 0)
                goto done;
        }
        else if (p.bytes) {
            if (decode_bytes(ps, p.body, p.len, p.raw, &bytes) < 0)
                goto done;
        }
        else if (decode_str_piece(ps, p.body, p.len, p.raw, &st.last) < 0)
            goto done;
    }
    if (bytesmode) {
        Object *b = bytes_from_buf(bytes.data, (ssize_t)bytes.len);
        Expr *x = b ? mk_expr(ps, EXPR_CONSTANT, pos_tstart(*fc.first), pos_tend(*fc.last))
                    : NULL;
        if (!x) {
            xdecref(b);
            ps->failed = 1;
            goto done;
        }
        x->v.Constant.value = keep(ps, b);
        result = x;
    }
    else
        result = fstate_finish(&fc, &st, pos_tstart(*fc.first), pos_tend(*fc.last));
done:
    buf_free(&bytes);
    u32_free(&st.last);
    return ps->failed ? NULL : result;
}

/* ------------------------------------------------------------------------------------
** The token queue: the pump reads tokens through it so that it (the parenthesized
** with-items test) and the error diagnosis can look ahead.
*/

typedef struct TokQueue {
    QTok *q;
    int head, n, cap;
} TokQueue;

static int
queue_lex(ParseState *ps, TokQueue *tq)
{
    if (tq->head + tq->n == tq->cap) {
        if (tq->head > 0) {
            memmove(tq->q, tq->q + tq->head, (size_t)tq->n * sizeof *tq->q);
            tq->head = 0;
        }
        else {
            int ncap = tq->cap ? tq->cap * 2 : 32;
            QTok *nq = realloc(tq->q, (size_t)ncap * sizeof *nq);
            if (!nq) {
                parse_no_memory(ps);
                return -1;
            }
            tq->q = nq;
            tq->cap = ncap;
        }
    }
    QTok *e = &tq->q[tq->head + tq->n];
    e->level = ps->lx->level;
    e->code = lex_next(ps->lx, &e->tok);
    if (e->code < 0)
        return -1;
    if (ps->lx->warn_line > 0 && !ps->failed) {
        int line = ps->lx->warn_line;
        ps->lx->warn_line = -1;         /* once per lexer */
        if (err_warn_explicit(exc_SyntaxWarning, ps->lx->warn_msg, ps->filename, line) < 0) {
            ps->failed = 1;
            return -1;
        }
    }
    tq->n++;
    return 0;
}

/* The k-th token after the one being fed (0 = the next one): its code, 0 at the end,
** -1 on a lexer error. */
static int
peek_token(ParseState *ps, int k, QTok *out)
{
    TokQueue *tq = ps->tq;
    if (!tq)
        return -1;
    while (tq->n <= k)
        if (queue_lex(ps, tq) < 0)
            return -1;
    *out = tq->q[tq->head + k];
    return out->code;
}

static int
is_open(int c)
{
    return c == TK_LPAR || c == TK_LSQB || c == TK_LBRACE || c == TK_WITH_LPAR;
}

static int
is_close(int c)
{
    return c == TK_RPAR || c == TK_RSQB || c == TK_RBRACE;
}

/* Skip the bracketed group whose opening bracket precedes lookahead index *k; returns
** the end of its closing bracket (or 'end' if the input stops first). */
static Pos
skip_group(ParseState *ps, int *k, Pos end)
{
    int depth = 1;
    QTok q;
    while (depth > 0 && *k < 400) {
        int c = peek_token(ps, (*k)++, &q);
        if (c <= 0)
            return end;
        if (is_open(c))
            depth++;
        else if (is_close(c))
            depth--;
        end = pos_tend(q.tok);
    }
    return end;
}

static int
is_binary_op(int c)
{
    switch (c) {
    case TK_PLUS: case TK_MINUS: case TK_STAR: case TK_SLASH: case TK_DOUBLESLASH:
    case TK_PERCENT: case TK_AT: case TK_DOUBLESTAR: case TK_LEFTSHIFT: case TK_RIGHTSHIFT:
    case TK_AMPER: case TK_VBAR: case TK_CIRCUMFLEX:
        return 1;
    }
    return 0;
}

static int
is_comparison_or_bool(int c)
{
    switch (c) {
    case TK_LESS: case TK_GREATER: case TK_EQEQUAL: case TK_NOTEQUAL: case TK_LESSEQUAL:
    case TK_GREATEREQUAL: case TK_IN: case TK_IS: case TK_NOT: case TK_AND: case TK_OR:
    case TK_IF: case TK_ELSE:
        return 1;
    }
    return 0;
}

static int
starts_bitwise_or(int c)
{
    switch (c) {
    case TK_NAME: case TK_NUMBER: case TK_STRING: case TK_LPAR: case TK_LSQB:
    case TK_LBRACE: case TK_MINUS: case TK_PLUS: case TK_TILDE: case TK_AWAIT:
    case TK_NONE: case TK_TRUE: case TK_FALSE: case TK_ELLIPSIS:
        return 1;
    }
    return 0;
}

/* End of the expression that starts with token t (code c) and continues at lookahead
** index k: operands joined by operators (only bitwise_or operators when 'narrow'), each
** operand an atom with its trailers.  For the end of CPython's error ranges. */
static Pos
expr_end(ParseState *ps, Token t, int c, int k, int narrow)
{
    Pos end = pos_tend(t);
    int want_operand = 1;
    QTok q;
    q.tok = t;
    q.code = c;
    for (int steps = 0; steps < 400; steps++) {
        if (want_operand) {
            if (c == TK_MINUS || c == TK_PLUS || c == TK_TILDE || c == TK_AWAIT ||
                (!narrow && c == TK_NOT)) {
                /* unary */
            }
            else if (starts_bitwise_or(c) || is_open(c)) {
                if (is_open(c))
                    end = skip_group(ps, &k, pos_tend(q.tok));
                else
                    end = pos_tend(q.tok);
                want_operand = 0;
            }
            else
                break;
        }
        else if (c == TK_DOT) {
            QTok nm;
            if (peek_token(ps, k, &nm) != TK_NAME)
                break;
            end = pos_tend(nm.tok);
            k++;
        }
        else if (c == TK_LPAR || c == TK_LSQB)
            end = skip_group(ps, &k, pos_tend(q.tok));
        else if (c == TK_STRING)
            end = pos_tend(q.tok);
        else if (is_binary_op(c) || (!narrow && is_comparison_or_bool(c)))
            want_operand = 1;
        else
            break;
        c = peek_token(ps, k++, &q);
        if (c <= 0)
            break;
    }
    return end;
}

/* ------------------------------------------------------------------------------------
** Diagnosing syntax errors
*/
static int
starts_expr(int code)
{
    switch (code) {
    case TK_NAME: case TK_NUMBER: case TK_STRING: case TK_LPAR: case TK_LSQB:
    case TK_LBRACE: case TK_MINUS: case TK_PLUS: case TK_TILDE: case TK_NOT:
    case TK_LAMBDA: case TK_AWAIT: case TK_NONE: case TK_TRUE: case TK_FALSE:
    case TK_ELLIPSIS:
        return 1;
    }
    return 0;
}

static int
ends_expr(int code)
{
    switch (code) {
    case TK_NAME: case TK_NUMBER: case TK_STRING: case TK_RPAR: case TK_RSQB:
    case TK_RBRACE: case TK_NONE: case TK_TRUE: case TK_FALSE: case TK_ELLIPSIS:
        return 1;
    }
    return 0;
}

/* The largest "disjunction" (CPython's a=disjunction) among the expressions just built
** that ends where the previous token ends. */
static Expr *
last_disjunction(ParseState *ps)
{
    Expr *best = NULL;
    Pos end = pos_tend(ps->prev);
    int n = ps->nrecent < PARSE_RECENT ? ps->nrecent : PARSE_RECENT;
    for (int k = 1; k <= n; k++) {
        Expr *e = ps->recent[(ps->nrecent - k) % PARSE_RECENT];
        Pos ee = ex_end(ps, e);
        if (ee.line != end.line || ee.col != end.col)
            continue;
        int ok = is_bitwise_or(ps, e) || e->kind == EXPR_BOOLOP || e->kind == EXPR_COMPARE ||
                 (e->kind == EXPR_UNARYOP && e->v.UnaryOp.op == UOP_NOT);
        if (!ok)
            continue;
        Pos bs = best ? ex_start(ps, best) : end, es = ex_start(ps, e);
        if (!best || es.line < bs.line || (es.line == bs.line && es.col < bs.col))
            best = e;
    }
    return best;
}

static int
stack_is(void *parser, const char *const *names, int n)
{
    for (int i = 0; i < n; i++) {
        const char *name = NULL;
        if (!parser_stack_top(parser, i, &name, NULL) || strcmp(name, names[i]) != 0)
            return 0;
    }
    return 1;
}

static void *
stack_value(void *parser, int depth)
{
    const char *name;
    void *v = NULL;
    if (!parser_stack_top(parser, depth, &name, &v))
        return NULL;
    return v;
}

static const char *
block_kind(int kw0, int kw1)
{
    int kw = kw0 == TK_ASYNC ? kw1 : kw0;
    switch (kw) {
    case TK_IF: return "'if' statement";
    case TK_ELIF: return "'elif' statement";
    case TK_ELSE: return "'else' statement";
    case TK_WHILE: return "'while' statement";
    case TK_FOR: return "'for' statement";
    case TK_WITH: return "'with' statement";
    case TK_TRY: return "'try' statement";
    case TK_EXCEPT: return "'except' statement";
    case TK_FINALLY: return "'finally' statement";
    case TK_DEF: return "function definition";
    case TK_CLASS: return "class definition";
    }
    return NULL;
}

/* CPython 3.11 treats a NAME as a soft keyword when it is a prefix of "match", "case"
** or "_" (its check compares only the token's length), and then suggests no comma for
** an expression starting with it: "f(c b)" is plain "invalid syntax". */
static int
starts_with_soft_keyword(ParseState *ps, Expr *e)
{
    Pos s = pos_estart(e);
    int len;
    const char *line = lex_line_text(ps->lx, s.line, &len);
    if (ps->in_fstring || s.col >= len)
        return 0;
    const char *p = line + s.col;
    int n = 0;
    while (s.col + n < len && ((p[n] >= 'a' && p[n] <= 'z') || (p[n] >= 'A' && p[n] <= 'Z') ||
                               (p[n] >= '0' && p[n] <= '9') || p[n] == '_' ||
                               (unsigned char)p[n] >= 0x80))
        n++;
    return n > 0 && ((n <= 5 && !strncmp(p, "match", (size_t)n)) ||
                     (n <= 4 && !strncmp(p, "case", (size_t)n)) || (n == 1 && p[0] == '_'));
}

/* The expression held by the stack entry at 'depth', if its symbol is an expression. */
static Expr *
stack_expr(void *parser, int depth, const char **symbol)
{
    static const char *const names[] = {
        "testlist_star_expr", "test_or_star", "testlist", "exprlist", "expr_or_star",
        "star_expr", "yield_expr", "namedexpr_test", "test", "lambdef", "or_test",
        "and_test", "not_test", "comparison", "expr", "xor_expr", "and_expr", "shift_expr",
        "arith_expr", "term", "factor", "power", "await_primary", "primary", "atom",
        "tlse_y", "nt_or_star", "subscript", "opt_test",
    };
    const char *name;
    void *v = NULL;
    if (!parser_stack_top(parser, depth, &name, &v))
        return NULL;
    if (symbol)
        *symbol = name;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(name, names[i]))
            return *(Expr **)v;
    return NULL;
}

/* An invalid target in an assignment chain being parsed ("f() = 1 +"): CPython checks
** the targets before it notices the error on the right-hand side.  Returns 1 after
** raising. */
static int
diagnose_assign_targets(ParseState *ps, void *parser)
{
    const char *name;
    void *v = NULL;
    int d = 0;
    while (parser_stack_top(parser, d, &name, &v) && strcmp(name, "assign_targets") != 0)
        d++;
    if (!parser_stack_top(parser, d, &name, &v))
        return 0;
    Vec *targets = *(Vec **)v;
    if (!targets)
        return 0;
    for (int i = 0; i < targets->n; i++) {
        Expr *t = targets->items[i];
        if (is_yield(ps, t)) {
            error_node(ps, t, "assignment to yield expression not possible");
            return 1;
        }
        Expr *bad = invalid_target(t, TARGETS_STAR);
        if (!bad)
            continue;
        /* the "here" form needs a right-hand side that starts with an operand */
        int rhs = 0;
        if (d > 0 && parser_stack_top(parser, d - 1, &name, &v)) {
            static const char *const starts[] = {
                "NAME", "NUMBER", "STRING", "LPAR", "LSQB", "LBRACE", "MINUS", "PLUS",
                "TILDE", "AWAIT", "NONE", "TRUE", "FALSE", "ELLIPSIS", "strings",
            };
            Expr *e = stack_expr(parser, d - 1, NULL);
            if (e)
                rhs = starts_with_bitwise_or(ps, e);
            else if (!strcmp(name, "tos_seq") && *(Vec **)v && (*(Vec **)v)->n)
                rhs = starts_with_bitwise_or(ps, (*(Vec **)v)->items[0]);
            else
                for (size_t k = 0; k < sizeof starts / sizeof starts[0]; k++)
                    if (!strcmp(name, starts[k]))
                        rhs = 1;
        }
        if (i == 0 && targets->n == 1 && bad == t && rhs && is_bitwise_or(ps, t) &&
            !is_excluded_form(ps, t))
            error_at(ps, exc_SyntaxError, pos_estart(bad), pos_eend(bad),
                     "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                     expr_name(bad));
        else
            error_at(ps, exc_SyntaxError, pos_estart(bad), pos_eend(bad),
                     "cannot assign to %s", expr_name(bad));
        return 1;
    }
    return 0;
}

/* Is e the iterable or the last condition of the comprehension being parsed (the
** value on top of the stack)?  CPython does not suggest a comma there. */
static int
ends_comprehension(void *parser, Expr *e)
{
    const char *name;
    void *v = NULL;
    CompFor *c = NULL;
    if (!parser_stack_top(parser, 0, &name, &v))
        return 0;
    if (!strcmp(name, "testlist_comp") || !strcmp(name, "dictorsetmaker")) {
        CompList *cl = *(CompList **)v;
        c = cl ? cl->gens : NULL;
    }
    else if (!strcmp(name, "arglist") || !strcmp(name, "arg_items")) {
        CallArgs *ca = *(CallArgs **)v;
        if (ca && ca->last && ca->last->kind == ARG_GENEXP)
            c = ca->last->gens;
    }
    else if (!strcmp(name, "argument")) {
        ArgItem *ai = *(ArgItem **)v;
        if (ai && ai->kind == ARG_GENEXP)
            c = ai->gens;
    }
    else if (!strcmp(name, "comp_for"))
        c = *(CompFor **)v;
    if (!c || !c->gens || !c->gens->n)
        return 0;
    Comprehension *g = c->gens->items[c->gens->n - 1];
    return g->iter == e || (SEQ_LEN(g->ifs) && SEQ_GET(g->ifs, SEQ_LEN(g->ifs) - 1) == e);
}

void
parse_syntax_error(ParseState *ps, void *parser, int code, Token t)
{
    if (ps->failed)
        return;
#ifdef PARSE_TRACE
    fprintf(stderr, "syntax error at code %d, pre_accept %#x, stack:", code, ps->pre_accept);
    for (int i = 0; i < 8; i++) {
        const char *name = NULL;
        if (parser_stack_top(parser, i, &name, NULL))
            fprintf(stderr, " %s", name);
    }
    fprintf(stderr, "\n");
#endif
    unsigned acc = ps->pre_accept;
    Pos ts = pos_tstart(t), te = pos_tend(t);
    Pos none = { t.line, -2 };
    if (code == TK_DEDENT) {
        /* no position of its own in CPython: the end of the indentation read so far */
        ts.col = t.col > 0 ? t.col - 1 : 0;
        te = none;
    }

    if (code == TK_INDENT) {
        Pos s = { t.line, t.col > 0 ? t.col - 1 : 0 };
        error_at(ps, exc_IndentationError, s, none, "unexpected indent");
        ps->final_error = 1;            /* CPython raises it without the full-source check */
        return;
    }
    if (code == 0 && ps->mode == PARSE_SINGLE) {
        error_at(ps, exc_SyntaxError, ts, te, "incomplete input");
        ps->incomplete = 1;
        return;
    }
    if (code == 0)
        ps->incomplete = 1;
    if (acc & ACC_INDENT) {
        const char *what = block_kind(ps->hdr_kw[0], ps->hdr_kw[1]);
        if (what)
            error_at(ps, exc_IndentationError, ts, code == 0 ? none : te,
                        "expected an indented block after %s on line %d", what,
                        ps->hdr_tok.line);
        else
            error_at(ps, exc_IndentationError, ts, code == 0 ? none : te,
                        "expected an indented block");
        return;
    }
    if (ps->mode == PARSE_SINGLE && (acc & ACC_END)) {
        error_tok(ps, ps->prev, "multiple statements found while compiling a single "
                                "statement");
        return;
    }

    Expr *a = ends_expr(ps->prev_code) ? last_disjunction(ps) : NULL;
    /* print "x" */
    if (a && a->kind == EXPR_NAME && !is_paren(ps, a) &&
        (starts_expr(code) || code == TK_STAR) && code != TK_LPAR) {
        ssize_t n;
        const char *id = str_as_utf8(a->v.Name.id, &n);
        if (id && (!strcmp(id, "print") || !strcmp(id, "exec"))) {
            error_at(ps, exc_SyntaxError, pos_estart(a), te,
                        "Missing parentheses in call to '%s'. Did you mean %s(...)?", id, id);
            return;
        }
    }
    /* x = 1 if y */
    static const char *const ifexp[] = { "or_test", "IF", "or_test" };
    if (code != TK_COLON && code != TK_ELSE && stack_is(parser, ifexp, 3)) {
        Expr **body = stack_value(parser, 2), **cond = stack_value(parser, 0);
        error_at(ps, exc_SyntaxError, ex_start(ps, *body), ex_end(ps, *cond),
                    "expected 'else' after 'if' expression");
        return;
    }
    /* two expressions side by side in brackets */
    static const char *const comp_iter[] = { "or_test", "IN", "exprlist", "FOR" };
    static const char *const comp_if[] = { "or_test", "IF", "comp_for" };
    if (a && ps->la_level > 0 && starts_expr(code) &&
        !(ps->prev_code == TK_NAME && code == TK_STRING) && !starts_with_soft_keyword(ps, a) &&
        !stack_is(parser, comp_iter, 4) && !stack_is(parser, comp_if, 3) &&
        !ends_comprehension(parser, a)) {
        /* CPython parses the second expression, reading at least one more token: a
        ** tokenizer error there is what it reports */
        QTok q;
        if (peek_token(ps, 0, &q) < 0 && ps->lx->err.kind != LEXERR_NONE) {
            error_lexer(ps, ps->lx);
            return;
        }
        error_at(ps, exc_SyntaxError, pos_estart(a), expr_end(ps, t, code, 0, 0),
                 "invalid syntax. Perhaps you forgot a comma?");
        return;
    }
    /* "f(x[])": for CPython that is "x" followed by the list "[]" */
    static const char *const empty_sub[] = { "LSQB", "primary" };
    static const char *const empty_sub2[] = { "opt_test", "LSQB", "primary" };
    if (code == TK_RSQB && ps->prev_code == TK_LSQB && ps->la_level > 1 &&
        (stack_is(parser, empty_sub, 2) || stack_is(parser, empty_sub2, 3))) {
        Expr *left = stack_expr(parser, stack_is(parser, empty_sub, 2) ? 1 : 2, NULL);
        if (left && !starts_with_soft_keyword(ps, left)) {
            error_at(ps, exc_SyntaxError, pos_estart(left), te,
                     "invalid syntax. Perhaps you forgot a comma?");
            return;
        }
    }
    /* "(1 not 2)": a 'not' that did not become 'not in' starts the second expression */
    static const char *const dangling_not[] = { "NOT" };
    if (ps->prev_code == TK_NOT && ps->la_level > 0 && starts_expr(code) &&
        stack_is(parser, dangling_not, 1)) {
        Expr *left = stack_expr(parser, 1, NULL);
        if (left) {
            error_at(ps, exc_SyntaxError, pos_estart(left), expr_end(ps, t, code, 0, 0),
                     "invalid syntax. Perhaps you forgot a comma?");
            return;
        }
    }
    /* if x = 1: */
    QTok b;
    if (code == TK_EQUAL && (acc & ACC_COLONEQUAL) && a && peek_token(ps, 0, &b) > 0 &&
        starts_bitwise_or(b.code)) {
        Pos be = expr_end(ps, b.tok, b.code, 1, 1);
        if (a->kind == EXPR_NAME && !is_paren(ps, a))
            error_at(ps, exc_SyntaxError, pos_estart(a), be,
                     "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        else if (is_bitwise_or(ps, a) && !is_excluded_form(ps, a))
            error_at(ps, exc_SyntaxError, pos_estart(a), pos_eend(a),
                        "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                        expr_name(a));
        else
            error_tok(ps, t, "invalid syntax");
        return;
    }
    /* f(a, x = 1 for x in y) */
    static const char *const arglist[] = { "arglist", "LPAR" };
    if (code == TK_FOR && stack_is(parser, arglist, 2)) {
        CallArgs **ca = stack_value(parser, 0);
        if (*ca && (*ca)->last && (*ca)->last->kind == ARG_KEYWORD) {
            error_at(ps, exc_SyntaxError, pos_estart((*ca)->last->name),
                     pos_tend((*ca)->last->tok),
                     "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            return;
        }
    }
    /* def f(a, (b, c)) */
    static const char *const def_lpar[] = { "params", "LPAR", "NAME", "DEF" };
    static const char *const lam_kw[] = { "LAMBDA" };
    static const char *const lam_params[] = { "lparams", "LAMBDA" };
    if (code == TK_LPAR && (ps->prev_code == TK_COMMA || ps->prev_code == TK_LPAR ||
                            ps->prev_code == TK_LAMBDA)) {
        int def = stack_is(parser, def_lpar, 4);
        int lam = stack_is(parser, lam_kw, 1) || stack_is(parser, lam_params, 2);
        if (def || lam) {
            int k = 0;
            Pos e = skip_group(ps, &k, te);
            error_at(ps, exc_SyntaxError, ts, e,
                     def ? "Function parameters cannot be parenthesized"
                         : "Lambda expression parameters cannot be parenthesized");
            return;
        }
    }
    /* f(a.b=...) */
    static const char *const kwarg[] = { "EQUAL", "test" };
    if (stack_is(parser, kwarg, 2)) {
        const char *below;
        Expr **name = stack_value(parser, 1);
        Token *eq = stack_value(parser, 0);
        if (parser_stack_top(parser, 2, &below, NULL) &&
            (!strcmp(below, "COMMA") || !strcmp(below, "LPAR")) && *name &&
            ((*name)->kind != EXPR_NAME || is_paren(ps, *name))) {
            Expr *n = *name;
            if (n->kind == EXPR_CONSTANT && !is_paren(ps, n) &&
                (n->v.Constant.value == True_ || n->v.Constant.value == False_ ||
                 n->v.Constant.value == None))
                error_at(ps, exc_SyntaxError, ex_start(ps, n), pos_tend(*eq),
                         "cannot assign to %s", expr_name(n));
            else
                error_at(ps, exc_SyntaxError, ex_start(ps, n), pos_tend(*eq),
                         "expression cannot contain assignment, perhaps you meant \"==\"?");
            return;
        }
    }
    if (diagnose_assign_targets(ps, parser))
        return;
    /* "(**a)" */
    if (code == TK_DOUBLESTAR && ps->prev_code == TK_LPAR && !(acc & ACC_RPAR)) {
        error_tok(ps, t, "cannot use double starred expression here");
        return;
    }
    /* "a.b := 1" as a statement */
    if (code == TK_COLONEQUAL && !(acc & ACC_COLONEQUAL) && a &&
        (a->kind != EXPR_NAME || is_paren(ps, a))) {
        Pos s = ex_start(ps, a);
        if (s.line == ps->line_tok.line && s.col == ps->line_tok.col) {
            error_at(ps, exc_SyntaxError, pos_estart(a), pos_eend(a),
                     "cannot use assignment expressions with %s", expr_name(a));
            return;
        }
    }
    /* "for f() in x", or a 'for' whose target is followed by anything but 'in' */
    static const char *const for_target[] = { "exprlist", "FOR" };
    if (code != TK_IN && stack_is(parser, for_target, 2)) {
        Expr **target = stack_value(parser, 0);
        Expr *bad = *target ? invalid_target(*target, TARGETS_FOR) : NULL;
        if (bad) {
            error_at(ps, exc_SyntaxError, pos_estart(bad), pos_eend(bad),
                     "cannot assign to %s", expr_name(bad));
            return;
        }
    }
    /* "'s' := 1": only a name can be assigned; CPython stops at the ':=' */
    static const char *const walrus[] = { "COLONEQUAL", "test" };
    if (stack_is(parser, walrus, 2)) {
        Expr **target = stack_value(parser, 1);
        if (*target && ((*target)->kind != EXPR_NAME || is_paren(ps, *target))) {
            error_tok(ps, ps->prev, "invalid syntax");
            return;
        }
    }
    /* "a, b:" with no annotation: CPython stops at the ':' (only single targets may be
    ** annotated) */
    static const char *const ann_colon[] = { "COLON", "tlse_y" };
    if (stack_is(parser, ann_colon, 2)) {
        Expr **target = stack_value(parser, 1);
        if (*target && !is_single_target(*target)) {
            error_tok(ps, ps->prev, "invalid syntax");
            return;
        }
    }
    /* expected ':' / '(' in a compound statement header */
    int kw = ps->line_kw[0] == TK_ASYNC ? ps->line_kw[1] : ps->line_kw[0];
    if ((acc & ACC_COLON) && ps->la_level == 0) {
        int forced = kw == TK_DEF || kw == TK_TRY || kw == TK_ELSE || kw == TK_FINALLY;
        int header = kw == TK_IF || kw == TK_ELIF || kw == TK_WHILE || kw == TK_FOR ||
                     kw == TK_WITH || kw == TK_CLASS || kw == TK_EXCEPT;
        if (forced || (header && code == TK_NEWLINE)) {
            error_tok(ps, t, "expected ':'");
            return;
        }
    }
    if (kw == TK_DEF && (acc & ACC_LPAR) && ps->la_level == 0 && ps->prev_code == TK_NAME) {
        error_tok(ps, t, "expected '('");
        return;
    }
    if ((acc & ACC_EXCEPT) && (acc & ACC_FINALLY) && !(acc & ACC_ELSE)) {
        error_at(ps, exc_SyntaxError, ts, code == 0 ? none : te,
                    "expected 'except' or 'finally' block");
        return;
    }
    static const char *const except_comma[] = { "test", "EXCEPT" };
    if (code == TK_COMMA && stack_is(parser, except_comma, 2)) {
        Expr **e = stack_value(parser, 0);
        error_at(ps, exc_SyntaxError, ex_start(ps, *e), te,
                    "multiple exception types must be parenthesized");
        return;
    }
    static const char *const dict_key[] = { "test", "COMMA", "dict_seq" };
    if ((code == TK_RBRACE || code == TK_COMMA || code == TK_FOR) &&
        stack_is(parser, dict_key, 3)) {
        Pos e = { ps->prev.line, -1 };
        error_at(ps, exc_SyntaxError, pos_tstart(ps->prev), e,
                 "':' expected after dictionary key");
        return;
    }
    static const char *const dict_val1[] = { "COLON", "test", "LBRACE" };
    static const char *const dict_val2[] = { "COLON", "test", "COMMA", "dict_seq" };
    if ((code == TK_RBRACE || code == TK_COMMA) &&
        (stack_is(parser, dict_val1, 3) || stack_is(parser, dict_val2, 4))) {
        error_tok(ps, ps->prev, "expression expected after dictionary key and ':'");
        return;
    }
    static const char *const def_default[] = { "EQUAL", "tfpdef" };
    static const char *const lambda_default[] = { "EQUAL", "vfpdef" };
    if ((code == TK_RPAR || code == TK_COMMA || code == TK_COLON) &&
        (stack_is(parser, def_default, 2) || stack_is(parser, lambda_default, 2))) {
        error_tok(ps, ps->prev, "expected default value expression");
        return;
    }
    /* "x if y == (" : an incomplete condition still ends the 'if' expression for
    ** CPython's invalid_expression rule */
    if (code != TK_ELSE && code != TK_COLON) {
        const char *name = NULL;
        for (int d = 1; parser_stack_top(parser, d + 1, &name, NULL); d++) {
            const char *sym = "";
            parser_stack_top(parser, d - 1, &sym, NULL);
            if (!strcmp(sym, "ELSE"))
                break;                  /* a complete "a if b else" */
            if (!parser_stack_top(parser, d, &sym, NULL) || strcmp(sym, "IF") != 0)
                continue;
            Expr *body = stack_expr(parser, d + 1, &name);
            Expr *cond = stack_expr(parser, d - 1, NULL);
            if (body && cond && !strcmp(name, "or_test")) {
                error_at(ps, exc_SyntaxError, ex_start(ps, body), ex_end(ps, cond),
                         "expected 'else' after 'if' expression");
                return;
            }
            break;
        }
    }
    if (code == TK_DEDENT) {
        error_at(ps, exc_IndentationError, ts, none, "unexpected unindent");
        ps->final_error = 1;
        return;
    }
    error_at(ps, exc_SyntaxError, ts, code == 0 ? none : te, "invalid syntax");
}

/* ------------------------------------------------------------------------------------
** The pump
*/
/* After 'with', is the '(' at queue index i the start of parenthesized with-items
** ("with (a as b, c):")?  Looks ahead to the matching ')' and the token after it. */
static int
with_paren_items(ParseState *ps, TokQueue *tq, int i)
{
    int depth = 0, item_start = 1, k = i;
    for (;; k++) {
        while (k >= tq->n)
            if (queue_lex(ps, tq) < 0)
                return 0;
        QTok *q = &tq->q[tq->head + k];
        int c = q->code;
        if (c == 0)
            return 0;
        if (c == TK_LPAR || c == TK_LSQB || c == TK_LBRACE) {
            if (depth == 1 && k > i)
                item_start = 0;
            depth++;
            continue;
        }
        if (c == TK_RPAR || c == TK_RSQB || c == TK_RBRACE) {
            if (--depth == 0)
                break;
            continue;
        }
        if (depth == 1) {
            if (c == TK_FOR || c == TK_ASYNC || c == TK_YIELD || c == TK_COLONEQUAL)
                return 0;
            if (item_start && (c == TK_STAR || c == TK_DOUBLESTAR))
                return 0;
            item_start = c == TK_COMMA;
        }
    }
    if (k == i + 1)                     /* "()" */
        return 0;
    while (k + 1 >= tq->n)
        if (queue_lex(ps, tq) < 0)
            return 0;
    return tq->q[tq->head + k + 1].code == TK_COLON;
}

static int
next_token(ParseState *ps, TokQueue *tq, QTok *out)
{
    if (tq->n == 0 && queue_lex(ps, tq) < 0)
        return -1;
    *out = tq->q[tq->head];
    /* a lexer error met while looking ahead is reported when its turn comes */
    if (out->code == TK_WITH && (tq->n >= 2 || queue_lex(ps, tq) == 0) &&
        tq->q[tq->head + 1].code == TK_LPAR && with_paren_items(ps, tq, 1))
        tq->q[tq->head + 1].code = TK_WITH_LPAR;
    tq->head++;
    tq->n--;
    if (tq->n == 0)
        tq->head = 0;
    return 0;
}

static unsigned
pre_accept(void *parser)
{
    static const struct {
        int code;
        unsigned bit;
    } probes[] = {
        { TK_COLON, ACC_COLON }, { TK_COLONEQUAL, ACC_COLONEQUAL },
        { TK_INDENT, ACC_INDENT }, { TK_LPAR, ACC_LPAR }, { TK_ELSE, ACC_ELSE },
        { TK_EXCEPT, ACC_EXCEPT }, { TK_FINALLY, ACC_FINALLY }, { 0, ACC_END },
        { TK_RPAR, ACC_RPAR }, { TK_PLUS, ACC_OPERATOR },
    };
    unsigned acc = ACC_VALID;
    for (size_t i = 0; i < sizeof probes / sizeof probes[0]; i++)
        if (parser_would_accept(parser, probes[i].code))
            acc |= probes[i].bit;
    return acc;
}

/* After a parser error in a non-interactive parse: a tokenizer error later in the
** source takes its place (CPython's _PyPegen_tokenize_full_source_to_check_for_errors).
** An unclosed bracket replaces it only if it was opened on a line before the error, or
** if the offending token itself opened it: CPython's second pass then reads on to the
** end of the input and meets the unclosed bracket while parsing. */
static void
check_rest(ParseState *ps)
{
    Lexer *lx = ps->lx;
    TokQueue *tq = ps->tq;
    /* CPython compares with the last token its parser read, lookahead included */
    int err_line = ps->la.line;
    if (tq && tq->n > 0)
        err_line = tq->q[tq->head + tq->n - 1].tok.line;
    int opened = is_open(ps->la_code) && (ps->pre_accept & ACC_OPERATOR);
    int depth = opened;
    for (;;) {
        int c;
        if (tq && tq->n > 0) {
            c = tq->q[tq->head].code;
            tq->head++;
            tq->n--;
        }
        else {
            Token t;
            c = lx->err.kind != LEXERR_NONE ? -1 : lex_next(lx, &t);
        }
        if (c == 0)
            return;
        if (c > 0) {
            if (depth > 0 && is_open(c))
                depth++;
            else if (depth > 0 && is_close(c))
                depth--;
            continue;
        }
        LexErrKind k = lx->err.kind;
        if (k == LEXERR_SYNTAX ||
            (k == LEXERR_EOF_PAREN && (lx->err.line < err_line || depth > 0))) {
            err_clear();
            error_lexer(ps, lx);
            ps->incomplete = 0;
        }
        return;
    }
}

/* Follow statement structure at bracket depth 0 to know where CPython's parser tries a
** token as an assignment target (see parse_number): the first token of a simple
** statement, and the token after an assignment '=' (not a lambda default, not after an
** annotation, not in a compound header). */
/* Follow, per bracket depth, whether the elements of a display (or of a tuple at a
** statement's start or after '=') are all possible targets: a NAME, a starred one, a
** nested display, or a chain of trailers not ending in a call.  Called with each token
** after note_target_position has used the state before it. */
static void
tv_update(ParseState *ps, int code, int level)
{
    if (is_close(code)) {
        if (level >= 1 && level <= 65) {
            /* a nested display is a target if all its elements are */
            int inner = level <= 64 && ps->tv_all[level] && ps->tv_cur[level] == TV_TARGET;
            unsigned char *c = &ps->tv_cur[level - 1];
            *c = *c == TV_NESTED ? (inner ? TV_TARGET : TV_INVALID)
                 : *c == TV_SUBSCR ? TV_TARGET
                 : *c == TV_CALL ? TV_CALLEND : TV_INVALID;
        }
        return;
    }
    if (level > 64)
        return;
    unsigned char *c = &ps->tv_cur[level];
    if (is_open(code)) {
        ps->tv_brace[level] = code == TK_LBRACE;
        ps->tv_lsqb[level] = code == TK_LSQB;
        int trail = *c == TV_TARGET || *c == TV_CALLEND;
        /* star_target's '*' may be followed by a nested display (star_atom) */
        *c = *c == TV_START || *c == TV_STAR ? TV_NESTED
             : trail && code == TK_LSQB ? TV_SUBSCR
             : trail && code == TK_LPAR ? TV_CALL : TV_INVALID;
        if (level < 64) {
            ps->tv_all[level + 1] = 1;
            ps->tv_cur[level + 1] = TV_START;
            ps->ahead_flags[level] = 0; /* a new bracket at this depth */
        }
        return;
    }
    switch (code) {
    case TK_NAME:
        *c = *c == TV_START || *c == TV_STAR || *c == TV_DOT ? TV_TARGET : TV_INVALID;
        break;
    case TK_STAR:
        *c = *c == TV_START ? TV_STAR : TV_INVALID;
        break;
    case TK_DOT:
        *c = *c == TV_TARGET || *c == TV_CALLEND ? TV_DOT : TV_INVALID;
        break;
    case TK_COMMA:
        if (*c != TV_TARGET)
            ps->tv_all[level] = 0;
        *c = TV_START;
        break;
    default:
        *c = TV_INVALID;
    }
}

/* Whether the target rules (star_targets) reach a NUMBER token at this depth: it starts
** an element of a display, group or tuple where an assignment target could start, and
** every element before it, at each depth, could be a target.  t_primary's atom then
** converts it once more (parse_number). */
static int
number_target_reach(ParseState *ps, int level)
{
    if (!ps->tv_live || level > 64)
        return 0;
    if (level == 0)
        return ps->prev_code == TK_COMMA && ps->tv_all[0] && ps->tv_cur[0] == TV_START &&
               !ps->for_tgt && !ps->st_lambda;
    for (int l = 0; l < level; l++)
        if (!ps->tv_all[l] || ps->tv_cur[l] != TV_NESTED || ps->tv_brace[l])
            return 0;
    return ps->tv_all[level] && ps->tv_cur[level] == TV_START;
}

static void
note_target_position(ParseState *ps, int code, Token tok, int level)
{
    if (level == 0 && ((ps->st_start && !ps->st_compound) || ps->st_after_eq)) {
        ps->tv_all[0] = 1;
        ps->tv_cur[0] = TV_START;
        ps->tv_live = 1;
    }
    if (code == TK_NUMBER && number_target_reach(ps, level)) {
        ps->dghost_at = tok.start;
        ps->dghost_level = level;
        ps->dghost_at_outer = ps->dghost_outer;
    }
    if (level == 0 && is_open(code))
        ps->dghost_outer = tok.start;
    int prev2 = ps->nt_prev2, fs_lead = ps->fs_lead;
    if (code != TK_LPAR)
        ps->fs_lead = 0;
    /* the elements of a for target (after 'for', after ',' until 'in') and a 'with ... as'
    ** target are tried as del targets are: a chain of kind 2 */
    int for_elem = ps->prev_code == TK_FOR || ps->prev_code == TK_AS ||
                   (ps->prev_code == TK_COMMA && ps->for_tgt == level + 1);
    /* a later element of a tuple at a simple statement's start (before any '='): a chain
    ** of kind 3 */
    int tuple_elem = ps->prev_code == TK_COMMA && level == 0 && !ps->st_compound &&
                     !ps->st_eq_seen && !ps->st_lambda && !ps->st_annot && !ps->for_tgt;
    if (code == TK_FOR)
        ps->for_tgt = level + 1;
    else if (code == TK_IN && ps->for_tgt == level + 1)
        ps->for_tgt = 0;
    ps->nt_prev2 = ps->prev_code;
    if (code == TK_NUMBER && (ps->st_start || ps->st_after_eq))
        ps->tghost_at = tok.start;
    if (code == TK_NAME) {
        int ctx = NM_PLAIN, up = level > 0 && level <= 64 ? level - 1 : -1;
        if (ps->st_start && !ps->st_compound)
            ctx = NM_STMT_START;
        else if (ps->st_after_eq)
            ctx = NM_AFTER_EQ;
        else if (up >= 0 && ps->call_paren[up] && ps->prev_code == TK_LPAR)
            ctx = NM_FIRST_ARG;
        else if (up >= 0 && ps->call_paren[up] && ps->prev_code == TK_COMMA)
            ctx = ps->call_kw[up] & 2 ? NM_LATER_ARG_DSTAR
                  : ps->call_kw[up] & 1 ? NM_LATER_ARG : NM_LATER_ARG_NOKW;
        else if (level == 0 && (ps->prev_code == TK_IF || ps->prev_code == TK_ELIF) &&
                 ps->st_compound)
            ctx = NM_IF;
        else if (level == 0 && ps->prev_code == TK_WHILE)
            ctx = NM_WHILE;
        else if (up >= 0 && !ps->call_paren[up] && ps->disp[up] != DISP_OTHER &&
                 (ps->prev_code == TK_LPAR || ps->prev_code == TK_LSQB ||
                  ps->prev_code == TK_LBRACE || ps->prev_code == TK_COMMA))
            ctx = ps->disp[up] == DISP_ARG ? NM_DISP_ARG
                  : ps->prev_code == TK_COMMA ? NM_DISP_LATER : NM_DISP_FIRST;
        if ((ctx == NM_PLAIN || ctx == NM_DISP_ARG) && up >= 0 && ps->group[up] &&
            (ps->prev_code == TK_LPAR || ps->prev_code == TK_LSQB ||
             ps->prev_code == TK_LBRACE || ps->prev_code == TK_COMMA))
            ctx = ps->prev_code == TK_COMMA ? NM_GROUP_LATER : NM_GROUP_FIRST;
        else if (ctx == NM_PLAIN && up >= 0 && up < 64 && ps->tgtb[up] &&
                 (ps->prev_code == TK_LPAR || ps->prev_code == TK_LSQB ||
                  ps->prev_code == TK_COMMA))
            ctx = ps->prev_code == TK_LPAR ? NM_TGT_PAREN_FIRST : NM_TGT_ELEM;
        else if (ctx == NM_DISP_LATER && level <= 64 && ps->tv_all[level])
            ctx = NM_DISP_LATER_TV;
        else if (ctx == NM_PLAIN && ps->prev_code == TK_COMMA && level == 0 && ps->tv_all[0] &&
                 !ps->for_tgt && !ps->st_lambda)
            ctx = NM_TUPLE_LATER_TV;
        else if (ctx == NM_PLAIN && ps->prev_code == TK_STAR &&
                 ((prev2 == TK_EQUAL && level == 0) ||
                  (up >= 0 && up < 64 && (prev2 == TK_LSQB || prev2 == TK_LPAR) &&
                   (ps->disp[up] == DISP_TP_LIST || ps->disp[up] == DISP_TP_PAREN ||
                    ps->disp[up] == DISP_TP_PAREN_START))))
            ctx = NM_STAR_TP;   /* '*' NAME first where a target could start */
        if (ps->in_fstring && fs_lead)
            ctx = NM_FSTRING;
        else if (ps->prev_code == TK_DOT && ps->chain && level == ps->chain_level)
            ctx = ps->chain == 1 ? NM_ATTR_TP : ps->chain == 3 ? NM_ATTR_ELEM : NM_ATTR_DEL;
        else if (ps->prev_code == TK_DOT && ps->delem_state && level == ps->delem_lv &&
                 ps->delem_ctx != NM_DISP_LATER && level >= 1 && level <= 64 &&
                 ps->disp[level - 1] != DISP_TP_SET)
            ctx = NM_ATTR_DELEM;    /* an attribute of a display element's chain */
        else if (ps->prev_code == TK_AT && level == 0 && ps->at_decorator)
            ctx = NM_DECORATOR;
        else if (ps->chain && level == ps->chain_level + 1 && level <= 64 &&
                 ps->subscr[level - 1] &&
                 (ps->prev_code == TK_LSQB || ps->prev_code == TK_COMMA))
            ctx = ps->prev_code == TK_LSQB ? NM_SUBSCR_TP : NM_SUBSCR_LATER;
        else if (level >= 1 && level <= 64 && ps->subscr[level - 1] &&
                 (ps->prev_code == TK_LSQB || ps->prev_code == TK_COMMA))
            ctx = ps->delem_state && level == ps->delem_lv + 1
                      ? (ps->prev_code == TK_COMMA ? NM_SUBSCR_DELEM_LATER : NM_SUBSCR_DELEM)
                  : ps->prev_code == TK_COMMA ? NM_SUBSCR_PLAIN_LATER : NM_SUBSCR_PLAIN;
        else if (ctx == NM_STMT_START || ctx == NM_AFTER_EQ || ps->prev_code == TK_DEL ||
                 for_elem || tuple_elem || (ctx == NM_TUPLE_LATER_TV && ps->st_eq_seen)) {
            /* a later element of a tuple after '=' while every one before could be a
            ** target is an element chain too (x = a.b, m.c) */
            int elem = tuple_elem || ctx == NM_TUPLE_LATER_TV;
            ps->chain = elem ? 3 : ps->prev_code == TK_DEL || for_elem ? 2 : 1;
            ps->chain_level = level;
            ps->chain_ctx = elem ? NM_TUPLE_ELEM : ctx;
        } else if (level == ps->chain_level)
            ps->chain = 0;
        ps->nm_at[1] = ps->nm_at[0];
        ps->nm_ctx[1] = ps->nm_ctx[0];
        ps->nm_at[0] = tok.start;
        ps->nm_ctx[0] = ctx;
        if (ctx == NM_DISP_FIRST || ctx == NM_DISP_LATER || ctx == NM_DISP_LATER_TV ||
            (ctx == NM_STAR_TP && level > 0)) {
            ps->delem_lv = level;
            ps->delem_state = 1;
            ps->delem_ctx = ctx;
            ps->delem_group = ctx == NM_DISP_FIRST && up >= 0 && up < 64 &&
                              ps->disp[up] == DISP_TP_PAREN_START;
        } else if (level == ps->delem_lv && ps->prev_code != TK_DOT) {
            ps->delem_state = 0;
        }
    } else if ((code == TK_STRING || code == TK_NUMBER || is_open(code)) && level == 0 &&
               ((ps->st_start && !ps->st_compound) || ps->st_after_eq)) {
        /* a chain begun by another atom (a literal, a display, a group) where a target
        ** could start: its attributes are tried by t_primary as a name's are */
        ps->chain = 1;
        ps->chain_level = 0;
        ps->chain_ctx = ps->st_start ? NM_STMT_START : NM_AFTER_EQ;
    } else if ((code == TK_STRING || code == TK_NUMBER || is_open(code)) && level == 0 &&
               ps->prev_code == TK_COMMA && !ps->st_compound && !ps->st_lambda &&
               !ps->for_tgt &&
               ((!ps->st_eq_seen && !ps->st_annot) || (ps->st_eq_seen && ps->tv_all[0]))) {
        ps->chain = 3;                      /* ... as a later element of such a tuple */
        ps->chain_level = 0;
        ps->chain_ctx = NM_TUPLE_ELEM;
    } else if (ps->chain && level == ps->chain_level && code != TK_DOT && code != TK_LPAR &&
               code != TK_LSQB && !(code == TK_STRING && ps->prev_code == TK_STRING)) {
        ps->chain = 0;                      /* the chain ended */
    }
    if (code != TK_NAME && ps->delem_state && level == ps->delem_lv && code != TK_DOT)
        ps->delem_state = code == TK_LSQB || code == TK_LPAR;     /* trailers go on */
    if (code == TK_LPAR && level < 64) {
        int p = ps->prev_code;
        ps->call_paren[level] = p == TK_NAME && prev2 == TK_CLASS ? 2   /* bases */
                                : (p == TK_NAME && prev2 != TK_DEF) || p == TK_RPAR ||
                                  p == TK_RSQB || p == TK_STRING;
        ps->call_tp[level] = p == TK_NAME && ps->nm_at[0] == ps->prev.start &&
                             (ps->nm_ctx[0] == NM_STMT_START || ps->nm_ctx[0] == NM_AFTER_EQ ||
                              ps->nm_ctx[0] == NM_DISP_FIRST ||
                              ps->nm_ctx[0] == NM_DISP_LATER_TV ||
                              ps->nm_ctx[0] == NM_ATTR_TP ||
                              (ps->delem_state && level == ps->delem_lv &&
                               ps->delem_ctx != NM_DISP_LATER));
        if ((p == TK_RSQB || p == TK_RPAR) &&
            ((ps->chain == 1 && level == ps->chain_level) ||
             (ps->delem_state && level == ps->delem_lv)))
            ps->call_tp[level] = 1;     /* a call on a subscript or call of such a chain */
    }
    if ((code == TK_LSQB || code == TK_LBRACE) && level < 64)
        ps->call_paren[level] = ps->call_tp[level] = 0;
    if (code == TK_LPAR && level < 64)
        ps->call_kw[level] = 0;
    if (level >= 1 && level <= 64 && ps->call_paren[level - 1]) {
        if (code == TK_EQUAL && ps->prev_code == TK_NAME)
            ps->call_kw[level - 1] |= 1;
        else if (code == TK_DOUBLESTAR &&
                 (ps->prev_code == TK_LPAR || ps->prev_code == TK_COMMA))
            ps->call_kw[level - 1] |= 2;
    }
    if ((code == TK_LPAR || code == TK_LSQB || code == TK_LBRACE) && level < 64)
        ps->subscr[level] = code == TK_LSQB && (ps->prev_code == TK_NAME ||
                                                ps->prev_code == TK_RPAR ||
                                                ps->prev_code == TK_RSQB);
    if ((code == TK_LPAR || code == TK_LSQB || code == TK_LBRACE) && level < 64) {
        int up = level - 1, d = DISP_OTHER;
        int elem = level > 0 && ((ps->disp[up] >= DISP_TP_LIST && ps->disp[up] <= DISP_TP_SET) ||
                                 ps->disp[up] == DISP_TP_NESTED_LATER) &&
                   (ps->prev_code == TK_LPAR || ps->prev_code == TK_LSQB ||
                    ps->prev_code == TK_COMMA);
        if (code == TK_LPAR && ps->call_paren[level])
            d = DISP_OTHER;
        else if (elem && (ps->prev_code == TK_COMMA || ps->disp[up] == DISP_TP_NESTED_LATER))
            d = DISP_TP_NESTED_LATER;               /* a display as a later element */
        else if ((ps->st_start && !ps->st_compound) || ps->st_after_eq || elem)
            d = code == TK_LSQB ? DISP_TP_LIST
                : code == TK_LBRACE ? DISP_TP_SET
                : ps->st_start ? DISP_TP_PAREN_START : DISP_TP_PAREN;
        else if (level > 0 && ps->call_paren[up] &&
                 (ps->prev_code == TK_LPAR || ps->prev_code == TK_COMMA))
            d = DISP_ARG;
        ps->disp[level] = (unsigned char)d;
        /* a group or display inside an expression (not a call's parentheses, a
        ** subscript, or a del/for/as target) */
        int grp = (d == DISP_OTHER || (d == DISP_ARG && code == TK_LPAR)) &&
                  !ps->call_paren[level] && !ps->subscr[level] && !ps->for_tgt &&
                  ps->prev_code != TK_DEL && ps->prev_code != TK_AS;
        ps->group[level] = !grp ? 0 : code == TK_LPAR ? 1 : code == TK_LSQB ? 2 : 3;
        int p = ps->prev_code;
        ps->tgtb[level] = !ps->subscr[level] && code != TK_LBRACE &&
                          (p == TK_DEL || p == TK_AS || (ps->for_tgt && code != TK_LBRACE) ||
                           (level > 0 && ps->tgtb[level - 1] &&
                            (p == TK_LPAR || p == TK_LSQB || p == TK_COMMA)));
    }
    tv_update(ps, code, level);
    if (code == TK_AT)
        ps->at_decorator = ps->st_start;    /* else the matrix product operator */
    if (ps->st_start) {
        switch (code) {
        case TK_IF: case TK_ELIF: case TK_ELSE: case TK_WHILE: case TK_FOR: case TK_TRY:
        case TK_EXCEPT: case TK_FINALLY: case TK_WITH: case TK_DEF: case TK_CLASS:
        case TK_ASYNC:
            ps->st_compound = 1;
            break;
        default:
            ps->st_compound = 0;
        }
        ps->st_lambda = ps->st_annot = ps->st_eq_seen = 0;
    }
    ps->st_start = ps->st_after_eq = 0;
    if (level != 0)
        return;
    switch (code) {
    case TK_NEWLINE: case TK_SEMI:
        ps->st_start = 1;
        ps->tv_live = 0;
        break;
    case TK_LAMBDA:
        ps->st_lambda++;
        break;
    case TK_COLON:
        if (ps->st_lambda)
            ps->st_lambda--;
        else if (ps->st_compound) {
            ps->st_start = 1;       /* a simple statement on the header's line */
            ps->st_compound = 0;
        } else
            ps->st_annot = 1;
        break;
    case TK_EQUAL:
        if (!ps->st_lambda && !ps->st_annot && !ps->st_compound)
            ps->st_after_eq = ps->st_eq_seen = 1;
        break;
    default:
        break;
    }
}

/* ------------------------------------------------------------------------------------
** The front model.  CPython 3.11's tokenizer and PEG parser take their own memory from the
** same pools as the objects: a Parser struct, the type-ignore comment array, the token
** pointer array (doubled as it fills, each new slot getting a Token struct), a bytes object
** per token (kept in the arena until the code has run), and at the prompt the buffers of
** each line read from stdin.  Which freed block the next object gets depends on them, so
** the parser makes heap blocks of the same sizes at the same moments (the bytes objects
** are real).  docs/DESIGN.md, "Parser and compiler heap traffic", has the list.
*/
int parse_model_lines;

#define CPY_SIZEOF_PARSER 152
#define CPY_SIZEOF_COMMENTS 160     /* 10 type_ignore_comment entries */
#define CPY_SIZEOF_TOKEN 48
#define CPY_STDIN_ENCODING_LEN 6    /* new_string("utf-8") */

static void
fm_begin(ParseState *ps, const char *src, size_t len)
{
    memset(&ps->fm, 0, sizeof ps->fm);
    ps->fm.tokens = malloc(sizeof(void *));
    if (!ps->fm.tokens)
        return;
    ps->fm.on = 1;
    if (parse_model_lines && ps->fstring_level == 0) {
        ps->fm.lines = 1;
        ps->fm.src = src;
        ps->fm.len = len;
        ps->fm.encoding = heap_alloc(CPY_STDIN_ENCODING_LEN);
    }
    ps->fm.parser = heap_alloc(CPY_SIZEOF_PARSER);
    ps->fm.array = heap_alloc(sizeof(void *));
    ps->fm.tokens[0] = heap_calloc(1, CPY_SIZEOF_TOKEN);
    ps->fm.size = 1;
    ps->fm.comments = heap_alloc(CPY_SIZEOF_COMMENTS);
}

/* tok_underflow_interactive for the next line of the statement: PyOS_Readline's copy,
** translate_newlines, the str and bytes of the recoding, the copy kept as the buffer, and
** the statement's source kept for tracebacks.  'inside' is a line read in the middle of a
** token (a string or a backslash continuation): it is appended to the buffer. */
static void
fm_read_line(ParseState *ps, int inside)
{
    const char *line = ps->fm.src + ps->fm.pos;
    const char *nl = memchr(line, '\n', ps->fm.len - ps->fm.pos);
    size_t n = nl ? (size_t)(nl - line) + 1 : ps->fm.len - ps->fm.pos;
    ps->fm.pos += n;
    int ascii = 1;
    size_t nchars = 0;
    for (size_t i = 0; i < n; i++) {
        if ((unsigned char)line[i] >= 0x80)
            ascii = 0;
        if (((unsigned char)line[i] & 0xC0) != 0x80)
            nchars++;
    }
    void *rl = heap_alloc(n + 1);
    void *tr = heap_alloc(n + 2);
    if (tr)
        tr = heap_realloc(tr, n + 1);
    heap_free(rl);
    /* the decoded line: a compact ASCII str, or (roughly) a latin-1/UCS-2 one */
    void *str = heap_alloc(ascii ? 48 + nchars + 1 : 72 + 2 * (nchars + 1));
    void *bytes = heap_alloc(33 + n);
    heap_free(str);
    heap_free(tr);
    void *copy = heap_alloc(n + 1);
    heap_free(bytes);
    void *isrc = heap_realloc(ps->fm.isrc, ps->fm.isrc_len + n + 1);
    if (isrc) {
        ps->fm.isrc = isrc;
        ps->fm.isrc_len += n;
    }
    if (inside && ps->fm.buf) {
        void *grown = heap_realloc(ps->fm.buf, heap_block_size(ps->fm.buf) + n + 1);
        if (grown)
            ps->fm.buf = grown;
        heap_free(copy);
    } else {
        heap_free(ps->fm.buf);
        ps->fm.buf = copy;
    }
}

/* _PyPegen_fill_token for token t: a slot (the array doubles when full), then the token's
** bytes, which the arena keeps.  0 or -1 (MemoryError: the parse fails). */
static int
fm_token(ParseState *ps, int code, const Token *t)
{
    /* the prompt's statement and an f-string's expression (fstring: star_expressions)
    ** end without their parser asking for the ENDMARKER */
    if (!ps->fm.on || (code == 0 && (ps->mode == PARSE_SINGLE || ps->in_fstring)))
        return 0;
    if (ps->fm.lines && t->start) {
        const char *end = t->start + (t->len > 0 ? t->len : 1);
        while (ps->fm.pos < ps->fm.len && ps->fm.src + ps->fm.pos < end) {
            const char *ls = ps->fm.src + ps->fm.pos;
            int inside = ps->fm.pos > 0 && (t->start < ls ||
                          (ps->fm.pos >= 2 && ls[-2] == '\\'));
            fm_read_line(ps, inside);
        }
    }
    if (ps->fm.ntok == ps->fm.size) {
        int nsize = ps->fm.size * 2;
        void **nt = realloc(ps->fm.tokens, sizeof(void *) * (size_t)nsize);
        if (!nt) {
            parse_no_memory(ps);
            return -1;
        }
        ps->fm.tokens = nt;
        void *arr = heap_realloc(ps->fm.array, sizeof(void *) * (size_t)nsize);
        if (arr)
            ps->fm.array = arr;
        for (int i = ps->fm.size; i < nsize; i++)
            nt[i] = heap_calloc(1, CPY_SIZEOF_TOKEN);
        ps->fm.size = nsize;
    }
    ps->fm.ntok++;
    if (code == TK_EQUAL && ps->st_after_eq && !ps->fm.loop) {
        /* the assignment rule's loop over 'star_targets =' keeps its children buffer
        ** until the token after '=' has failed as a target */
        ps->fm.loop = heap_alloc(sizeof(void *));
        ps->fm.loop_until = NULL;
    } else if (ps->fm.loop && !ps->fm.loop_until) {
        ps->fm.loop_until = t->start;
    }
    int n = t->len;
    if (code == TK_INDENT || code == TK_DEDENT || code == 0 || !t->start)
        n = 0;
    else if (code == TK_NEWLINE && *t->start == '#') {
        /* after a comment, CPython's NEWLINE token spans the comment's text */
        const char *nl = strchr(t->start, '\n');
        n = nl ? (int)(nl - t->start) : (int)strlen(t->start);
    } else if (code == TK_NEWLINE)
        n = n > 0 ? 1 : 0;
    return keep(ps, bytes_from_buf(t->start, n)) ? 0 : -1;
}

/* The first object made for token t: the assignment loop's buffer goes (fm_token). */
static void
fm_object_made(ParseState *ps, Token t)
{
    if (ps->fm.loop && ps->fm.loop_until == t.start) {
        heap_free(ps->fm.loop);
        ps->fm.loop = NULL;
    }
}

/* _PyPegen_Parser_Free then _PyTokenizer_Free. */
static void
fm_end(ParseState *ps)
{
    if (!ps->fm.on)
        return;
    heap_free(ps->fm.loop);
    for (int i = 0; i < ps->fm.size; i++)
        heap_free(ps->fm.tokens[i]);
    free(ps->fm.tokens);
    heap_free(ps->fm.array);
    heap_free(ps->fm.comments);
    heap_free(ps->fm.parser);
    heap_free(ps->fm.encoding);
    heap_free(ps->fm.buf);
    heap_free(ps->fm.isrc);
    memset(&ps->fm, 0, sizeof ps->fm);
}

static void
run_parser(ParseState *ps, int start_code)
{
    TokQueue tq = { NULL, 0, 0, 0 };
    int lexerr = 0;
    void *p = ParserAlloc(malloc, ps);
    if (!p) {
        parse_no_memory(ps);
        return;
    }
    Token t0;
    memset(&t0, 0, sizeof t0);
    ps->tq = &tq;
    ps->at_line_start = 1;
    ps->prev_code = -1;
    ps->st_start = start_code == TK_MODE_FILE || start_code == TK_MODE_SINGLE;
    Parser(p, start_code, t0);
    while (!ps->failed) {
        QTok q;
        if (next_token(ps, &tq, &q) < 0) {
            if (!ps->failed) {
                error_lexer(ps, ps->lx);
                lexerr = 1;
            }
            break;
        }
        int code = q.code;
        if (code != TK_INDENT && code != TK_DEDENT) {
            if (ps->at_line_start) {
                ps->line_kw[0] = code;
                ps->line_kw[1] = 0;
                ps->line_tok = q.tok;
                ps->at_line_start = 0;
            }
            else if (ps->line_kw[1] == 0)
                ps->line_kw[1] = code;
        }
        if (code != TK_INDENT && code != TK_DEDENT)
            note_target_position(ps, code, q.tok, q.level);
        if (fm_token(ps, code, &q.tok) < 0)
            break;
        ps->la = q.tok;
        ps->la_code = code;
        ps->la_level = q.level;
        ps->pre_accept = parser_would_accept(p, code) ? 0 : pre_accept(p);
        Parser(p, code, q.tok);
        if (ps->failed || code == 0)
            break;
        ps->prev = q.tok;
        ps->prev_code = code;
        if (code == TK_NEWLINE) {
            ps->hdr_kw[0] = ps->line_kw[0];
            ps->hdr_kw[1] = ps->line_kw[1];
            ps->hdr_tok = ps->line_tok;
            ps->at_line_start = 1;
        }
    }
    ParserFree(p, free);
    if (ps->failed && !lexerr && !ps->final_error && !ps->in_fstring &&
        ps->mode != PARSE_SINGLE && err_matches(exc_SyntaxError))
        check_rest(ps);
    ps->tq = NULL;
    free(tq.q);
}

static Expr *
parse_fstring_field(ParseState *ps, const char *text, size_t len, int line_base, int col_base)
{
    if (ps->fstring_level >= 20) {
        error_tok(ps, ps->la, "f-string: expressions nested too deeply");
        return NULL;
    }
    Lexer lx;
    ParseState sub;
    memset(&sub, 0, sizeof sub);
    sub.arena = ps->arena;
    sub.lx = &lx;
    sub.filename = ps->filename;
    sub.mode = PARSE_EVAL;
    sub.in_fstring = 1;
    sub.fs_lead = 1;
    sub.fs_col_base = col_base;
    sub.fs_text = text;
    sub.fstring_level = ps->fstring_level + 1;
    fm_begin(&sub, text, len);
    if (lex_init_sub(&lx, text, len, line_base, col_base) < 0)
        error_lexer(&sub, &lx);
    else
        run_parser(&sub, TK_MODE_FSTRING);
    fm_end(&sub);
    lex_free(&lx);
    if (sub.failed) {
        ps->failed = 1;
        return NULL;
    }
    return sub.expr;
}

/* ------------------------------------------------------------------------------------
** Depth check: an explicit-stack walk over statements and expressions
*/
typedef struct WalkItem {
    void *node;
    int is_stmt;
    int depth;
} WalkItem;

typedef struct Walk {
    WalkItem *items;
    int n, cap;
    int failed;
} Walk;

static void
walk_push(Walk *w, void *node, int is_stmt, int depth)
{
    if (!node || w->failed)
        return;
    if (w->n == w->cap) {
        int ncap = w->cap ? w->cap * 2 : 256;
        WalkItem *ni = realloc(w->items, (size_t)ncap * sizeof *ni);
        if (!ni) {
            w->failed = 1;
            return;
        }
        w->items = ni;
        w->cap = ncap;
    }
    w->items[w->n].node = node;
    w->items[w->n].is_stmt = is_stmt;
    w->items[w->n].depth = depth;
    w->n++;
}

static void
walk_exprs(Walk *w, Seq *s, int depth)
{
    for (int i = 0; i < SEQ_LEN(s); i++)
        walk_push(w, SEQ_GET(s, i), 0, depth);
}

static void
walk_stmts(Walk *w, Seq *s, int depth)
{
    for (int i = 0; i < SEQ_LEN(s); i++)
        walk_push(w, SEQ_GET(s, i), 1, depth);
}

static void
walk_arguments(Walk *w, Arguments *a, int d)
{
    Seq *lists[3] = { a->posonlyargs, a->args, a->kwonlyargs };
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < SEQ_LEN(lists[k]); i++)
            walk_push(w, ((Arg *)SEQ_GET(lists[k], i))->annotation, 0, d);
    if (a->vararg)
        walk_push(w, a->vararg->annotation, 0, d);
    if (a->kwarg)
        walk_push(w, a->kwarg->annotation, 0, d);
    walk_exprs(w, a->kw_defaults, d);
    walk_exprs(w, a->defaults, d);
}

static void
walk_keywords(Walk *w, Seq *s, int d)
{
    for (int i = 0; i < SEQ_LEN(s); i++)
        walk_push(w, ((Keyword *)SEQ_GET(s, i))->value, 0, d);
}

static void
walk_generators(Walk *w, Seq *s, int d)
{
    for (int i = 0; i < SEQ_LEN(s); i++) {
        Comprehension *c = SEQ_GET(s, i);
        walk_push(w, c->target, 0, d);
        walk_push(w, c->iter, 0, d);
        walk_exprs(w, c->ifs, d);
    }
}

static void
walk_expr(Walk *w, Expr *e, int d)
{
    switch (e->kind) {
    case EXPR_BOOLOP: walk_exprs(w, e->v.BoolOp.values, d); break;
    case EXPR_NAMEDEXPR:
        walk_push(w, e->v.NamedExpr.target, 0, d);
        walk_push(w, e->v.NamedExpr.value, 0, d);
        break;
    case EXPR_BINOP:
        walk_push(w, e->v.BinOp.left, 0, d);
        walk_push(w, e->v.BinOp.right, 0, d);
        break;
    case EXPR_UNARYOP: walk_push(w, e->v.UnaryOp.operand, 0, d); break;
    case EXPR_LAMBDA:
        walk_arguments(w, e->v.Lambda.args, d);
        walk_push(w, e->v.Lambda.body, 0, d);
        break;
    case EXPR_IFEXP:
        walk_push(w, e->v.IfExp.test, 0, d);
        walk_push(w, e->v.IfExp.body, 0, d);
        walk_push(w, e->v.IfExp.orelse, 0, d);
        break;
    case EXPR_DICT:
        walk_exprs(w, e->v.Dict.keys, d);
        walk_exprs(w, e->v.Dict.values, d);
        break;
    case EXPR_SET: walk_exprs(w, e->v.Set.elts, d); break;
    case EXPR_LISTCOMP:
    case EXPR_SETCOMP:
    case EXPR_GENERATOREXP:
        walk_push(w, e->v.ListComp.elt, 0, d);
        walk_generators(w, e->v.ListComp.generators, d);
        break;
    case EXPR_DICTCOMP:
        walk_push(w, e->v.DictComp.key, 0, d);
        walk_push(w, e->v.DictComp.value, 0, d);
        walk_generators(w, e->v.DictComp.generators, d);
        break;
    case EXPR_AWAIT:
    case EXPR_YIELD:
    case EXPR_YIELDFROM: walk_push(w, e->v.Yield.value, 0, d); break;
    case EXPR_COMPARE:
        walk_push(w, e->v.Compare.left, 0, d);
        walk_exprs(w, e->v.Compare.comparators, d);
        break;
    case EXPR_CALL:
        walk_push(w, e->v.Call.func, 0, d);
        walk_exprs(w, e->v.Call.args, d);
        walk_keywords(w, e->v.Call.keywords, d);
        break;
    case EXPR_FORMATTEDVALUE:
        walk_push(w, e->v.FormattedValue.value, 0, d);
        walk_push(w, e->v.FormattedValue.format_spec, 0, d);
        break;
    case EXPR_JOINEDSTR: walk_exprs(w, e->v.JoinedStr.values, d); break;
    case EXPR_ATTRIBUTE: walk_push(w, e->v.Attribute.value, 0, d); break;
    case EXPR_SUBSCRIPT:
        walk_push(w, e->v.Subscript.value, 0, d);
        walk_push(w, e->v.Subscript.slice, 0, d);
        break;
    case EXPR_STARRED: walk_push(w, e->v.Starred.value, 0, d); break;
    case EXPR_LIST:
    case EXPR_TUPLE: walk_exprs(w, e->v.Tuple.elts, d); break;
    case EXPR_SLICE:
        walk_push(w, e->v.Slice.lower, 0, d);
        walk_push(w, e->v.Slice.upper, 0, d);
        walk_push(w, e->v.Slice.step, 0, d);
        break;
    case EXPR_CONSTANT:
    case EXPR_NAME:
        break;
    }
}

static void
walk_stmt(Walk *w, Stmt *s, int d)
{
    switch (s->kind) {
    case STMT_FUNCTIONDEF:
    case STMT_ASYNCFUNCTIONDEF:
        walk_arguments(w, s->v.FunctionDef.args, d);
        walk_stmts(w, s->v.FunctionDef.body, d);
        walk_exprs(w, s->v.FunctionDef.decorator_list, d);
        walk_push(w, s->v.FunctionDef.returns, 0, d);
        break;
    case STMT_CLASSDEF:
        walk_exprs(w, s->v.ClassDef.bases, d);
        walk_keywords(w, s->v.ClassDef.keywords, d);
        walk_stmts(w, s->v.ClassDef.body, d);
        walk_exprs(w, s->v.ClassDef.decorator_list, d);
        break;
    case STMT_RETURN: walk_push(w, s->v.Return.value, 0, d); break;
    case STMT_DELETE: walk_exprs(w, s->v.Delete.targets, d); break;
    case STMT_ASSIGN:
        walk_exprs(w, s->v.Assign.targets, d);
        walk_push(w, s->v.Assign.value, 0, d);
        break;
    case STMT_AUGASSIGN:
        walk_push(w, s->v.AugAssign.target, 0, d);
        walk_push(w, s->v.AugAssign.value, 0, d);
        break;
    case STMT_ANNASSIGN:
        walk_push(w, s->v.AnnAssign.target, 0, d);
        walk_push(w, s->v.AnnAssign.annotation, 0, d);
        walk_push(w, s->v.AnnAssign.value, 0, d);
        break;
    case STMT_FOR:
    case STMT_ASYNCFOR:
        walk_push(w, s->v.For.target, 0, d);
        walk_push(w, s->v.For.iter, 0, d);
        walk_stmts(w, s->v.For.body, d);
        walk_stmts(w, s->v.For.orelse, d);
        break;
    case STMT_WHILE:
    case STMT_IF:
        walk_push(w, s->v.If.test, 0, d);
        walk_stmts(w, s->v.If.body, d);
        walk_stmts(w, s->v.If.orelse, d);
        break;
    case STMT_WITH:
    case STMT_ASYNCWITH:
        for (int i = 0; i < SEQ_LEN(s->v.With.items); i++) {
            WithItem *it = SEQ_GET(s->v.With.items, i);
            walk_push(w, it->context_expr, 0, d);
            walk_push(w, it->optional_vars, 0, d);
        }
        walk_stmts(w, s->v.With.body, d);
        break;
    case STMT_RAISE:
        walk_push(w, s->v.Raise.exc, 0, d);
        walk_push(w, s->v.Raise.cause, 0, d);
        break;
    case STMT_TRY:
        walk_stmts(w, s->v.Try.body, d);
        for (int i = 0; i < SEQ_LEN(s->v.Try.handlers); i++) {
            ExceptHandler *h = SEQ_GET(s->v.Try.handlers, i);
            walk_push(w, h->type, 0, d);
            walk_stmts(w, h->body, d);
        }
        walk_stmts(w, s->v.Try.orelse, d);
        walk_stmts(w, s->v.Try.finalbody, d);
        break;
    case STMT_ASSERT:
        walk_push(w, s->v.Assert.test, 0, d);
        walk_push(w, s->v.Assert.msg, 0, d);
        break;
    case STMT_EXPR: walk_push(w, s->v.Expr.value, 0, d); break;
    default:
        break;
    }
}

/* CPython's compiler refuses trees nested deeper than about 3000 levels ("maximum
** recursion depth exceeded during compilation"); so do we, before anything recurses. */
static int
check_depth(ParseState *ps, Mod *m)
{
    Walk w = { NULL, 0, 0, 0 };
    int too_deep = 0;
    if (m->kind == MOD_EXPRESSION)
        walk_push(&w, m->expr, 0, 1);
    else
        walk_stmts(&w, m->body, 1);
    while (w.n > 0 && !w.failed) {
        WalkItem it = w.items[--w.n];
        if (it.depth > PARSE_MAX_DEPTH) {
            too_deep = 1;
            break;
        }
        if (it.is_stmt)
            walk_stmt(&w, it.node, it.depth + 1);
        else
            walk_expr(&w, it.node, it.depth + 1);
    }
    int failed = w.failed;
    free(w.items);
    if (failed) {
        parse_no_memory(ps);
        return -1;
    }
    if (too_deep) {
        err_set(exc_RecursionError, "maximum recursion depth exceeded during compilation");
        ps->failed = 1;
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------------------------
** Entry point
*/
ParseResult
parse_source(const char *src, size_t len, const char *filename, ParseMode mode, Arena *arena)
{
    ParseResult r = { NULL, 0 };
    Lexer lx;
    ParseState ps;
    memset(&ps, 0, sizeof ps);
    ps.arena = arena;
    ps.lx = &lx;
    ps.filename = filename;
    ps.mode = mode;
    fm_begin(&ps, src, len);
    if (lex_init(&lx, src, len, mode == PARSE_SINGLE ? LEX_INTERACTIVE : LEX_FILE,
                 mode == PARSE_FILE, filename) < 0)
        error_lexer(&ps, &lx);
    else {
        /* the line model follows the tokens, which point into the lexer's copy */
        if (ps.fm.lines) {
            ps.fm.src = lx.buf;
            if (ps.fm.len > lx.size)
                ps.fm.len = lx.size;
        }
        run_parser(&ps, mode == PARSE_FILE     ? TK_MODE_FILE
                        : mode == PARSE_SINGLE ? TK_MODE_SINGLE
                                               : TK_MODE_EVAL);
    }
    lex_free(&lx);
    fm_end(&ps);
    if (!ps.failed && !ps.mod)
        error_at(&ps, exc_SyntaxError, pos_tstart(ps.la), pos_tend(ps.la),
                    "invalid syntax");
    if (!ps.failed)
        check_depth(&ps, ps.mod);
    if (ps.failed) {
        r.incomplete = ps.incomplete;
        return r;
    }
    r.mod = ps.mod;
    return r;
}
