# factorial of a negative number raises ValueError
import math
print(math.factorial(5))
math.factorial(-5)
