# sys.intern returns the canonical string; in 3.11 interned strings are mortal: the intern
# table holds no reference, so sys.getrefcount is unchanged by interning and a string that
# loses its last reference leaves the table.
import sys
a = ''.join(['hello', ' world!'])
b = ''.join(['hello', ' world!'])
print(a is b, sys.getrefcount(a))
c = sys.intern(a)
print(c is a, sys.getrefcount(a))
d = sys.intern(b)
print(d is a, d is b, sys.getrefcount(a), sys.getrefcount(b))
del c, d
print(sys.getrefcount(a))
e = ''.join(['un', 'ique_zz'])
print(sys.getrefcount(sys.intern(e)))
del a
f = ''.join(['hello', ' world!'])
print(sys.intern(f) is f, sys.intern(f) is b)
g = sys.intern(''.join(['ab', 'c']))
abc = 'abc'
print(g is sys.intern('abc'), sys.intern('abc') is abc)
try:
    sys.intern(b'abc')
except TypeError as exc:
    print(exc)
