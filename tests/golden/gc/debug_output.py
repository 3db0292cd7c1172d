# DEBUG_STATS, DEBUG_COLLECTABLE, DEBUG_UNCOLLECTABLE write CPython's lines to sys.stderr
# (through its write method, so they can be captured); addresses, timings and the sizes of
# generations (which include the interpreter's own objects) are masked here.
import gc
import sys


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)
        return len(text)

    def flush(self):
        pass


def mask(line):
    if "0x" in line:
        i = line.index("0x")
        j = i + 2
        while j < len(line) and line[j] in "0123456789abcdef":
            j += 1
        line = line[:i] + "ADDRESS" + line[j:]
    if line.startswith("gc: objects in each generation:"):
        line = "gc: objects in each generation: (masked)"
    if line.startswith("gc: done,"):
        line = line[:line.rindex(",")] + ", (time) elapsed"
    return line


class Node:
    pass


gc.collect()
capture = Capture()
sys.stderr = capture
gc.set_debug(gc.DEBUG_STATS)
a = Node()
a.me = a
del a
found0 = gc.collect(0)
gc.set_debug(gc.DEBUG_COLLECTABLE | gc.DEBUG_UNCOLLECTABLE)
b, c = Node(), [1]
b.list = c
c.append(b)
del b, c
found1 = gc.collect()
gc.set_debug(0)
sys.stderr = sys.__stderr__
for line in "".join(capture.parts).splitlines():
    print(mask(line))
print(found0, found1, gc.garbage, gc.get_debug())
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL,
      gc.DEBUG_LEAK)
