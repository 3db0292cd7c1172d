# big-number algorithms: factorial, Fibonacci, powers, Karatsuba-sized products, pow(a, b, m)
import sys
f = 1
for i in range(1, 601):
    f *= i
print(len(str(f)), f % (10**20), f.bit_length())
a, b = 0, 1
for _ in range(3000):
    a, b = b, a + b
print(a % 10**30, a.bit_length())
x = 3**5000
y = 7**4000
p = x * y
print(p.bit_length(), hash(p), p // y == x, p % y, p % (10**25))
print(x * x == x**2, (x * x) // x == x)
print(pow(3, 10**30, 10**9 + 7), pow(2, -1, 10**9 + 7), pow(-7, 12345, -1000))
print(pow(12345678901234567890, 98765432109876543210, 2**127 - 1))
print(2**1000 // 3**300, 2**1000 % 3**300)
print(-(10**50) // 7, -(10**50) % 7, divmod(10**50, -(3**40)))
print((2**100 - 1) ** 3)
print(sum(range(10**6)), sum(i * i for i in range(1000)))
n = 1
for i in range(200):
    n = n * 31 + i
print(n, n >> 500, n >> 917, n << 45)
print(str(2**4000)[:50], str(-(3**2000))[-50:])
