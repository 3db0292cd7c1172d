# + - * // % divmod on small and multi-digit ints, every sign combination
vals = [0, 1, -1, 7, -7, 2**30 - 1, 2**30, -(2**30), 2**31 + 5, -(2**62 + 3), 10**25 + 1, -(10**25 + 1)]
for a in vals:
    for b in vals:
        line = [a + b, a - b, a * b]
        if b:
            line += [a // b, a % b, divmod(a, b)]
        print(a, b, *line)
