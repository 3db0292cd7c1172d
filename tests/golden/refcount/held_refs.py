# Runtime objects that hold references: bound methods (self), iterators (the sequence),
# suspended generators (their frame's locals), closures (cells), default arguments.
import sys


class Box:
    def method(self):
        return self


b = Box()
print(sys.getrefcount(b))
m = b.method
print("bound method:", sys.getrefcount(b))
del m
items = [b]
it = iter(items)
print("iterator:", sys.getrefcount(items))
del it


def gen(x):
    yield 1
    yield 2


g = gen(b)
print("created generator:", sys.getrefcount(b))
next(g)
print("suspended generator:", sys.getrefcount(b))
for _ in g:
    pass
print("exhausted generator:", sys.getrefcount(b))


def make():
    captured = Box()

    def inner():
        return captured
    return inner


f = make()
print("closure cell:", sys.getrefcount(f()))


def with_default(x=b):
    return x


print("default argument:", sys.getrefcount(b))
del with_default
print("function gone:", sys.getrefcount(b))
try:
    raise ValueError(b)
except ValueError as e:
    print("exception args:", sys.getrefcount(b))
print("after except:", sys.getrefcount(b))
