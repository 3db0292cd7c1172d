# DEBUG_SAVEALL: unreachable objects go to gc.garbage instead of being freed (finalizers
# still run first); DEBUG_LEAK = COLLECTABLE | UNCOLLECTABLE | SAVEALL.  Since 3.4 objects
# with __del__ in cycles are collected, so gc.garbage stays empty without SAVEALL.
import gc


class WithDel:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__ of", self.name)


gc.collect()
a = WithDel("a")
b = WithDel("b")
a.b = b
b.a = a
del a, b
print("without SAVEALL:", gc.collect(), gc.garbage)
gc.set_debug(gc.DEBUG_SAVEALL)
c = WithDel("c")
c.me = c
l = []
l.append(l)
del c, l
print("with SAVEALL:", gc.collect(), [type(x).__name__ for x in gc.garbage])
print("saved objects are finalized already:", gc.is_finalized(gc.garbage[0]))
gc.set_debug(0)
gc.garbage.clear()
print("released:", gc.collect())
gc.set_debug(gc.DEBUG_LEAK)
import sys


class Masked:
    def write(self, text):
        print(text[:text.index("0x")] if "0x" in text else text, end="")


sys.stderr = Masked()
d = {}
d["self"] = d
del d
print("DEBUG_LEAK:", gc.collect() > 0, len(gc.garbage))
gc.set_debug(0)
sys.stderr = sys.__stderr__
gc.garbage.clear()
gc.collect()
