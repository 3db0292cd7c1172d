/*
** heap.c -- private allocator for small objects (<= 512 bytes): a behavioural port of
** CPython 3.11's pymalloc (Objects/obmalloc.c) for 64-bit Linux.  Requests round up to a
** 16-byte size class served from 16 KiB pools carved out of 1 MiB mmap'ed arenas; zero-byte
** and larger requests go to malloc() (a 0-byte request becomes malloc(1), as
** PyMem_RawMalloc does), and so does a small one when no arena can be had.
**
** Invariants (the essays below explain each):
**   - a pool is on usedpools[2c] iff it has >= 1 used and >= 1 free block of class c;
**     a full pool is on no list; an empty pool is on its arena's 'freepools' list.
**   - within a pool the most recently freed block is handed out next (LIFO); Python code
**     observes this as "a freed object's id() is reused by the next object of its size".
**   - 'usable_arenas' holds the arenas with a free pool, sorted by ascending nfreepools,
**     and nfp2lasta[n] is the rightmost arena with n free pools there (NULL if none).
**   - an address is in the small-object heap iff the arena radix tree says so; the
**     test never reads memory outside the tree, so a malloc'd block is never mistaken
**     for a small one (and vice versa).
**   - heap_bytes_from_os() = live arenas * 1 MiB + malloc_usable_size() of every live
**     malloc'd block; with a limit set, a request that would take it past the limit is
**     refused (the radix-tree nodes and the 'arenas' vector are not counted).
** Not thread-safe: pyheap is single-threaded, so there are no locks (obmalloc's are no-ops
** under the GIL too).  No initialisation is needed: every table below is initialised
** statically, so heap_alloc() works before heap_init().
** Compile-time switches: CFG_HEAP_MALLOC=1 sends everything to malloc (ASan/Valgrind);
** CFG_DEBUG fills fresh small blocks with 0xCD and dead ones with 0xDD and checks on reuse
** that nobody wrote to a dead block; under ASan (without CFG_HEAP_MALLOC) free small
** blocks are poisoned.  See also: heap.h, gc.c, object.h.
*/
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* MAP_ANONYMOUS, malloc_usable_size */
#endif
#include "heap.h"

#include <assert.h>
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#if defined(CFG_HEAP_MALLOC) && CFG_HEAP_MALLOC
#define HEAP_USE_MALLOC 1
#else
#define HEAP_USE_MALLOC 0
#endif

#if defined(CFG_DEBUG) && CFG_DEBUG
#define HEAP_DEBUG 1
#else
#define HEAP_DEBUG 0
#endif

/* ASan detection: clang has __has_feature, gcc defines __SANITIZE_ADDRESS__. */
#if defined(__SANITIZE_ADDRESS__)
#define HEAP_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HEAP_ASAN 1
#endif
#endif
#ifndef HEAP_ASAN
#define HEAP_ASAN 0
#endif

#if HEAP_ASAN && !HEAP_USE_MALLOC
#include <sanitizer/asan_interface.h>
#include <sanitizer/lsan_interface.h>
#define HEAP_POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define HEAP_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
/* LeakSanitizer does not scan mmap'ed memory: arenas are registered as root regions so
** that a large (malloc'ed) block referenced only from an object in an arena is not
** reported as leaked while that object lives. */
#define HEAP_LSAN_REGISTER(p, n) __lsan_register_root_region((p), (n))
#define HEAP_LSAN_UNREGISTER(p, n) __lsan_unregister_root_region((p), (n))
#else
#define HEAP_POISON(p, n) ((void)(p), (void)(n))
#define HEAP_UNPOISON(p, n) ((void)(p), (void)(n))
#define HEAP_LSAN_REGISTER(p, n) ((void)(p), (void)(n))
#define HEAP_LSAN_UNREGISTER(p, n) ((void)(p), (void)(n))
#endif

#if defined(__GNUC__)
#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#define HEAP_NOINLINE __attribute__((noinline))
#else
#define LIKELY(x) (x)
#define UNLIKELY(x) (x)
#define HEAP_NOINLINE
#endif

/* Debug byte patterns (CPython Include/internal/pycore_pymem.h). */
#define HEAP_CLEANBYTE 0xCD /* fresh, never written by the caller */
#define HEAP_DEADBYTE 0xDD  /* freed */

/* Largest request honoured at all (CPython refuses > PY_SSIZE_T_MAX). */
#define HEAP_MAX_REQUEST ((size_t)PTRDIFF_MAX)

/*
** Accounting shared by both builds.  Large blocks are counted at malloc_usable_size(),
** which is what the C library really set aside for them (under ASan it is the requested
** size), so freeing needs no header and the blocks stay plain malloc() blocks.
*/
static size_t heap_limit;        /* 0 = unlimited */
static long heap_fail_countdown; /* > 0: the countdown-th allocation call fails */
int heap_side_depth;             /* > 0: small requests go to malloc (heap_side_enter) */
/* Non-zero while either of the two runs: the fast paths test this one word only. */
static long heap_gate;
static size_t heap_large_bytes;  /* sum of malloc_usable_size() of live large blocks */
static size_t heap_nlarge;       /* live large blocks (CPython's raw_allocated_blocks) */

/*==========================================================================================
** Size classes, pools and arenas.
**
** Request in bytes     Size of allocated block      Size class idx
** ----------------------------------------------------------------
**        1-16                   16                       0
**       17-32                   32                       1
**       33-48                   48                       2
**        ...                   ...                     ...
**      497-512                 512                      31
**      0, 513 and up: routed to malloc().
**
** An arena is 1 MiB from mmap().  mmap only promises 4 KiB alignment, so the first
** pool starts at the first 16 KiB boundary in the arena and an unaligned arena holds 63
** pools instead of 64 (sys._debugmallocstats reports the loss as "arena alignment").
** A pool is 16 KiB: a 48-byte header, then blocks of one size class.  Pools are carved
** off an arena's high-water mark ('pool_address') only when needed, and blocks off a
** pool's high-water mark ('nextoffset') only when the free list runs dry, so memory is
** never touched before it is needed.  POOL_ADDR() finds a block's pool by masking.
**========================================================================================*/
#define ALIGNMENT_SHIFT 4
#define INDEX2SIZE(i) (((unsigned)(i) + 1) << ALIGNMENT_SHIFT)
#define NB_CLASSES HEAP_NB_CLASSES
#define POOL_BITS 14
#define POOL_SIZE HEAP_POOL_SIZE
#define POOL_SIZE_MASK ((uintptr_t)POOL_SIZE - 1)
#define ARENA_BITS 20
#define ARENA_SIZE HEAP_ARENA_SIZE
#define ARENA_SIZE_MASK ((uintptr_t)ARENA_SIZE - 1)
#define MAX_POOLS_IN_ARENA (ARENA_SIZE / POOL_SIZE)
#define INITIAL_ARENA_OBJECTS 16
#define DUMMY_SIZE_IDX 0xffff /* size class of a freshly carved pool */

_Static_assert(HEAP_ALIGNMENT == 1 << ALIGNMENT_SHIFT, "alignment");
_Static_assert(POOL_SIZE == 1 << POOL_BITS, "pool size");
_Static_assert(ARENA_SIZE == 1 << ARENA_BITS, "arena size");
_Static_assert(NB_CLASSES == 32, "usedpools initialiser lists 32 classes");
_Static_assert(sizeof(void *) == 8, "the arena radix tree is laid out for 64-bit");

typedef uint8_t block;

/*
** Pool header.  nextpool/prevpool come first (obmalloc puts them third and fourth):
** that lets a pair of pointers in 'usedpools' pose as a pool header without obmalloc's
** "- 2*sizeof(block *)" fudge, see below.
*/
typedef struct PoolHeader PoolHeader;
struct PoolHeader {
    PoolHeader *nextpool; /* next pool of this size class (or next free pool) */
    PoolHeader *prevpool; /* previous pool of this size class */
    union {
        block *padding;
        unsigned count; /* number of allocated blocks */
    } ref;
    block *freeblock;       /* head of the pool's free list */
    unsigned arenaindex;    /* index into 'arenas' of the owning arena */
    unsigned szidx;         /* size class index */
    unsigned nextoffset;    /* offset of the first never-used block */
    unsigned maxnextoffset; /* largest valid nextoffset */
};

