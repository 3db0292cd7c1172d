# Cycles that became garbage while the collector was disabled are still reclaimed, and
# finalized, at exit (after the globals of __main__).
import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.me = self

    def __del__(self):
        print("del", self.name)


gc.disable()
for i in range(3):
    n = Node("garbage %d" % i)
del n
kept = Node("kept")
print(gc.isenabled(), "end")
