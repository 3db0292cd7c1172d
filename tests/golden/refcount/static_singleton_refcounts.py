# The static singletons start with CPython's start-up references: the one-character
# latin-1 strings, the one-letter names of the deep-frozen modules (a constant 'a' is
# not chr(97)), the empty str, tuple and bytes.
import sys
print(sys.getrefcount(''), sys.getrefcount(()), sys.getrefcount(b''))
print(sys.getrefcount(' '), sys.getrefcount('.'), sys.getrefcount('\n'), sys.getrefcount('/'))
print(sys.getrefcount('a'), sys.getrefcount('x'), sys.getrefcount('g'), sys.getrefcount('_'))
print(sys.getrefcount(chr(97)), sys.getrefcount(chr(0)), sys.getrefcount(chr(200)))
a, g, e, t0 = 'a', 'g', '', ()
print(a is chr(97), g is chr(103), e is str(), t0 is tuple())
t = ()
u = ''
print(sys.getrefcount(()), sys.getrefcount(''))
# importing a builtin module sets its __package__ to '' (importlib's spec.parent)
before = sys.getrefcount('')
import gc
print(sys.getrefcount('') - before, repr(gc.__package__))
