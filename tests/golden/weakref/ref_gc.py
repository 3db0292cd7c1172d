# Weak references and the cyclic collector: the referent dies in a collection, the
# callbacks of reachable weakrefs run (before any __del__), weakrefs that are garbage
# themselves never call back, and what gc.collect() returns counts what died.
import weakref, gc

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

def cycle(name):
    a, b = Node(name + 'a'), Node(name + 'b')
    a.other, b.other = b, a
    return a, b

a, b = cycle('x')
ra = weakref.ref(a, lambda w: print('callback for xa, dead:', w() is None))
del a, b
print('before collect')
print('collected', gc.collect())
print(ra())

# a weakref inside the garbage does not call back
a, b = cycle('y')
a.selfref = weakref.ref(b, lambda w: print('never printed'))
del a, b
print('collected', gc.collect())

# callback runs before __del__ of the cycle's objects
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name, 'ref dead:', self.ref() is None)

d = D('d1')
d.self = d
d.ref = weakref.ref(d)
wd = weakref.ref(d, lambda w: print('callback for d1'))
del d
print('collected', gc.collect())

# a weakref whose callback removes the last reference to itself
holder = {}
n = Node('z')
n.me = n
holder['w'] = weakref.ref(n, lambda w: holder.clear())
del n
print('collected', gc.collect(), holder)

# resurrection through __del__: the weakref is dead nevertheless
saved = []
class R:
    def __del__(self):
        saved.append(self)
r = R()
r.cycle = r
wr = weakref.ref(r, lambda w: print('R callback'))
del r
print('collected', gc.collect(), len(saved), wr())
saved.clear()
gc.collect()

# weakrefs are containers for the collector: counted in generation 0
class E:
    pass
e = E()
gc.collect()
c0 = gc.get_count()[0]
refs = [weakref.ref(e, print) for i in range(5)]
print(gc.get_count()[0] - c0, gc.is_tracked(refs[0]), gc.is_tracked(weakref.ref(e)))
del refs
print(gc.get_count()[0] - c0)
