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
#include "listobject.h"
#include "intobject.h"
#include "traceback.h"
#include "fileobject.h"
#include "typeobject.h"
#include "dictobject.h"
#include "heap.h"
#include "gc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static Object *prealloc_memerr;

/* Take the unmade exception out of the runtime (references move to the caller). */
static void
pending_take(TypeObject **t, Object **v, Object **tb)
{
    *t = rt.pend_type;
    *v = rt.pend_value;
    *tb = rt.pend_tb;
    rt.pend_type = NULL;
    rt.pend_value = rt.pend_tb = NULL;
}

static void
pending_clear(void)
{
    TypeObject *t;
    Object *v, *tb;
    pending_take(&t, &v, &tb);
    xdecref((Object *)t);
    xdecref(v);
    xdecref(tb);
}

void
err_restore(Object *exc)
{
    Object *old = rt.curexc;
    rt.curexc = exc;
    if (rt.pend_type)
        pending_clear();
    xdecref(old);
}

Object *
err_fetch(void)
{
    if (rt.pend_type)
        err_normalize();
    Object *e = rt.curexc;
    rt.curexc = NULL;
    return e;
}

void
err_clear(void)
{
    if (rt.pend_type)
        pending_clear();
    CLEAR(rt.curexc);
}

Object *
err_occurred(void)
{
    return rt.curexc ? rt.curexc : (Object *)rt.pend_type;
}

void
err_save(ErrState *s)
{
    s->exc = rt.curexc;
    rt.curexc = NULL;
    pending_take(&s->type, &s->value, &s->tb);
}

void
err_restore_saved(ErrState *s)
{
    err_clear();
    rt.curexc = s->exc;
    rt.pend_type = s->type;
    rt.pend_value = s->value;
    rt.pend_tb = s->tb;
}

/* type(value) as _PyErr_CreateException makes it: a tuple value is the arguments. */
static Object *
make_exc(TypeObject *type, Object *value)
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
    return exc;
}

static void err_normalize_once(void);

Object *
err_normalize(void)
{
    /* making the exception can raise another (its class's __new__/__init__): that one
    ** is made in turn, a bounded number of times as in _PyErr_NormalizeException */
    for (int tries = 0; rt.pend_type && tries < 32; tries++)
        err_normalize_once();
    if (rt.pend_type) {
        pending_clear();
        err_no_memory();
    }
    return rt.curexc;
}

static void
err_normalize_once(void)
{
    TypeObject *t;
    Object *v, *tb;
    pending_take(&t, &v, &tb);
    Object *exc = make_exc(t, v);
    if (exc) {
        if (tb) {
            Object *old = EXC(exc)->traceback;
            EXC(exc)->traceback = newref(tb);
            xdecref(old);
        }
        err_restore(exc);
    }
    decref((Object *)t);
    xdecref(v);
    xdecref(tb);
}

