# The flow-graph optimizer folds a tuple built from constants into one constant (3.11's
# fold_tuple_on_constants): default-argument tuples and string annotations.  Merged into
# the compilation unit's constants, equal ones are one object; equal names and constants
# tuples of code objects are shared the same way.
def f(a=1, b='x'): pass
def g(c=1, d='x'): pass
print(f.__defaults__ is g.__defaults__, f.__defaults__)
def h(a=(1, 2), b=2.5): pass
p = (1, 2)
print(h.__defaults__, h.__defaults__[0] is p)
def k(x): return x
def m(y): return y
print(k.__code__.co_consts is m.__code__.co_consts, k.__code__.co_names is m.__code__.co_names)
def n(*, key=3, other='v'): pass
print(n.__kwdefaults__)
co = compile("def f(a=1, b='x'): pass\ndef g(a: 'int', *, k=3): pass\nx = f\n", 's', 'exec')
print([c if not hasattr(c, 'co_code') else 'code' for c in co.co_consts])
co2 = compile("def f(a=(1,2), b=2.5): pass", 's', 'exec')
print([c if not hasattr(c, 'co_code') else 'code' for c in co2.co_consts])
print([lambda: 0 for _ in range(1)][0].__qualname__)
def outer():
    return [lambda: 0 for _ in range(1)][0]
print(outer().__qualname__, outer.__code__.co_consts[1].co_qualname)
class C:
    def meth(self):
        def inner(): pass
        return inner
print(C().meth().__qualname__)
t = (1, 'x')
print(f.__defaults__ is t)
