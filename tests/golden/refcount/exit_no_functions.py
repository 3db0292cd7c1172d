# A script without functions or classes of its own: nothing keeps __main__'s dict in a
# cycle, so it dies with the module, its values in insertion order.
import sys
x = [1, 2]
r = range(3)
values = {"a": 1}
print(sys.getrefcount(x))
