# fsum (exact Shewchuk summation, specials, intermediate overflow) and prod (start=, ints stay exact)
import math
inf, nan = math.inf, math.nan
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([]), math.fsum([1, 2, 3]), math.fsum(range(1000)))
print(math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([1e-16, 1, 1e16]))
print(math.fsum([2.0 ** 53, -0.5, -2.0 ** -54]), math.fsum([-0.0]), math.fsum([0.0, -0.0]), math.fsum(iter([0.5] * 1001)))
print(math.fsum([inf, 1.0]), math.fsum([-inf, -inf]), math.fsum([nan, 1]), math.fsum([1e308, -1e308, 1e308]))
seed = 2024
def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return seed
vals = [(-1) ** i * (rnd() / 2**64) * 10.0 ** (rnd() % 60 - 30) for i in range(3000)]
print(math.fsum(vals), math.fsum(reversed(vals)), math.fsum(vals[1::2] + vals[::2]), sum(vals))
for bad in [[inf, -inf], [1e308, 1e308], [1, 'a'], 5, [1e308] * 2 + [-inf]]:
    try:
        print(math.fsum(bad))
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
print(math.prod([]), math.prod([1, 2, 3]), math.prod([1.5, 2]), math.prod(range(1, 30)), math.prod([2 ** 40] * 5))
print(math.prod([], start=5), math.prod([2, 3], start=0.5), math.prod([True, True]), math.prod([], start=True))
print(math.prod([[1]], start=2), math.prod(['ab'], start=3), math.prod([1, 2.5, 3]), math.prod(iter([3, 4])), math.prod([10**20, 10**20, 1.0]))
print(math.prod([2] * 100), math.prod([-1] * 7), math.prod([3, 0.0, inf]) if False else math.prod([0.5] * 3))
for args, kw in [((5,), {}), (([1, 'a'],), {}), ((), {}), (([1], 2), {}), (([1],), {'start': 2, 'x': 3}), (([1],), {'stop': 2}),
                 ((), {'iterable': [1]})]:
    try:
        print(math.prod(*args, **kw))
    except TypeError as e:
        print(type(e).__name__, e)
