/*
** frameobject.c -- FrameObject, the Python-visible view of a Frame (frameobject.h).
** A FrameObject first points at a live Frame (on the VM's frame stack or in a
** generator); when that frame finishes while the FrameObject is still referenced (by a
** traceback, typically), the Frame's contents move into the FrameObject's own storage
** ("take ownership", as CPython 3.11), keeping the frame's locals alive with it.
*/
#include "frameobject.h"
#include "error.h"
#include "gc.h"
#include "state.h"
#include "intobject.h"
#include "strobject.h"
#include "tupleobject.h"
#include "dictobject.h"
#include "funcobject.h"
#include "typeobject.h"
#include "ceval.h"
#include <string.h>

size_t
frame_size_for(CodeObject *co)
{
    return sizeof(Frame) + sizeof(Object *) * (size_t)co->framesize;
}

void
frame_clear_locals(Frame *f)
{
    for (int i = 0; i < f->stacktop; i++) {
        Object *v = f->localsplus[i];
        f->localsplus[i] = NULL;
        xdecref(v);
    }
    f->stacktop = 0;
}

FrameObject *
frame_get_object(Frame *f)
{
    if (f->frame_obj)
        return f->frame_obj;
    size_t extra = frame_size_for(f->code);
    FrameObject *fo = (FrameObject *)obj_alloc_raw(&frame_type, sizeof(FrameObject) + extra);
    if (!fo)
        return NULL;
    fo->f_back = NULL;
    fo->f_frame = f;
    fo->f_trace = NULL;
    fo->f_lineno = 0;
    fo->f_trace_lines = 1;
    fo->f_trace_opcodes = 0;
    fo->f_fast_as_locals = 0;
    f->frame_obj = fo;
    gc_track((Object *)fo);
    return fo;
}

static void
take_ownership(FrameObject *fo, Frame *f)
{
    Frame *nf = (Frame *)fo->f_data;
    size_t size = sizeof(Frame) + sizeof(Object *) * (size_t)f->stacktop;
    memcpy(nf, f, size);
    nf->owner = FRAME_OWNED_BY_FRAME_OBJECT;
    nf->previous = NULL;
    nf->frame_obj = NULL;           /* no reference cycle to itself */
    nf->is_entry = 0;
    fo->f_frame = nf;
    /* keep the caller reachable as f_back, as CPython does */
    Frame *prev = f->previous;
    while (prev && prev->owner == FRAME_OWNED_BY_GENERATOR && 0)
        prev = prev->previous;
    if (prev && !fo->f_back) {
        /* an exception may be on its way out through this frame: keep it (CPython 3.12
        ** saves it too); failing to make f_back only loses f_back */
        ErrState exc;
        err_save(&exc);
        FrameObject *back = frame_get_object(prev);
        if (back)
            fo->f_back = (FrameObject *)newref(back);
        else
            err_clear();
        err_restore_saved(&exc);
    }
    /* the Frame no longer holds its references: they moved */
    f->stacktop = 0;
    f->code = NULL;
    f->func = NULL;
    f->locals = NULL;
    f->frame_obj = NULL;
    if (!gc_is_tracked((Object *)fo))
        gc_track((Object *)fo);
}

void
frame_take_ownership_or_clear(Frame *f)
{
    FrameObject *fo = f->frame_obj;
    if (fo) {
        if (REFCNT(fo) > 1) {
            take_ownership(fo, f);
            decref(fo);             /* the frame's reference */
            return;
        }
        f->frame_obj = NULL;
        fo->f_frame = NULL;
        decref(fo);
    }
    frame_clear_locals(f);
    CLEAR(f->locals);
    CLEAR(f->func);
    CLEAR(f->code);
}

int
frame_get_lineno(Frame *f)
{
    if (!f->code)
        return -1;
    return code_addr2line(f->code, frame_lasti(f));
}

static void
frame_dealloc(Object *o)
{
    FrameObject *fo = (FrameObject *)o;
    gc_untrack(o);
    /* a deep recursion's traceback frees a long f_back chain */
    int tok = trash_begin(o, frame_dealloc);
    if (tok < 0)
        return;
    Frame *f = fo->f_frame;
    if (f && f->owner == FRAME_OWNED_BY_FRAME_OBJECT) {
        frame_clear_locals(f);
        CLEAR(f->locals);
        CLEAR(f->func);
        CLEAR(f->code);
    } else if (f) {
        /* a live frame still points at us: unlink */
        if (f->frame_obj == fo)
            f->frame_obj = NULL;
    }
    CLEAR(fo->f_back);
    CLEAR(fo->f_trace);
    obj_free(o);
    trash_end(tok);
}

