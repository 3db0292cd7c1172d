# Slicing and slice assignment on lists, tuples, strings, ranges; slice objects.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7], a[::3], a[::-1], a[8:2:-2], a[-1:-4:-1], a[5:2], a[100:200])
print(a[slice(1, 4)], a[slice(None, None, -3)], slice(1, 2, 3), slice(5), slice(1, 10, 2).indices(5))
s = slice(2, 8, 2)
print(s.start, s.stop, s.step, a[s], (1, 2, 3, 4)[1:3], 'abcdef'[s], range(10)[s], range(10)[::-1])
b = a[:]
b[2:5] = ['x']
print(b)
b[1:1] = [100, 200]
print(b)
b[:] = 'abc'
print(b)
b[len(b):] = [1, 2]
print(b)
c = list(range(10))
c[::2] = [0] * 5
print(c)
try:
    c[::2] = [1, 2]
except ValueError as e:
    print('ValueError:', e)
del c[::3]
print(c)
del c[1:3]
print(c)
d = list(range(6))
d[1:4] = []
print(d)
d[-1:] = range(3)
print(d)
e = [1, 2, 3]
e[5:] = [9]
print(e)
e[-10:1] = ['front']
print(e)
try:
    (1, 2)[0] = 5
except TypeError as exc:
    print('TypeError:', exc)
try:
    'abc'[1:2] = 'x'
except TypeError as exc:
    print('TypeError:', exc)
try:
    a[1.5]
except TypeError as exc:
    print('TypeError:', exc)
try:
    a['x':]
except TypeError as exc:
    print('TypeError:', exc)
try:
    a[::0]
except ValueError as exc:
    print('ValueError:', exc)
class Idx:
    def __index__(self):
        return 3
print(a[Idx()], a[Idx():], 'hello'[Idx()], (0, 1, 2, 3, 4)[:Idx()])
class Seq:
    def __getitem__(self, k):
        return k
print(Seq()[1:2], Seq()[1:2:3], Seq()[::], Seq()[1, 2], Seq()[1:2, ...], Seq()[...])
ba = bytearray(b'hello')
ba[1:3] = b'EL'
print(ba, b'hello'[1:4], b'hello'[::-1], memoryview(b'abc')[1:].tobytes() if False else 'mv')
m = [[0] * 3 for _ in range(3)]
m[1][1:] = [5, 6]
print(m)
nested = [0, [1, 2, 3], 4]
nested[1][::2] = 'ab'
print(nested)
print(a[-11:3], a[3:-11], 'abc'[-5:], 'abc'[5:], [][::-1], ()[:])
