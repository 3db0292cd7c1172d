# sys.getrefcount in the common cases: one more than the references you can see, because
# the call's own argument is one too.
import sys


class Thing:
    def __init__(self, ref=None):
        self.ref = ref


def callee(x):
    return sys.getrefcount(x)          # the caller's name, the parameter, the argument


def callee_alias(x):
    y = x
    return sys.getrefcount(x)


obj = Thing()
print("fresh object, one name:", sys.getrefcount(obj))
box = [obj]
print("also in a list:", sys.getrefcount(obj))
del box
print("list deleted:", sys.getrefcount(obj))
print("argument inside the callee:", callee(obj), callee_alias(obj))
for item in [obj]:
    print("loop variable (list + item):", sys.getrefcount(item))
print("the loop variable outlives the loop:", sys.getrefcount(obj))
del item
table = {"key": obj}
print("dict value:", sys.getrefcount(obj))
pair = (obj, obj)
print("twice in a tuple:", sys.getrefcount(obj))
holder = Thing(obj)
print("instance attribute:", sys.getrefcount(obj))
del table, pair, holder
print("back to one name:", sys.getrefcount(obj))


def local_only():
    mine = Thing()
    return sys.getrefcount(mine)


print("a local:", local_only())
print("a global read in a function:", (lambda: sys.getrefcount(obj))())
print("a temporary:", sys.getrefcount(Thing()), sys.getrefcount([]))
lst = [obj] * 3
print("list repetition:", sys.getrefcount(obj))
lst.clear()
print("list cleared:", sys.getrefcount(obj))
