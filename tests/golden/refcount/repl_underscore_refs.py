# At the prompt: an echoed value sets builtins._ with a module attribute assignment, which
# leaves '_' in the type attribute cache as well as in builtins' dict: two references.
import sys
print(sys.getrefcount('_'))
2
print(sys.getrefcount('_'))
_
print(sys.getrefcount('_'))
x = sys.intern(chr(95))
print(x is '_', sys.getrefcount(x))
