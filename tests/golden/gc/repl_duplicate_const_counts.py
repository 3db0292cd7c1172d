import gc
f = D = lambda *a: a
gc.collect(); base = gc.get_count()[0]
x = f([0, 1, 2]) is D(f([0, 1, 2]))
print(gc.get_count()[0] - base)
gc.collect(); base = gc.get_count()[0]
y = [0, 1, 2], 7, [0, 1, 2]
print(gc.get_count()[0] - base)
gc.collect(); base = gc.get_count()[0]
z = f(a=1), f(a=2), 3
print(gc.get_count()[0] - base)
