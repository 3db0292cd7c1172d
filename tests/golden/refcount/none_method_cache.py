# sys.getrefcount(None) moves with more than the names bound to None: CPython 3.11's
# method cache starts with each of its 4096 entries holding a reference to None, and an
# entry gives it up the first time a (type, attribute name) lookup fills it.  The first
# handled exception leaves None as the "handled exception" of the thread, which
# CPython's start-up has done already.
import sys

r = sys.getrefcount


def delta(before):
    return before - r(None)


a = r(None)
sys.stdout                       # a first lookup of an attribute of a module
print('first lookup:', delta(a))
a = r(None)
sys.stdout
print('same lookup again:', delta(a))
a = r(None)
sys.stderr                       # looked up by CPython's start-up already
print('start-up lookup:', delta(a))
a = r(None)
try:
    raise ValueError(1)
except ValueError:
    pass
print('first handled exception:', delta(a))
a = r(None)


def f():
    pass


print('def (its __doc__ is None):', delta(a))
a = r(None)


class A:
    pass


print('class:', delta(a))
a = r(None)
x = staticmethod(f)
print('staticmethod:', delta(a))
a = r(None)
lst = []
lst.append(1)
print('list.append:', delta(a))


# every change to a class gives it a new version, so each lookup after it is a new pair:
# the entries fill up, and None keeps the references of the rest of the program
class E:
    n = 0


for i in range(100000):
    E.n += 1
print('after 100000 class changes:', r(None) > 1000, E.n)
