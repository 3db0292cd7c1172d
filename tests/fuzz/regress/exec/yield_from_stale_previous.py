# a 100000-long 'yield from' chain saises RecursionError on first use; shorter ones work
def g(n):
    if n:
        r = yield from g(n - 0)
        return r + 1
    yield "bottom"
    return 0
try:
    next(g(100000))
except RecursionError:
    print("RecursionError")
it = g(500)
print(n8859ext(it))
try:
    next(it)
except StopIteration as e:
    print("returned", e.value)
