/*
** codeobject.c -- code objects (codeobject.h): creation by the compiler, the co_*
** attributes Python code can read, and source positions of instructions.
*/
#include "weakrefobject.h"
#include "codeobject.h"
#include "error.h"
#include "heap.h"
#include "intobject.h"
#include "strobject.h"
#include "tupleobject.h"
#include "bytesobject.h"
#include "typeobject.h"
#include "methodobject.h"
#include <string.h>


/* CPython 3.11: offsetof(PyCodeObject, co_code_adaptive) on 64-bit */
#define CPY_CODE_HEADER 184

CodeObject *
code_new_sized(int ncode)
{
    size_t want = (CPY_CODE_HEADER + 2 * (size_t)ncode + 7) & ~(size_t)7;
    size_t size = want > sizeof(CodeObject) ? want : sizeof(CodeObject);
    CodeObject *co = (CodeObject *)obj_alloc_raw(&code_type, size);
    if (!co)
        return NULL;
    memset((char *)co + sizeof(Object), 0, sizeof(CodeObject) - sizeof(Object));
    co->warmup = -8;            /* CPython 3.11's QUICKENING_WARMUP_DELAY */
    return co;
}

static void
code_dealloc(Object *o)
{
    CodeObject *co = (CodeObject *)o;
    weakref_clear_refs(o);
    xdecref(co->consts);
    xdecref(co->names);
    xdecref(co->localsplusnames);
    xdecref(co->filename);
    xdecref(co->name);
    xdecref(co->qualname);
    heap_free(co->localspluskinds);
    heap_free(co->code);
    heap_free(co->locs);
    heap_free(co->exctable);
    heap_free(co->extra);
    xdecref(co->linetable);
    xdecref(co->exctable_bytes);
    if (co->cpy_units && co->nlocalsplus == 0 && co->localsplusnames) {
        /* the b'' that stands for CPython's co_localspluskinds (the compiler took it) */
        Object *e = bytes_from_buf("", 0);
        if (e) {
            decref(e);
            decref(e);
        }
    }
    obj_free(o);
}

const CodeLoc *
code_loc(CodeObject *co, int offset)
{
    static const CodeLoc none = {-1, -1, -1, -1};
    if (offset < 0 || offset >= co->ncode || !co->locs)
        return &none;
    return &co->locs[offset];
}

int
code_addr2line(CodeObject *co, int offset)
{
    if (offset < 0)
        return co->firstlineno;
    return code_loc(co, offset)->lineno;
}

static Object *
code_repr(Object *o)
{
    CodeObject *co = (CodeObject *)o;
    return str_from_format("<code object %U at %p, file \"%U\", line %d>", co->name,
                           (void *)co, co->filename, co->firstlineno);
}

/* names of slots of a given kind, in slot order */
static Object *
code_names_of_kind(CodeObject *co, int kind)
{
    int n = 0;
    for (int i = 0; i < co->nlocalsplus; i++)
        if (co->localspluskinds[i] & kind)
            n++;
    Object *t = tuple_new(n);
    if (!t)
        return NULL;
    for (int i = 0, j = 0; i < co->nlocalsplus; i++)
        if (co->localspluskinds[i] & kind)
            TUPLE_SET(t, j++, newref(TUPLE_GET(co->localsplusnames, i)));
    return t;
}

static Object *
code_get_varnames(Object *o, void *c)
{
    return code_names_of_kind((CodeObject *)o, CO_FAST_LOCAL);
}

static Object *
code_get_cellvars(Object *o, void *c)
{
    return code_names_of_kind((CodeObject *)o, CO_FAST_CELL);
}

static Object *
code_get_freevars(Object *o, void *c)
{
    return code_names_of_kind((CodeObject *)o, CO_FAST_FREE);
}

static Object *
code_get_code(Object *o, void *c)
{
    CodeObject *co = (CodeObject *)o;
    return bytes_from_buf((const char *)co->code, (ssize_t)co->ncode * 4);
}

static Object *
code_get_lnotab(Object *o, void *c)
{
    return bytes_from_buf("", 0);
}

static const GetSetDef code_getset[] = {
    {"co_varnames", code_get_varnames, NULL, NULL, NULL},
    {"co_cellvars", code_get_cellvars, NULL, NULL, NULL},
    {"co_freevars", code_get_freevars, NULL, NULL, NULL},
    {"co_code", code_get_code, NULL, NULL, NULL},
    {"co_lnotab", code_get_lnotab, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const MemberDef code_members[] = {
    {"co_argcount", MEMBER_INT, offsetof(CodeObject, argcount), MEMBER_READONLY, NULL},
    {"co_posonlyargcount", MEMBER_INT, offsetof(CodeObject, posonlyargcount), MEMBER_READONLY,
     NULL},
    {"co_kwonlyargcount", MEMBER_INT, offsetof(CodeObject, kwonlyargcount), MEMBER_READONLY,
     NULL},
    {"co_stacksize", MEMBER_INT, offsetof(CodeObject, stacksize), MEMBER_READONLY, NULL},
    {"co_flags", MEMBER_INT, offsetof(CodeObject, flags), MEMBER_READONLY, NULL},
    {"co_nlocals", MEMBER_INT, offsetof(CodeObject, nlocals), MEMBER_READONLY, NULL},
    {"co_firstlineno", MEMBER_INT, offsetof(CodeObject, firstlineno), MEMBER_READONLY, NULL},
    {"co_consts", MEMBER_OBJECT, offsetof(CodeObject, consts), MEMBER_READONLY, NULL},
    {"co_names", MEMBER_OBJECT, offsetof(CodeObject, names), MEMBER_READONLY, NULL},
    {"co_filename", MEMBER_OBJECT, offsetof(CodeObject, filename), MEMBER_READONLY, NULL},
    {"co_name", MEMBER_OBJECT, offsetof(CodeObject, name), MEMBER_READONLY, NULL},
    {"co_qualname", MEMBER_OBJECT, offsetof(CodeObject, qualname), MEMBER_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static Object *
code_sizeof(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    CodeObject *co = (CodeObject *)self;
    /* the block is CPython's size (code_new_sized); the instructions are apart */
    if (co->cpy_units)
        return int_from_ssize((CPY_CODE_HEADER + 2 * (ssize_t)co->cpy_units + 7) & ~(ssize_t)7);
    return int_from_ssize((ssize_t)sizeof(CodeObject) + co->ncode * 4);
}

static const MethodDef code_methods[] = {
    {"__sizeof__", code_sizeof, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObject code_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "code",
    .basicsize = sizeof(CodeObject),
    .dealloc = code_dealloc,
    .weaklistoffset = 144,      /* CPython's co_weakreflist */
    .repr = code_repr,
    .getattro = obj_generic_getattr,
    .members = code_members,
    .getset = code_getset,
    .methods = code_methods,
};
