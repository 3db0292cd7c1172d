# memerr: big ints, floats and their conversions
x = 3 ** 200
print(x % 1000007, len(str(x)), hex(x)[:12], x.bit_length())
print(int("12345678901234567890123456789") * 7, divmod(x, 10 ** 30)[1])
print(1.5e300 * 1e10, float("1e-5"), round(2.675, 2), 7 // 2, -7 % 3, 2 ** -1)
print(sum([0.1] * 10), complex(1, 2) * 3, int.from_bytes(b"\x01\x02", "big"))
