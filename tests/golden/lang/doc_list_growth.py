# The memory article's list demo: a list is one block of slots that over-allocates as it
# grows (CPython 3.11: new capacity (n + n // 8 + 6) & ~3), keeps its identity when it
# grows, and insert()/pop() move the elements after the index.
import sys
a = [10, 20, 30, 40]
print(a, sys.getsizeof(a))
addr = id(a)
a.append(50)
print(a, 'same object after append:', id(a) == addr)
slots = (sys.getsizeof(a) - sys.getsizeof([])) // 8
print('slots allocated', slots, 'slots used', len(a))
b = [10, 20, 30, 40]
b.insert(2, 50)
print(b, b.index(50))
print(b.pop(), b, b.pop(0), b, b.pop(1), b)
mixed = [10, 20, 'abc', True, []]
print(mixed, [type(x).__name__ for x in mixed])
growth = []
lst = []
last = sys.getsizeof(lst)
for i in range(100):
    lst.append(i)
    size = sys.getsizeof(lst)
    if size != last:
        growth.append((len(lst), (size - sys.getsizeof([])) // 8))
        last = size
print(growth)
c = list(range(10))
print(sys.getsizeof(c), sys.getsizeof(c[:]), sys.getsizeof(c * 2), sys.getsizeof([0] * 10))
while c:
    c.pop()
print(sys.getsizeof(c), c)
d = []
d.extend(range(5))
print(sys.getsizeof(d), sys.getsizeof([1, 2, 3]), sys.getsizeof(list(range(3))), sys.getsizeof([x for x in range(3)]))
