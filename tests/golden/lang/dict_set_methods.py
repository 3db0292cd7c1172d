# dict and set methods and views, ordering, errors, comprehension-free construction.
d = {'b': 2, 'a': 1}
d['c'] = 3
print(d, d.get('a'), d.get('z'), d.get('z', 0), d.setdefault('a', 9), d.setdefault('e', 5), d)
print(d.pop('e'), d.pop('zz', 'dflt'), d.popitem(), d, len(d), 'a' in d, 'zz' not in d)
print(list(d.keys()), list(d.values()), list(d.items()), d.keys() & {'a', 'q'}, sorted(d.keys() | {'x'}))
d.update({'x': 10}, y=20)
d.update([('z', 26)])
print(d, d.copy() == d, d.copy() is d, dict.fromkeys([1, 2]), dict.fromkeys('ab', []), dict([(1, 2)]), dict(a=1))
k = d.keys()
d['new'] = 0
print(k, len(k), 'new' in k, type(k).__name__, type(d.values()).__name__, type(d.items()).__name__)
print(list(reversed(d)), list(reversed(d.items()))[:2], d | {'q': 1}, {1: 2} == {1: 2.0}, {1: 2} != {1: 3})
d |= {'merged': True}
print(d)
del d['x']
d.clear()
print(d, {}, dict(), bool({}), bool({0: 0}))
try:
    {}['missing']
except KeyError as e:
    print('KeyError:', e, repr(e))
try:
    {}.pop('x')
except KeyError as e:
    print('KeyError:', e)
try:
    {}.popitem()
except KeyError as e:
    print('KeyError:', e)
try:
    {[]: 1}
except TypeError as e:
    print('TypeError:', e)
try:
    dd = {'a': 1}
    for key in dd:
        dd['b'] = 2
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    dict([1, 2])
except TypeError as e:
    print('TypeError:', e)
order = {}
order['z'] = 1; order['a'] = 2; order['m'] = 3
del order['a']; order['a'] = 4
print(list(order), {1: 'int', 1.0: 'float', True: 'bool'}, {(1, 2): 't'}[(1, 2)])
s = {3, 1, 2}
s.add(4); s.add(1); s.discard(10); s.remove(3)
print(s, len(s), 2 in s, s.pop() in {1, 2, 4}, sorted(s))
a, b = {1, 2, 3}, {2, 3, 4}
print(a | b, a & b, a - b, a ^ b, a <= b, {2} < a, a >= {1}, a.isdisjoint({9}), a.issubset(range(5)), a.issuperset([1]))
print(a.union([9], (8,)), a.intersection(b, {3}), a.difference(b), a.symmetric_difference(b), a.copy())
c = set('hello')
c.update('xy', [1])
c.intersection_update('helxy1')
c.difference_update('x')
c.symmetric_difference_update({'q', 'y'})
print(sorted(c, key=str), set(), frozenset(), frozenset([1, 2]), {frozenset([1]): 'fs'}, set([1, 1, 2]))
try:
    set().pop()
except KeyError as e:
    print('KeyError:', e)
try:
    {1}.remove(2)
except KeyError as e:
    print('KeyError:', e)
try:
    {{1}}
except TypeError as e:
    print('TypeError:', e)
fs = frozenset('abc')
print(sorted(fs | {'d'}), type(fs | {'d'}).__name__, type({'d'} | fs).__name__, hash(fs) == hash(frozenset('cba')), fs == set('abc'))
try:
    fs.add('x')
except AttributeError as e:
    print('AttributeError:', e)
print({1, 2} == {2, 1}, {1} == frozenset({1}), set('aab') == {'a', 'b'}, {i % 3 for i in range(9)}, len({0, 0.0, False}))
dk = {'a': 1, 'b': 2}
print(dk.items() - {('a', 1)}, ('a', 1) in dk.items(), list(dk.values()) == [1, 2], max(dk, key=dk.get), sorted(dk.items(), key=lambda kv: -kv[1]))
counts = {}
for ch in 'mississippi':
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
nested = {'a': {'b': {'c': 1}}}
print(nested['a']['b']['c'], {**nested, 'x': 1}, repr({'k': "v'"}), str({1: [2]}))
