/*
** frameobject.h -- execution frames.
**
** A Frame is the VM's activation record (CPython 3.11's _PyInterpreterFrame): the code,
** the function, globals/builtins/locals, the saved instruction pointer and the
** 'localsplus' array holding locals, cells, free variables and then the value stack.
** Frames live on a contiguous frame stack (vm.c) and cost no allocation per call; a
** generator's frame lives inside the generator object.  Only when Python code asks for a
** frame (a traceback, sys._getframe) is a FrameObject created; if the frame then exits
** while the FrameObject is alive, the frame's contents move into the FrameObject, so a
** traceback keeps the locals of the frames it passes through alive -- as in CPython.
*/
#ifndef PYHEAP_FRAMEOBJECT_H
#define PYHEAP_FRAMEOBJECT_H

#include "object.h"
#include "codeobject.h"

enum { FRAME_OWNED_BY_THREAD = 0, FRAME_OWNED_BY_GENERATOR = 1,
       FRAME_OWNED_BY_FRAME_OBJECT = 2 };

typedef struct FrameObject FrameObject;

typedef struct Frame {
    Object *func;                       /* strong: FunctionObject (NULL for exec code) */
    Object *globals;                    /* borrowed (func or caller keeps them) */
    Object *builtins;                   /* borrowed */
    Object *locals;                     /* strong: class/module namespace, or NULL */
    CodeObject *code;                   /* strong */
    FrameObject *frame_obj;             /* strong, or NULL */
    struct Frame *previous;
    uint32_t *ip;                       /* next instruction to execute */
    int stacktop;                       /* index in localsplus of the first free slot */
    uint8_t owner;                      /* FRAME_OWNED_BY_* */
    uint8_t is_entry;                   /* returning from it leaves vm_run */
    uint8_t is_generator_running;
    Object *localsplus[];
} Frame;

struct FrameObject {
    OBJECT_HEAD;
    FrameObject *f_back;                /* strong, or NULL (filled lazily) */
    Frame *f_frame;                     /* points into f_data once it owns the frame */
    Object *f_trace;
    int f_lineno;
    char f_trace_lines, f_trace_opcodes, f_fast_as_locals;
    Object *f_data[];                   /* Frame storage when it owns the frame */
};

extern TypeObject frame_type;

/* Index of the instruction being executed (or last executed) in the frame's code. */
static inline int
frame_lasti(Frame *f)
{
    return (int)(f->ip - f->code->code) - 1;
}

/* The FrameObject for f, created on first use (new reference? no: borrowed; the frame
** keeps one). */
FrameObject *frame_get_object(Frame *f);
/* Called when a frame exits: if a FrameObject refers to it, move the data there. */
void frame_take_ownership_or_clear(Frame *f);
/* Release the references of a frame's locals and stack (it is going away). */
void frame_clear_locals(Frame *f);
int frame_get_lineno(Frame *f);
size_t frame_size_for(CodeObject *co);  /* bytes of a Frame for this code */
/* f_locals as a dict (module/class frames: the namespace; functions: a snapshot). */
Object *frame_get_locals(Frame *f);

#endif
