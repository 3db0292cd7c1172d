# memerr: importing built-in modules and calling into them
import math
import gc
import sys
print(math.sqrt(2), math.factorial(20), math.gcd(12, 18), math.isclose(0.1 + 0.2, 0.3))
print(gc.isenabled(), sys.getrecursionlimit(), len(sys.argv), type(sys.modules).__name__)
from math import pi, floor
print(round(pi, 3), floor(-2.5), sys.maxsize > 2**31)
