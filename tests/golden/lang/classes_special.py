# Special methods honoured by the VM and builtins: repr/str, rich comparisons, hash,
# len/bool, iteration, item access, contains, call, arithmetic incl. reflected and
# in-place, unary, conversions, format, __getattr__/__setattr__/__delattr__, __eq__
# without __hash__, __missing__, __index__, __class_getitem__-free generics.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f'Vec({self.x}, {self.y})'
    def __str__(self):
        return f'<{self.x},{self.y}>'
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y) if isinstance(o, Vec) else NotImplemented
    def __radd__(self, o):
        return self if o == 0 else NotImplemented
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)
    def __pow__(self, k):
        return Vec(self.x ** k, self.y ** k)
    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __pos__(self):
        return self
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __invert__(self):
        return Vec(self.y, self.x)
    def __bool__(self):
        return bool(self.x or self.y)
    def __len__(self):
        return 2
    def __iter__(self):
        yield self.x
        yield self.y
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __contains__(self, v):
        return v in (self.x, self.y)
    def __format__(self, spec):
        return f'Vec[{self.x:{spec}}, {self.y:{spec}}]'
    def __lt__(self, o):
        return abs(self) < abs(o)
    def __le__(self, o):
        return abs(self) <= abs(o)
v, w = Vec(1, 2), Vec(3, 4)
print(v, repr(v), str(v), [v], f'{v}', f'{v!r}', f'{w:.1f}', format(v, '03d'))
print(v + w, v - w, v * 3, 3 * v, w / 2, w // 2, w % 2, v ** 2, v @ w, -v, +v, abs(w), ~v)
print(sum([v, w]), v == Vec(1, 2), v != Vec(1, 2), v == 'x', v < w, w <= v, v > w, w >= v)
print(bool(v), bool(Vec(0, 0)), len(v), list(v), v[1], v[-1], 2 in v, 5 in v, tuple(w), sorted([w, v]))
print(hash(v) == hash(Vec(1, 2)), {v: 'a'}[Vec(1, 2)], len({v, Vec(1, 2), w}), max(v, w), min([w, v]))
x, y = v
print(x, y, *w, dict(zip('ab', v)))
try:
    v + 1
except TypeError as e:
    print('TypeError:', e)
try:
    1 - v
except TypeError as e:
    print('TypeError:', e)
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, o):
        self.items.append(o)
        return self
    def __add__(self, o):
        return 'plain add'
acc = Acc()
ref = acc
acc += 1
acc += 2
print(acc is ref, acc.items)
class OnlyAdd:
    def __init__(self, n):
        self.n = n
    def __add__(self, o):
        return OnlyAdd(self.n + o)
oa = OnlyAdd(1)
oa += 5
print(oa.n)
class Ordered:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        print(f'  {self.v} < {o.v}')
        return self.v < o.v
    def __repr__(self):
        return f'O{self.v}'
print(sorted([Ordered(2), Ordered(1)]), Ordered(5) > Ordered(3))
class EqOnly:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
print(EqOnly.__hash__, EqOnly(1) == EqOnly(1), EqOnly(1) != EqOnly(2))
try:
    hash(EqOnly(1))
except TypeError as e:
    print('TypeError:', e)
try:
    {EqOnly(1)}
except TypeError as e:
    print('TypeError:', e)
class NoCmp:
    pass
try:
    NoCmp() < NoCmp()
except TypeError as e:
    print('TypeError:', e)
a = NoCmp()
print(a == a, a != NoCmp(), a == NoCmp(), hash(a) == hash(a))
class Grid:
    def __init__(self):
        self.d = {}
    def __getitem__(self, k):
        print('  get', k)
        return self.d.get(k, 0)
    def __setitem__(self, k, v):
        print('  set', k, v)
        self.d[k] = v
    def __delitem__(self, k):
        print('  del', k)
        del self.d[k]
g = Grid()
g[1, 2] = 'a'
print(g[1, 2], g[0, 1], g['none'])
del g[1, 2]
g['n'] = 1
g['n'] += 5
print(g.d)
class Caller:
    def __call__(self, *a, **k):
        return f'called with {a} {k}'
