# The constants a code object keeps: CPython 3.11's assembler drops those after the last
# one an instruction loads (trim_unused_consts), so a `while True:` loop or a branch the
# optimizer removed leaves no constant behind unless a later one is loaded -- and
# sys.getrefcount(True) or of a small int shows it.
def a1():
    "doc"
    return 1
def a2():
    return 1
    x = 2
def a3():
    if __debug__:
        return 4
    return 5
def a4(x):
    assert x, 'msg'
def a5():
    try:
        return 1
    finally:
        y = 'f'
def a6():
    for i in range(3):
        if i: continue
        else: break
    else:
        return 'e'
def a7():
    while 0:
        z = 9
    return 'q'
def a8():
    x = 1 and 2
    y = 0 or 3
    return not True
def a9(k):
    return k(a=1, b=2)
def b1():
    with open('x') as f:
        pass
def b2():
    yield from (1, 2)
def b3():
    pass
def b4():
    lambda: 5
    return (1, 2, 3)[0]
def b5():
    x = [1, 2, 3]
    y = {1, 2, 3}
    return x, y, f"{x!r:>10}"
def b6():
    if True:
        return 1
    else:
        return 2
def b7():
    if not False:
        pass
    return None
class K:
    "doc"
    x = 1
    def m(self): return super().m()
def walk(co, depth=0):
    out = []
    for k in co.co_consts:
        if hasattr(k, 'co_consts'):
            out.append('<code %s>' % k.co_name)
        else:
            out.append(repr(k))
    print(' ' * depth + co.co_name, '(' + ', '.join(out) + ')')
    for k in co.co_consts:
        if hasattr(k, 'co_consts'): walk(k, depth + 1)
import sys
walk(sys._getframe().f_code)

# the references: a loop's True stays only when a later constant is loaded
r = sys.getrefcount(True)
c1 = compile('def f():\n    while True:\n        pass\n', 'c1', 'exec')
print(sys.getrefcount(True) - r)
c2 = compile('def f():\n    while True:\n        x = 8\n', 'c2', 'exec')
print(sys.getrefcount(True) - r)
c3 = compile('def f():\n    return 1 if True else 2\n', 'c3', 'exec')
print(sys.getrefcount(True) - r)
del c1, c2, c3
print(sys.getrefcount(True) - r)
