/*
** genobject.c -- generator objects (genobject.h): next/send/throw/close, the
** StopIteration protocol, and finalisation (PEP 442: a suspended generator that becomes
** garbage is closed, so its finally blocks run).
*/
#include "weakrefobject.h"
#include "genobject.h"
#include "error.h"
#include "gc.h"
#include "heap.h"
#include "state.h"
#include "intobject.h"
#include "strobject.h"
#include "tupleobject.h"
#include "exceptions.h"
#include "typeobject.h"
#include "methodobject.h"
#include "traceback.h"
#include "funcobject.h"
#include "ceval.h"
#include <string.h>

Object *
gen_new_from_frame(Frame *f)
{
    CodeObject *co = f->code;
    size_t fsize = frame_size_for(co);
    ssize_t nitems = (ssize_t)((fsize + sizeof(Object *) - 1) / sizeof(Object *));
    GenObject *g = (GenObject *)obj_alloc(&generator_type, nitems);
    if (!g)
        return NULL;
    Frame *nf = GEN_FRAME(g);
    memcpy(nf, f, sizeof(Frame) + sizeof(Object *) * (size_t)f->stacktop);
    nf->owner = FRAME_OWNED_BY_GENERATOR;
    nf->previous = NULL;
    nf->is_entry = 0;
    if (nf->frame_obj)
        nf->frame_obj->f_frame = nf;
    /* the old frame gave up its references */
    f->stacktop = 0;
    f->code = NULL;
    f->func = NULL;
    f->locals = NULL;
    f->frame_obj = NULL;
    g->code = newref((Object *)co);
    Object *func = nf->func;
    if (func && TYPE(func) == &function_type) {
        g->name = newref(((FunctionObject *)func)->name);
        g->qualname = newref(((FunctionObject *)func)->qualname);
    } else {
        g->name = newref(co->name);
        g->qualname = newref(co->qualname);
    }
    g->frame_state = GEN_CREATED;
    g->exc_state.exc_value = NULL;
    g->exc_state.previous = NULL;
    gc_track((Object *)g);
    return (Object *)g;
}

static void
gen_clear_frame(GenObject *g)
{
    if (g->frame_state == GEN_CLEARED)
        return;
    g->frame_state = GEN_CLEARED;
    Frame *f = GEN_FRAME(g);
    FrameObject *fo = f->frame_obj;
    if (fo && REFCNT(fo) > 1) {
        /* a traceback keeps the frame object: it takes the frame's data */
        frame_take_ownership_or_clear(f);
        return;
    }
    frame_take_ownership_or_clear(f);
}

static void gen_finalize(Object *self);

static void
gen_dealloc(Object *o)
{
    GenObject *g = (GenObject *)o;
    gc_untrack(o);
    weakref_clear_refs(o);
    if (obj_call_finalizer_from_dealloc(o) < 0)
        return;             /* resurrected */
    gc_untrack(o);
    gen_clear_frame(g);
    CLEAR(g->code);
    CLEAR(g->name);
    CLEAR(g->qualname);
    CLEAR(g->exc_state.exc_value);
    obj_free(o);
}

static int
gen_traverse(Object *o, visitproc visit, void *arg)
{
    GenObject *g = (GenObject *)o;
    OBJ_VISIT(g->code);
    OBJ_VISIT(g->name);
    OBJ_VISIT(g->qualname);
    if (g->frame_state < GEN_EXECUTING) {
        Frame *f = GEN_FRAME(g);
        OBJ_VISIT(f->frame_obj);
        OBJ_VISIT(f->locals);
        OBJ_VISIT(f->func);
        OBJ_VISIT(f->code);
        for (int i = 0; i < f->stacktop; i++)
            OBJ_VISIT(f->localsplus[i]);
    }
    OBJ_VISIT(g->exc_state.exc_value);
    return 0;
}

static int
gen_clear(Object *o)
{
    GenObject *g = (GenObject *)o;
    if (g->frame_state < GEN_EXECUTING)
        gen_clear_frame(g);
    CLEAR(g->exc_state.exc_value);
    return 0;
}

int
gen_is_generator(Object *o)
{
    return TYPE(o) == &generator_type;
}

