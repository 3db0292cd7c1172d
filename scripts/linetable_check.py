#!/usr/bin/env python3
"""linetable_check.py: the compiler's model of CPython's location tables.

pyheap does not keep CPython's co_linetable, but its compiler models the bytes object's
growth and final size (interp/compile.c, fmc_assemble), because the size class of that
block decides which block later objects get.  `pyheap -X linetable` prints each modelled
size as it assembles a code object (inner ones first, as CPython's co_consts nest).

    scripts/linetable_check.py PYHEAP          compare with python3 (len(co_linetable))
    scripts/linetable_check.py regen           write tests/linetable/expected.json (python3)
    scripts/linetable_check.py check PYHEAP    compare with that file (make test)

Each prints the shapes whose sizes differ and exits 1 if any does.
"""
import json
import os
import subprocess
import sys
import tempfile

SHAPES = [
    "some_longer_name3 = 'ab' * 8",
    "x = 1\nif x:\n    y = 2",
    "x = 1\nif x:\n    y = 2\nelse:\n    y = 3",
    "for i in range(3):\n    pass",
    "def f(a):\n    b = a + 1\n    some_longer_variable_name = b",
    "def f(a):\n    if a:\n        return 1",
    "def f(a):\n    for i in a:\n        print(i)",
    "def f():\n    very_long_function_name_to_call_here()",
    "while False:\n    pass",
    "try:\n    pass\nexcept ValueError:\n    pass",
    "with open('x') as f:\n    pass",
    "print('hello world', 1, 2, 3)",
    "abcdefghijklmnopqrstuvwxyz = [1, 2, 3]",
    "class C:\n    attribute_with_long_name = 1",
    "x = [i for i in range(3)]",
    "def g():\n    yield 1",
    "a = b = c = 1",
    "import os\nimport sys",
    "x = 1\nwhile x:\n    x = 0",
    "def f(x):\n    return\n",
    "def f(x):\n    x.attribute_name_long_enough_here",
    "for i in range(3):\n    if i:\n        break\nelse:\n    x = 1",
    "while True:\n    break",
    "x = 0\nwhile x < 3:\n    x += 1\n    if x == 2:\n        continue",
    "def f(a):\n    for i in a:\n        if i:\n            return i\n    return None",
    "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass",
    "assert x, 'message'",
    "def f():\n    global g\n    g = 1",
    "x = [i for i in range(10) if i % 2]",
    "try:\n    x = 1\nfinally:\n    y = 2",
    "def f(x):\n    if x:\n        return 1\n    else:\n        return 2",
    "del a, b",
    "f = lambda x: x + 1",
    "def long_function_name(argument_one, argument_two):\n    return argument_one + argument_two",
    "if x:\n    if y:\n        z = 1",
    "for i in range(3):\n    for j in range(3):\n        pass",
    "x = 1 if y else 2",
    "while x:\n    x -= 1\nelse:\n    y = 0",
    "print(a if b else c, d and e, f or g)",
    "class C:\n    pass",
    "class C(object):\n    def method(self):\n        return self",
    "class C:\n    'doc'\n    x = 1",
    "@decorator\nclass C:\n    pass",
    "class C:\n    def __init__(self, n):\n        self.n = n\n    def __repr__(self):\n        return 'C'",
    "class D(K):\n    def __del__(self):\n        print('del', self.n)",
    "class C:\n    def f(self):\n        return super().f()",
    "@decorator\ndef f():\n    pass",
    "@a\n@b(1)\ndef f(x):\n    return x",
    "try:\n    x = 1\nexcept ValueError as e:\n    print(e)\nelse:\n    y = 2\nfinally:\n    z = 3",
    "try:\n    x = 1\nexcept (KeyError, IndexError):\n    pass\nexcept Exception:\n    raise",
    "def f():\n    try:\n        return 1\n    finally:\n        print('x')",
    "def f():\n    x = 1\n    def g():\n        return x\n    return g",
    "def f(*args, **kwargs):\n    return g(*args, **kwargs)",
    "x = {k: v for k, v in zip(a, b) if v}",
    "x = {i for i in range(3)}",
    "x = (i for i in range(3))",
    "x = f'{a!r:>10} and {b}'",
    "a.b.c = d[1:2]",
    "a[i] += 1",
    "raise ValueError('x') from None",
    "with a as b, c as d:\n    pass",
    "for i, (j, k) in enumerate(x):\n    print(i, j, k)",
    "while True:\n    x = f()\n    if x:\n        break\n    g(x)",
    "def gen():\n    x = yield 1\n    yield from range(x)",
    "import os.path as p\nfrom sys import argv, path",
    "x = [\n    1,\n    2,\n    3,\n]",
    "result = some_function(argument_one,\n                       argument_two)",
    "if a and b or not c:\n    x = 1",
    "nonlocal_test = 1\ndef outer():\n    v = 0\n    def inner():\n        nonlocal v\n        v += 1\n    return inner",
    "x = y = z = [1, 2, 3][0]",
    "lambda: (yield)",
    "def f():\n    with a:\n        return 1",
    "def f():\n    with a as b:\n        return b.c",
    "for i in x:\n    try:\n        break\n    finally:\n        g()",
    "for i in x:\n    with a:\n        continue",
    "def f(x):\n    for i in x:\n        return i",
    "def f():\n    return 123456789012",
    "def f():\n    try:\n        return g()\n    finally:\n        h = 1",
    "while x:\n    try:\n        x = f()\n    except E:\n        break",
    "x = [(i, j) for i in range(3) for j in range(i) if j]",
    "if (n := len(a)) > 10:\n    print(n)",
    "x = a < b <= c != d",
    "a, *b, c = range(5)",
    "def f(a, b=1, *args, c, d=2, **kw) -> int:\n    return a",
    "class C(B, metaclass=M, x=1):\n    y: int = 2",
    "assert x",
    "def f():\n    raise",
    "x = {**a, 'b': 1, **c}",
    "x = [*a, *b]",
    "x = a[1:2:3, ::2]",
    "del a[0], b.c",
    "a.b += 1\nc[d] -= 2",
    "f(*a, b=1, **c)",
    "x = sum(i * i for i in range(10))",
    "x = lambda a, b=2, *c, **d: (a, b, c, d)",
    "while x:\n    if y:\n        break\nelse:\n    z = 1",
    "try:\n    pass\nexcept:\n    pass\nelse:\n    x = 1",
    "def f():\n    def g(x=1):\n        return x\n    return g()",
    "x = f'{a}{b!s}{c:{d}}'",
    "x = not a or b and c",
    "x = -a ** 2 + ~b",
    "x = a if b else c if d else e",
    "global_name = 1\ndef f():\n    global global_name\n    del global_name",
    "for k, v in d.items():\n    if k:\n        continue\n    print(v)",
    "class C:\n    @staticmethod\n    def s():\n        pass\n    @property\n    def p(self):\n        return 1",
    "def f():\n    yield\n    return 5",
    "def f():\n    for i in range(3):\n        yield i\n    else:\n        return 1",
    "with a:\n    with b:\n        pass",
    "try:\n    try:\n        x = 1\n    finally:\n        y = 2\nexcept E:\n    pass",
    "import a.b.c\nfrom . import d",
    "x = (1, 2, (3, 4), 'five', None)",
    "x = [1, 2.5, 'three', b'four', True, None, ...]",
    "print(1,\n      2,\n      3)",
    "def f3():\n    return '{}{}'.format(*t)",
    "def a6(v):\n    return C().__call__(x=v)",
    "x = obj.method(1, key=2)\ny = f(a)(b)",
    "x = (lambda: 1)()\ny = d['k'](*args, **kw)",
    "def e(self):\n    Timer.depth += 1\n    return Timer.depth",
    "def e(a, i):\n    a[i] += 1\n    a[i:i + 1] *= 2",
    "def f(a,\n      b=2,\n      *args,\n      **kw): return a + b",
    "x = (1,\n     2,\n     3)",
    "err(lambda: hash(bytearray()))",
    "y: float = 2.71828\ncount: dict[str, int] = {}",
]


