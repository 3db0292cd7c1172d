/*
** error.c -- the pending exception (rt.curexc) and the functions that set, test, fetch
** and report it.  Setting an exception while another is being handled (rt.exc_info)
** records that one as the new exception's __context__, as CPython's _PyErr_SetObject
** does, avoiding reference cycles in the context chain.
*/
#include "error.h"
#include "state.h"
#include "exceptions.h"
#include "strobject.h"
#include "tupleobject.h"
#include "intobject.h"
#include "traceback.h"
#include "fileobject.h"
#include "typeobject.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static Object *prealloc_memerr;

void
err_restore(Object *exc)
{
    Object *old = rt.curexc;
    rt.curexc = exc;
    xdecref(old);
}

Object *
err_fetch(void)
{
    Object *e = rt.curexc;
    rt.curexc = NULL;
    return e;
}

void
err_clear(void)
{
    CLEAR(rt.curexc);
}

Object *
err_occurred(void)
{
    return rt.curexc;
}

/* Chain the currently handled exception as __context__ of exc (new raise). */
static void
set_context(Object *exc)
{
    ExcInfo *ei = rt.exc_info;
    while (ei && (!ei->exc_value || ei->exc_value == None))
        ei = ei->previous;
    if (!ei)
        return;
    Object *ctx = ei->exc_value;
    if (ctx == exc)
        return;
    /* Avoid creating a cycle: if exc is already in ctx's context chain, cut it. */
    Object *o = ctx;
    while (o) {
        Object *next = EXC(o)->context;
        if (next == exc) {
            EXC(o)->context = NULL;
            decref(next);
            break;
        }
        o = next;
    }
    if (EXC(exc)->context != ctx)
        exc_set_context(exc, newref(ctx));
}

void
err_set_exc(Object *exc)
{
    incref(exc);
    set_context(exc);
    err_restore(exc);
}

Object *
err_set_object(TypeObject *type, Object *value)
{
    Object *exc;
    if (value && obj_type_check(value, type)) {
        exc = newref(value);
    } else if (value && TUPLE_CHECK(value)) {
        exc = exc_new(type, value);
    } else if (value) {
        Object *a = tuple_pack(1, value);
        if (!a)
            return NULL;
        exc = exc_new(type, a);
        decref(a);
    } else {
        exc = exc_new(type, NULL);
    }
    if (!exc)
        return NULL;
    if (!EXC_CHECK(exc)) {
        decref(exc);
        return err_format(exc_TypeError,
                          "calling %s should have returned an instance of BaseException, "
                          "not %s",
                          type->name, TYPE(exc)->name);
    }
    err_set_exc(exc);
    decref(exc);
    return NULL;
}

Object *
err_set(TypeObject *type, const char *msg)
{
    if (type == exc_MemoryError && !msg)
        return err_no_memory();
    Object *m = str_from_cstr(msg);
    if (!m)
        return NULL;
    err_set_object(type, m);
    decref(m);
    return NULL;
}

Object *
err_vformat(TypeObject *type, const char *fmt, va_list ap)
{
    Object *m = str_from_vformat(fmt, ap);
    if (!m)
        return NULL;
    err_set_object(type, m);
    decref(m);
    return NULL;
}

Object *
err_format(TypeObject *type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    err_vformat(type, fmt, ap);
    va_end(ap);
    return NULL;
}

Object *
err_no_memory(void)
{
    if (!prealloc_memerr) {
        /* during start-up, before the types exist */
        fprintf(stderr, "pyheap: out of memory during start-up\n");
        exit(1);
    }
    /* Reuse the preallocated instance: creating one could itself fail. */
    BaseExceptionObject *e = EXC(prealloc_memerr);
    CLEAR(e->traceback);
    CLEAR(e->context);
    CLEAR(e->cause);
    e->suppress_context = 0;
    if (rt.curexc == prealloc_memerr)
        return NULL;
    err_set_exc(prealloc_memerr);
    return NULL;
}

void
err_init_memory_error(void)
{
    prealloc_memerr = exc_new(exc_MemoryError, NULL);
    if (!prealloc_memerr)
        fatal("cannot preallocate MemoryError");
}

void
err_fini_memory_error(void)
{
    CLEAR(prealloc_memerr);
}

Object *
err_bad_internal_call(const char *where)
{
    return err_format(exc_SystemError, "%s: bad argument to internal function", where);
}

