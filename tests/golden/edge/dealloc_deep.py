# freeing 300000-deep chains of containers and instances (the trashcan) works
N = 300000
class Node:
    def __init__(self, nxt):
        self.nxt = nxt
for name, make in [("list", lambda x: [x]), ("tuple", lambda x: (x,)),
                   ("dict", lambda x: {0: x}), ("instance", Node),
                   ("iterator", lambda x: iter([x])), ("closure", lambda x: (lambda: x))]:
    x = None
    for i in range(N):
        x = make(x)
    del x
    print(name, "freed")
