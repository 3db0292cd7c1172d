# float free list (3.11: up to 100 floats, LIFO, link through ob_type): a freed float's id
# is the next float's; past 100, freed floats go back to the pool allocator.
import gc
gc.collect()                    # start with empty free lists
x = 3
f = x * 0.5
a = id(f)
del f
g = x * 1.5
print('next float reuses the freed one:', id(g) == a)
del g
fs = [i + 0.5 for i in range(150)]     # one float each, no temporaries
ids = [id(v) for v in fs]
gs = list(range(100))
del fs                          # list_dealloc frees the items last to first
for i in range(100):
    gs[i] = i + 0.25
# floats 149..50 went to the free list (100 of them), 49..0 to the pool
print('last freed comes first:', [ids.index(id(v)) for v in gs] == list(range(50, 150)))
extra = x + 0.5
print('the 101st comes from the pool:', ids.index(id(extra)))
