# __del__ that raises (reported as "Exception ignored in"), resurrects itself, or mutates
# other containers in the middle of a collection
import gc
class Raiser:
    def __init__(self):
        self.me = self
    def __del__(self):
        raise ValueError("from __del__")
saved = []
class Resurrect:
    def __init__(self):
        self.me = self
    def __del__(self):
        saved.append(self)
log = []
class Mutator:
    def __init__(self, victim):
        self.me = self
        self.victim = victim
    def __del__(self):
        self.victim.clear()
        self.victim.extend(range(3))
        log.append(len(self.victim))
Raiser()
Resurrect()
victim = [1, 2]
m = Mutator(victim)
m2 = Mutator(m.__dict__)
m2.victim = []
m.victim = m2.victim
m2.victim.append(m)
del m, m2
gc.collect()
print(len(saved), type(saved[0]).__name__, sorted(log), victim)
saved.clear()
print(gc.collect() >= 0, len(saved))
class Chain:
    def __init__(self, other):
        self.other = other
        self.me = self
    def __del__(self):
        if self.other is not None:
            self.other.other = None
for i in range(100):
    a = Chain(None)
    b = Chain(a)
    a.other = b
del a, b
print(gc.collect() > 0)
