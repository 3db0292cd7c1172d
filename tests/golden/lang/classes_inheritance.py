# Inheritance: single/multiple, C3 MRO (and its TypeError), super() forms, method
# resolution, isinstance/issubclass, __init_subclass__, abstract-like patterns.
class Animal:
    sound = '...'
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f'{self.name} says {self.sound}'
    def kind(self):
        return 'animal'
class Dog(Animal):
    sound = 'woof'
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def kind(self):
        return 'dog/' + super().kind()
class Puppy(Dog):
    def kind(self):
        return 'puppy/' + super(Puppy, self).kind()
p = Puppy('rex', 'lab')
print(p.speak(), p.kind(), p.breed, isinstance(p, Animal), issubclass(Puppy, Dog), issubclass(Dog, Puppy))
print([c.__name__ for c in Puppy.__mro__], Puppy.__bases__, Dog.__base__, object.__bases__)
class A:
    def who(self):
        return 'A'
class B(A):
    def who(self):
        return 'B>' + super().who()
class C(A):
    def who(self):
        return 'C>' + super().who()
class D(B, C):
    def who(self):
        return 'D>' + super().who()
print(D().who(), [k.__name__ for k in D.mro()])
class O: pass
class F(O): pass
class E(O): pass
class Dd(O): pass
class Cc(Dd, F): pass
class Bb(Dd, E): pass
class Aa(Bb, Cc, E): pass
print([k.__name__ for k in Aa.__mro__])
try:
    class X(A, B):
        pass
except TypeError as e:
    print('TypeError:', e)
try:
    class Y(A, A):
        pass
except TypeError as e:
    print('TypeError:', e)
try:
    class Z(1):
        pass
except TypeError as e:
    print('TypeError:', e)
class Base:
    registry = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Base.registry.append(cls.__name__)
class One(Base, tag='one'):
    pass
class Two(Base):
    pass
print(Base.registry, One.tag, Two.tag)
class Shape:
    def area(self):
        raise NotImplementedError(type(self).__name__ + '.area')
    def describe(self):
        return f'{type(self).__name__} with area {self.area()}'
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
print(Sq(3).describe())
try:
    Shape().describe()
except NotImplementedError as e:
    print('NotImplementedError:', e)
class M1:
    def __init__(self):
        print('  M1 init')
        super().__init__()
class M2:
    def __init__(self):
        print('  M2 init')
        super().__init__()
class Both(M1, M2):
    def __init__(self):
        print('  Both init')
        super().__init__()
Both()
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns['created_by'] = mcls.__name__
        return super().__new__(mcls, name, bases, ns)
class WithMeta(metaclass=Meta):
    pass
print(WithMeta.created_by, type(WithMeta).__name__, isinstance(WithMeta, type))
def f_outside():
    return super().x
try:
    f_outside()
except RuntimeError as e:
    print('RuntimeError:', e)
class Prop:
    @property
    def value(self):
        return 'base'
class PropSub(Prop):
    @property
    def value(self):
        return 'sub+' + super().value
print(PropSub().value)
class Stat:
    @staticmethod
    def s():
        return 'static'
    @classmethod
    def c(cls):
        return cls.__name__
class StatSub(Stat):
    @classmethod
    def c(cls):
        return 'sub:' + super().c()
print(StatSub.s(), StatSub.c(), super(StatSub, StatSub).c())
print(issubclass(bool, int), issubclass(int, object), isinstance(True, (str, int)), issubclass(D, (C, int)), isinstance(3, type), isinstance(int, type))
try:
    isinstance(1, 1)
except TypeError as e:
    print('TypeError:', e)
try:
    issubclass(1, int)
except TypeError as e:
    print('TypeError:', e)
class Attr:
    x = 'class'
class AttrSub(Attr):
    pass
AttrSub.x = 'overridden'
print(Attr.x, AttrSub.x, AttrSub.__dict__.get('x'), Attr().x)
del AttrSub.x
print(AttrSub.x)
print(D.__subclasses__() if False else [k.__name__ for k in A.__subclasses__()])
