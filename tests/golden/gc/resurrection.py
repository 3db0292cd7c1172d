# A __del__ may resurrect its object (store it somewhere reachable): the collector then
# leaves it and everything it reaches alive, and does not call __del__ again when the
# object becomes garbage a second time.
import gc

saved = []


class Phoenix:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name)
        saved.append(self)


gc.collect()
p = Phoenix("p")
p.self = p
p.friend = [1, 2, 3]
del p
print("collected:", gc.collect())
print(len(saved), saved[0].friend, gc.is_finalized(saved[0]))
saved.clear()
print("second time:", gc.collect())
q = Phoenix("q")
del q
print(len(saved), gc.is_finalized(saved[0]))
r = saved.pop()
del r
print("freed by refcount, no second __del__")
