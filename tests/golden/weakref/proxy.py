# weakref.proxy: attribute access, operators and calls go to the referent; a dead proxy
# raises ReferenceError; proxies are not hashable.
import weakref, sys

class V:
    def __init__(self, x):
        self.x = x
    def __add__(self, o):
        return V(self.x + (o.x if isinstance(o, V) else o))
    def __len__(self):
        return self.x
    def __getitem__(self, i):
        return i * self.x
    def __iter__(self):
        return iter(range(self.x))
    def __eq__(self, o):
        return isinstance(o, V) and o.x == self.x
    def __lt__(self, o):
        return self.x < o.x
    def __str__(self):
        return 'V(%d)' % self.x
    def __bool__(self):
        return self.x != 0
    def __call__(self, y):
        return self.x * y
    def __contains__(self, y):
        return y == self.x
    __hash__ = object.__hash__

v = V(3)
p = weakref.proxy(v)
print(type(p).__name__, sys.getsizeof(p), weakref.proxy(v) is p)
print(p.x, (p + 1).x, len(p), p[4], list(p), str(p), bool(p), p(5), 3 in p)
print(p == V(3), p < V(4), p == v)
p.y = 7
print(v.y, weakref.getweakrefcount(v))
del p.y
print(hasattr(v, 'y'))
try:
    hash(p)
except TypeError as e:
    print('TypeError:', e)

class Plain:
    pass
q = weakref.proxy(Plain())
print(type(q).__name__)
try:
    q.anything
except ReferenceError as e:
    print('ReferenceError:', e)

log = []
w = V(2)
pc = weakref.proxy(w, lambda pr: log.append('proxy callback'))
print(pc is not weakref.proxy(w), weakref.getweakrefcount(w))
del w
print(log)
try:
    pc + 1
except ReferenceError as e:
    print('ReferenceError:', e)
try:
    weakref.proxy(5)
except TypeError as e:
    print(e)
