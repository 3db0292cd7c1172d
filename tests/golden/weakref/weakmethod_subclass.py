# WeakMethod, and subclasses of weakref.ref with slots, attributes and a __call__.
import weakref

class C:
    def __init__(self, n):
        self.n = n
    def get(self):
        return self.n

c = C(4)
plain = weakref.ref(c.get)
print(plain())                       # the bound method died at once
wm = weakref.WeakMethod(c.get, lambda w: print('WeakMethod callback'))
print(wm()(), wm() == c.get, isinstance(wm, weakref.ref))
print(wm == weakref.WeakMethod(c.get), hash(wm) == hash(weakref.WeakMethod(c.get)))
del c
print(wm())
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print('TypeError:', e)

class Named(weakref.ref):
    __slots__ = ('label',)
    def __init__(self, ob, callback=None, label=''):
        super().__init__(ob, callback)
        self.label = label
    def __new__(cls, ob, callback=None, label=''):
        return super().__new__(cls, ob, callback)

class Tagged(weakref.ref):
    def __call__(self):
        o = super().__call__()
        return ('tagged', o)

x = C(1)
n1 = Named(x, None, 'first')
n2 = Named(x, lambda w: print('Named callback', w.label), 'second')
t = Tagged(x)
t.extra = 'dict works'
base = weakref.ref(x)
print(n1.label, n2.label, n1() is x, t()[0], t.extra, base is not n1)
print(weakref.getweakrefcount(x), [type(w).__name__ for w in weakref.getweakrefs(x)])
print(Named.__basicsize__ - weakref.ref.__basicsize__)
del x
print(n1(), t(), base())
