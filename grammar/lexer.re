/*
** lexer.re -- Python 3.11's tokenizer, for re2c.  `make` runs re2c on it (output:
** build/gen/lexer.c): edit this file, not the output.
**
** Three layers, as CPython's Parser/tokenizer.c:
**   lex_init()   normalises the source once (BOM, coding declaration, CR/CRLF -> LF,
**                final LF, NUL bytes and UTF-8 validity); everything after it can rely
**                on a NUL-terminated, valid UTF-8 buffer of '\n'-terminated lines.
**   lex_next()   the layout layer in plain C: indentation at the beginning of each
**                line (indstack/altindstack, pendin, atbol), blank and comment-only
**                lines, bracket nesting (no NEWLINE/INDENT inside brackets),
**                backslash continuations, NEWLINE/DEDENT/end at EOF.
**   the re2c block   one raw token: keywords, names, operators, the start of strings
**                and numbers.  Strings and numbers are finished by hand-written C
**                (lex_string, lex_number) because CPython's error messages depend on
**                exactly which character stopped the scan.
**
** Errors are recorded in lx->err (message, position, kind) rather than raised: parse.c
** turns them into SyntaxError/IndentationError/TabError, and the lexer stays usable
** without the runtime.  Positions of errors are CPython's: most tokenizer errors point
** at the last character consumed (col = its byte offset).
**
** Indentation.  'col' counts a tab as advancing to the next multiple of 8, 'altcol' as
** one column; both stacks must order every line the same way or the indentation depends
** on the tab size, which is a TabError ("inconsistent use of tabs and spaces").
*/
#include "grammar/lexer.h"
#include "runtime/heap.h"
#include "runtime/error.h"
#include "runtime/unicodedb.h"
#include <stdarg.h>
#include <stdlib.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define LEX_TABSIZE 8
#define LEX_ALTTABSIZE 1

/* Non-ASCII identifier characters are classified with CPython's own data
** (runtime/unicodedb.h: XID_Start, XID_Continue, printable).  NFKC normalisation of
** identifiers is not done. */
static int
lex_is_xid_start(uint32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    return unicode_isxidstart(c);
}

static int
lex_is_xid_continue(uint32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
               (c >= '0' && c <= '9');
    return unicode_isxidcontinue(c);
}

/* Decode one UTF-8 sequence (the buffer is known to be valid). */
static uint32_t
lex_decode(const unsigned char *s, int *n)
{
    if (s[0] < 0x80) {
        *n = 1;
        return s[0];
    }
    if (s[0] < 0xE0) {
        *n = 2;
        return ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    }
    if (s[0] < 0xF0) {
        *n = 3;
        return ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) |
               (s[2] & 0x3F);
    }
    *n = 4;
    return ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
           ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
}

/* ------------------------------------------------------------------------------------
** Errors
*/
static int
lex_verror(Lexer *lx, LexErrKind kind, int line, int col, int end_line, int end_col,
           const char *fmt, va_list ap)
{
    if (lx->err.kind != LEXERR_NONE)
        return -1;
    lx->err.kind = kind;
    lx->err.incomplete = 0;
    lx->err.line = line;
    lx->err.col = col;
    lx->err.end_line = end_line;
    lx->err.end_col = end_col;
    vsnprintf(lx->err.msg, sizeof lx->err.msg, fmt, ap);
    return -1;
}

static int
lex_error(Lexer *lx, LexErrKind kind, int line, int col, int end_line, int end_col,
          const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    lex_verror(lx, kind, line, col, end_line, end_col, fmt, ap);
    va_end(ap);
    return -1;
}

static int
lex_out_line(const Lexer *lx, int line)
{
    return line + lx->line_base;
}

static int
lex_out_col(const Lexer *lx, int line, int col)
{
    return line == 1 ? col + lx->col_base : col;
}

/* A tokenizer error pointing at the character that ends just before 'p' on the current
** line (CPython's syntaxerror(): the column of the last character consumed). */
static int
lex_error_last(Lexer *lx, const char *p, const char *fmt, ...)
{
    const char *q = p > lx->line_start ? p - 1 : p;
    while (q > lx->line_start && ((unsigned char)*q & 0xC0) == 0x80)
        q--;
    int col = lex_out_col(lx, lx->line, (int)(q - lx->line_start));
    int line = lex_out_line(lx, lx->line);
    va_list ap;
    va_start(ap, fmt);
    lex_verror(lx, LEXERR_SYNTAX, line, col, line, col, fmt, ap);
    va_end(ap);
    return -1;
}

static int
lex_no_memory(Lexer *lx)
{
    err_no_memory();
    return lex_error(lx, LEXERR_NOMEM, 0, 0, 0, 0, "out of memory");
}

/* ------------------------------------------------------------------------------------
** Source normalisation
*/

