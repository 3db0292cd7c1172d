# an uncaught math range error (exp overflow) ends the script
import math
print(math.exp(709))
print(math.exp(710))
