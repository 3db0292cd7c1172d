# format()/f-strings/hex/oct/bin/%-formatting of ints, and __format__ errors
vals = [0, 7, -7, 255, 1234567, -1234567, 2**70]
specs = ['', 'd', 'x', '#x', 'X', '#X', 'b', '#b', 'o', '#o', ',', '_', '_x', '_b', '08',
         '+d', ' d', '=+10', '^10', '<10', '>10', '*^12,', '#010x', '012,', 'e', '.2f', '%',
         'g', 'n', '.3E', '+.1%']
for v in vals:
    print(v, [format(v, s) for s in specs])
print(f'{42:>6}|{-42:<6}|{42:^6}|{42:06}|{0x1F600:c}|{65:c}')
print(hex(-255), oct(8), bin(-5), hex(2**64), oct(0), bin(0))
print('%d %5d %-5d| %x %X %#x %o %#o %+d' % (42, 42, 42, 255, 255, 255, 8, 8, 42))
print('%i %u %c' % (-3, 3, 97))
for s in ['.2d', 'z', '+c', '#c', 's', ',x', ',c', 'abc']:
    try:
        format(5, s)
    except ValueError as e:
        print('ValueError', e)
try:
    format(-1, 'c')
except OverflowError as e:
    print('OverflowError', e)
print(format(True, ''), format(True, 'd'), format(False, '>5'))
