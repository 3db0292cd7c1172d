# The generation-0 count: +1 for each container allocated, -1 for each one freed; a
# collection runs inside the allocation that makes it exceed the threshold, then the count
# restarts and generation 1's count records one more young collection.
import gc


class Node:
    pass


class Probe:
    def __del__(self):
        events.append(("collected", gc.get_count()))


events = []
keep = []
gc.collect()
print(gc.get_count())
a = Node()
b = Node()
print(gc.get_count())
del a
print(gc.get_count())
lst = [Node() for i in range(10)]
print(gc.get_count())
del lst
print(gc.get_count())
gc.set_threshold(20)
gc.collect()
p = Probe()
p.me = p
del p
for i in range(25):
    keep.append(Node())
    if events:
        print("collected while allocating node", i, events)
        events.clear()
print(gc.get_count())
gc.set_threshold(0)                     # 0 disables automatic collection
for i in range(50):
    keep.append(Node())
print(gc.get_count()[0] > 40, gc.isenabled())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
