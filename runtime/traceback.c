/*
** traceback.c -- traceback objects and the printer of uncaught exceptions, producing
** CPython 3.11's report: the chain (__cause__ / __context__), "Traceback (most recent
** call last):", one 'File "f", line n, in name' entry per frame with its source line and,
** where 3.11 shows them, PEP 657 markers (^^^ for the failing expression, ~~^~~ for a
** binary operation, ~~~^^^ for a subscript), "[Previous line repeated N more times]"
** after three identical entries, SyntaxError's text-and-caret form, and the final
** "Type: message" line.
*/
#include "traceback.h"
#include "error.h"
#include "gc.h"
#include "heap.h"
#include "state.h"
#include "intobject.h"
#include "strobject.h"
#include "tupleobject.h"
#include "dictobject.h"
#include "exceptions.h"
#include "typeobject.h"
#include "ceval.h"
#include "suggestions.h"
#include <string.h>
#include <stdio.h>

/* ================================================================ the type */

static void
tb_dealloc(Object *o)
{
    TracebackObject *tb = (TracebackObject *)o;
    gc_untrack(o);
    int tok = trash_begin(o, tb_dealloc);
    if (tok < 0)
        return;
    xdecref(tb->tb_next);
    xdecref(tb->tb_frame);
    obj_free(o);
    trash_end(tok);
}

static int
tb_traverse(Object *o, visitproc visit, void *arg)
{
    TracebackObject *tb = (TracebackObject *)o;
    OBJ_VISIT(tb->tb_next);
    OBJ_VISIT(tb->tb_frame);
    return 0;
}

static int
tb_clear(Object *o)
{
    TracebackObject *tb = (TracebackObject *)o;
    CLEAR(tb->tb_next);
    CLEAR(tb->tb_frame);
    return 0;
}

static Object *
tb_get_next(Object *o, void *c)
{
    Object *n = (Object *)((TracebackObject *)o)->tb_next;
    return newref(n ? n : None);
}

static Object *
tb_get_frame(Object *o, void *c)
{
    Object *f = (Object *)((TracebackObject *)o)->tb_frame;
    return newref(f ? f : None);
}

static Object *
tb_get_lineno(Object *o, void *c)
{
    return int_from_long(((TracebackObject *)o)->tb_lineno);
}

static Object *
tb_get_lasti(Object *o, void *c)
{
    return int_from_long(((TracebackObject *)o)->tb_lasti * 2);
}

