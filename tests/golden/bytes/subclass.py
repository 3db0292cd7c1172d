# subclasses of bytes and bytearray: construction, methods return the base type
class B(bytes):
    def tag(self):
        return b'<' + self + b'>'
b = B(b'abc')
print(b, type(b).__name__, b.tag(), isinstance(b, bytes), b == b'abc', hash(b) == hash(b'abc'))
print(type(b.upper()).__name__, type(b[0:1]).__name__, type(b + b'').__name__, type(bytes(b)).__name__)
print(B(3), B([65, 66]), B('x', 'ascii'), len(B()))
class BA(bytearray):
    pass
a = BA(b'xy')
a.append(122)
print(a, type(a).__name__, type(a.copy()).__name__, type(a + b'').__name__, type(a[:1]).__name__)
print(BA(2), BA([1, 2]))
class WithInit(bytearray):
    def __init__(self, n):
        super().__init__(b'*' * n)
print(WithInit(3))
