# sys.getsizeof of containers (16-byte GC header included, items not): tuple, list, dict
# and its views, set, frozenset, bytearray, range, slice.
import sys
gs = sys.getsizeof
x = 7
print('tuple', gs(()), gs((x,)), gs((x, x)), gs(tuple(range(10))), gs(tuple('abc' * 100)))
print('list', gs([]), gs([x]), gs([x, x, x]), gs(list(range(10))), gs([None] * 100))
print('dict', gs({}), gs({x: x}), gs({'a': x}), gs(dict(a=1, b=2, c=3, d=4, e=5, f=6)),
      gs({i: i for i in range(100)}), gs({str(i): i for i in range(100)}))
d = {'a': 1}
print('views', gs(d.keys()), gs(d.values()), gs(d.items()))
print('set', gs(set()), gs({x}), gs(set(range(5))), gs(set(range(100))), gs(set('abc')))
print('frozenset', gs(frozenset()), gs(frozenset(range(5))), gs(frozenset(range(1000))))
print('bytearray', gs(bytearray()), gs(bytearray(b'abc')), gs(bytearray(100)))
print('range', gs(range(0)), gs(range(10)), gs(range(-5, 2 ** 100, 3)))
print('slice', gs(slice(None)), gs(slice(1, 2)), gs(slice(1, 2, 3)))
