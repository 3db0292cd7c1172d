# Every CPython 3.11 code object holds b'' as its co_exceptiontable when it has no
# handlers, and as its co_localspluskinds when it has no locals: sys.getrefcount(b'')
# counts them (module, function bodies, classes, lambdas, comprehensions).
import sys
sources = ['x = 1', 'def f(): pass', 'def g(a): return a', 'class C:\n    def m(self): pass',
           'h = lambda: 1', '[i for i in ()]', 'def k():\n    try:\n        pass\n    except Exception:\n        pass']
for src in sources:
    base = sys.getrefcount(b'')
    c = compile(src, 'src', 'exec')
    made = sys.getrefcount(b'') - base
    del c
    print(repr(src), made, sys.getrefcount(b'') - base)
