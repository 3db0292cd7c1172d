1 + 1
_
_ * 3
None
x = 5
x
'text'
[1, 2], {'a': (1,)}
print('printed'); 42
4; 5
x = _
x
def f(a):
    return a * 2

f(4)
_
for i in range(3):
    i

if x:
    'yes'
else:
    'no'

class C:
    def __repr__(self):
        return 'C()'

C()
import sys
sys.displayhook = lambda v: print('hook:', v)
10
None
del sys.displayhook
11
sys.displayhook = sys.__displayhook__
12
import builtins
builtins._ = 'from builtins'
_
13
_
