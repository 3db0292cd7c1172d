# math's argument errors: wrong types, wrong counts, keywords where none are accepted
import math
class NoFloat:
    pass
tests = ["math.sin('a')", 'math.sin(NoFloat())', 'math.sin(1, 2)', 'math.sin()', 'math.sin(x=1)', 'math.pow(1)',
         'math.pow(1, 2, 3)', 'math.pow(1, y=2)', 'math.atan2(1)', 'math.copysign(1)', 'math.fmod(1, None)', 'math.log()',
         'math.log(1, 2, 3)', "math.log('a')", 'math.log(x=1)', 'math.hypot(x=1)', 'math.trunc(1, 2)', 'math.fsum()',
         'math.fsum([], 1)', 'math.isqrt()', 'math.ldexp(1)', 'math.nextafter(1)', "math.ulp('x')", "math.modf('x')",
         "math.frexp('x')", 'math.sqrt(10**400)', 'math.degrees(10**400)', 'math.isnan(10**400)', 'math.exp(10**400)',
         'math.dist(1)', 'math.remainder(1, 2, 3)', 'math.isfinite(None)', "math.fabs([])", 'math.erf(1j)']
for t in tests:
    try:
        print(t, eval(t))
    except (TypeError, ValueError, OverflowError) as e:
        print(t, type(e).__name__, e)
