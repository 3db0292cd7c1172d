/*
** test_heap.c -- the private heap (runtime/heap.c): size classes, pools, LIFO reuse, arena
** release, large blocks, address lookup, a randomized shadow model, the heap limit,
** failure injection and the sys._debugmallocstats printer.
** Needs only heap.c:
**   gcc -std=c11 -I. -D_GNU_SOURCE tests/unit/test_heap.c runtime/heap.c -lcriterion
** Criterion runs each test in a fresh process, so each starts with an untouched heap.
** Expected values come from CPython 3.11's obmalloc on 64-bit Linux (16-byte classes,
** 16 KiB pools with a 48-byte header, 1 MiB arenas) and its _PyObject_DebugMallocStats
** output format.  Under CFG_HEAP_MALLOC (the asan build) the pool tests are skipped.
*/
#include <criterion/criterion.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "runtime/heap.h"

#if defined(CFG_HEAP_MALLOC) && CFG_HEAP_MALLOC
#define POOLS 0
#define SKIP_WITHOUT_POOLS() cr_skip_test("CFG_HEAP_MALLOC: no pools")
#else
#define POOLS 1
#define SKIP_WITHOUT_POOLS() ((void)0)
#endif

#if defined(__SANITIZE_ADDRESS__)
#define TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TEST_ASAN 1
#endif
#endif

#define POOL_HEADER 48 /* sizeof(struct pool_header) on 64-bit, rounded to 16 */
#define POOL_OF(p) ((uintptr_t)(p) & ~(uintptr_t)(HEAP_POOL_SIZE - 1))
#define NUMBLOCKS(size) ((HEAP_POOL_SIZE - POOL_HEADER) / (size))

static void
heap_setup(void)
{
    heap_init();
    cr_assert_eq(heap_live_blocks(), 0, "test must start with an empty heap");
}

static void
heap_teardown(void)
{
    heap_fail_after(0);
    heap_set_limit(0);
    cr_assert_eq(heap_live_blocks(), 0, "leaked %zu blocks", heap_live_blocks());
}

TestSuite(heap, .init = heap_setup, .fini = heap_teardown);

static void
fill(void *p, size_t n, unsigned seed)
{
    unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        b[i] = (unsigned char)(seed * 31u + i * 7u + 1u);
}

static int
check(const void *p, size_t n, unsigned seed)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        if (b[i] != (unsigned char)(seed * 31u + i * 7u + 1u))
            return 0;
    return 1;
}

/*------------------------------------------------------------------------ size classes */

Test(heap, requests_round_up_to_16_byte_classes) {
    SKIP_WITHOUT_POOLS();
    static const size_t req[] = {1, 15, 16, 17, 32, 33, 100, 496, 497, 511, 512};
    static const size_t cls[] = {16, 16, 16, 32, 32, 48, 112, 496, 512, 512, 512};
    void *p[sizeof req / sizeof req[0]];
    for (size_t i = 0; i < sizeof req / sizeof req[0]; i++) {
        p[i] = heap_alloc(req[i]);
        cr_assert_not_null(p[i]);
        cr_assert(heap_is_small_block(p[i]), "%zu bytes should be small", req[i]);
        cr_assert_eq(heap_block_size(p[i]), cls[i], "%zu -> %zu, want %zu", req[i],
                     heap_block_size(p[i]), cls[i]);
        cr_assert_eq((uintptr_t)p[i] % 16, 0);
    }
    for (size_t i = 0; i < sizeof req / sizeof req[0]; i++)
        heap_free(p[i]);
}

Test(heap, zero_and_over_512_bytes_go_to_malloc) {
    void *big = heap_alloc(513);
    void *zero = heap_alloc(0); /* PyMem_RawMalloc(0) -> malloc(1): a real block */
    cr_assert_not_null(big);
    cr_assert_not_null(zero);
    cr_assert_not(heap_is_small_block(big));
    cr_assert_not(heap_is_small_block(zero));
    cr_assert_eq(heap_block_size(big), 0);
    cr_assert_eq(heap_live_blocks(), 2);
    void *z2 = heap_calloc(0, 10);
    cr_assert_not_null(z2);
    cr_assert_not(heap_is_small_block(z2));
    heap_free(big);
    heap_free(zero);
    heap_free(z2);
    heap_free(NULL); /* no effect */
}

Test(heap, every_size_maps_to_its_class_and_each_class_fills_its_pool) {
    SKIP_WITHOUT_POOLS();
    for (size_t n = 1; n <= HEAP_SMALL_THRESHOLD; n++) {
        void *p = heap_alloc(n);
        cr_assert_eq(heap_block_size(p), (n + 15) / 16 * 16, "%zu bytes", n);
        heap_free(p);
    }
    /* From an empty ring, a class's blocks come from one pool until it holds
    ** (16384 - 48) / size of them (1021 of 16 bytes ... 31 of 512). */
    static void *b[NUMBLOCKS(16) + 1];
    for (size_t size = 16; size <= HEAP_SMALL_THRESHOLD; size += 16) {
        size_t k = 0;
        b[k++] = heap_alloc(size);
        while (k <= NUMBLOCKS(size)) {
            b[k] = heap_alloc(size);
            if (POOL_OF(b[k]) != POOL_OF(b[0]))
                break;
            k++;
        }
        cr_assert_eq(k, NUMBLOCKS(size), "class %zu: %zu blocks in its first pool", size, k);
        for (size_t i = 0; i <= k; i++)
            heap_free(b[i]);
    }
}

