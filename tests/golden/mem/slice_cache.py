# 3.11 keeps one freed slice for reuse (interp->slice_cache): a 64-byte block that other
# objects of that size class cannot take, and which gc.collect() does not clear.
import gc
x = 3
gc.collect()
s = slice(x, 2, 3)
a = id(s)
del s
t = (x, x, x)
print('3-tuple took the slice block:', id(t) == a)
s2 = slice(4, x, 6)
print('next slice reuses the cached one:', id(s2) == a)
l = [1, 2, 3, 4, 5, 6]
print(l[1:4], l[::2])
gc.collect()
s3 = slice(x, x)
b = id(s3)
del s3
gc.collect()
t2 = (x, x, x)
print('gc.collect() does not empty the slice cache:', id(t2) != b)