#define POOL_OVERHEAD                                                                    \
    ((sizeof(PoolHeader) + HEAP_ALIGNMENT - 1) & ~(size_t)(HEAP_ALIGNMENT - 1))
#define POOL_ADDR(p) ((PoolHeader *)((uintptr_t)(p) & ~POOL_SIZE_MASK))
#define NUMBLOCKS(i) ((unsigned)(POOL_SIZE - POOL_OVERHEAD) / INDEX2SIZE(i))

/* Book-keeping for one arena (obmalloc's struct arena_object). */
typedef struct ArenaObject ArenaObject;
struct ArenaObject {
    uintptr_t address;      /* base from mmap, 0 if this object has no arena */
    block *pool_address;    /* next pool to carve off (pool aligned) */
    unsigned nfreepools;    /* free pools + pools never carved */
    unsigned ntotalpools;   /* 64, or 63 for an unaligned arena */
    PoolHeader *freepools;  /* singly linked list of empty pools */
    ArenaObject *nextarena; /* usable_arenas links, or unused_arena_objects link */
    ArenaObject *prevarena;
};

#if !HEAP_USE_MALLOC

/*
** Pool table: usedpools[2c], usedpools[2c+1] are the nextpool/prevpool of the head of a
** circular, doubly linked ring of the partially used pools of class c.  RING(c) casts
** the address of that pair to a PoolHeader *: only its nextpool and prevpool members are
** ever touched, and they are exactly the pair (both have type PoolHeader *, so the access
** type matches what is stored).  An empty ring points at itself, so the fast path tests
** "usedpools[2c] != RING(c)" against a constant address, with no load.
**
** A pool, once carved, is always in one of three states:
**   used  -- some blocks allocated, some free: on its ring.  New pools start here.
**   full  -- every block allocated: on no list (nextpool/prevpool meaningless).  Freeing
**            a block puts it back at the *front* of its ring, so the next allocation of
**            that class reuses the block just freed.
**   empty -- no block allocated: unlinked from the ring and pushed on its arena's
**            'freepools' list (via nextpool).  It has no class any more; if the next
**            class to take it is the one it had, its header and free list are reused.
** Blocks: pool->freeblock heads a singly linked list threaded through the free blocks
** themselves; a freed block is pushed on the front (LIFO).  When the list is exhausted,
** the next never-used block (at 'nextoffset') is appended, until nextoffset passes
** maxnextoffset, when the pool is full.  So a used pool always has freeblock != NULL.
*/
#define RING(c) ((PoolHeader *)&usedpools[2 * (c)])
#define PT(c) RING(c), RING(c)
static PoolHeader *usedpools[2 * NB_CLASSES] = {
    PT(0),  PT(1),  PT(2),  PT(3),  PT(4),  PT(5),  PT(6),  PT(7),
    PT(8),  PT(9),  PT(10), PT(11), PT(12), PT(13), PT(14), PT(15),
    PT(16), PT(17), PT(18), PT(19), PT(20), PT(21), PT(22), PT(23),
    PT(24), PT(25), PT(26), PT(27), PT(28), PT(29), PT(30), PT(31),
};

/*
** Arena management.  'arenas' is a vector of maxarenas ArenaObjects (realloc'ed, doubled
** when it runs out; that only happens when every arena is full, so no pointer into it is
** live then).
**   unused_arena_objects -- singly linked list of the objects with no arena
**                           (address == 0 iff on this list).
**   usable_arenas        -- doubly linked list of arenas with at least one free pool,
**                           sorted by ascending nfreepools: allocation comes from the
**                           fullest arena, giving nearly empty ones a chance to be
**                           returned to the OS.
**   nfp2lasta[n]         -- the last arena in usable_arenas with n free pools, so an
**                           arena can be moved to its sorted place in O(1) (bpo-37029).
** An arena all of whose pools are in use is on neither list.  An arena that becomes
** wholly free is unmapped, except the last one in usable_arenas, which is kept so that
** a loop allocating and freeing one object does not mmap/munmap each time (bpo-37257).
*/
static ArenaObject *arenas;
static unsigned maxarenas;
static ArenaObject *unused_arena_objects;
static ArenaObject *usable_arenas;
static ArenaObject *nfp2lasta[MAX_POOLS_IN_ARENA + 1];
static size_t narenas_currently_allocated;
static size_t ntimes_arena_allocated;
static size_t narenas_highwater;

/*
** Arena radix tree (obmalloc's arena_map, WITH_PYMALLOC_RADIX_TREE): a 64-bit address
** splits into 15 top bits, 15 middle bits, 14 bottom bits and the 20-bit offset inside an
** "ideal" (1 MiB aligned) arena.  The root is static (BSS: pages are touched only when
** used); middle and bottom nodes are calloc'ed on demand and never freed.  A real arena
** starting at base covers at most two ideal arenas: the leaf of the ideal arena holding
** base gets tail_hi = base's offset (-1 if base is ideal, i.e. offset 0), and the leaf of
** the next ideal arena gets tail_lo = the same offset.  Address p with offset t is in an
** arena iff t < tail_lo or (tail_hi != 0 and t >= tail_hi).
*/
#define MAP_TOP_BITS 15
#define MAP_MID_BITS 15
#define MAP_BOT_BITS (64 - ARENA_BITS - MAP_TOP_BITS - MAP_MID_BITS)
#define MAP_BOT_SHIFT ARENA_BITS
#define MAP_MID_SHIFT (MAP_BOT_SHIFT + MAP_BOT_BITS)
#define MAP_TOP_SHIFT (MAP_MID_SHIFT + MAP_MID_BITS)
#define MAP_TOP_INDEX(a) (((a) >> MAP_TOP_SHIFT) & ((1u << MAP_TOP_BITS) - 1))
#define MAP_MID_INDEX(a) (((a) >> MAP_MID_SHIFT) & ((1u << MAP_MID_BITS) - 1))
#define MAP_BOT_INDEX(a) (((a) >> MAP_BOT_SHIFT) & ((1u << MAP_BOT_BITS) - 1))

typedef struct {
    int32_t tail_hi;
    int32_t tail_lo;
} ArenaCoverage;
typedef struct {
    ArenaCoverage arenas[1 << MAP_BOT_BITS];
} ArenaMapBot;
typedef struct {
    ArenaMapBot *ptrs[1 << MAP_MID_BITS];
} ArenaMapMid;
typedef struct {
    ArenaMapMid *ptrs[1 << MAP_TOP_BITS];
} ArenaMapTop;

static ArenaMapTop arena_map_root;
static size_t arena_map_mid_count;
static size_t arena_map_bot_count;

/* The leaf for address a, created if [create]; NULL if absent or out of memory. */
static ArenaMapBot *
heap_arena_map_get(uintptr_t a, int create)
{
    unsigned i1 = MAP_TOP_INDEX(a);
    if (arena_map_root.ptrs[i1] == NULL) {
        if (!create)
            return NULL;
        ArenaMapMid *n = calloc(1, sizeof(ArenaMapMid));
        if (n == NULL)
            return NULL;
        arena_map_root.ptrs[i1] = n;
        arena_map_mid_count++;
    }
    unsigned i2 = MAP_MID_INDEX(a);
    if (arena_map_root.ptrs[i1]->ptrs[i2] == NULL) {
        if (!create)
            return NULL;
        ArenaMapBot *n = calloc(1, sizeof(ArenaMapBot));
        if (n == NULL)
            return NULL;
        arena_map_root.ptrs[i1]->ptrs[i2] = n;
        arena_map_bot_count++;
    }
    return arena_map_root.ptrs[i1]->ptrs[i2];
}

