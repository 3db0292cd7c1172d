# repr of set and frozenset: empty forms, sorted int order, nesting, subclasses, tuples
print(set(), frozenset())
print({3, 1, 2}, frozenset([3, 1, 2]))
print({(1, 2), (1, 2)}, {frozenset(), frozenset([1])})
print(repr({-5}), str({10, 20}))
print(frozenset([frozenset([1, 2])]))
class S(set):
    pass
class F(frozenset):
    pass
print(S(), S([2, 1]), F(), F([5]))
print([{1}, frozenset({2})], {'k': {1, 2}})
print({1.5, 2.5}, {True}, {0, False}, {1, 1.0, True})
