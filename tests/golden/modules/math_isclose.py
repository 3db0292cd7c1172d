# isclose: relative/absolute tolerances, infinities and nans, and Argument Clinic's keyword-argument errors
import math
inf, nan = math.inf, math.nan
cases = [(1, 1), (1, 1 + 1e-10), (1, 1 + 1e-8), (1e-10, 0), (0, 0), (-0.0, 0.0), (inf, inf), (inf, -inf), (nan, nan),
         (1e308, inf), (1e-320, 0), (10**20, 10**20 + 1), (True, 1.0)]
for a, b in cases:
    print(a, b, math.isclose(a, b), math.isclose(a, b, rel_tol=0.1), math.isclose(a, b, abs_tol=1e-9),
          math.isclose(a, b, rel_tol=0, abs_tol=0), math.isclose(b=b, a=a))
print(math.isclose(1, 1.1, rel_tol=0.2), math.isclose(1, 1.1, rel_tol=0.05), math.isclose(0, 1e-10, abs_tol=1e-9))
for args, kw in [((1,), {}), ((1, 2, 3), {}), ((1, 2), {'rel_tol': -1}), ((1, 2), {'abs_tol': -1e-9}), ((1, 2), {'foo': 1}),
                 ((1,), {'a': 2}), ((), {}), ((1, 2), {'rel_tol': 'x'}), (('a', 2), {}), ((1, 2, 3, 4, 5), {}),
                 ((), {'a': 1, 'b': 2, 'rel_tol': 0.1, 'abs_tol': 0, 'x': 1}), ((), {'b': 1})]:
    try:
        print(math.isclose(*args, **kw))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
