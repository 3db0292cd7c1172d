# Callable builtin types publish __call__ (a method-wrapper, as CPython's tp_call =
# PyVectorcall_Call); object.__getstate__ gives the instance dict / slot values.
def f(a, b=2):
    return a + b
print(hasattr(f, "__call__"), f.__call__(1), f.__call__(1, b=5))
print(type(f.__call__).__name__, "__call__" in dir(f))
print(len.__call__([1, 2, 3]), print.__call__("via __call__"))
class C:
    def m(self, x):
        return x * 2
print(C().m.__call__(21), callable(C().m), hasattr(C().m, "__call__"))
print(type(len).__dict__["__call__"].__name__, type(f).__call__(f, 10))
print(all(hasattr(o, "__call__") for o in (f, len, C, C().m, int, lambda: 0)))
print(hasattr(1, "__call__"), hasattr("s", "__call__"))

class A:
    pass
a = A()
print(a.__getstate__())
a.x = 1
print(a.__getstate__(), a.__getstate__() is a.__dict__)
class S:
    __slots__ = ("x", "__y", "z")
s = S()
print(s.__getstate__())
s.x = 1
s._S__y = 2
print(s.__getstate__())
class T(S):
    pass
t = T()
t.x = 5
t.q = 3
print(t.__getstate__())
print(object().__getstate__(), (1).__getstate__(), [1].__getstate__())
print(sorted(n for n in dir(object()) if "state" in n))
