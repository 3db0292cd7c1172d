# with statements: __enter__/__exit__ order, exception passed to __exit__, suppression,
# multiple managers, nested, return/break inside with, errors for non-context-managers.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()
    def __exit__(self, typ, val, tb):
        print('exit', self.name, typ.__name__ if typ else None, val, tb is not None)
        return self.suppress
with CM('a') as v:
    print('body', v)
with CM('b', suppress=True):
    raise ValueError('suppressed')
print('after suppressed')
try:
    with CM('c'):
        raise KeyError('propagates')
except KeyError as e:
    print('caught', repr(e))
with CM('x') as x, CM('y') as y:
    print('both', x, y)
def ret():
    with CM('r'):
        return 'returned'
print(ret())
for i in range(3):
    with CM(str(i)):
        if i == 1:
            break
        continue
print('loop done', i)
class Bad:
    pass
try:
    with Bad():
        pass
except TypeError as e:
    print('TypeError:', e)
class OnlyEnter:
    def __enter__(self):
        return self
try:
    with OnlyEnter():
        pass
except TypeError as e:
    print('TypeError:', e)
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise RuntimeError('from exit')
try:
    with ExitRaises():
        raise ValueError('original')
except RuntimeError as e:
    print('RuntimeError:', e, '| context:', repr(e.__context__))
class EnterRaises:
    def __enter__(self):
        raise OSError('enter failed')
    def __exit__(self, *a):
        print('never called')
try:
    with EnterRaises():
        print('never')
except OSError as e:
    print('OSError:', e)
class Tracker:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print('exit sees', t, v)
        return 0
with Tracker() as t:
    pass
with Tracker(), Tracker():
    pass
class Timer:
    depth = 0
    def __enter__(self):
        Timer.depth += 1
        return Timer.depth
    def __exit__(self, *exc):
        Timer.depth -= 1
with Timer() as a:
    with Timer() as b:
        print('depths', a, b, Timer.depth)
print('final depth', Timer.depth)
def gen_cm():
    with CM('in-gen'):
        yield 1
        yield 2
g = gen_cm()
print(next(g))
g.close()
print('closed')
