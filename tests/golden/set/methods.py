# set and frozenset methods with sets, iterables, dicts and several arguments
s = {1, 2, 3}
print(s.union(), s.union([4], (5,), {6: 0}), s.intersection([2, 3, 4], range(3)), s.intersection())
print(s.difference(), s.difference([1], {2}), s.symmetric_difference([3, 4, 4]))
print(s.isdisjoint([4, 5]), s.isdisjoint(iter([3])), s.issubset(range(5)), s.issubset([1, 2]))
print(s.issuperset([1]), s.issuperset(iter([])), s.issuperset({1: 0, 7: 0}))
t = s.copy()
t.add(4)
t.add(4)
print(t, s, t.copy() == t, t.copy() is t)
t.update([5], {6}, range(7, 9))
print(t)
t.difference_update([1, 2], {3})
print(t)
t.intersection_update(range(5, 20), [5, 6, 7, 100])
print(t)
t.symmetric_difference_update({7, 8, 9})
print(t)
t.symmetric_difference_update({5: 'x', 10: 'y'})
print(t)
t.discard(100)
t.discard(6)
print(t)
t.remove(8)
print(t, t.pop(), t)
t.clear()
print(t, len(t))
f = frozenset(s)
print(f.union([9]), f.intersection({2}), f.difference([1]), f.symmetric_difference([1, 9]))
print(f.copy() is f, f.isdisjoint(s), f.issubset(s), f.issuperset(s))
print(hasattr(f, 'add'), hasattr(f, 'update'), len(f), 2 in f, 5 in f, s.__contains__(2))
print(set.union({1}, [2]), frozenset.union(frozenset([1]), [3]))
try:
    s.remove(99)
except KeyError as e:
    print('KeyError', e)
try:
    s.remove((1, 2))
except KeyError as e:
    print('KeyError', e)
try:
    set().pop()
except KeyError as e:
    print('KeyError', e)
try:
    s.union(5)
except TypeError as e:
    print(e)
try:
    s.add([])
except TypeError as e:
    print(e)
try:
    s.update(1)
except TypeError as e:
    print(e)
