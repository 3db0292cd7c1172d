/*
** arena.h -- bump allocator for the AST and compiler scratch data (CPython's pyarena.c).
** Everything allocated from an arena is freed at once by arena_free(); objects handed to
** arena_add_object() are released then too (the arena owns one reference to each).
*/
#ifndef PYHEAP_ARENA_H
#define PYHEAP_ARENA_H

#include <stddef.h>
#include "runtime/object.h"

typedef struct Arena Arena;

Arena *arena_new(void);                 /* NULL on memory error (MemoryError set) */
void arena_free(Arena *a);
void *arena_alloc(Arena *a, size_t n);  /* zeroed; 16-byte aligned; NULL + MemoryError */
char *arena_strndup(Arena *a, const char *s, size_t n);
/* The arena takes over one reference to o (steals it).  -1 + MemoryError on failure
** (the reference is released then). */
int arena_add_object(Arena *a, Object *o);

#endif
