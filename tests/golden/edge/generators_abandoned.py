# exhausting, abandoning and closing generators: finally blocks run when the generator
# dies (GeneratorExit), close() on a finished one is a no-op, cycles are collected
import gc
def g(name):
    try:
        yield 1
        yield 2
    finally:
        print("finally", name)
a = g("a")
next(a)
del a
b = g("b")
print(list(b))
b.close()
c = g("c")
next(c)
c.close()
print(next(c, "exhausted"))
def selfref():
    me = yield
    try:
        yield me
    finally:
        print("finally cycle")
d = selfref()
next(d)
d.send(d)
del d
gc.collect()
def catches():
    try:
        yield 1
    except GeneratorExit:
        yield "ignored"
e = catches()
next(e)
try:
    e.close()
except RuntimeError as ex:
    print("RuntimeError:", ex)
gen = (x * x for x in range(10))
print(next(gen), sum(gen), list(gen))
