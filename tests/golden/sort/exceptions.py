# An exception from __lt__ mid-sort leaves the list a permutation of its items, in CPython's
# exact state (reverse=True is undone too); a failing key function leaves the list as it was.
class Boom(Exception):
    pass


class K:
    budget = 0

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        K.budget -= 1
        if K.budget < 0:
            raise Boom(self.v, other.v)
        return self.v < other.v


seed = 77


def lcg(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n


for n, budget, rev in [(10, 5, False), (10, 12, True), (70, 100, False), (70, 260, False),
                       (300, 700, False), (300, 1600, True), (300, 2100, False)]:
    vals = [lcg(1000) for _ in range(n)]
    items = [K(v) for v in vals]
    K.budget = budget
    try:
        items.sort(reverse=rev)
        print(n, budget, 'finished')
    except Boom as e:
        print(n, budget, 'Boom', e.args)
    got = [k.v for k in items]
    assert sorted(got) == sorted(vals)
    print('  ', got if n <= 10 else sum(i * x for i, x in enumerate(got)))

# the same with a key function: the items move with their keys
vals = [lcg(1000) for _ in range(200)]
K.budget = 900
lst = list(vals)
try:
    lst.sort(key=K)
except Boom as e:
    print('key Boom', e.args)
print(sum(i * x for i, x in enumerate(lst)), sorted(lst) == sorted(vals))


# a key function that raises: the list is unchanged, the keys made so far are released
# (last first), and nothing else happens
class Key:
    def __init__(self, v):
        self.v = v

    def __del__(self):
        print('del key', self.v)

    def __lt__(self, other):
        return self.v < other.v


def key(x):
    if x == 4:
        raise KeyError(x)
    return Key(x)


lst = [3, 1, 2, 4, 0]
try:
    lst.sort(key=key)
except KeyError as e:
    print('KeyError', e)
print(lst)
# on success the keys are released first to last
lst = [3, 1, 2]
lst.sort(key=Key)
print(lst)
lst.sort(key=Key, reverse=True)
print(lst)


# an exception from the truth value of __lt__'s result
class Bad:
    def __bool__(self):
        raise RuntimeError('no truth value')


class U:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return Bad() if self.v == 2 else self.v < other.v


lst = [U(5), U(2), U(9), U(1)]
try:
    lst.sort()
except RuntimeError as e:
    print('RuntimeError', e)
print([u.v for u in lst])