static int
frame_traverse(Object *o, visitproc visit, void *arg)
{
    FrameObject *fo = (FrameObject *)o;
    OBJ_VISIT(fo->f_back);
    OBJ_VISIT(fo->f_trace);
    Frame *f = fo->f_frame;
    if (!f || f->owner != FRAME_OWNED_BY_FRAME_OBJECT)
        return 0;
    OBJ_VISIT(f->locals);
    OBJ_VISIT(f->func);
    OBJ_VISIT(f->code);
    for (int i = 0; i < f->stacktop; i++)
        OBJ_VISIT(f->localsplus[i]);
    return 0;
}

static int
frame_tp_clear(Object *o)
{
    FrameObject *fo = (FrameObject *)o;
    Frame *f = fo->f_frame;
    CLEAR(fo->f_back);
    CLEAR(fo->f_trace);
    if (f && f->owner == FRAME_OWNED_BY_FRAME_OBJECT) {
        frame_clear_locals(f);
        CLEAR(f->locals);
        CLEAR(f->func);
    }
    return 0;
}

Object *
frame_get_locals(Frame *f)
{
    if (f->locals) {
        return newref(f->locals);
    }
    CodeObject *co = f->code;
    Object *d = dict_new();
    if (!d)
        return NULL;
    for (int i = 0; i < co->nlocalsplus && i < f->stacktop; i++) {
        Object *v = f->localsplus[i];
        if (!v)
            continue;
        int kind = co->localspluskinds[i];
        if (kind & (CO_FAST_CELL | CO_FAST_FREE)) {
            if (TYPE(v) == &cell_type)
                v = CELL_GET(v);
            if (!v)
                continue;
        }
        if (dict_setitem(d, TUPLE_GET(co->localsplusnames, i), v) < 0) {
            decref(d);
            return NULL;
        }
    }
    return d;
}

static Frame *
fo_frame(Object *o)
{
    return ((FrameObject *)o)->f_frame;
}

static Object *
frame_get_f_locals(Object *o, void *c)
{
    Frame *f = fo_frame(o);
    if (!f || !f->code)
        return dict_new();
    return frame_get_locals(f);
}

static Object *
frame_get_f_lineno(Object *o, void *c)
{
    Frame *f = fo_frame(o);
    if (!f || !f->code)
        return newref(None);
    return int_from_long(frame_get_lineno(f));
}

static Object *
frame_get_f_code(Object *o, void *c)
{
    Frame *f = fo_frame(o);
    if (!f || !f->code)
        return newref(None);
    return newref(f->code);
}

static Object *
frame_get_f_globals(Object *o, void *c)
{
    Frame *f = fo_frame(o);
    return newref(f && f->globals ? f->globals : None);
}

static Object *
frame_get_f_builtins(Object *o, void *c)
{
    Frame *f = fo_frame(o);
    return newref(f && f->builtins ? f->builtins : None);
}

static Object *
frame_get_f_lasti(Object *o, void *c)
{
    Frame *f = fo_frame(o);
    if (!f || !f->code)
        return int_from_long(-1);
    return int_from_long(frame_lasti(f) * 2);
}

static Object *
frame_get_f_back(Object *o, void *c)
{
    FrameObject *fo = (FrameObject *)o;
    if (fo->f_back)
        return newref(fo->f_back);
    Frame *f = fo->f_frame;
    if (f && f->owner != FRAME_OWNED_BY_FRAME_OBJECT && f->previous) {
        FrameObject *b = frame_get_object(f->previous);
        return b ? newref(b) : NULL;
    }
    return newref(None);
}

static const GetSetDef frame_getset[] = {
    {"f_locals", frame_get_f_locals, NULL, NULL, NULL},
    {"f_lineno", frame_get_f_lineno, NULL, NULL, NULL},
    {"f_code", frame_get_f_code, NULL, NULL, NULL},
    {"f_globals", frame_get_f_globals, NULL, NULL, NULL},
    {"f_builtins", frame_get_f_builtins, NULL, NULL, NULL},
    {"f_lasti", frame_get_f_lasti, NULL, NULL, NULL},
    {"f_back", frame_get_f_back, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static Object *
frame_repr(Object *o)
{
    Frame *f = fo_frame(o);
    if (!f || !f->code)
        return str_from_format("<frame at %p>", (void *)o);
    return str_from_format("<frame at %p, file %R, line %d, code %U>", (void *)o,
                           f->code->filename, frame_get_lineno(f), f->code->name);
}

TypeObject frame_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "frame",
    .basicsize = sizeof(FrameObject),
    .flags = TPFLAG_GC,
    .dealloc = frame_dealloc,
    .traverse = frame_traverse,
    .clear = frame_tp_clear,
    .repr = frame_repr,
    .getattro = obj_generic_getattr,
    .getset = frame_getset,
};
