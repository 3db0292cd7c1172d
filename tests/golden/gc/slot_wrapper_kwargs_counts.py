# dict.__init__(d, v=1) and super().__init__(v=v) call a slot wrapper through CPython's
# tp_call: the arguments are packed into a tuple and a dict once, and __init__ takes
# them as they are.  A second dict would come from the free list, or -- the first time,
# when the free list is empty -- count once more in generation 0.  f(*t, **k) passes
# its tuple and dict to a callee CPython calls through tp_call (a slot wrapper, a
# METH_VARARGS builtin such as max) as they are: no second tuple is packed.
import gc
class H(dict):
    def p(self, v): return super().__init__(v=v)
    def q(self, v): return dict.__init__(self, v=v)
    def r(self, v): return super().__init__([(1, v)])
class C:
    def __call__(self, **k): return k
h = H(); d = {}
def a1(v): return dict.__init__(d)
def a2(v): return d.update(v=v)
def a3(v): return dict.__init__(d, v=v)
def a4(v): return d.__init__(w=v)
def a5(v): return type.__call__(C, **{})
def a6(v): return C().__call__(x=v)
gc.collect()
for f in (h.q, h.q, h.p, h.p, h.r, h.r, a1, a2, a3, a4, a5, a6, a3, a4):
    x = gc.get_count()[0]
    f(1)
    print(f.__name__, gc.get_count()[0] - x)
print(sorted(map(str, h)), sorted(map(str, d)))

t = (3, 4); e = ()
def f1(): return max(*t)
def f2(): return min(*t)
def f3(): return '{}{}'.format(*t)
def f7(): return [].__init__(*e)
def f8(): return int.__add__(*t)
def f9(): return (3).__add__(*(4,))
def g1(): return max(*t, key=None)
def g2(): return type.__call__(C, **{})
def g3(): return C(**{})
gc.collect()
for f in (f1, f1, f2, f3, f3, f7, f7, f8, f8, f9, f9, g1, g1, g2, g2, g3, g3):
    x = gc.get_count()[0]
    f()
    print(f.__name__, gc.get_count()[0] - x)
