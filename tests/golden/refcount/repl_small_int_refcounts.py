# The small ints -5..256 are cached, statically allocated objects with an immortal count,
# and CPython's start-up objects hold references to them: sys.getrefcount(1) is huge.
import sys
for v in [0, 1, 2, 3, 5, 7, 8, 10, 16, 42, 100, 127, 128, 255, 256, -1, -5]:
    print(v, sys.getrefcount(v))

x = 7
y = 7
print(x is y, sys.getrefcount(x) - sys.getrefcount(7))
big = 257
print(sys.getrefcount(big))
