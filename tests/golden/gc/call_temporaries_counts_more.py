# Generation-0 counts of more calls, statement by statement (see call_temporaries_counts):
# slot wrappers and object.__new__ (METH_VARARGS: its whole argument tuple, then the slice
# tp_new gets), str/bytes/set methods, conversions, comprehensions and Python calls with
# * and ** arguments.  Each line collects first, which empties the free lists.
import time
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
e = super(E, E()).__len__()
show('super(E, E()).__len__()')
e = None
gc.collect()
e = E().append(1)
show('E().append(1)')
e = None
gc.collect()
e = E([1, 2])
show('E([1, 2])')
e = None
gc.collect()
e = type(o)(1)
show('type(o)(1)')
e = None
gc.collect()
e = C.__init__(o, 2)
show('C.__init__(o, 2)')
e = None
gc.collect()
e = object.__new__(C)
show('object.__new__(C)')
e = None
gc.collect()
e = object.__init__(o)
show('object.__init__(o)')
e = None
gc.collect()
e = o.__init__(3)
show('o.__init__(3)')
e = None
gc.collect()
e = o.__setattr__("b", 1)
show('o.__setattr__("b", 1)')
e = None
gc.collect()
e = o.__getattribute__("a")
show('o.__getattribute__("a")')
e = None
gc.collect()
e = getattr(o, "a")
show('getattr(o, "a")')
e = None
gc.collect()
e = setattr(o, "c", 2)
show('setattr(o, "c", 2)')
e = None
gc.collect()
e = o.__dict__.get("a")
show('o.__dict__.get("a")')
e = None
gc.collect()
e = vars(o)
show('vars(o)')
e = None
gc.collect()
e = [x for x in range(3) if x]
show('[x for x in range(3) if x]')
e = None
gc.collect()
e = list(map(lambda x: x, [1, 2]))
show('list(map(lambda x: x, [1, 2]))')
e = None
gc.collect()
e = sorted({3: 1, 1: 2})
show('sorted({3: 1, 1: 2})')
e = None
gc.collect()
e = sorted("cba")
show('sorted("cba")')
e = None
gc.collect()
e = list(reversed("abc"))
show('list(reversed("abc"))')
e = None
gc.collect()
e = "".join(reversed("abc"))
show('"".join(reversed("abc"))')
e = None
gc.collect()
e = "-".join(str(i) for i in range(3))
show('"-".join(str(i) for i in range(3))')
e = None
gc.collect()
e = "%s-%s" % ("a", "b")
show('"%s-%s" % ("a", "b")')
e = None
gc.collect()
e = "{}-{}".format("a", "b")
show('"{}-{}".format("a", "b")')
e = None
gc.collect()
e = f"{o.a}-{o.v}"
show('f"{o.a}-{o.v}"')
e = None
gc.collect()
e = str(3.5)
show('str(3.5)')
e = None
gc.collect()
e = repr(3.5)
show('repr(3.5)')
e = None
gc.collect()
e = int(" 7 ")
show('int(" 7 ")')
e = None
gc.collect()
e = float("2.5")
show('float("2.5")')
e = None
gc.collect()
e = complex("1+2j")
show('complex("1+2j")')
e = None
gc.collect()
e = bool([])
show('bool([])')
e = None
gc.collect()
e = list("abc")
show('list("abc")')
e = None
gc.collect()
e = dict(zip("ab", [1, 2]))
show('dict(zip("ab", [1, 2]))')
e = None
gc.collect()
e = set("abc")
show('set("abc")')
e = None
gc.collect()
e = frozenset("abc")
show('frozenset("abc")')
e = None
gc.collect()
e = {**{"a": 1}, "b": 2}
show('{**{"a": 1}, "b": 2}')
e = None
gc.collect()
e = [*range(3)]
show('[*range(3)]')
e = None
gc.collect()
e = max("abc")
show('max("abc")')
e = None
gc.collect()
e = min(3, 4, 5)
show('min(3, 4, 5)')
e = None
gc.collect()
e = sum(x for x in range(4))
show('sum(x for x in range(4))')
e = None
gc.collect()
e = any(x > 1 for x in [1, 2])
show('any(x > 1 for x in [1, 2])')
e = None
gc.collect()
e = len({1: 2})
show('len({1: 2})')
e = None
gc.collect()
e = abs(-2.5)
show('abs(-2.5)')
e = None
gc.collect()
e = divmod(7.5, 2)
show('divmod(7.5, 2)')
e = None
gc.collect()
e = hash("abc")
show('hash("abc")')
e = None
gc.collect()
e = id(o)
show('id(o)')
e = None
gc.collect()
e = isinstance(o, (C, D))
show('isinstance(o, (C, D))')
e = None
gc.collect()
e = issubclass(C, object)
show('issubclass(C, object)')
e = None
gc.collect()
e = callable(o)
show('callable(o)')
e = None
gc.collect()
e = iter(range(3))
show('iter(range(3))')
e = None
gc.collect()
e = next(iter(range(3)))
show('next(iter(range(3)))')
e = None
gc.collect()
e = next(iter({}), None)
show('next(iter({}), None)')
e = None
gc.collect()
e = enumerate("ab")
show('enumerate("ab")')
e = None
gc.collect()
e = zip("ab", "cd")
show('zip("ab", "cd")')
e = None
gc.collect()
e = list(zip("ab", "cd"))
show('list(zip("ab", "cd"))')
e = None
gc.collect()
e = range(10)[2:5]
show('range(10)[2:5]')
e = None
gc.collect()
e = [1, 2, 3][::2]
show('[1, 2, 3][::2]')
e = None
gc.collect()
e = (1, 2, 3)[1:]
show('(1, 2, 3)[1:]')
e = None
gc.collect()
e = "abcdef"[1:4]
show('"abcdef"[1:4]')
e = None
gc.collect()
e = b"abc"[1:]
show('b"abc"[1:]')
e = None
gc.collect()
e = bytearray(b"abc")[1:]
show('bytearray(b"abc")[1:]')
e = None
gc.collect()
e = {1: 2}.pop(1, None)
show('{1: 2}.pop(1, None)')
e = None
gc.collect()
e = {1: 2}.popitem()
show('{1: 2}.popitem()')
e = None
gc.collect()
e = [1, 2].clear()
show('[1, 2].clear()')
e = None
gc.collect()
e = {1, 2}.pop()
show('{1, 2}.pop()')
e = None
gc.collect()
e = {1, 2}.copy()
show('{1, 2}.copy()')
e = None
gc.collect()
e = {1, 2}.difference({1})
show('{1, 2}.difference({1})')
e = None
gc.collect()
e = {1, 2}.symmetric_difference({3})
show('{1, 2}.symmetric_difference({3})')
e = None
gc.collect()
e = {1, 2} ^ {3}
show('{1, 2} ^ {3}')
e = None
gc.collect()
e = {1, 2} - {1}
show('{1, 2} - {1}')
e = None
gc.collect()
e = {1, 2} <= {1, 2, 3}
show('{1, 2} <= {1, 2, 3}')
e = None
gc.collect()
e = [1, 2] < [1, 3]
show('[1, 2] < [1, 3]')
e = None
gc.collect()
e = "abc".upper().lower()
show('"abc".upper().lower()')
e = None
gc.collect()
e = "a b c".split(" ")
show('"a b c".split(" ")')
e = None
gc.collect()
e = "a b c".rsplit(" ", 1)
show('"a b c".rsplit(" ", 1)')
e = None
gc.collect()
e = "abc".title()
show('"abc".title()')
e = None
gc.collect()
e = "abc".capitalize()
show('"abc".capitalize()')
e = None
gc.collect()
e = "abc".swapcase()
show('"abc".swapcase()')
e = None
gc.collect()
e = "abc".isalpha()
show('"abc".isalpha()')
e = None
gc.collect()
e = "123".isdigit()
show('"123".isdigit()')
e = None
gc.collect()
e = "abc".endswith("c")
show('"abc".endswith("c")')
e = None
gc.collect()
e = "abc".rfind("c")
show('"abc".rfind("c")')
e = None
gc.collect()
e = "abc".rindex("c")
show('"abc".rindex("c")')
e = None
gc.collect()
e = "abc".lstrip("a")
show('"abc".lstrip("a")')
e = None
gc.collect()
e = "abc".removeprefix("a")
show('"abc".removeprefix("a")')
e = None
gc.collect()
e = "a,b".partition(",")
show('"a,b".partition(",")')
e = None
gc.collect()
e = "a,b".rpartition(",")
show('"a,b".rpartition(",")')
e = None
gc.collect()
e = "abc".casefold()
show('"abc".casefold()')
e = None
gc.collect()
e = "abc".encode()
show('"abc".encode()')
e = None
gc.collect()
e = b"abc".upper()
show('b"abc".upper()')
e = None
gc.collect()
e = b"a,b".split(b",")
show('b"a,b".split(b",")')
e = None
gc.collect()
e = b"abc".find(b"b")
show('b"abc".find(b"b")')
e = None
gc.collect()
e = b"abc".count(b"a")
show('b"abc".count(b"a")')
e = None
gc.collect()
e = b"abc".startswith(b"a")
show('b"abc".startswith(b"a")')
e = None
gc.collect()
e = bytes.fromhex("abcd").hex()
show('bytes.fromhex("abcd").hex()')
e = None
gc.collect()
e = (255).to_bytes(1, "little")
show('(255).to_bytes(1, "little")')
e = None
gc.collect()
e = int.from_bytes(b"\xff", "little")
show('int.from_bytes(b"\\xff", "little")')
e = None
gc.collect()
e = (3).__add__(4)
show('(3).__add__(4)')
e = None
gc.collect()
e = (3).__radd__(4)
show('(3).__radd__(4)')
e = None
gc.collect()
e = (3.5).__round__()
show('(3.5).__round__()')
e = None
gc.collect()
e = round(3.567, 1)
show('round(3.567, 1)')
e = None
gc.collect()
e = pow(2, 10)
show('pow(2, 10)')
e = None
gc.collect()
e = math.pi * 2
show('math.pi * 2')
e = None
gc.collect()
e = math.floor(3.5)
show('math.floor(3.5)')
e = None
gc.collect()
e = math.log(100, 10)
show('math.log(100, 10)')
e = None
gc.collect()
e = math.isclose(1.0, 1.0)
show('math.isclose(1.0, 1.0)')
e = None
gc.collect()
e = time.time() > 0
show('time.time() > 0')
e = None
gc.collect()
e = gc.get_count()
show('gc.get_count()')
e = None
gc.collect()
e = gc.isenabled()
show('gc.isenabled()')
e = None
gc.collect()
e = gc.get_threshold()
show('gc.get_threshold()')
e = None
gc.collect()
e = gc.is_tracked(o)
show('gc.is_tracked(o)')
e = None
gc.collect()
e = sys.getsizeof(o)
show('sys.getsizeof(o)')
e = None
gc.collect()
e = sys.intern("abc_def")
show('sys.intern("abc_def")')
e = None
gc.collect()
e = sys.getrecursionlimit()
show('sys.getrecursionlimit()')
e = None
gc.collect()
e = (lambda *a, **k: (a, k))(1, b=2)
show('(lambda *a, **k: (a, k))(1, b=2)')
e = None
gc.collect()
e = star_args(*[1, 2], **{"x": 3})
show('star_args(*[1, 2], **{"x": 3})')
e = None
gc.collect()
e = kw_only(a=5)
show('kw_only(a=5)')
e = None
gc.collect()
e = g(*(1, 2))
show('g(*(1, 2))')
e = None
gc.collect()
e = h(1, *[2, 3])
show('h(1, *[2, 3])')
e = None
gc.collect()
e = nested_fn()
show('nested_fn()')
e = None
gc.collect()
e = closure()
show('closure()')
e = None
gc.collect()
e = gen().__next__()
show('gen().__next__()')
e = None
gc.collect()
e = list(gen())
show('list(gen())')
e = None
gc.collect()
e = [i for i in gen()]
show('[i for i in gen()]')
e = None
gc.collect()
e = try_except()
show('try_except()')
e = None
gc.collect()
e = raise_catch()
show('raise_catch()')
e = None
gc.collect()
e = with_stmt()
show('with_stmt()')

