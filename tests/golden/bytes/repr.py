# repr of bytes and bytearray: quote choice, escapes, bytearray's always-escaped quote
print(b'', b'abc', b'\x00\x01\n\t\r\x7f\x80\xff')
print(b"it's", b'say "hi"', b'\'"', b'\\')
print(repr(b'a'), str(b'xy'), [b'q'], (b'',))
print(bytearray(), bytearray(b"it's"), bytearray(b'a"b'), bytearray(b'\'"'), bytearray(b'\x00\xfe'))
class B(bytes):
    pass
class BA(bytearray):
    pass
print(B(b'x'), BA(b'yz'), repr(BA()))
print(bytes(range(32, 127)))
print(bytes(range(0, 32)))
