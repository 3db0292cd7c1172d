/*
** vm.c -- the bytecode interpreter (CPython 3.11's ceval.c, our instruction set).
**
** Frames.  Frames live on the frame stack, a list of large chunks (no allocation per
** call).  A Python-to-Python CALL pushes a frame, moves the arguments into its locals
** (the callee owns them, as in CPython, so reference counts match) and continues the
** loop with the new frame; RETURN_VALUE pops it.  vm_run() returns when its *entry*
** frame returns or yields.
**
** Errors.  Every failing path jumps to 'error', which records a traceback entry for the
** frame and falls into 'exception_unwind': the exception table of the code maps the
** failing instruction to a handler (pop the value stack to the recorded depth, push
** the offset if asked, push the exception, jump); with no handler the frame is popped
** and unwinding continues in the caller (after recording its traceback entry).
** BEWARE: an instruction that fails must goto error; one that succeeds must DISPATCH().
**
** References.  The value stack owns its items.  Locals own their values.  This is what
** makes sys.getrefcount() and the cycle collector see exactly CPython's counts.
*/
#include "interp/vm.h"
#include "interp/builtins.h"
#include "interp/compare.h"
#include "interp/opcodes.h"
#include "runtime/error.h"
#include "runtime/heap.h"
#include "runtime/gc.h"
#include "runtime/state.h"
#include "runtime/intobject.h"
#include "runtime/floatobject.h"
#include "runtime/strobject.h"
#include "runtime/tupleobject.h"
#include "runtime/listobject.h"
#include "runtime/dictobject.h"
#include "runtime/setobject.h"
#include "runtime/typeobject.h"
#include "runtime/funcobject.h"
#include "runtime/methodobject.h"
#include "runtime/descrobject.h"
#include "runtime/codeobject.h"
#include "runtime/genobject.h"
#include "runtime/sliceobject.h"
#include "runtime/rangeobject.h"
#include "runtime/exceptions.h"
#include "runtime/traceback.h"
#include "runtime/moduleobject.h"
#include "runtime/fileobject.h"
#include <string.h>
#include <stdio.h>

extern TypeObject listiter_type, tupleiter_type;

/* For the few helpers of the call path that gcc would otherwise leave out of line in
** vm_run (too big for its inlining limits): a call there costs a stack frame. */
#ifdef __GNUC__
#define VM_ALWAYS_INLINE inline __attribute__((always_inline))
#define VM_NOINLINE __attribute__((noinline))
#else
#define VM_ALWAYS_INLINE inline
#define VM_NOINLINE
#endif

/* object.h's decref, but inlined at every use in the VM: past its size limits gcc makes
** it a call in vm_run, which then costs a call on most stack pops (and xdecref too). */
static VM_ALWAYS_INLINE void
vm_decref(void *o)
{
    Object *op = (Object *)o;
    if (--op->refcnt == 0)
        obj_dealloc(op);
}
#define decref vm_decref

static VM_ALWAYS_INLINE void
vm_xdecref(void *o)
{
    if (o)
        vm_decref(o);
}
#define xdecref vm_xdecref

/* ================================================================ frame stack */

typedef struct DataChunk {
    struct DataChunk *prev;
    char *top;
    char *limit;
    char *base;
} DataChunk;

static DataChunk *ds;
static size_t ds_total;         /* bytes in all chunks */

#define DS_CHUNK_SIZE (256 * 1024)
/* Python-to-Python calls use no C stack, so sys.setrecursionlimit(10**9) would let a
** runaway recursion eat all memory before MemoryError: past this much frame stack
** (about a million small frames) a call raises RecursionError whatever the limit says. */
#define DS_MAX_TOTAL ((size_t)128 << 20)

static int
ds_new_chunk(size_t need)
{
    size_t size = need + 64 > DS_CHUNK_SIZE ? need + 64 : DS_CHUNK_SIZE;
    if (ds_total + size > DS_MAX_TOTAL) {
        err_set(exc_RecursionError, "maximum recursion depth exceeded (frame stack full)");
        return -1;
    }
    DataChunk *c = heap_alloc(sizeof(DataChunk));
    char *mem = heap_alloc(size);
    if (!c || !mem) {
        heap_free(c);
        heap_free(mem);
        err_no_memory();
        return -1;
    }
    c->prev = ds;
    c->base = mem;
    c->top = mem;
    c->limit = mem + size;
    ds = c;
    ds_total += size;
    return 0;
}

static inline Frame *
ds_alloc(size_t size)
{
    size = (size + 15) & ~(size_t)15;
    if (!ds || ds->top + size > ds->limit) {
        if (ds_new_chunk(size) < 0)
            return NULL;
    }
    Frame *f = (Frame *)ds->top;
    ds->top += size;
    return f;
}

static inline void
ds_free(Frame *f)
{
    char *p = (char *)f;
    if (p >= ds->base && p < ds->limit) {
        ds->top = p;
        /* drop an empty chunk (keep the first one) */
        if (ds->top == ds->base && ds->prev) {
            DataChunk *c = ds;
            ds = c->prev;
            ds_total -= (size_t)(c->limit - c->base);
            heap_free(c->base);
            heap_free(c);
        }
        return;
    }
    fatal("frame stack corrupted");
}

/* A new frame for func's code.  Takes over the reference to func.  Locals NULL. */
static inline void vm_code_warmup(CodeObject *co);

static Frame *
frame_push(FunctionObject *func, Object *locals)
{
    CodeObject *co = (CodeObject *)func->code;
    if (++rt.recursion_depth > rt.recursion_limit) {
        if (!rt.recursion_headroom || rt.recursion_depth > rt.recursion_limit + 50) {
            rt.recursion_depth--;
            rt.recursion_headroom++;
            err_set(exc_RecursionError, "maximum recursion depth exceeded");
            rt.recursion_headroom--;
            decref(func);
            return NULL;
        }
    }
    Frame *f = ds_alloc(frame_size_for(co));
    if (!f) {
        rt.recursion_depth--;
        decref(func);
        return NULL;
    }
    f->func = (Object *)func;
    f->globals = func->globals;
    f->builtins = func->builtins;
    f->locals = xnewref(locals);
    f->code = (CodeObject *)newref(co);
    f->frame_obj = NULL;
    f->previous = NULL;
    f->ip = co->code;
    f->stacktop = co->nlocalsplus;
    f->owner = FRAME_OWNED_BY_THREAD;
    f->is_entry = 0;
    f->is_generator_running = 0;
    memset(f->localsplus, 0, sizeof(Object *) * (size_t)co->nlocalsplus);
    if (!(co->flags & CO_GENERATOR))
        vm_code_warmup(co);         /* the RESUME at the start of the code */
    return f;
}

/* Release a finished frame: its FrameObject takes its data if still referenced. */
static void
frame_pop(Frame *f)
{
    rt.recursion_depth--;
    frame_take_ownership_or_clear(f);
    ds_free(f);
}

/* frame_pop when no FrameObject was made for f (the usual case), inlined in
** RETURN_VALUE: the same order of releases as frame_take_ownership_or_clear. */
static VM_ALWAYS_INLINE void
frame_pop_fast(Frame *f)
{
    if (UNLIKELY(f->frame_obj != NULL)) {
        frame_pop(f);
        return;
    }
    rt.recursion_depth--;
    Object **lp = f->localsplus;
    for (int i = 0; i < f->stacktop; i++) {
        Object *v = lp[i];
        lp[i] = NULL;
        xdecref(v);
    }
    f->stacktop = 0;
    CLEAR(f->locals);
    CLEAR(f->func);
    CLEAR(f->code);
    ds_free(f);
}

/* Can a call with 'nargs' positional arguments and no keywords bind them by copying
** (CPython's CALL_PY_EXACT_ARGS condition)? */
static inline int
code_takes_exact_args(CodeObject *co, int nargs)
{
    return co->argcount == nargs && co->kwonlyargcount == 0 &&
           !(co->flags & (CO_VARARGS | CO_VARKEYWORDS)) && (co->flags & CO_OPTIMIZED);
}

/* frame_push + init_locals for code_takes_exact_args: the arguments (owned references,
** stolen) are copied into the first slots.  Takes over the reference to func. */
static VM_ALWAYS_INLINE Frame *
frame_push_exact(FunctionObject *func, CodeObject *co, Object **args, int nargs)
{
    if (UNLIKELY(++rt.recursion_depth > rt.recursion_limit)) {
        rt.recursion_depth--;
        Frame *f = frame_push(func, NULL);     /* raises RecursionError (or uses headroom) */
        if (!f)
            return NULL;
        for (int i = 0; i < nargs; i++)
            f->localsplus[i] = args[i];
        return f;
    }
    size_t size = (frame_size_for(co) + 15) & ~(size_t)15;
    Frame *f;
    if (LIKELY(ds && ds->top + size <= ds->limit)) {
        f = (Frame *)ds->top;
        ds->top += size;
    } else if ((f = ds_alloc(size)) == NULL) {
        rt.recursion_depth--;
        decref(func);
        return NULL;
    }
    f->func = (Object *)func;
    f->globals = func->globals;
    f->builtins = func->builtins;
    f->locals = NULL;
    incref(co);
    f->code = co;
    f->frame_obj = NULL;
    f->previous = NULL;
    f->ip = co->code;
    f->stacktop = co->nlocalsplus;
    f->owner = FRAME_OWNED_BY_THREAD;
    f->is_entry = 0;
    f->is_generator_running = 0;
    Object **lp = f->localsplus;
    int i = 0;
    for (; i < nargs; i++)
        lp[i] = args[i];
    for (int n = co->nlocalsplus; i < n; i++)
        lp[i] = NULL;
    if (!(co->flags & CO_GENERATOR))
        vm_code_warmup(co);         /* the RESUME at the start of the code */
    return f;
}

/* ================================================================ argument binding */

static void
format_missing(Object *names_list, StrBuilder *b)
{
    ssize_t n = LIST_LEN(names_list);
    for (ssize_t i = 0; i < n; i++) {
        if (i > 0) {
            if (n == 2)
                sb_puts(b, " and ");
            else if (i == n - 1)
                sb_puts(b, ", and ");
            else
                sb_puts(b, ", ");
        }
        Object *r = obj_repr(LIST_GET(names_list, i));
        if (r) {
            sb_put_str(b, r);
            decref(r);
        } else {
            err_clear();
        }
    }
}

static void
missing_arguments(CodeObject *co, ssize_t missing, ssize_t defcount, Object **localsplus,
                  Object *qualname)
{
    ssize_t start, end;
    const char *kind;
    if (defcount == -1) {
        start = co->argcount;
        end = start + co->kwonlyargcount;
        kind = "keyword-only";
    } else {
        start = 0;
        end = co->argcount - defcount;
        kind = "positional";
    }
    Object *names = list_new(0);
    if (!names)
        return;
    for (ssize_t i = start; i < end; i++)
        if (!localsplus[i])
            list_append(names, TUPLE_GET(co->localsplusnames, i));
    StrBuilder b;
    sb_init(&b);
    format_missing(names, &b);
    Object *s = sb_finish(&b);
    decref(names);
    if (!s)
        return;
    err_format(exc_TypeError, "%U() missing %zd required %s argument%s: %U", qualname, missing,
               kind, missing == 1 ? "" : "s", s);
    decref(s);
}

static void
too_many_positional(CodeObject *co, ssize_t given, Object *defaults, Object **localsplus,
                    Object *qualname)
{
    ssize_t co_argcount = co->argcount;
    ssize_t kwonly_given = 0;
    for (ssize_t i = co_argcount; i < co_argcount + co->kwonlyargcount; i++)
        if (localsplus[i])
            kwonly_given++;
    ssize_t defcount = defaults ? TUPLE_LEN(defaults) : 0;
    Object *sig;
    if (defcount) {
        sig = str_from_format("from %zd to %zd", co_argcount - defcount, co_argcount);
    } else {
        sig = str_from_format("%zd", co_argcount);
    }
    if (!sig)
        return;
    Object *kwonly_sig;
    if (kwonly_given)
        kwonly_sig = str_from_format(" positional argument%s (and %zd keyword-only argument%s)",
                                     given != 1 ? "s" : "", kwonly_given,
                                     kwonly_given != 1 ? "s" : "");
    else
        kwonly_sig = str_empty();
    if (!kwonly_sig) {
        decref(sig);
        return;
    }
    int plural = defcount ? 1 : co_argcount != 1;
    err_format(exc_TypeError, "%U() takes %U positional argument%s but %zd%U %s given", qualname,
               sig, plural ? "s" : "", given, kwonly_sig,
               given == 1 && !kwonly_given ? "was" : "were");
    decref(sig);
    decref(kwonly_sig);
}

static int
positional_only_passed_as_keyword(CodeObject *co, Object *kwnames, Object *qualname)
{
    Object *names = list_new(0);
    if (!names)
        return -1;
    for (int k = 0; k < co->posonlyargcount; k++) {
        Object *posname = TUPLE_GET(co->localsplusnames, k);
        for (ssize_t i = 0; i < TUPLE_LEN(kwnames); i++) {
            if (str_eq(TUPLE_GET(kwnames, i), posname)) {
                list_append(names, posname);
                break;
            }
        }
    }
    if (LIST_LEN(names) == 0) {
        decref(names);
        return 0;
    }
    Object *sep = str_from_cstr(", ");
    Object *joined = sep ? str_join(sep, names) : NULL;
    xdecref(sep);
    if (joined)
        err_format(exc_TypeError,
                   "%U() got some positional-only arguments passed as keyword arguments: '%U'",
                   qualname, joined);
    xdecref(joined);
    decref(names);
    return 1;
}

