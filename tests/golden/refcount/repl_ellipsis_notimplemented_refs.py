# NotImplemented and Ellipsis at the prompt: CPython's start-up holds 5 and 19 references.
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
