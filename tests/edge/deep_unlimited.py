# with sys.setrecursionlimit(10**9) (CPython segfaults on most of these) every deep C
# recursion and runaway Python recursion ends in RecursionError or MemoryError
import sys
sys.setrecursionlimit(10**9)
def t(label, f):
    try:
        f()
        print(label, "ok")
    except (RecursionError, MemoryError) as e:
        print(label, type(e).__name__)
N = 200000
l = []
for i in range(N):
    l = [l]
t("repr list", lambda: repr(l))
l2 = []
for i in range(N):
    l2 = [l2]
t("eq list", lambda: l == l2)
tu = ()
for i in range(10**6):
    tu = (tu,)
t("hash tuple", lambda: hash(tu))
d = {}
for i in range(N):
    d = {1: d}
t("repr dict", lambda: repr(d))
class R:
    def __init__(self, c): self.c = c
    def __repr__(self): return repr(self.c)
    def __eq__(self, o): return self.c == o.c
    def __getitem__(self, k): return self.c[k]
    def __hash__(self): return hash(self.c)
r = None
for i in range(N):
    r = R(r)
t("__repr__ chain", lambda: repr(r))
t("__eq__ chain", lambda: r == r.c)
t("__getitem__ chain", lambda: r[0])
t("__hash__ chain", lambda: hash(r))
def g(n):
    if n:
        yield from g(n - 1)
    else:
        yield 1
t("yield from chain", lambda: next(g(N)))
def inf(n):
    return inf(n + 1)
t("infinite recursion", lambda: inf(0))
def inf_c(n):
    return repr(R(None)) and sorted([1, 2], key=lambda k: inf_c(n + 1))
t("infinite recursion through C", lambda: inf_c(0))
