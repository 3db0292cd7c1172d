# bytes() and bytearray() from nothing, ints, iterables, buffers and strings, with CPython's errors
def show(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, e)
for f in (bytes, bytearray):
    show(f)
    show(f, 3)
    show(f, 0)
    show(f, [1, 2, 255])
    show(f, (104, 105))
    show(f, iter([7, 8]))
    show(f, (x for x in range(3)))
    show(f, b'copy')
    show(f, bytearray(b'ba'))
    show(f, 'h\xe9', 'utf-8')
    show(f, 'h\xe9', encoding='latin-1')
    show(f, source=b'kw')
    show(f, [300])
    show(f, [-1])
    show(f, ['a'])
    show(f, [1, 'a'])
    show(f, -1)
    show(f, 1.5)
    show(f, None)
    show(f, 'abc')
    show(f, 1, 'utf-8')
    show(f, errors='strict')
    show(f, encoding='utf-8')
    show(f, 'a', errors='strict')
    show(f, 'a', 1)
    show(f, 'a', 'no-such-codec')
    show(f, 1, 2, 3, 4)
    show(f, [True, False])
class WithBytes:
    def __bytes__(self):
        return b'from __bytes__'
class BadBytes:
    def __bytes__(self):
        return 'no'
show(bytes, WithBytes())
show(bytes, BadBytes())
b = b'same'
print(bytes(b) is b, bytes(bytearray(b)) == b, bytearray(b) is b)
