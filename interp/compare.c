/*
** compare.c -- `pyheap --compare-modes FILE`: the same program run as one script and
** statement by statement as the REPL runs it, and every `is` / id() result that differs
** between the two, with the rule that explains it.
**
** Nothing is guessed from the source: both modes really run, in two child processes
** forked from the freshly initialised interpreter, so each starts from the same heap.
**   - script child: the file is compiled as one module and run, as `pyheap FILE` does;
**   - REPL child:   a third child first cuts the file into the units a person would type
**     (top-level statements; those sharing a line stay together), drops the empty lines
**     inside them (an empty line would end a block at the prompt) and adds one after
**     each; the REPL child then runs the ordinary interactive loop (repl.c) on that text
**     as `pyheap -i -q < text` does.
** While a child runs, the VM reports every IS_OP and builtins.id() reports every call
** (compare_ident_hook).  The recorder writes one line per event to a pipe: where it
** happened (the innermost frame running code of the file, mapped back to the file's
** line and columns), the result, and for each operand its type, a short repr and its
** provenance -- whether it is a constant of a compiled unit (and which), a cached small
** int, an interned string, a singleton.  The recorder never allocates Python objects
** and never runs Python code, so recording does not change what it observes.
** The parent pairs the events of the two runs by position (line, columns, n-th
** execution), compares `is` results, compares id() results by which earlier id() call
** returned the same number, and prints the differing ones with the rule that the
** recorded provenance points to.
*/
#include "interp/compare.h"
#include "interp/main.h"
#include "interp/compile.h"
#include "interp/vm.h"
#include "interp/arena.h"
#include "grammar/parse.h"
#include "runtime/error.h"
#include "runtime/state.h"
#include "runtime/intobject.h"
#include "runtime/floatobject.h"
#include "runtime/complexobject.h"
#include "runtime/strobject.h"
#include "runtime/bytesobject.h"
#include "runtime/tupleobject.h"
#include "runtime/setobject.h"
#include "runtime/dictobject.h"
#include "runtime/codeobject.h"
#include "runtime/frameobject.h"
#include "runtime/exceptions.h"
#include "runtime/traceback.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define RUN_SECONDS 60          /* each mode's time limit */
#define REPR_MAX 48             /* characters of a value shown */
#define MAX_EVENTS 200000       /* results recorded per run */

void (*compare_ident_hook)(int kind, Object *a, Object *b);

/* ================================================================ the recorder (children) */

typedef struct CodeEntry {
    CodeObject *code;           /* borrowed, used as a key only */
    long first;                 /* REPL: input line the unit starts on; script: 0 */
    long unit;                  /* file line of the unit's first line; script: 0 */
} CodeEntry;

typedef struct ConstEntry {
    Object *obj;                /* key; NULL = empty slot */
    TypeObject *type;           /* type and value when registered: a later object at */
    uint64_t fp;                /*   the same address is only taken for the constant */
    long unit;                  /*   if both still match */
    int several;                /* a constant of more than one unit (interned) */
} ConstEntry;

static struct {
    FILE *out;
    char outbuf[1 << 16];
    CodeEntry *codes;
    size_t ncodes, capcodes;
    ConstEntry *consts;         /* open addressing, capacity a power of two */
    size_t nconsts, capconsts;
    long *linemap;              /* REPL: input line -> file line (1-based index) */
    long nlinemap;
    long nevents;
} Rec;

static size_t
ptr_hash(const void *p)
{
    uintptr_t x = (uintptr_t)p;
    x ^= x >> 17;
    x *= (uintptr_t)0x9E3779B97F4A7C15u;
    return (size_t)(x ^ (x >> 29));
}

static CodeEntry *
find_code(CodeObject *co)
{
    for (size_t i = Rec.ncodes; i-- > 0;)
        if (Rec.codes[i].code == co)
            return &Rec.codes[i];
    return NULL;
}

/* A fingerprint of an immutable value (FNV-1a over what it is made of). */
static uint64_t
fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 0x100000001B3u;
    return h;
}

static uint64_t
value_fp(Object *o)
{
    uint64_t h = 0xCBF29CE484222325u;
    TypeObject *t = TYPE(o);
    if (t == &int_type) {
        ssize_t n = SIZE(o) < 0 ? -SIZE(o) : SIZE(o);
        ssize_t sz = SIZE(o);
        h = fnv(h, &sz, sizeof sz);
        return fnv(h, ((IntObject *)o)->digits, (size_t)n * sizeof(digit));
    }
    if (t == &float_type)
        return fnv(h, &FLOAT_VAL(o), sizeof(double));
    if (t == &str_type) {
        ssize_t n = STR_LEN(o);
        h = fnv(h, &n, sizeof n);
        return fnv(h, STR_DATA(o), (size_t)n * STR_KIND(o));
    }
    if (t == &bytes_type)
        return fnv(h, BYTES_DATA(o), (size_t)BYTES_LEN(o));
    if (t == &tuple_type)
        return fnv(h, TUPLE_ITEMS(o), (size_t)TUPLE_LEN(o) * sizeof(Object *));
    if (t == &complex_type)
        return fnv(h, (char *)o + sizeof(Object), 2 * sizeof(double));
    return h;
}

static ConstEntry *
const_slot(Object *o)
{
    size_t mask = Rec.capconsts - 1;
    for (size_t i = ptr_hash(o) & mask;; i = (i + 1) & mask)
        if (Rec.consts[i].obj == o || Rec.consts[i].obj == NULL)
            return &Rec.consts[i];
}

