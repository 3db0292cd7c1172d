/*
** exceptions.h -- the builtin exception hierarchy.  BaseException instances have CPython
** 3.11's layout (88 bytes with the GC head): a __dict__, args, __notes__, __traceback__,
** __context__, __cause__ and __suppress_context__.  Subclasses with extra state
** (StopIteration.value, SystemExit.code, SyntaxError's location, OSError's errno,
** ImportError.name, NameError.name, AttributeError.name/obj, UnicodeError's fields) add
** fields after the common ones.
*/
#ifndef PYHEAP_EXCEPTIONS_H
#define PYHEAP_EXCEPTIONS_H

#include "object.h"

typedef struct BaseExceptionObject {
    OBJECT_HEAD;
    Object *dict;
    Object *args;                       /* tuple */
    Object *notes;
    Object *traceback;
    Object *context;
    Object *cause;
    char suppress_context;
} BaseExceptionObject;

typedef struct StopIterationObject {
    BaseExceptionObject base;
    Object *value;
} StopIterationObject;

typedef struct SystemExitObject {
    BaseExceptionObject base;
    Object *code;
} SystemExitObject;

typedef struct SyntaxErrorObject {
    BaseExceptionObject base;
    Object *msg, *filename, *lineno, *offset, *end_lineno, *end_offset, *text,
        *print_file_and_line;
} SyntaxErrorObject;

typedef struct ImportErrorObject {
    BaseExceptionObject base;
    Object *msg, *name, *path;
} ImportErrorObject;

typedef struct OSErrorObject {
    BaseExceptionObject base;
    Object *myerrno, *strerror, *filename, *filename2;
    ssize_t written;
} OSErrorObject;

typedef struct NameErrorObject {
    BaseExceptionObject base;
    Object *name;
} NameErrorObject;

typedef struct AttributeErrorObject {
    BaseExceptionObject base;
    Object *obj, *name;
} AttributeErrorObject;

typedef struct UnicodeErrorObject {
    BaseExceptionObject base;
    Object *encoding, *object;
    ssize_t start, end;
    Object *reason;
} UnicodeErrorObject;

#define EXC(o) ((BaseExceptionObject *)(o))

void exceptions_init(Object *builtins_dict);   /* ready types, publish in builtins */
/* Create an exception instance: type(*args) (args a tuple, may be NULL). */
Object *exc_new(TypeObject *type, Object *args);
/* Raise the OSError subclass for errno 'e' with the file name(s) (file2 may be NULL), as
** CPython's PyErr_SetFromErrnoWithFilenameObjects.  Returns NULL. */
Object *exc_set_from_errno(int e, Object *file, Object *file2);
Object *exc_get_traceback(Object *exc);         /* borrowed */
void exc_set_traceback(Object *exc, Object *tb);    /* increfs */
void exc_set_context(Object *exc, Object *ctx);     /* steals ctx */
void exc_set_cause(Object *exc, Object *cause);     /* steals cause */
/* Raise UnicodeDecodeError(encoding, bytes, start, end, reason). */
Object *exc_unicode_decode_error(const char *encoding, const char *data, ssize_t len,
                                 ssize_t start, ssize_t end, const char *reason);
Object *exc_unicode_encode_error(const char *encoding, Object *str, ssize_t start,
                                 ssize_t end, const char *reason);
/* StopIteration(value) */
Object *exc_stop_iteration_value(Object *exc);  /* borrowed value of a StopIteration */
void exc_clear_freelist(void);

#endif