/* Bind args (all references stolen: positionals then keyword values) into localsplus. */
static int
init_locals(FunctionObject *func, Object **localsplus, Object *const *args, ssize_t argcount,
            Object *kwnames)
{
    CodeObject *co = (CodeObject *)func->code;
    ssize_t total_args = co->argcount + co->kwonlyargcount;
    ssize_t kwcount = kwnames ? TUPLE_LEN(kwnames) : 0;
    Object *kwdict = NULL;
    ssize_t i, n;
    if (co->flags & CO_VARKEYWORDS) {
        kwdict = dict_new();
        if (!kwdict)
            goto fail_pre;
        i = total_args;
        if (co->flags & CO_VARARGS)
            i++;
        localsplus[i] = kwdict;
    }
    n = argcount > co->argcount ? co->argcount : argcount;
    for (ssize_t j = 0; j < n; j++)
        localsplus[j] = args[j];
    if (co->flags & CO_VARARGS) {
        Object *u = argcount == n ? tuple_empty()
                                  : tuple_from_array_take(args + n, argcount - n);
        if (!u)
            goto fail_post_positional;
        localsplus[total_args] = u;
    } else if (argcount > n) {
        for (ssize_t j = n; j < argcount; j++)
            decref(args[j]);
    }
    for (i = 0; i < kwcount; i++) {
        Object *keyword = TUPLE_GET(kwnames, i);
        Object *value = args[i + argcount];
        ssize_t j;
        Object **varnames = TUPLE_ITEMS(co->localsplusnames);
        for (j = co->posonlyargcount; j < total_args; j++)
            if (varnames[j] == keyword)
                goto kw_found;
        for (j = co->posonlyargcount; j < total_args; j++)
            if (str_eq(varnames[j], keyword))
                goto kw_found;
        if (!kwdict) {
            if (co->posonlyargcount && positional_only_passed_as_keyword(co, kwnames, func->qualname))
                goto kw_fail;
            if (!err_occurred())
                err_format(exc_TypeError, "%U() got an unexpected keyword argument '%U'",
                           func->qualname, keyword);
            goto kw_fail;
        }
        if (dict_setitem(kwdict, keyword, value) < 0)
            goto kw_fail;
        decref(value);
        continue;
    kw_fail:
        for (; i < kwcount; i++)
            decref(args[i + argcount]);
        goto fail_post_args;
    kw_found:
        if (localsplus[j]) {
            err_format(exc_TypeError, "%U() got multiple values for argument '%U'",
                       func->qualname, keyword);
            goto kw_fail;
        }
        localsplus[j] = value;
    }
    if (argcount > co->argcount && !(co->flags & CO_VARARGS)) {
        too_many_positional(co, argcount, func->defaults, localsplus, func->qualname);
        goto fail_post_args;
    }
    if (argcount < co->argcount) {
        ssize_t defcount = func->defaults ? TUPLE_LEN(func->defaults) : 0;
        ssize_t m = co->argcount - defcount;
        ssize_t missing = 0;
        for (i = argcount; i < m; i++)
            if (!localsplus[i])
                missing++;
        if (missing) {
            missing_arguments(co, missing, defcount, localsplus, func->qualname);
            goto fail_post_args;
        }
        i = n > m ? n - m : 0;
        if (defcount) {
            Object **defs = TUPLE_ITEMS(func->defaults);
            for (; i < defcount; i++)
                if (!localsplus[m + i])
                    localsplus[m + i] = newref(defs[i]);
        }
    }
    if (co->kwonlyargcount > 0) {
        ssize_t missing = 0;
        for (i = co->argcount; i < total_args; i++) {
            if (localsplus[i])
                continue;
            Object *varname = TUPLE_GET(co->localsplusnames, i);
            if (func->kwdefaults) {
                Object *def = dict_getitem_with_error(func->kwdefaults, varname);
                if (def) {
                    localsplus[i] = newref(def);
                    continue;
                }
                if (err_occurred())
                    goto fail_post_args;
            }
            missing++;
        }
        if (missing) {
            missing_arguments(co, missing, -1, localsplus, func->qualname);
            goto fail_post_args;
        }
    }
    return 0;
fail_pre:
    for (ssize_t j = 0; j < argcount + kwcount; j++)
        decref(args[j]);
    return -1;
fail_post_positional:
    for (ssize_t j = 0; j < kwcount; j++)
        decref(args[j + argcount]);
    return -1;
fail_post_args:
    return -1;
}

/* ================================================================ helpers */

/* The eval breaker, reached at backward jumps and Python calls when SIGINT arrived or
** the budget ran out.  rt.eval_budget (-X budget=N, the fuzzers) counts these checks
** down; it starts at 0, so without a budget it goes negative and never hits 0 again.
** Once spent it stays spent: every later check raises again, so an 'except' that
** swallows the error cannot keep a loop running (its backward jump raises anew). */
static int
vm_eval_breaker(void)
{
    if (rt.sigint_pending) {
        rt.sigint_pending = 0;
        err_set_object(exc_KeyboardInterrupt, NULL);
        return -1;
    }
    if (rt.eval_budget == 0) {
        rt.eval_budget = 1;
        err_set(exc_RuntimeError, "instruction budget exhausted (-X budget)");
        return -1;
    }
    return 0;
}

static int
unpack_iterable(Object *v, int argcnt, int argcntafter, Object **sp)
{
    Object *it = obj_get_iter(v);
    if (!it) {
        if (err_matches(exc_TypeError) && !TYPE(v)->iter && !TYPE(v)->mp_subscript &&
            !TYPE(v)->sq_item) {
            err_clear();
            err_format(exc_TypeError, "cannot unpack non-iterable %s object", TYPE(v)->name);
        }
        return 0;
    }
    int i = 0;
    for (; i < argcnt; i++) {
        Object *w = obj_iter_next(it);
        if (!w) {
            if (!err_occurred()) {
                if (argcntafter == -1)
                    err_format(exc_ValueError, "not enough values to unpack (expected %d, got %d)",
                               argcnt, i);
                else
                    err_format(exc_ValueError,
                               "not enough values to unpack (expected at least %d, got %d)",
                               argcnt + argcntafter, i);
            }
            goto error;
        }
        *--sp = w;
    }
    if (argcntafter == -1) {
        Object *w = obj_iter_next(it);
        if (!w) {
            if (err_occurred())
                goto error;
            decref(it);
            return 1;
        }
        decref(w);
        err_format(exc_ValueError, "too many values to unpack (expected %d)", argcnt);
        goto error;
    }
    Object *l = list_from_iterable(it);
    if (!l)
        goto error;
    *--sp = l;
    i++;
    ssize_t ll = LIST_LEN(l);
    if (ll < argcntafter) {
        err_format(exc_ValueError, "not enough values to unpack (expected at least %d, got %zd)",
                   argcnt + argcntafter, argcnt + ll);
        goto error;
    }
    for (int j = argcntafter; j > 0; j--, i++)
        *--sp = LIST_GET(l, ll - j);
    SIZE(l) = ll - argcntafter;
    decref(it);
    return 1;
error:
    for (; i > 0; i--, sp++)
        decref(*sp);
    decref(it);
    return 0;
}

static void
format_exc_check_arg(TypeObject *exc, const char *fmt, Object *name)
{
    err_format(exc, fmt, name);
    if (exc != exc_NameError)       /* CPython 3.11 makes a NameError now, for its name */
        return;
    Object *e = err_normalize();
    if (e && obj_type_check(e, exc_NameError))
        XSETREF(((NameErrorObject *)e)->name, newref(name));
}

static void
format_unbound(CodeObject *co, int slot)
{
    Object *name = TUPLE_GET(co->localsplusnames, slot);
    if (co->localspluskinds[slot] & CO_FAST_FREE)
        format_exc_check_arg(exc_NameError,
                             "cannot access free variable '%U' where it is not associated "
                             "with a value in enclosing scope",
                             name);
    else
        format_exc_check_arg(exc_UnboundLocalError,
                             "cannot access local variable '%U' where it is not associated "
                             "with a value",
                             name);
}

/* CPython's _PyObject_FunctionStr: "mod.qualname()" ("qualname()" for builtins), or
** str(func) when it has no __qualname__.  New reference, NULL + exception on error. */
static Object *
function_str(Object *func)
{
    Object *qualname = obj_lookup_attr(func, ID(__qualname__));
    if (!qualname) {
        if (err_occurred())
            return NULL;
        return obj_str(func);
    }
    Object *module = obj_lookup_attr(func, ID(__module__));
    Object *res;
    if (!module && err_occurred())
        res = NULL;
    else if (module && module != None && !(STR_CHECK(module) && str_eq_cstr(module, "builtins")))
        res = str_from_format("%S.%S()", module, qualname);
    else
        res = str_from_format("%S()", qualname);
    xdecref(module);
    decref(qualname);
    return res;
}

/* Rewrite the error of merging 'kwargs' for a call of 'func' (DICT_MERGE, **kwargs). */
static void
format_kwargs_error(Object *func, Object *kwargs)
{
    if (err_matches(exc_AttributeError)) {
        err_clear();
        Object *fname = function_str(func);
        if (fname) {
            err_format(exc_TypeError, "%U argument after ** must be a mapping, not %s", fname,
                       TYPE(kwargs)->name);
            decref(fname);
        }
    } else if (err_matches(exc_KeyError)) {
        Object *exc = err_fetch();
        Object *args = EXC(exc)->args;
        if (args && TUPLE_LEN(args) == 1) {
            Object *fname = function_str(func);
            if (fname) {
                err_format(exc_TypeError, "%U got multiple values for keyword argument '%S'",
                           fname, TUPLE_GET(args, 0));
                decref(fname);
            }
            decref(exc);
        } else {
            err_restore(exc);
        }
    }
}

static Object *
exc_info_value(void)
{
    for (ExcInfo *ei = rt.exc_info; ei; ei = ei->previous)
        if (ei->exc_value && ei->exc_value != None)
            return ei->exc_value;
    return NULL;
}

/* raise / raise exc / raise exc from cause.  Returns 1 for a bare re-raise. */
static int
do_raise(Object *exc, Object *cause)
{
    Object *type = NULL, *value = NULL;
    if (!exc) {
        Object *cur = exc_info_value();
        if (!cur) {
            err_set(exc_RuntimeError, "No active exception to reraise");
            return 0;
        }
        err_restore(newref(cur));
        return 1;
    }
    if (EXC_TYPE_CHECK(exc)) {
        type = exc;
        value = exc_new((TypeObject *)type, NULL);
        if (!value)
            goto raise_error;
        if (!EXC_CHECK(value)) {
            err_format(exc_TypeError,
                       "calling %R should have returned an instance of BaseException, not %s",
                       type, TYPE(value)->name);
            goto raise_error;
        }
    } else if (EXC_CHECK(exc)) {
        value = newref(exc);
    } else {
        decref(exc);
        xdecref(cause);
        err_set(exc_TypeError, "exceptions must derive from BaseException");
        return 0;
    }
    if (cause) {
        Object *fixed;
        if (EXC_TYPE_CHECK(cause)) {
            fixed = exc_new((TypeObject *)cause, NULL);
            if (!fixed)
                goto raise_error;
            decref(cause);
        } else if (EXC_CHECK(cause)) {
            fixed = cause;
        } else if (cause == None) {
            decref(cause);
            fixed = NULL;
        } else {
            err_set(exc_TypeError, "exception causes must derive from BaseException");
            goto raise_error;
        }
        exc_set_cause(value, fixed);
        EXC(value)->suppress_context = 1;
        cause = NULL;
    }
    err_set_exc(value);
    decref(value);
    decref(exc);
    return 0;
raise_error:
    xdecref(value);
    decref(exc);
    xdecref(cause);
    return 0;
}

static int
check_except_type_valid(Object *right)
{
    if (TUPLE_CHECK(right)) {
        for (ssize_t i = 0; i < TUPLE_LEN(right); i++) {
            Object *e = TUPLE_GET(right, i);
            if (!EXC_TYPE_CHECK(e)) {
                err_set(exc_TypeError, "catching classes that do not inherit from BaseException "
                                       "is not allowed");
                return -1;
            }
        }
    } else if (!EXC_TYPE_CHECK(right)) {
        err_set(exc_TypeError, "catching classes that do not inherit from BaseException is not "
                               "allowed");
        return -1;
    }
    return 0;
}

/* sys.displayhook for the REPL's PRINT_EXPR */
static int
display_hook(Object *v)
{
    Object *hook = rt.sys_dict ? dict_getitem(rt.sys_dict, ID(displayhook)) : NULL;
    if (!hook) {
        err_set(exc_RuntimeError, "lost sys.displayhook");
        return -1;
    }
    Object *r = obj_call_one(hook, v);
    if (!r)
        return -1;
    decref(r);
    return 0;
}

static Object *
call_exit_after_exception(Object *exit_func, Object *val)
{
    Object *tb = EXC(val)->traceback;
    Object *args[3] = {(Object *)TYPE(val), val, tb ? tb : None};
    return obj_vectorcall(exit_func, args, 3, NULL);
}

/* obj.__enter__ / __exit__ lookups for BEFORE_WITH */
static Object *
special_lookup(Object *o, Object *name)
{
    Object *res = type_lookup(TYPE(o), name);
    if (!res)
        return NULL;
    descrgetfunc f = TYPE(res)->descr_get;
    if (f)
        return f(res, o, (Object *)TYPE(o));
    return newref(res);
}

static Object *
build_class_locals_error(void)
{
    return err_set(exc_SystemError, "no locals found");
}

/* ================================================================ specialisation
** Generic instructions rewrite themselves into specialised forms (CPython 3.11's
** "adaptive" instructions) using their inline cache words; a specialised instruction
** whose guard fails rewrites itself back ("deopt") and runs the generic code, which
** may specialise again.  Guards are version numbers: dict keys versions for globals. */

/* ip points at LOAD_GLOBAL's first cache word. */
static void
specialize_load_global(uint32_t *ip, Object *globals, Object *builtins, Object *name)
{
    if (!DICT_CHECK_EXACT(globals) || !DICT_CHECK_EXACT(builtins))
        return;
    int oparg = INSTR_ARG(ip[-1]);
    ssize_t ix = dict_lookup_str_index(globals, name);
    if (ix >= 0) {
        uint32_t gv = dict_keys_version(globals);
        if (gv == 0 || ix > (ssize_t)UINT32_MAX)
            return;
        ip[0] = gv;
        ip[2] = (uint32_t)ix;
        ip[-1] = MAKE_INSTR(OP_LOAD_GLOBAL_MODULE, oparg);
        return;
    }
    ix = dict_lookup_str_index(builtins, name);
    if (ix < 0)
        return;
    uint32_t gv = dict_keys_version(globals), bv = dict_keys_version(builtins);
    if (gv == 0 || bv == 0 || ix > (ssize_t)UINT32_MAX)
        return;
    ip[0] = gv;
    ip[1] = bv;
    ip[2] = (uint32_t)ix;
    ip[-1] = MAKE_INSTR(OP_LOAD_GLOBAL_BUILTIN, oparg);
}

