import weakref, gc
class A:
    pass

a = A()
r = weakref.ref(a, lambda w: print('callback'))
r() is a
del a
r() is None
b = A()
rb = weakref.ref(b)
rb() is b
del b
rb() is None
x = None
rb() is None
weakref.getweakrefcount(A)
p = weakref.proxy(A)
p.__name__
d = weakref.WeakValueDictionary()
c = A()
d['c'] = c
len(d)
del c
len(d)
gc.collect()