static void
register_const(Object *o, long unit)
{
    if (o == None || o == True_ || o == False_ || o == &ellipsis_obj)
        return;
    if ((Rec.nconsts + 1) * 2 > Rec.capconsts) {
        size_t oldcap = Rec.capconsts;
        ConstEntry *old = Rec.consts;
        Rec.capconsts = oldcap ? oldcap * 2 : 1024;
        Rec.consts = calloc(Rec.capconsts, sizeof *Rec.consts);
        if (!Rec.consts) {
            Rec.consts = old;
            Rec.capconsts = oldcap;
            return;
        }
        for (size_t i = 0; i < oldcap; i++)
            if (old[i].obj)
                *const_slot(old[i].obj) = old[i];
        free(old);
    }
    ConstEntry *e = const_slot(o);
    uint64_t fp = value_fp(o);
    if (e->obj && e->type == TYPE(o) && e->fp == fp) {
        if (e->unit != unit)
            e->several = 1;
    } else {
        if (!e->obj)
            Rec.nconsts++;
        *e = (ConstEntry){o, TYPE(o), fp, unit, 0};
    }
    if (TYPE(o) == &tuple_type)
        for (ssize_t i = 0; i < TUPLE_LEN(o); i++)
            register_const(TUPLE_GET(o, i), unit);
    else if (TYPE(o) == &frozenset_type) {
        ssize_t pos = 0;
        Object *k;
        hash_t h;
        while (set_next(o, &pos, &k, &h))
            register_const(k, unit);
    }
}

static void
register_code(CodeObject *co, long first, long unit, int nested)
{
    if (Rec.ncodes == Rec.capcodes) {
        size_t cap = Rec.capcodes ? Rec.capcodes * 2 : 64;
        CodeEntry *nc = realloc(Rec.codes, cap * sizeof *nc);
        if (!nc)
            return;
        Rec.codes = nc;
        Rec.capcodes = cap;
    }
    Rec.codes[Rec.ncodes++] = (CodeEntry){co, first, unit};
    /* a function's names and constants tuples are constants of the unit too (merged when
    ** equal); a module's die with the statement (their addresses come back) */
    if (nested) {
        register_const(co->names, unit);
        register_const(co->consts, unit);
    }
    for (ssize_t i = 0; i < TUPLE_LEN(co->consts); i++) {
        Object *c = TUPLE_GET(co->consts, i);
        if (TYPE(c) == &code_type)
            register_code((CodeObject *)c, first, unit, 1);
        else
            register_const(c, unit);
    }
}

static long
file_line(const CodeEntry *ce, long line)
{
    if (line <= 0)
        return -1;
    if (!Rec.linemap)
        return line;
    long in = ce->first + line - 1;
    return in >= 1 && in <= Rec.nlinemap ? Rec.linemap[in] : -1;
}

/* The unit (file line) 'o' is a constant of, -1 if none; *several when shared. */
static long
const_unit(Object *o, int *several)
{
    *several = 0;
    if (!Rec.capconsts)
        return -1;
    ConstEntry *e = const_slot(o);
    if (!e->obj || e->type != TYPE(o) || e->fp != value_fp(o))
        return -1;
    *several = e->several;
    return e->unit;
}

/* ---- short reprs written straight into the event line: no Python object is made */

static void
put_cp(FILE *f, uint32_t c, char quote)
{
    if (c == (uint32_t)quote || c == '\\')
        fprintf(f, "\\%c", (int)c);
    else if (c == '\n')
        fputs("\\n", f);
    else if (c == '\t')
        fputs("\\t", f);
    else if (c == '\r')
        fputs("\\r", f);
    else if (c < 0x20 || c == 0x7F)
        fprintf(f, "\\x%02x", c);
    else if (c < 0x80)
        fputc((int)c, f);
    else if (c < 0x800)
        fprintf(f, "%c%c", 0xC0 | (c >> 6), 0x80 | (c & 0x3F));
    else if (c < 0x10000)
        fprintf(f, "%c%c%c", 0xE0 | (c >> 12), 0x80 | ((c >> 6) & 0x3F), 0x80 | (c & 0x3F));
    else
        fprintf(f, "%c%c%c%c", 0xF0 | (c >> 18), 0x80 | ((c >> 12) & 0x3F),
                0x80 | ((c >> 6) & 0x3F), 0x80 | (c & 0x3F));
}

static void
put_float(FILE *f, double v)
{
    char buf[64];
    if (v != v) {
        fputs("nan", f);
        return;
    }
    if (v == 1.0 / 0.0 || v == -1.0 / 0.0) {
        fputs(v > 0 ? "inf" : "-inf", f);
        return;
    }
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    fputs(buf, f);
    if (!strpbrk(buf, ".e"))
        fputs(".0", f);
}

/* A big int in decimal (up to 90 digits), by long division of a copy of its digits. */
static void
put_bigint(FILE *f, Object *o)
{
    ssize_t n = SIZE(o) < 0 ? -SIZE(o) : SIZE(o);
    uint32_t *d = n <= 10 ? malloc(sizeof *d * (size_t)n) : NULL;
    if (!d) {
        fprintf(f, "<%zu-bit int>", int_bit_length(o));
        return;
    }
    memcpy(d, ((IntObject *)o)->digits, sizeof *d * (size_t)n);
    uint32_t chunks[12];
    int nc = 0;
    while (n > 0) {
        uint64_t rem = 0;
        for (ssize_t i = n - 1; i >= 0; i--) {
            uint64_t cur = (rem << INT_SHIFT) | d[i];
            d[i] = (uint32_t)(cur / 1000000000u);
            rem = cur % 1000000000u;
        }
        chunks[nc++] = (uint32_t)rem;
        while (n > 0 && d[n - 1] == 0)
            n--;
    }
    free(d);
    fputs(SIZE(o) < 0 ? "-" : "", f);
    fprintf(f, "%u", chunks[nc - 1]);
    for (int i = nc - 2; i >= 0; i--)
        fprintf(f, "%09u", chunks[i]);
}

