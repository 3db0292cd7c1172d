# sys.getsizeof of atoms (no GC header): int by 30-bit digits, bool, float, complex, the
# singletons, str in its four compact kinds (ASCII, latin-1, UCS-2, UCS-4) and bytes.
import sys
gs = sys.getsizeof
for v in [0, 1, -1, 255, 2 ** 30 - 1, 2 ** 30, -(2 ** 30), 2 ** 60 - 1, 2 ** 60, 2 ** 90,
          2 ** 300, -(10 ** 100), 7 ** 1000]:
    print('int', v.bit_length(), gs(v))
print('bool', gs(True), gs(False), gs(True + 0), gs(2 ** 30 > 0))
print('float', gs(0.0), gs(-1.5), gs(float('inf')), gs(float('nan')), gs(1e308))
print('complex', gs(0j), gs(1 + 2j), gs(complex(3)))
print('singletons', gs(None), gs(...), gs(NotImplemented))
for s in ['', 'a', 'abc', 'x' * 1000, '\x80', '\xff' * 3, 'caf\xe9', '\u0100', 'a\u20ac',
          '\uffff' * 5, '\U00010000', '\U0001f600 smile', 'a' * 7 + '\U0010ffff']:
    print('str', len(s), max(map(ord, s)) if s else 0, gs(s))
print('str ops', gs('ab' * 50), gs('abc'.upper()), gs('\xe9' + 'a'), gs('a' + '\u20ac'),
      gs(str(12345)), gs(repr(1.5)), gs(chr(65)), gs(chr(233)), gs(chr(0x20ac)),
      gs(chr(0x1f600)), gs('x\u20acy'[0]), gs('x\u20acy'[1:]))
for b in [b'', b'a', b'abc', bytes(100), b'xy' * 300]:
    print('bytes', len(b), gs(b))
