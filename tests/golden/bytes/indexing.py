# indexing gives ints; slicing with any step gives the same type; errors
b = b'abcdef'
a = bytearray(b)
for s in (b, a):
    print(s[0], s[-1], s[2:4], s[::-1], s[::2], s[4:1:-1], s[5::-2], s[10:20], s[-100:100:3], s[:])
    for k in (6, -7, 'a', 1.5):
        try:
            s[k]
        except (IndexError, TypeError) as e:
            print(type(e).__name__, e)
print(b[True], b[False:2], b[1:2] == b'b', type(a[1:2]).__name__)
print(list(b), list(a[:3]), [x for x in b'\x00\xff'])
it = iter(b'xy')
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it))
print(len(b), len(a), len(b''), len(bytearray(7)))
