# sys.getsizeof of code objects: CPython 3.11's code units (inline caches, PRECALL before
# every CALL, RESUME, EXTENDED_ARG) after its flow-graph optimizer (constant conditions,
# 'is None' jumps, swaps for small unpackings, PUSH_NULL folded into LOAD_GLOBAL, NOPs only
# where a line has nothing else, no method call on an imported module).
import sys
import math
def walk(co, out):
    out.append((co.co_name, sys.getsizeof(co)))
    for k in co.co_consts:
        if type(k) is type(co):
            walk(k, out)
    return out
snippets = [
    'x = 1', 'x2 = set()', 'f(x)', 'a.b()', 'x = a.b', 'del x', 'x = y[0]', 'x[0] = y',
    'x = 1 + y', 'x = y < 3', 'a, b = b, a', 'a, b, c = c, b, a', 'a, b, c, d = d, c, b, a',
    '(a,) = (b,)', 'a, b = 1, 2', 'import math\nmath.sqrt(2)', 'import os\ndef g(): return os.getcwd()',
    'if 0:\n    x = 1\ny = 2', 'while 1:\n    break', 'while True:\n    x += 1\n    if x: break',
    'x = a if False else b', 'x = a if 1 else b', 'if x is None:\n    y = 1',
    'if x is not None:\n    y = 1', 'try:\n    x\nexcept E:\n    pass', 'try:\n    x\nfinally:\n    y',
    'with a as b:\n    pass', 'for i in x:\n    pass', 'def f():\n    pass',
    'def g():\n    yield 1\n    yield 2', 'def h():\n    yield from x', 'lambda: 0',
    '[i for i in x if i]', '{k: v for k, v in x}', 'class C:\n    def m(self): return self.x',
    'x = y and z or w', 'print(*a, **k)', 'f(a, b=1, *c)', 'x = "%s %d" % (a, b)',
    'x = f"{a}{b!r:>{w}}"', 'assert x, "m"', 'global q\nq = 1', 'x = [1, 2, 3][1:]',
    'x = {1, 2, 3}', 'x = (1, 2, 3) + (4,)', 'raise E from F',
    'def e(f):\n    try:\n        f()\n    except Exception as x:\n        print(x)',
    'def w(p):\n    with open(p) as f:\n        f.read()\n    return p',
    'def c(o):\n    return V(o.x if isinstance(o, V) else o)',
    'def s(a, b):\n    a, b = b, a\n    return a',
    'if a:\n    b = 1\nelif c:\n    b = 2',
    'for i in x:\n    try:\n        f(i)\n    except E:\n        continue',
    '\n'.join('x%d = %d' % (i, i * 1000) for i in range(300)),
    'def big():\n' + '\n'.join('    v%d = v%d + %d' % (i, i, i * 1000) for i in range(300)),
    'for i in range(3):\n' + '\n'.join('    y%d = %d' % (i, i * 7) for i in range(200)),
]
for src in snippets:
    print(repr(src[:40]), walk(compile(src, 's', 'exec'), []))
def f(a, b):
    if a is None:
        return b
    a, b = b, a
    return math.floor(a) + b
print(sys.getsizeof(f.__code__), sys.getsizeof(walk.__code__))