/*------------------------------------------------------------------------ pools */

Test(heap, a_pool_fills_with_adjacent_blocks_then_drains) {
    SKIP_WITHOUT_POOLS();
    enum { SIZE = 64, N = NUMBLOCKS(SIZE) }; /* 255 blocks of 64 bytes */
    void *b[N + 1];
    for (int i = 0; i < N; i++) {
        b[i] = heap_alloc(SIZE);
        cr_assert_not_null(b[i]);
        cr_assert_eq(POOL_OF(b[i]), POOL_OF(b[0]), "block %d left the pool", i);
        if (i > 0)
            cr_assert_eq((char *)b[i], (char *)b[i - 1] + SIZE, "block %d not adjacent", i);
    }
    cr_assert_eq((uintptr_t)b[0], POOL_OF(b[0]) + POOL_HEADER);
    b[N] = heap_alloc(SIZE); /* the pool is full: next block opens a new pool */
    cr_assert_neq(POOL_OF(b[N]), POOL_OF(b[0]));
    cr_assert_eq(heap_live_blocks(), N + 1);

    for (int i = 0; i < N; i++)
        heap_free(b[i]);
    cr_assert_eq(heap_live_blocks(), 1);
    /* The drained pool is the arena's first free pool: another class takes it over and
    ** starts again at its first block. */
    void *other = heap_alloc(200);
    cr_assert_eq((uintptr_t)other, POOL_OF(b[0]) + POOL_HEADER);
    cr_assert_eq(heap_block_size(other), 208);
    heap_free(other);
    heap_free(b[N]);
}

Test(heap, freed_block_is_reused_first_lifo) {
    SKIP_WITHOUT_POOLS();
    void *a = heap_alloc(40);
    void *b = heap_alloc(40);
    heap_free(a);
    void *c = heap_alloc(48); /* same class (48) */
    cr_assert_eq(c, a, "id() of a freed object is reused by the next of its size");
    heap_free(b);
    heap_free(c);
    void *d = heap_alloc(33);
    void *e = heap_alloc(34);
    cr_assert_eq(d, c);
    cr_assert_eq(e, b);
    /* A different class does not take it. */
    heap_free(e);
    void *f = heap_alloc(16);
    cr_assert_neq(f, e);
    heap_free(f);
    heap_free(d);
}

Test(heap, side_mode_keeps_small_requests_off_the_pools) {
    SKIP_WITHOUT_POOLS();
    void *a = heap_alloc(40);
    heap_free(a);                               /* a heads its class's free list */
    heap_side_enter();
    heap_side_enter();                          /* calls nest */
    void *s1 = heap_alloc(40);
    void *s2 = heap_calloc(5, 8);
    void *s3 = heap_realloc(NULL, 40);
    cr_assert(!heap_is_small_block(s1) && !heap_is_small_block(s2) &&
              !heap_is_small_block(s3), "side requests go to malloc");
    cr_assert(heap_side_active());
    int depth = heap_side_suspend();            /* the model's own blocks: pools again */
    cr_assert_eq(depth, 2);
    cr_assert(!heap_side_active());
    void *p = heap_alloc(40);
    cr_assert_eq(p, a, "a suspended side mode takes pool blocks as usual");
    heap_side_resume(depth);
    s3 = heap_realloc(s3, 48);                  /* a side block stays with malloc */
    cr_assert(!heap_is_small_block(s3));
    heap_side_leave();
    cr_assert(heap_side_active());
    heap_side_leave();
    cr_assert(!heap_side_active());
    heap_free(s1);                              /* freeing needs nothing special */
    heap_free(s2);
    heap_free(s3);
    heap_free(p);
    void *q = heap_alloc(40);
    cr_assert_eq(q, a, "the side blocks never touched the free list");
    heap_free(q);
}

Test(heap, ballast_keeps_a_class_pool_in_use) {
    SKIP_WITHOUT_POOLS();
    heap_ballast_take();
    void *a = heap_alloc(300);
    void *pool = (void *)POOL_OF(a);
    heap_free(a);                               /* the pool keeps its ballast block */
    void *other = heap_alloc(100);              /* another class: not that pool */
    cr_assert_neq((void *)POOL_OF(other), pool);
    void *b = heap_alloc(300);
    cr_assert_eq(b, a, "the freed block is reused, its pool never went back");
    heap_free(b);
    heap_free(other);
    heap_ballast_release();
}

