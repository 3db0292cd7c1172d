# At exit the objects still referenced by __main__ are finalized the way CPython 3.11
# does it: __main__ leaves sys.modules, its dict is kept alive by the cycle through its
# functions and classes, and the collector finalizes what it alone reaches -- in the
# collector's list order, with every global still readable -- before clearing anything.
# Containers freed afterwards free their items last-first (lists) or in order (dicts).
class T:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name, "T is", type(T).__name__, "- a is", type(a).__name__)


a = T("a")
b = T("b")
_private = T("_private")
c = T("c")
items = [T("item0"), T("item1")]
table = {"k": T("dict value")}
ring = T("self cycle")
ring.me = ring
p = T("p")
q = T("q")
p.other = q
q.other = p
print("end of script")