static void
put_repr(FILE *f, Object *o, int depth)
{
    TypeObject *t = TYPE(o);
    if (o == None)
        fputs("None", f);
    else if (o == True_ || o == False_)
        fputs(o == True_ ? "True" : "False", f);
    else if (o == &ellipsis_obj)
        fputs("Ellipsis", f);
    else if (t == &int_type) {
        int overflow = 0;
        long v = int_as_long_and_overflow(o, &overflow);
        if (overflow)
            put_bigint(f, o);
        else
            fprintf(f, "%ld", v);
    } else if (t == &float_type) {
        put_float(f, FLOAT_VAL(o));
    } else if (t == &complex_type) {
        double *d = (double *)((char *)o + sizeof(Object));
        fputc('(', f);
        put_float(f, d[0]);
        fputs(d[1] < 0 ? "-" : "+", f);
        put_float(f, d[1] < 0 ? -d[1] : d[1]);
        fputs("j)", f);
    } else if (t == &str_type) {
        ssize_t n = STR_LEN(o), shown = n > REPR_MAX ? REPR_MAX - 8 : n;
        fputc('\'', f);
        for (ssize_t i = 0; i < shown; i++)
            put_cp(f, STR_GET(o, i), '\'');
        fputc('\'', f);
        if (shown < n)
            fprintf(f, "... (%zd chars)", n);
    } else if (t == &bytes_type) {
        ssize_t n = BYTES_LEN(o), shown = n > REPR_MAX ? REPR_MAX - 8 : n;
        fputs("b'", f);
        for (ssize_t i = 0; i < shown; i++) {
            unsigned char c = (unsigned char)BYTES_DATA(o)[i];
            if (c >= 0x80)
                fprintf(f, "\\x%02x", c);
            else
                put_cp(f, c, '\'');
        }
        fputc('\'', f);
        if (shown < n)
            fprintf(f, "... (%zd bytes)", n);
    } else if (t == &tuple_type && depth < 2) {
        ssize_t n = TUPLE_LEN(o);
        fputc('(', f);
        for (ssize_t i = 0; i < n && i < 4; i++) {
            if (i)
                fputs(", ", f);
            put_repr(f, TUPLE_GET(o, i), depth + 1);
        }
        fputs(n > 4 ? ", ...)" : n == 1 ? ",)" : ")", f);
    } else {
        fprintf(f, "<%s object>", t->name);
    }
}

/* Provenance letters: k constant, c cached small int, i interned str, s singleton. */
static void
put_desc(FILE *f, Object *o)
{
    int several;
    long unit = const_unit(o, &several);
    fprintf(f, "%s\x1f", TYPE(o)->name);
    if (unit >= 0)
        fputc(several ? 'K' : 'k', f);
    if (TYPE(o) == &int_type) {
        int overflow = 0;
        long v = int_as_long_and_overflow(o, &overflow);
        if (!overflow && v >= -5 && v <= 256)
            fputc('c', f);
    }
    if (TYPE(o) == &str_type && ((StrObject *)o)->state.interned)
        fputc('i', f);
    if (o == None || o == True_ || o == False_ || o == &ellipsis_obj ||
        (TYPE(o) == &tuple_type && TUPLE_LEN(o) == 0) ||
        (TYPE(o) == &str_type && STR_LEN(o) <= 1) ||
        (TYPE(o) == &bytes_type && BYTES_LEN(o) <= 1))
        fputc('s', f);
    fprintf(f, "\x1f%ld\x1f", unit);
    put_repr(f, o, 0);
}

static void
record(int kind, Object *a, Object *b)
{
    if (++Rec.nevents > MAX_EVENTS) {
        if (Rec.nevents == MAX_EVENTS + 1)
            fprintf(Rec.out, "M\t%d\n", MAX_EVENTS);
        return;
    }
    Frame *fr = rt.frame;
    CodeEntry *ce = NULL;
    for (; fr; fr = fr->previous)
        if ((ce = find_code(fr->code)) != NULL)
            break;
    if (!ce)
        return;
    const CodeLoc *loc = code_loc(fr->code, frame_lasti(fr));
    long line = file_line(ce, loc ? loc->lineno : -1);
    long end = file_line(ce, loc ? loc->end_lineno : -1);
    if (line < 0)
        return;
    int col = loc->col, endcol = end == line ? loc->end_col : -1;
    FILE *f = Rec.out;
    if (kind == COMPARE_ID) {
        fprintf(f, "D\t%lu\t%ld\t%d\t%d\t", (unsigned long)(uintptr_t)a, line, col, endcol);
        put_desc(f, a);
    } else {
        fprintf(f, "I\t%d\t%d\t%ld\t%d\t%d\t", kind, a == b, line, col, endcol);
        put_desc(f, a);
        fputc('\t', f);
        put_desc(f, b);
    }
    fputc('\n', f);
}

/* Where an uncaught exception stopped the script: its type and the file line. */
static void
record_exception(Object *exc)
{
    long line = -1;
    for (TracebackObject *tb = (TracebackObject *)EXC(exc)->traceback;
         tb && (Object *)tb != None; tb = tb->tb_next) {
        CodeEntry *ce = tb->tb_frame && tb->tb_frame->f_frame
                            ? find_code(tb->tb_frame->f_frame->code) : NULL;
        if (ce)
            line = file_line(ce, tb->tb_lineno);
    }
    fprintf(Rec.out, "X\t%ld\t%s\n", line, TYPE(exc)->name);
}

static void
recorder_start(int fd)
{
    Rec.out = fdopen(fd, "w");
    if (!Rec.out)
        _exit(1);
    setvbuf(Rec.out, Rec.outbuf, _IOFBF, sizeof Rec.outbuf);
    compare_ident_hook = record;
}

static void
child_quiet(void)
{
    int null = open("/dev/null", O_RDWR);
    if (null >= 0) {
        dup2(null, 1);
        dup2(null, 2);
        if (null > 2)
            close(null);
    }
    alarm(RUN_SECONDS);
}

/* ================================================================ the three children */

