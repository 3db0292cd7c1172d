# list (80), dict (80) and tuple (2000 per length 1..20) free lists: LIFO reuse of a freed
# object's id by the next object of its kind, whatever its contents.
import gc
gc.collect()
x = 3
l1 = [x]
a = id(l1)
del l1
l2 = [x, x, x, x, x]
print('list reused by list:', id(l2) == a)
ls = [[i] for i in range(100)]
ids = [id(l) for l in ls]
ms = list(range(80))          # a placeholder list made without a temporary list
del ls                          # items 99..20 fill the free list, the rest go to the pool
for i in range(80):
    ms[i] = [i, i]
print('80 lists kept, last freed first:', [ids.index(id(m)) for m in ms] == list(range(20, 100)))
d1 = {'a': x}
a = id(d1)
del d1
d2 = {x: x, x + 1: x}
print('dict reused by dict:', id(d2) == a)
ds = [{'k': i} for i in range(100)]
ids = [id(d) for d in ds]
es = list(range(80))
del ds
for i in range(80):
    es[i] = {}
print('80 dicts kept:', [ids.index(id(e)) for e in es] == list(range(20, 100)))
t2 = (x, x)
a = id(t2)
del t2
t3 = (x, x, x)
print('2-tuple not reused by 3-tuple:', id(t3) != a)
t2b = (x, x + 1)
print('2-tuple reused by 2-tuple:', id(t2b) == a)
ts = [(x, i, i) for i in range(10)]
ids = [id(t) for t in ts]
us = list(range(10))
del ts
for i in range(10):
    us[i] = (i, x, i)
print('3-tuples reused LIFO:', [ids.index(id(u)) for u in us] == list(range(10)))