/* LOAD_ATTR / STORE_ATTR of an instance attribute kept in the values array (no
** descriptor on the type, generic attribute access): ip points at the cache, [type
** version, shared-keys index]; 'op' is the specialised opcode. */
static void
specialize_instance_attr(uint32_t *ip, Object *owner, Object *name, int op)
{
    TypeObject *t = TYPE(owner);
    int generic = op == OP_LOAD_ATTR_INSTANCE_VALUE ? t->getattro == obj_generic_getattr
                                                      : t->setattro == obj_generic_setattr;
    if (!generic || !(t->flags & TPFLAG_MANAGED_DICT) || !STR_CHECK_EXACT(name))
        return;
    unsigned int v = type_version(t);
    if (v == 0 || type_lookup(t, name) != NULL)
        return;
    int ix = shared_keys_index((SharedKeys *)t->ht_cached_keys, name);
    if (ix < 0)
        return;
    type_cache_note_keys(t, name, ix);
    ip[0] = v;
    ip[1] = (uint32_t)ix;
    ip[-1] = MAKE_INSTR(op, INSTR_ARG(ip[-1]));
}

/* A cached instance-attribute site (LOAD_ATTR / STORE_ATTR_INSTANCE_VALUE) met an
** instance of another class tp whose get/setattr slot the caller found generic: when
** tp's method-cache entry for the name says it is no class attribute and gives its
** shared-keys index (noted by specialize_instance_attr for tp), the site re-targets to
** tp without the lookups.  1: done; 0: take the generic path. */
static VM_NOINLINE int
retarget_instance_attr(uint32_t *ip, TypeObject *tp, int oparg, Object **names)
{
    TypeCacheEntry *e;
    if (!(tp->flags & TPFLAG_MANAGED_DICT) || !(e = type_cache_find(tp, names[oparg])) ||
        e->value || e->vm_keys < 0)
        return 0;
    ip[0] = tp->version_tag;
    ip[1] = (uint32_t)e->vm_keys;
    return 1;
}

/* ip points at LOAD_METHOD's cache: [type version, shared-keys count, descriptor (2
** words)].  Called when a method descriptor was found on the type and not shadowed. */
static void
specialize_load_method(uint32_t *ip, Object *owner, Object *name, Object *descr)
{
    TypeObject *t = TYPE(owner);
    if (t->getattro != obj_generic_getattr || !STR_CHECK_EXACT(name))
        return;
    int op;
    uint32_t nkeys = 0;
    if (t->flags & TPFLAG_MANAGED_DICT) {
        SharedKeys *sk = (SharedKeys *)t->ht_cached_keys;
        if (*INST_DICT_PTR(owner) || shared_keys_index(sk, name) >= 0)
            return;
        nkeys = sk ? (uint32_t)sk->nkeys : 0;
        op = OP_LOAD_METHOD_WITH_VALUES;
    } else if (t->dictoffset == 0) {
        op = OP_LOAD_METHOD_NO_DICT;
    } else {
        return;
    }
    unsigned int v = type_version(t);
    if (v == 0 || type_lookup(t, name) != descr)
        return;
    if (op == OP_LOAD_METHOD_WITH_VALUES)
        type_cache_note_keys(t, name, -2 - (int)nkeys);
    ip[0] = v;
    ip[1] = nkeys;
    uintptr_t p = (uintptr_t)descr;
    ip[2] = (uint32_t)p;
    ip[3] = (uint32_t)((uint64_t)p >> 32);
    ip[-1] = MAKE_INSTR(op, INSTR_ARG(ip[-1]));
}

#define CACHED_PTR(ip) ((Object *)(uintptr_t)((uint64_t)(ip)[2] | ((uint64_t)(ip)[3] << 32)))

/* A cached LOAD_METHOD site met an instance of another class tp: when tp's method-cache
** entry for the name holds a method descriptor and (for instances with values) says the
** name is none of tp's current shared keys (noted by specialize_load_method), the site
** re-targets to tp without the lookups.  Returns the opcode it now has, 0 if none. */
static VM_NOINLINE int
retarget_load_method(uint32_t *ip, TypeObject *tp, int oparg, Object **names)
{
    TypeCacheEntry *e;
    if (tp->getattro != obj_generic_getattr || !(e = type_cache_find(tp, names[oparg])) ||
        !e->value || !(TYPE(e->value)->flags & TPFLAG_METHOD_DESCRIPTOR))
        return 0;
    uint32_t nkeys = 0;
    int op;
    if (tp->flags & TPFLAG_MANAGED_DICT) {
        SharedKeys *sk = (SharedKeys *)tp->ht_cached_keys;
        nkeys = sk ? (uint32_t)sk->nkeys : 0;
        if (e->vm_keys != -2 - (int)nkeys)
            return 0;
        op = OP_LOAD_METHOD_WITH_VALUES;
    } else if (tp->dictoffset == 0) {
        op = OP_LOAD_METHOD_NO_DICT;
    } else {
        return 0;
    }
    ip[0] = tp->version_tag;
    ip[1] = nkeys;
    uintptr_t p = (uintptr_t)e->value;
    ip[2] = (uint32_t)p;
    ip[3] = (uint32_t)((uint64_t)p >> 32);
    ip[-1] = MAKE_INSTR(op, oparg);
    return op;
}

/* ---- CPython 3.11's warm-up and BINARY_OP adaptation, reproduced exactly ----
** Only one specialisation of 3.11 is observable from Python: BINARY_OP_INPLACE_ADD_UNICODE
** (`s += t` / `s = s + t` on a local extends s in place, which keeps id(s)).  Whether a
** given execution takes it depends on 3.11's state machine, so pyheap runs the same one:
** a code object is "quickened" after 8 calls, generator resumptions or backward jumps
** (co_warmup); from then on each BINARY_OP site carries CPython's 16-bit counter and
** specialises on its first execution (counter 0), keyed on the operand types and on the
** next instruction being a STORE_FAST (or STORE_FAST__LOAD_FAST) of the left operand's
** local; a failed guard counts down 53 misses before the site adapts again, and a failed
** specialisation backs off exponentially.  The other BINARY_OP specialisations (ADD_INT,
** ...) behave like the generic instruction and only matter for these counters.
** Cache word: bits 0-7 the state (BINOP_*), bits 8-23 the counter; a site not yet
** quickened holds the compiler's CACHE word. */
enum {
    BINOP_ADAPTIVE = 1, BINOP_GENERIC, BINOP_INPLACE_UNICODE, BINOP_UNICODE, BINOP_INT,
    BINOP_FLOAT,
    BINOP_UNQUICKENED = OP_CACHE        /* the word as the compiler emits it */
};
#define BINOP_STATE(w) ((int)((w) & 0xFF))
/* BINARY_OP or one of its per-operator float forms (same cache word, same state
** machine: a float form is only written once the code is quickened) */
#define IS_BINARY_OP(op)                                                                 \
    ((op) == OP_BINARY_OP ||                                                             \
     ((op) >= OP_BINARY_OP_ADD_FLOAT && (op) <= OP_BINARY_OP_AND_INT))

/* The per-operator int form of a BINARY_OP oparg (0: none). */
static const uint8_t int_binop_form[NB_OP_COUNT] = {
    [NB_ADD] = OP_BINARY_OP_ADD_INT,
    [NB_INPLACE_ADD] = OP_BINARY_OP_ADD_INT,
    [NB_SUBTRACT] = OP_BINARY_OP_SUBTRACT_INT,
    [NB_INPLACE_SUBTRACT] = OP_BINARY_OP_SUBTRACT_INT,
    [NB_MULTIPLY] = OP_BINARY_OP_MULTIPLY_INT,
    [NB_INPLACE_MULTIPLY] = OP_BINARY_OP_MULTIPLY_INT,
    [NB_REMAINDER] = OP_BINARY_OP_REMAINDER_INT,
    [NB_INPLACE_REMAINDER] = OP_BINARY_OP_REMAINDER_INT,
    [NB_FLOOR_DIVIDE] = OP_BINARY_OP_FLOOR_DIVIDE_INT,
    [NB_INPLACE_FLOOR_DIVIDE] = OP_BINARY_OP_FLOOR_DIVIDE_INT,
    [NB_AND] = OP_BINARY_OP_AND_INT,
    [NB_INPLACE_AND] = OP_BINARY_OP_AND_INT,
};
#define BINOP_COUNTER(w) ((unsigned)((w) >> 8) & 0xFFFF)
#define BINOP_WORD(state, counter) ((uint32_t)(state) | ((uint32_t)(counter) << 8))
#define ADAPTIVE_BACKOFF_BITS 4

static unsigned
adaptive_counter_backoff(unsigned counter)
{
    unsigned backoff = (counter & ((1u << ADAPTIVE_BACKOFF_BITS) - 1)) + 1;
    if (backoff > 16 - ADAPTIVE_BACKOFF_BITS)
        backoff = 16 - ADAPTIVE_BACKOFF_BITS;
    return (((1u << backoff) - 1) << ADAPTIVE_BACKOFF_BITS) | backoff;
}

static void
vm_quicken(CodeObject *co)
{
    for (int i = 0; i < co->ncode; i += 1 + opcode_cache[INSTR_OP(co->code[i])])
        if (IS_BINARY_OP(INSTR_OP(co->code[i])))
            co->code[i + 1] = BINOP_WORD(BINOP_ADAPTIVE, 0);
}

/* RESUME / JUMP_BACKWARD's _PyCode_Warmup */
static inline void
vm_code_warmup(CodeObject *co)
{
    if (UNLIKELY(co->warmup < 0) && ++co->warmup == 0)
        vm_quicken(co);
}

/* _Py_Specialize_BinaryOp: the new state for a site whose counter reached zero. */
static uint32_t
binop_specialize(uint32_t word, Object *lhs, Object *rhs, int oparg, const uint32_t *next,
                 Object **localsplus)
{
    unsigned counter = BINOP_COUNTER(word);
    switch (oparg) {
    case NB_ADD:
    case NB_INPLACE_ADD:
        if (TYPE(lhs) != TYPE(rhs))
            break;
        if (STR_CHECK_EXACT(lhs)) {
            int nop = INSTR_OP(*next);
            if ((nop == OP_STORE_FAST || nop == OP_STORE_FAST__LOAD_FAST) &&
                localsplus[INSTR_ARG(*next)] == lhs)
                return BINOP_WORD(BINOP_INPLACE_UNICODE, 53);
            return BINOP_WORD(BINOP_UNICODE, 53);
        }
        /* fall through */
    case NB_MULTIPLY:
    case NB_INPLACE_MULTIPLY:
    case NB_SUBTRACT:
    case NB_INPLACE_SUBTRACT:
        if (TYPE(lhs) != TYPE(rhs))
            break;
        if (INT_CHECK_EXACT(lhs))
            return BINOP_WORD(BINOP_INT, 53);
        if (FLOAT_CHECK_EXACT(lhs))
            return BINOP_WORD(BINOP_FLOAT, 53);
        break;
    default:
        return BINOP_WORD(BINOP_GENERIC, 0);      /* never specialised again */
    }
    return BINOP_WORD(BINOP_ADAPTIVE, adaptive_counter_backoff(counter));
}

/* int op int for values below 2**60 in C arithmetic (Python's floor division and modulo
** signs); *res gets the result (NULL after MemoryError).  0: not handled here (an
** operator without a fast path, a zero divisor, a product that overflows). */
static VM_ALWAYS_INLINE int
int_binop_ll(int oparg, long long a, long long b, Object **res)
{
    long long r;
    switch (oparg) {
    case NB_ADD:
    case NB_INPLACE_ADD:
        r = a + b;
        break;
    case NB_SUBTRACT:
    case NB_INPLACE_SUBTRACT:
        r = a - b;
        break;
    case NB_MULTIPLY:
    case NB_INPLACE_MULTIPLY:
        if (__builtin_mul_overflow(a, b, &r))
            return 0;
        break;
    case NB_AND:
    case NB_INPLACE_AND:
        r = a & b;
        break;
    case NB_OR:
    case NB_INPLACE_OR:
        r = a | b;
        break;
    case NB_XOR:
    case NB_INPLACE_XOR:
        r = a ^ b;
        break;
    case NB_FLOOR_DIVIDE:
    case NB_INPLACE_FLOOR_DIVIDE:
        if (b == 0)
            return 0;
        r = a / b;
        if ((a % b != 0) && ((a < 0) != (b < 0)))
            r--;
        break;
    case NB_REMAINDER:
    case NB_INPLACE_REMAINDER:
        if (b == 0)
            return 0;
        r = a % b;
        if (r != 0 && ((r < 0) != (b < 0)))
            r += b;
        break;
    default:
        return 0;
    }
    *res = int_from_ll_op(r, oparg, a, b);
    return 1;
}

/* Run the site's state machine for one execution; returns the state that applies now
** (BINOP_INPLACE_UNICODE when the in-place path must be taken). */
static int
binop_adapt(uint32_t *cache, Object *lhs, Object *rhs, int oparg, Object **localsplus)
{
    uint32_t w = *cache;
    int st = BINOP_STATE(w);
    if (st == BINOP_UNQUICKENED || st == BINOP_GENERIC)
        return st;
    if (st == BINOP_ADAPTIVE) {
        if (BINOP_COUNTER(w) < (1u << ADAPTIVE_BACKOFF_BITS)) {
            *cache = binop_specialize(w, lhs, rhs, oparg, cache + 1, localsplus);
            return binop_adapt(cache, lhs, rhs, oparg, localsplus);
        }
        *cache = BINOP_WORD(st, BINOP_COUNTER(w) - (1u << ADAPTIVE_BACKOFF_BITS));
        return BINOP_GENERIC;
    }
    int hit;
    switch (st) {
    case BINOP_INPLACE_UNICODE:
        hit = STR_CHECK_EXACT(lhs) && TYPE(rhs) == TYPE(lhs) &&
              localsplus[INSTR_ARG(cache[1])] == lhs;
        break;
    case BINOP_UNICODE:
        hit = STR_CHECK_EXACT(lhs) && TYPE(rhs) == TYPE(lhs);
        break;
    case BINOP_INT:
        hit = INT_CHECK_EXACT(lhs) && TYPE(rhs) == TYPE(lhs);
        break;
    default:
        hit = FLOAT_CHECK_EXACT(lhs) && TYPE(rhs) == TYPE(lhs);
        break;
    }
    if (hit)
        return st;
    /* miss: count down; at zero the site becomes adaptive again (counter 31, backoff 5) */
    unsigned c = BINOP_COUNTER(w) - 1;
    *cache = c == 0 ? BINOP_WORD(BINOP_ADAPTIVE, (31u << ADAPTIVE_BACKOFF_BITS) | 5)
                    : BINOP_WORD(st, c);
    return BINOP_GENERIC;
}

