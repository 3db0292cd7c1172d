# math's constants: values, types, signs, and that nan is a positive quiet nan
import math
print(math.pi, math.e, math.tau, math.inf, math.nan)
print(type(math.pi).__name__, type(math.inf).__name__, type(math.nan).__name__)
print(math.tau == 2 * math.pi, math.inf > 1e308, -math.inf < -1e308, math.nan != math.nan)
print(math.copysign(1.0, math.nan), math.copysign(1.0, math.inf), math.isnan(math.nan), math.isinf(-math.inf))
print(repr(math.pi), str(math.e), math.pi.hex(), math.e.hex())
print(math.__name__, math.__doc__)
