# int results take CPython's block sizes: x_add/x_sub/x_mul/long_bitwise allocate before
# normalising, so a two-digit sum lives in a 48-byte block
x = 10**12
for expr in ['x + 1', 'x - 1', '-x - 1', 'x * 3', 'x & (2**40 - 1)', '-x | 7', 'x ^ 5', 'x // 7', 'x % 7']:
    y = eval(expr)
    k = id(y)
    del y
    b = bytes(10)
    print(expr, id(b) == k)
    del b


def hot(x, n):
    # the same after the instruction has specialised
    r = []
    for i in range(n):
        y = x + i
        k = id(y)
        del y
        b = bytes(10)
        r.append(id(b) == k)
        del b
    return r[-1]


print(hot(10**12, 200), hot(-10**12, 200), hot(5, 200))
