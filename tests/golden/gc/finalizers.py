# PEP 442: objects with __del__ in cycles are collected; each __del__ runs once, all of
# them before any object of the garbage is cleared (so they still see each other), in the
# order of the collector's list; gc.is_finalized tells whether it ran.
import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.next = None

    def __del__(self):
        print("__del__", self.name, "next is", self.next.name, gc.is_finalized(self))


gc.collect()
a, b, c = Node("a"), Node("b"), Node("c")
a.next, b.next, c.next = b, c, a
print(gc.is_finalized(a))
del a, b, c
print("collected:", gc.collect(), "garbage:", gc.garbage)
root = Node("root")
x = Node("x")
y = Node("y")
x.next, y.next = y, x
root.next = Node("kept")
root.next.next = root
del x, y
print("collected:", gc.collect(0))
print(root.next.name, gc.is_finalized(root))
