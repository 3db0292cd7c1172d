# staticmethod() and classmethod() copy the wrapped callable's __module__, __name__,
# __qualname__, __doc__ and __annotations__ into their own __dict__ (3.10+), which takes a
# dict (and makes the function's annotations dict) as CPython's do.
import gc

def f(a: int) -> str:
    "doc of f"

def g():
    pass

sm = staticmethod(f)
print(sm.__dict__)
print(sm.__name__, sm.__qualname__, sm.__doc__, sm.__wrapped__ is f, sm.__module__)
cm = classmethod(g)
print(cm.__dict__, g.__annotations__)
print(repr(sm).startswith('<staticmethod(<function f'))

class K:
    @staticmethod
    def s(x):
        "static"
        return x
    @classmethod
    def c(cls):
        return cls.__name__

print(K.s(3), K.c(), K.__dict__['s'].__doc__, K.__dict__['c'].__qualname__)
print(staticmethod(len).__name__, staticmethod(len).__dict__.keys())
sm.extra = 1
print(sorted(sm.__dict__))
gc.disable()
ds = []
for i in range(5):
    c0 = gc.get_count()[0]
    def h():
        pass
    s = staticmethod(h)
    ds.append(gc.get_count()[0] - c0)
print(ds[2:])
