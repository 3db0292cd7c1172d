# gc_collect.py -- the time of one gc.collect() over a big heap (issue 5).
#
#   INTERP scripts/bench/gc_collect.py [N]        (default N = 1000000)
#
# live:    N live containers (lists of two ints, reachable from one list): the collector
#          traverses and keeps all of them; the time is what a full collection costs a
#          program with a big live heap.
# garbage: N/2 two-object cycles (instance <-> instance, no __del__) made unreachable:
#          N cyclic garbage objects that only the collector frees.
# Each figure is the best of 3 runs, in seconds; automatic collection is disabled while
# the heap is built.  Compare with /usr/bin/python3.11 on the same script.
import gc
import sys
import time


class Node:
    pass


def best(f, runs=3):
    t = None
    for _ in range(runs):
        d = f()
        t = d if t is None or d < t else t
    return t


def live(n):
    keep = [[i, i] for i in range(n)]
    gc.collect()
    t0 = time.perf_counter()
    gc.collect()
    d = time.perf_counter() - t0
    del keep
    return d


def garbage(n):
    for _ in range(n // 2):
        a = Node()
        b = Node()
        a.peer = b
        b.peer = a
    del a, b
    t0 = time.perf_counter()
    found = gc.collect()
    d = time.perf_counter() - t0
    assert found >= n, found
    return d


n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
gc.disable()
gc.collect()
print("gc.collect() over %d live containers: %.3f s" % (n, best(lambda: live(n))))
print("gc.collect() over %d cyclic garbage objects: %.3f s" % (n, best(lambda: garbage(n))))