Test(heap, shape_gives_each_class_the_ring_it_names) {
    SKIP_WITHOUT_POOLS();
    /* class 4 (80 bytes): a used pool before the shape must not matter */
    void *before = heap_alloc(80);
    unsigned short shape[32 * 4], *s = shape;
    for (int c = 0; c < 32; c++) {
        if (c == 4) {               /* three pools: 1, 2 and 5 free blocks */
            *s++ = 3;
            *s++ = 1;
            *s++ = 2;
            *s++ = 5;
        } else {
            *s++ = 0;               /* no partly used pool */
        }
    }
    cr_assert_eq(heap_shape(shape), 0);
    void *b[9];
    for (int i = 0; i < 9; i++)
        b[i] = heap_alloc(80);
    /* 1 from the head pool, 2 from the next, 5 from the third, then a new pool */
    cr_assert_neq(POOL_OF(b[0]), POOL_OF(b[1]));
    cr_assert_eq(POOL_OF(b[1]), POOL_OF(b[2]));
    cr_assert_neq(POOL_OF(b[2]), POOL_OF(b[3]));
    for (int i = 4; i < 8; i++)
        cr_assert_eq(POOL_OF(b[i]), POOL_OF(b[3]));
    uintptr_t pools[3] = {POOL_OF(b[0]), POOL_OF(b[1]), POOL_OF(b[3])};
    for (int i = 0; i < 3; i++)
        cr_assert_neq(POOL_OF(b[8]), pools[i], "the shaped pools are full: a new one");
    /* a block freed into a shaped pool behind the head is not the next one out */
    heap_free(b[2]);                /* pool 2, full: it becomes the head */
    void *x = heap_alloc(80);
    cr_assert_eq(x, b[2]);
    /* another class with no shape gets a new pool: its ring was emptied */
    void *y = heap_alloc(96);
    cr_assert_eq((uintptr_t)y - POOL_OF(y), POOL_HEADER, "the first block of a fresh pool");
    heap_free(y);
    heap_free(x);
    for (int i = 0; i < 9; i++)
        if (i != 2)
            heap_free(b[i]);
    heap_free(before);
    heap_ballast_release();         /* gives back what the shape held */
    cr_assert_eq(heap_live_blocks(), 0);
}

Test(heap, block_freed_in_full_pool_is_handed_out_next) {
    SKIP_WITHOUT_POOLS();
    enum { SIZE = 512, N = NUMBLOCKS(SIZE) }; /* 31 per pool */
    void *b[N + 5];
    for (int i = 0; i < N + 5; i++)
        b[i] = heap_alloc(SIZE);
    /* b[0..N-1] fill pool 1, which left its ring; pool 2 is in use.  Freeing into the
    ** full pool puts it at the front of the ring (obmalloc insert_to_usedpool). */
    cr_assert_neq(POOL_OF(b[N]), POOL_OF(b[0]));
    heap_free(b[7]);
    void *x = heap_alloc(SIZE);
    cr_assert_eq(x, b[7]);
    heap_free(b[3]);     /* pool 1 full -> used: to the front of the ring */
    heap_free(b[N + 2]); /* pool 2 was already used: it stays behind pool 1 */
    cr_assert_eq(heap_alloc(SIZE), b[3]);
    cr_assert_eq(heap_alloc(SIZE), b[N + 2]); /* pool 1 full again, pool 2 is first */
    for (int i = 0; i < N + 5; i++)
        heap_free(b[i]);
}

Test(heap, empty_arenas_go_back_to_the_os_but_one_is_kept) {
    SKIP_WITHOUT_POOLS();
    enum { MAX = 3 * 64 * 31 + 1 };
    static void *b[MAX];
    int n = 0;
    cr_assert_eq(heap_bytes_from_os(), 0);
    while (heap_bytes_from_os() < 3 * (size_t)HEAP_ARENA_SIZE) {
        cr_assert_lt(n, MAX);
        b[n] = heap_alloc(500);
        cr_assert_not_null(b[n]);
        n++;
    }
    cr_assert_eq(heap_bytes_from_os(), 3 * (size_t)HEAP_ARENA_SIZE);
    for (int i = 0; i < n; i++)
        heap_free(b[i]);
    /* bpo-37257: the last usable arena stays to avoid mmap/munmap thrashing. */
    cr_assert_eq(heap_bytes_from_os(), (size_t)HEAP_ARENA_SIZE);
    cr_assert_eq(heap_live_blocks(), 0);
    void *p = heap_alloc(16);
    cr_assert_eq(heap_bytes_from_os(), (size_t)HEAP_ARENA_SIZE, "kept arena is reused");
    heap_free(p);
}

