/*
** genobject.h -- generators.  A generator owns its Frame (embedded at the end of the
** object, sized for its code), created by the RETURN_GENERATOR instruction that starts
** every generator function: the frame moves from the VM's frame stack into the object.
** Resuming pushes the frame on the running chain; a finished or closed generator clears
** the frame (running pending finally blocks through close() when it is finalised).
*/
#ifndef PYHEAP_GENOBJECT_H
#define PYHEAP_GENOBJECT_H

#include "object.h"
#include "state.h"
#include "frameobject.h"

enum { GEN_CREATED = -2, GEN_SUSPENDED = -1, GEN_EXECUTING = 0, GEN_COMPLETED = 1,
       GEN_CLEARED = 4 };

typedef struct GenObject {
    OBJECT_HEAD;
    Object *code;               /* gi_code: strong, as CPython (the frame holds another) */
    Object *weakreflist;
    Object *name, *qualname;
    ExcInfo exc_state;
    Object *origin_or_finalizer;/* CPython's cr_origin / ag_finalizer slot: always NULL,
                                   pyheap has no coroutines (kept for 3.11's layout) */
    int8_t frame_state;
    char closed;
    Object *frame_data[];       /* the Frame lives here */
} GenObject;

#define GEN_FRAME(g) ((Frame *)((GenObject *)(g))->frame_data)

/* Create a generator taking over the contents of frame f (the references move). */
Object *gen_new_from_frame(Frame *f);
/* gen.send(value) / next(gen): NULL + exception, or NULL without exception when the
** generator returned and *retval (if non-NULL) receives the return value. */
Object *gen_send_ex(Object *gen, Object *value, int throwflag, Object **retval);
Object *gen_close(Object *gen);
int gen_is_generator(Object *o);

#endif
