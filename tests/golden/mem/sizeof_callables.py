# sys.getsizeof of functions and the other callables, modules, plain instances (with 3.11's
# managed-dict pre-header) and exceptions.
import sys
import gc
gs = sys.getsizeof
def f(a, b=1, *args, **kw):
    return a
def outer():
    y = 1
    def inner():
        return y
    return inner
class C:
    def m(self):
        return self
    @classmethod
    def cm(cls):
        return cls
    @staticmethod
    def sm():
        return 0
    @property
    def p(self):
        return 1
c = C()
print('function', gs(f), gs(lambda: 0), gs(outer()), gs(C.m))
print('cell', gs(outer().__closure__[0]))
print('method', gs(c.m), gs(C.cm), gs([].append), gs((1).__add__))
print('builtin', gs(len), gs(print), gs(sys.getsizeof), gs(gc.collect))
print('descriptors', gs(str.join), gs(dict.fromkeys), gs(int.__add__), gs(object.__init__),
      gs(C.__dict__['cm']), gs(C.__dict__['sm']), gs(C.__dict__['p']))
print('super', gs(super(C, c)))
print('module', gs(sys), gs(gc))
print('instance', gs(c), gs(C()), gs(object()))
c.a = 1
c.b = 2
print('instance with attributes', gs(c))
for e in [Exception(), ValueError('v'), KeyError(1), StopIteration(1), SystemExit(2),
          ImportError('i'), ModuleNotFoundError('m'), AttributeError('a'), NameError('n'),
          SyntaxError('s'), IndentationError('i'), UnicodeDecodeError('utf-8', b'x', 0, 1, 'r'),
          OSError(), KeyboardInterrupt(), GeneratorExit(), RecursionError()]:
    print(type(e).__name__, gs(e))
