# int methods and attributes: bit_length, bit_count, to_bytes/from_bytes, round, ratio, real/imag
for v in [0, 1, -1, 255, -256, 2**64, -(2**100 - 1)]:
    print(v, v.bit_length(), v.bit_count(), v.as_integer_ratio(), v.real, v.imag,
          v.numerator, v.denominator, v.conjugate())
print((1024).to_bytes(2, 'big'), (1024).to_bytes(2, 'little'), (5).to_bytes())
print((-1).to_bytes(2, 'big', signed=True), (255).to_bytes(length=3, byteorder='little'))
print(int.from_bytes(b'\xff\x00', 'big'), int.from_bytes(b'\xff\x00', 'little', signed=True))
print(int.from_bytes([1, 2, 3]), int.from_bytes(b''), int.from_bytes(bytearray(b'\x80'), signed=True))
for args in [(256, 1), (-1, 1)]:
    try:
        args[0].to_bytes(args[1], 'big')
    except OverflowError as e:
        print('OverflowError', e)
try:
    (1).to_bytes(1, 'middle')
except ValueError as e:
    print('ValueError', e)
try:
    (1).to_bytes(-1)
except ValueError as e:
    print('ValueError', e)
for v, n in [(1234, -2), (25, -1), (35, -1), (-25, -1), (1250, -2), (1350, -2), (5, 2),
             (7, -5), (10**20 + 5 * 10**9, -10)]:
    print(round(v, n), type(round(v, n)).__name__)
print(round(17), (17).__round__(), (17).__trunc__(), (17).__floor__(), (17).__ceil__())
print((7).__getnewargs__(), (7).__sizeof__(), (2**30).__sizeof__(), (0).__sizeof__())
import sys
print(sys.getsizeof(0), sys.getsizeof(1), sys.getsizeof(2**30), sys.getsizeof(2**60), sys.getsizeof(-(2**90)))
print(int.__doc__.splitlines()[0], int.bit_length.__doc__.splitlines()[0])
