# Constants the compiler makes from parts of definitions: folded default tuples, and the
# names and constants tuples of code objects, merged within one compilation unit.
def f(a=1, b='x'): pass

def g(c=1, d='x'): pass

print('@7', f.__defaults__ is g.__defaults__)
def k(x): return x

def m(y): return y

print('@12', k.__code__.co_consts is m.__code__.co_consts)
print('@13', k.__code__.co_names is m.__code__.co_names)