Object *
gen_send_ex(Object *o, Object *value, int throwflag, Object **retval)
{
    GenObject *g = (GenObject *)o;
    if (retval)
        *retval = NULL;
    if (g->frame_state == GEN_EXECUTING)
        return err_set(exc_ValueError, "generator already executing");
    if (g->frame_state >= GEN_COMPLETED) {
        if (throwflag)
            return NULL;    /* the pending exception propagates */
        return NULL;        /* exhausted: StopIteration without value */
    }
    if (g->frame_state == GEN_CREATED && value && value != None && !throwflag)
        return err_set(exc_TypeError, "can't send non-None value to a just-started generator");
    Frame *f = GEN_FRAME(g);
    g->exc_state.previous = rt.exc_info;
    rt.exc_info = &g->exc_state;
    g->frame_state = GEN_EXECUTING;
    int returned = 0;
    incref(o);
    Object *r = vm_resume_frame(f, value ? value : None, throwflag, &returned);
    rt.exc_info = g->exc_state.previous;
    g->exc_state.previous = NULL;
    if (r && !returned) {
        g->frame_state = GEN_SUSPENDED;
        decref(o);
        return r;
    }
    /* finished: returned or raised */
    g->frame_state = GEN_COMPLETED;
    if (r) {
        if (retval)
            *retval = r;
        else
            decref(r);
        r = NULL;
    } else if (err_matches(exc_StopIteration)) {
        /* PEP 479: StopIteration inside a generator becomes RuntimeError */
        Object *exc = err_fetch();
        err_set(exc_RuntimeError, "generator raised StopIteration");
        Object *nexc = err_fetch();
        exc_set_cause(nexc, newref(exc));
        exc_set_context(nexc, exc);
        err_restore(nexc);
    }
    gen_clear_frame(g);
    decref(o);
    return NULL;
}

/* Raise StopIteration(retval) as send() does when the generator returns. */
static Object *
raise_stop(Object *retval)
{
    if (!retval || retval == None) {
        xdecref(retval);
        err_set_object(exc_StopIteration, NULL);
        return NULL;
    }
    Object *a = tuple_pack(1, retval);
    decref(retval);
    if (!a)
        return NULL;
    Object *e = exc_new(exc_StopIteration, a);
    decref(a);
    if (e) {
        err_set_exc(e);
        decref(e);
    }
    return NULL;
}

static Object *
gen_iternext(Object *o)
{
    Object *retval = NULL;
    Object *r = gen_send_ex(o, None, 0, &retval);
    if (!r && retval) {
        /* next() on a returning generator: StopIteration(value) when there is one */
        if (retval != None)
            return raise_stop(retval);
        decref(retval);
    }
    return r;
}

/* send(value), or throw the pending exception in if 'throwflag': the yielded value, or
** NULL with StopIteration(return value) or the exception raised. */
static Object *
gen_send_stop(Object *o, Object *value, int throwflag)
{
    Object *retval = NULL;
    Object *r = gen_send_ex(o, value, throwflag, &retval);
    if (!r && !err_occurred())
        return raise_stop(retval);
    return r;
}

static Object *
gen_send(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return gen_send_stop(self, args[0], 0);
}

/* The iterator a suspended generator delegates to with 'yield from' (new reference), or
** NULL (CPython _PyGen_yf). */
static Object *
gen_yield_from(GenObject *g)
{
    if (g->frame_state != GEN_SUSPENDED)
        return NULL;
    return xnewref(vm_frame_yield_from(GEN_FRAME(g)));
}

/* Close the subiterator of a 'yield from': its close() method if it has one.
** -1 + exception when that failed. */
static int
gen_close_iter(Object *yf)
{
    Object *retval;
    if (TYPE(yf) == &generator_type) {
        retval = gen_close(yf);
    } else {
        Object *meth = obj_lookup_attr(yf, ID(close));
        if (!meth) {
            if (err_occurred())
                err_write_unraisable(yf);
            return 0;
        }
        retval = obj_call_noargs(meth);
        decref(meth);
    }
    if (!retval)
        return -1;
    decref(retval);
    return 0;
}