static void
script_child(const char *src, size_t len, const char *path, Object *g, int fd)
{
    int in = open("/dev/null", O_RDONLY);
    if (in >= 0 && in != 0) {
        dup2(in, 0);
        close(in);
    }
    child_quiet();
    recorder_start(fd);
    /* as main.c's run_source: the AST stays alive while the module runs */
    Arena *arena = NULL;
    Object *code = compile_source(src, len, path, PARSE_FILE, &arena);
    Object *r = NULL;
    if (code) {
        register_code((CodeObject *)code, 0, 0, 0);
        r = vm_run_module_code(code, g);
    }
    compare_ident_hook = NULL;
    if (!r) {
        Object *exc = err_fetch();
        if (exc && !obj_type_check(exc, exc_SystemExit))
            record_exception(exc);
        xdecref(exc);
    }
    fflush(Rec.out);
    _exit(0);
}

static void
repl_unit(Object *code, long first)
{
    long unit = first >= 1 && first <= Rec.nlinemap ? Rec.linemap[first] : -1;
    register_code((CodeObject *)code, first, unit, 0);
}

static void
repl_child(const char *text, size_t tlen, long *linemap, long nlines, Object *g, int fd)
{
    FILE *t = tmpfile();
    if (!t || fwrite(text, 1, tlen, t) != tlen || fflush(t) != 0 ||
        lseek(fileno(t), 0, SEEK_SET) != 0 || dup2(fileno(t), 0) < 0)
        _exit(1);
    child_quiet();
    Rec.linemap = linemap;
    Rec.nlinemap = nlines;
    /* `pyheap -i -q < text` has no __file__ */
    static const char *drop[2] = {"__file__", "__cached__"};
    for (int i = 0; i < 2; i++) {
        Object *k = str_from_cstr(drop[i]);
        if (k)
            dict_delitem_if_present(g, k);
        xdecref(k);
    }
    err_clear();
    rt.interactive = 1;
    recorder_start(fd);
    compare_unit_hook = repl_unit;
    repl_run(g, NULL);
    compare_ident_hook = NULL;
    compare_unit_hook = NULL;
    fflush(Rec.out);
    _exit(0);
}

/* Lines of the file inside a string literal that spans lines (their empty lines must stay):
** marks in[line] = 1.  A small scanner: comments, quotes, triple quotes, backslashes. */
static void
mark_string_lines(const char *s, size_t n, char *in, long nlines)
{
    long line = 1;
    size_t i = 0;
    while (i < n) {
        char c = s[i];
        if (c == '\n') {
            line++;
            i++;
        } else if (c == '#') {
            while (i < n && s[i] != '\n')
                i++;
        } else if (c == '\'' || c == '"') {
            int triple = i + 2 < n && s[i + 1] == c && s[i + 2] == c;
            i += triple ? 3 : 1;
            long start = line;
            while (i < n) {
                if (s[i] == '\\' && i + 1 < n) {
                    if (s[i + 1] == '\n')
                        line++;
                    i += 2;
                } else if (triple && s[i] == c && i + 2 < n && s[i + 1] == c && s[i + 2] == c) {
                    i += 3;
                    break;
                } else if (!triple && s[i] == c) {
                    i++;
                    break;
                } else if (s[i] == '\n') {
                    if (!triple)
                        break;
                    line++;
                    i++;
                } else {
                    i++;
                }
            }
            for (long l = start + 1; l <= line && l <= nlines; l++)
                in[l] = 1;
        } else {
            i++;
        }
    }
}

/* The first line of a top-level statement, decorators included. */
static long
stmt_first_line(Stmt *s)
{
    long first = s->lineno;
    Seq *decos = s->kind == STMT_FUNCTIONDEF || s->kind == STMT_ASYNCFUNCTIONDEF
                     ? s->v.FunctionDef.decorator_list
                 : s->kind == STMT_CLASSDEF ? s->v.ClassDef.decorator_list : NULL;
    for (int i = 0; i < SEQ_LEN(decos); i++) {
        Expr *d = SEQ_GET(decos, i);
        /* the '@' is on the line of the decorator expression */
        if (d->lineno < first)
            first = d->lineno;
    }
    return first;
}

/* Writes to fd: "ERR <message>" or the REPL text followed by "\x1e" and the map of its
** lines to file lines (one number per line). */
static void
split_child(const char *src, size_t len, const char *path, int fd)
{
    child_quiet();
    FILE *out = fdopen(fd, "w");
    if (!out)
        _exit(1);
    Arena *arena = arena_new();
    ParseResult pr = arena ? parse_source(src, len, path, PARSE_FILE, arena)
                           : (ParseResult){NULL, 0};
    if (!pr.mod) {
        Object *exc = err_fetch();
        Object *s = exc ? obj_str(exc) : NULL;
        ssize_t n;
        const char *m = s && STR_CHECK(s) ? str_as_utf8(s, &n) : NULL;
        fprintf(out, "ERR %s: %s\n", exc ? TYPE(exc)->name : "SyntaxError", m ? m : "");
        fflush(out);
        _exit(0);
    }
    /* line starts */
    long nlines = 1;
    for (size_t i = 0; i < len; i++)
        if (src[i] == '\n' && i + 1 < len)
            nlines++;
    const char **ls = malloc(sizeof *ls * (size_t)(nlines + 2));
    size_t *ll = malloc(sizeof *ll * (size_t)(nlines + 2));
    char *instr = calloc((size_t)nlines + 2, 1);
    if (!ls || !ll || !instr)
        _exit(1);
    long k = 1;
    ls[1] = src;
    for (size_t i = 0; i < len; i++)
        if (src[i] == '\n' && i + 1 < len)
            ls[++k] = src + i + 1;
    for (long l = 1; l <= nlines; l++) {
        const char *e = memchr(ls[l], '\n', (size_t)(src + len - ls[l]));
        ll[l] = (size_t)((e ? e : src + len) - ls[l]);
        if (ll[l] && ls[l][ll[l] - 1] == '\r')
            ll[l]--;
    }
    mark_string_lines(src, len, instr, nlines);
    Seq *body = pr.mod->body;
    long *map = NULL, nmap = 0, capmap = 0;
    int n = SEQ_LEN(body);
    for (int i = 0; i < n;) {
        Stmt *s = SEQ_GET(body, i);
        long first = stmt_first_line(s), last = s->end_lineno;
        int j = i + 1;
        while (j < n && stmt_first_line(SEQ_GET(body, j)) <= last) {
            Stmt *t = SEQ_GET(body, j);
            if (t->end_lineno > last)
                last = t->end_lineno;
            j++;
        }
        for (long l = first; l <= last + 1; l++) {
            int blank = l > last;       /* the empty line that ends the unit */
            if (!blank && ll[l] == 0 && !instr[l])
                continue;
            if (nmap + 2 > capmap) {
                capmap = capmap ? capmap * 2 : 256;
                map = realloc(map, sizeof *map * (size_t)capmap);
                if (!map)
                    _exit(1);
            }
            map[++nmap] = blank ? 0 : l;
            if (!blank)
                fwrite(ls[l], 1, ll[l], out);
            fputc('\n', out);
        }
        i = j;
    }
    fputc('\x1e', out);
    for (long l = 1; l <= nmap; l++)
        fprintf(out, "%ld\n", map[l]);
    fflush(out);
    _exit(0);
}

