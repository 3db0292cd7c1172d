# Stability with keys and reverse; the key function runs once per item, in order.
recs = [('bob', 3), ('al', 1), ('cy', 3), ('di', 2), ('ed', 1), ('fi', 2), ('gu', 3), ('hy', 1)]
print(sorted(recs, key=lambda r: r[1]))
print(sorted(recs, key=lambda r: r[1], reverse=True))
print(sorted(recs, key=lambda r: -r[1], reverse=True))
calls = []


def key(x):
    calls.append(x)
    return x % 3


lst = [5, 3, 8, 1, 9, 2, 7]
lst.sort(key=key)
print(lst, calls)
calls.clear()
lst.sort(key=key, reverse=True)
print(lst, calls)
# 0 and 1 items: no comparison, but the key is still called for the one item
calls.clear()
one = [42]
one.sort(key=key)
empty = []
empty.sort(key=key)
print(one, empty, calls)
# many equal keys over several runs and merges keep input order
big = [(i * 7919) % 10 for i in range(1000)]
idx = sorted(range(1000), key=lambda i: big[i])
print(all(idx[j] < idx[j + 1] for j in range(999) if big[idx[j]] == big[idx[j + 1]]))
idx = sorted(range(1000), key=lambda i: big[i], reverse=True)
print(all(idx[j] < idx[j + 1] for j in range(999) if big[idx[j]] == big[idx[j + 1]]))
print(idx[:15])
# key=None is no key; reverse takes ints; sorted() of any iterable
print(sorted([3, 1, 2], key=None), sorted([3, 1, 2], reverse=1))
print(sorted('hello'), sorted((3, 1, 2)), sorted({'b': 1, 'a': 2}), sorted(range(5, 0, -1)))
print(sorted(x * x for x in range(-3, 4)), sorted({3, 1, 2}), sorted(b'cab'))
print(sorted([], key=len), sorted(iter([])), sorted([[2], [1, 1], []], key=len))
