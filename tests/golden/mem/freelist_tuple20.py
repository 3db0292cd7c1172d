# CPython 3.11 saves freed tuples of length 1..20 but takes back only lengths 1..19
# (tuple_alloc tests `size < PyTuple_MAXSAVESIZE`): a 20-tuple's id is never reused by the
# next 20-tuple.
x = 7
for n in (1, 2, 19, 20, 21):
    t = tuple([x] * n)
    i = id(t)
    del t
    u = tuple([x + 1] * n)
    print(n, id(u) == i)
    del u
ts = [tuple(range(k, k + 20)) for k in range(5)]
ids = [id(t) for t in ts]
del ts
fresh = [tuple(range(k, k + 20)) for k in range(5)]
print('freed 20-tuples reused:', any(id(t) in ids for t in fresh))
