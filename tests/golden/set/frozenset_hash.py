# frozenset hashing (3.11 algorithm), use as dict keys and set members, identity rules
print(hash(frozenset()), hash(frozenset([1, 2, 3])), hash(frozenset(range(100))))
print(hash(frozenset([-1])), hash(frozenset([-2])), hash(frozenset([frozenset([1]), frozenset()])))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), hash(frozenset([(1, 2)])))
d = {frozenset([1, 2]): 'a', frozenset(): 'b'}
print(d[frozenset([2, 1])], d[frozenset()], frozenset({1, 2}) in d)
s = {frozenset([1]), frozenset([1]), frozenset([2])}
print(len(s))
f = frozenset([1, 2])
print(frozenset(f) is f, frozenset() is frozenset(), f.copy() is f, set(f) is f)
class F(frozenset):
    pass
g = F([1])
print(frozenset(g) is g, type(frozenset(g)).__name__, g.copy() is g, type(g.copy()).__name__)
print(hash(g) == hash(frozenset([1])))
try:
    hash({1})
except TypeError as e:
    print(e)
print(frozenset.__hash__ is not None, set.__hash__)
