# gamma, lgamma, erf, erfc: CPython's own Lanczos gamma (bit-exact), poles, overflow and the reflection formula
import math
vals = [1, 2, 3, 0.5, 1.5, -0.5, -1.5, 2.5, 5.5, 10.1, 23, 24, 30.5, 100.25, 140.5, 171.5, 171.7, 200.5, -140.5,
        -170.3, -200.5, 1e-20, -1e-20, 1e-30, 0.0, -0.0, -1, -2, -1e300, 1e300, math.inf, -math.inf, math.nan, 3.7, -3.7]
for name in ['gamma', 'lgamma', 'erf', 'erfc']:
    f = getattr(math, name)
    row = []
    for v in vals:
        try:
            row.append(repr(f(v)))
        except (ValueError, OverflowError) as e:
            row.append('%s(%s)' % (type(e).__name__, e))
    print(name, ' '.join(row))
x = 0.001
acc = []
while x < 180:
    acc.append(math.gamma(x))
    acc.append(math.lgamma(-x))
    x = x * 1.37 + 0.01
print(acc)