/* Find a PEP 263 coding declaration in a comment line: "coding[:=]\s*([-\w.]+)". */
static int
lex_coding_spec(const char *s, const char *end, char *out, size_t outsz)
{
    while (s < end && (*s == ' ' || *s == '\t' || *s == '\f'))
        s++;
    if (s >= end || *s != '#')
        return 0;
    for (; s + 6 < end; s++) {
        if (memcmp(s, "coding", 6) != 0)
            continue;
        const char *t = s + 6;
        if (*t != ':' && *t != '=')
            continue;
        t++;
        while (t < end && (*t == ' ' || *t == '\t'))
            t++;
        size_t n = 0;
        while (t < end && n + 1 < outsz &&
               ((*t >= 'a' && *t <= 'z') || (*t >= 'A' && *t <= 'Z') ||
                (*t >= '0' && *t <= '9') || *t == '-' || *t == '_' || *t == '.'))
            out[n++] = *t++;
        if (n == 0)
            continue;
        out[n] = '\0';
        return 1;
    }
    return 0;
}

/* 1 utf-8, 2 latin-1, 0 unknown (CPython's get_normal_name plus a few aliases). */
static int
lex_encoding_kind(const char *name)
{
    char b[32];
    size_t i;
    for (i = 0; name[i] && i + 1 < sizeof b; i++) {
        char c = name[i];
        b[i] = c == '_' ? '-' : (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
    }
    b[i] = '\0';
    if (!strcmp(b, "utf-8") || !strncmp(b, "utf-8-", 6) || !strcmp(b, "utf8") ||
        !strcmp(b, "ascii") || !strcmp(b, "us-ascii"))
        return 1;
    if (!strcmp(b, "latin-1") || !strcmp(b, "iso-8859-1") || !strcmp(b, "iso-latin-1") ||
        !strncmp(b, "latin-1-", 8) || !strncmp(b, "iso-8859-1-", 11) ||
        !strncmp(b, "iso-latin-1-", 12) || !strcmp(b, "latin1") || !strcmp(b, "l1") ||
        !strcmp(b, "iso8859-1") || !strcmp(b, "8859") || !strcmp(b, "cp819"))
        return 2;
    return 0;
}

/* Length of a valid UTF-8 sequence at s (n bytes available), or 0; *why gets CPython's
** reason for an invalid one. */
static int
lex_utf8_len(const unsigned char *s, size_t n, const char **why)
{
    unsigned char c = s[0];
    int len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c < 0x80)
        return 1;
    if (c < 0xC2 || c > 0xF4) {
        *why = "invalid start byte";
        return 0;
    }
    if (c < 0xE0)
        len = 2;
    else if (c < 0xF0) {
        len = 3;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    }
    else {
        len = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    }
    for (int i = 1; i < len; i++) {
        if ((size_t)i >= n) {
            *why = "unexpected end of data";
            return 0;
        }
        unsigned char d = s[i];
        if (d < (i == 1 ? lo : 0x80) || d > (i == 1 ? hi : 0xBF)) {
            *why = "invalid continuation byte";
            return 0;
        }
    }
    return len;
}

static int
lex_line_of(const char *s, const char *p)
{
    int line = 1;
    for (; s < p; s++)
        if (*s == '\n' || (*s == '\r' && s[1] != '\n'))
            line++;
    return line;
}

int
lex_init(Lexer *lx, const char *src, size_t len, LexMode mode, int file_mode,
         const char *filename)
{
    memset(lx, 0, sizeof *lx);
    lx->mode = mode;
    lx->atbol = 1;
    lx->line = 1;

    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
        src += 3;
        len -= 3;
    }
    const char *end = src + len;

    /* NUL bytes (3.11.7's message for files) */
    const char *nul = memchr(src, '\0', len);
    if (nul) {
        int line = lex_line_of(src, nul);
        return lex_error(lx, LEXERR_SYNTAX, line, 0, line, -1,
                         "source code cannot contain null bytes");
    }

    /* A coding declaration on one of the first two lines (the second only if the first
    ** is blank or a comment, as CPython). */
    int latin1 = 0;
    const char *l1 = memchr(src, '\n', len);
    const char *l1end = l1 ? l1 : end;
    char enc[64];
    int found = lex_coding_spec(src, l1end, enc, sizeof enc);
    if (!found && l1) {
        const char *t = src;
        while (t < l1end && (*t == ' ' || *t == '\t' || *t == '\f' || *t == '\r'))
            t++;
        if (t == l1end || *t == '#') {
            const char *l2 = memchr(l1 + 1, '\n', (size_t)(end - l1 - 1));
            found = lex_coding_spec(l1 + 1, l2 ? l2 : end, enc, sizeof enc);
        }
    }
    if (found) {
        int k = lex_encoding_kind(enc);
        if (k == 0)
            return lex_error(lx, LEXERR_SYNTAX, 0, 0, 0, 0, "encoding problem: %s", enc);
        latin1 = k == 2;
    }

    /* Validate UTF-8 (or count the bytes latin-1 will widen). */
    size_t extra = 0;
    if (latin1) {
        for (const char *p = src; p < end; p++)
            if ((unsigned char)*p >= 0x80)
                extra++;
    }
    else {
        for (const unsigned char *p = (const unsigned char *)src;
             p < (const unsigned char *)end;) {
            const char *why = NULL;
            int n = lex_utf8_len(p, (size_t)((const unsigned char *)end - p), &why);
            if (n == 0) {
                int line = lex_line_of(src, (const char *)p);
                if (file_mode)
                    return lex_error(lx, LEXERR_SYNTAX, 0, 0, 0, 0,
                                     "Non-UTF-8 code starting with '\\x%.2x' in file %s "
                                     "on line %d, but no encoding declared; see "
                                     "https://peps.python.org/pep-0263/ for details",
                                     *p, filename ? filename : "<string>", line);
                return lex_error(lx, LEXERR_SYNTAX, line, 0, line, 0,
                                 "(unicode error) 'utf-8' codec can't decode byte 0x%.2x "
                                 "in position %d: %s",
                                 *p, (int)((const char *)p - src), why);
            }
            p += n;
        }
    }

    lx->buf = malloc(len + extra + 2);
    if (!lx->buf)
        return lex_no_memory(lx);
    char *o = lx->buf;
    for (const char *p = src; p < end; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '\r') {
            *o++ = '\n';
            if (p + 1 < end && p[1] == '\n')
                p++;
        }
        else if (latin1 && c >= 0x80) {
            *o++ = (char)(0xC0 | (c >> 6));
            *o++ = (char)(0x80 | (c & 0x3F));
        }
        else
            *o++ = (char)c;
    }
    if (o > lx->buf && o[-1] != '\n')
        *o++ = '\n';
    *o = '\0';
    lx->size = (size_t)(o - lx->buf);
    lx->cur = lx->line_start = lx->buf;
    return 0;
}

