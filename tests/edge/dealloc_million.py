# freeing million-deep chains of every container kind must not overflow the C stack
# (CPython itself crashes on slices, properties, staticmethods and __cause__ chains)
import sys
N = 300000         # far past what the C stack could take without the trashcan
def chain(make):
    x = None
    for i in range(N):
        x = make(x)
    return x
class Node:
    def __init__(self, nxt):
        self.nxt = nxt
class Slot:
    __slots__ = ("nxt",)
    def __init__(self, nxt):
        self.nxt = nxt
kinds = [
    ("list", lambda x: [x]),
    ("tuple", lambda x: (x,)),
    ("dict", lambda x: {0: x}),
    ("set/frozenset", lambda x: frozenset([x]) if x is None or isinstance(x, frozenset) and len(x) < 2 else frozenset([x])),
    ("instance", Node),
    ("slots", Slot),
    ("iter", lambda x: iter([x])),
    ("cell", lambda x: (lambda: x)),
    ("method", lambda x: Node(x).__init__),
    ("enumerate", lambda x: enumerate([x])),
    ("zip", lambda x: zip([x])),
    ("map", lambda x: map(None, [x])),
    ("slice", lambda x: slice(x)),
    ("property", lambda x: property(x)),
    ("staticmethod", lambda x: staticmethod(x)),
    ("classmethod", lambda x: classmethod(x)),
    ("dict values", lambda x: {0: x}.values()),
    ("reversed", lambda x: reversed([x])),
    ("filter", lambda x: filter(None, [x])),
    ("generator", lambda x: (y for y in [x])),
    ("default arg", lambda x: (lambda a=x: a)),
    ("exception cause", lambda x: ValueError().with_traceback(None) if x is None else _cause(x)),
]
def _cause(x):
    e = ValueError()
    e.__cause__ = x
    return e
x = []
for i in range(10**6):          # the million-deep nested list of the issue
    x = [x]
del x
print("million-deep list freed")
for name, make in kinds:
    x = chain(make)
    del x
    print(name, "freed")
