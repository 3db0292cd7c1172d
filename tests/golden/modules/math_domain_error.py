# an uncaught math domain error (sqrt of a negative number) ends the script
import math
print(math.sqrt(4))
print(math.sqrt(-1))
