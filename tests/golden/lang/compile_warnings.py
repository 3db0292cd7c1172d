# SyntaxWarnings the compiler gives for calls and subscripts that can only fail
# ("perhaps you missed a comma?") and for "is" with a literal; the code still runs.
def f():
    a = (1, 2)(3)
    b = [1, 2](3)
    c = None()
    d = 'abc'(1)
    e = f'x{a}'()
    g = {1}[0]
    h = (x for x in a)[0]
    i = (lambda: 1)[0]
    j = 5[0]
    k = [1, 2]['a']
    l = (1, 2)[1.5]
    m = 'abc'['x']
    n = [1, 2][True]
    o = 'abc'[1:2]
    p = {'a': 1}['a']
    q = b'ab'[()]
    r = [x for x in a]['k']
    s = (a, a)(1)
    t = {}()
    u = ...[0]
print('compiled')
x = 5
print(x is 5, x is not 'a', () is ())
try:
    f()
except TypeError as e:
    print('TypeError:', e)
