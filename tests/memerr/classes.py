# memerr: classes, inheritance, properties, super(), dunder methods, instance dicts
class Base:
    count = 0
    def __init__(self, x):
        self.x = x
        Base.count += 1
    def __repr__(self):
        return f"{type(self).__name__}({self.x!r})"
    def __eq__(self, other):
        return isinstance(other, Base) and self.x == other.x
    def __hash__(self):
        return hash(self.x)

class Derived(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
    @property
    def total(self):
        return self.x + self.y
    @classmethod
    def make(cls, n):
        return [cls(i, i) for i in range(n)]

class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a, self.b = 1, 2

objs = Derived.make(5)
print(objs, [o.total for o in objs], Base.count, Derived(1, 2) == Base(1))
print(len({Base(1), Base(1), Derived(2, 0)}), Slotted().b, type("T", (Base,), {"k": 1})(3))
