# sys.getsizeof of types: CPython's PyTypeObject (408) for a built-in type, PyHeapTypeObject
# (904) for a class, plus its shared keys table (768) when instances have a managed dict;
# a type counts a GC head (16) either way.
import sys
class A: pass
class B:
    __slots__ = ('x',)
class C(A):
    def __init__(self): self.a = 1
class D(int): pass
class E(Exception): pass
print(sys.getsizeof(A), sys.getsizeof(B), sys.getsizeof(C), sys.getsizeof(D), sys.getsizeof(E))
print(sys.getsizeof(int), sys.getsizeof(type), sys.getsizeof(object), sys.getsizeof(list), sys.getsizeof(Exception))
c = C()
print(sys.getsizeof(C))
for i in range(3): C()
print(sys.getsizeof(C), sys.getsizeof(A))

class Q: pass
class R:
    __slots__ = ('x', 'y')
class S(int): pass
class T(list): pass
for t in (object, int, float, str, bytes, tuple, list, dict, set, bool, complex, range, Exception, Q, R, S, T):
    print(t.__name__, t.__basicsize__, t.__itemsize__, t.__dictoffset__, t.__weakrefoffset__)
