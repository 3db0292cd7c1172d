# memerr: generators, yield from, send/throw/close, generator expressions
def gen(n):
    for i in range(n):
        got = yield i
        if got:
            yield got * 2

def outer():
    r = yield from gen(3)
    yield ("done", r)

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

g = gen(5)
print(next(g), g.send(10), next(g), list(g))
print(list(outer()), sum(x * x for x in range(10)))
f = fib()
print([next(f) for _ in range(10)])
f.close()
h = gen(3)
next(h)
try:
    h.throw(ValueError("boom"))
except ValueError as e:
    print("thrown", e)
abandoned = gen(100)
next(abandoned)
del abandoned
