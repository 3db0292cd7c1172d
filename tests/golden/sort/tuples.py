# Tuple keys: == on items until one differs, then '<' (the first items through the fast path).
log = []


class E:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        log.append(('eq', self.v, other.v))
        return self.v == other.v

    def __lt__(self, other):
        log.append(('lt', self.v, other.v))
        return self.v < other.v

    __hash__ = None

    def __repr__(self):
        return 'E%d' % self.v


print(sorted([(E(2), 'b'), (E(1), 'z'), (E(2), 'a'), (E(1), 'y'), (E(3), 'c')]))
print(log)
log.clear()
print(sorted([(1, E(2)), (1, E(1)), (0, E(5)), (1, E(1))]))
print(log)
log.clear()
print(sorted([(E(1), E(2)), (E(1), E(1))], reverse=True))
print(log)
print(sorted([(2, 'b'), (1, 'z'), (2, 'a'), (1,), (1, 'y', 0), (1, 'y')]))
print(sorted([('b', 2), ('a', 3), ('b', 1), ('a', 1)]))
print(sorted([((2, 1), 0), ((1, 2), 1), ((1, 1), 2), ((1, 1), 1)]))
print(sorted([(1, 2), (), (0,)]))
print(sorted([(1, 'a'), (1.5, 'b'), (0, 'c'), (True, 'd')]))
print(sorted([(10 ** 30, 1), (5, 2), (-10 ** 30, 3), (5, 1)]))
print(sorted([(0.5, 'x'), (-0.0, 'y'), (0.0, 'z'), (float('inf'), 'w')]))
print(sorted([('é', 1), ('e', 2), ('€', 3), ('z', 0), ('ä', 5), ('e', 1)]))
print(sorted(['é', 'e', '€', 'z', 'ä', '😀', 'ab', 'a', '', 'ÿ', 'Ā']))
print(sorted(['b', 'a', 'c']), sorted(['ä', 'a', 'ÿ']))
seed = 5
pairs = []
for i in range(500):
    seed = (seed * 1103515245 + 12345) % 2147483648
    pairs.append((seed % 7, str(seed % 13), i))
s = sorted(pairs)
print(s[:6], sum(p[2] * j for j, p in enumerate(s)))
print(sorted(pairs, key=lambda p: p[:2], reverse=True)[:6])