Object *
gen_close(Object *o)
{
    GenObject *g = (GenObject *)o;
    if (g->frame_state == GEN_CREATED) {
        g->frame_state = GEN_COMPLETED;
        gen_clear_frame(g);
        return newref(None);
    }
    if (g->frame_state >= GEN_COMPLETED)
        return newref(None);
    /* close the subiterator first; if that fails, its exception is thrown in instead */
    int err = 0;
    Object *yf = gen_yield_from(g);
    if (yf) {
        int8_t state = g->frame_state;
        g->frame_state = GEN_EXECUTING;
        err = gen_close_iter(yf);
        g->frame_state = state;
        decref(yf);
    }
    if (err == 0)
        err_set_object(exc_GeneratorExit, NULL);
    Object *retval = NULL;
    Object *r = gen_send_ex(o, None, 1, &retval);
    if (r) {
        decref(r);
        return err_set(exc_RuntimeError, "generator ignored GeneratorExit");
    }
    xdecref(retval);
    if (!err_occurred() || err_matches(exc_StopIteration) || err_matches(exc_GeneratorExit)) {
        err_clear();
        return newref(None);
    }
    return NULL;
}

static Object *
gen_close_meth(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return gen_close(self);
}

/* throw(typ[, val[, tb]]) (val, tb NULL when not given), CPython's _gen_throw: a
** generator suspended in 'yield from' passes the exception on to its subiterator
** (GeneratorExit closes it instead); when that raises or finishes, the 'yield from'
** ends and the generator continues with the exception or the subiterator's result. */
static Object *
gen_throw_impl(GenObject *g, Object *typ, Object *val, Object *tb)
{
    Object *yf = gen_yield_from(g);
    if (yf) {
        Object *ret;
        int8_t state = g->frame_state;
        if (err_exc_matches(typ, (Object *)exc_GeneratorExit)) {
            g->frame_state = GEN_EXECUTING;
            int err = gen_close_iter(yf);
            g->frame_state = state;
            decref(yf);
            if (err < 0)
                return gen_send_stop((Object *)g, None, 1);
            goto throw_here;
        }
        if (TYPE(yf) == &generator_type) {
            /* the subgenerator's frame runs on top of ours, as if we resumed it */
            Frame *f = GEN_FRAME(g);
            Frame *prev = rt.frame;
            f->previous = prev;
            rt.frame = f;
            g->frame_state = GEN_EXECUTING;
            ret = gen_throw_impl((GenObject *)yf, typ, val, tb);
            g->frame_state = state;
            rt.frame = prev;
            f->previous = NULL;
        } else {
            Object *meth = obj_lookup_attr(yf, ID(throw));
            if (!meth) {
                decref(yf);
                if (err_occurred())
                    return NULL;
                goto throw_here;
            }
            Object *argv[3] = {typ, val, tb};
            size_t n = !val ? 1 : !tb ? 2 : 3;      /* CallFunctionObjArgs stops at NULL */
            g->frame_state = GEN_EXECUTING;
            ret = obj_vectorcall(meth, argv, n, NULL);
            g->frame_state = state;
            decref(meth);
        }
        decref(yf);
        if (!ret) {
            vm_frame_leave_yield_from(GEN_FRAME(g));
            if (err_matches(exc_StopIteration)) {
                Object *exc = err_fetch();
                Object *v = newref(exc_stop_iteration_value(exc));
                decref(exc);
                ret = gen_send_stop((Object *)g, v, 0);
                decref(v);
            } else {
                ret = gen_send_stop((Object *)g, None, 1);
            }
        }
        return ret;
    }
throw_here:
    if (tb == None)
        tb = NULL;
    if (tb && TYPE(tb) != &traceback_type)
        return err_set(exc_TypeError, "throw() third argument must be a traceback object");
    Object *exc;
    if (EXC_TYPE_CHECK(typ)) {
        if (val && val != None && obj_type_check(val, (TypeObject *)typ)) {
            exc = newref(val);
        } else {
            Object *a = val && val != None ? (TUPLE_CHECK(val) ? newref(val) : tuple_pack(1, val))
                                           : NULL;
            exc = exc_new((TypeObject *)typ, a);
            xdecref(a);
            if (!exc)
                return NULL;
        }
    } else if (EXC_CHECK(typ)) {
        if (val && val != None)
            return err_set(exc_TypeError, "instance exception may not have a separate value");
        exc = newref(typ);
    } else {
        return err_format(exc_TypeError,
                          "exceptions must be classes or instances deriving from "
                          "BaseException, not %s",
                          TYPE(typ)->name);
    }
    if (tb)
        exc_set_traceback(exc, tb);
    err_set_exc(exc);
    decref(exc);
    return gen_send_stop((Object *)g, None, 1);
}

