# At the prompt each statement is compiled on its own, and CPython's compiler takes its
# dicts, lists and tuples from the same free lists as the program (allocating, and counting
# in generation 0, only when they run short): definitions, classes, comprehensions and
# lambdas move gc.get_count() as in CPython 3.11's REPL.
import gc
def step(last=[gc.get_count()[0]]):
    n = gc.get_count()[0]
    d = n - last[0]
    last[0] = n
    return d

step()
l = [i for i in range(3)]
step()
class A: pass

step()
class B(A):
    def m(self): pass

step()
d = {k: k for k in 'ab'}
step()
g = (i for i in range(3))
step()
f = lambda x, *a, k=1, **kw: x
step()
def h(a, b=1, *, c=2):
    return a

step()
try:
    1/0
except ZeroDivisionError:
    pass

step()
s = {1, 2, 3}
step()
t = (1, [2])
step()
x = [[1], [2]]
step()
del x
step()
for i in range(3): pass

step()
def gen():
    yield 1

step()
o = object()
step()
y = f"{o!r:>10}"
step()
z = str(12345) * 3
step()
del A, B
step()
