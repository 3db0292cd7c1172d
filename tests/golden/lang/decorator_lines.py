# A decorator is called at its own line (CPython's compiler_apply_decorators: the last
# decorator first, each at the decorator's location), so an error in one points at the
# `@` line, not the def or class line.
import sys


def bad(f):
    raise ValueError('bad decorator')


def ok(f):
    return f


def lines(tb):
    out = []
    while tb:
        out.append(tb.tb_lineno)
        tb = tb.tb_next
    return out


try:
    @ok
    @bad
    def g():
        pass
except ValueError:
    print('function:', lines(sys.exc_info()[2]))

try:
    @bad
    @ok
    class C:
        pass
except ValueError:
    print('class:', lines(sys.exc_info()[2]))

try:
    @ok
    @ok
    @bad
    def h(x,
          y):
        return x
except ValueError as e:
    print('three:', lines(e.__traceback__))


@ok
def fine():
    return sys._getframe().f_lineno


print(fine(), fine.__name__)