c = Caller()
print(c(1, x=2), callable(c), callable(Caller), callable(1), callable(len))
class Dyn:
    def __init__(self):
        self.real = 'real'
    def __getattr__(self, name):
        if name.startswith('dyn_'):
            return name[4:].upper()
        raise AttributeError(f'{type(self).__name__!r} has no {name!r}')
d = Dyn()
print(d.real, d.dyn_hello, getattr(d, 'dyn_x'), hasattr(d, 'other'), getattr(d, 'other', 'dflt'))
try:
    d.other
except AttributeError as e:
    print('AttributeError:', e)
class Guard:
    def __setattr__(self, name, value):
        print('  setattr', name, value)
        if name.startswith('_'):
            raise AttributeError('private: ' + name)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print('  delattr', name)
        object.__delattr__(self, name)
gd = Guard()
gd.a = 1
try:
    gd._b = 2
except AttributeError as e:
    print('AttributeError:', e)
del gd.a
print(vars(gd))
class Everything:
    def __getattribute__(self, name):
        if name == 'secret':
            return 'intercepted'
        return object.__getattribute__(self, name)
ev = Everything()
ev.other = 'o'
print(ev.secret, ev.other)
class Num:
    def __init__(self, v):
        self.v = v
    def __int__(self):
        return int(self.v)
    def __float__(self):
        return float(self.v)
    def __index__(self):
        return int(self.v)
    def __round__(self, n=None):
        return 'rounded'
    def __complex__(self):
        return complex(self.v)
n = Num(3.7)
print(int(n), float(n), [10, 20, 30, 40][Num(2)], bin(Num(5)), hex(Num(255)), round(n), round(n, 2), range(Num(3)))
class Dflt(dict):
    def __missing__(self, k):
        return f'missing {k}'
dd = Dflt(a=1)
print(dd['a'], dd['zz'], dd.get('zz'), 'zz' in dd)
class Rev:
    def __init__(self, data):
        self.data = data
    def __len__(self):
        return len(self.data)
    def __getitem__(self, i):
        if i >= len(self.data):
            raise IndexError(i)
        return self.data[i]
    def __reversed__(self):
        return iter('custom reversed')
r = Rev('abc')
print(list(r), list(reversed(r)), 'b' in r, list(iter(r)), [x for x in r])
class SeqOnly:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return i * 10
print(list(SeqOnly()), 20 in SeqOnly(), list(reversed(Rev('xy'))) if False else 'skip')
class Bools:
    def __len__(self):
        return 0
print(bool(Bools()), 'yes' if Bools() else 'no', not Bools())
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print('TypeError:', e)
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print('ValueError:', e)
class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print('TypeError:', e)
class StrFallback:
    def __repr__(self):
        return 'from repr'
print(str(StrFallback()), f'{StrFallback()}', '%s' % StrFallback())
class Ctx:
    def __enter__(self):
        return 'entered'
    def __exit__(self, *a):
        return False
with Ctx() as val:
    print(val)
class Iter:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n
print(list(Iter()), sum(Iter()), next(Iter()), next(iter(Iter())))
class NotIter:
    pass
try:
    iter(NotIter())
except TypeError as e:
    print('TypeError:', e)
try:
    for _ in 5:
        pass
except TypeError as e:
    print('TypeError:', e)
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print('TypeError:', e)
class RichEq:
    def __eq__(self, o):
        return 'truthy string'
print(RichEq() == 1, [RichEq()] == [1], RichEq() != 1)
class Both:
    def __eq__(self, o):
        print('  Both.__eq__')
        return NotImplemented
print(Both() == Both(), Both() != 3)
class Sub(int):
    def __eq__(self, o):
        return 'Sub.eq'
print(1 == Sub(1), Sub(1) == 1)
class Cls:
    def __class_getitem__(cls, item):
        return f'{cls.__name__}[{item.__name__}]'
print(Cls[int])