def cpython_sizes(src):
    sizes = []

    def walk(co):
        for k in co.co_consts:
            if hasattr(k, 'co_code'):
                walk(k)
        sizes.append(len(co.co_linetable))
    walk(compile(src, 'm.py', 'exec'))
    return sizes


EXPECTED = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'linetable',
                        'expected.json')


def pyheap_sizes(pyheap):
    """The modelled sizes of every shape, from one run of pyheap -X linetable."""
    prog = 'import sys\nSHAPES = %r\nfor s in SHAPES:\n    sys.stderr.write("SHAPE\\n")\n' \
           '    compile(s, "m.py", "exec")\nsys.stderr.write("SHAPE\\n")\n' % (SHAPES,)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'shapes.py')
        with open(path, 'w') as f:
            f.write(prog)
        res = subprocess.run([pyheap, '-X', 'linetable', path], capture_output=True, text=True)
    parts, cur = [], None
    for line in res.stderr.split('\n'):
        if line == 'SHAPE':
            if cur is not None:
                parts.append(cur)
            cur = []
        elif line.startswith('pyheap-linetable ') and cur is not None:
            cur.append(int(line.split()[1]))
    return parts


def compare(want, got):
    bad = 0
    for i, src in enumerate(SHAPES):
        g = got[i] if i < len(got) else None
        if g != want[i]:
            bad += 1
            print('DIFF python3 %s pyheap %s: %s' % (want[i], g, src.replace('\n', '; ')))
    print('linetable_check: %d of %d shapes differ' % (bad, len(SHAPES)))
    return 1 if bad else 0


def main():
    args = sys.argv[1:]
    if args == ['regen']:
        os.makedirs(os.path.dirname(EXPECTED), exist_ok=True)
        with open(EXPECTED, 'w') as f:
            f.write('[\n' + ',\n'.join(json.dumps([src, cpython_sizes(src)]) for src in SHAPES)
                    + '\n]\n')
        return 0
    if len(args) == 2 and args[0] == 'check':
        with open(EXPECTED) as f:
            table = dict((src, sizes) for src, sizes in json.load(f))
        missing = [src for src in SHAPES if src not in table]
        if missing:
            print('linetable_check: %d shapes have no expected sizes: run regen' % len(missing))
            return 1
        return compare([table[src] for src in SHAPES], pyheap_sizes(args[1]))
    if len(args) == 1:
        return compare([cpython_sizes(src) for src in SHAPES], pyheap_sizes(args[0]))
    print(__doc__)
    return 2


if __name__ == '__main__':
    sys.exit(main())
