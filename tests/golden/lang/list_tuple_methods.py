# list and tuple methods, sort stability/key/reverse, copies, comparisons, errors.
l = [3, 1, 2]
l.append(4); l.extend([5, 6]); l.extend('ab'); l.insert(0, 'first'); l.insert(-1, 'mid'); l.insert(100, 'end')
print(l, len(l))
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove('a')
print(l, l.index(2), l.index(5, 2), l.count(1), [1, 1, 2].count(1))
nums = [5, 2, 8, 1, 9]
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
words = ['banana', 'Apple', 'cherry', 'date', 'Elder', 'fig']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
recs = [('b', 2), ('a', 2), ('c', 1), ('d', 1)]
print(sorted(recs, key=lambda r: r[1]), sorted(recs, key=lambda r: r[1], reverse=True))
r = [1, 2, 3]
r.reverse()
print(r, r.copy(), r.copy() is r, r[:] == r)
r.clear()
print(r, [] == [], [1, 2] < [1, 3], [1, 2] < [1, 2, 3], [[1]] == [[1]], [1] * 3, [0] * 0)
try:
    [1, 2].remove(3)
except ValueError as e:
    print('ValueError:', e)
try:
    [1, 2].index(3)
except ValueError as e:
    print('ValueError:', e)
try:
    [].pop()
except IndexError as e:
    print('IndexError:', e)
try:
    [1].pop(5)
except IndexError as e:
    print('IndexError:', e)
try:
    [1, 2][2]
except IndexError as e:
    print('IndexError:', e)
try:
    [1, 'a'].sort()
except TypeError as e:
    print('TypeError:', e)
try:
    l2 = [1]
    l2[5] = 0
except IndexError as e:
    print('IndexError:', e)
t = (1, 2, 2, 3)
print(t.count(2), t.index(3), t + (4,), t * 2, t[1:3], len(t), 2 in t, (1,) < (1, 2), tuple('ab'), tuple([1]))
print((), (1,), tuple(), type(()), (1, 2) == (1, 2), hash((1, 2)) == hash((1, 2)), max(t), min(t))
try:
    t.index(9)
except ValueError as e:
    print('ValueError:', e)
try:
    hash(([],))
except TypeError as e:
    print('TypeError:', e)
try:
    (1, 2)[5]
except IndexError as e:
    print('IndexError:', e)
a = [1, 2, 3]
b = a
a += [4]
a = a + [5]
print(a, b)
nested = [[0] * 2] * 2
nested[0][0] = 1
print(nested)
print(list(range(3)) + list('ab'), [i for i in reversed([1, 2, 3])], sum([[1], [2]], []))
print(sorted([3, 1, 2], key=lambda v: -v), list(reversed((1, 2))), list(enumerate('ab', 5)))
lst = list(range(10))
del lst[2]
del lst[-1]
print(lst, lst.__len__(), lst.__contains__(5), lst.__getitem__(0))
stable = sorted([(1, 'b'), (0, 'a'), (1, 'a'), (0, 'b')], key=lambda p: p[0])
print(stable)
print([1, 2, 3] == [1, 2, 3.0], [float('nan')] == [float('nan')], (1, [2]) == (1, [2]))
print(repr([1, 'a', None, 2.5, [3]]), str((1, 'a')), repr((1,)), repr([]), repr(()))
x = [1]
x.append(x)
print(x, len(x))
