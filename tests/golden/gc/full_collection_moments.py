# Full collections come when generation 1 has been collected 10 times and the objects
# that survived partial collections since the last one exceed 25% of the long-lived ones
# (3.11's rule); CPython's start-up objects count among those, so a program that keeps
# its containers sees its first full collections after about as many allocations as in
# CPython (printed in thousands).
import gc
keep = []
fulls = []
s2 = gc.get_stats()[2]['collections']
for i in range(180000):
    keep.append([])
    c = gc.get_stats()[2]['collections']
    if c != s2:
        fulls.append(i // 1000)
        s2 = c
print(fulls)
