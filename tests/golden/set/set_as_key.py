# a set used as a lookup key is converted to a frozenset (CPython's set_contains fallback)
s = {frozenset([1]), 2}
print({1} in s, {2} in s, set() in s, frozenset([1]) in s)
s.remove({1})
print(s)
s.discard({2})
s.discard(set())
print(s)
try:
    s.remove({3})
except KeyError as e:
    print('KeyError', e)
try:
    [1] in s
except TypeError as e:
    print(e)
try:
    s.add({1})
except TypeError as e:
    print(e)
print({frozenset()} == {frozenset()}, {frozenset([1, 2])} & {frozenset([2, 1])})