int
err_add_traceback(struct Frame *f)
{
    if (rt.curexc)
        return tb_add_frame(rt.curexc, f);
    if (!rt.pend_type)
        return 0;
    Object *tb = tb_new_entry(rt.pend_tb, f);
    if (!tb)
        return -1;
    Object *old = rt.pend_tb;
    rt.pend_tb = tb;
    xdecref(old);
    return 0;
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

/* CPython's _PyErr_SetObject: the exception is made now only when it is an instance
** already or another exception is being handled (it becomes the __context__); otherwise
** type and value wait, unmade, until something needs the instance (err_normalize) --
** so the temporaries of the failing call are gone by then, and an error caught and
** cleared in C makes no exception object at all. */
Object *
err_set_object(TypeObject *type, Object *value)
{
    int handling = 0;
    for (ExcInfo *ei = rt.exc_info; ei && !handling; ei = ei->previous)
        handling = ei->exc_value && ei->exc_value != None;
    if (!handling && !(value && obj_type_check(value, type))) {
        incref((Object *)type);
        xincref(value);
        err_clear();
        rt.pend_type = type;
        rt.pend_value = value;
        return NULL;
    }
    Object *exc = make_exc(type, value);
    if (!exc)
        return NULL;
    err_set_exc(exc);
    decref(exc);
    return NULL;
}

Object *
err_set_key_error(Object *key)
{
    Object *args = tuple_pack(1, key);
    if (!args)
        return NULL;
    err_set_object(exc_KeyError, args);
    decref(args);
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

/* Forget what the preallocated MemoryError last carried (traceback, context, cause):
** at exit they can hold whole modules alive past the last collection. */
void
err_reset_memory_error(void)
{
    if (!prealloc_memerr)
        return;
    BaseExceptionObject *e = EXC(prealloc_memerr);
    CLEAR(e->traceback);
    CLEAR(e->context);
    CLEAR(e->cause);
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
    if (EXC_TYPE_CHECK(type) && (EXC_CHECK(exc) || EXC_TYPE_CHECK(exc))) {
        TypeObject *et = EXC_CHECK(exc) ? TYPE(exc) : (TypeObject *)exc;
        return type_is_subtype(et, (TypeObject *)type);
    }
    return exc == type;
}

int
err_matches(TypeObject *type)
{
    if (rt.pend_type)
        return type_is_subtype(rt.pend_type, type);
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

int
err_write_sys_stderr(const char *text, int fallback)
{
    /* after finalization CPython's sys dict is gone: only the C stream is left */
    Object *file = rt.sys_dict && rt.finalizing < 3 ? dict_getitem_str(rt.sys_dict, "stderr")
                                                     : NULL;
    if (!file && !fallback && (rt.sys_dict || rt.finalizing >= 3))
        return 0;
    if (file == None && !fallback)
        return 0;
    if (file && file != None) {
        incref(file);
        ErrState saved;
        err_save(&saved);
        int r = file_write_cstr(file, text);
        err_clear();
        err_restore_saved(&saved);
        decref(file);
        if (r == 0)
            return 0;
    }
    file_flush_stdout();
    fputs(text, stderr);
    fflush(stderr);
    return 0;
}

void
err_write_unraisable_msg(const char *msg, Object *obj)
{
    Object *exc = err_fetch();
    if (!exc)
        return;
    /* CPython's default sys.unraisablehook (write_unraisable_exc_file): a header, the
    ** traceback entries (no __cause__/__context__ chain), then "Type: str(exc)" -- with
    ** the ": " even when str(exc) is empty. */
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    if (!out) {
        decref(exc);
        return;
    }
    if (obj) {
        fprintf(out, "Exception ignored %s: ", msg ? msg : "in");
        Object *r = obj_repr(obj);
        const char *s = r ? str_as_utf8(r, NULL) : NULL;
        if (!s)
            err_clear();
        fprintf(out, "%s\n", s ? s : "<object repr() failed>");
        xdecref(r);
    } else if (msg) {
        fprintf(out, "Exception ignored %s:\n", msg);
    }
    Object *tb = EXC_CHECK(exc) ? EXC(exc)->traceback : NULL;
    if (tb && tb != None)
        tb_print_traceback(tb, out);
    TypeObject *t = TYPE(exc);
    Object *mod = type_module_obj(t);
    Object *qn = type_qualname_obj(t);
    const char *m = mod && STR_CHECK(mod) ? str_as_utf8(mod, NULL) : NULL;
    const char *q = qn && STR_CHECK(qn) ? str_as_utf8(qn, NULL) : NULL;
    err_clear();
    if (!m)
        fputs("<unknown>", out);
    else if (strcmp(m, "builtins") != 0 && strcmp(m, "__main__") != 0)
        fprintf(out, "%s.", m);
    fputs(q ? q : t->name, out);
    xdecref(mod);
    xdecref(qn);
    Object *s = obj_str(exc);
    const char *text = s ? str_as_utf8(s, NULL) : NULL;
    if (!text)
        err_clear();
    fprintf(out, ": %s\n", text ? text : "<exception str() failed>");
    xdecref(s);
    fclose(out);
    err_write_sys_stderr(buf, 0);
    free(buf);
    /* the default hook ends with an explicit sys.stderr.flush() */
    Object *file = rt.sys_dict && rt.finalizing < 3 ? dict_getitem_str(rt.sys_dict, "stderr")
                                                     : NULL;
    if (file && file != None && TYPE(file) != &textio_type) {
        incref(file);
        Object *r = obj_call_method(file, "flush", NULL, 0);
        if (r)
            decref(r);
        else
            err_clear();
        decref(file);
    }
    decref(exc);
}

void
err_write_unraisable(Object *obj)
{
    err_write_unraisable_msg(NULL, obj);
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

/* What showing a warning leaves in CPython's heap: the first one makes the warnings module
** import linecache, tokenize and token (str_first_warning); each one makes the warning
** (category(message)), its registry key (a (text, category, lineno) tuple) and the
** arguments of the warnings.WarningMessage it shows (message, category, filename, lineno,
** file, line: a 6-tuple), and frees them: the
** tuples go to the free lists, the warning and the message object die. */
static void
warn_shown_effects(TypeObject *category, const char *msg, const char *filename, int lineno)
{
    ErrState saved;
    err_save(&saved);
    int side = heap_side_suspend();     /* the compiler runs in side mode; these are not its */
    str_first_warning();
    Object *text = str_from_cstr(msg);
    Object *w = text ? obj_call_one((Object *)category, text) : NULL;
    Object *ln = int_from_ssize(lineno);
    Object *key = text && ln ? tuple_pack(3, text, (Object *)category, ln) : NULL;
    Object *fn = str_from_cstr(filename ? filename : "");
    Object *margs = w && fn && ln ? tuple_pack(6, w, (Object *)category, fn, ln, None, None)
                                  : NULL;
    if (margs)
        gc_count_transient_alloc();     /* the WarningMessage, made and freed */
    /* linecache.getline: a pseudo-file ('<stdin>', '<string>') has no lines, [] */
    Object *lines = filename && filename[0] == '<' ? list_new(0) : NULL;
    xdecref(lines);
    xdecref(margs);
    xdecref(fn);
    xdecref(w);
    xdecref(ln);
    xdecref(key);
    xdecref(text);
    err_clear();
    heap_side_resume(side);
    err_restore_saved(&saved);
}

int
err_warn_explicit(TypeObject *category, const char *msg, const char *filename, int lineno)
{
    file_flush_stdout();
    char text[4096 + 512];
    int len = snprintf(text, sizeof text, "%s:%d: %s: %s\n", filename, lineno,
                       category->name, msg);
    /* The warnings module shows the source line when it can read it. */
    if (filename && filename[0] != '<' && len > 0 && (size_t)len < sizeof text) {
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
                        snprintf(text + len, sizeof text - (size_t)len, "  %s\n", s);
                    break;
                }
            }
            fclose(f);
        }
    }
    /* warnings.showwarning writes to sys.stderr (nothing when it is None) */
    Object *file = rt.sys_dict ? dict_getitem_str(rt.sys_dict, "stderr") : NULL;
    if (file == None)
        return 0;
    warn_shown_effects(category, msg, filename, lineno);
    if (file) {
        ErrState saved;
        err_save(&saved);
        incref(file);
        int r = file_write_cstr(file, text);
        decref(file);
        if (r < 0)
            err_clear();
        err_restore_saved(&saved);
        if (r == 0)
            return 0;
    }
    fputs(text, stderr);
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
