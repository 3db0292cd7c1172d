# int arithmetic on values up to 2**60 (two 30-bit digits: the VM computes these in C)
# against CPython: signs of // and %, overflow of products, in-place forms

vals = [0, 1, -1, 7, -7, 2**30 - 1, 2**30, -(2**30), 2**31 + 5, -(2**45) - 3, 2**59, -(2**59), 2**60 - 1, -(2**60) + 1, 2**60, 123456789012, -98765432109]
out = []
for a, b in [(p, q) for p in vals for q in vals]:
    r = [a + b, a - b, a * b, a & b, a | b, a ^ b]
    if b:
        r += [a // b, a % b]
    x = a; x += b; x -= 3; x *= 2; x %= 1009; x //= 7
    r.append(x)
    out.append(hash(tuple(r)))
print(len(out), sum(out) % 1000000007)
i = 2**31
s = 0
while i < 2**31 + 100000:
    s = (s + i * i) % 1000003
    i += 1
print(s, (2**40) * (2**25), (-(2**40)) // 3, (2**59) * 2, (2**59) * 4)
