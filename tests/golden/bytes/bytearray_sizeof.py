# bytearray sizes follow CPython 3.11's resize policy (56 + allocated bytes), including logical-offset deletion
import sys
print([sys.getsizeof(x) for x in (bytearray(), bytearray(b'a'), bytearray(b'abc'), bytearray(10), bytearray(range(20)), bytearray([1] * 100))])
b = bytearray()
sizes = []
for i in range(40):
    b.append(1)
    sizes.append(sys.getsizeof(b))
print(sizes)
b = bytearray()
sizes = []
for i in range(20):
    b.extend(b'xyz')
    sizes.append(b.__alloc__())
print(sizes)
b = bytearray()
print([(b.extend(iter([1, 2, 3])), b.__sizeof__())[1] for i in range(10)])
b = bytearray(b'x' * 10)
del b[:5]
print(sys.getsizeof(b))
b.append(1)
print(sys.getsizeof(b))
b = bytearray(b'abc')
b.clear()
print(sys.getsizeof(b))
b = bytearray(b'abc')
b *= 3
print(sys.getsizeof(b))
b = bytearray(b'abcdef')
print(sys.getsizeof(b.copy()), sys.getsizeof(b + b), sys.getsizeof(b * 2), sys.getsizeof(b[1:3]))
b.pop()
b.pop(0)
print(sys.getsizeof(b))
b.insert(0, 65)
print(sys.getsizeof(b))
print(sys.getsizeof(bytearray(iter([1, 2, 3]))), sys.getsizeof(bytearray((1, 2, 3))), sys.getsizeof(bytearray(x for x in range(10))))
print(sys.getsizeof(bytearray([1, 2, 'x'][:2])), sys.getsizeof(bytearray('abc', 'ascii')))
