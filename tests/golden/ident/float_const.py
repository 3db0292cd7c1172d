# Floats are never cached: equal float literals are one object only as constants of one
# compilation unit; floats computed at run time are new objects.
a = 1.5
b = 1.5
print(a is b, a == b)
c = 0.0
d = -0.0
print(c is d, c == d)
x = 2.0
e = x * 1.0
f = x * 1.0
print(e is f, e == f)
g = 3.14; h = 3.14
print(g is h)
i = float('1.5')
print(i is a, i == a)
j = 1e300 * 1e10
k = 1e300 * 1e10
print(j is k, j == k)
c1 = 2j
c2 = 2j
print(c1 is c2)
