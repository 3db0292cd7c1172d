# A class's first subclass gives it CPython's tp_subclasses, a dict from the subclass's
# address to a weak reference to it: generation-0 counts around class statements, and
# __subclasses__() before and after a subclass dies, as in CPython.
import gc
class K:
    pass

class D(K):
    pass

c0 = gc.get_count()[0]
def f():
    pass

print(gc.get_count()[0] - c0)
c0 = gc.get_count()[0]
class S:
    pass

print(gc.get_count()[0] - c0)
class E(K):
    pass

c0 = gc.get_count()[0]
def g():
    pass

print(gc.get_count()[0] - c0)
print([c.__name__ for c in K.__subclasses__()])
del D
print(gc.collect())
print([c.__name__ for c in K.__subclasses__()])
