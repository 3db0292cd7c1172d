# pow, fmod, remainder, copysign, ldexp, frexp, modf, nextafter, ulp: IEEE special cases and errors
import math
inf, nan = math.inf, math.nan
vals = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3, -3, 1e300, -1e300, 1e-300, inf, -inf, nan, 2.5, True]
for name in ['pow', 'fmod', 'remainder', 'copysign', 'nextafter', 'atan2']:
    f = getattr(math, name)
    for x in vals:
        row = []
        for y in vals:
            try:
                row.append(repr(f(x, y)))
            except (ValueError, OverflowError) as e:
                row.append(type(e).__name__)
        print(name, repr(x), ' '.join(row))
print([math.remainder(x, 2.0) for x in [-4.0, -3.0, -2.5, -1.5, -0.5, 0.5, 1.0, 1.5, 2.5, 3.5, 1e16 + 2]])
for x in vals:
    try:
        print(repr(x), math.frexp(x), math.modf(x), math.ulp(x), math.fabs(x))
    except (ValueError, OverflowError) as e:
        print(repr(x), type(e).__name__, e)
for x, i in [(1.0, 1023), (1.0, 1024), (-1.0, 1024), (1.0, -1074), (1.0, -1075), (3.0, -1075), (0.75, -1073),
             (1.0, 10**30), (1.0, -10**30), (0.0, 10**30), (inf, -5), (nan, 3), (5, True), (-0.0, 7)]:
    try:
        print(x, i, math.ldexp(x, i))
    except (ValueError, OverflowError) as e:
        print(x, i, type(e).__name__, e)
for bad in [(1.0, 1.5), (1.0, '3'), ('x', 3)]:
    try:
        math.ldexp(*bad)
    except TypeError as e:
        print('ldexp', bad, e)
print(math.ulp(5e-324), math.ulp(1.7976931348623157e308), math.ulp(2**52), math.nextafter(0.0, -0.0), math.nextafter(-0.0, 1))
print(math.frexp(10**300), math.frexp(5e-324), math.modf(-0.0), math.modf(2**60 + 0.5))
