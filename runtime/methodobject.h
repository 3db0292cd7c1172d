/*
** methodobject.h -- callables implemented in C and bound methods:
**   cfunction_type   builtin_function_or_method: a MethodDef bound to a self (module,
**                    instance or NULL): len, print, [].append
**   method_type      a Python function bound to an instance (a new one per attribute
**                    access, as in CPython: identity tests depend on it)
*/
#ifndef PYHEAP_METHODOBJECT_H
#define PYHEAP_METHODOBJECT_H

#include "object.h"

typedef struct CFunctionObject {
    OBJECT_HEAD;
    const MethodDef *ml;
    Object *self;               /* strong ref or NULL */
    Object *module;             /* __module__ (str) or NULL */
    Object *weakreflist;
    vectorcallfunc vectorcall;
} CFunctionObject;

typedef struct MethodObject {
    OBJECT_HEAD;
    Object *func;               /* strong */
    Object *self;               /* strong */
    Object *weakreflist;
    vectorcallfunc vectorcall;
} MethodObject;

Object *cfunction_new(const MethodDef *ml, Object *self, Object *module);
Object *method_new(Object *func, Object *self);
/* Check MethodDef flags against the arguments (METH_NOARGS/METH_O/keywords).  'owner' is
** the type a method descriptor belongs to (NULL for a builtin function or bound method);
** it names the function in messages as CPython does: "str.upper() takes no arguments". */
int cfunction_check_args(const MethodDef *ml, Object *self, TypeObject *owner, size_t nargs,
                         Object *kwnames);
/* Call ml with self prepended-style: the C function gets (self, args, nargs, kwnames). */
Object *cfunction_call_ml(const MethodDef *ml, Object *self, TypeObject *owner,
                          Object *const *args, size_t nargs, Object *kwnames);
void method_clear_freelist(void);

/* Argument helpers for C functions (CPython's _PyArg_* in miniature). */
/* The argument tuple (and keyword dict, NULL without keywords) CPython 3.11 builds to call
** a METH_VARARGS function: pyheap's C functions take the stack, but the few whose
** CPython versions are METH_VARARGS (max, min, sys.getsizeof...) make the same
** temporaries and hold them during the call, because they are GC objects that move the
** collector's generation-0 count like CPython's (gc.h).  0, or -1 with an exception. */
typedef struct ArgPrepacked {
    Object *const *items;       /* the stack the callee gets */
    size_t nargs;
    Object *kwnames;
    Object *targs, *kw;         /* what CPython's tp_call would get; targs NULL: none */
} ArgPrepacked;
extern ArgPrepacked arg_prepacked;
int arg_pack_like_cpython(Object *const *args, size_t nargs, Object *kwnames,
                          Object **argstuple, Object **kwdict);
/* A tp_new's (args tuple, kwds dict) as a stack for arg_parse: the positionals, then the
** keyword values (the caller checks stack has room for both); *kwnames is NULL or
** pyheap's own tuple of the keys, made in the heap's side mode (no generation-0 count, no
** pool block: CPython's parsers read the dict).  Give it back with arg_kwnames_release.
** 0, or -1 with an exception. */
int arg_stack_from_tuple_dict(Object *args, Object *kwds, Object **stack, Object **kwnames);
void arg_kwnames_release(Object *kwnames);
/* Raise "f() takes no keyword arguments" if kwnames non-empty: -1. */
int arg_no_kwargs(const char *fname, Object *kwnames);
/* Check positional count: "f expected at most 2 arguments, got 3" etc. */
int arg_check_count(const char *fname, size_t nargs, size_t min, size_t max);
/* Parse positional-or-keyword arguments into out[0..n) (borrowed refs, NULL when absent).
** names: NULL-terminated list of parameter names; npos_only: leading positional-only
** count; nkw_only: trailing keyword-only count; min_req: required leading parameters. */
int arg_parse(const char *fname, Object *const *args, size_t nargs, Object *kwnames,
              const char *const *names, int npos_only, int nkw_only, int min_req,
              Object **out);
/* arg_parse for a function CPython 3.11 parses with Argument Clinic: the first call
** with keywords also makes the parser's keyword tuple, kept for ever, as CPython's. */
void arg_clinic_warning_imports(void);   /* the parsers linecache/tokenize used */
int arg_clinic_keywords(Object *kwnames, const char *const *names, int npos_only);
int arg_parse_clinic(const char *fname, Object *const *args, size_t nargs, Object *kwnames,
                     const char *const *names, int npos_only, int nkw_only, int min_req,
                     Object **out);

#endif
