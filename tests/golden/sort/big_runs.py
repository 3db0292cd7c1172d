# Big lists: ascending and descending runs, plateaus, random data from a fixed LCG, as ints,
# floats, strs, big ints and keys; plus the comparison count on a logged subset.
seed = 1


def lcg(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n


def checksum(lst):
    h = 0
    for x in lst:
        h = (h * 1000003 + hash(x)) % 2305843009213693951
    return h


n = 5000
runs = []
while len(runs) < n:
    start, length = lcg(10000), 1 + lcg(300)
    step = 1 if lcg(2) else -1
    runs.extend(range(start, start + step * length, step))
shapes = {
    'random': [lcg(100000) for _ in range(n)],
    'asc': list(range(n)),
    'desc': list(range(n, 0, -1)),
    'runs': runs[:n],
    'few': [lcg(4) for _ in range(n)],
    'plateaus': [(n - i) // 100 for i in range(n)],
    'asc+noise': [i if lcg(50) else lcg(n) for i in range(n)],
}
for name, data in shapes.items():
    a = sorted(data)
    assert all(a[i] <= a[i + 1] for i in range(n - 1))
    print(name, checksum(a), checksum(sorted(data, reverse=True)),
          checksum(sorted(range(n), key=data.__getitem__)),
          checksum(sorted(range(n), key=data.__getitem__, reverse=True)))
    print('  ', checksum(sorted([float(x) / 7 for x in data])),
          checksum(map(int, sorted([str(x) for x in data]))),
          checksum(sorted([x * 10 ** 12 - 5 * 10 ** 15 for x in data])))

count = 0


class C:
    __slots__ = ('v',)

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        global count
        count += 1
        return self.v < other.v


for name, data in shapes.items():
    count = 0
    items = [C(v) for v in data[:1500]]
    items.sort()
    c1 = count
    count = 0
    items = [C(v) for v in data[:1500]]
    items.sort(reverse=True)
    print(name, c1, count)
