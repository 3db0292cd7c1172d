# bytes * int folds up to 4096 bytes; tuple * int up to 256 items (and 1024 items in all
# for nested tuples); a constant tuple is one object in its unit.
a = b'x' * 4096
b = b'x' * 4096
print(a is b)
a = b'x' * 4097
b = b'x' * 4097
print(a is b, a == b)
t1 = (1,) * 256
t2 = (1,) * 256
print(t1 is t2)
t1 = (1,) * 257
t2 = (1,) * 257
print(t1 is t2)
t1 = (1, 2) * 128
t2 = (1, 2) * 128
print(t1 is t2)
t1 = (1, 2) * 129
t2 = (1, 2) * 129
print(t1 is t2)
n1 = ((1, 2, 3),) * 200
n2 = ((1, 2, 3),) * 200
print(n1 is n2)
n1 = ((1, 2, 3, 4, 5, 6),) * 200
n2 = ((1, 2, 3, 4, 5, 6),) * 200
print(n1 is n2)
c1 = (1, 'x y', 2.5)
c2 = (1, 'x y', 2.5)
print(c1 is c2, c1[1] is c2[1])
v = 1
d1 = (v, 2)
d2 = (v, 2)
print(d1 is d2)
e1 = (1, 2) + (3,)
e2 = (1, 2, 3)
print(e1 is e2)
