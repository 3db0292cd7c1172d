# The builtin modules as scripts use them: sys (argv, path, version_info, implementation,
# maxsize, stdout/stderr, recursion limit, intern, modules), gc basics, time, math.
import sys, gc, time, math
print(type(sys.argv).__name__, len(sys.argv), sys.argv[0].endswith('modules_sys_gc_time_math.py'))
print(type(sys.path).__name__, sys.version_info[:2], sys.version_info >= (3, 11), sys.version.startswith('3.11'))
print(sys.version_info.major, sys.version_info.minor, type(sys.implementation.name).__name__, sys.maxsize, sys.byteorder)
print(sys.stdout.write('direct write\n'), sys.stdout.flush(), sys.stderr is not sys.stdout, sys.stdin is not None)
old = sys.getrecursionlimit()
sys.setrecursionlimit(2000)
print(old, sys.getrecursionlimit())
sys.setrecursionlimit(old)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print('ValueError:', e)
a = sys.intern(''.join(['inte', 'rned']))
print(a is sys.intern('interned'), 'sys' in sys.modules, type(sys.modules).__name__, sys.modules['sys'] is sys)
print(type(sys.getrefcount(object())).__name__, type(sys.getsizeof([])).__name__, sys.exc_info())
print(gc.isenabled(), gc.get_threshold(), type(gc.collect()).__name__, type(gc.get_count()).__name__, len(gc.get_count()))
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
t0 = time.time()
p0 = time.perf_counter()
m0 = time.monotonic()
time.sleep(0.01)
print(time.time() >= t0, time.perf_counter() - p0 >= 0.005, time.monotonic() >= m0, type(time.time()).__name__)
print(math.pi, math.e, math.tau, math.inf, math.nan != math.nan, math.sqrt(2), math.floor(-2.5), math.ceil(2.1))
print(math.isqrt(17), math.gcd(12, 18), math.factorial(10), math.log(math.e), math.log10(1000), math.log2(8), math.log(8, 2))
print(math.sin(0), math.cos(math.pi), round(math.tan(math.pi / 4), 10), math.atan2(1, 1), math.hypot(3, 4), math.degrees(math.pi))
print(math.fabs(-3), math.pow(2, 10), math.exp(0), math.trunc(-3.7), math.isclose(0.1 + 0.2, 0.3), math.isnan(math.nan), math.isinf(-math.inf), math.fsum([0.1] * 10), math.copysign(1, -0.0), math.prod([1, 2, 3, 4]), math.comb(5, 2), math.perm(5, 2))
try:
    math.sqrt(-1)
except ValueError as e:
    print('ValueError:', e)
try:
    math.log(0)
except ValueError as e:
    print('ValueError:', e)
try:
    math.exp(1000)
except OverflowError as e:
    print('OverflowError:', e)
print(type(sys.float_info.max).__name__, sys.float_info.epsilon, sys.int_info.bits_per_digit if hasattr(sys, 'int_info') else 30)
