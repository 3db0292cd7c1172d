/*
** heap.h -- the private heap: every byte pyheap's objects use comes through here.
** Small requests (1..512 bytes) are served by the pymalloc-style pool allocator in heap.c
** (16-byte size classes, 16 KiB pools, 1 MiB arenas, as CPython 3.11's obmalloc on 64-bit
** Linux); larger ones, and zero-byte ones as CPython does, go to the system malloc.
** Functions return NULL on failure and set *no* exception (callers raise MemoryError).
** With CFG_HEAP_MALLOC every request goes to malloc (ASan/Valgrind builds).
*/
#ifndef PYHEAP_HEAP_H
#define PYHEAP_HEAP_H

#include <stddef.h>
#include <stdio.h>

#define HEAP_ALIGNMENT 16
#define HEAP_SMALL_THRESHOLD 512
#define HEAP_NB_CLASSES (HEAP_SMALL_THRESHOLD / HEAP_ALIGNMENT)
#define HEAP_POOL_SIZE (16 * 1024)
#define HEAP_ARENA_SIZE (1024 * 1024)

void heap_init(void);
void *heap_alloc(size_t n);
void *heap_calloc(size_t nelem, size_t elsize);
void *heap_realloc(void *p, size_t n);
void heap_free(void *p);

/* Heap limit in bytes (0 = unlimited): bytes requested from the OS (arenas + large
** blocks) may not exceed it; a request that would is refused (NULL). */
void heap_set_limit(size_t bytes);
size_t heap_get_limit(void);
/* PYTHONMALLOCSTATS: print heap_print_stats(stderr) each time a new arena is about to be
** mapped, as CPython's new_arena() does (the report at exit is the caller's job). */
void heap_set_arena_stats(int on);
/* Allocation-failure injection: the n-th allocation from now fails (0 = off).  Every
** heap_alloc/heap_calloc/heap_realloc call counts; exactly one call fails.
** heap_fail_pending() is the countdown left (> 0: the failure has not happened yet). */
void heap_fail_after(long n);
long heap_fail_pending(void);
/* Side mode: while entered (calls nest), requests that would take a pool block go to
** malloc instead, so the pools see none of them (freeing needs nothing special).  The REPL
** uses it for its parser's and compiler's own bookkeeping, which CPython keeps out of the
** pools' way differently (see docs/DESIGN.md, "REPL heap traffic"). */
void heap_side_enter(void);
void heap_side_leave(void);
extern int heap_side_depth;
static inline int
heap_side_active(void)
{
    return heap_side_depth > 0;
}
/* Called at each switch between side mode and the pools: the object free lists keep a
** set for each (rt_swap_freelists), so side-mode objects never feed the pools' lists. */
extern void (*heap_side_switch_hook)(void);
/* One block per size class, held from the end of start-up to the teardown (heap.c). */
void heap_ballast_take(void);
void heap_ballast_release(void);
/* Give each size class's ring of partly used pools the shape CPython's has: for class
** c = 0..31, a count k then the free blocks of each of its k pools, head first
** (runtime/startup_pools.h).  The blocks this holds go with heap_ballast_release.
** 0, or -1 if the heap cannot (side mode, no memory). */
int heap_shape(const unsigned short *shape);
/* Leave the side mode whatever its depth (returns the depth), and go back to it. */
int heap_side_suspend(void);
void heap_side_resume(int depth);
/* While set, heap_side_suspend does not leave the side mode: everything, the compiler's
** modelled objects too, stays off the pools and the program's free lists (start-up). */
extern int heap_side_pinned;

/* Leak checking (-X leakcheck).  heap_track_blocks(1), before the first allocation, keeps
** a registry of large blocks so that heap_foreach_block() can list every allocated block
** (pool blocks are found by walking the pools): fn(block, size, arg) for each, stopping
** at a non-zero return, which is returned.  heap_fini() returns every arena to the OS
** and frees the allocator's own bookkeeping (call it last). */
typedef int (*heap_block_fn)(void *p, size_t size, void *arg);
void heap_track_blocks(int on);
int heap_foreach_block(heap_block_fn fn, void *arg);
void heap_fini(void);

/* Introspection (tests, sys._debugmallocstats). */
size_t heap_live_blocks(void);          /* blocks (small + large) currently allocated */
size_t heap_bytes_from_os(void);        /* arenas + large blocks currently held */
int heap_is_small_block(const void *p); /* 1 if p is a block of the small-object heap */
size_t heap_block_size(const void *p);  /* size class of a small block, else 0 */
/* Print CPython's _PyObject_DebugMallocStats report (the allocator part) to out.
** Returns 1 if something was printed. */
int heap_print_stats(FILE *out);
/* One "N free Xs * S bytes each = T" line (CPython's _PyDebugAllocatorStats). */
void heap_print_free_list(FILE *out, const char *block_name, int num_blocks,
                          size_t sizeof_block);

#endif
