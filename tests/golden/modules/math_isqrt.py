# isqrt is exact for ints of any size (checked against the defining inequality) and rejects negatives and floats
import math
print([math.isqrt(n) for n in range(40)], math.isqrt(True), math.isqrt(10**100), type(math.isqrt(False)).__name__)
for n in [2**64 - 1, 2**64, 2**64 + 1, 2**62, 2**62 - 1, 2**128 - 1, 10**40, 10**41 - 1, (10**50 + 3) ** 2, (10**50 + 3) ** 2 - 1]:
    print(n, math.isqrt(n))
seed = 99
def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return seed
ok = True
xor = 0
for bits in [60, 64, 65, 100, 128, 129, 200, 500, 1000, 3000, 10000]:
    for _ in range(15):
        n = 0
        for _ in range(bits // 64 + 1):
            n = (n << 64) | rnd()
        n >>= rnd() % 64
        r = math.isqrt(n)
        ok = ok and r * r <= n < (r + 1) * (r + 1) and math.isqrt(r * r) == r
        xor ^= r
print(ok, xor % 1000000007)
class Idx:
    def __index__(self): return 99
print(math.isqrt(Idx()))
for bad in [-1, -10**30, 4.0, '4', None]:
    try:
        print(math.isqrt(bad))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
