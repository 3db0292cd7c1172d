# exp/expm1/exp2/log/log2/log10/log1p: special values, overflow vs domain errors, and logs of huge ints
import math
inf, nan = math.inf, math.nan
vals = [0.0, -0.0, 1.0, -1.0, 0.5, 2, 10, 1e-10, -1e-10, 1e-320, 709.0, 710.0, -745.0, -746.0, 1024, 1023.5,
        -1075, 100, 1e308, inf, -inf, nan, True, False]
for name in ['exp', 'expm1', 'exp2', 'log', 'log2', 'log10', 'log1p', 'sqrt', 'cbrt']:
    f = getattr(math, name)
    row = []
    for v in vals:
        try:
            row.append(repr(f(v)))
        except (ValueError, OverflowError) as e:
            row.append('%s(%s)' % (type(e).__name__, e))
    print(name, ' '.join(row))
# ints too big for a float still have logarithms
for n in [2**1023, 2**1024, 2**1024 - 1, 10**400, 3**5000, 2**100000 + 1, 7**3000 - 1, 2**1075 - 2**1020]:
    print(math.log(n), math.log2(n), math.log10(n), math.log(n, 2), math.log(n, 10**500), math.log1p(n) if n < 2**1023 else '-')
print(math.log(8, 2), math.log(100, 10), math.log(1, 2.5), math.log(True, 2), math.log(2.0**-1074), math.log10(10**22))
print(math.log2(2**1023), math.log2(1 << 2000), math.log10(10**300), math.log(10**400, 10))
for bad in [(0,), (-1,), (-10**400,), (0.0,), (-inf,), (2, 1), (2, 0), (2, -2), (1, 1.0)]:
    try:
        print(bad, math.log(*bad))
    except (ValueError, ZeroDivisionError) as e:
        print(bad, type(e).__name__, e)
