/*
** hash.c -- SipHash-1-3 (CPython 3.11's default string/bytes hash) with the process key
** derived as CPython derives it from PYTHONHASHSEED (an LCG fills the key bytes) or from
** the OS random source.  Empty input hashes to 0, as in CPython.
*/
#include "hash.h"
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <sys/random.h>

static uint64_t k0, k1;
int hash_seed_randomized = 1;

/* CPython's lcg_urandom: fills the key from a 32-bit seed. */
static void
lcg_fill(unsigned int x, unsigned char *buf, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        x *= 214013;
        x += 2531011;
        buf[i] = (unsigned char)((x >> 16) & 0xff);
    }
}

void
hash_init(void)
{
    unsigned char key[16];
    const char *env = getenv("PYTHONHASHSEED");
    if (env && *env && strcmp(env, "random") != 0) {
        unsigned long seed = strtoul(env, NULL, 10);
        if (seed == 0) {
            memset(key, 0, sizeof key);
        } else {
            lcg_fill((unsigned int)seed, key, sizeof key);
        }
        hash_seed_randomized = 0;
    } else {
        if (getrandom(key, sizeof key, 0) != (ssize_t)sizeof key) {
            FILE *f = fopen("/dev/urandom", "rb");
            if (!f || fread(key, 1, sizeof key, f) != sizeof key)
                memset(key, 0x5a, sizeof key);
            if (f)
                fclose(f);
        }
    }
    memcpy(&k0, key, 8);
    memcpy(&k1, key + 8, 8);
}

#define ROTATE(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define HALF_ROUND(a, b, c, d, s, t)                                                     \
    a += b;                                                                              \
    c += d;                                                                              \
    b = ROTATE(b, s) ^ a;                                                                \
    d = ROTATE(d, t) ^ c;                                                                \
    a = ROTATE(a, 32);
#define SINGLE_ROUND(v0, v1, v2, v3)                                                     \
    HALF_ROUND(v0, v1, v2, v3, 13, 16);                                                  \
    HALF_ROUND(v2, v1, v0, v3, 17, 21);

static uint64_t
siphash13(uint64_t key0, uint64_t key1, const void *src, size_t src_sz)
{
    uint64_t b = (uint64_t)src_sz << 56;
    const uint8_t *in = (const uint8_t *)src;
    uint64_t v0 = key0 ^ 0x736f6d6570736575ULL;
    uint64_t v1 = key1 ^ 0x646f72616e646f6dULL;
    uint64_t v2 = key0 ^ 0x6c7967656e657261ULL;
    uint64_t v3 = key1 ^ 0x7465646279746573ULL;
    uint64_t t;
    uint8_t *pt;
    while (src_sz >= 8) {
        uint64_t mi;
        memcpy(&mi, in, sizeof(mi));
        in += sizeof(mi);
        src_sz -= sizeof(mi);
        v3 ^= mi;
        SINGLE_ROUND(v0, v1, v2, v3);
        v0 ^= mi;
    }
    t = 0;
    pt = (uint8_t *)&t;
    switch (src_sz) {
    case 7: pt[6] = in[6]; /* fall through */
    case 6: pt[5] = in[5]; /* fall through */
    case 5: pt[4] = in[4]; /* fall through */
    case 4: memcpy(pt, in, sizeof(uint32_t)); break;
    case 3: pt[2] = in[2]; /* fall through */
    case 2: pt[1] = in[1]; /* fall through */
    case 1: pt[0] = in[0]; /* fall through */
    default: break;
    }
    b |= t;
    v3 ^= b;
    SINGLE_ROUND(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    SINGLE_ROUND(v0, v1, v2, v3);
    SINGLE_ROUND(v0, v1, v2, v3);
    SINGLE_ROUND(v0, v1, v2, v3);
    t = (v0 ^ v1) ^ (v2 ^ v3);
    return t;
}

hash_t
hash_bytes(const void *p, size_t n)
{
    if (n == 0)
        return 0;
    hash_t h = (hash_t)siphash13(k0, k1, p, n);
    return h == -1 ? -2 : h;
}

hash_t
hash_pointer(const void *p)
{
    uintptr_t y = (uintptr_t)p;
    y = (y >> 4) | (y << (8 * sizeof(void *) - 4));
    hash_t h = (hash_t)y;
    return h == -1 ? -2 : h;
}
