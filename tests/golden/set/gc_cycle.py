# a set in a reference cycle is found and freed by the cycle collector
import gc
class Node:
    pass
gc.collect()
n = Node()
s = {n}
n.s = s
del n, s
print(gc.collect())
f = frozenset([Node()])
print(gc.is_tracked(set()), gc.is_tracked(frozenset()), gc.is_tracked(f))
del f
print(gc.collect())
