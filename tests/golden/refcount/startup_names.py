# Strings CPython's start-up has interned already: a program's 'self' or 'timeout' is that
# string, with the references CPython's start-up objects hold (the deep-frozen modules'
# strings start from an immortal count), not a new one.
import sys
for w in ['self', 'key', 'value', 'result', 'text', 'item', 'abc', 'kw', 'gc', 'label',
          'src', 'make', 'timeout', 'print', 'len', 'test', 'hello', 'python', 'my_var',
          'count', 'args', 'kwargs', 'x1', 'size', 'buf', 'node', 'items',
          'list', 'dict', 'object', 'main']:
    print(w, sys.getrefcount(sys.intern(w + '')))
s = 'self'
print(s is sys.intern('se' + 'lf'), sys.getrefcount(s) > 10 ** 9)
# as identifiers in code that never runs, and as a constant only: a name that exists
# already is not the parser's object (a constant's first object is not kept)
if 0:
    timeout.kw = label(kw=timeout)
print(sys.getrefcount('timeout'), sys.getrefcount('kw'), sys.getrefcount('label'))
print(sys.getrefcount('make'), sys.getrefcount('fresh_name_q'))
def f(src, size=3):
    return src, size
print(sys.getrefcount('src'), sys.getrefcount('size'))
