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
/* Allocation-failure injection: the n-th allocation from now fails (0 = off). */
void heap_fail_after(long n);

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
