# hypot (any number of coordinates) and dist: CPython's correctly-rounded vector norm, overflow-safe scaling
import math
inf, nan = math.inf, math.nan
print(math.hypot(), math.hypot(3), math.hypot(-3.5), math.hypot(3, 4), math.hypot(-3, 4), math.hypot(5, 12, 84))
print(math.hypot(*range(100)), math.hypot(*[0.1] * 1000), math.hypot(1e308, 1e308), math.hypot(1e-320, 3e-320, 1e-321))
print(math.hypot(inf, nan), math.hypot(nan, -inf), math.hypot(nan, 1), math.hypot(-0.0, 0.0), math.hypot(True, 2))
print(math.hypot(1e200, 1e-200), math.hypot(1.0000000000000002, 1), math.hypot(10**20, 10**20))
xs = [1.0]
for i in range(30):
    xs.append(xs[-1] * 1.3 + 0.7)
    print(math.hypot(*xs), math.hypot(xs[-1], xs[0]), math.dist(xs, xs[::-1]))
print(math.dist((1, 2), (4, 6)), math.dist([], []), math.dist(range(20), range(5, 25)), math.dist((1.5,), (-2.5,)))
print(math.dist(iter([1, 1]), (2, 2)), math.dist((inf, 0), (0, 0)), math.dist((1e308, 0), (-1e308, 0)))
for bad in [((1,), (1, 2)), ((1, 2), 3), (('a',), (1,)), ([1], ['b'])]:
    try:
        math.dist(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for bad in [('a',), (1, None)]:
    try:
        math.hypot(*bad)
    except TypeError as e:
        print(type(e).__name__, e)
