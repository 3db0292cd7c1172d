# None, True and False are ordinary objects in CPython 3.11, referred to thousands of times
# by its start-up objects: sys.getrefcount shows their real counts, which move with the
# program's own references.  (None's varies by a few dozen from run to run in CPython, so
# only its range is printed.)
import sys
print(sys.getrefcount(True), sys.getrefcount(False))
n = sys.getrefcount(None)
print(5000 < n < 6000)
x = [None] * 10
print(sys.getrefcount(None) - n)
flags = [True] * 3 + [False]
print(sys.getrefcount(True), sys.getrefcount(False))
del x, flags
print(sys.getrefcount(None) - n, sys.getrefcount(True), sys.getrefcount(False))
