# C-level recursion on 100000-deep structures ends in RecursionError, never a crash:
# repr/str/== of nested containers, __repr__/__eq__/__getitem__ calling back into Python
def t(label, f):
    try:
        r = f()
        print(label, "ok", type(r).__name__)
    except RecursionError:
        print(label, "RecursionError")
N = 100000
l = []
for i in range(N):
    l = [l]
t("repr list", lambda: repr(l))
t("str list", lambda: str(l))
l2 = []
for i in range(N):
    l2 = [l2]
t("eq list", lambda: l == l2)
tu = ()
for i in range(N):
    tu = (tu,)
t("repr tuple", lambda: repr(tu))
d = {}
for i in range(N):
    d = {1: d}
t("repr dict", lambda: repr(d))
class R:
    def __init__(self, c): self.c = c
    def __repr__(self): return repr(self.c)
    def __eq__(self, o): return self.c == o.c
    def __getitem__(self, k): return self.c[k]
r = None
for i in range(N):
    r = R(r)
t("__repr__ chain", lambda: repr(r))
t("__eq__ chain", lambda: r == r.c)
t("__getitem__ chain", lambda: r[0])
