# An inconsistent __lt__ (a fixed pseudo-random answer per call) gives CPython's exact permutation.
seed = 2024


def coin():
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 16) & 1


class R:
    calls = 0

    def __init__(self, i):
        self.i = i

    def __lt__(self, other):
        R.calls += 1
        return bool(coin())


for n in (2, 3, 7, 20, 64, 65, 150, 700):
    R.calls = 0
    items = [R(i) for i in range(n)]
    items.sort()
    order = [r.i for r in items]
    assert sorted(order) == list(range(n))
    print(n, R.calls, order if n <= 20 else sum(i * x for i, x in enumerate(order)))

# the same with a key function and reverse=True
R.calls = 0
out = sorted(range(100), key=R, reverse=True)
print(R.calls, out[:10], sum(i * x for i, x in enumerate(out)))
