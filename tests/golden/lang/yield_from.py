# yield from: values, return value, send passthrough, and delegation of throw() and
# close() to the subgenerator (and to non-generator iterators with throw/close methods).
def sub():
    try:
        x = yield 'sub-1'
        print('  sub got', x)
        y = yield 'sub-2'
        print('  sub got', y)
    except ValueError as e:
        print('  sub caught', e)
        yield 'sub-recovered'
    finally:
        print('  sub finally')
    return 'sub-result'
def outer():
    try:
        r = yield from sub()
        print('  outer got result', r)
        yield 'outer-after'
    except KeyError as e:
        print('  outer caught', repr(e))
        yield 'outer-recovered'
    finally:
        print('  outer finally')
g = outer()
print(next(g), g.send('A'), g.send('B'))
print(next(g, 'end'))
print('--- throw handled by subgenerator')
g = outer()
next(g)
print(g.throw(ValueError('to-sub')))
print(next(g))
print('--- throw not handled by subgenerator, handled by outer')
g = outer()
next(g)
print(g.throw(KeyError('to-outer')))
print(next(g, 'end'))
print('--- close delegates to subgenerator first')
g = outer()
next(g)
g.close()
print('closed', g.gi_frame)
print('--- subgenerator ignoring GeneratorExit')
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 'no'
def wrap(inner):
    try:
        yield from inner
    finally:
        print('  wrap finally')
w = wrap(stubborn())
next(w)
try:
    w.close()
except RuntimeError as e:
    print('RuntimeError:', e)
print('--- throw ends the subgenerator with a return value')
def sub_returns_on_throw():
    try:
        yield 1
    except ValueError:
        return 'from-throw'
def outer2():
    r = yield from sub_returns_on_throw()
    print('  outer2 result', r)
    yield 'next-after-result'
o = outer2()
next(o)
print(o.throw(ValueError))
print('--- delegation to an iterator object with throw/close')
class Delegate:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration(self.i * 100)
        return self.i
    def send(self, v):
        print('  Delegate.send', v)
        return self.__next__()
    def throw(self, typ, val=None, tb=None):
        print('  Delegate.throw', typ.__name__, val)
        return 'thrown-' + typ.__name__
    def close(self):
        print('  Delegate.close')
def over_delegate():
    r = yield from Delegate()
    print('  delegate result', r)
d = over_delegate()
print(next(d), d.send('S'), d.throw(KeyError, KeyError('kk')))
d.close()
d = over_delegate()
print(list(d))
print('--- iterator without throw: exception raised in the delegating generator')
def over_list():
    try:
        yield from [1, 2, 3]
    except IndexError:
        yield 'outer handled'
ol = over_list()
next(ol)
print(ol.throw(IndexError))
print('--- nested delegation three deep')
def level3():
    try:
        yield 'l3'
    finally:
        print('  l3 finally')
def level2():
    try:
        yield from level3()
    finally:
        print('  l2 finally')
def level1():
    try:
        yield from level2()
    finally:
        print('  l1 finally')
n = level1()
print(next(n))
try:
    n.throw(TypeError('deep'))
except TypeError as e:
    print('TypeError:', e)
n = level1()
next(n)
n.close()
print('--- gi_yieldfrom')
def show():
    yield from level3()
s = show()
print(s.gi_yieldfrom)
next(s)
print(type(s.gi_yieldfrom).__name__)
s.close()
print(s.gi_yieldfrom)
print('--- yield from a generator that is already running')
def rec():
    yield from me
me = rec()
try:
    next(me)
except ValueError as e:
    print('ValueError:', e)
print('--- send through delegation to a non-generator without send')
def over_iter():
    yield from iter([1, 2])
oi = over_iter()
next(oi)
try:
    oi.send('x')
except AttributeError as e:
    print('AttributeError:', e)
