# adding to a set while iterating over it raises RuntimeError (and it stays raised)
s = {1, 2, 3}
it = iter(s)
print(next(it))
s.add(4)
try:
    next(it)
except RuntimeError as e:
    print('RuntimeError:', e)
s.discard(4)
try:
    next(it)
except RuntimeError as e:
    print('again:', e)
it2 = iter(s)
print(it2.__length_hint__(), list(it2), it2.__length_hint__())
for x in s:
    s.discard(x)
