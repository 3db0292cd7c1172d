# a 100000-long 'yield from' chain raises RecursionError on first use; shorter ones work
def g(n):
    if n:
        r = yield from g(n - 1)
        return r + 1
    yield "bottom"
    return 0
try:
    next(g(100000))
except RecursionError:
    print("RecursionError")
it = g(500)
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("returned", e.value)