/* Mark (is_used) or unmark the addresses of the arena at [base].  0 if out of memory. */
static int
heap_arena_map_mark_used(uintptr_t base, int is_used)
{
    ArenaMapBot *n_hi = heap_arena_map_get(base, is_used);
    if (n_hi == NULL) {
        assert(is_used); /* unmarking: the nodes exist */
        return 0;
    }
    unsigned i3 = MAP_BOT_INDEX(base);
    int32_t tail = (int32_t)(base & ARENA_SIZE_MASK);
    if (tail == 0) {
        n_hi->arenas[i3].tail_hi = is_used ? -1 : 0;
        return 1;
    }
    /* Not ideal: the arena spills into the next ideal arena, whose leaf may live in other
    ** middle/top nodes, so walk the tree again. */
    n_hi->arenas[i3].tail_hi = is_used ? tail : 0;
    uintptr_t next = base + ARENA_SIZE;
    assert(base < next);
    ArenaMapBot *n_lo = heap_arena_map_get(next, is_used);
    if (n_lo == NULL) {
        assert(is_used);
        n_hi->arenas[i3].tail_hi = 0;
        return 0;
    }
    n_lo->arenas[MAP_BOT_INDEX(next)].tail_lo = is_used ? tail : 0;
    return 1;
}

/* True iff p lies in an arena (obmalloc's address_in_range/arena_map_is_used).  Reads only
** the tree, never the memory at p, so it is safe on any address. */
static inline int
heap_address_in_range_tree(const void *p)
{
    uintptr_t a = (uintptr_t)p;
    ArenaMapMid *mid = arena_map_root.ptrs[MAP_TOP_INDEX(a)];
    if (mid == NULL)
        return 0;
    ArenaMapBot *bot = mid->ptrs[MAP_MID_INDEX(a)];
    if (bot == NULL)
        return 0;
    ArenaCoverage c = bot->arenas[MAP_BOT_INDEX(a)];
    int32_t tail = (int32_t)(a & ARENA_SIZE_MASK);
    return tail < c.tail_lo || (tail >= c.tail_hi && c.tail_hi != 0);
}

/* Most frees hit the arena of one of the previous two (the start-up's pool shapes spread
** the classes' head pools over a few arenas): a two-entry cache of those arenas' ranges
** answers them with a subtraction or two before the radix tree is consulted.  (Not in
** obmalloc; invalidated when an arena is unmapped.) */
#define NO_ARENA (UINTPTR_MAX - ARENA_SIZE + 1)  /* a range no pointer falls in */
static uintptr_t hot_arena = NO_ARENA, hot_arena2 = NO_ARENA;

static inline int
heap_address_in_range(const void *p)
{
    if ((uintptr_t)p - hot_arena < ARENA_SIZE)
        return 1;
    if ((uintptr_t)p - hot_arena2 < ARENA_SIZE) {
        uintptr_t t = hot_arena;
        hot_arena = hot_arena2;
        hot_arena2 = t;
        return 1;
    }
    if (!heap_address_in_range_tree(p))
        return 0;
    hot_arena2 = hot_arena;
    hot_arena = arenas[POOL_ADDR(p)->arenaindex].address;
    return 1;
}

#endif /* !HEAP_USE_MALLOC */

/*==========================================================================================
** Accounting, limit, failure injection.
**========================================================================================*/

size_t
heap_bytes_from_os(void)
{
#if HEAP_USE_MALLOC
    return heap_large_bytes;
#else
    return narenas_currently_allocated * ARENA_SIZE + heap_large_bytes;
#endif
}

/* Would taking [n] more bytes from the OS stay within the limit? */
static int
heap_fits(size_t n)
{
    if (heap_limit == 0)
        return 1;
    size_t used = heap_bytes_from_os();
    return used <= heap_limit && n <= heap_limit - used;
}

/* Called only while a countdown runs: 1 if this allocation call is the one to fail. */
static HEAP_NOINLINE int
heap_inject_failure(void)
{
    int fail = heap_fail_countdown > 0 && --heap_fail_countdown == 0;
    heap_gate = heap_fail_countdown | heap_side_depth;
    return fail;
}

#define HEAP_INJECTED_FAILURE() (UNLIKELY(heap_gate != 0) && heap_inject_failure())
#define HEAP_SIDE() (UNLIKELY(heap_gate != 0) && heap_side_depth > 0)

void
heap_set_limit(size_t bytes)
{
    heap_limit = bytes;
}

static int heap_arena_stats; /* PYTHONMALLOCSTATS: report before each new arena */

void
heap_set_arena_stats(int on)
{
    heap_arena_stats = on;
}

size_t
heap_get_limit(void)
{
    return heap_limit;
}

void
heap_fail_after(long n)
{
    heap_fail_countdown = n > 0 ? n : 0;
    heap_gate = heap_fail_countdown | heap_side_depth;
}

void (*heap_side_switch_hook)(void);

static void
heap_side_switch(void)
{
    if (heap_side_switch_hook)
        heap_side_switch_hook();
}

void
heap_side_enter(void)
{
    if (heap_side_depth++ == 0)
        heap_side_switch();
    heap_gate = heap_fail_countdown | heap_side_depth;
}

void
heap_side_leave(void)
{
    assert(heap_side_depth > 0);
    if (--heap_side_depth == 0)
        heap_side_switch();
    heap_gate = heap_fail_countdown | heap_side_depth;
}


/* CPython reaches its first prompt with some ten thousand live blocks, so no size class
** has a pool that empties when a statement's blocks are freed: the next request of the
** class reuses the block freed last instead of starting on another pool.  One block per
** class held from the end of start-up to the teardown keeps pyheap's pools the same way. */
static void *heap_ballast[HEAP_NB_CLASSES];
static void heap_shape_release(void);

void
heap_ballast_take(void)
{
    for (int i = 0; i < HEAP_NB_CLASSES; i++)
        if (!heap_ballast[i])
            heap_ballast[i] = heap_alloc((size_t)(i + 1) * HEAP_ALIGNMENT);
}

void
heap_ballast_release(void)
{
    for (int i = 0; i < HEAP_NB_CLASSES; i++) {
        heap_free(heap_ballast[i]);
        heap_ballast[i] = NULL;
    }
    heap_shape_release();
}

int heap_side_pinned;

int
heap_side_suspend(void)
{
    if (heap_side_pinned)
        return -1;
    int d = heap_side_depth;
    heap_side_depth = 0;
    if (d > 0)
        heap_side_switch();
    heap_gate = heap_fail_countdown | heap_side_depth;
    return d;
}

void
heap_side_resume(int depth)
{
    if (depth < 0)
        return;         /* pinned: never left */
    heap_side_depth = depth;
    if (depth > 0)
        heap_side_switch();
    heap_gate = heap_fail_countdown | heap_side_depth;
}

long
heap_fail_pending(void)
{
    return heap_fail_countdown;
}

/*==========================================================================================
** Large blocks: 0 bytes and > 512 bytes (and small ones when no arena can be had), as
** _PyObject_Malloc's fallback to PyMem_RawMalloc, which turns 0 into 1.
**========================================================================================*/

/*
** Registry of live large blocks, kept only while heap_track_blocks(1) is in force (-X
** leakcheck turns it on before start-up): an open-addressing set of addresses in plain
** malloc() memory, so heap_foreach_block() can list large blocks as well as pool blocks.
** Off, it costs one test per large allocation.
*/
#define TRACK_DUMMY ((void *)1)
static void **track_table;      /* capacity track_mask + 1, NULL = empty */
static size_t track_mask, track_used, track_fill;
static int track_on;

static size_t
heap_track_slot(const void *p)
{
    size_t h = (size_t)((uintptr_t)p >> 4) * (size_t)0x9E3779B97F4A7C15u;
    return (h >> 17) & track_mask;
}

static void
heap_track_add(void *p)
{
    if ((track_fill + 1) * 2 > track_mask + 1 || track_table == NULL) {
        size_t ncap = track_table ? (track_mask + 1) * 2 : 1024;
        while (track_used * 4 >= ncap)
            ncap *= 2;
        void **old = track_table;
        size_t oldcap = old ? track_mask + 1 : 0;
        void **t = calloc(ncap, sizeof(void *));
        if (t == NULL) {
            track_on = 0;       /* cannot list every block any more: give up tracking */
            return;
        }
        track_table = t;
        track_mask = ncap - 1;
        track_fill = track_used;
        for (size_t i = 0; i < oldcap; i++) {
            if (old[i] != NULL && old[i] != TRACK_DUMMY) {
                size_t j = heap_track_slot(old[i]);
                while (t[j] != NULL)
                    j = (j + 1) & track_mask;
                t[j] = old[i];
            }
        }
        free(old);
    }
    size_t j = heap_track_slot(p);
    while (track_table[j] != NULL && track_table[j] != TRACK_DUMMY)
        j = (j + 1) & track_mask;
    if (track_table[j] == NULL)
        track_fill++;
    track_table[j] = p;
    track_used++;
}

