/*
** state.c -- the Runtime 'rt', start-up of the runtime layer (types, caches), the
** recursion guards (Python depth + C stack), the deallocation "trashcan" and the repr()
** recursion guard.
**
** C stack guard: at start-up we note an address near the base of the main thread's
** stack and the stack limit (getrlimit); rt_check_c_stack() compares the address of a
** local against base - size + margin.  Every C-level recursion (repr, comparison, the
** parser, the compiler, calls from C back into Python) goes through it, so deep input
** yields RecursionError instead of a segfault.
*/
#include "state.h"
#include "error.h"
#include "heap.h"
#include "gc.h"
#include "hash.h"
#include "intobject.h"
#include "floatobject.h"
#include "strobject.h"
#include "tupleobject.h"
#include "listobject.h"
#include "dictobject.h"
#include "typeobject.h"
#include "exceptions.h"
#include "descrobject.h"
#include "iterobject.h"
#include "rangeobject.h"
#include "sliceobject.h"
#include "codeobject.h"
#include "frameobject.h"
#include "traceback.h"
#include "fileobject.h"
#include <sys/resource.h>
#include <string.h>
#include <stdio.h>

Runtime rt;

static char *c_stack_base;

#define C_STACK_MARGIN (256 * 1024)

static void
stack_init(void)
{
    char here;
    c_stack_base = &here;
    struct rlimit rl;
    size_t size = 8u << 20;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
        size = (size_t)rl.rlim_cur;
    if (size > (256u << 20))
        size = 256u << 20;
    if (size < 2 * C_STACK_MARGIN)
        size = 2 * C_STACK_MARGIN;
    rt.c_stack_limit = c_stack_base - size + C_STACK_MARGIN;
}

int
rt_check_c_stack(void)
{
    char here;
    if (&here < rt.c_stack_limit) {
        if (rt.recursion_headroom)
            return 0;       /* already raising: let it unwind */
        rt.recursion_headroom++;
        err_set(exc_RecursionError, "maximum recursion depth exceeded (C stack overflow)");
        rt.recursion_headroom--;
        return -1;
    }
    return 0;
}

int
rt_enter_recursion(const char *where)
{
    char here;
    if (++rt.recursion_depth > rt.recursion_limit || &here < rt.c_stack_limit) {
        if (rt.recursion_headroom && rt.recursion_depth <= rt.recursion_limit + 50 &&
            &here >= rt.c_stack_limit - C_STACK_MARGIN / 2)
            return 0;
        rt.recursion_headroom++;
        err_format(exc_RecursionError, "maximum recursion depth exceeded%s", where);
        rt.recursion_headroom--;
        rt.recursion_depth--;
        return -1;
    }
    return 0;
}

void
rt_leave_recursion(void)
{
    rt.recursion_depth--;
}

/* ================================================================ trashcan */

#define TRASH_UNWIND_LEVEL 50
static int trash_depth;
static Object *trash_later;     /* chained through GcHead.prev */

int
trash_begin(Object *o, destructor dealloc)
{
    if (TYPE(o)->dealloc != dealloc)
        return 0;
    if (trash_depth >= TRASH_UNWIND_LEVEL) {
        GcHead *g = AS_GC(o);
        g->prev = (uintptr_t)trash_later | (g->prev & GC_PREV_FINALIZED);
        trash_later = o;
        return -1;
    }
    trash_depth++;
    return 1;
}

void
trash_end(int token)
{
    if (token != 1)
        return;
    trash_depth--;
    if (trash_depth > 0)
        return;
    /* destroy what was parked, at the outermost level */
    while (trash_later) {
        Object *o = trash_later;
        GcHead *g = AS_GC(o);
        trash_later = (Object *)(g->prev & ~GC_PREV_MASK_FLAGS);
        g->prev &= GC_PREV_FINALIZED;
        trash_depth++;
        TYPE(o)->dealloc(o);
        trash_depth--;
    }
}

/* ================================================================ repr guard */

static Object **repr_stack;
static ssize_t repr_len, repr_cap;

int
repr_enter(Object *o)
{
    for (ssize_t i = 0; i < repr_len; i++)
        if (repr_stack[i] == o)
            return 1;
    if (repr_len == repr_cap) {
        ssize_t ncap = repr_cap ? repr_cap * 2 : 16;
        Object **n = heap_realloc(repr_stack, sizeof(Object *) * (size_t)ncap);
        if (!n) {
            err_no_memory();
            return -1;
        }
        repr_stack = n;
        repr_cap = ncap;
    }
    repr_stack[repr_len++] = o;
    return 0;
}

void
repr_leave(Object *o)
{
    for (ssize_t i = repr_len - 1; i >= 0; i--) {
        if (repr_stack[i] == o) {
            memmove(&repr_stack[i], &repr_stack[i + 1], sizeof(Object *) * (size_t)(repr_len - i - 1));
            repr_len--;
            return;
        }
    }
}

/* ================================================================ start-up */

extern TypeObject striter_type, tupleiter_type, listiter_type, listrevit_type,
    dictiterkey_type, dictitervalue_type, dictiteritem_type, dictrevkey_type,
    dictrevvalue_type, dictrevitem_type, dictvalues_type;
int typeobject_init(void);

static TypeObject *const core_types[] = {
    &object_type, &type_type, &none_type, &notimplemented_type, &ellipsis_type,
    &int_type, &bool_type, &float_type, &complex_type, &str_type, &striter_type,
    &bytes_type, &bytearray_type, &tuple_type, &tupleiter_type, &list_type, &listiter_type,
    &listrevit_type, &dict_type, &dictkeys_type, &dictvalues_type, &dictitems_type,
    &dictiterkey_type, &dictitervalue_type, &dictiteritem_type, &dictrevkey_type,
    &dictrevvalue_type, &dictrevitem_type, &set_type, &frozenset_type, &range_type,
    &rangeiter_type, &longrangeiter_type, &slice_type, &function_type, &code_type,
    &cell_type, &method_type, &cfunction_type, &method_descr_type, &classmethod_descr_type,
    &wrapper_descr_type, &method_wrapper_type, &member_descr_type, &getset_descr_type,
    &staticmethod_type, &classmethod_type, &property_type, &super_type, &module_type,
    &generator_type, &frame_type, &traceback_type, &mappingproxy_type, &seqiter_type,
    &calliter_type, &enumerate_type, &zip_type, &map_type, &filter_type, &reversed_type,
    &textio_type,
    NULL,
};

void
rt_init(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    memset(&rt, 0, sizeof rt);
    stack_init();
    rt.recursion_limit = 1000;
    rt.exc_info = &rt.exc_base;
    hash_init();
    heap_init();
    gc_init();
    str_init();
    int_init();
    if (typeobject_init() < 0)
        fatal("cannot initialise the type system");
    for (int i = 0; core_types[i]; i++)
        if (type_ready(core_types[i]) < 0)
            fatal("cannot initialise a builtin type");
    exceptions_init(NULL);
    err_init_memory_error();
}

void
rt_fini(void)
{
}
