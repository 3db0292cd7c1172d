# Builtins from the pipeline and language issues: conversions, introspection, iteration
# helpers, type(name, bases, dict), iter(callable, sentinel), vars/dir, format, slice...
import sys
print(len('abc'), len([1]), len({}), len(range(5)), repr('x'), str(5), int('7'), float('2.5'), bool([]), list('ab'), tuple({1: 2}), dict(a=1))
print(type(1), type('s').__name__, isinstance(1, int), id(None) == id(None), abs(-2), min(3, 1), max([2, 5]), sum(range(4)))
print(sorted({3: 'a', 1: 'b'}), list(reversed('abc')), list(enumerate('xy')), list(zip('ab', 'cd', 'ef')), next(iter([9])), next(iter([]), 'dflt'))
print(hash(1), hash('') == hash(''), ord('a'), chr(97), hex(16), bin(3), oct(9), round(2.567, 1), divmod(9, 4), pow(2, 8), pow(2, -1), any([0, 1]), all([1, 0]))
o = object()
print(type(o).__name__, isinstance(o, object), hasattr(o, '__dict__'), str(type(o)))
try:
    o.x = 1
except AttributeError as e:
    print('AttributeError:', e)
print(callable(print), callable(o), list(map(str, [1, 2])), list(map(pow, [2, 3], [2, 2])), list(filter(None, [0, 1, '', 'a'])))
print(format(3.14159, '.2f'), format(42), format('x', '^5'), format(255, '#x'), format(0.5, '%'), format(True), format(None))
print(issubclass(bool, int), issubclass(int, (str, object)), staticmethod, classmethod, property, type(staticmethod(len)).__name__)
print(frozenset([1]), slice(1, 5, 2), slice(3).stop, 'abcdef'[slice(1, None, 2)], slice(None).indices(3))
Dyn = type('Dyn', (object,), {'x': 1, 'hello': lambda self: 'hi from ' + type(self).__name__})
print(Dyn.x, Dyn().hello(), Dyn.__name__, Dyn.__bases__, type(Dyn), Dyn.__module__)
Sub = type('Sub', (Dyn,), {})
print(Sub().hello(), Sub.__mro__)
try:
    type('Bad', 1, {})
except TypeError as e:
    print('TypeError:', e)
try:
    type('a', 'b')
except TypeError as e:
    print('TypeError:', e)
data = iter([1, 2, 3, 0, 4, 5])
print(list(iter(lambda: next(data), 0)), list(data))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 4)))
try:
    iter(5, 0)
except TypeError as e:
    print('TypeError:', e)
class V:
    cls_attr = 1
    def __init__(self):
        self.a = 1
        self.b = 2
    def m(self):
        pass
print(vars(V()), 'cls_attr' in vars(V), sorted(k for k in dir(V()) if not k.startswith('__')), 'm' in dir(V))
try:
    vars(5)
except TypeError as e:
    print('TypeError:', e)
def scope():
    local_a = 1
    return sorted(dir()), sorted(vars())
print(scope())
print('sys' in dir(), '__name__' in dir(), __name__, type(__builtins__).__name__ in ('module', 'dict'))
print(getattr(sys, 'maxsize') == sys.maxsize, sys.maxsize == 2 ** 63 - 1, sys.version_info[:2] >= (3, 0), sys.version_info.major, type(sys.argv).__name__)
print(min([], default=0), max('abc', key=ord), min((2, 'b'), (1, 'z')), max(1, 2, key=lambda v: -v), sum([1.5, 2.5]), sum((x for x in [1, 2]), 10))
for bad in (lambda: min(), lambda: max([]), lambda: int('x'), lambda: float('y'), lambda: chr(-1), lambda: ord('ab'), lambda: int(None), lambda: len(5), lambda: abs('s'), lambda: next(iter([])), lambda: sorted([1, 'a']), lambda: round('x'), lambda: divmod(1, 0), lambda: pow(0, -1), lambda: list(5), lambda: dict(5), lambda: hash([])):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ':', e)
print(repr(print), repr(len), type(len).__name__, type([].append).__name__, type(V.m).__name__, type(V().m).__name__)
print(int('ff', 16), int('0o17', 0), int(' 10 '), int(True), int(-2.9), float('-inf'), float('  3  '), complex(1, 2) if False else 'no complex')
print(str(b'x', 'ascii'), str(1.0), str([1]), str(), repr(''), bool(), int(), float(), list(), tuple(), dict(), set())
print(ascii('é'), ascii([1, 'ü']), repr('\x1b'), hex(-1), bin(-5), oct(-8), int.from_bytes(b'\xff', 'big'), (5).to_bytes(1, 'little'))
print(globals()['__name__'], isinstance(globals(), dict), eval('1 + 2'), eval('[x * 2 for x in range(3)]'), compile('5', '<s>', 'eval').co_filename)
exec('exec_var = 11')
print(exec_var)
print(sys.getrecursionlimit(), type(sys.stdout).__name__ != '', sys.stdout.write('written\n'))
print('a', 'b', sep='-', end='!\n')
print('to stdout', file=sys.stdout)
print(*[1, 2, 3], sep=', ')
print()
print('flush', flush=True)
print(sep='x')
