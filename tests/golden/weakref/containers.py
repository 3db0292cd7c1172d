# WeakValueDictionary, WeakKeyDictionary and WeakSet: entries go when their objects die,
# also while the container is being iterated.
import weakref, gc

class Obj:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return 'Obj(%d)' % self.n

objs = [Obj(i) for i in range(6)]
d = weakref.WeakValueDictionary()
for o in objs:
    d[o.n] = o
print(len(d), sorted(d), d[2], d.get(9, 'none'), 3 in d, 9 in d)
del objs[1:3]
print(len(d), sorted(d.keys()), sorted(d.values(), key=lambda o: o.n))
print(sorted(d.items()) == sorted((o.n, o) for o in objs))
print(d.pop(0), d.setdefault(4), d.setdefault(7, objs[0]) is objs[0], len(d))
try:
    d[1]
except KeyError as e:
    print('KeyError', e)
c = d.copy()
print(type(c).__name__, len(c), repr(d).startswith('<WeakValueDictionary at 0x'))
# values dying during iteration are removed after it
it = d.items()
first = next(it)
objs.clear()
del c
rest = list(it)
print(len(d), len(rest) <= 3)
del first, rest, it
print(len(d))

k = weakref.WeakKeyDictionary()
keys = [Obj(i) for i in range(4)]
for o in keys:
    k[o] = o.n * 10
print(len(k), sorted(k.values()), keys[1] in k, Obj(1) in k, 5 in k)
x = keys.pop()
print(k[x], k.get(x))
del x
print(len(k), sorted(k.values()))
k2 = weakref.WeakKeyDictionary({keys[0]: 'a'})
print(len(k2), k2[keys[0]], repr(k2).startswith('<WeakKeyDictionary at'))
keys.clear()
print(len(k), len(k2))

s = weakref.WeakSet()
items = [Obj(i) for i in range(5)]
for o in items:
    s.add(o)
s.add(items[0])
print(len(s), items[3] in s, Obj(3) in s, 1 in s)
s.discard(items[4])
s.remove(items[3])
print(len(s), sorted(o.n for o in s))
t = weakref.WeakSet(items[:2])
print(t <= s, s >= t, len(s | t), len(s - t), len(s & t), len(s ^ t), t == weakref.WeakSet(items[:2]))
del items[0]
print(len(s), len(t))
items.clear()
print(len(s), len(t), list(s))

# cycles held only by weak containers die in a collection
a = Obj(100)
a.self = a
d2 = weakref.WeakValueDictionary(one=a)
s2 = weakref.WeakSet([a])
del a
print(len(d2), len(s2))
gc.collect()
print(len(d2), len(s2))