static const GetSetDef tb_getset[] = {
    {"tb_next", tb_get_next, NULL, NULL, NULL},
    {"tb_frame", tb_get_frame, NULL, NULL, NULL},
    {"tb_lineno", tb_get_lineno, NULL, NULL, NULL},
    {"tb_lasti", tb_get_lasti, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TypeObject traceback_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "traceback",
    .basicsize = sizeof(TracebackObject),
    .flags = TPFLAG_GC,
    .dealloc = tb_dealloc,
    .traverse = tb_traverse,
    .clear = tb_clear,
    .getattro = obj_generic_getattr,
    .getset = tb_getset,
};

Object *
tb_new_entry(Object *next, Frame *f)
{
    FrameObject *fo = frame_get_object(f);
    if (!fo)
        return NULL;
    TracebackObject *tb = (TracebackObject *)obj_alloc(&traceback_type, 0);
    if (!tb)
        return NULL;
    tb->tb_next = (TracebackObject *)xnewref(next);
    tb->tb_frame = (FrameObject *)newref(fo);
    tb->tb_lasti = frame_lasti(f);
    tb->tb_lineno = code_addr2line(f->code, tb->tb_lasti);
    gc_track((Object *)tb);
    return (Object *)tb;
}

int
tb_add_frame(Object *exc, Frame *f)
{
    Object *tb = tb_new_entry(EXC(exc)->traceback, f);
    if (!tb)
        return -1;
    Object *old = EXC(exc)->traceback;
    EXC(exc)->traceback = tb;
    xdecref(old);
    return 0;
}

/* ================================================================ source lines */

typedef struct SourceFile {
    char *name;
    char *text;
    size_t len;
    struct SourceFile *next;
} SourceFile;

static SourceFile *source_cache;

void
tb_set_source(const char *filename, const char *text, size_t len)
{
    SourceFile *s = heap_alloc(sizeof(SourceFile));
    if (!s)
        return;
    s->name = heap_alloc(strlen(filename) + 1);
    s->text = heap_alloc(len + 1);
    if (!s->name || !s->text) {
        heap_free(s->name);
        heap_free(s->text);
        heap_free(s);
        return;
    }
    strcpy(s->name, filename);
    memcpy(s->text, text, len);
    s->text[len] = 0;
    s->len = len;
    s->next = source_cache;
    source_cache = s;
}

static SourceFile *
get_source(const char *filename)
{
    for (SourceFile *s = source_cache; s; s = s->next)
        if (strcmp(s->name, filename) == 0)
            return s;
    if (filename[0] == '<')
        return NULL;
    FILE *fp = fopen(filename, "rb");
    if (!fp)
        return NULL;
    size_t cap = 4096, len = 0;
    char *text = heap_alloc(cap);
    if (!text) {
        fclose(fp);
        return NULL;
    }
    size_t n;
    while ((n = fread(text + len, 1, cap - len - 1, fp)) > 0) {
        len += n;
        if (len + 1 >= cap) {
            char *t = heap_realloc(text, cap * 2);
            if (!t) {
                heap_free(text);
                fclose(fp);
                return NULL;
            }
            text = t;
            cap *= 2;
        }
    }
    fclose(fp);
    text[len] = 0;
    tb_set_source(filename, text, len);
    heap_free(text);
    return source_cache && strcmp(source_cache->name, filename) == 0 ? source_cache : NULL;
}

/* Copy line 'lineno' (1-based) of filename into *out (heap; caller frees). */
static char *
get_line(const char *filename, int lineno, size_t *lenp)
{
    SourceFile *s = get_source(filename);
    if (!s || lineno < 1)
        return NULL;
    const char *p = s->text, *end = s->text + s->len;
    /* skip a UTF-8 BOM */
    if (s->len >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB &&
        (unsigned char)p[2] == 0xBF)
        p += 3;
    for (int l = 1; l < lineno; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return NULL;
        p = nl + 1;
    }
    if (p >= end && lineno > 1)
        return NULL;
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
    char *r = heap_alloc(len + 1);
    if (!r)
        return NULL;
    memcpy(r, p, len);
    r[len] = 0;
    /* rstrip (CR, spaces, tabs) */
    while (len && (r[len - 1] == '\r' || r[len - 1] == ' ' || r[len - 1] == '\t' ||
                   r[len - 1] == '\f' || r[len - 1] == '\v'))
        r[--len] = 0;
    *lenp = len;
    return r;
}

/* number of characters (code points) in the first 'bytes' bytes of s */
static long
chars_in(const char *s, long bytes)
{
    long n = 0;
    for (long i = 0; i < bytes && s[i]; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

static long
utf8_char_count(const char *s)
{
    return chars_in(s, (long)strlen(s));
}

/* ================================================================ printing */

static void
print_tb_entry(FILE *out, const char *filename, int lineno, const char *name,
               TracebackObject *tb)
{
    fprintf(out, "  File \"%s\", line %d, in %s\n", filename, lineno, name);
    /* Once finalization has emptied sys.modules, CPython cannot import io to read the
    ** source: a traceback printed from a __del__ then has no source lines. */
    if (rt.finalizing >= 2)
        return;
    size_t len;
    char *line = get_line(filename, lineno, &len);
    if (!line)
        return;
    long leading = 0;
    while (line[leading] == ' ' || line[leading] == '\t' || line[leading] == '\f')
        leading++;
    fprintf(out, "    %s\n", line + leading);
    /* PEP 657 markers */
    Frame *f = tb->tb_frame ? tb->tb_frame->f_frame : NULL;
    CodeObject *co = f ? f->code : NULL;
    if (!co || line[leading] == 0)
        goto done;
    const CodeLoc *loc = code_loc(co, tb->tb_lasti);
    if (loc->lineno < 0 || loc->end_lineno < 0 || loc->col < 0 || loc->end_col < 0)
        goto done;
    if (loc->lineno != lineno)
        goto done;
    long start_byte = loc->col, end_byte = loc->end_col;
    if (start_byte > (long)len)
        goto done;
    long start = chars_in(line, start_byte);
    long end;
    long left_end = -1, right_start = -1;
    const char *primary = "^", *secondary = "^";
    if (loc->lineno == loc->end_lineno) {
        if (end_byte > (long)len)
            end_byte = (long)len;
        end = chars_in(line, end_byte);
        int le, rs;
        if (end_byte > start_byte &&
            vm_extract_anchors(line + start_byte, (size_t)(end_byte - start_byte), &le, &rs) ==
                1) {
            left_end = start + chars_in(line + start_byte, le);
            right_start = start + chars_in(line + start_byte, rs);
            primary = "~";
            secondary = "^";
        }
    } else {
        end = utf8_char_count(line);
    }
    long stripped_len = utf8_char_count(line) - chars_in(line, leading);
    int has_secondary = left_end != -1 || right_start != -1;
    if (end - start == stripped_len && !has_secondary)
        goto done;
    long offset = chars_in(line, leading) - 4;
    while (++offset <= end) {
        const char *s;
        if (offset <= start)
            s = " ";
        else if (has_secondary && left_end < offset && offset <= right_start)
            s = secondary;
        else
            s = primary;
        fputs(s, out);
    }
    fputc('\n', out);
done:
    heap_free(line);
}

static void
print_traceback(FILE *out, Object *tbo)
{
    TracebackObject *tb = (TracebackObject *)tbo;
    /* sys.tracebacklimit is not supported: CPython's default prints up to 1000 */
    long depth = 0;
    for (TracebackObject *t = tb; t; t = t->tb_next)
        depth++;
    const long limit = 1000;
    while (tb && depth > limit) {
        depth--;
        tb = tb->tb_next;
    }
    const char *last_file = NULL;
    int last_line = -1;
    const char *last_name = NULL;
    int cnt = 0;
    for (; tb; tb = tb->tb_next) {
        Frame *f = tb->tb_frame ? tb->tb_frame->f_frame : NULL;
        CodeObject *co = f ? f->code : NULL;
        const char *filename = co ? str_as_utf8(co->filename, NULL) : "???";
        const char *name = co ? str_as_utf8(co->name, NULL) : "???";
        if (!filename || !name) {
            err_clear();
            continue;
        }
        int lineno = tb->tb_lineno;
        if (last_file && strcmp(filename, last_file) == 0 && lineno == last_line &&
            strcmp(name, last_name) == 0) {
            cnt++;
            if (cnt > 3)
                continue;
        } else {
            if (cnt > 3)
                fprintf(out, "  [Previous line repeated %d more time%s]\n", cnt - 3,
                        cnt - 3 > 1 ? "s" : "");
            last_file = filename;
            last_line = lineno;
            last_name = name;
            cnt = 1;
        }
        print_tb_entry(out, filename, lineno, name, tb);
    }
    if (cnt > 3)
        fprintf(out, "  [Previous line repeated %d more time%s]\n", cnt - 3,
                cnt - 3 > 1 ? "s" : "");
}

static void
print_syntax_error_text(FILE *out, long offset, long end_offset, const char *text)
{
    offset--;
    end_offset--;
    while (*text == ' ' || *text == '\t' || *text == '\f') {
        text++;
        offset--;
        end_offset--;
    }
    long len = (long)strlen(text);
    if (len > 0 && text[len - 1] == '\n')
        len--;
    long clen = chars_in(text, len);
    if (offset > clen)
        offset = clen;
    fputs("    ", out);
    fwrite(text, 1, (size_t)len, out);
    fputc('\n', out);
    if (offset < 0)
        return;
    fputs("    ", out);
    for (long i = 0; i < offset; i++)
        fputc(' ', out);
    long n = end_offset > offset ? end_offset - offset : 1;
    if (offset + n > clen + 1)
        n = clen + 1 - offset;
    if (n < 1)
        n = 1;
    for (long i = 0; i < n; i++)
        fputc('^', out);
    fputc('\n', out);
}

static void
print_exception_line(FILE *out, Object *exc)
{
    TypeObject *t = TYPE(exc);
    Object *mod = type_module_obj(t);
    Object *qn = type_qualname_obj(t);
    const char *m = mod && STR_CHECK(mod) ? str_as_utf8(mod, NULL) : NULL;
    const char *q = qn ? str_as_utf8(qn, NULL) : t->name;
    if (!q)
        q = t->name;
    if (m && strcmp(m, "builtins") != 0 && strcmp(m, "__main__") != 0)
        fprintf(out, "%s.%s", m, q);
    else
        fputs(q, out);
    xdecref(mod);
    xdecref(qn);
    err_clear();
    Object *s;
    if (obj_type_check(exc, exc_SyntaxError)) {
        Object *msg = ((SyntaxErrorObject *)exc)->msg;
        s = msg ? obj_str(msg) : str_empty();
    } else {
        s = obj_str(exc);
    }
    if (!s) {
        err_clear();
        fputs(": <exception str() failed>\n", out);
        return;
    }
    ssize_t n;
    const char *text = str_as_utf8(s, &n);
    if (text && n > 0) {
        fputs(": ", out);
        fwrite(text, 1, (size_t)n, out);
    }
    err_clear();
    decref(s);
    Object *hint = suggestions_for_exception(exc);
    if (hint) {
        const char *h = str_as_utf8(hint, NULL);
        if (h)
            fprintf(out, ". Did you mean: '%s'?", h);
        err_clear();
        decref(hint);
    }
    fputc('\n', out);
}

static void
write_str_obj(FILE *out, Object *s)
{
    ssize_t n;
    const char *u = s ? str_as_utf8(s, &n) : NULL;
    if (u)
        fwrite(u, 1, (size_t)n, out);
}

/* The notes added by BaseException.add_note(), one a line after the exception line
** (CPython 3.11's print_exception_notes): any sequence is walked item by item (a str
** note list shows one character a line, as 3.11 does); anything else is shown by its
** repr with no newline after it. */
static void
print_exception_notes(FILE *out, Object *exc)
{
    Object *name = str_from_cstr("__notes__");
    Object *notes = name ? obj_lookup_attr(exc, name) : NULL;
    xdecref(name);
    if (!notes) {
        err_clear();
        return;
    }
    int seq = LIST_CHECK(notes) || TUPLE_CHECK(notes) || STR_CHECK(notes) ||
              BYTES_CHECK(notes) ||
              (!DICT_CHECK(notes) &&
               (TYPE(notes)->sq_item || (TYPE_HAS_FLAG(TYPE(notes), TPFLAG_HEAPTYPE) &&
                                         type_lookup(TYPE(notes), ID(__getitem__)))));
    if (!seq) {
        Object *r = obj_repr(notes);
        if (r)
            write_str_obj(out, r);
        else
            fputs("<__notes__ repr() failed>", out);
        xdecref(r);
        err_clear();
        decref(notes);
        return;
    }
    ssize_t n = obj_length(notes);
    for (ssize_t i = 0; i < n; i++) {
        Object *idx = int_from_ssize(i);
        Object *note = idx ? obj_getitem(notes, idx) : NULL;
        xdecref(idx);
        Object *s = note ? obj_str(note) : NULL;
        xdecref(note);
        if (s)
            write_str_obj(out, s);
        else
            fputs("<note str() failed>", out);
        xdecref(s);
        err_clear();
        fputc('\n', out);
    }
    err_clear();
    decref(notes);
}

static void
print_one_exception(FILE *out, Object *exc)
{
    Object *tb = EXC(exc)->traceback;
    if (tb && TYPE(tb) == &traceback_type) {
        fputs("Traceback (most recent call last):\n", out);
        print_traceback(out, tb);
    }
    if (obj_type_check(exc, exc_SyntaxError)) {
        SyntaxErrorObject *se = (SyntaxErrorObject *)exc;
        const char *fn = se->filename && STR_CHECK(se->filename)
                             ? str_as_utf8(se->filename, NULL)
                             : "<string>";
        if (se->lineno && INT_CHECK(se->lineno)) {
            fprintf(out, "  File \"%s\", line %ld\n", fn ? fn : "<string>",
                    int_as_long(se->lineno));
            if (se->text && STR_CHECK(se->text)) {
                long off = se->offset && INT_CHECK(se->offset) ? int_as_long(se->offset) : 0;
                long line = int_as_long(se->lineno);
                /* As CPython's parse_syntax_error: only an exact SyntaxError has
                   its end position honoured; subclasses (IndentationError,
                   TabError, user classes) get a single caret. */
                long eoff = -1, eline = line;
                if (TYPE(exc) == exc_SyntaxError) {
                    if (se->end_offset && INT_CHECK(se->end_offset))
                        eoff = int_as_long(se->end_offset);
                    if (se->end_lineno && INT_CHECK(se->end_lineno))
                        eline = int_as_long(se->end_lineno);
                }
                ssize_t tsize;
                const char *text = str_as_utf8(se->text, &tsize);
                if (text) {
                    /* A multi-line location highlights to the end of the first line. */
                    if (eline > line)
                        eoff = (long)tsize;
                    if (eoff > (long)tsize + 1)
                        eoff = (long)tsize + 1;
                    print_syntax_error_text(out, off, eoff, text);
                }
            }
        }
        err_clear();
    }
    print_exception_line(out, exc);
    print_exception_notes(out, exc);
}

/* Print exc with its chain.  'seen' guards against cycles in the chain. */
static void
print_chain(FILE *out, Object *exc, Object *seen, int depth)
{
    if (depth > 100 || rt_check_c_stack() < 0) {
        err_clear();
        print_one_exception(out, exc);
        return;
    }
    if (seen) {
        Object *id = int_from_size((size_t)(uintptr_t)exc);
        if (id) {
            dict_setitem(seen, id, None);
            decref(id);
        }
        err_clear();
    }
    BaseExceptionObject *e = EXC(exc);
    Object *cause = e->cause, *ctx = e->context;
    if (cause && EXC_CHECK(cause)) {
        Object *id = int_from_size((size_t)(uintptr_t)cause);
        int already = id && seen && dict_getitem(seen, id) != NULL;
        xdecref(id);
        if (!already) {
            print_chain(out, cause, seen, depth + 1);
            fputs("\nThe above exception was the direct cause of the following exception:"
                  "\n\n",
                  out);
        }
    } else if (ctx && EXC_CHECK(ctx) && !e->suppress_context) {
        Object *id = int_from_size((size_t)(uintptr_t)ctx);
        int already = id && seen && dict_getitem(seen, id) != NULL;
        xdecref(id);
        if (!already) {
            print_chain(out, ctx, seen, depth + 1);
            fputs("\nDuring handling of the above exception, another exception occurred:"
                  "\n\n",
                  out);
        }
    }
    print_one_exception(out, exc);
}

void
tb_print_exception(Object *exc, FILE *out)
{
    ErrState saved;
    err_save(&saved);
    if (!EXC_CHECK(exc)) {
        fprintf(out, "TypeError: print_exception(): Exception expected for value, %s found\n",
                TYPE(exc)->name);
        err_restore_saved(&saved);
        return;
    }
    Object *seen = dict_new();
    print_chain(out, exc, seen, 0);
    xdecref(seen);
    err_clear();
    err_restore_saved(&saved);
}

void
tb_print_traceback(Object *tb, FILE *out)
{
    if (!tb || TYPE(tb) != &traceback_type)
        return;
    ErrState saved;
    err_save(&saved);
    fputs("Traceback (most recent call last):\n", out);
    print_traceback(out, tb);
    err_clear();
    err_restore_saved(&saved);
}

/* Interpreter teardown: forget the cached source texts. */
void
tb_fini(void)
{
    while (source_cache) {
        SourceFile *s = source_cache;
        source_cache = s->next;
        heap_free(s->name);
        heap_free(s->text);
        heap_free(s);
    }
}
