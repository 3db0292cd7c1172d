# memerr: reference cycles with __del__ finalizers, collected by gc.collect() and at exit
import gc

class Node:
    deleted = 0
    def __init__(self, name):
        self.name = name
        self.peer = None
    def __del__(self):
        Node.deleted += 1

def make_cycle(n):
    a, b = Node("a%d" % n), Node("b%d" % n)
    a.peer, b.peer = b, a
    return a

for i in range(10):
    make_cycle(i)
lst = []
lst.append(lst)
d = {}
d["self"] = d
del lst, d
gc.collect()
print(Node.deleted)
