# 3.11 has no int free list: a freed int's block (28 bytes -> 32-byte class) goes back to
# the pool and the next float (24 bytes, same class) may take it; a freed float goes to
# the float free list, so an int never gets it -- until gc.collect() empties that list.
import gc
x = 3
gc.collect()
n = x + 5000
a = id(n)
del n
f = x * 0.75
print('int block reused by float:', id(f) == a)
g = x * 0.25
a = id(g)
del g
m = x + 1000
print('float memory reused by int:', id(m) == a)
del m
h = x * 1.25
a = id(h)
del h
gc.collect()                    # clears the float free list: the block goes to the pool
k = x + 7000
print('after gc.collect(), int takes the float block:', id(k) == a)
