# subclasses of int: construction, results of operations are plain ints, overridden dunders
class MyInt(int):
    def __repr__(self):
        return 'MyInt(%d)' % int(self)

m = MyInt(42)
print(m, repr(m), type(m).__name__, m + 1, type(m + 1).__name__, type(-m).__name__,
      type(+m).__name__, type(abs(m)).__name__, type(m * 1).__name__)
print(MyInt('ff', 16), MyInt(), MyInt(2**100) == 2**100, isinstance(m, int))
print(type(MyInt.from_bytes(b'\x01')).__name__, m.__getnewargs__(), type(m.real).__name__)
print(hash(m) == hash(42), m == 42, {m: 1}[42], int(m), type(int(m)).__name__)

class Weird(int):
    def __add__(self, other):
        return 'added'
    def __radd__(self, other):
        return 'radded'
print(Weird(1) + 1, 1 + Weird(1), Weird(3) * 2)