static void
heap_track_remove(void *p)
{
    if (track_table == NULL)
        return;
    size_t j = heap_track_slot(p);
    while (track_table[j] != NULL) {
        if (track_table[j] == p) {
            track_table[j] = TRACK_DUMMY;
            track_used--;
            return;
        }
        j = (j + 1) & track_mask;
    }
}

void
heap_track_blocks(int on)
{
    track_on = on;
}

static void
heap_track_fini(void)
{
    free(track_table);
    track_table = NULL;
    track_mask = track_used = track_fill = 0;
    track_on = 0;
}

/* The large half of heap_foreach_block (all of it under CFG_HEAP_MALLOC). */
static int
heap_foreach_large(heap_block_fn fn, void *arg)
{
    if (track_table == NULL)
        return 0;
    for (size_t i = 0; i <= track_mask; i++) {
        void *p = track_table[i];
        if (p == NULL || p == TRACK_DUMMY)
            continue;
        int r = fn(p, malloc_usable_size(p), arg);
        if (r)
            return r;
    }
    return 0;
}

static void *
heap_large_account(void *p, size_t nbytes)
{
    size_t usable = malloc_usable_size(p);
    if (!heap_fits(usable)) {
        free(p);
        return NULL;
    }
    heap_large_bytes += usable;
    heap_nlarge++;
    if (UNLIKELY(track_on))
        heap_track_add(p);
#if HEAP_DEBUG
    if (nbytes != 0)
        memset(p, HEAP_CLEANBYTE, nbytes);
#else
    (void)nbytes;
#endif
    return p;
}

static HEAP_NOINLINE void *
heap_large_alloc(size_t n)
{
    if (n > HEAP_MAX_REQUEST)
        return NULL;
    if (n == 0)
        n = 1;
    if (!heap_fits(n))
        return NULL;
    void *p = malloc(n);
    return p ? heap_large_account(p, n) : NULL;
}

static HEAP_NOINLINE void *
heap_large_calloc(size_t nelem, size_t elsize)
{
    if (nelem == 0 || elsize == 0)
        nelem = elsize = 1;
    if (!heap_fits(nelem * elsize))
        return NULL;
    void *p = calloc(nelem, elsize);
    return p ? heap_large_account(p, 0) : NULL;
}

static HEAP_NOINLINE void
heap_large_free(void *p)
{
    size_t usable = malloc_usable_size(p);
    heap_large_bytes -= usable;
    heap_nlarge--;
    if (UNLIKELY(track_table != NULL))
        heap_track_remove(p);
#if HEAP_DEBUG
    memset(p, HEAP_DEADBYTE, usable);
#endif
    free(p);
}

static void *heap_large_realloc_untracked(void *p, size_t n);

/* realloc() of a large block; the block stays with malloc whatever the new size. */
static HEAP_NOINLINE void *
heap_large_realloc(void *p, size_t n)
{
    if (LIKELY(track_table == NULL))
        return heap_large_realloc_untracked(p, n);
    heap_track_remove(p);
    void *q = heap_large_realloc_untracked(p, n);
    if (track_on)
        heap_track_add(q ? q : p);      /* on failure p is still allocated */
    return q;
}

static void *
heap_large_realloc_untracked(void *p, size_t n)
{
    if (n > HEAP_MAX_REQUEST)
        return NULL;
    if (n == 0)
        n = 1;
    size_t old = malloc_usable_size(p);
    void *q;
    if (heap_limit != 0 && n > old) {
        /* Growing under a limit: realloc() could not be undone if the new block turned
        ** out too big, so allocate, check, copy, free. */
        size_t others = heap_bytes_from_os() - old;
        if (others > heap_limit || n > heap_limit - others)
            return NULL;
        q = malloc(n);
        if (q == NULL)
            return NULL;
        if (malloc_usable_size(q) > heap_limit - others) {
            free(q);
            return NULL;
        }
        memcpy(q, p, old);
        free(p);
    } else {
        q = realloc(p, n);
        if (q == NULL)
            return NULL;
    }
    size_t usable = malloc_usable_size(q);
    heap_large_bytes = heap_large_bytes - old + usable;
#if HEAP_DEBUG
    if (n > old)
        memset((block *)q + old, HEAP_CLEANBYTE, n - old);
#endif
    return q;
}

#if HEAP_USE_MALLOC
/*==========================================================================================
** CFG_HEAP_MALLOC: every request goes to malloc (CPython's PYTHONMALLOC=malloc), so ASan
** and Valgrind see each object; limit, failure injection and block counts still work.
**========================================================================================*/

void
heap_init(void)
{
}

void *
heap_alloc(size_t n)
{
    if (HEAP_INJECTED_FAILURE())
        return NULL;
    return heap_large_alloc(n);
}

void *
heap_calloc(size_t nelem, size_t elsize)
{
    if (HEAP_INJECTED_FAILURE())
        return NULL;
    if (elsize != 0 && nelem > HEAP_MAX_REQUEST / elsize)
        return NULL;
    return heap_large_calloc(nelem, elsize);
}

void *
heap_realloc(void *p, size_t n)
{
    if (HEAP_INJECTED_FAILURE())
        return NULL;
    if (p == NULL)
        return heap_large_alloc(n);
    return heap_large_realloc(p, n);
}

void
heap_free(void *p)
{
    if (p != NULL)
        heap_large_free(p);
}

int
heap_shape(const unsigned short *shape)
{
    (void)shape;        /* no pools to shape */
    return 0;
}

static void
heap_shape_release(void)
{
}

size_t
heap_live_blocks(void)
{
    return heap_nlarge;
}

int
heap_foreach_block(heap_block_fn fn, void *arg)
{
    return heap_foreach_large(fn, arg);
}

void
heap_fini(void)
{
    heap_track_fini();
}

int
heap_is_small_block(const void *p)
{
    (void)p;
    return 0;
}

size_t
heap_block_size(const void *p)
{
    (void)p;
    return 0;
}

int
heap_print_stats(FILE *out)
{
    /* _PyObject_DebugMallocStats prints nothing when pymalloc is not in use. */
    (void)out;
    return 0;
}

#else /* !HEAP_USE_MALLOC */

/*==========================================================================================
** Debug and ASan support for small blocks.
** CFG_DEBUG: a block on a free list holds its link in the first 8 bytes and 0xDD in the
** rest; allocation checks the 0xDD (a mismatch is a write to freed memory: abort) and
** fills the block with 0xCD.  ASan: every byte of a pool outside the header that is not
** in an allocated block is poisoned; heap_make_free() unpoisons a block only while it
** writes the link, and allocation unpoisons a block before reading its link.  Pool
** headers are never poisoned; a whole arena is unpoisoned before munmap().
**========================================================================================*/
#if HEAP_DEBUG
static void
heap_debug_fill_dead(block *bp, unsigned size)
{
    memset(bp + sizeof(block *), HEAP_DEADBYTE, size - sizeof(block *));
}

/* [bp] is leaving a free list: check that it is still dead, then mark it fresh. */
static void
heap_debug_take(block *bp, unsigned size)
{
    for (unsigned i = sizeof(block *); i < size; i++) {
        if (bp[i] != HEAP_DEADBYTE) {
            fprintf(stderr,
                    "heap: freed %u-byte block at %p was written to (byte %u is 0x%02x)\n",
                    size, (void *)bp, i, bp[i]);
            abort();
        }
    }
    memset(bp, HEAP_CLEANBYTE, size);
}
#define HEAP_DEBUG_FILL_DEAD(bp, size) heap_debug_fill_dead((bp), (size))
#define HEAP_DEBUG_TAKE(bp, size) heap_debug_take((bp), (size))
#else
#define HEAP_DEBUG_FILL_DEAD(bp, size) ((void)0)
#define HEAP_DEBUG_TAKE(bp, size) ((void)0)
#endif

