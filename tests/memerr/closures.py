# memerr: closures, nonlocal, lambdas, decorators, keyword arguments
def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc

def deco(f):
    def wrapper(*args, **kwargs):
        return ("wrapped", f(*args, **kwargs))
    return wrapper

@deco
def add(a, b=2, *rest, c=3, **kw):
    return a + b + c + sum(rest) + len(kw)

c = counter()
fs = [lambda x, i=i: x * i for i in range(5)]
print(c(), c(5), add(1), add(1, 2, 3, 4, c=0, z=1), [f(2) for f in fs])
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)), list(map(c, [1, 1])))
