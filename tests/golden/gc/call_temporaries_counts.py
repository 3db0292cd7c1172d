# Generation-0 counts of the temporaries a call makes, statement by statement: the
# argument tuple (and keyword dict) CPython 3.11 packs for a type or a function without
# vectorcall (int(), str(), bytes(), METH_VARARGS methods such as str.find, dict.update,
# set.union, dir, vars, min, max, gc.get_referents), the slice tuple of a slot wrapper
# call (o.__eq__(o)), the exception functools-style wrapping makes (staticmethod(len)), the
# tuple PySequence_Tuple sizes by its length hint (tuple("ab")), and the objects that are
# not made: the vectorcall types (enumerate, map, filter, reversed, list, dict, ...) and
# errors raised and cleared inside C ("abc".translate).  Each line collects first, which
# empties the free lists, so every fresh GC allocation shows.
import gc, sys, math
class C:
    def __init__(self, v=0): self.v = v
    def m(self): return 1
    @staticmethod
    def sm(): return 1
    @classmethod
    def cm(cls): return 1
    @property
    def p(self): return 1
class D:
    def __init__(self, *args, **kw): pass
class E(list): pass
def f(x=0): return x
def g(a, b): return a
def h(*a): return a
def k(**kw): return kw
def gen(): yield 1
def try_except():
    try: return 1
    except Exception: return 2
class CM:
    def __enter__(self): return self
    def __exit__(self, *a): return False
def with_stmt():
    with CM(): pass
def raise_catch():
    try: raise ValueError("x")
    except ValueError as e: return 1
G = 1
def global_fn(): return G
def closure():
    x = 1
    def inner(): return x
    return inner
def nested_fn():
    def inner(): return 1
    return inner()
def star_args(*a, **k): return a
def kw_only(*, a): return a
def default_args(a=1, b=(1, 2)): return a
o = C(1); o.a = 1

def show(label):
    print(label, gc.get_count()[0])