/* Make [bp] (class size [size], possibly poisoned) a free block whose link is [next]. */
static inline void
heap_make_free(block *bp, unsigned size, block *next)
{
    HEAP_UNPOISON(bp, size);
    *(block **)bp = next;
    HEAP_DEBUG_FILL_DEAD(bp, size);
    HEAP_POISON(bp, size);
    (void)size;
}

/*==========================================================================================
** Allocation.
**========================================================================================*/

/* Take a new arena from the OS; NULL if over the limit or out of memory.  The caller
** links the result into usable_arenas. */
static ArenaObject *
heap_new_arena(void)
{
    if (heap_arena_stats)
        heap_print_stats(stderr);
    if (!heap_fits(ARENA_SIZE))
        return NULL;
    if (unused_arena_objects == NULL) {
        /* Double the vector.  Only reached when every arena is full, so no pointer into
        ** the old vector is live (usable_arenas and all nfp2lasta entries are NULL). */
        unsigned numarenas = maxarenas ? maxarenas << 1 : INITIAL_ARENA_OBJECTS;
        if (numarenas <= maxarenas)
            return NULL; /* overflow */
        ArenaObject *v = realloc(arenas, numarenas * sizeof(ArenaObject));
        if (v == NULL)
            return NULL;
        arenas = v;
        assert(usable_arenas == NULL);
        for (unsigned i = maxarenas; i < numarenas; i++) {
            arenas[i].address = 0;
            arenas[i].nextarena = i < numarenas - 1 ? &arenas[i + 1] : NULL;
        }
        unused_arena_objects = &arenas[maxarenas];
        maxarenas = numarenas;
    }

    ArenaObject *ao = unused_arena_objects;
    unused_arena_objects = ao->nextarena;
    assert(ao->address == 0);
    void *address = mmap(NULL, ARENA_SIZE, PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (address == MAP_FAILED) {
        address = NULL;
    } else if (!heap_arena_map_mark_used((uintptr_t)address, 1)) {
        munmap(address, ARENA_SIZE);
        address = NULL;
    }
    if (address == NULL) {
        ao->nextarena = unused_arena_objects;
        unused_arena_objects = ao;
        return NULL;
    }
    HEAP_UNPOISON(address, ARENA_SIZE);
    HEAP_LSAN_REGISTER(address, ARENA_SIZE);
    ao->address = (uintptr_t)address;
    ++narenas_currently_allocated;
    ++ntimes_arena_allocated;
    if (narenas_currently_allocated > narenas_highwater)
        narenas_highwater = narenas_currently_allocated;
    ao->freepools = NULL;
    ao->pool_address = (block *)address;
    ao->nfreepools = MAX_POOLS_IN_ARENA;
    uintptr_t excess = ao->address & POOL_SIZE_MASK;
    if (excess != 0) {
        --ao->nfreepools;
        ao->pool_address += POOL_SIZE - excess;
    }
    ao->ntotalpools = ao->nfreepools;
    return ao;
}

/* The free list of [pool] (class [size]) ran dry: append the next never-used block, or,
** if there is none, the pool is full: unlink it from its ring. */
static inline void
heap_pool_extend(PoolHeader *pool, unsigned size)
{
    if (UNLIKELY(pool->nextoffset <= pool->maxnextoffset)) {
        block *bp = (block *)pool + pool->nextoffset;
        pool->freeblock = bp;
        pool->nextoffset += INDEX2SIZE(size);
        heap_make_free(bp, INDEX2SIZE(size), NULL);
        return;
    }
    PoolHeader *next = pool->nextpool;
    PoolHeader *prev = pool->prevpool;
    next->prevpool = prev;
    prev->nextpool = next;
}

/* Class [size] has no used pool: take an empty pool (from the fullest usable arena,
** mapping a new arena if there is none), link it at the front of the class's ring and
** return its first free block.  NULL if no arena can be had. */
static HEAP_NOINLINE void *
heap_allocate_from_new_pool(unsigned size)
{
    if (UNLIKELY(usable_arenas == NULL)) {
        usable_arenas = heap_new_arena();
        if (usable_arenas == NULL)
            return NULL;
        usable_arenas->nextarena = usable_arenas->prevarena = NULL;
        assert(nfp2lasta[usable_arenas->nfreepools] == NULL);
        nfp2lasta[usable_arenas->nfreepools] = usable_arenas;
    }
    ArenaObject *ao = usable_arenas;
    assert(ao->address != 0 && ao->nfreepools > 0);

    /* ao has the smallest nfreepools, so taking a pool keeps the list sorted; only the
    ** fingers move, and ao leaves the list when it has no free pool left. */
    if (nfp2lasta[ao->nfreepools] == ao)
        nfp2lasta[ao->nfreepools] = NULL;
    if (ao->nfreepools > 1) {
        assert(nfp2lasta[ao->nfreepools - 1] == NULL);
        nfp2lasta[ao->nfreepools - 1] = ao;
    }

    PoolHeader *pool = ao->freepools;
    if (LIKELY(pool != NULL)) {
        ao->freepools = pool->nextpool; /* reuse a cached empty pool */
    } else {
        /* Carve a new pool off the high-water mark. */
        assert(ao->pool_address <= (block *)ao->address + ARENA_SIZE - POOL_SIZE);
        pool = (PoolHeader *)ao->pool_address;
        pool->arenaindex = (unsigned)(ao - arenas);
        pool->szidx = DUMMY_SIZE_IDX;
        ao->pool_address += POOL_SIZE;
    }
    if (--ao->nfreepools == 0) {
        assert(ao->freepools == NULL);
        assert(ao->nextarena == NULL || ao->nextarena->prevarena == ao);
        usable_arenas = ao->nextarena;
        if (usable_arenas != NULL)
            usable_arenas->prevarena = NULL;
    }

    /* Front-link into the (empty) ring of this class. */
    PoolHeader *head = RING(size);
    pool->nextpool = head;
    pool->prevpool = head;
    head->nextpool = pool;
    head->prevpool = pool;
    pool->ref.count = 1;
    block *bp;
    if (pool->szidx == size) {
        /* It last held this class: header and free list are still valid. */
        bp = pool->freeblock;
        assert(bp != NULL);
        HEAP_UNPOISON(bp, INDEX2SIZE(size));
        pool->freeblock = *(block **)bp;
        HEAP_DEBUG_TAKE(bp, INDEX2SIZE(size));
        return bp;
    }
    /* Set up the header; the free list holds just the second block, the first is
    ** returned. */
    unsigned nbytes = INDEX2SIZE(size);
    pool->szidx = size;
    bp = (block *)pool + POOL_OVERHEAD;
    pool->nextoffset = (unsigned)POOL_OVERHEAD + (nbytes << 1);
    pool->maxnextoffset = POOL_SIZE - nbytes;
    pool->freeblock = bp + nbytes;
    HEAP_POISON(bp, POOL_SIZE - POOL_OVERHEAD);
    HEAP_UNPOISON(bp, nbytes);
    heap_make_free(pool->freeblock, nbytes, NULL);
#if HEAP_DEBUG
    memset(bp, HEAP_CLEANBYTE, nbytes);
#endif
    return bp;
}

/* Pop the head of the free list of [pool], a used pool of class [size]: the fast path.
** A used pool always has a free block; if it was the last one on the list, the list is
** extended with a never-used block, or the pool, now full, leaves its ring. */
static inline void *
heap_pool_pop(PoolHeader *pool, unsigned size)
{
    ++pool->ref.count;
    block *bp = pool->freeblock;
    assert(bp != NULL);
    HEAP_UNPOISON(bp, INDEX2SIZE(size));
    if (UNLIKELY((pool->freeblock = *(block **)bp) == NULL))
        heap_pool_extend(pool, size);
    HEAP_DEBUG_TAKE(bp, INDEX2SIZE(size));
    return bp;
}

/* pymalloc_alloc: a block of class (n-1)/16, or NULL if n is 0 or > 512 or no arena can be
** had (the caller then goes to malloc). */
static inline void *
heap_pool_alloc(size_t n)
{
    if (UNLIKELY(n - 1 >= HEAP_SMALL_THRESHOLD)) /* n == 0 wraps round */
        return NULL;
    unsigned size = (unsigned)(n - 1) >> ALIGNMENT_SHIFT;
    PoolHeader *pool = usedpools[size + size];
    if (LIKELY(pool != RING(size)))
        return heap_pool_pop(pool, size);
    return heap_allocate_from_new_pool(size);
}

/* _PyObject_Malloc without the failure injection. */
static inline void *
heap_malloc_internal(size_t n)
{
    void *p = heap_pool_alloc(n);
    if (LIKELY(p != NULL))
        return p;
    return heap_large_alloc(n);
}

void
heap_init(void)
{
    /* Nothing to do: every table is initialised statically (see usedpools). */
}

/* Everything heap_alloc's inline fast path does not handle: no used pool for the class,
** 0 or > 512 bytes.  Out of line so the fast path needs no stack frame. */
static HEAP_NOINLINE void *
heap_alloc_slow(size_t n)
{
    if (n - 1 < HEAP_SMALL_THRESHOLD) {
        void *p = heap_allocate_from_new_pool((unsigned)(n - 1) >> ALIGNMENT_SHIFT);
        if (p != NULL)
            return p;
    }
    return heap_large_alloc(n);
}

/* heap_alloc while a failure-injection countdown or the side mode runs. */
static HEAP_NOINLINE void *
heap_alloc_counted(size_t n)
{
    if (heap_inject_failure())
        return NULL;
    if (heap_side_depth > 0)
        return heap_large_alloc(n);
    return heap_malloc_internal(n);
}

void *
heap_alloc(size_t n)
{
    if (UNLIKELY(heap_gate != 0))
        return heap_alloc_counted(n);
    /* heap_pool_alloc's fast path; the rest is a tail call, so no stack frame here. */
    if (LIKELY(n - 1 < HEAP_SMALL_THRESHOLD)) {
        unsigned size = (unsigned)(n - 1) >> ALIGNMENT_SHIFT;
        PoolHeader *pool = usedpools[size + size];
        if (LIKELY(pool != RING(size)))
            return heap_pool_pop(pool, size);
    }
    return heap_alloc_slow(n);
}

void *
heap_calloc(size_t nelem, size_t elsize)
{
    if (HEAP_INJECTED_FAILURE())
        return NULL;
    if (elsize != 0 && nelem > HEAP_MAX_REQUEST / elsize)
        return NULL;
    size_t n = nelem * elsize;
    if (HEAP_SIDE())
        return heap_large_calloc(nelem, elsize);
    void *p = heap_pool_alloc(n);
    if (LIKELY(p != NULL)) {
        memset(p, 0, n);
        return p;
    }
    return heap_large_calloc(nelem, elsize);
}

/*==========================================================================================
** Freeing.
**========================================================================================*/

/* A full pool got a free block: link it at the *front* of its ring (before the current
** first pool, usedpools[2c]), so the next allocation of the class reuses that block. */
static HEAP_NOINLINE void
heap_insert_to_usedpool(PoolHeader *pool)
{
    assert(pool->ref.count > 0);
    unsigned size = pool->szidx;
    PoolHeader *next = usedpools[size + size];
    PoolHeader *prev = next->prevpool;
    pool->nextpool = next;
    pool->prevpool = prev;
    next->prevpool = pool;
    prev->nextpool = pool;
}

/* [pool] became empty: move it from its ring to its arena's free pools, then keep
** usable_arenas sorted, or give the arena back to the OS if it is wholly free. */
static HEAP_NOINLINE void
heap_insert_to_freepool(PoolHeader *pool)
{
    PoolHeader *next = pool->nextpool;
    PoolHeader *prev = pool->prevpool;
    next->prevpool = prev;
    prev->nextpool = next;

    ArenaObject *ao = &arenas[pool->arenaindex];
    pool->nextpool = ao->freepools;
    ao->freepools = pool;
    unsigned nf = ao->nfreepools;
    /* If ao is the rightmost arena with nf free pools, that finger moves left (nf == 0:
    ** ao is on no list and no finger names it). */
    ArenaObject *lastnf = nfp2lasta[nf];
    assert((nf == 0 && lastnf == NULL) ||
           (nf > 0 && lastnf != NULL && lastnf->nfreepools == nf &&
            (lastnf->nextarena == NULL || nf < lastnf->nextarena->nfreepools)));
    if (lastnf == ao) {
        ArenaObject *p = ao->prevarena;
        nfp2lasta[nf] = (p != NULL && p->nfreepools == nf) ? p : NULL;
    }
    ao->nfreepools = ++nf;

    /* 1. Wholly free and not the last usable arena: unmap it (bpo-37257 keeps the last).
    ** 2. It had no free pool: it joins usable_arenas at the head.
    ** 3. It now has more free pools than its right neighbour: move it right after lastnf.
    ** 4. Else it stays where it is. */
    if (nf == ao->ntotalpools && ao->nextarena != NULL) {
        if (ao->prevarena == NULL) {
            usable_arenas = ao->nextarena;
        } else {
            assert(ao->prevarena->nextarena == ao);
            ao->prevarena->nextarena = ao->nextarena;
        }
        if (ao->nextarena != NULL) {
            assert(ao->nextarena->prevarena == ao);
            ao->nextarena->prevarena = ao->prevarena;
        }
        ao->nextarena = unused_arena_objects;
        unused_arena_objects = ao;
        heap_arena_map_mark_used(ao->address, 0);
        if (hot_arena == ao->address || hot_arena2 == ao->address)
            hot_arena = hot_arena2 = NO_ARENA;
        HEAP_UNPOISON((void *)ao->address, ARENA_SIZE);
        HEAP_LSAN_UNREGISTER((void *)ao->address, ARENA_SIZE);
        munmap((void *)ao->address, ARENA_SIZE);
        ao->address = 0;
        --narenas_currently_allocated;
        return;
    }
    if (nf == 1) {
        ao->nextarena = usable_arenas;
        ao->prevarena = NULL;
        if (usable_arenas != NULL)
            usable_arenas->prevarena = ao;
        usable_arenas = ao;
        if (nfp2lasta[1] == NULL)
            nfp2lasta[1] = ao;
        return;
    }
    if (nfp2lasta[nf] == NULL)
        nfp2lasta[nf] = ao;
    if (ao == lastnf)
        return; /* was rightmost of the old count: still in order */
    assert(ao->nextarena != NULL);
    /* Unlink ao, then insert it after lastnf. */
    if (ao->prevarena != NULL) {
        assert(ao->prevarena->nextarena == ao);
        ao->prevarena->nextarena = ao->nextarena;
    } else {
        assert(usable_arenas == ao);
        usable_arenas = ao->nextarena;
    }
    ao->nextarena->prevarena = ao->prevarena;
    ao->prevarena = lastnf;
    ao->nextarena = lastnf->nextarena;
    if (ao->nextarena != NULL)
        ao->nextarena->prevarena = ao;
    lastnf->nextarena = ao;
    assert(ao->nextarena == NULL || nf <= ao->nextarena->nfreepools);
    assert(ao->prevarena == NULL || nf > ao->prevarena->nfreepools);
}

/* pymalloc_free for a block known to be in an arena. */
static inline void
heap_pool_free(void *p)
{
    PoolHeader *pool = POOL_ADDR(p);
    assert(pool->ref.count > 0);
    block *lastfree = pool->freeblock;
    heap_make_free((block *)p, INDEX2SIZE(pool->szidx), lastfree);
    pool->freeblock = (block *)p;
    pool->ref.count--;
    if (UNLIKELY(lastfree == NULL)) {
        /* The pool was full, so on no list: it becomes used again. */
        heap_insert_to_usedpool(pool);
        return;
    }
    if (LIKELY(pool->ref.count != 0))
        return;
    heap_insert_to_freepool(pool);
}

void
heap_free(void *p)
{
    if (p == NULL)
        return;
    if (UNLIKELY(!heap_address_in_range(p))) {
        heap_large_free(p);
        return;
    }
    heap_pool_free(p);
}

/*
** Pool shapes.  Which block a request gets depends on the ring of partly used pools of
** its class: the head pool's free list first, then the next pool's once the head pool
** is full, and a block freed into a full pool puts that pool at the head.  heap_shape
** gives every class the ring CPython's has at the same moment: each partly used pool
** pyheap has is filled, then one new pool per entry of the shape, and each entry's
** number of blocks is freed, the last pool's first, so that the first ends at the head.
** The other blocks stay held until heap_ballast_release.
*/
#define HEAP_SHAPE_MAX_POOLS 64
static void **heap_shape_held;
static size_t heap_shape_n, heap_shape_cap;

static int
heap_shape_hold(void *p)
{
    if (!p)
        return -1;
    if (heap_shape_n == heap_shape_cap) {
        size_t cap = heap_shape_cap ? 2 * heap_shape_cap : 1024;
        void **v = realloc(heap_shape_held, cap * sizeof *v);
        if (!v) {
            heap_free(p);
            return -1;
        }
        heap_shape_held = v;
        heap_shape_cap = cap;
    }
    heap_shape_held[heap_shape_n++] = p;
    return 0;
}

/* Fill the ring of class c: hold a block of each of its pools' free blocks. */
static int
heap_shape_fill(unsigned c)
{
    while (usedpools[c + c] != RING(c))
        if (heap_shape_hold(heap_alloc(INDEX2SIZE(c))) < 0)
            return -1;
    return 0;
}

static int heap_shape_classes(const unsigned short *shape);

int
heap_shape(const unsigned short *shape)
{
    if (heap_side_depth > 0)
        return -1;
    /* part of the start-up model, not of the program: -X heap-fail-after does not count
    ** these allocations (it would multiply tests/memerr's runs by twenty) */
    long countdown = heap_fail_countdown;
    heap_fail_countdown = 0;
    heap_gate = heap_side_depth;
    int r = heap_shape_classes(shape);
    heap_fail_countdown = countdown;
    heap_gate = heap_fail_countdown | heap_side_depth;
    return r;
}

static int
heap_shape_classes(const unsigned short *shape)
{
    for (unsigned c = 0; c < HEAP_NB_CLASSES; c++) {
        unsigned k = *shape++;
        const unsigned short *nfree = shape;
        shape += k;
        if (heap_shape_fill(c) < 0)
            return -1;
        /* k full pools, each a run of held blocks from start[j] */
        size_t start[HEAP_SHAPE_MAX_POOLS];
        if (k > HEAP_SHAPE_MAX_POOLS)
            k = HEAP_SHAPE_MAX_POOLS;
        for (unsigned j = 0; j < k; j++) {
            start[j] = heap_shape_n;
            /* the ring is empty: this takes a new pool, which the fill then fills */
            if (heap_shape_hold(heap_alloc(INDEX2SIZE(c))) < 0 || heap_shape_fill(c) < 0)
                return -1;
        }
        /* freeing into a full pool puts it at the head: the last pool first */
        unsigned cap = NUMBLOCKS(c);
        for (unsigned j = k; j-- > 0;) {
            size_t end = j + 1 < k ? start[j + 1] : heap_shape_n;
            for (unsigned i = 0; i < nfree[j] && i + 1 < cap; i++) {
                heap_free(heap_shape_held[end - 1 - i]);
                heap_shape_held[end - 1 - i] = NULL;
            }
        }
    }
    return 0;
}

static void
heap_shape_release(void)
{
    while (heap_shape_n)
        heap_free(heap_shape_held[--heap_shape_n]);     /* NULL for the freed ones */
    free(heap_shape_held);
    heap_shape_held = NULL;
    heap_shape_cap = 0;
}


/*
** pymalloc_realloc.  A small block that still fits its class stays put unless it
** shrinks by more than a quarter (copying costs cycles, keeping wastes memory); otherwise
** it moves to a new block, which may be a large one.  A large block stays with realloc()
** even if it shrinks below 512 bytes: CPython cannot know how many bytes of it are valid
** to copy (bug 1185883).  Size 0 is not free(): it returns a (malloc'ed 1-byte) block.
*/
void *
heap_realloc(void *p, size_t n)
{
    if (HEAP_INJECTED_FAILURE())
        return NULL;
    if (p == NULL)
        return HEAP_SIDE() ? heap_large_alloc(n) : heap_malloc_internal(n);
    if (!heap_address_in_range(p))
        return heap_large_realloc(p, n);
    if (n > HEAP_MAX_REQUEST)
        return NULL;
    size_t size = INDEX2SIZE(POOL_ADDR(p)->szidx);
    if (n <= size) {
        if (4 * n > 3 * size)
            return p;
        size = n;
    }
    void *bp = heap_malloc_internal(n);
    if (bp != NULL) {
        memcpy(bp, p, size);
        heap_pool_free(p);
    }
    return bp;
}

/*==========================================================================================
** Introspection.
**========================================================================================*/

/* The arena holding p (p must be in range): its base comes back out of the radix leaf. */
static uintptr_t
heap_arena_base(uintptr_t a)
{
    ArenaCoverage c = arena_map_root.ptrs[MAP_TOP_INDEX(a)]->ptrs[MAP_MID_INDEX(a)]
                          ->arenas[MAP_BOT_INDEX(a)];
    uintptr_t ideal = a & ~ARENA_SIZE_MASK;
    int32_t tail = (int32_t)(a & ARENA_SIZE_MASK);
    if (tail < c.tail_lo)
        return ideal - ARENA_SIZE + (uintptr_t)c.tail_lo;
    return c.tail_hi == -1 ? ideal : ideal + (uintptr_t)c.tail_hi;
}

/* The in-use pool whose block starts at p, or NULL.  Stricter than address_in_range:
** also rejects pool headers, alignment slack, uncarved and empty pools, and addresses
** inside a block.  It cannot tell a free block of a used pool from an allocated one. */
static PoolHeader *
heap_block_pool(const void *p)
{
    if (!heap_address_in_range(p))
        return NULL;
    uintptr_t a = (uintptr_t)p;
    uintptr_t base = heap_arena_base(a);
    uintptr_t first = (base + POOL_SIZE_MASK) & ~POOL_SIZE_MASK;
    PoolHeader *pool = POOL_ADDR(p);
    if ((uintptr_t)pool < first || pool->arenaindex >= maxarenas)
        return NULL;
    ArenaObject *ao = &arenas[pool->arenaindex];
    if (ao->address != base || (block *)pool >= ao->pool_address || pool->ref.count == 0 ||
        pool->szidx >= NB_CLASSES)
        return NULL;
    uintptr_t off = a - (uintptr_t)pool;
    if (off < POOL_OVERHEAD || off >= pool->nextoffset ||
        (off - POOL_OVERHEAD) % INDEX2SIZE(pool->szidx) != 0)
        return NULL;
    return pool;
}

int
heap_is_small_block(const void *p)
{
    return heap_block_pool(p) != NULL;
}

size_t
heap_block_size(const void *p)
{
    PoolHeader *pool = heap_block_pool(p);
    return pool ? INDEX2SIZE(pool->szidx) : 0;
}

size_t
heap_live_blocks(void)
{
    /* As _Py_GetAllocatedBlocks: count the pools rather than slow down the fast path. */
    size_t n = heap_nlarge;
    for (unsigned i = 0; i < maxarenas; i++) {
        if (arenas[i].address == 0)
            continue;
        uintptr_t base = (arenas[i].address + POOL_SIZE_MASK) & ~POOL_SIZE_MASK;
        for (; base < (uintptr_t)arenas[i].pool_address; base += POOL_SIZE)
            n += ((PoolHeader *)base)->ref.count;
    }
    return n;
}

/* Call fn on every allocated block of one used pool: a block is free iff it is on the
** pool's free list or at/after 'nextoffset' (never handed out). */
static int
heap_foreach_pool_block(PoolHeader *pool, heap_block_fn fn, void *arg)
{
    unsigned size = INDEX2SIZE(pool->szidx);
    unsigned nblocks = (pool->nextoffset - (unsigned)POOL_OVERHEAD) / size;
    uint8_t isfree[POOL_SIZE / HEAP_ALIGNMENT];
    memset(isfree, 0, nblocks);
    for (block *bp = pool->freeblock; bp != NULL;) {
        isfree[((unsigned)(bp - (block *)pool) - (unsigned)POOL_OVERHEAD) / size] = 1;
        HEAP_UNPOISON(bp, sizeof(block *));
        block *next = *(block **)bp;
        HEAP_POISON(bp, sizeof(block *));
        bp = next;
    }
    for (unsigned k = 0; k < nblocks; k++) {
        if (isfree[k])
            continue;
        int r = fn((block *)pool + POOL_OVERHEAD + (size_t)k * size, size, arg);
        if (r)
            return r;
    }
    return 0;
}

int
heap_foreach_block(heap_block_fn fn, void *arg)
{
    for (unsigned i = 0; i < maxarenas; i++) {
        if (arenas[i].address == 0)
            continue;
        uintptr_t base = (arenas[i].address + POOL_SIZE_MASK) & ~POOL_SIZE_MASK;
        for (; base < (uintptr_t)arenas[i].pool_address; base += POOL_SIZE) {
            PoolHeader *pool = (PoolHeader *)base;
            if (pool->ref.count == 0)
                continue;
            int r = heap_foreach_pool_block(pool, fn, arg);
            if (r)
                return r;
        }
    }
    return heap_foreach_large(fn, arg);
}

/* Give every arena back to the OS and free the bookkeeping (the arena vector, the
** radix tree, the block registry).  Blocks still allocated are lost. */
void
heap_fini(void)
{
    for (unsigned i = 0; i < maxarenas; i++) {
        if (arenas[i].address == 0)
            continue;
        heap_arena_map_mark_used(arenas[i].address, 0);
        hot_arena = hot_arena2 = NO_ARENA;
        HEAP_UNPOISON((void *)arenas[i].address, ARENA_SIZE);
        HEAP_LSAN_UNREGISTER((void *)arenas[i].address, ARENA_SIZE);
        munmap((void *)arenas[i].address, ARENA_SIZE);
        arenas[i].address = 0;
    }
    free(arenas);
    arenas = NULL;
    maxarenas = 0;
    unused_arena_objects = usable_arenas = NULL;
    memset(nfp2lasta, 0, sizeof nfp2lasta);
    narenas_currently_allocated = 0;
    hot_arena = hot_arena2 = NO_ARENA;
    for (unsigned c = 0; c < NB_CLASSES; c++)
        usedpools[2 * c] = usedpools[2 * c + 1] = RING(c);
    for (unsigned i1 = 0; i1 < (1u << MAP_TOP_BITS); i1++) {
        ArenaMapMid *mid = arena_map_root.ptrs[i1];
        if (mid == NULL)
            continue;
        for (unsigned i2 = 0; i2 < (1u << MAP_MID_BITS); i2++)
            free(mid->ptrs[i2]);
        free(mid);
        arena_map_root.ptrs[i1] = NULL;
    }
    arena_map_mid_count = arena_map_bot_count = 0;
    heap_track_fini();
}

/* obmalloc's printone: "msg" padded to 35 columns, '=', value with thousands commas
** right-aligned in 21 columns.  Returns the value. */
static size_t
heap_printone(FILE *out, const char *msg, size_t value)
{
    char buf[32];
    int i = 21;
    int k = 3;
    size_t v = value;
    buf[i--] = '\0';
    do {
        buf[i--] = (char)('0' + v % 10);
        v /= 10;
        if (--k == 0 && v != 0 && i >= 0) {
            k = 3;
            buf[i--] = ',';
        }
    } while (v != 0 && i >= 0);
    while (i >= 0)
        buf[i--] = ' ';
    fprintf(out, "%-35s=%s\n", msg, buf);
    return value;
}

/* CPython's _PyObject_DebugMallocStats: the per-size-class table and the arena accounting
** that sys._debugmallocstats() prints.  Returns 1 (statistics written). */
int
heap_print_stats(FILE *out)
{
    size_t numpools[NB_CLASSES], numblocks[NB_CLASSES], numfreeblocks[NB_CLASSES];
    size_t allocated_bytes = 0, available_bytes = 0, arena_alignment = 0;
    size_t pool_header_bytes = 0, quantization = 0, narenas = 0, total;
    unsigned numfreepools = 0;
    char buf[128];

    fprintf(out, "Small block threshold = %d, in %u size classes.\n", HEAP_SMALL_THRESHOLD,
            (unsigned)NB_CLASSES);
    for (unsigned i = 0; i < NB_CLASSES; i++)
        numpools[i] = numblocks[i] = numfreeblocks[i] = 0;
    for (unsigned i = 0; i < maxarenas; i++) {
        uintptr_t base = arenas[i].address;
        if (base == 0)
            continue;
        narenas++;
        numfreepools += arenas[i].nfreepools;
        if (base & (uintptr_t)POOL_SIZE_MASK) {
            arena_alignment += POOL_SIZE;
            base &= ~(uintptr_t)POOL_SIZE_MASK;
            base += POOL_SIZE;
        }
        for (; base < (uintptr_t)arenas[i].pool_address; base += POOL_SIZE) {
            PoolHeader *p = (PoolHeader *)base;
            if (p->ref.count == 0)
                continue;
            unsigned sz = p->szidx;
            numpools[sz]++;
            numblocks[sz] += p->ref.count;
            numfreeblocks[sz] += NUMBLOCKS(sz) - p->ref.count;
        }
    }
    fputc('\n', out);
    fputs("class   size   num pools   blocks in use  avail blocks\n"
          "-----   ----   ---------   -------------  ------------\n",
          out);
    for (unsigned i = 0; i < NB_CLASSES; i++) {
        size_t p = numpools[i], b = numblocks[i], f = numfreeblocks[i];
        unsigned size = INDEX2SIZE(i);
        if (p == 0)
            continue;
        fprintf(out, "%5u %6u %11zu %15zu %13zu\n", i, size, p, b, f);
        allocated_bytes += b * size;
        available_bytes += f * size;
        pool_header_bytes += p * POOL_OVERHEAD;
        quantization += p * ((POOL_SIZE - POOL_OVERHEAD) % size);
    }
    fputc('\n', out);
    heap_printone(out, "# arenas allocated total", ntimes_arena_allocated);
    heap_printone(out, "# arenas reclaimed", ntimes_arena_allocated - narenas);
    heap_printone(out, "# arenas highwater mark", narenas_highwater);
    heap_printone(out, "# arenas allocated current", narenas);
    snprintf(buf, sizeof buf, "%zu arenas * %d bytes/arena", narenas, (int)ARENA_SIZE);
    heap_printone(out, buf, narenas * ARENA_SIZE);
    fputc('\n', out);
    total = heap_printone(out, "# bytes in allocated blocks", allocated_bytes);
    total += heap_printone(out, "# bytes in available blocks", available_bytes);
    snprintf(buf, sizeof buf, "%u unused pools * %d bytes", numfreepools, (int)POOL_SIZE);
    total += heap_printone(out, buf, (size_t)numfreepools * POOL_SIZE);
    total += heap_printone(out, "# bytes lost to pool headers", pool_header_bytes);
    total += heap_printone(out, "# bytes lost to quantization", quantization);
    total += heap_printone(out, "# bytes lost to arena alignment", arena_alignment);
    heap_printone(out, "Total", total);
    fputs("\narena map counts\n", out);
    heap_printone(out, "# arena map mid nodes", arena_map_mid_count);
    heap_printone(out, "# arena map bot nodes", arena_map_bot_count);
    fputc('\n', out);
    total = heap_printone(out, "# bytes lost to arena map root", sizeof(arena_map_root));
    total += heap_printone(out, "# bytes lost to arena map mid",
                           sizeof(ArenaMapMid) * arena_map_mid_count);
    total += heap_printone(out, "# bytes lost to arena map bot",
                           sizeof(ArenaMapBot) * arena_map_bot_count);
    heap_printone(out, "Total", total);
    return 1;
}

#endif /* !HEAP_USE_MALLOC */

/* CPython's _PyDebugAllocatorStats: one free-list line of sys._debugmallocstats(). */
void
heap_print_free_list(FILE *out, const char *block_name, int num_blocks, size_t sizeof_block)
{
    char buf1[128], buf2[160];
    snprintf(buf1, sizeof buf1, "%d %ss * %zu bytes each", num_blocks, block_name,
             sizeof_block);
    snprintf(buf2, sizeof buf2, "%48s ", buf1);
#if HEAP_USE_MALLOC
    fprintf(out, "%-35s=%21zu\n", buf2, (size_t)num_blocks * sizeof_block);
#else
    heap_printone(out, buf2, (size_t)num_blocks * sizeof_block);
#endif
}
