/*
** heapbench.c -- standalone benchmark: runtime/heap.c's heap_alloc/heap_free against the C
** library's malloc/free on 16..512-byte blocks.  See scripts/bench/README for how to build
** and run it.
** Patterns (each step is one free + one allocation, so ns/op = ns per free+alloc pair):
**   churn N   a ring of N live blocks of random sizes; each step frees the oldest block and
**             allocates a new one of another random size (the interpreter's steady state).
**   lifo      allocate a block and free it at once, with one block of every class kept
**             live (the pure fast path of both allocators).
**   burst     allocate N blocks, then free them all (growth and teardown); ns per block.
** Sizes come from a precomputed table so both allocators see the same sequence and the RNG
** is not timed.  Every block gets a byte written so allocation is not optimised away.
*/
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "runtime/heap.h"

#define NSIZES (1u << 16)
static uint32_t sizes[NSIZES];
static void *ring[1u << 20];

static double
now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void
make_sizes(uint32_t lo, uint32_t hi, uint64_t seed)
{
    uint64_t x = seed;
    for (uint32_t i = 0; i < NSIZES; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        sizes[i] = lo + (uint32_t)(x % (hi - lo + 1));
    }
}

static volatile unsigned sink;
/* Every block is stored here: a malloc/free pair whose pointer does not escape may be
** deleted by the compiler (GCC does), which would time nothing. */
static void *volatile escape;

/* One function per allocator and pattern, so both get direct calls. */
#define DEFINE_BENCH(NAME, ALLOC, FREE)                                                  \
    static double NAME##_churn(size_t n, size_t steps)                                   \
    {                                                                                    \
        for (size_t i = 0; i < n; i++) {                                                 \
            ring[i] = ALLOC(sizes[i & (NSIZES - 1)]);                                    \
            *(char *)ring[i] = (char)i;                                                  \
        }                                                                                \
        double t0 = now();                                                               \
        size_t j = 0;                                                                    \
        for (size_t s = 0; s < steps; s++) {                                             \
            FREE(ring[j]);                                                               \
            char *p = ALLOC(sizes[(s + n) & (NSIZES - 1)]);                              \
            *p = (char)s;                                                                \
            ring[j] = p;                                                                 \
            if (++j == n)                                                                \
                j = 0;                                                                   \
        }                                                                                \
        double t = now() - t0;                                                           \
        for (size_t i = 0; i < n; i++) {                                                 \
            sink += *(unsigned char *)ring[i];                                           \
            FREE(ring[i]);                                                               \
        }                                                                                \
        return t * 1e9 / (double)steps;                                                  \
    }                                                                                    \
    static double NAME##_lifo(size_t steps)                                              \
    {                                                                                    \
        char *keep[32]; /* one live block per class, so no pool empties */               \
        for (int c = 0; c < 32; c++)                                                     \
            keep[c] = ALLOC(16 * (size_t)c + 16);                                        \
        double t0 = now();                                                               \
        for (size_t s = 0; s < steps; s++) {                                             \
            char *p = ALLOC(sizes[s & (NSIZES - 1)]);                                    \
            *p = (char)s;                                                                \
            escape = p;                                                                  \
            FREE(p);                                                                     \
        }                                                                                \
        double t = now() - t0;                                                           \
        for (int c = 0; c < 32; c++)                                                     \
            FREE(keep[c]);                                                               \
        return t * 1e9 / (double)steps;                                                  \
    }                                                                                    \
    static double NAME##_burst(size_t n, size_t rounds)                                  \
    {                                                                                    \
        double t0 = now();                                                               \
        for (size_t r = 0; r < rounds; r++) {                                            \
            for (size_t i = 0; i < n; i++) {                                             \
                ring[i] = ALLOC(sizes[(i + r) & (NSIZES - 1)]);                          \
                *(char *)ring[i] = (char)i;                                              \
            }                                                                            \
            for (size_t i = 0; i < n; i++)                                               \
                FREE(ring[i]);                                                           \
        }                                                                                \
        return (now() - t0) * 1e9 / (double)(n * rounds);                                \
    }

DEFINE_BENCH(heap, heap_alloc, heap_free)
DEFINE_BENCH(libc, malloc, free)

static double
best(double a, double b)
{
    return a < b ? a : b;
}

int
main(int argc, char **argv)
{
    size_t steps = argc > 1 ? strtoul(argv[1], NULL, 10) : 5000000;
    int reps = 5; /* best of 5: the machine is noisy */
    static const size_t rings[] = {100, 10000, 1000000};
    static const struct {
        uint32_t lo, hi;
    } ranges[] = {{16, 512}, {16, 64}};

    heap_init();
    printf("heapbench: %zu steps, best of %d; ns per free+alloc pair (burst: per block)\n",
           steps, reps);
    printf("%-26s %10s %10s %8s\n", "pattern", "heap", "malloc", "ratio");
    for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++) {
        make_sizes(ranges[r].lo, ranges[r].hi, 0x2545F4914F6CDD1Du + r);
        char name[64];
        for (size_t k = 0; k < sizeof rings / sizeof rings[0]; k++) {
            size_t n = rings[k];
            double h = 1e30, m = 1e30;
            for (int i = 0; i < reps; i++) {
                h = best(h, heap_churn(n, steps));
                m = best(m, libc_churn(n, steps));
            }
            snprintf(name, sizeof name, "churn %zu, %u..%u B", n, ranges[r].lo, ranges[r].hi);
            printf("%-26s %10.2f %10.2f %8.2f\n", name, h, m, m / h);
        }
        double h = 1e30, m = 1e30;
        for (int i = 0; i < reps; i++) {
            h = best(h, heap_lifo(steps));
            m = best(m, libc_lifo(steps));
        }
        snprintf(name, sizeof name, "lifo, %u..%u B", ranges[r].lo, ranges[r].hi);
        printf("%-26s %10.2f %10.2f %8.2f\n", name, h, m, m / h);
        h = m = 1e30;
        for (int i = 0; i < reps; i++) {
            h = best(h, heap_burst(100000, steps / 100000 + 1));
            m = best(m, libc_burst(100000, steps / 100000 + 1));
        }
        snprintf(name, sizeof name, "burst 100000, %u..%u B", ranges[r].lo, ranges[r].hi);
        printf("%-26s %10.2f %10.2f %8.2f\n", name, h, m, m / h);
    }
    printf("(ratio = malloc / heap: > 1 means the pool allocator is faster)\n");
    return (int)(sink & 0);
}
