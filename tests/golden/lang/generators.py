# Generators: laziness, send/throw/close, StopIteration value, return in a generator,
# finally on close, generator states, PEP 479, generator expressions.
def counter(n):
    print('  start')
    for i in range(n):
        got = yield i
        if got is not None:
            print('  got', got)
    print('  end')
    return 'done'
g = counter(3)
print(type(g).__name__, g.__name__, g.gi_running, g.gi_suspended if hasattr(g, 'gi_suspended') else '')
print(next(g), g.send('hello'), next(g))
try:
    next(g)
except StopIteration as e:
    print('StopIteration value:', e.value, e.args)
try:
    next(g)
except StopIteration as e:
    print('again:', e.value, e.args)
def fresh():
    yield 1
f = fresh()
try:
    f.send(5)
except TypeError as e:
    print('TypeError:', e)
print(f.send(None))
def catcher():
    while True:
        try:
            yield 'ready'
        except ValueError as e:
            print('  caught', e)
            yield 'recovered'
c = catcher()
print(next(c), c.throw(ValueError('bad')), next(c), c.throw(ValueError, 'again'))
try:
    c.throw(KeyError('unhandled'))
except KeyError as e:
    print('propagated', repr(e))
print(next(c, 'exhausted'))
def fin():
    try:
        yield 1
        yield 2
    finally:
        print('  finally ran')
h = fin()
next(h)
print(h.close(), h.close())
try:
    next(h)
except StopIteration:
    print('closed generator is exhausted')
def ignore_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 'refuse'
ie = ignore_exit()
next(ie)
try:
    ie.close()
except RuntimeError as e:
    print('RuntimeError:', e)
def exit_returns():
    try:
        yield 1
    except GeneratorExit:
        print('  cleaning up')
        return 'ignored value'
er = exit_returns()
next(er)
print(er.close())
unstarted = fin()
print(unstarted.close(), 'unstarted close runs no finally')
def leak_stop():
    yield 1
    raise StopIteration('inner')
try:
    list(leak_stop())
except RuntimeError as e:
    print('RuntimeError:', e, '| cause:', repr(e.__cause__))
def self_ref():
    yield me.gi_running
me = self_ref()
print(next(me))
def reentrant():
    yield next(r)
r = reentrant()
try:
    next(r)
except ValueError as e:
    print('ValueError:', e)
def infinite():
    n = 0
    while True:
        yield n
        n += 1
inf = infinite()
print([next(inf) for _ in range(5)])
def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v
print(list(take(3, infinite())), list(take(2, 'abcdef')))
def with_return():
    yield 1
    return
print(list(with_return()))
def thrower():
    yield 1
t = thrower()
try:
    t.throw(IndexError)
except IndexError:
    print('throw into unstarted generator raises immediately')
print(next(t, 'unstarted+thrown is closed'))
def gen_state():
    yield
s = gen_state()
print(s.gi_frame is not None, s.gi_code.co_name)
list(s)
print(s.gi_frame)
pipeline = (x * 2 for x in (y + 1 for y in range(5)) if x % 2)
print(list(pipeline))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
fg = fib()
print([next(fg) for _ in range(10)])
def echo():
    received = []
    try:
        while True:
            received.append((yield len(received)))
    finally:
        print('  echo received', received)
e = echo()
next(e)
e.send('a'); e.send('b')
del e
print('after del')
def throw_tb():
    yield 1
tt = throw_tb()
next(tt)
try:
    tt.throw(ValueError('v'), None, None)
except ValueError as exc:
    print('throw with tb None:', exc)
try:
    tt.throw(1)
except TypeError as exc:
    print('TypeError:', exc)
