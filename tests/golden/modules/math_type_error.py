# a non-number argument raises TypeError: must be real number, not str
import math
print(math.cos(0))
math.cos('0')
