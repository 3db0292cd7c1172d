# count, find, rfind, index, rindex, startswith, endswith and 'in' with ints, bytes and ranges
for s in (b'hello world', bytearray(b'hello world')):
    print(s.count(b'o'), s.count(b'l', 3), s.count(b'', 2, 5), s.count(111), s.count(b'', 50), s.count(b'o', None, None))
    print(s.find(b'o'), s.find(b'o', 5), s.find(b'o', -4), s.find(b'zz'), s.find(b'', 11), s.find(b'', 12), s.find(119))
    print(s.rfind(b'o'), s.rfind(b'o', 0, 5), s.rfind(b''), s.index(b'w'), s.rindex(b'l'), s.find(b'world', 6, 10))
    print(s.startswith(b'hell'), s.startswith(b'world', 6), s.startswith((b'x', b'h')), s.startswith(b'', 11), s.startswith(b'', 12))
    print(s.endswith(b'rld'), s.endswith(b'o', 0, 5), s.endswith(b'', 12), s.endswith((b'd',), -3), s.endswith(bytearray(b'ld')))
print(b'aaa'.count(b'aa'), b'aaaa'.find(b'aa', 1), b'abcabc'.rindex(b'abc'))
def err(f, *args):
    try:
        f(*args)
    except Exception as e:
        print(type(e).__name__, e)
s = b'abc'
err(s.index, b'z')
err(s.rindex, b'z')
err(s.find, 'a')
err(s.find, 300)
err(s.count, b'a', 'x')
err(s.find)
err(s.find, 1, 2, 3, 4)
err(s.startswith, 'a')
err(s.startswith, ('a',))
err(s.endswith, 1)