Test(heap, fullest_arena_is_used_first) {
    SKIP_WITHOUT_POOLS();
    /* Fill two arenas with one pool's worth each, free most of the first: new pools
    ** come from the arena with fewer free pools (usable_arenas sorted by nfreepools). */
    enum { PER_POOL = NUMBLOCKS(512), MAX = 3 * 64 * PER_POOL };
    static void *b[MAX];
    int n = 0;
    while (heap_bytes_from_os() < 2 * (size_t)HEAP_ARENA_SIZE)
        b[n++] = heap_alloc(512);
    int first_of_second = n - 1;
    uintptr_t second = POOL_OF(b[first_of_second]);
    for (int i = 0; i < 10 * PER_POOL; i++) /* second arena: 10 more pools */
        b[n++] = heap_alloc(512);
    uintptr_t lo = POOL_OF(b[0]), hi = POOL_OF(b[0]); /* first arena: all its pools */
    for (int i = 0; i < first_of_second; i++) {
        lo = POOL_OF(b[i]) < lo ? POOL_OF(b[i]) : lo;
        hi = POOL_OF(b[i]) > hi ? POOL_OF(b[i]) : hi;
    }
    /* Free all but one pool of the first arena: it now has the most free pools. */
    for (int i = PER_POOL; i < first_of_second; i++) {
        heap_free(b[i]);
        b[i] = NULL;
    }
    void *q = heap_alloc(16); /* needs a new pool: must come from the second arena */
    cr_assert(POOL_OF(q) < lo || POOL_OF(q) > hi, "pool taken from the emptier arena");
    uintptr_t d = POOL_OF(q) > second ? POOL_OF(q) - second : second - POOL_OF(q);
    cr_assert_lt(d, (uintptr_t)HEAP_ARENA_SIZE);
    heap_free(q);
    for (int i = 0; i < n; i++)
        heap_free(b[i]);
}

/*------------------------------------------------------------------------ large blocks */

Test(heap, large_blocks_and_realloc_across_the_boundary_keep_contents) {
    void *warm = heap_alloc(16); /* holds the arena so that only large blocks vary */
    size_t before = heap_bytes_from_os();
    char *big = heap_alloc(4000);
    cr_assert_not_null(big);
    cr_assert_geq(heap_bytes_from_os(), before + 4000);
    fill(big, 4000, 1);

    char *p = heap_alloc(100);
    fill(p, 100, 2);
    char *q = heap_realloc(p, 2000); /* small -> large: copied */
    cr_assert_not_null(q);
    cr_assert_not(heap_is_small_block(q));
    cr_assert(check(q, 100, 2));
    char *r = heap_realloc(q, 50); /* large -> small size: stays with malloc (CPython) */
    cr_assert_not_null(r);
    cr_assert_not(heap_is_small_block(r));
    cr_assert(check(r, 50, 2));
    char *s = heap_realloc(big, 100000); /* large grows */
    cr_assert(check(s, 4000, 1));
    heap_free(s);
    heap_free(r);
    cr_assert_eq(heap_bytes_from_os(), before);
    heap_free(warm);
}

Test(heap, small_realloc_shrinks_in_place_unless_a_quarter_is_saved) {
    SKIP_WITHOUT_POOLS();
    char *p = heap_alloc(64);
    fill(p, 64, 3);
    cr_assert_eq(heap_realloc(p, 49), p); /* 4*49 > 3*64: stays */
    cr_assert_eq(heap_realloc(p, 64), p);
    char *q = heap_realloc(p, 48); /* 4*48 == 3*64: moves to the 48 class */
    cr_assert_neq(q, p);
    cr_assert_eq(heap_block_size(q), 48);
    cr_assert(check(q, 48, 3));
    char *g = heap_realloc(q, 300); /* grows to another class */
    cr_assert_eq(heap_block_size(g), 304);
    cr_assert(check(g, 48, 3));
    char *z = heap_realloc(g, 0); /* not free(): a malloc'ed 1-byte block */
    cr_assert_not_null(z);
    cr_assert_not(heap_is_small_block(z));
    heap_free(z);
    char *n = heap_realloc(NULL, 20);
    cr_assert_eq(heap_block_size(n), 32);
    heap_free(n);
}

Test(heap, calloc_zeroes_and_checks_overflow) {
    unsigned char *p = heap_calloc(10, 30);
    cr_assert_not_null(p);
    for (int i = 0; i < 300; i++)
        cr_assert_eq(p[i], 0);
    unsigned char *big = heap_calloc(100, 100);
    for (int i = 0; i < 10000; i++)
        cr_assert_eq(big[i], 0);
    cr_assert_null(heap_calloc(SIZE_MAX / 2, 4));
    cr_assert_null(heap_alloc(SIZE_MAX));
    heap_free(p);
    heap_free(big);
}

/*------------------------------------------------------------------------ address lookup */

static int static_var;

