# Generation-0 counts around exceptions: an exception C code raises holds its arguments in
# one tuple, as CPython's does (the tuple goes to the free list when it dies, so it stays
# counted); getattr(o, name, default) and hasattr on an ordinary object make no exception.
import gc, sys
o = object()
class A:
    pass
a = A()
def count():
    return gc.get_count()[0]
cases = [
    lambda: 1 / 0, lambda: o.zz, lambda: a.zz, lambda: sys.zz, lambda: [][1],
    lambda: {}['k'], lambda: int('x'), lambda: None + 1, lambda: next(iter([])),
]
for f in cases:
    gc.collect()
    try:
        f()
    except Exception as e:
        name = type(e).__name__
    print(name, count())
gc.collect()
for i in range(50):
    getattr(o, 'zz', None)
    hasattr(a, 'zz')
    getattr(a, 'zz', 0)
print('lookups', count())
gc.collect()
for i in range(50):
    try:
        a.zz
    except AttributeError:
        pass
print('raises', count())
gc.collect()
print(getattr(sys, 'zz', 1), count())