int
err_exc_matches(Object *exc, Object *type)
{
    if (!exc)
        return 0;
    if (TUPLE_CHECK(type)) {
        for (ssize_t i = 0; i < TUPLE_LEN(type); i++) {
            int r = err_exc_matches(exc, TUPLE_GET(type, i));
            if (r)
                return r;
        }
        return 0;
    }
    if (EXC_TYPE_CHECK(type)) {
        TypeObject *et = EXC_CHECK(exc) ? TYPE(exc) : (TypeObject *)exc;
        return type_is_subtype(et, (TypeObject *)type);
    }
    return exc == type;
}

int
err_matches(TypeObject *type)
{
    Object *e = rt.curexc;
    return e && type_is_subtype(TYPE(e), type);
}

void
err_print(void)
{
    Object *exc = err_fetch();
    if (!exc)
        return;
    file_flush_stdout();
    tb_print_exception(exc, stderr);
    fflush(stderr);
    decref(exc);
}

void
err_write_unraisable(Object *obj)
{
    Object *exc = err_fetch();
    if (!exc)
        return;
    file_flush_stdout();
    if (obj) {
        Object *r = obj_repr(obj);
        if (r) {
            ssize_t n;
            const char *s = str_as_utf8(r, &n);
            fprintf(stderr, "Exception ignored in: %s\n", s ? s : "<object repr() failed>");
            decref(r);
        } else {
            err_clear();
            fprintf(stderr, "Exception ignored in: <object repr() failed>\n");
        }
    }
    tb_print_exception(exc, stderr);
    fflush(stderr);
    decref(exc);
}

/* Convert a 0-based byte column into CPython's 1-based character offset. */
static long
byte_col_to_offset(const char *text, int col)
{
    if (!text || col < 0)
        return col + 1;
    long chars = 0;
    int len = (int)strlen(text);
    if (col > len)
        return col + 1 - (len - (long)len);
    for (int i = 0; i < col && text[i]; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80)
            chars++;
    return chars + 1;
}

Object *
err_syntax(TypeObject *type, const char *msg, const char *filename, int lineno, int col,
           const char *text, int end_lineno, int end_col)
{
    Object *m = str_from_cstr(msg);
    Object *fn = str_from_cstr(filename ? filename : "<unknown>");
    Object *ln = int_from_long(lineno);
    Object *off = col >= 0 ? int_from_long(byte_col_to_offset(text, col)) : newref(None);
    Object *tx = text ? str_from_cstr(text) : newref(None);
    if (tx == NULL && text) {
        err_clear();
        tx = newref(None);
    }
    if (end_lineno <= 0)
        end_lineno = lineno;
    Object *eln = int_from_long(end_lineno);
    Object *eoff;
    if (end_col >= 0 && end_lineno == lineno)
        eoff = int_from_long(byte_col_to_offset(text, end_col));
    else if (end_col >= 0)
        eoff = int_from_long(end_col + 1);
    else
        eoff = int_from_long(end_col + 1); /* -1 → 0, -2 → -1 as CPython reports */
    Object *info = NULL, *args = NULL;
    if (m && fn && ln && off && tx && eln && eoff)
        info = tuple_pack(6, fn, ln, off, tx, eln, eoff);
    if (info)
        args = tuple_pack(2, m, info);
    xdecref(m);
    xdecref(fn);
    xdecref(ln);
    xdecref(off);
    xdecref(tx);
    xdecref(eln);
    xdecref(eoff);
    xdecref(info);
    if (!args)
        return NULL;
    Object *exc = exc_new(type, args);
    decref(args);
    if (!exc)
        return NULL;
    err_set_exc(exc);
    decref(exc);
    return NULL;
}

int
err_warn_explicit(TypeObject *category, const char *msg, const char *filename, int lineno)
{
    file_flush_stdout();
    fprintf(stderr, "%s:%d: %s: %s\n", filename, lineno, category->name, msg);
    /* The warnings module shows the source line when it can read it. */
    if (filename && filename[0] != '<') {
        FILE *f = fopen(filename, "r");
        if (f) {
            char line[4096];
            int n = 0;
            while (fgets(line, sizeof line, f)) {
                if (++n == lineno) {
                    char *s = line;
                    while (*s == ' ' || *s == '\t')
                        s++;
                    size_t l = strlen(s);
                    while (l && (s[l - 1] == '\n' || s[l - 1] == '\r' || s[l - 1] == ' '))
                        s[--l] = 0;
                    if (*s)
                        fprintf(stderr, "  %s\n", s);
                    break;
                }
            }
            fclose(f);
        }
    }
    fflush(stderr);
    return 0;
}

_Noreturn void
fatal(const char *msg)
{
    fflush(stdout);
    fprintf(stderr, "Fatal Python error: %s\n", msg);
    fflush(stderr);
    abort();
}
