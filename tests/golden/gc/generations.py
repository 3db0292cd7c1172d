# Survivors move to the next generation; a full collection leaves everything in
# generation 2.  gc.get_objects(generation) shows where an object is.
import gc


class Node:
    pass


def where(obj):
    return [g for g in range(3) if any(o is obj for o in gc.get_objects(g))]


gc.collect()
n = Node()
print("new:", where(n), gc.is_tracked(n))
gc.collect(0)
counts = gc.get_count()
print("after collect(0):", where(n), counts)
gc.collect(1)
counts = gc.get_count()
print("after collect(1):", where(n), counts)
m = Node()
gc.collect(0)
gc.collect(0)
counts = gc.get_count()
print("m after two young collections:", where(m), counts)
gc.collect(2)
counts = gc.get_count()
print("after a full collection:", where(n), where(m), counts)
cyc = Node()
cyc.me = cyc
del cyc
print("a young cycle is found by collect(0):", gc.collect(0))
old = Node()
gc.collect(1)
young = Node()
old.peer = young
young.peer = old
del old, young
print("a cycle reaching into generation 2:", gc.collect(0), gc.collect(1), gc.collect(2))
for bad in (-1, 3):
    try:
        gc.collect(bad)
    except ValueError as e:
        print(bad, e)
try:
    gc.get_objects(3)
except ValueError as e:
    print(e)
try:
    gc.get_objects(-2)
except ValueError as e:
    print(e)
print(len(gc.get_objects(-1)) == len(gc.get_objects()))
