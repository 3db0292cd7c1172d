# __slots__: fixed attributes without a per-instance __dict__, their AttributeError
# messages, member descriptors, inheritance, '__dict__'/'__weakref__' entries, name
# mangling, class-variable conflicts, the errors for bad slots, and the smaller sizes.
import sys
import gc
class Point:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f'Point({self.x}, {self.y})'
p = Point(1, 2)
print(p, p.x, Point.__slots__, type(Point.x).__name__, Point.x, hasattr(p, '__dict__'))
p.x = 10
del p.y
print(p.x, hasattr(p, 'y'))
for action in ('p.z = 3', 'p.y', 'del p.y', 'p.__dict__', 'vars(p)'):
    try:
        exec(action)
    except (AttributeError, TypeError) as e:
        print(type(e).__name__ + ':', e)
class Plain:
    def __init__(self, x, y):
        self.x = x
        self.y = y
print(sys.getsizeof(Point(1, 2)), sys.getsizeof(Plain(1, 2)))
class Empty:
    __slots__ = ()
print(sys.getsizeof(Empty()), hasattr(Empty(), '__dict__'))
class OneName:
    __slots__ = 'only'
o = OneName()
o.only = 'str slots'
print(o.only, OneName.__slots__)
class Point3(Point):
    __slots__ = ('z',)
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
p3 = Point3(1, 2, 3)
print(p3, p3.z, sys.getsizeof(p3), hasattr(p3, '__dict__'), isinstance(p3, Point))
class Loose(Point):
    pass
lo = Loose(5, 6)
lo.extra = 'dict again'
print(lo.extra, lo.__dict__, lo.x, sys.getsizeof(lo))
class WithDict:
    __slots__ = ('a', '__dict__')
w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.__dict__, sys.getsizeof(w))
class WithWeak:
    __slots__ = ('a', '__weakref__')
print(sys.getsizeof(WithWeak()))
class Private:
    __slots__ = ('__secret', 'public')
    def __init__(self):
        self.__secret = 's'
    def reveal(self):
        return self.__secret
pv = Private()
print(pv.reveal(), Private.__slots__, sorted(k for k in Private.__dict__ if 'secret' in k or k == 'public'))
class Sorted:
    __slots__ = ('b', 'a', 'c')
s = Sorted()
s.c = 3
print(s.c, [k for k in Sorted.__dict__ if len(k) == 1])
bad_cases = [
    "class A:\n    __slots__ = ('x',)\n    x = 1",
    "class A:\n    __slots__ = (1,)",
    "class A:\n    __slots__ = ('not valid',)",
    "class A(int):\n    __slots__ = ('x',)",
    "class A:\n    __slots__ = ('__dict__', '__dict__')",
    "class A(WithDict):\n    __slots__ = ('__dict__',)",
    "class A:\n    __slots__ = 5",
]
for src in bad_cases:
    try:
        exec(src)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)
class IntSub(int):
    __slots__ = ()
print(IntSub(5) + 1, sys.getsizeof(IntSub(5)) - sys.getsizeof(5))
class Node:
    __slots__ = ('next', 'name', '__weakref__')
    def __init__(self, name):
        self.name = name
        self.next = None
gc.collect()
a, b = Node('a'), Node('b')
a.next, b.next = b, a
del a, b
print('collected', gc.collect())
class Cnt:
    __slots__ = ('n',)
    def __init__(self):
        self.n = 0
    def inc(self):
        self.n += 1
        return self
print(Cnt().inc().inc().n, Cnt.n.__name__, Cnt.n.__objclass__ is Cnt)
try:
    Cnt.n.__get__(Point(1, 2))
except TypeError as e:
    print('TypeError:', e)
