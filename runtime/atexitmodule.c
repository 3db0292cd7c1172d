/*
** atexitmodule.c -- the atexit module: functions registered with atexit.register() run at
** interpreter exit, last registered first, before the final collection and the modules'
** teardown (CPython 3.11's _PyAtExit_Call at the start of Py_FinalizeEx).  An exception
** in one is reported as "Exception ignored in atexit callback: <func>" and the rest run.
** As in CPython the callbacks live in a C array, so the collector sees them as held from
** outside.
*/
#include "modules.h"
#include "error.h"
#include "state.h"
#include "intobject.h"
#include "tupleobject.h"
#include "dictobject.h"
#include "methodobject.h"
#include "moduleobject.h"
#include <stdlib.h>

typedef struct AtexitCallback {
    Object *func, *args, *kwargs;       /* kwargs: NULL or a dict */
} AtexitCallback;

static AtexitCallback *callbacks;
static ssize_t ncallbacks, capacity;

static void
callback_clear(AtexitCallback *cb)
{
    Object *f = cb->func, *a = cb->args, *k = cb->kwargs;
    cb->func = cb->args = cb->kwargs = NULL;
    xdecref(f);
    xdecref(a);
    xdecref(k);
}

static void
clear_all(void)
{
    for (ssize_t i = 0; i < ncallbacks; i++)
        callback_clear(&callbacks[i]);
    ncallbacks = 0;
}

void
atexit_run_callbacks(void)
{
    /* the newest first; a callback may register or unregister others */
    for (ssize_t i = ncallbacks - 1; i >= 0; i--) {
        if (i >= ncallbacks || !callbacks[i].func)
            continue;
        Object *f = newref(callbacks[i].func), *a = newref(callbacks[i].args),
               *k = xnewref(callbacks[i].kwargs);
        Object *r = obj_call(f, a, k);
        if (!r)
            err_write_unraisable_msg("in atexit callback", f);
        else
            decref(r);
        decref(f);
        decref(a);
        xdecref(k);
    }
    clear_all();
    free(callbacks);
    callbacks = NULL;
    capacity = 0;
}

static Object *
ae_register(Object *m, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (nargs < 1)
        return err_set(exc_TypeError, "register() takes at least 1 argument (0 given)");
    Object *func = args[0];
    if (!TYPE(func)->call && !TYPE(func)->vectorcall)
        return err_set(exc_TypeError, "the first argument must be callable");
    if (ncallbacks == capacity) {
        ssize_t cap = capacity ? capacity * 2 : 16;
        AtexitCallback *n = realloc(callbacks, sizeof *n * (size_t)cap);
        if (!n)
            return err_no_memory();
        callbacks = n;
        capacity = cap;
    }
    Object *a = tuple_new(nargs - 1);
    if (!a)
        return NULL;
    for (ssize_t i = 1; i < nargs; i++)
        TUPLE_SET(a, i - 1, newref(args[i]));
    Object *k = NULL;
    ssize_t nk = kwnames ? TUPLE_LEN(kwnames) : 0;
    if (nk) {
        k = dict_new();
        if (!k) {
            decref(a);
            return NULL;
        }
        for (ssize_t i = 0; i < nk; i++)
            if (dict_setitem(k, TUPLE_GET(kwnames, i), args[nargs + i]) < 0) {
                decref(a);
                decref(k);
                return NULL;
            }
    }
    callbacks[ncallbacks].func = newref(func);
    callbacks[ncallbacks].args = a;
    callbacks[ncallbacks].kwargs = k;
    ncallbacks++;
    return newref(func);
}

static Object *
ae_unregister(Object *m, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *func = args[0];
    for (ssize_t i = 0; i < ncallbacks; i++) {
        if (!callbacks[i].func)
            continue;
        int eq = obj_richcompare_bool(callbacks[i].func, func, CMP_EQ);
        if (eq < 0)
            return NULL;
        if (eq)
            callback_clear(&callbacks[i]);   /* a hole, as in CPython: _ncallbacks stays */
    }
    return newref(None);
}

static Object *
ae_run_exitfuncs(Object *m, Object *const *args, ssize_t nargs, Object *kw)
{
    atexit_run_callbacks();
    return newref(None);
}

static Object *
ae_clear(Object *m, Object *const *args, ssize_t nargs, Object *kw)
{
    clear_all();
    return newref(None);
}

static Object *
ae_ncallbacks(Object *m, Object *const *args, ssize_t nargs, Object *kw)
{
    return int_from_ssize(ncallbacks);
}

static const MethodDef atexit_methods[] = {
    {"register", ae_register, METH_VARARGS | METH_KEYWORDS | METH_TUPLE,
     "Register a function to be executed upon normal program termination."},
    {"unregister", ae_unregister, METH_O, "Unregister an exit function."},
    {"_run_exitfuncs", ae_run_exitfuncs, METH_NOARGS, "Run all registered exit functions."},
    {"_clear", ae_clear, METH_NOARGS, "Clear the list of previously registered exit functions."},
    {"_ncallbacks", ae_ncallbacks, METH_NOARGS, "Return the number of registered exit functions."},
    {NULL, NULL, 0, NULL},
};

Object *
atexitmodule_init(void)
{
    Object *m = module_new("atexit");
    if (!m)
        return NULL;
    if (module_add_functions(m, atexit_methods) < 0) {
        decref(m);
        return NULL;
    }
    return m;
}
