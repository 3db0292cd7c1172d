/*
** hash.h -- hashing as CPython 3.11 does it: SipHash-1-3 over bytes with a per-process
** random 128-bit key (PYTHONHASHSEED=n makes it deterministic, 0 disables
** randomisation: the key is then all zero), and the numeric hash: modular arithmetic
** with the prime 2**61 - 1 so that hash(1) == hash(1.0) == hash(True).
*/
#ifndef PYHEAP_HASH_H
#define PYHEAP_HASH_H

#include "object.h"

#define HASH_BITS 61
#define HASH_MODULUS (((size_t)1 << HASH_BITS) - 1)
#define HASH_INF 314159
#define HASH_IMAG 1000003UL
#define HASH_MULTIPLIER 1000003UL

void hash_init(void);                   /* reads PYTHONHASHSEED */
hash_t hash_bytes(const void *p, size_t n);
hash_t hash_pointer(const void *p);
extern int hash_seed_randomized;

#endif
