# + * in, comparisons and hashing of bytes and bytearray
print(b'ab' + b'cd', b'ab' + bytearray(b'cd'), bytearray(b'ab') + b'cd', type(b'' + bytearray()).__name__)
print(b'ab' * 3, 3 * b'ab', b'ab' * 0, b'ab' * -2, bytearray(b'xy') * 2, 2 * bytearray(b'z'))
print(97 in b'abc', 100 in b'abc', b'bc' in b'abc', b'' in b'abc', b'ac' in b'abc', bytearray(b'b') in b'abc', 98 in bytearray(b'abc'))
print(b'a' < b'ab', b'ab' <= b'ab', b'b' > b'ab', b'' == b'', b'\xff' > b'\x01', b'a' == bytearray(b'a'), bytearray(b'a') < b'b')
print(b'a' == 'a', b'a' != 'a', bytearray(b'a') == 'a', b'abc' == b'abd', sorted([b'b', b'a', b'ab']))
print(hash(b''), hash(b'abc') == hash(b'abc'), hash(b'abc') == hash(bytes(bytearray(b'abc'))), {b'k': 1}[b'k'])
def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
err(lambda: b'a' + 'a')
err(lambda: bytearray(b'a') + 'a')
err(lambda: 'a' + b'a')
err(lambda: b'a' * 'a')
err(lambda: b'a' * 1.0)
err(lambda: 'a' in b'abc')
err(lambda: 300 in b'abc')
err(lambda: b'a' < 'a')
err(lambda: bytearray(b'a') >= 'a')
err(lambda: hash(bytearray()))
err(lambda: b'a'[0] + b'a')