# keyword calls whose (tuple, dict) the callee reads as a stack (no GC keyword-name tuple)
class KB(bytes): pass
class KBA(bytearray): pass
e = None
gc.collect()
e = property(fget=f)
show('property(fget=f)')
e = None
gc.collect()
e = property(fget=f)
show('property(fget=f)')
e = None
gc.collect()
e = property(f, doc='x')
show("property(f, doc='x')")
e = None
gc.collect()
e = KB(source=b'ab')
show("KB(source=b'ab')")
e = None
gc.collect()
e = KB(b'ab')
show("KB(b'ab')")
e = None
gc.collect()
e = KBA(source=b'ab')
show("KBA(source=b'ab')")
e = None
gc.collect()
e = bytes(source=b'ab')
show("bytes(source=b'ab')")
e = None
gc.collect()
e = NameError('x', name='y')
show("NameError('x', name='y')")
e = None
gc.collect()
e = AttributeError('x', name='y', obj=1)
show("AttributeError('x', name='y', obj=1)")
e = None
gc.collect()
e = ImportError('x', name='y', path='p')
show("ImportError('x', name='y', path='p')")

# set repr: the keys go into a list through a set iterator (PySequence_List)
e = None
gc.collect()
e = repr({1, 2})
show('repr({1, 2})')
e = None
gc.collect()
e = str([{x % 3 for x in range(8)}])
show('str([{x % 3 for x in range(8)}])')
e = None
gc.collect()
e = repr(frozenset({1}))
show('repr(frozenset({1}))')
e = None
gc.collect()
e = repr(set())
show('repr(set())')
e = None
gc.collect()
e = [repr({1}), []][1]
show('[repr({1}), []][1]')
