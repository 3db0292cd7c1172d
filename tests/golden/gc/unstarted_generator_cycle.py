# A generator that never started, found in a cycle: the collector finalizes it first,
# and closing it clears its frame, so what only the frame held (a generator expression's
# iterator and function, a parameter) dies then and is not counted among the unreachable.
import gc
class R:
    def __del__(self): print('R freed')
def gf():
    yield 1
def gf2(n, r):
    for i in range(n): yield i
cases = [lambda: (i for i in range(4)), lambda: (i for i in [1, 2]), lambda: (c for c in 'ab'),
         gf, lambda: gf2(3, R()), lambda: iter(range(3))]
gc.collect()
for make in cases:
    g = make()
    b = [g]; b.append(b); del g
    b = 0
    print(gc.collect())
g = gf2(2, R()); next(g)
b = [g]; b.append(b); del g
b = 0
print('started:', gc.collect())
gc.set_debug(gc.DEBUG_SAVEALL)
g = (i for i in [1, 2]); b = [g]; b.append(b); del g; b = 0
print(gc.collect(), sorted(type(o).__name__ for o in gc.garbage))
gc.set_debug(0); gc.garbage.clear()