/* ================================================================ the parent */

typedef struct Desc {
    char type[32];
    char flags[8];
    long unit;
    char repr[160];
} Desc;

typedef struct Event {
    char kind;                  /* 'I' is, 'D' id() */
    int is_not, same;
    unsigned long id;
    long line;
    int col, endcol;
    int occ;                    /* n-th execution of this position */
    Desc a, b;
    long seq;                   /* order in the run */
    long same_as;               /* D: index of the first event with this id, or -1 */
} Event;

typedef struct Run {
    Event *ev;
    size_t n, cap;
    long exc_line;              /* script stopped by an exception: where, and what */
    char exc[64];
    int status;                 /* 0 ran, 1 timed out, 2 crashed */
    int capped;                 /* MAX_EVENTS reached: later results not recorded */
} Run;

/* Run fn in a child writing to a pipe; returns what it wrote (malloc'd), *status. */
typedef struct ChildArgs {
    int which;                  /* 0 split, 1 script, 2 repl */
    const char *src;
    size_t len;
    const char *path;
    Object *g;
    const char *text;
    size_t tlen;
    long *map;
    long nmap;
} ChildArgs;

static char *
run_child(ChildArgs *ca, size_t *outlen, int *status)
{
    int p[2];
    if (pipe(p) < 0)
        return NULL;
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        close(p[0]);
        close(p[1]);
        return NULL;
    }
    if (pid == 0) {
        close(p[0]);
        if (ca->which == 0)
            split_child(ca->src, ca->len, ca->path, p[1]);
        else if (ca->which == 1)
            script_child(ca->src, ca->len, ca->path, ca->g, p[1]);
        else
            repl_child(ca->text, ca->tlen, ca->map, ca->nmap, ca->g, p[1]);
        _exit(1);
    }
    close(p[1]);
    size_t n = 0, cap = 1 << 16;
    char *buf = malloc(cap + 1);
    for (;;) {
        if (!buf)
            break;
        if (n == cap) {
            char *nb = realloc(buf, cap * 2 + 1);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        ssize_t r = read(p[0], buf + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        n += (size_t)r;
    }
    close(p[0]);
    int ws = 0;
    while (waitpid(pid, &ws, 0) < 0 && errno == EINTR)
        ;
    *status = WIFEXITED(ws) && WEXITSTATUS(ws) == 0 ? 0
              : WIFSIGNALED(ws) && WTERMSIG(ws) == SIGALRM ? 1 : 2;
    if (buf)
        buf[n] = 0;
    *outlen = n;
    return buf;
}

static void
parse_desc(char *s, Desc *d)
{
    memset(d, 0, sizeof *d);
    d->unit = -1;
    char *f[4] = {s, NULL, NULL, NULL};
    for (int i = 1; i < 4 && f[i - 1]; i++) {
        char *sep = strchr(f[i - 1], '\x1f');
        if (sep) {
            *sep = 0;
            f[i] = sep + 1;
        }
    }
    snprintf(d->type, sizeof d->type, "%s", f[0]);
    if (f[1])
        snprintf(d->flags, sizeof d->flags, "%s", f[1]);
    if (f[2])
        d->unit = strtol(f[2], NULL, 10);
    if (f[3])
        snprintf(d->repr, sizeof d->repr, "%s", f[3]);
}

static int
parse_events(char *buf, Run *run)
{
    memset(run, 0, sizeof *run);
    run->exc_line = -2;
    if (!buf)
        return -1;
    for (char *line = buf; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = 0;
        char *fld[10];
        int nf = 0;
        for (char *p = line; p && nf < 10;) {
            fld[nf++] = p;
            char *t = strchr(p, '\t');
            if (t)
                *t = 0;
            p = t ? t + 1 : NULL;
        }
        if (line[0] == 'M')
            run->capped = 1;
        else if (line[0] == 'X' && nf >= 3) {
            run->exc_line = strtol(fld[1], NULL, 10);
            snprintf(run->exc, sizeof run->exc, "%s", fld[2]);
        } else if ((line[0] == 'I' && nf >= 8) || (line[0] == 'D' && nf >= 6)) {
            if (run->n == run->cap) {
                run->cap = run->cap ? run->cap * 2 : 256;
                Event *ne = realloc(run->ev, run->cap * sizeof *ne);
                if (!ne)
                    return -1;
                run->ev = ne;
            }
            Event *e = &run->ev[run->n];
            memset(e, 0, sizeof *e);
            e->kind = line[0];
            e->seq = (long)run->n;
            e->same_as = -1;
            if (e->kind == 'I') {
                e->is_not = atoi(fld[1]);
                e->same = atoi(fld[2]);
                e->line = strtol(fld[3], NULL, 10);
                e->col = atoi(fld[4]);
                e->endcol = atoi(fld[5]);
                parse_desc(fld[6], &e->a);
                parse_desc(fld[7], &e->b);
            } else {
                e->id = strtoul(fld[1], NULL, 10);
                e->line = strtol(fld[2], NULL, 10);
                e->col = atoi(fld[3]);
                e->endcol = atoi(fld[4]);
                parse_desc(fld[5], &e->a);
            }
            run->n++;
        }
        line = nl ? nl + 1 : NULL;
    }
    return 0;
}

static int
pos_cmp(const Event *a, const Event *b)
{
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    if (a->endcol != b->endcol)
        return a->endcol < b->endcol ? -1 : 1;
    return 0;
}

static int
event_cmp(const void *x, const void *y)
{
    const Event *a = x, *b = y;
    int c = pos_cmp(a, b);
    if (c)
        return c;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Number the executions of each position, and find for each id() the first id() call of
** the run that returned the same number. */
static void
index_run(Run *run)
{
    /* first event per id value: open addressing on the id */
    size_t cap = 64;
    while (cap < run->n * 2)
        cap *= 2;
    long *first = malloc(sizeof *first * cap);
    if (!first)
        return;
    for (size_t i = 0; i < cap; i++)
        first[i] = -1;
    for (size_t i = 0; i < run->n; i++) {
        Event *e = &run->ev[i];
        if (e->kind != 'D')
            continue;
        size_t h = ptr_hash((void *)(uintptr_t)e->id) & (cap - 1);
        while (first[h] >= 0 && run->ev[first[h]].id != e->id)
            h = (h + 1) & (cap - 1);
        if (first[h] >= 0)
            e->same_as = first[h];
        else
            first[h] = (long)i;
    }
    free(first);
    /* stable: sort a copy of positions, count occurrences, write back by seq */
    Event *tmp = malloc(sizeof *tmp * (run->n ? run->n : 1));
    if (!tmp)
        return;
    memcpy(tmp, run->ev, sizeof *tmp * run->n);
    qsort(tmp, run->n, sizeof *tmp, event_cmp);
    for (size_t i = 0; i < run->n; i++) {
        tmp[i].occ = i && pos_cmp(&tmp[i - 1], &tmp[i]) == 0 ? tmp[i - 1].occ + 1 : 0;
        run->ev[tmp[i].seq].occ = tmp[i].occ;
    }
    free(tmp);
}

/* ---- the report */

typedef struct Source {
    const char *text;
    size_t len;
    const char **ls;
    size_t *ll;
    long nlines;
} Source;

static void
source_lines(Source *s, const char *text, size_t len)
{
    s->text = text;
    s->len = len;
    s->nlines = 1;
    for (size_t i = 0; i + 1 < len; i++)
        if (text[i] == '\n')
            s->nlines++;
    s->ls = malloc(sizeof *s->ls * (size_t)(s->nlines + 2));
    s->ll = malloc(sizeof *s->ll * (size_t)(s->nlines + 2));
    if (!s->ls || !s->ll) {
        s->nlines = 0;
        return;
    }
    long k = 1;
    s->ls[1] = text;
    for (size_t i = 0; i + 1 < len; i++)
        if (text[i] == '\n')
            s->ls[++k] = text + i + 1;
    for (long l = 1; l <= s->nlines; l++) {
        const char *e = memchr(s->ls[l], '\n', (size_t)(text + len - s->ls[l]));
        s->ll[l] = (size_t)((e ? e : text + len) - s->ls[l]);
        if (s->ll[l] && s->ls[l][s->ll[l] - 1] == '\r')
            s->ll[l]--;
    }
}

/* The source text of an event's expression (its columns on its line). */
static void
snippet(const Source *s, const Event *e, char *out, size_t cap)
{
    out[0] = 0;
    if (e->line < 1 || e->line > s->nlines)
        return;
    const char *l = s->ls[e->line];
    size_t n = s->ll[e->line];
    size_t a = e->col >= 0 && (size_t)e->col <= n ? (size_t)e->col : 0;
    int whole = e->endcol >= 0 && (size_t)e->endcol <= n && (size_t)e->endcol > a;
    size_t b = whole ? (size_t)e->endcol : n;
    snprintf(out, cap, "%.*s%s", (int)(b - a), l + a, whole ? "" : " ...");
}

static void
print_line(const Source *s, const char *name, long line)
{
    if (line < 1 || line > s->nlines) {
        printf("%s:%ld:\n", name, line);
        return;
    }
    const char *l = s->ls[line];
    size_t n = s->ll[line];
    while (n && (*l == ' ' || *l == '\t'))
        l++, n--;
    printf("%s:%ld: %.*s\n", name, line, (int)n, l);
}

static int
has(const Desc *d, char flag)
{
    return strchr(d->flags, flag) != NULL;
}

static int
is_const(const Desc *d)
{
    return has(d, 'k') || has(d, 'K');
}

/* Why equal values are not one object otherwise: the cache / interning rule that does
** not apply to this one. */
static const char *
type_note(const Desc *d)
{
    if (strcmp(d->type, "int") == 0)
        return " Ints outside -5..256 are not cached.";
    if (strcmp(d->type, "float") == 0)
        return " Floats are never cached.";
    if (strcmp(d->type, "str") == 0 && !has(d, 'i'))
        return " Only identifier-like strings are interned.";
    return "";
}

static void
wrap(const char *indent, const char *text)
{
    size_t width = 90 - strlen(indent), col = 0;
    const char *p = text;
    fputs(indent, stdout);
    while (*p) {
        const char *w = p;
        while (*w && *w != ' ')
            w++;
        size_t n = (size_t)(w - p);
        if (col && col + 1 + n > width) {
            fputc('\n', stdout);
            fputs(indent, stdout);
            col = 0;
        } else if (col) {
            fputc(' ', stdout);
            col++;
        }
        fwrite(p, 1, n, stdout);
        col += n;
        p = *w ? w + 1 : w;
    }
    fputc('\n', stdout);
}

/* "the script" / "the REPL" and where its constants came from */
static void
units_text(const Desc *a, const Desc *b, char *out, size_t cap)
{
    if (a->unit > 0 && b->unit > 0 && a->unit != b->unit)
        snprintf(out, cap, "lines %ld and %ld", a->unit < b->unit ? a->unit : b->unit,
                 a->unit < b->unit ? b->unit : a->unit);
    else if (a->unit > 0)
        snprintf(out, cap, "line %ld", a->unit);
    else
        snprintf(out, cap, "the statements");
}

/* An `is` result that differs: in run y (named ny) the operands are one object, in run
** n (nn) two.  The rule is chosen from the recorded provenance of the operands. */
static void
explain_is(const Event *y, const Event *n, const char *ny, const char *nn)
{
    char buf[1000], units[64];
    const Desc *a = &y->a;
    if (is_const(&y->a) && is_const(&y->b) && y->a.unit == y->b.unit &&
        (!is_const(&n->a) || !is_const(&n->b) || n->a.unit != n->b.unit)) {
        units_text(&n->a, &n->b, units, sizeof units);
        if (strcmp(ny, "script") == 0)
            snprintf(buf, sizeof buf,
                     "constant sharing: in the script (one compilation unit) both sides are "
                     "the same constant %s; the REPL compiles %s separately, each making "
                     "its own %s.%s", a->repr, units, a->repr, type_note(a));
        else
            snprintf(buf, sizeof buf,
                     "constant sharing: in the REPL both sides are the constant %s of one "
                     "statement (one compilation unit); in the script they are not the "
                     "same constant.%s", a->repr, type_note(a));
    } else if (has(&y->a, 'i') && !(has(&n->a, 'i') && has(&n->b, 'i'))) {
        snprintf(buf, sizeof buf,
                 "compile-time interning: in the %s both sides are the interned string %s; "
                 "in the %s one of them was built at run time and is not interned.",
                 ny, a->repr, nn);
    } else {
        snprintf(buf, sizeof buf,
                 "free-list reuse / object lifetime: no shared constant or cache is involved; "
                 "the %s happened to give both sides one object, the %s two. The REPL "
                 "allocates between statements (compiling each one, keeping the last echoed "
                 "value in _), so objects live and are reused differently.", ny, nn);
    }
    wrap("  ", buf);
}

static void
explain_id(const Run *rs, const Run *rr, const Event *es, const Event *er)
{
    int in_script = es->same_as >= 0;
    const Run *ry = in_script ? rs : rr;
    const Event *ey = in_script ? es : er, *en = in_script ? er : es;
    const char *ny = in_script ? "script" : "REPL", *nn = in_script ? "REPL" : "script";
    const Event *first = &ry->ev[ey->same_as];
    char buf[1000], units[64];
    if (is_const(&ey->a) && is_const(&first->a) && ey->a.unit == first->a.unit &&
        strcmp(ey->a.repr, first->a.repr) == 0 && strcmp(ey->a.type, first->a.type) == 0) {
        units_text(&first->a, &en->a, units, sizeof units);
        snprintf(buf, sizeof buf,
                 "constant sharing: in the %s both calls get the same object, the constant "
                 "%s of one compilation unit; the %s compiled %s separately, each with its "
                 "own %s.%s", ny, ey->a.repr, nn, units, ey->a.repr, type_note(&ey->a));
    } else if (in_script) {
        snprintf(buf, sizeof buf,
                 "free-list reuse: in the script the object passed to id() on line %ld was "
                 "already freed and this %s was allocated in its memory block; in the REPL "
                 "other allocations came in between (compiling each statement, the echoed "
                 "value kept in _), so it got another address.", first->line, ey->a.type);
    } else {
        snprintf(buf, sizeof buf,
                 "free-list reuse: in the REPL the object passed to id() on line %ld was "
                 "already freed and this %s was allocated in its memory block; in the "
                 "script that block was still in use or taken by something else.",
                 first->line, ey->a.type);
    }
    wrap("  ", buf);
}

static const char *
id_fact(const Run *r, const Event *e, const Source *src, char *out, size_t cap)
{
    if (e->same_as < 0) {
        snprintf(out, cap, "a new id");
        return out;
    }
    const Event *f = &r->ev[e->same_as];
    char sn[120];
    snippet(src, f, sn, sizeof sn);
    snprintf(out, cap, "same id as %s (line %ld)", sn, f->line);
    return out;
}

typedef struct Diff {
    const Event *s, *r;
    int count, total;           /* differing executions of the position, all executions */
} Diff;

static int
diff_cmp(const void *x, const void *y)
{
    const Event *a = ((const Diff *)x)->s, *b = ((const Diff *)y)->s;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    return a->kind < b->kind ? -1 : a->kind > b->kind;
}

static int
compare_and_report(const char *name, const Source *src, Run *rs, Run *rr)
{
    index_run(rs);
    index_run(rr);
    /* pair by (position, occurrence): sort index arrays */
    Event *S = malloc(sizeof *S * (rs->n ? rs->n : 1)), *Rr = malloc(sizeof *Rr * (rr->n ? rr->n : 1));
    Diff *diffs = malloc(sizeof *diffs * (rs->n + 1));
    if (!S || !Rr || !diffs)
        return 1;
    memcpy(S, rs->ev, sizeof *S * rs->n);
    memcpy(Rr, rr->ev, sizeof *Rr * rr->n);
    qsort(S, rs->n, sizeof *S, event_cmp);
    qsort(Rr, rr->n, sizeof *Rr, event_cmp);
    size_t i = 0, j = 0, ndiff = 0, nis = 0, nid = 0, unpaired = 0;
    while (i < rs->n || j < rr->n) {
        int c = i >= rs->n ? 1 : j >= rr->n ? -1 : pos_cmp(&S[i], &Rr[j]);
        if (c == 0 && S[i].occ != Rr[j].occ)
            c = S[i].occ < Rr[j].occ ? -1 : 1;
        if (c < 0) {
            unpaired++;
            i++;
            continue;
        }
        if (c > 0) {
            unpaired++;
            j++;
            continue;
        }
        Event *es = &rs->ev[S[i].seq], *er = &rr->ev[Rr[j].seq];
        int differs;
        if (es->kind == 'I') {
            nis++;
            differs = es->same != er->same;
        } else {
            nid++;
            if (es->same_as < 0 || er->same_as < 0)
                differs = (es->same_as < 0) != (er->same_as < 0);
            else {
                const Event *fs = &rs->ev[es->same_as], *fr = &rr->ev[er->same_as];
                differs = pos_cmp(fs, fr) != 0 || fs->occ != fr->occ;
            }
        }
        Diff *last = ndiff ? &diffs[ndiff - 1] : NULL;
        if (last && pos_cmp(last->s, es) == 0) {
            last->total++;
            if (differs)
                last->count++;
            if (differs && last->count == 1) {
                last->s = es;
                last->r = er;
            }
        } else {
            diffs[ndiff++] = (Diff){es, er, differs, 1};
        }
        i++;
        j++;
    }
    size_t nd = 0;
    for (size_t k = 0; k < ndiff; k++)
        if (diffs[k].count)
            nd++;
    printf("compare-modes %s: %zu `is` and %zu id() results compared, %zu differ%s between "
           "script and REPL\n", name, nis, nid, nd, nd == 1 ? "s" : "");
    if (rs->exc_line != -2)
        printf("note: the script stopped at line %ld with %s; the REPL went on after it\n",
               rs->exc_line, rs->exc);
    if (rs->capped || rr->capped)
        printf("note: only the first %d results of each run were recorded\n", MAX_EVENTS);
    if (unpaired)
        printf("note: %zu result%s seen in one run only (code that ran in one mode)\n",
               unpaired, unpaired == 1 ? " was" : "s were");
    /* in source order */
    qsort(diffs, ndiff, sizeof *diffs, diff_cmp);
    long lastline = -1;
    for (size_t k = 0; k < ndiff; k++) {
        Diff *d = &diffs[k];
        if (!d->count)
            continue;
        const Event *es = d->s, *er = d->r;
        char sn[200];
        snippet(src, es, sn, sizeof sn);
        if (es->line != lastline) {
            printf("\n");
            print_line(src, name, es->line);
            lastline = es->line;
        }
        char times[64] = "";
        if (d->total > 1)
            snprintf(times, sizeof times, " (%d of %d executions)", d->count, d->total);
        if (es->kind == 'I') {
            int rS = es->same ^ es->is_not, rR = er->same ^ er->is_not;
            printf("  %s  ->  script: %s, REPL: %s%s\n", sn, rS ? "True" : "False",
                   rR ? "True" : "False", times);
            if (es->same)
                explain_is(es, er, "script", "REPL");
            else
                explain_is(er, es, "REPL", "script");
        } else {
            char f1[240], f2[240];
            printf("  %s  ->  script: %s; REPL: %s%s\n", sn, id_fact(rs, es, src, f1, sizeof f1),
                   id_fact(rr, er, src, f2, sizeof f2), times);
            explain_id(rs, rr, es, er);
        }
    }
    if (!nd)
        printf("every `is` and id() result is the same in both modes\n");
    free(S);
    free(Rr);
    free(diffs);
    return 0;
}

int
compare_modes_main(const char *path, Object *g)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", rt.progname, path, errno,
                strerror(errno));
        return 2;
    }
    size_t len = 0, cap = 1 << 14;
    char *src = malloc(cap);
    for (size_t r; src && (r = fread(src + len, 1, cap - len, f)) > 0;) {
        len += r;
        if (len == cap) {
            char *ns = realloc(src, cap *= 2);
            if (!ns) {
                free(src);
                src = NULL;
            }
            src = ns;
        }
    }
    fclose(f);
    if (!src)
        return 1;
    const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;

    /* 1. the units of the REPL run */
    ChildArgs ca = {0, src, len, path, g, NULL, 0, NULL, 0};
    size_t tlen;
    int st;
    char *text = run_child(&ca, &tlen, &st);
    if (!text || st != 0) {
        fprintf(stderr, "compare-modes: could not split %s into statements\n", name);
        return 1;
    }
    if (strncmp(text, "ERR ", 4) == 0) {
        printf("compare-modes: %s does not compile: %s", name, text + 4);
        return 1;
    }
    char *sep = memchr(text, '\x1e', tlen);
    if (!sep)
        return 1;
    *sep = 0;
    size_t replen = (size_t)(sep - text);
    long nmap = 0;
    for (char *p = sep + 1; *p; p++)
        if (*p == '\n')
            nmap++;
    long *map = malloc(sizeof *map * (size_t)(nmap + 2));
    if (!map)
        return 1;
    long k = 0;
    for (char *p = sep + 1; *p && k < nmap;) {
        map[++k] = strtol(p, &p, 10);
        if (*p == '\n')
            p++;
    }

    /* 2. both runs */
    Run rs, rr;
    ChildArgs cs = {1, src, len, path, g, NULL, 0, NULL, 0};
    size_t n1, n2;
    int st1, st2;
    char *o1 = run_child(&cs, &n1, &st1);
    ChildArgs cr = {2, src, len, path, g, text, replen, map, nmap};
    char *o2 = run_child(&cr, &n2, &st2);
    if (parse_events(o1, &rs) < 0 || parse_events(o2, &rr) < 0) {
        fprintf(stderr, "compare-modes: a run failed\n");
        return 1;
    }
    if (st1 || st2)
        printf("note: the %s run %s\n", st1 ? "script" : "REPL",
               (st1 ? st1 : st2) == 1 ? "was stopped after " "60 seconds" : "crashed");

    Source s;
    source_lines(&s, src, len);
    int rc = compare_and_report(name, &s, &rs, &rr);
    free(o1);
    free(o2);
    free(text);
    free(map);
    free(src);
    free(rs.ev);
    free(rr.ev);
    free(s.ls);
    free(s.ll);
    return rc;
}
