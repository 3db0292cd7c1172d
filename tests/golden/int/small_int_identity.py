# every int in [-5, 256] is one cached object, however it was computed; others are fresh
big = 2**100
seven, zero, minus1, minus5, m6, n256, n257 = 7, 0, -1, -5, -6, 256, 257
m7, m8, n255, t, six, one = -7, -8, 255, True, 6, 1
print(int('7') is seven, (big + seven - big) is seven, divmod(big + seven, big)[1] is seven,
      (big + seven) % big is seven, ((big + seven) & seven) is seven,
      ((seven << 100) >> 100) is seven)
print((big - big) is zero, (big * zero) is zero, (big // (big + one)) is zero,
      (-big >> 200) is minus1, abs(m7) is seven, -m7 is seven, (~m8) is seven,
      round(seven) is seven, int(7.9) is seven)
print(int('-5') is minus5, int('-6') is m6, int('256') is n256, int('257') is n257,
      (n255 + one) is n256, (n256 + one) is (n256 + one))
print(int.from_bytes(b'\x07') is seven, sum([3, 4]) is seven, len('abcdefg') is seven,
      (t + six) is seven, pow(seven, one, 1000) is seven, (seven * t) is seven)
