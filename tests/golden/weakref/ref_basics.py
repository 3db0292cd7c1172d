# weakref.ref: creation, reuse of the basic ref, callbacks (newest first, after the object
# is dead), getweakrefcount/getweakrefs, __callback__, hash and equality, sizes, and the
# types that cannot be weakly referenced.
import weakref, sys

class A:
    pass

a = A()
r = weakref.ref(a)
print(r() is a, weakref.ref(a) is r, type(r).__name__, type(r).__module__)
print(sys.getsizeof(r), sys.getrefcount(a), sys.getrefcount(r))
print(repr(r).startswith('<weakref at 0x'), "; to 'A' at 0x" in repr(r))
print(a.__weakref__ is r)

log = []
r1 = weakref.ref(a, lambda w: log.append(('cb1', w() is None)))
r2 = weakref.ref(a, lambda w: log.append(('cb2', w is r2)))
r3 = weakref.ref(a, lambda w: log.append('cb3'))
print(r1 is not r2, weakref.getweakrefcount(a))
print([w is r for w in weakref.getweakrefs(a)])
print([w is r3 for w in weakref.getweakrefs(a)], [w is r1 for w in weakref.getweakrefs(a)])
print(r1.__callback__ is not None, r.__callback__)
print(hash(r) == hash(a), r == r1, r != r1, r == weakref.ref(A()))
print('before del', log)
del a
print('after del', log)
print(r(), r1(), r1.__callback__, weakref.getweakrefcount(A()))
print(repr(r).endswith('; dead>'), r == r1, r == r)
try:
    hash(r1)
except TypeError as e:
    print('TypeError:', e)

# the hash is kept from while the object lived
b = A()
rb = weakref.ref(b)
hb = hash(rb)
del b
print(hash(rb) == hb)

# ref(o) with None as callback is the basic ref
c = A()
print(weakref.ref(c, None) is weakref.ref(c))

# a callback that raises is reported, and execution goes on
def bad(w):
    raise ValueError('from callback')
d = A()
rd = weakref.ref(d, bad)
del d
print('still running')

for obj in [1, 'abc', (1,), [1], {}, 2.5, None, object(), b'x', range(3)]:
    try:
        weakref.ref(obj)
    except TypeError as e:
        print(e)

try:
    weakref.ref()
except TypeError as e:
    print(e)
try:
    weakref.ref(c, None, 1)
except TypeError as e:
    print(e)
try:
    weakref.ref(c)(1)
except TypeError as e:
    print(e)
