# Classes: class body execution, class vs instance attributes, __dict__, bound methods
# (new object per access), methods, __init__/__new__, class/static methods, properties.
print('before class')
class Account:
    print('  executing class body')
    interest = 0.02
    count = 0
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        Account.count += 1
    def deposit(self, amount):
        self.balance += amount
        return self
    def __repr__(self):
        return f'Account({self.owner!r}, {self.balance})'
    @classmethod
    def from_pair(cls, pair):
        return cls(*pair)
    @staticmethod
    def validate(amount):
        return amount > 0
    @property
    def rich(self):
        return self.balance > 100
print('after class')
a = Account('ann', 50)
b = Account.from_pair(('bob', 500))
print(a, b, Account.count, a.deposit(10).deposit(5), Account.validate(-1), a.validate(3))
print(a.rich, b.rich, a.interest, sorted(a.__dict__), type(a).__name__, Account.__name__, Account.__qualname__)
a.interest = 0.5
print(a.interest, b.interest, Account.interest, 'interest' in a.__dict__)
del a.interest
print(a.interest)
m1, m2 = a.deposit, a.deposit
print(m1 == m2, m1 is m2, m1.__self__ is a, m1.__func__ is Account.deposit, type(m1).__name__)
print(Account.deposit(a, 1).balance, Account.from_pair.__self__ is Account, type(Account.__dict__['validate']).__name__)
try:
    a.rich = True
except AttributeError as e:
    print('AttributeError:', e)
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273:
            raise ValueError('too cold')
        self._c = v
    @celsius.deleter
    def celsius(self):
        print('  deleting')
        self._c = None
    fahrenheit = property(lambda self: self._c * 9 / 5 + 32, doc='F')
t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit, Temp.fahrenheit.__doc__, type(Temp.celsius).__name__)
del t.celsius
print(t.celsius)
try:
    t.celsius = -300
except ValueError as e:
    print('ValueError:', e)
class Singleton:
    _inst = None
    def __new__(cls, *args):
        if cls._inst is None:
            print('  creating instance')
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        print('  init with', v)
        self.v = v
s1 = Singleton(1)
s2 = Singleton(2)
print(s1 is s2, s1.v)
class NotInit:
    def __new__(cls):
        return 42
print(NotInit())
class Point:
    __slots__ = ()
    dims = 2
print(Point.dims, Point().dims)
class Empty:
    pass
e = Empty()
e.x = 1
setattr(e, 'y', 2)
print(getattr(e, 'x'), getattr(e, 'z', 'default'), hasattr(e, 'y'), vars(e))
delattr(e, 'x')
print(hasattr(e, 'x'), e.__class__ is Empty, isinstance(e, object), Empty.__bases__, Empty.__module__)
try:
    e.missing
except AttributeError as err:
    print('AttributeError:', err)
try:
    Empty.missing
except AttributeError as err:
    print('AttributeError:', err)
try:
    Empty(1)
except TypeError as err:
    print('TypeError:', err)
try:
    Account()
except TypeError as err:
    print('TypeError:', err)
print(Account.__doc__, Account.deposit.__qualname__, Account.__dict__['interest'], type(Account), type(type))
class WithDoc:
    """Docstring here."""
    def method(self):
        """Method doc."""
print(WithDoc.__doc__, WithDoc.method.__doc__)
class Counter:
    instances = []
    def __init__(self):
        self.instances.append(self)
Counter(); Counter()
print(len(Counter.instances))
def outside(self):
    return 'outside method of ' + type(self).__name__
Empty.method = outside
print(e.method(), Empty.method is outside)
class Chain:
    def __init__(self):
        self.items = []
    def add(self, x):
        self.items.append(x)
        return self
print(Chain().add(1).add(2).items)
class Nested:
    class Inner:
        value = 'inner'
    def make(self):
        return self.Inner()
print(Nested.Inner.value, Nested().make().value, Nested.Inner.__qualname__)
class CM:
    @classmethod
    def who(cls):
        return cls.__name__
class CMSub(CM):
    pass
print(CM.who(), CMSub.who(), CMSub().who())
