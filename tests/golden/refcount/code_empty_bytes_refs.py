# Every CPython 3.11 code object holds b'' as its co_exceptiontable when it has no
# handlers, and as its co_localspluskinds when it has no locals: sys.getrefcount(b'')
# counts them (function bodies, classes, lambdas, comprehensions).
import sys
base = sys.getrefcount(b'')
def f(): pass
print(sys.getrefcount(b'') - base)
def g(a): return a
print(sys.getrefcount(b'') - base)
class C:
    def m(self): pass
print(sys.getrefcount(b'') - base)
h = lambda: 1
print(sys.getrefcount(b'') - base)
def k():
    try:
        pass
    except Exception:
        pass
print(sys.getrefcount(b'') - base)
del f, g, C, h, k
print(sys.getrefcount(b'') - base)
