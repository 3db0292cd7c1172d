# Subclassing builtins (int, str, list, dict) and reflected-operator priority, NotImplemented
# fallbacks, __hash__ inheritance, __init_subclass__ keywords, __prepare__, __class__,
# property setters in subclasses, __del__ timing under reference counting.
class Num(int):
    def __radd__(self, o):
        return 'Num.__radd__'
    def __add__(self, o):
        return 'Num.__add__'
print(1 + Num(2), Num(2) + 1)
class Base:
    def __eq__(self, o):
        print('Base.__eq__')
        return NotImplemented
class Derived(Base):
    def __eq__(self, o):
        print('Derived.__eq__')
        return NotImplemented
print(Base() == Derived())
class E:
    def __eq__(self, o):
        return True
print(E() != E(), E() == 1, 1 == E())
class H(E):
    pass
print(H.__hash__)
class H2(E):
    __hash__ = object.__hash__
print(H2.__hash__ is object.__hash__)
class P:
    def __init_subclass__(cls, /, color='none', **kw):
        super().__init_subclass__(**kw)
        cls.color = color
class R(P, color='red'):
    pass
print(R.color)
class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print('prepare', name, kw)
        return {'injected': 1}
    def __new__(mcs, name, bases, ns, **kw):
        return super().__new__(mcs, name, bases, ns)
class WithPrep(metaclass=Meta, flag=True):
    pass
print(WithPrep.injected)
class K:
    def who(self):
        return __class__.__name__
    @classmethod
    def cm(cls):
        return super().__repr__
print(K().who(), callable(K.cm()))
class Q:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        return self.v > 0
    def __len__(self):
        return 100
print(bool(Q(1)), bool(Q(-1)), len(Q(0)))
class Prop:
    @property
    def x(self):
        return 'base x'
class PropSub(Prop):
    @Prop.x.setter
    def x(self, v):
        self._x = v
ps = PropSub(); ps.x = 5
print(ps.x, ps._x)
class Str(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
    def shout(self):
        return self + '!'
s = Str('hi')
print(s, s.shout(), type(s + 'x').__name__, isinstance(s, str), s == 'HI', repr(s))
class L(list):
    def append(self, v):
        super().append(v * 2)
l = L([1]); l.append(5); l += [7]
print(l, type(l).__name__, len(l), l[1:], type(l[1:]).__name__)
class D(dict):
    def __missing__(self, k):
        self[k] = k * 2
        return self[k]
d = D(); print(d[3], d, dict(d))
class Frozen:
    def __setattr__(self, k, v):
        raise AttributeError(f"can't set {k}")
try:
    Frozen().x = 1
except AttributeError as e:
    print(e)
class A:
    pass
a = A()
print(repr(a).startswith('<__main__.A object at 0x'), str(A).startswith("<class '__main__.A'>"))
print(A.__name__, A.__qualname__, A.__module__, type(A.__dict__).__name__, A.__dict__['__module__'])
class Outer:
    class Inner:
        def m(self):
            pass
print(Outer.Inner.m.__qualname__, repr(Outer.Inner)[:30])
class Noisy:
    def __init__(self, name):
        self.name = name
        print('init', name)
    def __del__(self):
        print('del', self.name)
n1 = Noisy('first')
n2 = n1
del n1
print('still referenced by n2')
n2 = None
print('after rebinding n2')
def scope():
    local = Noisy('local')
    print('leaving scope')
scope()
print('after scope')
lst = [Noisy('in list')]
lst.clear()
print('after clear')
