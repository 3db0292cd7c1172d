# subclasses of set and frozenset: construction, __init__, results of operations, repr
class S(set):
    def extra(self):
        return len(self) * 10
s = S([3, 1])
print(s, type(s).__name__, s.extra(), isinstance(s, set))
print(type(s | {5}).__name__, type(s.copy()).__name__, type(s.union()).__name__, type(s - s).__name__)
class Named(set):
    def __init__(self, name, items):
        super().__init__(items)
        self.name = name
n = Named('x', [1, 2])
print(n.name, n, len(n))
class F(frozenset):
    def __new__(cls, *args):
        return super().__new__(cls, *args)
f = F([4, 2])
print(f, type(f & {2}).__name__, hash(f) == hash(frozenset([2, 4])))
print(S() == set(), F() == frozenset(), S([1]) == F([1]))
try:
    S([1], [2])
except TypeError as e:
    print(e)
try:
    set(iterable=[1])
except TypeError as e:
    print(e)
try:
    frozenset(x=1)
except TypeError as e:
    print(e)
try:
    set(1)
except TypeError as e:
    print(e)
