# hash() of ints and floats is CPython's exactly, whatever PYTHONHASHSEED is
vals = [0, 1, -1, -2, 2**61 - 1, 2**61, -(2**61), 2**64 + 5, -(10**30), 10**100,
        0.0, -0.0, 0.5, -1.5, 1e300, 1e-300, 3.141592653589793, float("inf"), float("-inf"),
        2.0**61, 1 / 3, True, False, complex(1, 2), complex(0, -1.5)]
print([hash(v) for v in vals])
print(hash(1.0) == hash(1), hash(2**70) == hash(float(2**70)), hash(-1) == hash(-2))