int
lex_init_sub(Lexer *lx, const char *text, size_t len, int line_base, int col_base)
{
    memset(lx, 0, sizeof *lx);
    lx->mode = LEX_FILE;
    lx->atbol = 1;
    lx->line = 1;
    lx->line_base = line_base;
    lx->col_base = col_base;
    lx->buf = malloc(len + 2);
    if (!lx->buf)
        return lex_no_memory(lx);
    memcpy(lx->buf, text, len);
    lx->size = len;
    if (len == 0 || text[len - 1] != '\n')
        lx->buf[lx->size++] = '\n';
    lx->buf[lx->size] = '\0';
    lx->cur = lx->line_start = lx->buf;
    return 0;
}

void
lex_free(Lexer *lx)
{
    if (lx->buf)
        free(lx->buf);
    lx->buf = NULL;
}

const char *
lex_line_text(const Lexer *lx, int lineno, int *len)
{
    int want = lineno - lx->line_base;
    *len = 0;
    if (!lx->buf || want < 1)
        return "";
    const char *p = lx->buf;
    for (int l = 1; l < want; l++) {
        const char *nl = strchr(p, '\n');
        if (!nl)
            return "";
        p = nl + 1;
    }
    const char *nl = strchr(p, '\n');
    *len = nl ? (int)(nl - p) : (int)strlen(p);
    return p;
}

/* ------------------------------------------------------------------------------------
** Tokens
*/
static void
lex_set_tok(Lexer *lx, Token *t, const char *start, int line, int col, const char *end)
{
    t->start = start;
    t->len = (int)(end - start);
    t->line = lex_out_line(lx, line);
    t->end_line = lex_out_line(lx, lx->line);
    /* CPython shifts both columns when the tokenizer is on its first line (see
    ** _PyPegen_fill_token: p->tok->lineno == 1). */
    t->col = lx->line == 1 ? col + lx->col_base : col;
    t->end_col = lex_out_col(lx, lx->line, (int)(end - lx->line_start));
}

/* A zero-width token at (line, col) of the current line. */
static void
lex_set_point(Lexer *lx, Token *t, const char *at)
{
    t->start = at;
    t->len = 0;
    t->line = t->end_line = lex_out_line(lx, lx->line);
    t->col = t->end_col = lex_out_col(lx, lx->line, (int)(at - lx->line_start));
}

/* The end token (and DEDENTs at EOF): zero-width at the end of the last line. */
static void
lex_set_eof(Lexer *lx, Token *t)
{
    const char *p = lx->cur;
    if (p == lx->buf) {
        lex_set_point(lx, t, p);
        return;
    }
    const char *ls = p - 1;                 /* the last line's '\n' */
    while (ls > lx->buf && ls[-1] != '\n')
        ls--;
    t->start = p;
    t->len = 0;
    t->line = t->end_line = lex_out_line(lx, lx->line - 1);
    t->col = t->end_col = lex_out_col(lx, lx->line - 1, (int)(p - 1 - ls));
}

static int
lex_is_potential_identifier_char(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c >= 128;
}

static int
lex_isdigit(int c)
{
    return c >= '0' && c <= '9';
}