Test(heap, small_block_lookup_rejects_foreign_addresses) {
    int stack_var = 0;
    char *small = heap_alloc(24);
    char *mal = malloc(24);
    char *large = heap_alloc(2000);
    cr_assert_eq(heap_is_small_block(small), POOLS);
    cr_assert_not(heap_is_small_block(mal));
    cr_assert_not(heap_is_small_block(large));
    cr_assert_not(heap_is_small_block(&stack_var));
    cr_assert_not(heap_is_small_block(&static_var));
    cr_assert_not(heap_is_small_block(NULL));
    cr_assert_not(heap_is_small_block(small + 8), "not the start of a block");
    cr_assert_not(heap_is_small_block((void *)POOL_OF(small)), "pool header");
    cr_assert_eq(heap_block_size(&stack_var), 0);
    free(mal);
    heap_free(small);
    heap_free(large);
}

Test(heap, mmapped_large_blocks_beside_arenas_are_not_small) {
    /* glibc serves >= 128 KiB with mmap, in the same address range as the arenas, often
    ** in the same 1 MiB radix-tree slot: the tree must still tell them apart. */
    enum { N = 40, PER = 700 }; /* 700 * 512 bytes: a third of an arena per round */
    static void *small[N][PER];
    void *big[N];
    for (int i = 0; i < N; i++) {
        big[i] = heap_alloc(200000 + 4096 * (size_t)i);
        cr_assert_not_null(big[i]);
        fill(big[i], 64, (unsigned)i);
        for (int k = 0; k < PER; k++)
            small[i][k] = heap_alloc(512);
    }
    for (int i = 0; i < N; i++) {
        cr_assert_not(heap_is_small_block(big[i]));
        for (int k = 0; k < PER; k++)
            cr_assert_eq(heap_is_small_block(small[i][k]), POOLS);
        cr_assert(check(big[i], 64, (unsigned)i));
    }
    for (int i = 0; i < N; i++) {
        heap_free(big[i]);
        for (int k = 0; k < PER; k++)
            heap_free(small[i][k]);
    }
}

/*------------------------------------------------------------------------ shadow model */

static uint64_t rng_state;

static uint64_t
rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static size_t
random_size(void)
{
    uint64_t r = rng() % 100;
    if (r < 2)
        return 0;
    if (r < 90)
        return 1 + rng() % 512;
    return 513 + rng() % 6000;
}

typedef struct {
    unsigned char *p;
    size_t n;
    unsigned seed;
} Slot;

static int
slot_cmp(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)((const Slot *)a)->p, y = (uintptr_t)((const Slot *)b)->p;
    return x < y ? -1 : x > y;
}

Test(heap, random_alloc_free_realloc_matches_shadow_model) {
    enum { SLOTS = 1500, OPS = 60000 };
    static Slot slot[SLOTS], sorted[SLOTS];
    rng_state = 0x9E3779B97F4A7C15u;
    size_t live = 0;
    for (unsigned op = 1; op <= OPS; op++) {
        Slot *s = &slot[rng() % SLOTS];
        uint64_t what = rng() % 10;
        if (s->p == NULL) {
            s->n = random_size();
            s->seed = op;
            s->p = what < 2 ? heap_calloc(1, s->n) : heap_alloc(s->n);
            cr_assert_not_null(s->p);
            if (what < 2)
                for (size_t i = 0; i < s->n; i++)
                    cr_assert_eq(s->p[i], 0);
            fill(s->p, s->n, s->seed);
            live++;
        } else if (what < 6) {
            cr_assert(check(s->p, s->n, s->seed), "block of %zu bytes corrupted", s->n);
            heap_free(s->p);
            s->p = NULL;
            live--;
        } else {
            size_t n = random_size();
            unsigned char *q = heap_realloc(s->p, n);
            cr_assert_not_null(q);
            size_t keep = n < s->n ? n : s->n;
            cr_assert(check(q, keep, s->seed), "realloc %zu -> %zu lost data", s->n, n);
            s->p = q;
            s->n = n;
            s->seed = op;
            fill(q, n, op);
        }
        if (op % 5000 == 0) {
            /* Every live block: distinct, non-overlapping, intact. */
            size_t k = 0;
            for (int i = 0; i < SLOTS; i++)
                if (slot[i].p != NULL)
                    sorted[k++] = slot[i];
            cr_assert_eq(k, live);
            cr_assert_eq(heap_live_blocks(), live);
            qsort(sorted, k, sizeof(Slot), slot_cmp);
            for (size_t i = 0; i + 1 < k; i++)
                cr_assert_leq((uintptr_t)sorted[i].p + sorted[i].n, (uintptr_t)sorted[i + 1].p,
                              "blocks overlap");
            for (size_t i = 0; i < k; i++)
                cr_assert(check(sorted[i].p, sorted[i].n, sorted[i].seed));
        }
    }
    for (int i = 0; i < SLOTS; i++)
        heap_free(slot[i].p);
    cr_assert_leq(heap_bytes_from_os(), (size_t)HEAP_ARENA_SIZE);
}

/* Open-addressing set of the live block addresses, to catch a block handed out twice at
** the moment it happens. */
enum { LIVE_CAP = 1 << 16 };
static uintptr_t live_set[LIVE_CAP];

