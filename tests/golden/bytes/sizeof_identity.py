# bytes sizes (33 + len) and the cached empty and one-byte bytes objects
import sys
print(sys.getsizeof(b''), sys.getsizeof(b'a'), sys.getsizeof(b'abc'), b'abcd'.__sizeof__(), sys.getsizeof(bytes(100)))
a = bytes([97])
print(a is b'a'[:1], bytes(b'') is b'', b'abc'[1:2] is b'abc'[1:2], b''.join([b'a']) == a)
x = b'xyz'
print(x[:] is x, (x * 1) is x, (x + b'') is x, x.replace(b'q', b'r') is x, x.strip() is x, bytes(x) is x)
print(b'abc'[0:0] is b'', b'hello'[1] is b'hello'[1], len({id(b'q'[0:1]), id(bytes([113]))}))
