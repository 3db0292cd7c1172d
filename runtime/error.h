/*
** error.h -- the pending-exception API.  One exception object is pending at a time, kept
** in the runtime ('rt.curexc').  Functions that fail set it and return NULL / -1; callers
** propagate.  As CPython's, an exception set from C is made only when needed (err_set_object).
*/
#ifndef PYHEAP_ERROR_H
#define PYHEAP_ERROR_H

#include "object.h"
#include <stdarg.h>

extern TypeObject *exc_BaseException, *exc_Exception, *exc_ArithmeticError,
    *exc_ZeroDivisionError, *exc_OverflowError, *exc_TypeError, *exc_ValueError,
    *exc_NameError, *exc_UnboundLocalError, *exc_IndexError, *exc_KeyError,
    *exc_LookupError, *exc_AttributeError, *exc_StopIteration, *exc_RuntimeError,
    *exc_RecursionError, *exc_AssertionError, *exc_MemoryError, *exc_SyntaxError,
    *exc_IndentationError, *exc_TabError, *exc_NotImplementedError, *exc_SystemExit,
    *exc_KeyboardInterrupt, *exc_GeneratorExit, *exc_StopAsyncIteration,
    *exc_ImportError, *exc_ModuleNotFoundError, *exc_OSError, *exc_FileNotFoundError,
    *exc_EOFError, *exc_UnicodeError, *exc_UnicodeDecodeError, *exc_UnicodeEncodeError,
    *exc_FloatingPointError, *exc_BufferError, *exc_SystemError, *exc_Warning,
    *exc_SyntaxWarning, *exc_DeprecationWarning, *exc_RuntimeWarning, *exc_UserWarning,
    *exc_PermissionError, *exc_IsADirectoryError, *exc_FileExistsError,
    *exc_NotADirectoryError, *exc_ConnectionError, *exc_TimeoutError,
    *exc_UnicodeTranslateError, *exc_ResourceWarning, *exc_FutureWarning,
    *exc_PendingDeprecationWarning, *exc_ImportWarning, *exc_UnicodeWarning,
    *exc_BytesWarning, *exc_EncodingWarning, *exc_ProcessLookupError,
    *exc_ChildProcessError, *exc_BrokenPipeError, *exc_InterruptedError,
    *exc_BlockingIOError, *exc_ConnectionAbortedError, *exc_ConnectionRefusedError,
    *exc_ConnectionResetError, *exc_ReferenceError, *exc_UnsupportedOperation;

/* Set the pending exception to type(msg).  Always returns NULL (for "return err_set..."). */
Object *err_set(TypeObject *type, const char *msg);
/* printf-like; besides the C formats (%s %d %i %u %ld %lu %zd %zu %x %c %p %%) it knows
**   %R  repr() of an Object *        %S  str() of an Object *
**   %U  an str Object * (its text)    %T  the type name of an Object *
**   %V  an str Object *, or if NULL the following const char *                        */
Object *err_format(TypeObject *type, const char *fmt, ...);
Object *err_vformat(TypeObject *type, const char *fmt, va_list ap);
Object *err_set_object(TypeObject *type, Object *value);   /* type(value) or instance */
/* KeyError(key), the key packed in a 1-tuple (_PyErr_SetKeyError): NULL */
Object *err_set_key_error(Object *key);
Object *err_no_memory(void);            /* MemoryError (preallocated if need be) */
void err_init_memory_error(void);
void err_fini_memory_error(void);
void err_reset_memory_error(void);      /* drop its traceback/context/cause */
Object *err_bad_internal_call(const char *where);
/* Raise the exception instance exc (new reference taken). */
void err_set_exc(Object *exc);

/* borrowed: the pending exception, its type while it is not made yet, or NULL */
Object *err_occurred(void);
/* Make the pending exception if it is not made yet (CPython's PyErr_NormalizeException):
** borrowed, NULL if none. */
Object *err_normalize(void);
/* The pending error as it is, made or not (PyErr_Fetch / PyErr_Restore around code that
** may raise and clear its own errors). */
typedef struct ErrState {
    Object *exc;
    TypeObject *type;
    Object *value, *tb;
} ErrState;
void err_save(ErrState *s);
void err_restore_saved(ErrState *s);
/* PyTraceBack_Here: a traceback entry for frame f on the pending exception. */
struct Frame;
int err_add_traceback(struct Frame *f);
int err_matches(TypeObject *type);      /* pending exception is an instance of type */
int err_exc_matches(Object *exc, Object *type_or_tuple);   /* -1 on bad type */
void err_clear(void);
/* Take the pending exception (new reference; NULL if none) and clear it. */
Object *err_fetch(void);
/* Make exc (stolen, may be NULL) the pending exception. */
void err_restore(Object *exc);

/* Report and clear the pending exception as CPython's default sys.unraisablehook does,
** on sys.stderr (nothing if it is None): "Exception ignored in: <repr(obj)>", the
** traceback entries, "Type: str(exc)".  err_write_unraisable_msg(msg, obj) makes the
** header "Exception ignored <msg>: <repr(obj)>" (or "Exception ignored <msg>:" if obj
** is NULL), as _PyErr_WriteUnraisableMsg. */
void err_write_unraisable(Object *obj);
void err_write_unraisable_msg(const char *msg, Object *obj);
/* Write text to sys.stderr through its write() method (PySys_WriteStderr).  With
** fallback, text goes to the C stderr when sys.stderr is missing, None or fails;
** without, nothing is written when sys.stderr is None or missing. */
int err_write_sys_stderr(const char *text, int fallback);
/* Print the pending exception with its traceback to stderr and clear it. */
void err_print(void);
/* Emit a warning: category(msg) printed as CPython's default warning formatter does
** ("file:line: Category: msg").  Returns -1 if the warning became an exception. */
int err_warn_explicit(TypeObject *category, const char *msg, const char *filename,
                      int lineno);

/* Raise a SyntaxError-family exception (type: SyntaxError, IndentationError, TabError)
** with CPython's attributes.  Columns are 0-based *byte* offsets into the line (as the
** AST's col_offset); err_syntax converts them to CPython's 1-based character 'offset'.
** 'text' is the offending source line (UTF-8, without its newline; may be NULL).
** end_lineno/end_col may be 0 for "same as start". */
Object *err_syntax(TypeObject *type, const char *msg, const char *filename, int lineno,
                   int col, const char *text, int end_lineno, int end_col);

/* Fatal internal error: message to stderr, abort. */
_Noreturn void fatal(const char *msg);

#endif
