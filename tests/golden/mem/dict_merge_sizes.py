# dict(), update() and ** merges: one resize up front sized for both, the clone of a compact
# combined source, general keys for int keys.
import sys
gs = sys.getsizeof
for n in (1, 3, 5, 6, 10, 11, 20, 40):
    a = {i: i for i in range(n)}
    b = {str(i): i for i in range(n)}
    h = dict(a); del h[0]
    e = {}; e.update(a)
    f = {'q': 1}; f.update(b)
    g = {1: 1}; g.update(a)
    print(n, gs(dict(a)), gs(dict(b)), gs(dict(h)), gs(e), gs(f), gs(g), gs({**a, **b}), gs(dict(h, x=1)))
