# Objects are freed (and __del__ runs) the moment the last reference goes, in the same
# order relative to the prints as CPython.
import sys


class Tracer:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  free", self.name)


print("del of the last name")
a = Tracer("a")
del a
print("rebinding")
b = Tracer("b1")
b = Tracer("b2")
print("end of a function")


def scope():
    local = Tracer("local")
    other = Tracer("other")
    print("  leaving")


scope()
print("list.clear(), del l[:], pop()")
l = [Tracer("l0"), Tracer("l1"), Tracer("l2")]
l.pop(0)
l.clear()
l = [Tracer("m0"), Tracer("m1")]
del l[:]
print("dict value overwritten, dict cleared")
d = {"x": Tracer("dx"), "y": Tracer("dy")}
d["x"] = None
d.clear()
print("tuple and nested containers")
t = (Tracer("t0"), [Tracer("t1")], {"k": Tracer("t2")})
t = None
print("instance attribute replaced, deleted")
holder = type("Holder", (), {})()
holder.a = Tracer("attr1")
holder.a = Tracer("attr2")
del holder.a
print("exception keeps the frame alive through its traceback")


def failing():
    local = Tracer("frame local")
    raise ValueError("boom")


try:
    failing()
except ValueError as e:
    print("  caught")
print("  except block left (the exception and its frames are gone)")
try:
    failing()
except ValueError as e:
    saved = e
print("  exception saved")
del saved
print("sys.exc_info() traceback")
try:
    failing()
except ValueError:
    tb = sys.exc_info()[2]
print("  traceback saved")
tb = None
print("generator closed when dropped")


def gen():
    g = Tracer("generator local")
    yield 1
    yield 2


it = gen()
next(it)
it = None
print("comprehension temporaries")
print(len([Tracer("c%d" % i) for i in range(2)]))
print("end")
