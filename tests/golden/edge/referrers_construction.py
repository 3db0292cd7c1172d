# gc.get_referrers/get_objects while objects are being built (a half-filled tuple or list
# must never be seen in a broken state)
import gc
class Spy:
    seen = []
    def __init__(self, x):
        self.x = x
    def __iter__(self):
        return self
    def __next__(self):
        # look at everything the collector tracks while tuple() is filling its result
        objs = gc.get_objects()
        Spy.seen.append(sum(1 for o in objs if type(o) is tuple and len(o) == 3) >= 0)
        self.x += 1
        if self.x > 3:
            raise StopIteration
        return self.x
t = tuple(Spy(0))
print(t, all(Spy.seen))
target = ["target"]
holders = [[target] for _ in range(3)]
refs = gc.get_referrers(target)
print(sum(1 for r in refs if r in holders))
def gen():
    for i in range(3):
        yield len(gc.get_referrers(i)) >= 0
print(list(gen()), tuple(x for x in gen()))
d = {}
class K:
    def __hash__(self):
        gc.get_objects()
        return 1
for i in range(5):
    d[K()] = i
print(len(d))

# repr() of every tracked tuple and every referrer while tuple()/list()/set()/dict() fill theirs
marker = ["marker"]
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 5:
            raise StopIteration
        for r in gc.get_referrers(marker):
            repr(r)
        for o in gc.get_objects():
            if type(o) is tuple:
                repr(o)
        return marker
t = tuple(It())
print(len(t))
l = list(It()); s = set(map(id, It())); d = dict.fromkeys(map(id, It()))
print(len(l), len(s), len(d))
t2 = tuple(x for x in It())
print(len(t2), len((*It(), *It())))
