# id() is the address: an object freed before the next allocation of the same kind gives
# its memory (free list or allocator block) to the new one.
print(id([]) == id([]), id({}) == id({}), id(()) == id(()), id(object()) == id(object()))
print(id([1]) == id([2]), id((1, 2)) == id((3, 4)), id(1.5 * 2) == id(2.5 * 2))
x = 2000
print(id(x + 1) == id(x + 2), id(str(x)) == id(str(x + 1)))
a = [1, 2]
i = id(a)
del a
b = [3, 4]
print(id(b) == i)
c = x * 1.5
j = id(c)
del c
d = x * 2.5
print(id(d) == j)


class A:
    pass


o1 = A()
p = id(o1)
del o1
o2 = A()
print(id(o2) == p)
print(len({id(k) for k in range(300, 310)}))
print(id(x) == id(2000), x.__add__ is x.__add__, id(x.__add__) == id(x.__add__))
