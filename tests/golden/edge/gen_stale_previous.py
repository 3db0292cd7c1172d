# regression (fuzz exec): a suspended generator kept its caller as 'previous'; once the
# caller had returned, freeing the generator while its frame object was alive built f_back
# from freed frame memory
import gc
def gen():
    yield 1
    yield 2
def caller():
    g = gen()
    next(g)
    return g
g = caller()
fo = g.gi_frame
def other(a, b, c):
    x = [a, b, c]
    return x
for i in range(3):
    other(i, i, i)
del g
gc.collect()
print(fo.f_back is None, fo.f_code.co_name)
