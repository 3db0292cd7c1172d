# Cycles through closures, bound methods, instance dicts, default arguments, generators,
# exceptions/tracebacks/frames and classes are all collected; a __del__ may call
# gc.collect() (it gets 0: a collection is running) or build new cycles.
import gc


class T:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  del", self.name)


gc.collect()


def closure_cycle():
    t = T("closure")

    def inner():
        return t
    t.f = inner


closure_cycle()
print("closure:", gc.collect())
t = T("bound method")
t.m = t.__init__
del t
print("bound method:", gc.collect())
t = T("instance dict")
t.__dict__["d"] = t.__dict__
del t
print("instance dict:", gc.collect())


def default_cycle():
    t = T("default argument")

    def f(x=t):
        return x
    t.f = f


default_cycle()
print("default argument:", gc.collect())


def gen():
    local = T("generator frame")
    me = yield
    yield me


g = gen()
next(g)
g.send(g)
del g
print("generator:", gc.collect())


def exc_cycle():
    t = T("exception frame")
    try:
        1 / 0
    except ZeroDivisionError as e:
        t.e = e


exc_cycle()
print("exception and traceback:", gc.collect())


class K:
    pass


K.me = K
del K
print("class:", gc.collect() > 0)


class Collector:
    def __del__(self):
        print("  nested gc.collect() returns", gc.collect())


c = Collector()
c.me = c
del c
print("collect in __del__:", gc.collect())


class Maker:
    def __del__(self):
        n = T("made during a collection")
        n.me = n


m = Maker()
m.me = m
del m
print("cycle made in __del__:", gc.collect())
print("next collection:", gc.collect())
l = [T("mixed")]
d = {"l": l}
l.append(d)
l.append((l, d))
del l, d
print("mixed containers:", gc.collect())