/* ================================================================ the loop */

#ifdef __GNUC__
#define USE_COMPUTED_GOTO 1
#endif

static Object *vm_run(Frame *entry, int throwflag, int *yielded);

Object *
vm_current_globals(void)
{
    return rt.frame ? rt.frame->globals : NULL;
}

Object *
vm_current_builtins(void)
{
    return rt.frame ? rt.frame->builtins : rt.builtins;
}

Object *
vm_builtins(void)
{
    return vm_current_builtins();
}

Frame *
vm_current_frame(void)
{
    return rt.frame;
}

/* Call a Python function from C (function vectorcall). */
Object *
vm_call_function(Object *callable, Object *const *args, size_t nargs, Object *kwnames)
{
    FunctionObject *func = (FunctionObject *)callable;
    CodeObject *co = (CodeObject *)func->code;
    if (!kwnames && nargs <= 16 && code_takes_exact_args(co, (int)nargs)) {
        Object *owned[16];
        for (size_t i = 0; i < nargs; i++)
            owned[i] = newref(args[i]);
        Frame *f = frame_push_exact((FunctionObject *)newref(func), co, owned, (int)nargs);
        if (!f) {
            for (size_t i = 0; i < nargs; i++)
                decref(owned[i]);
            return NULL;
        }
        f->is_entry = 1;
        Object *res = vm_run(f, 0, NULL);
        frame_pop(f);
        return res;
    }
    Object *locals = (co->flags & CO_OPTIMIZED) ? NULL : func->globals;
    Frame *f = frame_push((FunctionObject *)newref(func), locals);
    if (!f)
        return NULL;
    size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0;
    /* the frame steals its arguments: give it new references */
    Object *small[16];
    Object **owned = small;
    if (nargs + nkw > 16) {
        owned = heap_alloc(sizeof(Object *) * (nargs + nkw));
        if (!owned) {
            f->stacktop = co->nlocalsplus;
            frame_pop(f);
            return err_no_memory();
        }
    }
    for (size_t i = 0; i < nargs + nkw; i++)
        owned[i] = newref(args[i]);
    int r = init_locals(func, f->localsplus, owned, (ssize_t)nargs, kwnames);
    if (owned != small)
        heap_free(owned);
    if (r < 0) {
        frame_pop(f);
        return NULL;
    }
    f->is_entry = 1;
    Object *res = vm_run(f, 0, NULL);
    frame_pop(f);
    return res;
}

/* The function PyEval_EvalCode makes to run module (or exec/eval) code: unlike a 'def',
** its __doc__ is None even when co_consts[0] is a str (CPython's
** _PyFunction_FromConstructor), so the constant is not held twice while the code runs. */
static Object *
module_function(Object *code, Object *globals)
{
    Object *func = function_new(code, globals, NULL);
    if (func)
        SETREF(((FunctionObject *)func)->doc, newref(None));
    return func;
}

Object *
vm_run_module_code(Object *code, Object *globals)
{
    Object *func = module_function(code, globals);
    if (!func)
        return NULL;
    Frame *f = frame_push((FunctionObject *)func, globals);
    if (!f)
        return NULL;
    f->is_entry = 1;
    Object *res = vm_run(f, 0, NULL);
    frame_pop(f);
    return res;
}

Object *
vm_eval_code(Object *code, Object *globals, Object *locals)
{
    Object *func = module_function(code, globals);
    if (!func)
        return NULL;
    Frame *f = frame_push((FunctionObject *)func, locals ? locals : globals);
    if (!f)
        return NULL;
    f->is_entry = 1;
    Object *res = vm_run(f, 0, NULL);
    frame_pop(f);
    return res;
}

Object *
vm_run_class_body(Object *funcobj, Object *ns)
{
    FunctionObject *func = (FunctionObject *)funcobj;
    Frame *f = frame_push((FunctionObject *)newref(func), ns);
    if (!f)
        return NULL;
    f->is_entry = 1;
    Object *res = vm_run(f, 0, NULL);
    frame_pop(f);
    return res;
}

Object *
vm_resume_frame(Frame *f, Object *value, int throwflag, int *returned)
{
    /* the resumed frame counts in the recursion depth like a pushed one (frame_push) */
    if (++rt.recursion_depth > rt.recursion_limit &&
        (!rt.recursion_headroom || rt.recursion_depth > rt.recursion_limit + 50)) {
        rt.recursion_depth--;
        rt.recursion_headroom++;
        err_set(exc_RecursionError, "maximum recursion depth exceeded");
        rt.recursion_headroom--;
        *returned = 1;
        return NULL;
    }
    if (!throwflag) {
        f->localsplus[f->stacktop++] = newref(value);
        vm_code_warmup(f->code);    /* the RESUME a generator executes when resumed */
    }
    f->is_entry = 1;
    int yielded = 0;
    Object *r = vm_run(f, throwflag, &yielded);
    rt.recursion_depth--;
    f->is_entry = 0;
    /* The caller's frame goes away while the generator sleeps: a stale 'previous' made
    ** a later take_ownership() build f_back from freed frame memory (fuzz_exec found it;
    ** CPython's gen_send_ex2 clears it the same way). */
    f->previous = NULL;
    *returned = !yielded;
    return r;
}

/* A frame suspended in 'yield from' has just executed [SEND exit; YIELD_VALUE 1] (see
** compile_yield_from_loop) and keeps the subiterator on top of its stack. */
Object *
vm_frame_yield_from(Frame *f)
{
    uint32_t *first = f->code->code;
    if (f->ip - first < 2 || INSTR_OP(f->ip[-1]) != OP_YIELD_VALUE || INSTR_ARG(f->ip[-1]) != 1)
        return NULL;
    return f->localsplus[f->stacktop - 1];
}

void
vm_frame_leave_yield_from(Frame *f)
{
    uint32_t send = f->ip[-2];
    Object *sub = f->localsplus[--f->stacktop];
    f->localsplus[f->stacktop] = NULL;
    decref(sub);
    f->ip = f->code->code + INSTR_ARG(send);
}

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define THIRD() (sp[-3])
#define PEEK(n) (sp[-(n)])
#define SET_TOP(v) (sp[-1] = (v))
#define SET_SECOND(v) (sp[-2] = (v))
#define STACK_SHRINK(n) (sp -= (n))
#define GETLOCAL(i) (localsplus[i])
#define SETLOCAL(i, v)                                                                   \
    do {                                                                                 \
        Object *tmp_ = localsplus[i];                                                    \
        localsplus[i] = (v);                                                             \
        xdecref(tmp_);                                                                   \
    } while (0)
#define JUMPTO(x) (ip = first_instr + (x))
/* A conditional jump that may go backward (the bottom test of a while loop): backward
** jumps are where signals and the instruction budget are checked. */
#define JUMPTO_COND(x)                                                                   \
    do {                                                                                 \
        uint32_t *target_ = first_instr + (x);                                           \
        if (target_ < ip && UNLIKELY(rt.sigint_pending || --rt.eval_budget == 0) &&      \
            vm_eval_breaker() < 0)                                                       \
            goto error;                                                                  \
        ip = target_;                                                                    \
    } while (0)
#define SKIP_CACHE(op) (ip += opcode_cache[OP_##op])

#define LOAD_FRAME()                                                                     \
    do {                                                                                 \
        co = f->code;                                                                    \
        first_instr = co->code;                                                          \
        ip = f->ip;                                                                      \
        localsplus = f->localsplus;                                                      \
        sp = localsplus + f->stacktop;                                                   \
        consts = TUPLE_ITEMS(co->consts);                                                \
        names = TUPLE_ITEMS(co->names);                                                  \
    } while (0)
#define SAVE_FRAME()                                                                     \
    do {                                                                                 \
        f->ip = ip;                                                                      \
        f->stacktop = (int)(sp - localsplus);                                            \
    } while (0)

#ifdef USE_COMPUTED_GOTO
#define TARGET(op) TARGET_##op:
#ifdef CFG_DEBUG
/* the value stack never outgrows the compiler's co_stacksize */
#define CHECK_STACK()                                                                    \
    do {                                                                                 \
        if (sp - localsplus > co->framesize)                                             \
            fatal("value stack overflow: co_stacksize too small");                       \
    } while (0)
#else
#define CHECK_STACK() ((void)0)
#endif
#define DISPATCH()                                                                       \
    do {                                                                                 \
        CHECK_STACK();                                                                   \
        word = *ip++;                                                                    \
        f->ip = ip;                                                                      \
        oparg = INSTR_ARG(word);                                                         \
        goto *dispatch_table[INSTR_OP(word)];                                            \
    } while (0)
#else
#define TARGET(op) case OP_##op:
#define DISPATCH() goto dispatch
#endif

