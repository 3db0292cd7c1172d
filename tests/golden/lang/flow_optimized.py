# Control flow through the compiler's flow-graph folding (constant conditions, 'is None'
# jumps, jump threading, unpacking swaps): nested try statements with empty bodies, loops
# with try/finally and break/continue, conditional expressions on constants.
def nested(n):
    out = []
    try:
        try:
            pass
        except 5:
            pass
        out.append('a')
        try:
            1 / n
        except 5:
            pass
        out.append('b')
    except TypeError as e:
        out.append('T')
    except ZeroDivisionError:
        out.append('Z')
    return out
print(nested(1), nested(0))
def loops(xs):
    out = []
    for x in xs:
        try:
            if x is None:
                continue
            if x is not None and x > 3:
                break
            out.append(x)
        finally:
            out.append('f')
    else:
        out.append('else')
    while 1:
        try:
            out.append('w')
            break
        except Exception:
            pass
    while True:
        if not out:
            continue
        break
    return out
print(loops([1, None, 2]), loops([5, 1]))
def consts(a):
    r = []
    r.append(1 if True else a)
    r.append(a if False else 2)
    r.append(0 or a)
    r.append(a and 0)
    r.append(None and a)
    r.append('' or 'x')
    if 0:
        r.append('never')
    if ():
        r.append('never')
    elif 'y':
        r.append('elif')
    while 0:
        r.append('never')
    return r
print(consts(7), consts(None))
def swaps(a, b, c):
    a, b = b, a
    x, y, z = c, b, a
    (w,) = (x,)
    a, b, c = c, a, b
    return a, b, c, x, y, z, w
print(swaps(1, 2, 3))
x, y = 1, 2
x, y = y, x
p, q, r = x, y, x + y
print(x, y, p, q, r)
i = 0
while i is not None:
    i = None if i > 2 else i + 1
print(i)
def gen():
    for k in range(3):
        try:
            got = yield k
            if got is None:
                continue
        finally:
            pass
print(list(gen()))