e = None
gc.collect()
e = bytes(16)
show('bytes(16)')
e = None
gc.collect()
e = int("3")
show('int("3")')
e = None
gc.collect()
e = int("ff", 16)
show('int("ff", 16)')
e = None
gc.collect()
e = str(5)
show('str(5)')
e = None
gc.collect()
e = str(b"x", "ascii")
show('str(b"x", "ascii")')
e = None
gc.collect()
e = str(object=5)
show('str(object=5)')
e = None
gc.collect()
e = bytearray(2)
show('bytearray(2)')
e = None
gc.collect()
e = int(3.5)
show('int(3.5)')
e = None
gc.collect()
e = bytes([1,2])
show('bytes([1,2])')
e = None
gc.collect()
e = enumerate([])
show('enumerate([])')
e = None
gc.collect()
e = enumerate([], 1)
show('enumerate([], 1)')
e = None
gc.collect()
e = map(len, [])
show('map(len, [])')
e = None
gc.collect()
e = filter(None, [])
show('filter(None, [])')
e = None
gc.collect()
e = reversed([])
show('reversed([])')
e = None
gc.collect()
e = reversed([1,2])
show('reversed([1,2])')
e = None
gc.collect()
e = min(1,2)
show('min(1,2)')
e = None
gc.collect()
e = min([1,2])
show('min([1,2])')
e = None
gc.collect()
e = max([1,2])
show('max([1,2])')
e = None
gc.collect()
e = max(1, 2, key=abs)
show('max(1, 2, key=abs)')
e = None
gc.collect()
e = min([], default=0)
show('min([], default=0)')
e = None
gc.collect()
e = staticmethod(len)
show('staticmethod(len)')
e = None
gc.collect()
e = classmethod(len)
show('classmethod(len)')
e = None
gc.collect()
e = property(len)
show('property(len)')
e = None
gc.collect()
e = "{}".format(1)
show('"{}".format(1)')
e = None
gc.collect()
e = "{x}".format(x=1)
show('"{x}".format(x=1)')
e = None
gc.collect()
e = "%s %s" % (1, 2)
show('"%s %s" % (1, 2)')
e = None
gc.collect()
e = "a b".split()
show('"a b".split()')
e = None
gc.collect()
e = "a,b".split(",")
show('"a,b".split(",")')
e = None
gc.collect()
e = "a,b".rsplit(",", 1)
show('"a,b".rsplit(",", 1)')
e = None
gc.collect()
e = "abc".replace("a", "b")
show('"abc".replace("a", "b")')
e = None
gc.collect()
e = "abc".startswith("a")
show('"abc".startswith("a")')
e = None
gc.collect()
e = "abc".startswith(("a", "b"))
show('"abc".startswith(("a", "b"))')
e = None
gc.collect()
e = "abc".find("b")
show('"abc".find("b")')
e = None
gc.collect()
e = "abc".strip()
show('"abc".strip()')
e = None
gc.collect()
e = "abc".center(10)
show('"abc".center(10)')
e = None
gc.collect()
e = "abc".encode("utf-8")
show('"abc".encode("utf-8")')
e = None
gc.collect()
e = "a".join(["b", "c"])
show('"a".join(["b", "c"])')
e = None
gc.collect()
e = "abc".partition("b")
show('"abc".partition("b")')
e = None
gc.collect()
e = "a\nb".splitlines()
show('"a\\nb".splitlines()')
e = None
gc.collect()
e = "abc".count("a")
show('"abc".count("a")')
e = None
gc.collect()
e = "abc".index("b")
show('"abc".index("b")')
e = None
gc.collect()
e = "abc".ljust(5, "*")
show('"abc".ljust(5, "*")')
e = None
gc.collect()
e = "abc".zfill(5)
show('"abc".zfill(5)')
e = None
gc.collect()
e = "abc".translate({97: 98})
show('"abc".translate({97: 98})')
e = None
gc.collect()
e = str.maketrans("a", "b")
show('str.maketrans("a", "b")')
e = None
gc.collect()
e = "abc"[1:]
show('"abc"[1:]')
e = None
gc.collect()
e = "abc"[::-1]
show('"abc"[::-1]')
e = None
gc.collect()
e = [1,2,3][1:]
show('[1,2,3][1:]')
e = None
gc.collect()
e = [1,2,3].copy()
show('[1,2,3].copy()')
e = None
gc.collect()
e = [3,1,2].sort()
show('[3,1,2].sort()')
e = None
gc.collect()
e = sorted([3,1,2])
show('sorted([3,1,2])')
e = None
gc.collect()
e = sorted([3,1,2], key=abs)
show('sorted([3,1,2], key=abs)')
e = None
gc.collect()
e = sorted([3,1,2], reverse=True)
show('sorted([3,1,2], reverse=True)')
e = None
gc.collect()
e = [1,2].index(2)
show('[1,2].index(2)')
e = None
gc.collect()
e = [1,2].count(2)
show('[1,2].count(2)')
e = None
gc.collect()
e = [1,2].insert(0, 5)
show('[1,2].insert(0, 5)')
e = None
gc.collect()
e = [1,2].pop()
show('[1,2].pop()')
e = None
gc.collect()
e = [1,2].pop(0)
show('[1,2].pop(0)')
e = None
gc.collect()
e = [1,2].extend([3])
show('[1,2].extend([3])')
e = None
gc.collect()
e = [1,2].remove(1)
show('[1,2].remove(1)')
e = None
gc.collect()
e = [1,2].reverse()
show('[1,2].reverse()')
e = None
gc.collect()
e = [1,2] + [3]
show('[1,2] + [3]')
e = None
gc.collect()
e = [1,2] * 2
show('[1,2] * 2')
e = None
gc.collect()
e = list(map(str, [1,2]))
show('list(map(str, [1,2]))')
e = None
gc.collect()
e = list(zip([1],[2]))
show('list(zip([1],[2]))')
e = None
gc.collect()
e = list(enumerate([1]))
show('list(enumerate([1]))')
e = None
gc.collect()
e = dict.fromkeys([1,2])
show('dict.fromkeys([1,2])')
e = None
gc.collect()
e = {1:2}.get(1)
show('{1:2}.get(1)')
e = None
gc.collect()
e = {1:2}.get(3, 4)
show('{1:2}.get(3, 4)')
e = None
gc.collect()
e = {1:2}.items()
show('{1:2}.items()')
e = None
gc.collect()
e = list({1:2}.items())
show('list({1:2}.items())')
e = None
gc.collect()
e = {1:2}.keys()
show('{1:2}.keys()')
e = None
gc.collect()
e = {1:2}.values()
show('{1:2}.values()')
e = None
gc.collect()
e = {1:2}.pop(1)
show('{1:2}.pop(1)')
e = None
gc.collect()
e = {1:2}.setdefault(3, 4)
show('{1:2}.setdefault(3, 4)')
e = None
gc.collect()
e = {1:2}.update({3: 4})
show('{1:2}.update({3: 4})')
e = None
gc.collect()
e = {1:2}.update(a=1)
show('{1:2}.update(a=1)')
e = None
gc.collect()
e = {1:2}.copy()
show('{1:2}.copy()')
e = None
gc.collect()
e = {1:2} | {3: 4}
show('{1:2} | {3: 4}')
e = None
gc.collect()
e = dict(a=1, b=2)
show('dict(a=1, b=2)')
e = None
gc.collect()
e = dict([(1, 2)])
show('dict([(1, 2)])')
e = None
gc.collect()
e = dict({1: 2})
show('dict({1: 2})')
e = None
gc.collect()
e = {1,2}.add(3)
show('{1,2}.add(3)')
e = None
gc.collect()
e = {1,2}.union({3})
show('{1,2}.union({3})')
e = None
gc.collect()
e = {1,2} | {3}
show('{1,2} | {3}')
e = None
gc.collect()
e = {1,2} & {2}
show('{1,2} & {2}')
e = None
gc.collect()
e = {1,2}.discard(1)
show('{1,2}.discard(1)')
e = None
gc.collect()
e = {1,2}.issubset({1,2,3})
show('{1,2}.issubset({1,2,3})')
e = None
gc.collect()
e = frozenset({1,2})
show('frozenset({1,2})')
e = None
gc.collect()
e = set([1,2])
show('set([1,2])')
e = None
gc.collect()
e = (1,2).index(2)
show('(1,2).index(2)')
e = None
gc.collect()
e = (1,2).count(1)
show('(1,2).count(1)')
e = None
gc.collect()
e = tuple([1,2])
show('tuple([1,2])')
e = None
gc.collect()
e = tuple("ab")
show('tuple("ab")')
e = None
gc.collect()
e = (1,2) + (3,)
show('(1,2) + (3,)')
e = None
gc.collect()
e = b"abc".split(b"b")
show('b"abc".split(b"b")')
e = None
gc.collect()
e = b"abc".decode()
show('b"abc".decode()')
e = None
gc.collect()
e = b"abc".hex()
show('b"abc".hex()')
e = None
gc.collect()
e = bytes.fromhex("ab")
show('bytes.fromhex("ab")')
e = None
gc.collect()
e = b"a" + b"b"
show('b"a" + b"b"')
e = None
gc.collect()
e = bytearray(b"ab").append(1)
show('bytearray(b"ab").append(1)')
e = None
gc.collect()
e = (5).bit_length()
show('(5).bit_length()')
e = None
gc.collect()
e = (5).to_bytes(2, "big")
show('(5).to_bytes(2, "big")')
e = None
gc.collect()
e = int.from_bytes(b"\x01", "big")
show('int.from_bytes(b"\\x01", "big")')
e = None
gc.collect()
e = (2.5).as_integer_ratio()
show('(2.5).as_integer_ratio()')
e = None
gc.collect()
e = (2.5).is_integer()
show('(2.5).is_integer()')
e = None
gc.collect()
e = divmod(7, 2)
show('divmod(7, 2)')
e = None
gc.collect()
e = pow(2, 3, 5)
show('pow(2, 3, 5)')
e = None
gc.collect()
e = round(2.567, 2)
show('round(2.567, 2)')
e = None
gc.collect()
e = abs(-3)
show('abs(-3)')
e = None
gc.collect()
e = hash("x")
show('hash("x")')
e = None
gc.collect()
e = hash((1, 2))
show('hash((1, 2))')
e = None
gc.collect()
e = repr([1])
show('repr([1])')
e = None
gc.collect()
e = str([1, 2])
show('str([1, 2])')
e = None
gc.collect()
e = repr({1: 2})
show('repr({1: 2})')
e = None
gc.collect()
e = ascii("é")
show('ascii("é")')
e = None
gc.collect()
e = format(3.5, ".2f")
show('format(3.5, ".2f")')
e = None
gc.collect()
e = format(3, "d")
show('format(3, "d")')
e = None
gc.collect()
e = f"{3:5}"
show('f"{3:5}"')
e = None
gc.collect()
e = f"{'a'!r}"
show('f"{\'a\'!r}"')
e = None
gc.collect()
e = chr(65)
show('chr(65)')
e = None
gc.collect()
e = ord("a")
show('ord("a")')
e = None
gc.collect()
e = bin(5)
show('bin(5)')
e = None
gc.collect()
e = oct(5)
show('oct(5)')
e = None
gc.collect()
e = hex(5)
show('hex(5)')
e = None
gc.collect()
e = callable(len)
show('callable(len)')
e = None
gc.collect()
e = isinstance(3, (int, str))
show('isinstance(3, (int, str))')
e = None
gc.collect()
e = issubclass(bool, int)
show('issubclass(bool, int)')
e = None
gc.collect()
e = getattr(3, "real")
show('getattr(3, "real")')
e = None
gc.collect()
e = getattr(3, "zz", None)
show('getattr(3, "zz", None)')
e = None
gc.collect()
e = hasattr(3, "zz")
show('hasattr(3, "zz")')
e = None
gc.collect()
e = setattr(C, "zz", 1)
show('setattr(C, "zz", 1)')
e = None
gc.collect()
e = delattr(C, "zz")
show('delattr(C, "zz")')
e = None
gc.collect()
e = vars(C)
show('vars(C)')
e = None
gc.collect()
e = dir(C)
show('dir(C)')
e = None
gc.collect()
e = id(3)
show('id(3)')
e = None
gc.collect()
e = iter([1])
show('iter([1])')
e = None
gc.collect()
e = next(iter([1]))
show('next(iter([1]))')
e = None
gc.collect()
e = next(iter([]), 5)
show('next(iter([]), 5)')
e = None
gc.collect()
e = len([1])
show('len([1])')
e = None
gc.collect()
e = any([0, 1])
show('any([0, 1])')
e = None
gc.collect()
e = all([1, 1])
show('all([1, 1])')
e = None
gc.collect()
e = sum([1, 2])
show('sum([1, 2])')
e = None
gc.collect()
e = sum([1, 2], 10)
show('sum([1, 2], 10)')
e = None
gc.collect()
e = list(range(5))
show('list(range(5))')
e = None
gc.collect()
e = range(1, 10, 2)
show('range(1, 10, 2)')
e = None
gc.collect()
e = slice(1, 2)
show('slice(1, 2)')
e = None
gc.collect()
e = zip([1], [2])
show('zip([1], [2])')
e = None
gc.collect()
e = type(3)
show('type(3)')
e = None
gc.collect()
e = type("T", (), {})
show('type("T", (), {})')
e = None
gc.collect()
e = object()
show('object()')
e = None
gc.collect()
e = C()
show('C()')
e = None
gc.collect()
e = C(1)
show('C(1)')
e = None
gc.collect()
e = D()
show('D()')
e = None
gc.collect()
e = D(1, 2)
show('D(1, 2)')
e = None
gc.collect()
e = D(a=1)
show('D(a=1)')
e = None
gc.collect()
e = E()
show('E()')
e = None
gc.collect()
e = f()
show('f()')
e = None
gc.collect()
e = f(1)
show('f(1)')
e = None
gc.collect()
e = g(1, 2)
show('g(1, 2)')
e = None
gc.collect()
e = g(1, b=2)
show('g(1, b=2)')
e = None
gc.collect()
e = h(1, 2, 3)
show('h(1, 2, 3)')
e = None
gc.collect()
e = h(*[1, 2])
show('h(*[1, 2])')
e = None
gc.collect()
e = k(a=1)
show('k(a=1)')
e = None
gc.collect()
e = k(**{"a": 1})
show('k(**{"a": 1})')
e = None
gc.collect()
e = lambda: 0
show('lambda: 0')
e = None
gc.collect()
e = (lambda: 0)()
show('(lambda: 0)()')
e = None
gc.collect()
e = (x for x in [1])
show('(x for x in [1])')
e = None
gc.collect()
e = [x for x in [1, 2]]
show('[x for x in [1, 2]]')
e = None
gc.collect()
e = {x for x in [1, 2]}
show('{x for x in [1, 2]}')
e = None
gc.collect()
e = {x: x for x in [1, 2]}
show('{x: x for x in [1, 2]}')
e = None
gc.collect()
e = list(x for x in [1, 2])
show('list(x for x in [1, 2])')
e = None
gc.collect()
e = gen()
show('gen()')
e = None
gc.collect()
e = list(gen())
show('list(gen())')
e = None
gc.collect()
e = next(gen())
show('next(gen())')
e = None
gc.collect()
e = super
show('super')
e = None
gc.collect()
e = print("", end="")
show('print("", end="")')
e = None
gc.collect()
e = print(1, 2, sep="")
show('print(1, 2, sep="")')
e = None
gc.collect()
e = isinstance(C(), C)
show('isinstance(C(), C)')
e = None
gc.collect()
e = C.m
show('C.m')
e = None
gc.collect()
e = C().m
show('C().m')
e = None
gc.collect()
e = C().m()
show('C().m()')
e = None
gc.collect()
e = C.sm()
show('C.sm()')
e = None
gc.collect()
e = C.cm()
show('C.cm()')
e = None
gc.collect()
e = C().p
show('C().p')
e = None
gc.collect()
e = o.__dict__
show('o.__dict__')
e = None
gc.collect()
e = o.a
show('o.a')
e = None
gc.collect()
e = o.a + 1
show('o.a + 1')
e = None
gc.collect()
e = o.__class__
show('o.__class__')
e = None
gc.collect()
e = o.__sizeof__()
show('o.__sizeof__()')
e = None
gc.collect()
e = sys.getsizeof([])
show('sys.getsizeof([])')
e = None
gc.collect()
e = sys.getrefcount(o)
show('sys.getrefcount(o)')
e = None
gc.collect()
e = sys.intern("abc")
show('sys.intern("abc")')
e = None
gc.collect()
e = gc.is_tracked([])
show('gc.is_tracked([])')
e = None
gc.collect()
e = gc.get_referents([1])
show('gc.get_referents([1])')
e = None
gc.collect()
e = gc.get_referrers(o)
show('gc.get_referrers(o)')
e = None
gc.collect()
e = math.sqrt(4)
show('math.sqrt(4)')
e = None
gc.collect()
e = math.floor(2.5)
show('math.floor(2.5)')
e = None
gc.collect()
e = math.gcd(4, 6)
show('math.gcd(4, 6)')
e = None
gc.collect()
e = "x" in "abc"
show('"x" in "abc"')
e = None
gc.collect()
e = 1 in [1, 2]
show('1 in [1, 2]')
e = None
gc.collect()
e = 1 in {1: 2}
show('1 in {1: 2}')
e = None
gc.collect()
e = [1, 2] == [1, 2]
show('[1, 2] == [1, 2]')
e = None
gc.collect()
e = (1, 2) < (1, 3)
show('(1, 2) < (1, 3)')
e = None
gc.collect()
e = "a" < "b"
show('"a" < "b"')
e = None
gc.collect()
e = not []
show('not []')
e = None
gc.collect()
e = [*[1], 2]
show('[*[1], 2]')
e = None
gc.collect()
e = (*[1], 2)
show('(*[1], 2)')
e = None
gc.collect()
e = {**{1: 2}}
show('{**{1: 2}}')
e = None
gc.collect()
e = {*[1]}
show('{*[1]}')
e = None
gc.collect()
a, b = 1, 2
show('a, b = 1, 2')
e = None
gc.collect()
a, *b = [1, 2, 3]
show('a, *b = [1, 2, 3]')
e = None
gc.collect()
a, b = [1, 2]
show('a, b = [1, 2]')
e = None
gc.collect()
a = [1, 2]; a[0] = 3
show('a = [1, 2]; a[0] = 3')
e = None
gc.collect()
a = {1: 2}; a[3] = 4
show('a = {1: 2}; a[3] = 4')
e = None
gc.collect()
a = [1, 2, 3]; del a[0]
show('a = [1, 2, 3]; del a[0]')
e = None
gc.collect()
a = [1, 2, 3]; a[1:2] = [5, 6]
show('a = [1, 2, 3]; a[1:2] = [5, 6]')
e = None
gc.collect()
a = [1]; a += [2]
show('a = [1]; a += [2]')
e = None
gc.collect()
a = "x"; a += "y"
show('a = "x"; a += "y"')
e = None
gc.collect()
a = (1,); a += (2,)
show('a = (1,); a += (2,)')
e = None
gc.collect()
a = 1; a += 1
show('a = 1; a += 1')
e = None
gc.collect()
e = try_except()
show('try_except()')
e = None
gc.collect()
e = with_stmt()
show('with_stmt()')
e = None
gc.collect()
e = raise_catch()
show('raise_catch()')
e = None
gc.collect()
e = global_fn()
show('global_fn()')
e = None
gc.collect()
e = closure()()
show('closure()()')
e = None
gc.collect()
e = nested_fn()
show('nested_fn()')
e = None
gc.collect()
e = star_args(1, 2, 3)
show('star_args(1, 2, 3)')
e = None
gc.collect()
e = kw_only(a=1)
show('kw_only(a=1)')
e = None
gc.collect()
e = default_args()
show('default_args()')
e = None
gc.collect()
e = C.__name__
show('C.__name__')
e = None
gc.collect()
e = C.__mro__
show('C.__mro__')
e = None
gc.collect()
e = C.__subclasses__()
show('C.__subclasses__()')
e = None
gc.collect()
e = type(o).__name__
show('type(o).__name__')
e = None
gc.collect()
e = o.__repr__()
show('o.__repr__()')
e = None
gc.collect()
e = repr(o)
show('repr(o)')
e = None
gc.collect()
e = str(o)
show('str(o)')
e = None
gc.collect()
e = hash(o)
show('hash(o)')
e = None
gc.collect()
e = o == o
show('o == o')
e = None
gc.collect()
e = o.__eq__(o)
show('o.__eq__(o)')
