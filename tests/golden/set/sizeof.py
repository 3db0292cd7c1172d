# sys.getsizeof of sets: 216 with the 8-slot small table, then table growth as CPython 3.11
import sys
print(sys.getsizeof(set()), sys.getsizeof(frozenset()), set().__sizeof__())
print(sys.getsizeof({1}), sys.getsizeof({1, 2, 3, 4, 5}), sys.getsizeof({1, 2, 3, 4, 5, 6, 7, 8, 9}))
s = set()
sizes = []
for i in range(40):
    s.add(i)
    sizes.append(sys.getsizeof(s))
print(sizes)
print([sys.getsizeof(set(range(n))) for n in (0, 4, 5, 18, 19, 100, 1000)])
print(sys.getsizeof(set(set(range(30)))), sys.getsizeof(frozenset(range(30))))
s = set(range(100))
s.clear()
print(sys.getsizeof(s))
s = set(range(100))
for i in range(95):
    s.discard(i)
print(sys.getsizeof(s))
s.difference_update(range(95, 99))
print(sys.getsizeof(s), s)
t = set(range(50))
t -= set(range(45))
print(sys.getsizeof(t), t)
print(sys.getsizeof({x for x in range(10)}), sys.getsizeof(set('abcdefghij')))
