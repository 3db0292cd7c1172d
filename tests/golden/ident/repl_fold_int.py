# Int folding stops at 128 bits: a ** b when bit_length(a) * b <= 128, a << b and a * b
# when the result fits; + and - always fold.  An unfolded expression makes a new int each
# time it runs.
a = 2 ** 64
b = 2 ** 64
print(a is b)
c = 2 ** 128
d = 2 ** 128
print(c is d)
e = 2 ** 129
f = 2 ** 129
print(e is f, e == f)
g = 3 ** 80
h = 3 ** 80
print(g is h)
i = 3 ** 81
j = 3 ** 81
print(i is j)
k = 1 << 127
m = 1 << 127
print(k is m)
n = 1 << 128
o = 1 << 128
print(n is o)
p = 2 ** 64 * 2 ** 63
q = 2 ** 64 * 2 ** 63
print(p is q)
r = 2 ** 64 * 2 ** 65
s = 2 ** 64 * 2 ** 65
print(r is s)
t = 2 ** 100 + 2 ** 100
u = 2 ** 100 + 2 ** 100
print(t is u)
v = 10 ** 38
w = 10 ** 38
print(v is w)
x = 10 ** 39
y = 10 ** 39
print(x is y)
z1 = -(2 ** 70)
z2 = -(2 ** 70)
print(z1 is z2)
z3 = 18446744073709551616
print(z3 is a, z3 == a)