static int
lex_isxdigit(int c)
{
    return lex_isdigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Check that a name made of ASCII letters/digits/_ and bytes >= 0x80 is an identifier:
** its first character XID_Start (or '_'), the others XID_Continue. */
static int
lex_verify_identifier(Lexer *lx, const char *s, const char *e)
{
    int first = 1;
    for (const char *p = s; p < e;) {
        int n;
        uint32_t c = lex_decode((const unsigned char *)p, &n);
        int ok = first ? (lex_is_xid_start(c) || c == '_') : lex_is_xid_continue(c);
        if (!ok) {
            if (unicode_isprintable(c)) {
                char u[5];
                memcpy(u, p, (size_t)n);
                u[n] = '\0';
                return lex_error_last(lx, p + n, "invalid character '%s' (U+%04X)", u,
                                      (unsigned)c);
            }
            return lex_error_last(lx, p + n, "invalid non-printable character U+%04X",
                                  (unsigned)c);
        }
        first = 0;
        p += n;
    }
    return 0;
}

/* verify_end_of_number(): a number directly followed by a letter is an error, except
** before the keywords that may follow a number ("1if x else y"), where CPython 3.11
** only warns.  'p' points just after c. */
static int
lex_end_of_number(Lexer *lx, const char **pp, int c, const char *kind)
{
    const char *p = *pp;
    int r = 0;
    switch (c) {
    case 'a': r = !strncmp(p, "nd", 2); break;
    case 'e': r = !strncmp(p, "lse", 3); break;
    case 'f': r = !strncmp(p, "or", 2); break;
    case 'i': r = *p == 'f' || *p == 'n' || *p == 's'; break;
    case 'o': r = *p == 'r'; break;
    case 'n': r = !strncmp(p, "ot", 2); break;
    default: break;
    }
    if (r) {
        if (!lx->warn_line) {
            lx->warn_line = lex_out_line(lx, lx->line);
            snprintf(lx->warn_msg, sizeof lx->warn_msg, "invalid %s literal", kind);
        }
        return 0;
    }
    if (lex_is_potential_identifier_char(c)) {
        *pp = p - 1;
        return lex_error_last(lx, p - 1, "invalid %s literal", kind);
    }
    return 0;
}

/* Digits with single underscores between them, after a first digit already consumed.
** Returns the character after the run (consumed: *pp points after it), or -1. */
static int
lex_decimal_tail(Lexer *lx, const char **pp)
{
    const char *p = *pp;
    int c;
    for (;;) {
        do
            c = (unsigned char)*p++;
        while (lex_isdigit(c));
        if (c != '_')
            break;
        c = (unsigned char)*p++;
        if (!lex_isdigit(c)) {
            p--;
            *pp = p;
            return lex_error_last(lx, p, "invalid decimal literal");
        }
    }
    *pp = p;
    return c;
}

/* Numbers (CPython tok_get's number section); s points at the first character ('0'-'9'
** or '.').  The token ends before the character that stopped the scan. */
static int
lex_number(Lexer *lx, const char *s, Token *tok)
{
    const char *p = s;
    int c = (unsigned char)*p++;

    if (c == '.') {
        c = (unsigned char)*p++;
        goto fraction;
    }
    if (c == '0') {
        c = (unsigned char)*p++;
        if (c == 'x' || c == 'X') {
            c = (unsigned char)*p++;
            do {
                if (c == '_')
                    c = (unsigned char)*p++;
                if (!lex_isxdigit(c)) {
                    p--;
                    return lex_error_last(lx, p, "invalid hexadecimal literal");
                }
                do
                    c = (unsigned char)*p++;
                while (lex_isxdigit(c));
            } while (c == '_');
            if (lex_end_of_number(lx, &p, c, "hexadecimal") < 0)
                return -1;
        }
        else if (c == 'o' || c == 'O') {
            c = (unsigned char)*p++;
            do {
                if (c == '_')
                    c = (unsigned char)*p++;
                if (c < '0' || c >= '8') {
                    if (lex_isdigit(c))
                        return lex_error_last(lx, p, "invalid digit '%c' in octal literal",
                                              c);
                    p--;
                    return lex_error_last(lx, p, "invalid octal literal");
                }
                do
                    c = (unsigned char)*p++;
                while (c >= '0' && c < '8');
            } while (c == '_');
            if (lex_isdigit(c))
                return lex_error_last(lx, p, "invalid digit '%c' in octal literal", c);
            if (lex_end_of_number(lx, &p, c, "octal") < 0)
                return -1;
        }
        else if (c == 'b' || c == 'B') {
            c = (unsigned char)*p++;
            do {
                if (c == '_')
                    c = (unsigned char)*p++;
                if (c != '0' && c != '1') {
                    if (lex_isdigit(c))
                        return lex_error_last(lx, p,
                                              "invalid digit '%c' in binary literal", c);
                    p--;
                    return lex_error_last(lx, p, "invalid binary literal");
                }
                do
                    c = (unsigned char)*p++;
                while (c == '0' || c == '1');
            } while (c == '_');
            if (lex_isdigit(c))
                return lex_error_last(lx, p, "invalid digit '%c' in binary literal", c);
            if (lex_end_of_number(lx, &p, c, "binary") < 0)
                return -1;
        }
        else {
            int nonzero = 0;
            /* maybe old-style octal; in any case allow '0' as a literal */
            for (;;) {
                if (c == '_') {
                    c = (unsigned char)*p++;
                    if (!lex_isdigit(c)) {
                        p--;
                        return lex_error_last(lx, p, "invalid decimal literal");
                    }
                }
                if (c != '0')
                    break;
                c = (unsigned char)*p++;
            }
            const char *zeros_end = p;
            if (lex_isdigit(c)) {
                nonzero = 1;
                c = lex_decimal_tail(lx, &p);
                if (c < 0)
                    return -1;
            }
            if (c == '.') {
                c = (unsigned char)*p++;
                goto fraction;
            }
            else if (c == 'e' || c == 'E')
                goto exponent;
            else if (c == 'j' || c == 'J')
                goto imaginary;
            else if (nonzero) {
                int line = lex_out_line(lx, lx->line);
                return lex_error(lx, LEXERR_SYNTAX, line,
                                 lex_out_col(lx, lx->line, (int)(s - lx->line_start)), line,
                                 lex_out_col(lx, lx->line,
                                             (int)(zeros_end - lx->line_start)) - 1,
                                 "leading zeros in decimal integer literals are not "
                                 "permitted; use an 0o prefix for octal integers");
            }
            if (lex_end_of_number(lx, &p, c, "decimal") < 0)
                return -1;
        }
        goto done;
    }

    /* decimal */
    c = lex_decimal_tail(lx, &p);
    if (c < 0)
        return -1;
    if (c == '.') {
        c = (unsigned char)*p++;
    fraction:
        if (lex_isdigit(c)) {
            c = lex_decimal_tail(lx, &p);
            if (c < 0)
                return -1;
        }
    }
    if (c == 'e' || c == 'E') {
        int e;
    exponent:
        e = c;
        c = (unsigned char)*p++;
        if (c == '+' || c == '-') {
            c = (unsigned char)*p++;
            if (!lex_isdigit(c)) {
                p--;
                return lex_error_last(lx, p, "invalid decimal literal");
            }
        }
        else if (!lex_isdigit(c)) {
            p--;                        /* back before c: p points at c */
            if (lex_end_of_number(lx, &p, e, "decimal") < 0)
                return -1;
            p--;                        /* and before the 'e' */
            lx->cur = p;
            lex_set_tok(lx, tok, s, lx->line, (int)(s - lx->line_start), p);
            return TK_NUMBER;
        }
        c = lex_decimal_tail(lx, &p);
        if (c < 0)
            return -1;
    }
    if (c == 'j' || c == 'J') {
    imaginary:
        c = (unsigned char)*p++;
        if (lex_end_of_number(lx, &p, c, "imaginary") < 0)
            return -1;
    }
    else if (lex_end_of_number(lx, &p, c, "decimal") < 0)
        return -1;
done:
    p--;                                /* the character that stopped the scan */
    lx->cur = p;
    lex_set_tok(lx, tok, s, lx->line, (int)(s - lx->line_start), p);
    return TK_NUMBER;
}

/* A string literal; 's' is the token start (prefix), 'q' the opening quote. */
static int
lex_string(Lexer *lx, const char *s, const char *q, Token *tok)
{
    char quote = *q;
    const char *p = q + 1;
    int triple = 0;
    int first_line = lx->line;
    const char *first_line_start = lx->line_start;

    if (p[0] == quote && p[1] == quote) {
        triple = 1;
        p += 2;
    }
    else if (p[0] == quote) {
        p++;
        goto done;
    }
    for (;;) {
        char c = *p;
        if (c == '\0' || (!triple && c == '\n')) {
            /* CPython reports it at the start of the string, with the line where the
            ** scan stopped. */
            int detected = lx->line;
            if (c == '\0' && p > lx->buf && p[-1] == '\n')
                detected--;
            int line = lex_out_line(lx, first_line);
            int col = (int)(s - first_line_start);
            col = first_line == 1 ? col + lx->col_base : col;
            lex_error(lx, LEXERR_SYNTAX, line, col, line, col,
                      triple ? "unterminated triple-quoted string literal (detected at "
                               "line %d)"
                             : "unterminated string literal (detected at line %d)",
                      lex_out_line(lx, detected));
            if (c == '\0')
                lx->err.incomplete = triple;
            return -1;
        }
        p++;
        if (c == '\n') {
            lx->line++;
            lx->line_start = p;
        }
        else if (c == quote) {
            if (!triple)
                break;
            if (p[0] == quote && p[1] == quote) {
                p += 2;
                break;
            }
        }
        else if (c == '\\') {
            char d = *p;
            if (d == '\0')
                continue;
            p++;
            if (d == '\n') {
                lx->line++;
                lx->line_start = p;
            }
        }
    }
done:
    lx->cur = p;
    lex_set_tok(lx, tok, s, first_line, (int)(s - first_line_start), p);
    return TK_STRING;
}

static int
lex_open(Lexer *lx, const char *s, Token *tok, int code)
{
    if (lx->level >= LEX_MAXLEVEL)
        return lex_error_last(lx, s + 1, "too many nested parentheses");
    lx->parenstack[lx->level] = *s;
    lx->parenline[lx->level] = lx->line;
    lx->parencol[lx->level] = (int)(s - lx->line_start);
    lx->level++;
    lx->cur = s + 1;
    lex_set_tok(lx, tok, s, lx->line, (int)(s - lx->line_start), s + 1);
    return code;
}

static int
lex_close(Lexer *lx, const char *s, Token *tok, int code)
{
    char c = *s;
    if (lx->level == 0)
        return lex_error_last(lx, s + 1, "unmatched '%c'", c);
    lx->level--;
    char open = lx->parenstack[lx->level];
    if (!((open == '(' && c == ')') || (open == '[' && c == ']') ||
          (open == '{' && c == '}'))) {
        if (lx->parenline[lx->level] != lx->line)
            return lex_error_last(lx, s + 1,
                                  "closing parenthesis '%c' does not match opening "
                                  "parenthesis '%c' on line %d",
                                  c, open, lex_out_line(lx, lx->parenline[lx->level]));
        return lex_error_last(lx, s + 1,
                              "closing parenthesis '%c' does not match opening "
                              "parenthesis '%c'",
                              c, open);
    }
    lx->cur = s + 1;
    lex_set_tok(lx, tok, s, lx->line, (int)(s - lx->line_start), s + 1);
    return code;
}

/* The raw token at lx->cur (whitespace, comments, newlines and continuations already
** handled by lex_get). */
static int
lex_scan(Lexer *lx, Token *tok)
{
    const char *s = lx->cur;
    const unsigned char *cur = (const unsigned char *)s, *mar = cur;
    int code;
#define LEX_OP(c) do { code = (c); goto op; } while (0)
/*!re2c
    re2c:define:YYCTYPE = "unsigned char";
    re2c:define:YYCURSOR = cur;
    re2c:define:YYMARKER = mar;
    re2c:yyfill:enable = 0;

    prefix = [bB] | [rR] | [uU] | [fF] | [bB][rR] | [rR][bB] | [fF][rR] | [rR][fF];
    idstart = [a-zA-Z_\x80-\xff];
    idchar = [a-zA-Z0-9_\x80-\xff];

    prefix? ['"]        { return lex_string(lx, s, (const char *)cur - 1, tok); }

    "False"     { code = TK_FALSE; goto kw; }
    "None"      { code = TK_NONE; goto kw; }
    "True"      { code = TK_TRUE; goto kw; }
    "and"       { code = TK_AND; goto kw; }
    "as"        { code = TK_AS; goto kw; }
    "assert"    { code = TK_ASSERT; goto kw; }
    "async"     { code = TK_ASYNC; goto kw; }
    "await"     { code = TK_AWAIT; goto kw; }
    "break"     { code = TK_BREAK; goto kw; }
    "class"     { code = TK_CLASS; goto kw; }
    "continue"  { code = TK_CONTINUE; goto kw; }
    "def"       { code = TK_DEF; goto kw; }
    "del"       { code = TK_DEL; goto kw; }
    "elif"      { code = TK_ELIF; goto kw; }
    "else"      { code = TK_ELSE; goto kw; }
    "except"    { code = TK_EXCEPT; goto kw; }
    "finally"   { code = TK_FINALLY; goto kw; }
    "for"       { code = TK_FOR; goto kw; }
    "from"      { code = TK_FROM; goto kw; }
    "global"    { code = TK_GLOBAL; goto kw; }
    "if"        { code = TK_IF; goto kw; }
    "import"    { code = TK_IMPORT; goto kw; }
    "in"        { code = TK_IN; goto kw; }
    "is"        { code = TK_IS; goto kw; }
    "lambda"    { code = TK_LAMBDA; goto kw; }
    "nonlocal"  { code = TK_NONLOCAL; goto kw; }
    "not"       { code = TK_NOT; goto kw; }
    "or"        { code = TK_OR; goto kw; }
    "pass"      { code = TK_PASS; goto kw; }
    "raise"     { code = TK_RAISE; goto kw; }
    "return"    { code = TK_RETURN; goto kw; }
    "try"       { code = TK_TRY; goto kw; }
    "while"     { code = TK_WHILE; goto kw; }
    "with"      { code = TK_WITH; goto kw; }
    "yield"     { code = TK_YIELD; goto kw; }

    idstart idchar*     {
        for (const char *p = s; p < (const char *)cur; p++)
            if ((unsigned char)*p >= 0x80) {
                if (lex_verify_identifier(lx, s, (const char *)cur) < 0)
                    return -1;
                break;
            }
        code = TK_NAME;
        goto kw;
    }

    [0-9] | "." [0-9]   { return lex_number(lx, s, tok); }

    "(" { return lex_open(lx, s, tok, TK_LPAR); }
    "[" { return lex_open(lx, s, tok, TK_LSQB); }
    "{" { return lex_open(lx, s, tok, TK_LBRACE); }
    ")" { return lex_close(lx, s, tok, TK_RPAR); }
    "]" { return lex_close(lx, s, tok, TK_RSQB); }
    "}" { return lex_close(lx, s, tok, TK_RBRACE); }

    "..."   { LEX_OP(TK_ELLIPSIS); }
    "**="   { LEX_OP(TK_DOUBLESTAREQUAL); }
    "//="   { LEX_OP(TK_DOUBLESLASHEQUAL); }
    "<<="   { LEX_OP(TK_LEFTSHIFTEQUAL); }
    ">>="   { LEX_OP(TK_RIGHTSHIFTEQUAL); }
    "!="    { LEX_OP(TK_NOTEQUAL); }
    "<>"    { LEX_OP(TK_NOTEQUAL); }
    "%="    { LEX_OP(TK_PERCENTEQUAL); }
    "&="    { LEX_OP(TK_AMPEREQUAL); }
    "**"    { LEX_OP(TK_DOUBLESTAR); }
    "*="    { LEX_OP(TK_STAREQUAL); }
    "+="    { LEX_OP(TK_PLUSEQUAL); }
    "-="    { LEX_OP(TK_MINEQUAL); }
    "->"    { LEX_OP(TK_RARROW); }
    "//"    { LEX_OP(TK_DOUBLESLASH); }
    "/="    { LEX_OP(TK_SLASHEQUAL); }
    ":="    { LEX_OP(TK_COLONEQUAL); }
    "<<"    { LEX_OP(TK_LEFTSHIFT); }
    "<="    { LEX_OP(TK_LESSEQUAL); }
    "=="    { LEX_OP(TK_EQEQUAL); }
    ">="    { LEX_OP(TK_GREATEREQUAL); }
    ">>"    { LEX_OP(TK_RIGHTSHIFT); }
    "@="    { LEX_OP(TK_ATEQUAL); }
    "^="    { LEX_OP(TK_CIRCUMFLEXEQUAL); }
    "|="    { LEX_OP(TK_VBAREQUAL); }
    "%"     { LEX_OP(TK_PERCENT); }
    "&"     { LEX_OP(TK_AMPER); }
    "*"     { LEX_OP(TK_STAR); }
    "+"     { LEX_OP(TK_PLUS); }
    ","     { LEX_OP(TK_COMMA); }
    "-"     { LEX_OP(TK_MINUS); }
    "."     { LEX_OP(TK_DOT); }
    "/"     { LEX_OP(TK_SLASH); }
    ":"     { LEX_OP(TK_COLON); }
    ";"     { LEX_OP(TK_SEMI); }
    "<"     { LEX_OP(TK_LESS); }
    "="     { LEX_OP(TK_EQUAL); }
    ">"     { LEX_OP(TK_GREATER); }
    "@"     { LEX_OP(TK_AT); }
    "^"     { LEX_OP(TK_CIRCUMFLEX); }
    "|"     { LEX_OP(TK_VBAR); }
    "~"     { LEX_OP(TK_TILDE); }

    *   {
        unsigned char c = (unsigned char)*s;
        if (c < 0x20 || c == 0x7f)
            return lex_error_last(lx, s + 1, "invalid non-printable character U+%04X", c);
        LEX_OP(TK_ERRORTOKEN);     /* '$', '?', '!', '`': "invalid syntax" at it */
    }
*/
kw:
op:
    lx->cur = (const char *)cur;
    lex_set_tok(lx, tok, s, lx->line, (int)(s - lx->line_start), lx->cur);
    return code;
#undef LEX_OP
}

