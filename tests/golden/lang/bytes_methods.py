# bytes and bytearray: literals, indexing, slicing, methods, encode/decode, hex, reprs.
b = b'Hello, \x00\xff World'
print(b, len(b), b[0], b[-1], b[7:9], b[::-1][:3], b'ab' + b'cd', b'ab' * 3, b'lo' in b, 72 in b)
print(b'abc' < b'abd', b'a' == b'a', bytes(3), bytes([65, 66]), bytes('hé', 'utf-8'), bytes(range(3)), bytearray(b'xy'))
print(b.find(b'o'), b.rfind(b'o'), b.count(b'l'), b.index(b'W'), b.startswith(b'He'), b.endswith(b'd'), b.split(b', '))
print(b' a b '.split(), b'x'.join([b'1', b'2']), b'  s  '.strip(), b'xxhixx'.strip(b'x'), b.replace(b'l', b'L'), b.upper(), b.lower())
print(b'hello'.hex(), bytes.fromhex('68 65'), b'\x01\xab'.hex(':'), b'caf\xc3\xa9'.decode(), 'café'.encode('utf-8'), 'abc'.encode('ascii'))
print(b'\xe9'.decode('latin-1'), 'é'.encode('latin-1'), b'abc'.decode('ascii'), repr(b"'"), repr(b'"'), repr(b'\'"'), b'\t\n\r')
ba = bytearray(b'hello')
ba[0] = 74
ba[1:3] = b'EE'
ba.append(33); ba.extend(b'??'); print(ba.pop(), ba)
del ba[0]
ba.insert(0, 106); ba.remove(ord('?'))
print(ba, len(ba), ba.decode(), bytes(ba), ba == b'jEElo!', ba.reverse() or ba, ba.copy())
try:
    b'abc'[0] = 1
except TypeError as e:
    print('TypeError:', e)
try:
    bytearray(b'x')[0] = 256
except ValueError as e:
    print('ValueError:', e)
try:
    b'\xff'.decode('utf-8')
except UnicodeDecodeError as e:
    print('UnicodeDecodeError:', e)
try:
    'é'.encode('ascii')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError:', e)
try:
    b'a' + 'b'
except TypeError as e:
    print('TypeError:', e)
e1, e2 = b'', bytes()
print(e1 is e2, list(b'ab'), [x for x in bytearray(b'\x01\x02')], b'%d-%s' % (5, b'x'))
print(b'a,b,,c'.split(b','), b'line1\nline2'.splitlines(), b'abc'.partition(b'b'), b'abc'.center(7, b'*'), b'7'.zfill(3), b'ab12'.isalnum(), b'12'.isdigit())
print(bytes.maketrans(b'ab', b'xy'), b'aabb'.translate(bytes.maketrans(b'ab', b'xy')), b'Title case'.title(), b'x'.ljust(3, b'.'))
print(memoryview(b'abc').tolist() if False else 'mv-skip', int.from_bytes(b'\x01\x00', 'little'), (258).to_bytes(2, 'big'), bytes(bytearray(2)))