static Object *
vm_run(Frame *entry, int throwflag, int *yielded)
{
#ifdef USE_COMPUTED_GOTO
    static void *dispatch_table[256] = {
#define OPL(name, effect, cache) [OP_##name] = &&TARGET_##name,
        OPCODES(OPL)
#undef OPL
    };
    static int dispatch_table_filled;
    if (UNLIKELY(!dispatch_table_filled)) {
        for (int i = 0; i < 256; i++)
            if (!dispatch_table[i])
                dispatch_table[i] = &&unknown_opcode;
        dispatch_table_filled = 1;
    }
#endif
    Frame *f = entry;
    CodeObject *co;
    uint32_t *first_instr, *ip;
    Object **localsplus, **sp, **consts, **names;
    uint32_t word;
    int oparg;
    Object *kwnames = NULL;
    Object *retval = NULL;

    /* The entry frame was counted in rt.recursion_depth when it was pushed (or resumed),
    ** so like CPython's start_frame each Python frame counts once; here only the C
    ** stack is checked.  (A pending thrown exception is replaced by the RecursionError.) */
    if (rt_check_c_stack() < 0)
        return NULL;
    entry->previous = rt.frame;
    rt.frame = entry;
    LOAD_FRAME();
    if (throwflag)
        goto resume_with_error;

#ifdef USE_COMPUTED_GOTO
    DISPATCH();
#else
dispatch:
    word = *ip++;
    f->ip = ip;
    oparg = INSTR_ARG(word);
    switch (INSTR_OP(word)) {
#endif

    TARGET(NOP) {
        DISPATCH();
    }

    TARGET(POP_TOP) {
        Object *v = POP();
        decref(v);
        DISPATCH();
    }

    TARGET(PUSH_NULL) {
        PUSH(NULL);
        DISPATCH();
    }

    TARGET(COPY) {
        Object *v = PEEK(oparg);
        PUSH(newref(v));
        DISPATCH();
    }

    TARGET(SWAP) {
        Object *t = TOP();
        SET_TOP(PEEK(oparg));
        PEEK(oparg) = t;
        DISPATCH();
    }

    TARGET(LOAD_CONST) {
        PUSH(newref(consts[oparg]));
        DISPATCH();
    }

    /* push local n, or raise UnboundLocalError / NameError for free variables */
#define PUSH_LOCAL(n)                                                                    \
    do {                                                                                 \
        Object *local_ = GETLOCAL(n);                                                    \
        if (!local_) {                                                                   \
            format_unbound(co, (n));                                                     \
            goto error;                                                                  \
        }                                                                                \
        PUSH(newref(local_));                                                            \
    } while (0)

/* the second half of a superinstruction: an error there is reported at its own
** instruction (the traceback reads f->ip, which DISPATCH set for the first half) */
#define PUSH_LOCAL_SECOND(n)                                                             \
    do {                                                                                 \
        Object *local_ = GETLOCAL(n);                                                    \
        if (!local_) {                                                                   \
            f->ip = ip;                                                                  \
            format_unbound(co, (n));                                                     \
            goto error;                                                                  \
        }                                                                                \
        PUSH(newref(local_));                                                            \
    } while (0)

    TARGET(LOAD_FAST) {
        PUSH_LOCAL(oparg);
        DISPATCH();
    }

    /* superinstructions (see compile.c combine_superinstructions): the second word is
       an ordinary instruction, consumed here */
    TARGET(LOAD_FAST__LOAD_FAST) {
        PUSH_LOCAL(oparg);
        int arg2 = INSTR_ARG(*ip++);
        PUSH_LOCAL_SECOND(arg2);
        DISPATCH();
    }

    TARGET(LOAD_FAST__LOAD_CONST) {
        PUSH_LOCAL(oparg);
        PUSH(newref(consts[INSTR_ARG(*ip++)]));
        DISPATCH();
    }

    TARGET(LOAD_CONST__LOAD_FAST) {
        PUSH(newref(consts[oparg]));
        int arg2 = INSTR_ARG(*ip++);
        PUSH_LOCAL_SECOND(arg2);
        DISPATCH();
    }

    TARGET(STORE_FAST__LOAD_FAST) {
        Object *v = POP();
        SETLOCAL(oparg, v);
        int arg2 = INSTR_ARG(*ip++);
        PUSH_LOCAL_SECOND(arg2);
        DISPATCH();
    }

    TARGET(STORE_FAST__STORE_FAST) {
        Object *v = POP();
        SETLOCAL(oparg, v);
        v = POP();
        int arg2 = INSTR_ARG(*ip++);      /* SETLOCAL evaluates its index twice */
        SETLOCAL(arg2, v);
        DISPATCH();
    }

    TARGET(STORE_FAST) {
        Object *v = POP();
        SETLOCAL(oparg, v);
        DISPATCH();
    }

    TARGET(DELETE_FAST) {
        Object *v = GETLOCAL(oparg);
        if (!v) {
            format_unbound(co, oparg);
            goto error;
        }
        SETLOCAL(oparg, NULL);
        DISPATCH();
    }

    TARGET(MAKE_CELL) {
        Object *initial = GETLOCAL(oparg);
        Object *cell = cell_new(initial);
        if (!cell)
            goto error;
        SETLOCAL(oparg, cell);
        DISPATCH();
    }

    TARGET(COPY_FREE_VARS) {
        Object *closure = ((FunctionObject *)f->func)->closure;
        int offset = co->nlocalsplus - oparg;
        for (int i = 0; i < oparg; i++)
            localsplus[offset + i] = newref(TUPLE_GET(closure, i));
        DISPATCH();
    }

    TARGET(LOAD_CLOSURE) {
        PUSH_LOCAL(oparg);
        DISPATCH();
    }

    TARGET(LOAD_DEREF) {
        Object *v = CELL_GET(GETLOCAL(oparg));
        if (!v) {
            format_unbound(co, oparg);
            goto error;
        }
        PUSH(newref(v));
        DISPATCH();
    }

    TARGET(STORE_DEREF) {
        Object *v = POP();
        CellObject *cell = (CellObject *)GETLOCAL(oparg);
        Object *old = cell->ref;
        cell->ref = v;
        xdecref(old);
        DISPATCH();
    }

    TARGET(DELETE_DEREF) {
        CellObject *cell = (CellObject *)GETLOCAL(oparg);
        Object *old = cell->ref;
        if (!old) {
            format_unbound(co, oparg);
            goto error;
        }
        cell->ref = NULL;
        decref(old);
        DISPATCH();
    }

    TARGET(LOAD_CLASSDEREF) {
        Object *name = TUPLE_GET(co->localsplusnames, oparg);
        Object *locals = f->locals;
        Object *v;
        if (DICT_CHECK_EXACT(locals)) {
            v = dict_getitem_with_error(locals, name);
            if (v)
                incref(v);
            else if (err_occurred())
                goto error;
        } else {
            v = obj_getitem(locals, name);
            if (!v) {
                if (!err_matches(exc_KeyError))
                    goto error;
                err_clear();
            }
        }
        if (!v) {
            v = CELL_GET(GETLOCAL(oparg));
            if (!v) {
                format_unbound(co, oparg);
                goto error;
            }
            incref(v);
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL_MODULE) {
        /* cache: [globals keys version, -, entry index, -] */
        if (UNLIKELY(dict_keys_version_now(f->globals) != ip[0]))
            goto deopt_load_global;
        Object *v = dict_value_at(f->globals, (ssize_t)ip[2]);
        if (UNLIKELY(!v))
            goto deopt_load_global;
        if (oparg & 1)
            PUSH(NULL);
        PUSH(newref(v));
        SKIP_CACHE(LOAD_GLOBAL);
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL_BUILTIN) {
        /* cache: [globals keys version, builtins keys version, entry index, -] */
        if (UNLIKELY(dict_keys_version_now(f->globals) != ip[0] ||
                     dict_keys_version_now(f->builtins) != ip[1]))
            goto deopt_load_global;
        Object *v = dict_value_at(f->builtins, (ssize_t)ip[2]);
        if (UNLIKELY(!v))
            goto deopt_load_global;
        if (oparg & 1)
            PUSH(NULL);
        PUSH(newref(v));
        SKIP_CACHE(LOAD_GLOBAL);
        DISPATCH();
    }

    deopt_load_global:
        ip[-1] = MAKE_INSTR(OP_LOAD_GLOBAL, oparg);
        /* fall through to the generic instruction, which may specialise again */
    TARGET(LOAD_GLOBAL) {
        Object *name = names[oparg >> 1];
        Object *v = dict_lookup_str(f->globals, name);
        if (!v) {
            v = dict_lookup_str(f->builtins, name);
            if (!v) {
                format_exc_check_arg(exc_NameError, "name '%U' is not defined", name);
                goto error;
            }
        }
        specialize_load_global(ip, f->globals, f->builtins, name);
        if (oparg & 1)
            PUSH(NULL);
        PUSH(newref(v));
        SKIP_CACHE(LOAD_GLOBAL);
        DISPATCH();
    }

    TARGET(STORE_GLOBAL) {
        Object *v = POP();
        int r = dict_setitem(f->globals, names[oparg], v);
        decref(v);
        if (r < 0)
            goto error;
        DISPATCH();
    }

    TARGET(DELETE_GLOBAL) {
        Object *name = names[oparg];
        int r = dict_delitem_if_present(f->globals, name);
        if (r < 0)
            goto error;
        if (r == 0) {
            format_exc_check_arg(exc_NameError, "name '%U' is not defined", name);
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_NAME) {
        Object *name = names[oparg];
        Object *locals = f->locals;
        Object *v = NULL;
        if (!locals) {
            err_format(exc_SystemError, "no locals when loading %R", name);
            goto error;
        }
        if (DICT_CHECK_EXACT(locals)) {
            v = dict_getitem_with_error(locals, name);
            if (v)
                incref(v);
            else if (err_occurred())
                goto error;
        } else {
            v = obj_getitem(locals, name);
            if (!v) {
                if (!err_matches(exc_KeyError))
                    goto error;
                err_clear();
            }
        }
        if (!v) {
            v = dict_lookup_str(f->globals, name);
            if (!v)
                v = dict_lookup_str(f->builtins, name);
            if (!v) {
                format_exc_check_arg(exc_NameError, "name '%U' is not defined", name);
                goto error;
            }
            incref(v);
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_NAME) {
        Object *name = names[oparg];
        Object *v = POP();
        Object *locals = f->locals;
        int r;
        if (!locals) {
            err_format(exc_SystemError, "no locals found when storing %R", name);
            decref(v);
            goto error;
        }
        if (DICT_CHECK_EXACT(locals))
            r = dict_setitem(locals, name, v);
        else
            r = obj_setitem(locals, name, v);
        decref(v);
        if (r < 0)
            goto error;
        DISPATCH();
    }

    TARGET(DELETE_NAME) {
        Object *name = names[oparg];
        Object *locals = f->locals;
        if (!locals) {
            err_format(exc_SystemError, "no locals when deleting %R", name);
            goto error;
        }
        int r = obj_delitem(locals, name);
        if (r < 0) {
            if (err_matches(exc_KeyError)) {
                err_clear();
                format_exc_check_arg(exc_NameError, "name '%U' is not defined", name);
            }
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_ATTR_INSTANCE_VALUE) {
        Object *owner = TOP();
        if (UNLIKELY(TYPE(owner)->version_tag != ip[0])) {
            /* another class at a polymorphic site (a method of a base class) */
            TypeObject *tp = TYPE(owner);
            if (tp->getattro != obj_generic_getattr || !retarget_instance_attr(ip, tp, oparg, names))
                goto deopt_load_attr;
        }
        if (UNLIKELY(*INST_DICT_PTR(owner)))
            goto deopt_load_attr;
        InstanceValues *vals = *INST_VALUES_PTR(owner);
        uint32_t ix = ip[1];
        Object *res;
        if (UNLIKELY(!vals || ix >= vals->cap || !(res = vals->values[ix])))
            goto deopt_load_attr;
        SET_TOP(newref(res));
        decref(owner);
        SKIP_CACHE(LOAD_ATTR);
        DISPATCH();
    }

    TARGET(LOAD_ATTR_MODULE)
    TARGET(LOAD_ATTR_SLOT)
    deopt_load_attr:
        ip[-1] = MAKE_INSTR(OP_LOAD_ATTR, oparg);
    TARGET(LOAD_ATTR) {
        Object *owner = TOP();
        Object *res;
        MC_PROGRAM_NAME(names[oparg], res = obj_getattr(owner, names[oparg]));
        if (!res)
            goto error;
        specialize_instance_attr(ip, owner, names[oparg], OP_LOAD_ATTR_INSTANCE_VALUE);
        SET_TOP(res);
        decref(owner);
        SKIP_CACHE(LOAD_ATTR);
        DISPATCH();
    }

    TARGET(STORE_ATTR_INSTANCE_VALUE) {
        Object *owner = TOP();
        if (UNLIKELY(TYPE(owner)->version_tag != ip[0])) {
            TypeObject *tp = TYPE(owner);
            if (tp->setattro != obj_generic_setattr || !retarget_instance_attr(ip, tp, oparg, names))
                goto deopt_store_attr;
        }
        if (UNLIKELY(*INST_DICT_PTR(owner)))
            goto deopt_store_attr;
        InstanceValues *vals = *INST_VALUES_PTR(owner);
        uint32_t ix = ip[1];
        if (UNLIKELY(!vals || ix >= vals->cap)) {
            vals = inst_values_for_store(owner, (int)ix);
            if (!vals)
                goto error;
        }
        Object *old = vals->values[ix];
        vals->values[ix] = SECOND();        /* the stack's reference moves in */
        STACK_SHRINK(2);
        if (old)
            decref(old);
        else
            vals->order[vals->n++] = (uint8_t)ix;
        decref(owner);
        SKIP_CACHE(STORE_ATTR);
        DISPATCH();
    }

    deopt_store_attr:
        ip[-1] = MAKE_INSTR(OP_STORE_ATTR, oparg);
    TARGET(STORE_ATTR) {
        Object *owner = TOP();
        Object *v = SECOND();
        STACK_SHRINK(2);
        int r;
        MC_PROGRAM_NAME(names[oparg], r = obj_setattr(owner, names[oparg], v));
        if (r == 0)
            specialize_instance_attr(ip, owner, names[oparg], OP_STORE_ATTR_INSTANCE_VALUE);
        decref(v);
        decref(owner);
        if (r < 0)
            goto error;
        SKIP_CACHE(STORE_ATTR);
        DISPATCH();
    }

    TARGET(DELETE_ATTR) {
        Object *owner = POP();
        int r;
        MC_PROGRAM_NAME(names[oparg], r = obj_setattr(owner, names[oparg], NULL));
        decref(owner);
        if (r < 0)
            goto error;
        DISPATCH();
    }

    TARGET(LOAD_METHOD_WITH_VALUES)
    load_method_with_values: {
        Object *obj = TOP();
        if (UNLIKELY(TYPE(obj)->version_tag != ip[0])) {
            /* another class at a polymorphic site */
            int op = retarget_load_method(ip, TYPE(obj), oparg, names);
            if (op == OP_LOAD_METHOD_NO_DICT)
                goto load_method_no_dict;
            if (op != OP_LOAD_METHOD_WITH_VALUES)
                goto deopt_load_method;
        }
        if (UNLIKELY(*INST_DICT_PTR(obj)))
            goto deopt_load_method;
        SharedKeys *sk = (SharedKeys *)TYPE(obj)->ht_cached_keys;
        if (UNLIKELY((sk ? (uint32_t)sk->nkeys : 0) != ip[1]))
            goto deopt_load_method;
        SET_TOP(newref(CACHED_PTR(ip)));
        PUSH(obj);
        SKIP_CACHE(LOAD_METHOD);
        DISPATCH();
    }

    TARGET(LOAD_METHOD_NO_DICT)
    load_method_no_dict: {
        Object *obj = TOP();
        if (UNLIKELY(TYPE(obj)->version_tag != ip[0])) {
            int op = retarget_load_method(ip, TYPE(obj), oparg, names);
            if (op == OP_LOAD_METHOD_WITH_VALUES)
                goto load_method_with_values;
            if (op != OP_LOAD_METHOD_NO_DICT)
                goto deopt_load_method;
        }
        SET_TOP(newref(CACHED_PTR(ip)));
        PUSH(obj);
        SKIP_CACHE(LOAD_METHOD);
        DISPATCH();
    }

    deopt_load_method:
        ip[-1] = MAKE_INSTR(OP_LOAD_METHOD, oparg);
    TARGET(LOAD_METHOD) {
        Object *obj = TOP();
        Object *meth = NULL;
        int found;
        MC_PROGRAM_NAME(names[oparg], found = obj_get_method(obj, names[oparg], &meth));
        if (found < 0)
            goto error;
        if (found) {
            specialize_load_method(ip, obj, names[oparg], meth);
            SET_TOP(meth);
            PUSH(obj);
        } else {
            SET_TOP(NULL);
            decref(obj);
            PUSH(meth);
        }
        SKIP_CACHE(LOAD_METHOD);
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR) {
        Object *sub = POP();
        Object *container = TOP();
        Object *res;
        if (LIST_CHECK_EXACT(container) && INT_CHECK_EXACT(sub) && int_is_compact(sub)) {
            long i = int_compact_value(sub);
            if (i < 0)
                i += LIST_LEN(container);
            if ((unsigned long)i < (unsigned long)LIST_LEN(container)) {
                res = newref(LIST_GET(container, i));
                SET_TOP(res);
                decref(container);
                decref(sub);
                DISPATCH();
            }
        } else if (TUPLE_CHECK_EXACT(container) && INT_CHECK_EXACT(sub) &&
                   int_is_compact(sub)) {
            long i = int_compact_value(sub);
            if (i < 0)
                i += TUPLE_LEN(container);
            if ((unsigned long)i < (unsigned long)TUPLE_LEN(container)) {
                res = newref(TUPLE_GET(container, i));
                SET_TOP(res);
                decref(container);
                decref(sub);
                DISPATCH();
            }
        }
        res = obj_getitem(container, sub);
        decref(sub);
        if (!res)
            goto error;
        SET_TOP(res);
        decref(container);
        DISPATCH();
    }

    TARGET(STORE_SUBSCR) {
        Object *sub = TOP();
        Object *container = SECOND();
        Object *v = THIRD();
        STACK_SHRINK(3);
        int r;
        if (LIST_CHECK_EXACT(container) && INT_CHECK_EXACT(sub) && int_is_compact(sub) &&
            int_compact_value(sub) >= 0 && int_compact_value(sub) < LIST_LEN(container)) {
            long i = int_compact_value(sub);
            Object *old = LIST_GET(container, i);
            LIST_SET(container, i, v);
            decref(old);
            decref(container);
            decref(sub);
            DISPATCH();
        }
        if (DICT_CHECK_EXACT(container))
            r = dict_setitem(container, sub, v);
        else
            r = obj_setitem(container, sub, v);
        decref(v);
        decref(container);
        decref(sub);
        if (r < 0)
            goto error;
        DISPATCH();
    }

    TARGET(DELETE_SUBSCR) {
        Object *sub = TOP();
        Object *container = SECOND();
        STACK_SHRINK(2);
        int r = obj_delitem(container, sub);
        decref(container);
        decref(sub);
        if (r < 0)
            goto error;
        DISPATCH();
    }

    /* The end of a specialised BINARY_OP: its result replaces the two operands. */
#define BINOP_SPECIAL_PUSH(res)                                                          \
    do {                                                                                 \
        STACK_SHRINK(1);                                                                 \
        SET_TOP(res);                                                                    \
        if (UNLIKELY(!(res)))                                                            \
            goto error_pop1;                                                             \
        SKIP_CACHE(BINARY_OP);                                                           \
        DISPATCH();                                                                      \
    } while (0)

    /* float op float for one operator: no type dispatch, no operator switch */
#define FLOAT_BINOP(expr)                                                                \
    do {                                                                                 \
        Object *rhs = TOP();                                                             \
        Object *lhs = SECOND();                                                          \
        if (UNLIKELY(!FLOAT_CHECK_EXACT(lhs) || !FLOAT_CHECK_EXACT(rhs)))                \
            goto deopt_binary_op;                                                        \
        double a = FLOAT_VAL(lhs), b = FLOAT_VAL(rhs);                                   \
        if (expr##_GUARD)                                                                \
            goto deopt_binary_op;                                                        \
        int bst = BINOP_STATE(*ip);                                                      \
        if (UNLIKELY(bst != BINOP_FLOAT && bst != BINOP_UNQUICKENED && bst != BINOP_GENERIC)) \
            (void)binop_adapt(ip, lhs, rhs, oparg, localsplus);                          \
        Object *res = float_from_double(expr);                                           \
        float_decref_exact(lhs);                                                         \
        float_decref_exact(rhs);                                                         \
        BINOP_SPECIAL_PUSH(res);                                                         \
    } while (0)
#define FADD (a + b)
#define FADD_GUARD 0
#define FSUB (a - b)
#define FSUB_GUARD 0
#define FMUL (a * b)
#define FMUL_GUARD 0
#define FDIV (a / b)
#define FDIV_GUARD (b == 0.0)

    TARGET(BINARY_OP_ADD_FLOAT) {
        FLOAT_BINOP(FADD);
    }

    TARGET(BINARY_OP_SUBTRACT_FLOAT) {
        FLOAT_BINOP(FSUB);
    }

    TARGET(BINARY_OP_MULTIPLY_FLOAT) {
        FLOAT_BINOP(FMUL);
    }

    TARGET(BINARY_OP_TRUE_DIVIDE_FLOAT) {
        FLOAT_BINOP(FDIV);
    }

    /* int op int below 2**60 for one operator (int_binop_ll's arithmetic); other ints
       take the generic path, which leaves the instruction as it is */
#define INT_BINOP(compute)                                                               \
    do {                                                                                 \
        Object *rhs = TOP();                                                             \
        Object *lhs = SECOND();                                                          \
        if (UNLIKELY(!INT_CHECK_EXACT(lhs) || !INT_CHECK_EXACT(rhs)))                    \
            goto deopt_binary_op;                                                        \
        long long a, b, r;                                                               \
        if (UNLIKELY(!int_two_digit_value(lhs, &a) || !int_two_digit_value(rhs, &b)))   \
            goto binary_op_generic;                                                      \
        compute;                                                                         \
        int bst = BINOP_STATE(*ip);                                                      \
        if (UNLIKELY(bst != BINOP_INT && bst != BINOP_UNQUICKENED && bst != BINOP_GENERIC)) \
            (void)binop_adapt(ip, lhs, rhs, oparg, localsplus);                          \
        Object *res = int_from_ll_op(r, oparg, a, b);                                    \
        decref(lhs);                                                                     \
        decref(rhs);                                                                     \
        BINOP_SPECIAL_PUSH(res);                                                         \
    } while (0)

    TARGET(BINARY_OP_ADD_INT) {
        INT_BINOP(r = a + b);
    }

    TARGET(BINARY_OP_SUBTRACT_INT) {
        INT_BINOP(r = a - b);
    }

    TARGET(BINARY_OP_MULTIPLY_INT) {
        INT_BINOP(if (__builtin_mul_overflow(a, b, &r)) goto binary_op_generic);
    }

    TARGET(BINARY_OP_REMAINDER_INT) {
        INT_BINOP(if (b == 0) goto binary_op_generic;
                  r = a % b;
                  if (r != 0 && ((r < 0) != (b < 0))) r += b);
    }

    TARGET(BINARY_OP_FLOOR_DIVIDE_INT) {
        INT_BINOP(if (b == 0) goto binary_op_generic;
                  r = a / b;
                  if ((a % b != 0) && ((a < 0) != (b < 0))) r--);
    }

    TARGET(BINARY_OP_AND_INT) {
        INT_BINOP(r = a & b);
    }

    deopt_binary_op:
        ip[-1] = MAKE_INSTR(OP_BINARY_OP, oparg);
    TARGET(BINARY_OP)
    binary_op_generic: {
        Object *rhs = POP();
        Object *lhs = TOP();
        Object *res;
        /* The adaptive state (binop_adapt) only needs running when the site's state is
           not the one these operand types confirm: int and float arithmetic check the
           types first, everything else goes through it. */
        int bst = BINOP_STATE(*ip);
        if (INT_CHECK_EXACT(lhs) && INT_CHECK_EXACT(rhs)) {
            if (UNLIKELY(bst != BINOP_INT && bst != BINOP_UNQUICKENED && bst != BINOP_GENERIC))
                (void)binop_adapt(ip, lhs, rhs, oparg, localsplus);
            /* ints of up to two digits (below 2**60) are computed in C: one-digit
               operands, their products, loop counters past 2**30 */
            long long a, b;
            if (int_two_digit_value(lhs, &a) && int_two_digit_value(rhs, &b) &&
                int_binop_ll(oparg, a, b, &res)) {
                /* once the code is quickened, the site becomes the operator's int form */
                if (bst != BINOP_UNQUICKENED && int_binop_form[oparg])
                    ip[-1] = MAKE_INSTR(int_binop_form[oparg], oparg);
                goto binop_done;
            }
            goto binop_generic;
        }
        if (FLOAT_CHECK_EXACT(lhs) && FLOAT_CHECK_EXACT(rhs)) {
            if (UNLIKELY(bst != BINOP_FLOAT && bst != BINOP_UNQUICKENED &&
                         bst != BINOP_GENERIC))
                (void)binop_adapt(ip, lhs, rhs, oparg, localsplus);
            double a = FLOAT_VAL(lhs), b = FLOAT_VAL(rhs);
            /* once the code is quickened, the site becomes the operator's float form */
            int fop = 0;
            switch (oparg) {
            case NB_ADD:
            case NB_INPLACE_ADD:
                res = float_from_double(a + b);
                fop = OP_BINARY_OP_ADD_FLOAT;
                break;
            case NB_SUBTRACT:
            case NB_INPLACE_SUBTRACT:
                res = float_from_double(a - b);
                fop = OP_BINARY_OP_SUBTRACT_FLOAT;
                break;
            case NB_MULTIPLY:
            case NB_INPLACE_MULTIPLY:
                res = float_from_double(a * b);
                fop = OP_BINARY_OP_MULTIPLY_FLOAT;
                break;
            case NB_TRUE_DIVIDE:
            case NB_INPLACE_TRUE_DIVIDE:
                if (b == 0.0)
                    goto binop_generic;
                res = float_from_double(a / b);
                fop = OP_BINARY_OP_TRUE_DIVIDE_FLOAT;
                break;
            case NB_POWER:
            case NB_INPLACE_POWER:
                /* what num_binary_op would reach: float has no in-place power */
                res = float_type.nb_power(lhs, rhs, None);
                goto binop_float_done;
            default:
                goto binop_generic;
            }
            if (bst != BINOP_UNQUICKENED)
                ip[-1] = MAKE_INSTR(fop, oparg);
            goto binop_float_done;
        }
        if (UNLIKELY(bst != BINOP_UNQUICKENED && bst != BINOP_GENERIC) &&
            binop_adapt(ip, lhs, rhs, oparg, localsplus) == BINOP_INPLACE_UNICODE) {
            /* BINARY_OP_INPLACE_ADD_UNICODE: the local's str is extended in place when
               only the local holds it (after the stack's reference is dropped), and the
               following store is done here */
            uint32_t store = ip[1];
            Object **target = &localsplus[INSTR_ARG(store)];
            decref(lhs);                    /* the stack's reference; the local keeps one */
            STACK_SHRINK(1);
            int r = str_append_inplace(target, rhs);
            decref(rhs);
            if (r < 0)
                goto error;
            ip += 2;                        /* the cache word and the STORE_FAST */
            if (INSTR_OP(store) == OP_STORE_FAST__LOAD_FAST) {
                /* its LOAD_FAST half still has to run */
                int arg2 = INSTR_ARG(*ip++);
                Object *v = GETLOCAL(arg2);
                if (!v) {
                    format_unbound(co, arg2);
                    goto error;
                }
                PUSH(newref(v));
            }
            DISPATCH();
        }
        if ((oparg == NB_ADD || oparg == NB_INPLACE_ADD) && STR_CHECK_EXACT(lhs) &&
            STR_CHECK_EXACT(rhs)) {
            res = str_concat(lhs, rhs);
            goto binop_done;
        }
    binop_generic:
        res = num_binary_op(lhs, rhs, oparg);
    binop_done:
        decref(lhs);
        decref(rhs);
        SET_TOP(res);
        if (!res)
            goto error_pop1;
        SKIP_CACHE(BINARY_OP);
        DISPATCH();
    binop_float_done:
        float_decref_exact(lhs);
        float_decref_exact(rhs);
        SET_TOP(res);
        if (!res)
            goto error_pop1;
        SKIP_CACHE(BINARY_OP);
        DISPATCH();
    }

    TARGET(UNARY_POSITIVE) {
        Object *v = TOP();
        Object *res = num_positive(v);
        decref(v);
        SET_TOP(res);
        if (!res)
            goto error_pop1;
        DISPATCH();
    }

    TARGET(UNARY_NEGATIVE) {
        Object *v = TOP();
        Object *res;
        if (INT_CHECK_EXACT(v) && int_is_compact(v))
            res = int_from_long(-int_compact_value(v));
        else
            res = num_negative(v);
        decref(v);
        SET_TOP(res);
        if (!res)
            goto error_pop1;
        DISPATCH();
    }

    TARGET(UNARY_NOT) {
        Object *v = TOP();
        int t = obj_is_true(v);
        decref(v);
        if (t < 0) {
            STACK_SHRINK(1);
            goto error;
        }
        SET_TOP(bool_from(!t));
        DISPATCH();
    }

    TARGET(UNARY_INVERT) {
        Object *v = TOP();
        Object *res = num_invert(v);
        decref(v);
        SET_TOP(res);
        if (!res)
            goto error_pop1;
        DISPATCH();
    }

    TARGET(COMPARE_OP) {
        Object *right = POP();
        Object *left = TOP();
        Object *res;
        int r;
        if (INT_CHECK_EXACT(left) && INT_CHECK_EXACT(right) && int_is_compact(left) &&
            int_is_compact(right)) {
            long a = int_compact_value(left), b = int_compact_value(right);
            switch (oparg) {
            case CMP_LT: r = a < b; break;
            case CMP_LE: r = a <= b; break;
            case CMP_EQ: r = a == b; break;
            case CMP_NE: r = a != b; break;
            case CMP_GT: r = a > b; break;
            default: r = a >= b; break;
            }
            goto compare_fast_done;
        } else if (FLOAT_CHECK_EXACT(left) && FLOAT_CHECK_EXACT(right)) {
            double a = FLOAT_VAL(left), b = FLOAT_VAL(right);
            switch (oparg) {
            case CMP_LT: r = a < b; break;
            case CMP_LE: r = a <= b; break;
            case CMP_EQ: r = a == b; break;
            case CMP_NE: r = a != b; break;
            case CMP_GT: r = a > b; break;
            default: r = a >= b; break;
            }
        compare_fast_done: {
            /* fused with a following conditional jump: no bool is pushed */
            uint32_t next = *ip;
            int nop = INSTR_OP(next);
            if (nop == OP_POP_JUMP_IF_FALSE || nop == OP_POP_JUMP_IF_TRUE) {
                decref(left);
                decref(right);
                STACK_SHRINK(1);
                ip++;
                if (r == (nop == OP_POP_JUMP_IF_TRUE))
                    JUMPTO_COND(INSTR_ARG(next));
                DISPATCH();
            }
            res = bool_from(r);
        }
        } else if (STR_CHECK_EXACT(left) && STR_CHECK_EXACT(right) &&
                   (oparg == CMP_EQ || oparg == CMP_NE)) {
            int eq = str_eq(left, right);
            res = bool_from(oparg == CMP_EQ ? eq : !eq);
        } else {
            res = obj_richcompare(left, right, oparg);
        }
        decref(left);
        decref(right);
        SET_TOP(res);
        if (!res)
            goto error_pop1;
        DISPATCH();
    }

    TARGET(IS_OP) {
        Object *right = POP();
        Object *left = TOP();
        int r = (left == right) ^ oparg;
        if (compare_ident_hook) {
            /* --compare-modes records (compare.c); it runs no Python code */
            SAVE_FRAME();
            compare_ident_hook(oparg ? COMPARE_IS_NOT : COMPARE_IS, left, right);
        }
        decref(left);
        decref(right);
        SET_TOP(bool_from(r));
        DISPATCH();
    }

    TARGET(CONTAINS_OP) {
        Object *right = POP();
        Object *left = TOP();
        int r = obj_contains(right, left);
        decref(left);
        decref(right);
        if (r < 0) {
            STACK_SHRINK(1);
            goto error;
        }
        SET_TOP(bool_from(r ^ oparg));
        DISPATCH();
    }

    TARGET(BUILD_TUPLE) {
        Object *t = tuple_from_array_take(sp - oparg, oparg);
        STACK_SHRINK(oparg);
        if (!t)
            goto error;
        PUSH(t);
        DISPATCH();
    }

    TARGET(BUILD_LIST) {
        Object *l = list_from_array_take(sp - oparg, oparg);
        STACK_SHRINK(oparg);
        if (!l)
            goto error;
        PUSH(l);
        DISPATCH();
    }

    TARGET(BUILD_SET) {
        Object *s = set_new(NULL);
        int err = s == NULL;
        for (int i = oparg; i > 0; i--) {
            Object *item = PEEK(i);
            if (!err)
                err = set_add(s, item) < 0;
            decref(item);
        }
        STACK_SHRINK(oparg);
        if (err) {
            xdecref(s);
            goto error;
        }
        PUSH(s);
        DISPATCH();
    }

    TARGET(BUILD_MAP) {
        int unicode = 1;
        for (int i = 0; i < oparg; i++)
            if (!STR_CHECK_EXACT(PEEK(2 * (oparg - i))))
                unicode = 0;
        Object *d = dict_new_presized_kind(oparg, unicode);
        int err = d == NULL;
        for (int i = 0; i < oparg; i++) {
            Object *k = PEEK(2 * (oparg - i)), *v = PEEK(2 * (oparg - i) - 1);
            if (!err)
                err = dict_setitem(d, k, v) < 0;
        }
        for (int i = 0; i < 2 * oparg; i++)
            decref(POP());
        if (err) {
            xdecref(d);
            goto error;
        }
        PUSH(d);
        DISPATCH();
    }

    TARGET(BUILD_CONST_KEY_MAP) {
        Object *keys = TOP();
        int unicode = 1;
        for (int i = 0; i < oparg; i++)
            if (!STR_CHECK_EXACT(TUPLE_GET(keys, i)))
                unicode = 0;
        Object *d = dict_new_presized_kind(oparg, unicode);
        int err = d == NULL;
        for (int i = 0; i < oparg && !err; i++)
            err = dict_setitem(d, TUPLE_GET(keys, i), PEEK(oparg - i + 1)) < 0;
        decref(POP());
        for (int i = 0; i < oparg; i++)
            decref(POP());
        if (err) {
            xdecref(d);
            goto error;
        }
        PUSH(d);
        DISPATCH();
    }

    TARGET(BUILD_STRING) {
        /* _PyUnicode_JoinArray: a new string, never a cached one-character one */
        Object *s = str_join_array(NULL, sp - oparg, oparg);
        for (int i = 0; i < oparg; i++)
            decref(POP());
        if (!s)
            goto error;
        PUSH(s);
        DISPATCH();
    }

    TARGET(BUILD_SLICE) {
        Object *step = oparg == 3 ? POP() : NULL;
        Object *stop = POP();
        Object *start = TOP();
        Object *s = slice_new(start, stop, step);
        decref(start);
        decref(stop);
        xdecref(step);
        SET_TOP(s);
        if (!s)
            goto error_pop1;
        DISPATCH();
    }

    TARGET(LIST_APPEND) {
        Object *v = POP();
        Object *l = PEEK(oparg);
        if (list_append_take(l, v) < 0)
            goto error;
        DISPATCH();
    }

    TARGET(SET_ADD) {
        Object *v = POP();
        int r = set_add(PEEK(oparg), v);
        decref(v);
        if (r < 0)
            goto error;
        DISPATCH();
    }

    TARGET(MAP_ADD) {
        Object *v = POP();
        Object *k = POP();
        int r = dict_setitem(PEEK(oparg), k, v);
        decref(k);
        decref(v);
        if (r < 0)
            goto error;
        DISPATCH();
    }

    TARGET(LIST_EXTEND) {
        Object *it = POP();
        Object *l = PEEK(oparg);
        int r = list_extend(l, it);
        if (r < 0) {
            if (err_matches(exc_TypeError) && !TYPE(it)->iter && !TYPE(it)->sq_item &&
                !TYPE(it)->mp_subscript) {
                err_clear();
                err_format(exc_TypeError, "Value after * must be an iterable, not %s",
                           TYPE(it)->name);
            }
            decref(it);
            goto error;
        }
        decref(it);
        DISPATCH();
    }

    TARGET(SET_UPDATE) {
        Object *it = POP();
        int r = set_update(PEEK(oparg), it);
        decref(it);
        if (r < 0)
            goto error;
        DISPATCH();
    }

    TARGET(DICT_UPDATE) {
        Object *upd = POP();
        Object *d = PEEK(oparg);
        if (dict_merge(d, upd, 1) < 0) {
            if (err_matches(exc_AttributeError)) {
                err_clear();
                err_format(exc_TypeError, "'%s' object is not a mapping", TYPE(upd)->name);
            }
            decref(upd);
            goto error;
        }
        decref(upd);
        DISPATCH();
    }

    TARGET(DICT_MERGE) {
        Object *upd = POP();
        Object *d = PEEK(oparg);
        if (dict_merge(d, upd, 2) < 0) {
            format_kwargs_error(PEEK(oparg + 2), upd);
            decref(upd);
            goto error;
        }
        decref(upd);
        DISPATCH();
    }

    TARGET(LIST_TO_TUPLE) {
        Object *l = TOP();
        Object *t = list_as_tuple(l);
        decref(l);
        SET_TOP(t);
        if (!t)
            goto error_pop1;
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE) {
        Object *seq = POP();
        if (TUPLE_CHECK_EXACT(seq) && TUPLE_LEN(seq) == oparg) {
            Object **items = TUPLE_ITEMS(seq);
            while (oparg--)
                PUSH(newref(items[oparg]));
        } else if (LIST_CHECK_EXACT(seq) && LIST_LEN(seq) == oparg) {
            Object **items = LIST_ITEMS(seq);
            while (oparg--)
                PUSH(newref(items[oparg]));
        } else if (TUPLE_CHECK_EXACT(seq) || LIST_CHECK_EXACT(seq)) {
            ssize_t n = SIZE(seq);
            if (n < oparg)
                err_format(exc_ValueError, "not enough values to unpack (expected %d, got %zd)",
                           oparg, n);
            else
                err_format(exc_ValueError, "too many values to unpack (expected %d)", oparg);
            decref(seq);
            goto error;
        } else if (unpack_iterable(seq, oparg, -1, sp + oparg)) {
            sp += oparg;
        } else {
            decref(seq);
            goto error;
        }
        decref(seq);
        DISPATCH();
    }

    TARGET(UNPACK_EX) {
        int totalargs = 1 + (oparg & 0xFF) + (oparg >> 8);
        Object *seq = POP();
        if (unpack_iterable(seq, oparg & 0xFF, oparg >> 8, sp + totalargs)) {
            sp += totalargs;
        } else {
            decref(seq);
            goto error;
        }
        decref(seq);
        DISPATCH();
    }

    TARGET(FORMAT_VALUE) {
        Object *spec = (oparg & FVS_HAVE_SPEC) ? POP() : NULL;
        Object *value = POP();
        Object *conv = NULL;
        switch (oparg & 3) {
        case FVC_STR:
            conv = obj_str(value);
            break;
        case FVC_REPR:
            conv = obj_repr(value);
            break;
        case FVC_ASCII:
            conv = obj_ascii(value);
            break;
        default:
            conv = newref(value);
            break;
        }
        decref(value);
        if (!conv) {
            xdecref(spec);
            goto error;
        }
        Object *res;
        if (STR_CHECK_EXACT(conv) && !spec)
            res = conv;
        else {
            res = obj_format(conv, spec);
            decref(conv);
        }
        xdecref(spec);
        if (!res)
            goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(GET_ITER) {
        Object *iterable = TOP();
        Object *it = obj_get_iter(iterable);
        decref(iterable);
        SET_TOP(it);
        if (!it)
            goto error_pop1;
        DISPATCH();
    }

    TARGET(FOR_ITER) {
        Object *iter = TOP();
        Object *next;
        TypeObject *t = TYPE(iter);
        if (t == &rangeiter_type) {
            RangeIterObject *r = (RangeIterObject *)iter;
            if (r->index < r->len) {
                next = int_from_long(r->start + r->index * r->step);
                r->index++;
                if (!next)
                    goto error;
                PUSH(next);
                DISPATCH();
            }
            goto for_exhausted;
        }
        next = t->iternext(iter);
        if (next) {
            PUSH(next);
            DISPATCH();
        }
        if (err_occurred()) {
            if (!err_matches(exc_StopIteration))
                goto error;
            err_clear();
        }
    for_exhausted:
        STACK_SHRINK(1);
        decref(iter);
        JUMPTO(oparg);
        DISPATCH();
    }

    TARGET(JUMP) {
        if (first_instr + oparg < ip) {
            /* backward jump: check for signals and the budget */
            if (UNLIKELY(rt.sigint_pending || --rt.eval_budget == 0) && vm_eval_breaker() < 0)
                goto error;
            vm_code_warmup(co);     /* JUMP_BACKWARD */
        }
        JUMPTO(oparg);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_FALSE) {
        Object *cond = POP();
        if (cond == False_) {
            decref(cond);
            JUMPTO_COND(oparg);
        } else if (cond != True_) {
            int t = obj_is_true(cond);
            decref(cond);
            if (t < 0)
                goto error;
            if (!t)
                JUMPTO_COND(oparg);
        } else {
            decref(cond);
        }
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_TRUE) {
        Object *cond = POP();
        if (cond == True_) {
            decref(cond);
            JUMPTO_COND(oparg);
        } else if (cond != False_) {
            int t = obj_is_true(cond);
            decref(cond);
            if (t < 0)
                goto error;
            if (t)
                JUMPTO_COND(oparg);
        } else {
            decref(cond);
        }
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NONE) {
        Object *v = POP();
        int jump = v == None;
        decref(v);
        if (jump)
            JUMPTO_COND(oparg);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NOT_NONE) {
        Object *v = POP();
        int jump = v != None;
        decref(v);
        if (jump)
            JUMPTO_COND(oparg);
        DISPATCH();
    }

    TARGET(JUMP_IF_FALSE_OR_POP) {
        Object *cond = TOP();
        int t = cond == True_ ? 1 : cond == False_ ? 0 : obj_is_true(cond);
        if (t < 0)
            goto error;
        if (!t) {
            JUMPTO(oparg);
        } else {
            STACK_SHRINK(1);
            decref(cond);
        }
        DISPATCH();
    }

    TARGET(JUMP_IF_TRUE_OR_POP) {
        Object *cond = TOP();
        int t = cond == True_ ? 1 : cond == False_ ? 0 : obj_is_true(cond);
        if (t < 0)
            goto error;
        if (t) {
            JUMPTO(oparg);
        } else {
            STACK_SHRINK(1);
            decref(cond);
        }
        DISPATCH();
    }

    TARGET(KW_NAMES) {
        kwnames = consts[oparg];
        DISPATCH();
    }

    TARGET(CALL)
    TARGET(CALL_PY_EXACT_ARGS)
    TARGET(CALL_BUILTIN_O)
    TARGET(CALL_BUILTIN_FAST)
    TARGET(CALL_METHOD_DESCRIPTOR_O)
    TARGET(CALL_METHOD_DESCRIPTOR_FAST)
    TARGET(CALL_TYPE_1)
    TARGET(CALL_LEN)
    TARGET(CALL_ISINSTANCE)
    TARGET(CALL_LIST_APPEND) {
        int is_meth = PEEK(oparg + 2) != NULL;
        Object *function = PEEK(oparg + 1);
        if (!is_meth && TYPE(function) == &method_type) {
            Object *meth = ((MethodObject *)function)->func;
            Object *self = ((MethodObject *)function)->self;
            incref(meth);
            incref(self);
            PEEK(oparg + 1) = self;
            PEEK(oparg + 2) = meth;
            decref(function);
            is_meth = 1;
        }
        int total_args = oparg + is_meth;
        function = PEEK(total_args + 1);
        int nkw = kwnames ? (int)TUPLE_LEN(kwnames) : 0;
        int positional = total_args - nkw;
        SKIP_CACHE(CALL);
        if (!kwnames && (TYPE(function) == &method_descr_type ||
                         TYPE(function) == &cfunction_type)) {
            /* builtin functions and methods of builtin types, called without keywords:
               straight to the C function (CPython's CALL_BUILTIN_* / CALL_METHOD_
               DESCRIPTOR_* specialisations) */
            const MethodDef *ml;
            Object *self;
            Object **args = sp - total_args;
            int n = total_args;
            if (TYPE(function) == &method_descr_type) {
                MethodDescrObject *d = (MethodDescrObject *)function;
                ml = d->d_method;
                if (n < 1 || (ml->flags & (METH_CLASS | METH_STATIC)) ||
                    !obj_type_check(args[0], d->common.d_type))
                    goto call_generic;
                self = args[0];
                args++;
                n--;
            } else {
                ml = ((CFunctionObject *)function)->ml;
                self = ((CFunctionObject *)function)->self;
            }
            if (((ml->flags & METH_NOARGS) && n != 0) || ((ml->flags & METH_O) && n != 1) ||
                (ml->flags & METH_TUPLE))
                goto call_generic;
            SAVE_FRAME();
            if (rt_enter_recursion(" while calling a Python object") < 0)
                goto error;
            Object *res = ml->meth(self, args, n, NULL);
            rt_leave_recursion();
            decref(function);
            STACK_SHRINK(total_args);
            for (int i = 0; i < total_args; i++)
                decref(sp[i]);
            STACK_SHRINK(2 - is_meth);
            if (!res)
                goto error;
            PUSH(res);
            DISPATCH();
        }
    call_generic:
        if (TYPE(function) == &function_type && !kwnames &&
            code_takes_exact_args((CodeObject *)((FunctionObject *)function)->code,
                                  total_args)) {
            FunctionObject *func = (FunctionObject *)function;
            STACK_SHRINK(total_args);
            Object **args = sp;
            STACK_SHRINK(2 - is_meth);
            Frame *nf = frame_push_exact(func, (CodeObject *)func->code, args, total_args);
            if (!nf) {
                for (int i = 0; i < total_args; i++)
                    decref(args[i]);
                goto error;
            }
            SAVE_FRAME();
            nf->previous = f;
            f = nf;
            rt.frame = f;
            LOAD_FRAME();
            if (UNLIKELY(rt.sigint_pending || --rt.eval_budget == 0) && vm_eval_breaker() < 0)
                goto error;
            DISPATCH();
        }
        if (TYPE(function) == &function_type) {
            FunctionObject *func = (FunctionObject *)function;
            CodeObject *fco = (CodeObject *)func->code;
            Object *locals = (fco->flags & CO_OPTIMIZED) ? NULL : func->globals;
            STACK_SHRINK(total_args);
            Object *callkw = kwnames;
            kwnames = NULL;
            Frame *nf = frame_push(func, locals);     /* steals the function */
            Object **args = sp;
            STACK_SHRINK(2 - is_meth);
            if (!nf) {
                for (int i = 0; i < total_args; i++)
                    decref(args[i]);
                goto error;
            }
            if (init_locals(func, nf->localsplus, args, positional, callkw) < 0) {
                frame_pop(nf);
                goto error;
            }
            SAVE_FRAME();
            nf->previous = f;
            f = nf;
            rt.frame = f;
            LOAD_FRAME();
            if (UNLIKELY(rt.sigint_pending || --rt.eval_budget == 0) && vm_eval_breaker() < 0)
                goto error;
            DISPATCH();
        }
        SAVE_FRAME();
        Object *res = obj_vectorcall(function, sp - total_args, (size_t)positional, kwnames);
        kwnames = NULL;
        decref(function);
        STACK_SHRINK(total_args);
        for (int i = 0; i < total_args; i++)
            decref(sp[i]);
        STACK_SHRINK(2 - is_meth);
        if (!res)
            goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(CALL_FUNCTION_EX) {
        Object *kwargs = (oparg & 1) ? POP() : NULL;
        Object *callargs = POP();
        Object *func = TOP();
        if (!TUPLE_CHECK_EXACT(callargs)) {
            Object *t = NULL;
            if (!TYPE(callargs)->iter && !TYPE(callargs)->sq_item) {
                Object *fname = function_str(func);
                if (fname) {
                    err_format(exc_TypeError, "%U argument after * must be an iterable, not %s",
                               fname, TYPE(callargs)->name);
                    decref(fname);
                }
            } else {
                t = tuple_from_iterable(callargs);
            }
            decref(callargs);
            if (!t) {
                xdecref(kwargs);
                goto error_pop_func_ex;
            }
            callargs = t;
        }
        if (kwargs && !DICT_CHECK_EXACT(kwargs)) {
            Object *d = dict_new();
            if (!d || dict_merge(d, kwargs, 2) < 0) {
                if (d)
                    format_kwargs_error(func, kwargs);
                xdecref(d);
                decref(kwargs);
                decref(callargs);
                goto error_pop_func_ex;
            }
            decref(kwargs);
            kwargs = d;
        }
        SAVE_FRAME();
        Object *res = obj_call(func, callargs, kwargs);
        decref(callargs);
        xdecref(kwargs);
        decref(func);
        STACK_SHRINK(1);
        Object *null = POP();
        xdecref(null);
        if (!res)
            goto error;
        PUSH(res);
        DISPATCH();
    error_pop_func_ex:
        STACK_SHRINK(1);
        decref(func);
        null = POP();
        xdecref(null);
        goto error;
    }

    TARGET(MAKE_FUNCTION) {
        Object *codeobj = POP();
        Object *func = function_new(codeobj, f->globals, ((CodeObject *)codeobj)->qualname);
        decref(codeobj);
        if (!func)
            goto error;
        FunctionObject *fn = (FunctionObject *)func;
        if (oparg & MF_CLOSURE)
            fn->closure = POP();
        if (oparg & MF_ANNOTATIONS)
            fn->annotations = POP();
        if (oparg & MF_KWDEFAULTS)
            fn->kwdefaults = POP();
        if (oparg & MF_DEFAULTS)
            fn->defaults = POP();
        PUSH(func);
        DISPATCH();
    }

    TARGET(RETURN_VALUE) {
        retval = POP();
        SAVE_FRAME();
        if (f->is_entry) {
            if (yielded)
                *yielded = 0;
            goto exit_frame;
        }
        /* the caller is the running frame before the locals go (GH-99729): a finalizer
        ** they run sees it, never the frame being cleared */
        Frame *caller = f->previous;
        rt.frame = caller;
        frame_pop_fast(f);
        f = caller;
        LOAD_FRAME();
        PUSH(retval);
        retval = NULL;
        DISPATCH();
    }

    TARGET(RETURN_GENERATOR) {
        SAVE_FRAME();
        Object *gen = gen_new_from_frame(f);
        if (!gen)
            goto error;
        if (f->is_entry) {
            retval = gen;
            if (yielded)
                *yielded = 0;
            goto exit_frame;
        }
        Frame *caller = f->previous;
        rt.frame = caller;
        frame_pop(f);
        f = caller;
        LOAD_FRAME();
        PUSH(gen);
        DISPATCH();
    }

    TARGET(YIELD_VALUE) {
        retval = POP();
        SAVE_FRAME();
        if (yielded)
            *yielded = 1;
        goto exit_frame;
    }

    TARGET(GET_YIELD_FROM_ITER) {
        Object *iterable = TOP();
        if (TYPE(iterable) == &generator_type)
            DISPATCH();
        Object *it = obj_get_iter(iterable);
        decref(iterable);
        SET_TOP(it);
        if (!it)
            goto error_pop1;
        DISPATCH();
    }

    TARGET(SEND) {
        Object *v = POP();
        Object *receiver = TOP();
        Object *res = NULL;
        Object *ret = NULL;
        SAVE_FRAME();
        if (TYPE(receiver) == &generator_type) {
            res = gen_send_ex(receiver, v, 0, &ret);
        } else if (v == None && TYPE(receiver)->iternext) {
            res = TYPE(receiver)->iternext(receiver);
        } else {
            res = obj_call_method(receiver, "send", &v, 1);
        }
        decref(v);
        if (!res) {
            if (!ret) {
                if (err_occurred()) {
                    if (!err_matches(exc_StopIteration))
                        goto error;
                    Object *exc = err_fetch();
                    ret = newref(exc_stop_iteration_value(exc));
                    decref(exc);
                } else {
                    ret = newref(None);
                }
            }
            decref(receiver);
            SET_TOP(ret);
            JUMPTO(oparg);
            DISPATCH();
        }
        PUSH(res);
        DISPATCH();
    }

    TARGET(RAISE_VARARGS) {
        Object *cause = NULL, *exc = NULL;
        switch (oparg) {
        case 2:
            cause = POP();
            /* fall through */
        case 1:
            exc = POP();
            /* fall through */
        case 0:
            if (do_raise(exc, cause))
                goto exception_unwind;
            break;
        default:
            err_set(exc_SystemError, "bad RAISE_VARARGS oparg");
            break;
        }
        goto error;
    }

    TARGET(RERAISE) {
        Object *exc = POP();
        err_restore(exc);
        goto exception_unwind;
    }

    TARGET(PUSH_EXC_INFO) {
        Object *value = TOP();
        ExcInfo *ei = rt.exc_info;
        Object *prev = ei->exc_value ? ei->exc_value : newref(None);
        SET_TOP(prev);
        ei->exc_value = newref(value);
        PUSH(value);
        DISPATCH();
    }

    TARGET(POP_EXCEPT) {
        Object *value = POP();
        ExcInfo *ei = rt.exc_info;
        Object *old = ei->exc_value;
        ei->exc_value = value;
        xdecref(old);
        DISPATCH();
    }

    TARGET(CHECK_EXC_MATCH) {
        Object *right = POP();
        Object *left = TOP();
        if (check_except_type_valid(right) < 0) {
            decref(right);
            goto error;
        }
        int r = err_exc_matches(left, right);
        decref(right);
        PUSH(bool_from(r));
        DISPATCH();
    }

    TARGET(WITH_EXCEPT_START) {
        Object *val = TOP();
        Object *exit_func = PEEK(4);
        SAVE_FRAME();
        Object *res = call_exit_after_exception(exit_func, val);
        if (!res)
            goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(BEFORE_WITH) {
        Object *mgr = TOP();
        Object *enter = special_lookup(mgr, ID(__enter__));
        if (!enter) {
            if (!err_occurred())
                err_format(exc_TypeError,
                           "'%s' object does not support the context manager protocol",
                           TYPE(mgr)->name);
            goto error;
        }
        Object *exitf = special_lookup(mgr, ID(__exit__));
        if (!exitf) {
            if (!err_occurred())
                err_format(exc_TypeError,
                           "'%s' object does not support the context manager protocol (missed "
                           "__exit__ method)",
                           TYPE(mgr)->name);
            decref(enter);
            goto error;
        }
        SET_TOP(exitf);
        decref(mgr);
        SAVE_FRAME();
        Object *res = obj_call_noargs(enter);
        decref(enter);
        if (!res)
            goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(LOAD_ASSERTION_ERROR) {
        PUSH(newref(exc_AssertionError));
        DISPATCH();
    }

    TARGET(IMPORT_NAME) {
        Object *name = names[oparg];
        Object *fromlist = POP();
        Object *level = TOP();
        SAVE_FRAME();
        Object *res = import_name(name, f->globals, fromlist, level);
        decref(level);
        decref(fromlist);
        SET_TOP(res);
        if (!res)
            goto error_pop1;
        DISPATCH();
    }

    TARGET(IMPORT_FROM) {
        Object *from = TOP();
        Object *res;
        MC_PROGRAM_NAME(names[oparg], res = import_from(from, names[oparg]));
        if (!res)
            goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(IMPORT_STAR) {
        Object *from = POP();
        if (!f->locals) {
            decref(from);
            build_class_locals_error();
            goto error;
        }
        int r = import_star(from, f->locals);
        decref(from);
        if (r < 0)
            goto error;
        DISPATCH();
    }

    TARGET(LOAD_BUILD_CLASS) {
        Object *bc = dict_getitem(f->builtins, ID(__build_class__));
        if (!bc) {
            err_set(exc_NameError, "__build_class__ not found");
            goto error;
        }
        PUSH(newref(bc));
        DISPATCH();
    }

    TARGET(SETUP_ANNOTATIONS) {
        if (!f->locals) {
            build_class_locals_error();
            goto error;
        }
        Object *locals = f->locals;
        Object *ann = obj_getitem(locals, ID(__annotations__));
        if (ann) {
            decref(ann);
            DISPATCH();
        }
        if (!err_matches(exc_KeyError))
            goto error;
        err_clear();
        Object *d = dict_new();
        if (!d)
            goto error;
        int r = obj_setitem(locals, ID(__annotations__), d);
        decref(d);
        if (r < 0)
            goto error;
        DISPATCH();
    }

    TARGET(PRINT_EXPR) {
        Object *v = POP();
        SAVE_FRAME();
        int r = display_hook(v);
        decref(v);
        if (r < 0)
            goto error;
        DISPATCH();
    }

    TARGET(LOAD_LOCALS) {
        if (!f->locals) {
            build_class_locals_error();
            goto error;
        }
        PUSH(newref(f->locals));
        DISPATCH();
    }

    TARGET(SETUP_FINALLY)
    TARGET(SETUP_CLEANUP)
    TARGET(SETUP_WITH)
    TARGET(POP_BLOCK)
    TARGET(CACHE) {
        err_set(exc_SystemError, "executed a pseudo instruction");
        goto error;
    }

#ifndef USE_COMPUTED_GOTO
    default:
        goto unknown_opcode;
    }
#endif

unknown_opcode:
    err_format(exc_SystemError, "unknown opcode %d", INSTR_OP(word));
    goto error;

error_pop1:
    STACK_SHRINK(1);
error:
    kwnames = NULL;
    if (!err_occurred())
        err_set(exc_SystemError, "error return without exception set");
    if (err_add_traceback(f) < 0) {
        /* the exception stays; its traceback is incomplete */
    }
exception_unwind: {
    int offset = (int)(ip - first_instr) - 1;
    ExcEntry *handler = NULL;
    for (int i = 0; i < co->nexc; i++) {
        ExcEntry *e = &co->exctable[i];
        if ((uint32_t)offset >= e->start && (uint32_t)offset < e->end) {
            handler = e;
            break;
        }
    }
    if (handler) {
        Object **base = localsplus + co->nlocalsplus + handler->depth;
        while (sp > base) {
            Object *v = POP();
            xdecref(v);
        }
        if (handler->lasti) {
            Object *lasti = int_from_long(offset);
            if (!lasti)
                goto exception_unwind;  /* MemoryError: unwind further */
            PUSH(lasti);
        }
        Object *exc = err_fetch();
        PUSH(exc);
        JUMPTO((int)handler->handler);
        DISPATCH();
    }
    /* no handler: this frame is done */
    while (sp > localsplus + co->nlocalsplus) {
        Object *v = POP();
        xdecref(v);
    }
    SAVE_FRAME();
    if (f->is_entry) {
        retval = NULL;
        if (yielded)
            *yielded = 0;
        goto exit_frame;
    }
    Frame *caller = f->previous;
    rt.frame = caller;
    frame_pop(f);
    f = caller;
    LOAD_FRAME();
}
resume_with_error:
    goto error;

exit_frame:
    rt.frame = entry->previous;
    return retval;
}

/* ================================================================ traceback anchors */

#include "grammar/parse.h"

int
vm_extract_anchors(const char *segment, size_t len, int *left_end, int *right_start)
{
    /* CPython parses the segment as a module of one expression statement */
    ErrState saved;
    err_save(&saved);
    Arena *arena = arena_new();
    int r = 0;
    if (arena) {
        ParseResult pr = parse_source(segment, len, "<anchors>", PARSE_FILE, arena);
        if (pr.mod && SEQ_LEN(pr.mod->body) == 1 &&
            ((Stmt *)SEQ_GET(pr.mod->body, 0))->kind == STMT_EXPR) {
            Expr *e = ((Stmt *)SEQ_GET(pr.mod->body, 0))->v.Expr.value;
            if (e->kind == EXPR_BINOP) {
                Expr *l = e->v.BinOp.left, *rr = e->v.BinOp.right;
                for (int i = l->end_col_offset; i < rr->col_offset; i++) {
                    char ch = segment[i];
                    if (ch == ' ' || ch == '\t' || ch == '\f')
                        continue;
                    *left_end = i;
                    *right_start = i + 1;
                    if (i + 1 < rr->col_offset && segment[i + 1] != ' ' &&
                        segment[i + 1] != '\t' && segment[i + 1] != '\f')
                        (*right_start)++;
                    r = 1;
                    break;
                }
            } else if (e->kind == EXPR_SUBSCRIPT) {
                *left_end = e->v.Subscript.value->end_col_offset;
                *right_start = e->v.Subscript.slice->end_col_offset + 1;
                r = 1;
            }
        }
        arena_free(arena);
    }
    err_clear();
    err_restore_saved(&saved);
    return r;
}

void
vm_init(void)
{
}

void
vm_fini(void)
{
    while (ds) {
        DataChunk *c = ds;
        ds = c->prev;
        heap_free(c->base);
        heap_free(c);
    }
    ds_total = 0;
}