/* ------------------------------------------------------------------------------------
** The layout layer
*/

/* A backslash-newline; p points at the backslash.  Returns the position after the
** newline or NULL (error recorded). */
static const char *
lex_continuation(Lexer *lx, const char *p)
{
    if (p[1] != '\n') {
        int line = lex_out_line(lx, lx->line);
        int col = lex_out_col(lx, lx->line, (int)(p + 1 - lx->line_start));
        lex_error(lx, LEXERR_CONT, line, col, line, -1,
                  "unexpected character after line continuation character");
        return NULL;
    }
    if (p[2] == '\0') {
        int line = lex_out_line(lx, lx->line);
        int col = lex_out_col(lx, lx->line, (int)(p + 1 - lx->line_start));
        lex_error(lx, LEXERR_EOF, line, col, line, -2, "unexpected EOF while parsing");
        lx->err.incomplete = 1;
        return NULL;
    }
    lx->line++;
    lx->line_start = p + 2;
    return p + 2;
}

static int
lex_indent_error(Lexer *lx, LexErrKind kind, const char *msg)
{
    int line = lex_out_line(lx, lx->line);
    return lex_error(lx, kind, line, 0, line, -1, "%s", msg);
}

/* At the beginning of a line: measure the indentation and queue INDENT/DEDENT tokens
** (CPython tok_get, the 'atbol' part). */
static int
lex_indentation(Lexer *lx)
{
    int col = 0, altcol = 0, cont_line_col = 0;
    const char *p = lx->cur;
    lx->atbol = 0;
    for (;;) {
        char c = *p;
        if (c == ' ') {
            col++;
            altcol++;
        }
        else if (c == '\t') {
            col = (col / LEX_TABSIZE + 1) * LEX_TABSIZE;
            altcol = (altcol / LEX_ALTTABSIZE + 1) * LEX_ALTTABSIZE;
        }
        else if (c == '\f')
            col = altcol = 0;
        else if (c == '\\') {
            /* indentation cannot be split over lines with backslashes: the first one
            ** found fixes the level */
            cont_line_col = cont_line_col ? cont_line_col : col;
            p = lex_continuation(lx, p);
            if (!p)
                return -1;
            continue;
        }
        else
            break;
        p++;
    }
    lx->cur = p;
    char c = *p;
    lx->blankline = 0;
    if (c == '#' || c == '\n') {
        if (lx->mode == LEX_INTERACTIVE && col == 0 && c == '\n' && lx->level == 0)
            lx->blankline = 0;          /* an empty line ends the statement */
        else if (lx->mode == LEX_INTERACTIVE && lx->line == 1) {
            lx->blankline = 0;          /* a first comment-only line is let through */
            col = altcol = 0;
        }
        else
            lx->blankline = 1;
    }
    if (c == '\0' && lx->mode == LEX_INTERACTIVE)
        return 0;                       /* the REPL asks for more text */
    if (!lx->blankline && lx->level == 0) {
        if (cont_line_col) {
            col = cont_line_col;
            altcol = cont_line_col;
        }
        if (col == lx->indstack[lx->indent]) {
            if (altcol != lx->altindstack[lx->indent])
                return lex_indent_error(lx, LEXERR_TAB,
                                        "inconsistent use of tabs and spaces in indentation");
        }
        else if (col > lx->indstack[lx->indent]) {
            if (lx->indent + 1 >= LEX_MAXINDENT)
                return lex_indent_error(lx, LEXERR_INDENT, "too many levels of indentation");
            if (altcol <= lx->altindstack[lx->indent])
                return lex_indent_error(lx, LEXERR_TAB,
                                        "inconsistent use of tabs and spaces in indentation");
            lx->pendin++;
            lx->indent++;
            lx->indstack[lx->indent] = col;
            lx->altindstack[lx->indent] = altcol;
        }
        else {
            while (lx->indent > 0 && col < lx->indstack[lx->indent]) {
                lx->pendin--;
                lx->indent--;
            }
            if (col != lx->indstack[lx->indent]) {
                /* CPython points past the end of the line (tok->cur = tok->inp) */
                int line = lex_out_line(lx, lx->line);
                const char *e = strchr(p, '\n');
                int ecol = lex_out_col(lx, lx->line, (int)((e ? e : p) - lx->line_start));
                return lex_error(lx, LEXERR_INDENT, line, ecol, line, -2,
                                 "unindent does not match any outer indentation level");
            }
            if (altcol != lx->altindstack[lx->indent])
                return lex_indent_error(lx, LEXERR_TAB,
                                        "inconsistent use of tabs and spaces in indentation");
        }
    }
    return 0;
}

