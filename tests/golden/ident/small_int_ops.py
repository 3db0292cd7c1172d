# Small ints -5..256 are preallocated: every operation that produces one returns the
# cached object; any other int it produces is a new object.
import math
x, y, z, big = 200, 56, 300, 2 ** 70


def same(a, b):
    return a is b


print('arith', same(x + y, 256), same(x + y + 1, 257), same(z - 44, 256), same(z - 43, 257))
print('neg', same(-x + 195, -5), same(-x + 194, -6), same(-(-x), 200), same(abs(-x), 200))
print('muldiv', same(x * 1, 200), same(x // 2, 100), same(z % 7, 6), same(divmod(z, 7)[0], 42))
print('pow', same(pow(2, 8), 256), same(2 ** y // 2 ** 50, 64), same(pow(3, 5, 7), 5))
print('bits', same(x & 0xff, 200), same(x | 1, 201), same(x ^ 3, 203), same(1 << 8, 256),
      same(z >> 1, 150), same(~x, -201), same(~(-6), 5), same(1 << 9, 512))
print('big', same(big - big, 0), same(big // (big // 7), 7), same(big % 7, big % 7),
      same(-big >> 68, -4), same((big + 3) & 7, 3), same(big >> 62, 256), same(big >> 61, 512))
print('int()', same(int('42'), 42), same(int(' -5 '), -5), same(int('ff', 16), 255),
      same(int(42.9), 42), same(int(True), 1), same(int('0b101', 0), 5),
      same(int(b'17'), 17), same(int('1_0'), 10), same(int('257'), 257))
print('round', same(round(41.6), 42), same(round(256.4), 256), same(round(250, -1), 250),
      same(math.floor(3.5), 3), same(math.ceil(3.5), 4), same(math.trunc(-3.5), -3))
print('len', same(len('abc'), 3), same(len([0] * 256), 256), same(len(range(300)), 300),
      same(len(range(257)), 257))
print('range', [i for i in range(250, 260) if i is not int(str(i))])
print('index', same([5, 6, 7][1], 6), same((1, 2, 3).index(3), 2), same('abc'.find('c'), 2),
      same('aaa'.count('a'), 3), same(b'abc'[1], 98), same(bytearray(b'x')[0], 120),
      same(range(300)[255], 255), same(range(300)[257], 257))
print('sum', same(sum([100, 100, 56]), 256), same(sum([100, 100, 57]), 257),
      same(sum(range(23)), 253), same(max(3, 250), 250), same(min([7, 9]), 7))
print('misc', same(ord('a'), 97), same(ord('\xff'), 255), same(hash(5), 5), same(hash(-1), -2),
      same(True + True, 2), same(int.from_bytes(b'\x10', 'big'), 16),
      same((255).bit_length(), 8), same(math.gcd(12, 18), 6), same(math.isqrt(65000), 254))
print('enum', same(list(enumerate('abc'))[2][0], 2), same(next(iter([200])), 200),
      same(slice(1, 5).indices(10)[1], 5), same({'a': 1}['a'], 1), same(x.real, 200))
