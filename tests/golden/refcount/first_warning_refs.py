# The first warning a script shows (here the SyntaxWarning for `x is 5`, shown when the
# file is compiled) makes CPython's warnings module import linecache, tokenize and token
# to show the source line.  Their objects hold references on the small ints and on
# interned names, and add to generation 0's count.
import sys, gc
print(sys.getrefcount(5), sys.getrefcount(0), sys.getrefcount(40), sys.getrefcount(200))
print(sys.getrefcount('NAME'), sys.getrefcount('generate_tokens'))
print(gc.get_count()[0] > 450)
x = 1
print(x is 5)
