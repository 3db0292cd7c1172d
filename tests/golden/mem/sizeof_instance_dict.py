import sys
gs = sys.getsizeof
# sys.getsizeof of instance dicts: CPython 3.11's split tables (the values array sized
# by the class's shared keys, one slot less per instance made), when they become
# combined, and dicts built from them.  The classic __slots__ comparison first.
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
class S:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2); s = S(1, 2)
print(sys.getsizeof(p), sys.getsizeof(s))
print(sys.getsizeof(p.__dict__))
print(sys.getsizeof(p) + sys.getsizeof(p.__dict__))
p.z = 3
print(sys.getsizeof(p.__dict__))
q = P(3, 4)
print(sys.getsizeof(q.__dict__), len(q.__dict__))
for i in range(40):
    setattr(q, 'a%d' % i, i)
print(sys.getsizeof(q.__dict__))
d = {'x': 1, 'y': 2}
print(sys.getsizeof(d))
print(P.__basicsize__, S.__basicsize__, P.__dictoffset__, S.__dictoffset__)
print(hasattr(s, '__dict__'))
class P:
    pass
for n in range(6):
    o = P()
    for i in range(n):
        setattr(o, 'a%d' % i, i)
    print(n, sys.getsizeof(o.__dict__))
class Q:
    def __init__(self):
        self.x = 1
        self.y = 2
objs = [Q() for i in range(5)]
print([sys.getsizeof(o.__dict__) for o in objs])
r = Q(); print(sys.getsizeof(r.__dict__))
r.__dict__['z'] = 3; print(sys.getsizeof(r.__dict__))
r.__dict__[1] = 3; print(sys.getsizeof(r.__dict__))
class E: pass
e = E(); print(sys.getsizeof(e.__dict__))
e2 = E(); print(sys.getsizeof(e2.__dict__))
e3 = E(); e3.a = 1; print(sys.getsizeof(e3.__dict__))
del e3.a; print(sys.getsizeof(e3.__dict__))
class A:
    def __init__(self, n):
        for i in range(n):
            setattr(self, 'f%d' % i, i)
objs = [A(3) for i in range(40)]
print([gs(o.__dict__) for o in objs[:3]], gs(objs[-1].__dict__))
a = A(2)
d = a.__dict__
print(gs(d), d)
d['new1'] = 1; print(gs(d), len(d))
d2 = d.copy(); print(gs(d2), d2 == d)
d3 = dict(d); print(gs(d3))
d.pop('new1'); print(gs(d), d)
del d['f0']; print(gs(d), d)
d.setdefault('f0', 5); print(gs(d), d)
d.update(x=1, y=2); print(gs(d), d)
d.popitem(); print(gs(d), d)
d.clear(); print(gs(d), d)
b = A(1); b.__dict__[1] = 'one'; print(gs(b.__dict__), b.__dict__)
c = A(0); print(gs(vars(c)))
c.__dict__ = {'q': 1}; print(gs(c.__dict__), c.q)
class B(A):
    pass
bb = B(2); print(gs(bb.__dict__))
class L(list):
    pass
l = L(); print(gs(l.__dict__))
l2 = L(); l2.x = 1; print(gs(l2.__dict__))
o = object.__new__(A); print(gs(o.__dict__))
class Many: pass
m = Many()
for i in range(35):
    setattr(m, 'k%d' % i, i)
print(gs(m.__dict__), len(m.__dict__))
m2 = Many(); m2.k0 = 1; print(gs(m2.__dict__))
m3 = Many(); m3.zz = 1; print(gs(m3.__dict__))
class S(str): pass
s = S('x'); print(gs(s.__dict__))
e = A(2); f = A(2)
print(gs(e.__dict__), gs(f.__dict__), e.__dict__ == f.__dict__)
print(gs(e.__dict__ | {'z': 1}))
def mk():
    class T: pass
    t = T(); t.a = 1
    return t.__dict__
dd = mk(); print(gs(dd), dd)
class A5: pass
a = A5(); a.x = 1; a.y = 2; a.z = 3
d = a.__dict__
n = {'x': 1, 'y': 2, 'z': 3}
print(gs(dict(n)), gs(dict(d)), gs(n.copy()), gs(d.copy()), gs({**d}), gs({**n}))
e = {}; e.update(d); print(gs(e))
b = A5(); b.x = 1
print(gs(dict(b.__dict__)), gs(b.__dict__.copy()))