static size_t
live_slot(uintptr_t a)
{
    return (size_t)((a >> 4) * 0x9E3779B97F4A7C15u >> 48) & (LIVE_CAP - 1);
}

static int
live_add(void *p) /* 0 if p was already live */
{
    size_t i = live_slot((uintptr_t)p);
    while (live_set[i] != 0) {
        if (live_set[i] == (uintptr_t)p)
            return 0;
        i = (i + 1) & (LIVE_CAP - 1);
    }
    live_set[i] = (uintptr_t)p;
    return 1;
}

static void
live_remove(void *p) /* backward-shift deletion keeps every probe chain intact */
{
    size_t i = live_slot((uintptr_t)p);
    while (live_set[i] != (uintptr_t)p) {
        cr_assert_neq(live_set[i], 0, "freeing a block that is not live");
        i = (i + 1) & (LIVE_CAP - 1);
    }
    for (size_t j = (i + 1) & (LIVE_CAP - 1); live_set[j] != 0; j = (j + 1) & (LIVE_CAP - 1)) {
        size_t home = live_slot(live_set[j]);
        if (((j - home) & (LIVE_CAP - 1)) >= ((j - i) & (LIVE_CAP - 1))) {
            live_set[i] = live_set[j];
            i = j;
        }
    }
    live_set[i] = 0;
}

Test(heap, random_small_blocks_are_never_handed_out_twice) {
    /* 300,000 operations on up to 20,000 live blocks of 1..512 bytes: every new block must
    ** not be live already, lie in the small heap with the class of its request, and keep
    ** the bytes written into it until it is freed. */
    enum { SLOTS = 20000, OPS = 300000 };
    static Slot slot[SLOTS];
    rng_state = 0x2545F4914F6CDD1Du;
    for (unsigned op = 1; op <= OPS; op++) {
        Slot *s = &slot[rng() % SLOTS];
        if (s->p == NULL) {
            s->n = 1 + rng() % HEAP_SMALL_THRESHOLD;
            s->seed = op;
            s->p = heap_alloc(s->n);
            cr_assert_not_null(s->p);
            cr_assert(live_add(s->p), "block %p handed out twice (op %u)", (void *)s->p, op);
            if (POOLS)
                cr_assert_eq(heap_block_size(s->p), (s->n + 15) / 16 * 16);
            fill(s->p, s->n, s->seed);
        } else {
            cr_assert(check(s->p, s->n, s->seed), "block of %zu bytes corrupted", s->n);
            live_remove(s->p);
            heap_free(s->p);
            s->p = NULL;
        }
    }
    for (int i = 0; i < SLOTS; i++) {
        if (slot[i].p != NULL) {
            cr_assert(check(slot[i].p, slot[i].n, slot[i].seed));
            heap_free(slot[i].p);
        }
    }
}

/*------------------------------------------------------------------------ limit, injection */

Test(heap, limit_refuses_arenas_and_large_blocks_until_memory_is_freed) {
    enum { MAX = 3 * 64 * 31 };
    static void *b[MAX];
    heap_set_limit(2 * (size_t)HEAP_ARENA_SIZE);
    cr_assert_eq(heap_get_limit(), 2 * (size_t)HEAP_ARENA_SIZE);
    int n = 0;
    while (n < MAX && (b[n] = heap_alloc(512)) != NULL)
        n++;
    cr_assert_lt(n, MAX, "the limit never bit");
    cr_assert_gt(n, 62 * 31, "at least ~2 arenas' worth before the limit bites");
    cr_assert_leq(heap_bytes_from_os(), heap_get_limit());
    cr_assert_null(heap_alloc(512));
    cr_assert_null(heap_alloc(4000));
    cr_assert_null(heap_realloc(b[0], 4000), "growing realloc refused");
    cr_assert_not_null(b[0]);
    heap_free(b[--n]);
    void *again = heap_alloc(512);
    cr_assert_not_null(again, "succeeds again after freeing");
    b[n++] = again;
    cr_assert_leq(heap_bytes_from_os(), heap_get_limit());
    while (n > 0)
        heap_free(b[--n]);
    heap_set_limit(0);
}

Test(heap, limit_counts_large_blocks) {
    size_t base = heap_bytes_from_os();
    heap_set_limit(base + 10000);
    char *a = heap_alloc(6000);
    cr_assert_not_null(a);
    fill(a, 6000, 9);
    cr_assert_null(heap_alloc(6000));
    cr_assert_null(heap_realloc(a, 12000));
    cr_assert(check(a, 6000, 9), "failed realloc leaves the block alone");
    char *b = heap_realloc(a, 9000);
    cr_assert_not_null(b, "growing within the limit works");
    cr_assert(check(b, 6000, 9));
    cr_assert_leq(heap_bytes_from_os(), base + 10000);
    heap_free(b);
    char *c = heap_alloc(6000);
    cr_assert_not_null(c);
    heap_free(c);
    cr_assert_eq(heap_bytes_from_os(), base);
}

