# Calls: positional, keyword, defaults (evaluated once), keyword-only, positional-only,
# *args/**kwargs, and CPython's TypeError messages for bad calls.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6))
print(f(a=1, c=3, b=9, z=0))
def pos_only(a, b, /, c, *, d):
    return a, b, c, d
print(pos_only(1, 2, 3, d=4), pos_only(1, 2, c=3, d=4))
def kw_in_kwargs(a, /, **kw):
    return a, kw
print(kw_in_kwargs(1, a=2))
def default_once(x, acc=[]):
    acc.append(x)
    return acc
print(default_once(1), default_once(2), default_once(3, []), default_once(4))
counter = 0
def make_default():
    global counter
    counter += 1
    return counter
def g(v=make_default()):
    return v
print(g(), g(), counter, g.__defaults__)
def h(*, k=make_default()):
    return k
print(h(), h.__kwdefaults__, counter)
def varargs(*args, **kwargs):
    return args, kwargs
print(varargs(), varargs(1, x=2), varargs(*range(3), **dict(a=1)))
print(f.__code__.co_argcount, f.__code__.co_kwonlyargcount, pos_only.__code__.co_posonlyargcount, f.__name__)
def bad(fn, *a, **k):
    try:
        fn(*a, **k)
    except TypeError as e:
        print('TypeError:', e)
bad(f)
bad(f, 1)
bad(f, 1, 2, 3)
bad(f, 1, c=1, a=2)
bad(pos_only, 1, 2, 3, 4)
bad(pos_only, 1, b=2, c=3, d=4)
bad(pos_only, 1, 2, 3)
bad(pos_only, a=1, b=2, c=3, d=4)
def two(a, b):
    pass
bad(two)
bad(two, 1)
bad(two, 1, 2, 3)
bad(two, 1, 2, c=3)
bad(two, b=1)
def kwonly(*, a, b, c=0):
    pass
bad(kwonly)
bad(kwonly, 1)
bad(kwonly, a=1)
def three(a, b, c):
    pass
bad(three)
bad(three, 1)
def noargs():
    pass
bad(noargs, 1)
bad(noargs, x=1)
def onedef(a, b=1):
    pass
bad(onedef, 1, 2, 3)
bad(onedef)
class C:
    def m(self, x):
        return x
    @classmethod
    def cm(cls, y):
        return y
    @staticmethod
    def sm(z):
        return z
c = C()
bad(c.m)
bad(c.m, 1, 2)
bad(C.m, 1)
bad(C.cm)
bad(C.sm, 1, 2)
bad(len)
bad(len, [], [])
bad(len, obj=[])
bad(int, 'x', 'y', 'z')
bad(isinstance, 1)
bad(divmod, 1)
bad(print, bogus=1)
bad(sorted, [], 1)
bad([].append)
bad({}.get)
bad('x'.split, 1, 2, 3)
bad(1)
bad('str')
bad(None)
try:
    f(1, c=3, **{'c': 4})
except TypeError as e:
    print('TypeError:', e)
print((lambda *a, **k: (a, k))(1, 2, z=3), (lambda x, y=5: x * y)(3))
def annotated(a: int, b: 'str' = 'x') -> list:
    return [a, b]
print(annotated(1), annotated.__annotations__)
def deep(*, sep='-', **rest):
    return sep.join(sorted(rest))
print(deep(b=1, a=2), deep(sep='+', x=1, y=2))
print(max([3, 1, 2], key=lambda v: -v), max([], default='empty'), sorted([3, 1, 2], reverse=True))
def outer(**kw):
    return inner(**kw, extra=1)
def inner(**kw):
    return sorted(kw.items())
print(outer(a=1))
