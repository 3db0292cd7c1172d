/*
** arena.c -- bump allocator for the AST and compiler scratch data (CPython's
** Python/pyarena.c).  Memory comes in blocks from the private heap: small requests are
** carved from the current block (8 KiB, 16-byte aligned bumps), a request larger than a
** quarter block gets a block of its own so the current one is not wasted.  Nothing is
** freed before arena_free(), which releases every block and drops the one reference the
** arena holds to each object handed to arena_add_object().
**
** The objects live in a real list, as pyarena's a_objects: it is a tracked list taken from
** the list free list, it grows by list_append's policy and its deallocation releases them
** last-in first-out.  The arena header itself is malloc()ed, and a 24-byte heap block
** stands in for CPython's PyArena struct: what the pools see while a statement is parsed,
** compiled and run is what CPython's see (docs/DESIGN.md, "Parser and compiler heap
** traffic").
**
** Invariants: every pointer returned is 16-byte aligned and zeroed; 'objs' holds exactly
** the references the arena owns.
*/
#include "interp/arena.h"
#include "runtime/heap.h"
#include "runtime/error.h"
#include "runtime/listobject.h"
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#define ARENA_BLOCK_SIZE 8192
#define ARENA_ALIGN 16

typedef struct Block {
    struct Block *next;
    size_t size;            /* usable bytes after the header */
    size_t used;
    /* data follows, aligned */
} Block;

#define BLOCK_HEADER ((sizeof(Block) + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1))
#define BLOCK_DATA(b) ((char *)(b) + BLOCK_HEADER)

struct Arena {
    Block *cur;             /* block being carved */
    Block *full;            /* the others (full or private large ones) */
    Object *objs;           /* list: one reference to each object handed over */
    void *shadow;           /* heap block of sizeof(PyArena) */
};

#define CPY_SIZEOF_PYARENA 24

static Block *
arena_new_block(size_t size)
{
    Block *b = heap_alloc(BLOCK_HEADER + size);
    if (!b)
        return NULL;
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

Arena *
arena_new(void)
{
    Arena *a = calloc(1, sizeof *a);
    if (!a) {
        err_no_memory();
        return NULL;
    }
    a->shadow = heap_alloc(CPY_SIZEOF_PYARENA);
    a->cur = a->shadow ? arena_new_block(ARENA_BLOCK_SIZE) : NULL;
    a->objs = a->cur ? list_new(0) : NULL;
    if (!a->objs) {
        heap_free(a->cur);
        heap_free(a->shadow);
        free(a);
        err_no_memory();
        return NULL;
    }
    return a;
}

static void
arena_free_blocks(Block *b)
{
    while (b) {
        Block *next = b->next;
        heap_free(b);
        b = next;
    }
}

void
arena_free(Arena *a)
{
    if (!a)
        return;
    /* _PyArena_Free: the blocks, then the list (its items go last-in first-out) */
    arena_free_blocks(a->cur);
    arena_free_blocks(a->full);
    decref(a->objs);
    heap_free(a->shadow);
    free(a);
}

void *
arena_alloc(Arena *a, size_t n)
{
    size_t need = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (need == 0)
        need = ARENA_ALIGN;
    if (need < n) {                         /* overflow */
        err_no_memory();
        return NULL;
    }
    Block *b = a->cur;
    if (b->size - b->used < need) {
        if (need > ARENA_BLOCK_SIZE / 4) {
            /* a private block, kept off the carving path */
            Block *big = arena_new_block(need);
            if (!big) {
                err_no_memory();
                return NULL;
            }
            big->used = need;
            big->next = a->full;
            a->full = big;
            memset(BLOCK_DATA(big), 0, need);
            return BLOCK_DATA(big);
        }
        Block *nb = arena_new_block(ARENA_BLOCK_SIZE);
        if (!nb) {
            err_no_memory();
            return NULL;
        }
        b->next = a->full;
        a->full = b;
        a->cur = b = nb;
    }
    void *p = BLOCK_DATA(b) + b->used;
    b->used += need;
    memset(p, 0, need);
    return p;
}

char *
arena_strndup(Arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

int
arena_add_object(Arena *a, Object *o)
{
    return list_append_take(a->objs, o);
}