Test(heap, fail_after_fails_exactly_the_nth_call) {
    void *keep[4];
    heap_fail_after(3);
    keep[0] = heap_alloc(16);
    keep[1] = heap_calloc(2, 8);
    cr_assert_not_null(keep[0]);
    cr_assert_not_null(keep[1]);
    cr_assert_null(heap_alloc(16), "third call fails");
    keep[2] = heap_alloc(16);
    cr_assert_not_null(keep[2], "then allocation continues normally");

    char *p = heap_alloc(100);
    fill(p, 100, 4);
    heap_fail_after(1);
    cr_assert_null(heap_realloc(p, 1000), "realloc counts as an allocation");
    cr_assert(check(p, 100, 4));
    keep[3] = heap_realloc(p, 1000);
    cr_assert_not_null(keep[3]);

    heap_fail_after(2);
    heap_fail_after(0); /* off */
    void *x = heap_alloc(1), *y = heap_alloc(1);
    cr_assert_not_null(x);
    cr_assert_not_null(y);
    heap_free(x);
    heap_free(y);
    for (int i = 0; i < 4; i++)
        heap_free(keep[i]);
}

/*------------------------------------------------------------------------ stats */

static char *
stats_text(void)
{
    FILE *f = tmpfile();
    cr_assert_not_null(f);
    int printed = heap_print_stats(f);
    long len = ftell(f);
    rewind(f);
    char *text = calloc(1, (size_t)len + 1);
    cr_assert_eq(fread(text, 1, (size_t)len, f), (size_t)len);
    fclose(f);
    cr_assert_eq(printed, len > 0);
    return text;
}

Test(heap, stats_report_matches_cpython_layout) {
    SKIP_WITHOUT_POOLS();
    enum { N = 100 };
    void *b[N];
    for (int i = 0; i < N; i++)
        b[i] = heap_alloc(48);
    void *big = heap_alloc(5000); /* large blocks are not in the report */
    char *t = stats_text();
    /* Layout and widths of CPython 3.11's sys._debugmallocstats(). */
    static const char *const lines[] = {
        "Small block threshold = 512, in 32 size classes.\n\n",
        ("class   size   num pools   blocks in use  avail blocks\n"
         "-----   ----   ---------   -------------  ------------\n"),
        "\n    2     48           1             100           240\n\n", /* 340 per pool */
        "# arenas allocated total           =                    1\n",
        "# arenas reclaimed                 =                    0\n",
        "# arenas highwater mark            =                    1\n",
        "# arenas allocated current         =                    1\n",
        "1 arenas * 1048576 bytes/arena     =            1,048,576\n\n",
        "# bytes in allocated blocks        =                4,800\n",
        "# bytes in available blocks        =               11,520\n",
        "# bytes lost to pool headers       =                   48\n",
        "# bytes lost to quantization       =                   16\n",
        "Total                              =            1,048,576\n",
        "\narena map counts\n",
        "# arena map mid nodes              =                    1\n",
        "# bytes lost to arena map root     =              262,144\n",
        "# bytes lost to arena map mid      =              262,144\n",
    };
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
        cr_assert_not_null(strstr(t, lines[i]), "missing:\n%s\nin:\n%s", lines[i], t);
    cr_assert_eq(strncmp(t, lines[0], strlen(lines[0])), 0);
    /* Exactly one class line. */
    cr_assert_null(strstr(t, "\n    0     16"));
    /* 63 or 64 pools, depending on mmap's alignment of the arena. */
    cr_assert(strstr(t, "62 unused pools * 16384 bytes      =            1,015,808\n") ||
                  strstr(t, "63 unused pools * 16384 bytes      =            1,032,192\n"),
              "%s", t);
    free(t);
    for (int i = 0; i < N; i++)
        heap_free(b[i]);
    heap_free(big);
    t = stats_text(); /* pools empty again: no class lines; the arena is kept */
    cr_assert_not_null(strstr(t, "------------\n\n# arenas allocated total"), "%s", t);
    free(t);
}

Test(heap, stats_print_nothing_without_pools) {
#if POOLS
    cr_skip_test("pools in use");
#else
    char *t = stats_text();
    cr_assert_str_empty(t); /* as CPython under PYTHONMALLOC=malloc */
    free(t);
#endif
}

/* 1 if the page holding p is mapped: msync() fails with ENOMEM on unmapped memory. */
static int
page_is_mapped(const void *p)
{
    uintptr_t page = (uintptr_t)p & ~(uintptr_t)4095;
    return msync((void *)page, 4096, MS_ASYNC) == 0 || errno != ENOMEM;
}

