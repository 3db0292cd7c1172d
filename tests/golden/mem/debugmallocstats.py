# sys._debugmallocstats() on stderr: the header, the size-class table head, the arena map
# totals and the free-list lines (compared through debugmallocstats.errgrep); a full
# gc.collect() empties every free list, then each freed object lands on its type's list;
# collecting a younger generation leaves the free lists alone.
import gc
import sys
gc.collect()
sys._debugmallocstats()
x = 2
floats = [x * 1.5, x * 2.5, x * 3.5]
lists = [[], [x], [x, x]]
tuples = [(x,), (x, x), (x, x, x), tuple(range(x, x + 20))]
dicts = [{}, {'a': x}]
del floats, lists, tuples, dicts
sys._debugmallocstats()
gc.collect(1)
sys._debugmallocstats()
gc.collect()
sys._debugmallocstats()
print('done')
