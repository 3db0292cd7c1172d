# NotImplemented and Ellipsis are ordinary objects with a count in CPython 3.11: its
# start-up holds 5 and 16 references to them (19 to Ellipsis at the prompt).
import sys
x = ...
l = [..., ..., NotImplemented]
def f(): return ...
print(sys.getrefcount(...), sys.getrefcount(NotImplemented))
class A:
    def __eq__(s, o): return NotImplemented
print(A() == 1, sys.getrefcount(NotImplemented))
del l, x
print(sys.getrefcount(...), sys.getrefcount(NotImplemented), ... is Ellipsis)