static int
lex_get(Lexer *lx, Token *tok)
{
    const char *p;
nextline:
    if (lx->atbol) {
        if (lex_indentation(lx) < 0)
            return -1;
    }
    if (lx->pendin != 0) {
        /* INDENT/DEDENT: zero-width, where the line's first token starts (at EOF: the
        ** end of the last line, like the end token) */
        if (*lx->cur == '\0')
            lex_set_eof(lx, tok);
        else
            lex_set_point(lx, tok, lx->cur);
        if (lx->pendin < 0) {
            lx->pendin++;
            return TK_DEDENT;
        }
        lx->pendin--;
        return TK_INDENT;
    }
again:
    p = lx->cur;
    while (*p == ' ' || *p == '\t' || *p == '\f')
        p++;
    const char *comment = NULL;
    if (*p == '#') {
        comment = p;
        while (*p != '\n' && *p != '\0')
            p++;
    }
    lx->cur = p;
    if (*p == '\0') {
        if (lx->level > 0) {
            int l = lx->level - 1;
            int line = lex_out_line(lx, lx->parenline[l]);
            int col = lx->parenline[l] == 1 ? lx->parencol[l] + lx->col_base
                                             : lx->parencol[l];
            lex_error(lx, LEXERR_EOF_PAREN, line, col, line, -1, "'%c' was never closed",
                      lx->parenstack[l]);
            lx->err.incomplete = 1;
            return -1;
        }
        lex_set_eof(lx, tok);
        lx->done = 1;
        return 0;
    }
    if (*p == '\n') {
        /* after a comment, CPython's NEWLINE token spans the comment */
        lex_set_point(lx, tok, comment ? comment : p);
        tok->end_col = lex_out_col(lx, lx->line, (int)(p - lx->line_start));
        lx->cur = p + 1;
        lx->line++;
        lx->line_start = lx->cur;
        lx->atbol = 1;
        if (lx->blankline || lx->level > 0) {
            lx->blankline = 0;
            goto nextline;
        }
        return TK_NEWLINE;
    }
    if (*p == '\\') {
        p = lex_continuation(lx, p);
        if (!p)
            return -1;
        lx->cur = p;
        goto again;
    }
    return lex_scan(lx, tok);
}

int
lex_next(Lexer *lx, Token *tok)
{
    if (lx->err.kind != LEXERR_NONE)
        return -1;
    if (lx->done) {
        lex_set_point(lx, tok, lx->cur);
        return 0;
    }
    return lex_get(lx, tok);
}
