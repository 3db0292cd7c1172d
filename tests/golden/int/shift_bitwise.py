# shifts floor negative numbers; & | ^ ~ behave as infinite two's complement
vals = [0, 1, -1, 5, -5, 2**30 - 1, -(2**30), 2**60 + 3, -(2**60 + 3), 2**95 - 1, -(2**95)]
for a in vals:
    print(a, [a & b for b in vals[::3]], [a | b for b in vals[::3]], [a ^ b for b in vals[::3]], ~a)
for a in [1, -1, 5, -5, 2**100 + 1, -(2**100 + 1), -(2**100)]:
    print([a << s for s in (0, 1, 30, 31, 65)], [a >> s for s in (0, 1, 30, 31, 101, 1000)])
print(-1 >> 10**20, 5 >> 10**20, 0 << 10**20)
