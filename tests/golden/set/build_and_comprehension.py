# set displays, comprehensions and set() of generators, strings, dicts and bytes
print({1, 2, 2, 3}, {*range(3), *[2, 5]}, {x % 4 for x in range(10)})
print(set(x * x for x in range(-3, 4)), set({3: 'a', 1: 'b'}), set(b'abca'))
print(sorted(set('mississippi')), len(set('mississippi')))
print(frozenset(range(5)) == set(range(5)), set() == set([]), bool(set()), bool({0}))
a = [3, 1, 3]
print(set(a), a)
print({i: None for i in {5, 1}})
print(min({4, 2, 8}), max({4, 2, 8}), sum({1, 2, 3}), sorted({3, 1, 2}, reverse=True))
print(list(map(len, [{1, 2}, set(), frozenset([0])])))