static Object *
gen_throw(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (arg_check_count("throw", (size_t)nargs, 1, 3) < 0)
        return NULL;
    return gen_throw_impl((GenObject *)self, args[0], nargs > 1 ? args[1] : NULL,
                          nargs > 2 ? args[2] : NULL);
}

static void
gen_finalize(Object *self)
{
    GenObject *g = (GenObject *)self;
    /* _PyGen_Finalize: a generator not yet started is closed too, which clears its frame:
    ** its locals (a generator expression's iterator, the function) die there, before
    ** the collector counts what it found unreachable */
    if (g->frame_state >= GEN_COMPLETED)
        return;
    Object *exc = err_fetch();
    Object *r = gen_close(self);
    if (!r)
        err_write_unraisable(self);
    else
        decref(r);
    err_restore(exc);
}

static Object *
gen_repr(Object *o)
{
    return str_from_format("<generator object %U at %p>", ((GenObject *)o)->qualname,
                           (void *)o);
}

static Object *
gen_get_running(Object *o, void *c)
{
    return bool_from(((GenObject *)o)->frame_state == GEN_EXECUTING);
}

static Object *
gen_get_frame(Object *o, void *c)
{
    GenObject *g = (GenObject *)o;
    if (g->frame_state >= GEN_COMPLETED)
        return newref(None);
    FrameObject *fo = frame_get_object(GEN_FRAME(g));
    return fo ? newref(fo) : NULL;
}

static Object *
gen_get_code(Object *o, void *c)
{
    return newref(((GenObject *)o)->code);
}

static Object *
gen_get_name(Object *o, void *c)
{
    return newref(((GenObject *)o)->name);
}

static Object *
gen_get_qualname(Object *o, void *c)
{
    return newref(((GenObject *)o)->qualname);
}

static Object *
gen_get_suspended(Object *o, void *c)
{
    return bool_from(((GenObject *)o)->frame_state == GEN_SUSPENDED);
}

static Object *
gen_get_yieldfrom(Object *o, void *c)
{
    Object *yf = gen_yield_from((GenObject *)o);
    return yf ? yf : newref(None);
}

static const GetSetDef gen_getset[] = {
    {"gi_running", gen_get_running, NULL, NULL, NULL},
    {"gi_frame", gen_get_frame, NULL, NULL, NULL},
    {"gi_code", gen_get_code, NULL, NULL, NULL},
    {"gi_suspended", gen_get_suspended, NULL, NULL, NULL},
    {"gi_yieldfrom", gen_get_yieldfrom, NULL, NULL, NULL},
    {"__name__", gen_get_name, NULL, NULL, NULL},
    {"__qualname__", gen_get_qualname, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* As CPython's gen_sizeof: the object's header and its embedded frame (a generator is a
** variable-size object, but, as in CPython, gi_code sits where ob_size would be). */
static Object *
gen_sizeof(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    CodeObject *co = (CodeObject *)((GenObject *)self)->code;
    return int_from_ssize((ssize_t)(offsetof(GenObject, frame_data) + frame_size_for(co)));
}

static const MethodDef gen_methods[] = {
    {"__sizeof__", gen_sizeof, METH_NOARGS, NULL},
    {"send", gen_send, METH_O, NULL},
    {"throw", gen_throw, METH_VARARGS, NULL},
    {"close", gen_close_meth, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static Object *
gen_iter(Object *o)
{
    return newref(o);
}

TypeObject generator_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "generator",
    .basicsize = offsetof(GenObject, frame_data),
    .itemsize = sizeof(Object *),
    .flags = TPFLAG_GC,
    .dealloc = gen_dealloc,
    .weaklistoffset = 24,
    .traverse = gen_traverse,
    .clear = gen_clear,
    .finalize = gen_finalize,
    .repr = gen_repr,
    .iter = gen_iter,
    .iternext = gen_iternext,
    .getattro = obj_generic_getattr,
    .methods = gen_methods,
    .getset = gen_getset,
};
