# comparisons between ints and with floats (exact), and hash() of ints
import math
print(2**53 + 1 == 2.0**53, 2**53 + 1 > 2.0**53, 2**53 == 2.0**53, 10**30 < 1e30)
print(2**1025 < math.inf, -(2**1025) > -math.inf, 5 < 5.5, -5 > -5.5, 0 == -0.0)
print(1 == 1.0, hash(1) == hash(1.0) == hash(True), {1: 'a', 1.0: 'b', True: 'c'})
print(1 < 2 < 3, 3 > 2 >= 2, 2**100 > 2**99, -(2**100) < -(2**99), 7 != 7)
print(sorted([3, -(2**70), 2**70, 0, -1, 2**30, 2.5]))
for v in [0, 1, -1, -2, 2**61 - 2, 2**61 - 1, 2**61, -(2**61), 2**100, -(2**100), 10**40 + 17]:
    print(v, hash(v))
print(max(2**64, 2**64 + 1), min(-5, -(2**40)), abs(-(2**80)))