Test(heap, released_arenas_are_unmapped_and_reported_as_reclaimed) {
    SKIP_WITHOUT_POOLS();
    enum { MAX = 3 * 64 * 31 + 1 };
    static void *b[MAX];
    void *first[3]; /* the first block of each arena */
    int n = 0, narenas = 0;
    while (narenas < 3) {
        size_t before = heap_bytes_from_os();
        cr_assert_lt(n, MAX);
        b[n] = heap_alloc(512);
        if (heap_bytes_from_os() > before)
            first[narenas++] = b[n];
        n++;
    }
    for (int i = 0; i < 3; i++)
        cr_assert(page_is_mapped(first[i]));
    for (int i = 0; i < n; i++)
        heap_free(b[i]);
    int mapped = 0;
    for (int i = 0; i < 3; i++)
        mapped += page_is_mapped(first[i]);
    cr_assert_eq(mapped, 1, "two arenas munmap()ed, the last usable one kept");
    char *t = stats_text();
    cr_assert_not_null(strstr(t, "# arenas allocated total           =                    3\n"),
                       "%s", t);
    cr_assert_not_null(strstr(t, "# arenas reclaimed                 =                    2\n"));
    cr_assert_not_null(strstr(t, "# arenas highwater mark            =                    3\n"));
    cr_assert_not_null(strstr(t, "# arenas allocated current         =                    1\n"));
    free(t);
}

/*------------------------------------------------------------------------ debug fills */

#if defined(CFG_DEBUG) && CFG_DEBUG && POOLS && !defined(TEST_ASAN)
#define DEBUG_FILLS 1
#else
#define DEBUG_FILLS 0
#endif

Test(heap, debug_build_fills_fresh_and_dead_blocks) {
#if DEBUG_FILLS
    unsigned char *p = heap_alloc(40);
    for (int i = 0; i < 48; i++)
        cr_assert_eq(p[i], 0xCD);
    heap_free(p);
    for (int i = 8; i < 48; i++) /* first 8 bytes: the free-list link */
        cr_assert_eq(p[i], 0xDD);
    cr_assert_eq(heap_alloc(40), p);
    heap_free(p);
#else
    cr_skip_test("needs CFG_DEBUG with pools and without ASan");
#endif
}

Test(heap, debug_build_catches_write_to_freed_block, .signal = DEBUG_FILLS ? SIGABRT : 0) {
#if DEBUG_FILLS
    unsigned char *p = heap_alloc(64);
    heap_free(p);
    p[20] = 1; /* use after free */
    (void)heap_alloc(64);
#else
    cr_skip_test("needs CFG_DEBUG with pools and without ASan");
#endif
}

/* ASan with pools (no CFG_HEAP_MALLOC): free small blocks are poisoned. */
#if defined(TEST_ASAN) && POOLS
Test(heap, asan_reports_use_of_a_freed_small_block, .exit_code = 1) {
    volatile unsigned char *p = heap_alloc(64);
    heap_free((void *)p);
    p[20] = 1; /* ASan: use-after-poison, exit code 1 */
}
#endif

/* ---------------------------------------------------------------- leak checking */

typedef struct {
    size_t n, bytes;
    void *want;
    int found;
} WalkCount;

static int
count_block(void *p, size_t size, void *arg)
{
    WalkCount *w = arg;
    w->n++;
    w->bytes += size;
    if (p == w->want)
        w->found = 1;
    return 0;
}

Test(heap, foreach_block_lists_exactly_the_live_blocks) {
    heap_track_blocks(1);
    void *small[50], *large[5];
    for (int i = 0; i < 50; i++)
        small[i] = heap_alloc((size_t)(i % 20) * 16 + 8);
    for (int i = 0; i < 5; i++)
        large[i] = heap_alloc(4096 * (size_t)(i + 1));
    for (int i = 0; i < 50; i += 2)
        heap_free(small[i]);
    large[1] = heap_realloc(large[1], 100000);      /* moves: the registry follows */
    heap_free(large[3]);
    WalkCount w = {0, 0, large[1], 0};
    cr_assert_eq(heap_foreach_block(count_block, &w), 0);
    cr_assert_eq(w.n, heap_live_blocks());
    cr_assert_eq(w.n, 25 + 4);
    cr_assert(w.found, "a realloc'ed large block is listed at its new address");
    for (int i = 1; i < 50; i += 2)
        heap_free(small[i]);
    for (int i = 0; i < 5; i++)
        if (i != 3)
            heap_free(large[i]);
    WalkCount none = {0, 0, NULL, 0};
    heap_foreach_block(count_block, &none);
    cr_assert_eq(none.n, 0);
    cr_assert_eq(heap_live_blocks(), 0);
    heap_fini();
    cr_assert_eq(heap_bytes_from_os(), 0, "heap_fini returns every arena");
}

Test(heap, fail_after_fails_exactly_one_allocation) {
    heap_fail_after(3);
    cr_assert_eq(heap_fail_pending(), 3);
    void *a = heap_alloc(16), *b = heap_alloc(16), *c = heap_alloc(16), *d = heap_alloc(16);
    cr_assert(a && b && !c && d);
    cr_assert_eq(heap_fail_pending(), 0);
    heap_free(a);
    heap_free(b);
    heap_free(d);
}
