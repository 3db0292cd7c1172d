# At the prompt: a class's first subclass gives it CPython's tp_subclasses, a dict (taken
# from the dict free list) mapping the subclass's address to a weak reference to it, so
# the compiler's next dicts come fresh and count in generation 0, as in CPython.
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
[c.__name__ for c in K.__subclasses__()]
del D
gc.collect()
[c.__name__ for c in K.__subclasses__()]
