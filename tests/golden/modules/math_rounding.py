# ceil/floor/trunc: exact int results, __ceil__/__floor__/__trunc__ lookups on the type, and their errors
import math
for v in [0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.0, 1e16 + 1, 1e300, -1e300, 2**70 + 0.0, 3, -3, 10**30, True, False]:
    r = (math.ceil(v), math.floor(v), math.trunc(v))
    print(repr(v), r, [type(x).__name__ for x in r])
class Num:
    def __ceil__(self): return 'ceil!'
    def __floor__(self): return 'floor!'
    def __trunc__(self): return 'trunc!'
    def __float__(self): return 2.5
class OnlyFloat:
    def __float__(self): return -2.5
class OnlyIndex:
    def __index__(self): return 7
class FloatSub(float):
    pass
class IntSub(int):
    pass
print(math.ceil(Num()), math.floor(Num()), math.trunc(Num()))
print(math.ceil(OnlyFloat()), math.floor(OnlyFloat()), math.ceil(OnlyIndex()), math.floor(OnlyIndex()))
print(math.ceil(FloatSub(2.5)), math.floor(FloatSub(-2.5)), math.trunc(FloatSub(-7.9)))
print(math.ceil(IntSub(5)), type(math.ceil(IntSub(5))).__name__, type(math.trunc(IntSub(5))).__name__)
for f in (math.ceil, math.floor, math.trunc):
    for v in [math.inf, -math.inf, math.nan, 'x', OnlyFloat(), None]:
        try:
            print(f.__name__, f(v))
        except (TypeError, ValueError, OverflowError) as e:
            print(f.__name__, type(e).__name__, e)
