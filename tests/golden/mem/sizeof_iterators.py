# sys.getsizeof of the iterator objects and lazy builtins (each a small fixed struct, GC
# header included where the type is GC-tracked).
import sys
gs = sys.getsizeof
d = {1: 2}
class Seq:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return i
its = [iter([]), iter(()), iter('abc'), iter(b'ab'), iter(bytearray()),
       iter(range(3)), iter(range(2 ** 100)), iter(d), iter(d.values()), iter(d.items()),
       reversed(d), iter(set()), iter(frozenset()), reversed([1]), reversed(range(3)),
       reversed('ab'), enumerate([]), enumerate([], 2 ** 70), zip(), zip([1], [2]),
       map(abs, []), filter(None, []), iter(Seq()), iter(lambda: 1, 1),
       (x for x in [])]
for it in its[:-1]:
    print(type(it).__name__, gs(it))
