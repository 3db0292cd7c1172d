# Instances of subclasses take CPython 3.11's layout: a var-sized base (int, tuple,
# bytes) gives the instance dict pointer after the items (no weakref slot), other bases a
# managed dict in front of the object and a weakref slot; a str subclass is CPython's
# legacy string (80-byte header, text apart).  sys.getsizeof and the type's layout
# attributes show it; __slots__ on a str subclass hold their values.
import sys, gc

class I(int): pass
class T(tuple): pass
class F(float): pass
class S(str): pass
class B(bytes): pass
class L(list): pass
class D(dict): pass
class St(set): pass
class O: pass
class Sl:
    __slots__ = ('a', 'b')
class Sl2:
    __slots__ = ('a', '__dict__')
class Sl3(Sl):
    __slots__ = ()
class Sw:
    __slots__ = ('a', '__weakref__')
class E(Exception): pass
class E2(E): pass

for v in [0, 1, 2**40, I(0), I(5), I(2**40), T(), T((1, 2)), F(1.5), S(''), S('abc'),
          S('h\u00e9'), S('\u20ac'), B(b''), B(b'ab'), L(), D(), St(), O(), Sl(), Sl2(), Sl3(),
          Sw(), E(), (), (1,), 1.5, '', 'abc', b'', b'ab']:
    print(type(v).__name__, repr(v)[:12], sys.getsizeof(v), v.__sizeof__())

for t in [I, T, F, S, B, L, D, St, O, Sl, Sl2, Sl3, Sw, E, E2, int, tuple, bytes, str,
          object, list, dict, float, Exception]:
    print(t.__name__, t.__basicsize__, t.__itemsize__, t.__dictoffset__,
          t.__weakrefoffset__, sorted(k for k in t.__dict__ if k in ('__dict__', '__weakref__')))

class P(O):
    __slots__ = ('x',)
class Q(L): pass
print(P.__basicsize__, P.__dictoffset__, Q.__dictoffset__, Q.__weakrefoffset__)

# the dict after the items works like any instance dict
i = I(7); i.attr = [1]; print(i, i.attr, i.__dict__, vars(i), sys.getsizeof(i))
z = I(0); z.a = 5; z.b = 6; print(z, z + 1, z.__dict__, z == 0, bool(z), -z, abs(z), z * 3)
t = T((1, 2, 3)); t.x = 'x'; print(t, t.x, t[2], len(t), t.__dict__)
b = B(b'abc'); b.y = 9; print(b, b.y, b[1:], b.__dict__)
b.__dict__ = {'q': 1}; print(b.q, b.__dict__)
del b.q; print(b.__dict__)
class J(I): pass
j = J(3); j.w = 1; print(j.w, J.__dictoffset__, J.__basicsize__, j + j)

# slots of a str subclass, a cycle through one of them
class U(str):
    __slots__ = ('u', 'v')
u = U('h\u00e9llo w\u00f6rld ' * 5); u.u = [u]; u.v = 2
print(u.u[0] is u, u.v, len(u), u.upper()[:5], sys.getsizeof(u))
class A(str):
    __slots__ = ('x',)
a = A('hello world, a long string'); a.x = [1]
print(a, a.x, len(a), a.upper(), sys.getsizeof(a))
gc.collect()
del u
print(gc.collect())

# a cycle through an int subclass's dict is collected
n = I(12345678901234567890); n.me = n
del n
print(gc.collect())
