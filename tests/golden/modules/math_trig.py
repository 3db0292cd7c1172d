# trigonometric and hyperbolic functions: ordinary values, signed zeros, infinities, nans and domain errors
import math
inf, nan = math.inf, math.nan
vals = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 2.0, 1e-300, 1e300, 3, -3, True, 710.0, -710.0, inf, -inf, nan,
        math.pi, math.pi / 2, math.pi / 4, 1e16, 0.9999999999999999, 1.0000000000000002]
names = ['sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh',
         'degrees', 'radians']
for name in names:
    f = getattr(math, name)
    row = []
    for v in vals:
        try:
            row.append(repr(f(v)))
        except (ValueError, OverflowError) as e:
            row.append('%s(%s)' % (type(e).__name__, e))
    print(name, ' '.join(row))
pairs = [(0.0, 0.0), (-0.0, 0.0), (0.0, -0.0), (-0.0, -0.0), (1, 0), (-1, 0), (0, -1), (-0.0, -1), (inf, inf),
         (-inf, inf), (inf, -inf), (-inf, -inf), (1, inf), (1, -inf), (-1, -inf), (inf, 1), (nan, 1), (1, nan), (3, 4)]
print('atan2', [math.atan2(y, x) for y, x in pairs])
print(math.degrees(math.pi), math.radians(180), math.radians(10**20), math.degrees(-1e308))
