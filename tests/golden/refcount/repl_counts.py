import sys
class Thing:
    def __repr__(self): return "Thing()"

obj = Thing()
sys.getrefcount(obj)
box = [obj]
sys.getrefcount(obj)
del box
sys.getrefcount(obj)
def callee(x): return sys.getrefcount(x)

callee(obj)
for item in [obj]: print(sys.getrefcount(item))

d = {"k": obj}
sys.getrefcount(obj)
t = (obj, 1)
sys.getrefcount(obj)
def f():
    x = 1000
    return sys.getrefcount(x)

f()
a = 257
sys.getrefcount(a)
sys.getrefcount(1000)
sys.getrefcount("not an identifier")
sys.getrefcount("first constant")
s = "interned_name_here"
sys.getrefcount(s)
obj
sys.getrefcount(obj)
_ = None
sys.getrefcount(obj)
