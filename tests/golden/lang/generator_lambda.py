# A lambda whose body yields is a generator function; in CPython 3.11 it returns the value
# of its body like any lambda (compiler_lambda), so StopIteration carries what the yield
# expression gave.
f = lambda: (yield)
g = f()
print(next(g))
try:
    g.send(5)
except StopIteration as e:
    print('returned', e.value)
h = lambda x: (yield x) or 'done'
g = h(1)
print(next(g))
try:
    g.send(None)
except StopIteration as e:
    print('returned', e.value)
print(list(lambda: (yield 1)) if False else list((lambda: (yield 1))()))
k = lambda it: (yield from it)
g = k(iter([1, 2]))
print(list(g))


def sub():
    yield 'a'
    return 'sub result'


g = (lambda: (yield from sub()))()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print('returned', e.value)
