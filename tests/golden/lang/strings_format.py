# Strings: quoting in repr, escapes, f-strings (conversions, specs, nesting, =),
# %-formatting and str.format with format specs.
print(repr('a'), repr("it's"), repr('say "hi"'), repr('both \' and "'), repr('\n\t\\'))
print(repr('\x00\x7f\x80\xff'), repr('é€𝄞'), repr('\u200b'), len('𝄞'), 'ab' 'cd')
print('''multi
line''', r'raw\n', 'tab\there', "\N{BULLET}" if False else '\u2022')
name, n, pi = 'World', 42, 3.14159265
print(f'Hello, {name}!', f'{n:5d}|{n:<5}|{n:^5}|{n:>5}|{n:05}', f'{pi:.2f} {pi:10.3e} {pi:g}')
print(f'{name!r} {name!s} {name!a} {"é"!a}', f'{n:#x} {n:#o} {n:#b} {n:x} {n:X}')
print(f'{1000000:,} {1000000:_} {0.5:%} {0.125:.1%} {-3:+} {3:+} {3: }')
print(f'{{literal}} {n * 2} {[1, 2][0]} {"nested " + name} {n!r:>6}')
w, p = 10, 3
print(f'{pi:{w}.{p}f}|', f'{name:*^{w}}', f'{n=}', f'{n + 1 = }', f'{pi=:.2f}')
print(f'{"abc":.2}', f'{"x":5}|', f'{5:5}|', f'{True}', f'{None!r}', f'{3.0}', f'{1e20}')
print('%s %r %d %i %5.2f %-5s| %05d %x %X %o %e %g %%' % ('s', 'r', 3, 4, 2.345, 'ab', 42, 255, 255, 8, 1234.5, 0.00001))
print('%(a)s-%(b)03d' % {'a': 'x', 'b': 7}, '%c%c' % (65, 'B'), '%.3s' % 'abcdef', '%*d' % (5, 1))
print('%s' % (1,), '%s' % [1, 2], '%s' % ((1, 2),), '%+.1e' % 12345.678, '%#x' % 255)
print('{} {}'.format(1, 2), '{1} {0}'.format('a', 'b'), '{x} {y[0]} {z.real}'.format(x=1, y=[2], z=3))
print('{:>8}|{:<8}|{:^8}|'.format('r', 'l', 'c'), '{:08.3f}'.format(-3.14159), '{!r:}'.format('q'))
print('{0:{1}}|'.format('w', 6), '{:,.2f}'.format(1234567.891), '{:b}'.format(10), '{:c}'.format(97))
print('{0[key]}'.format({'key': 'v'}), '{:=+8d}'.format(42), '{:e}'.format(0.0), '{:.0e}'.format(12345))
print(format(255, 'x'), format('s', '>3'), format(3.5), format(12, ''), format(2 ** 70, ','))
class P:
    def __format__(self, spec):
        return 'P<' + spec + '>'
    def __str__(self):
        return 'Pstr'
    def __repr__(self):
        return 'Prepr'
print(f'{P()} {P():abc} {P()!s} {P()!r}', '{:xyz}'.format(P()), format(P(), 'q'), '%s %r' % (P(), P()))
s = 'Hello, World'
print(s[0], s[-1], s[3:8], s[::-1], s[::2], s[100:], s[-100:2], s * 2, 3 * 'ab', 'lo' in s)
print(s.upper(), s.lower(), s.swapcase(), s.title(), 'hello world'.capitalize(), s.casefold())
print(s.find('o'), s.rfind('o'), s.find('z'), s.index('W'), s.count('l'), s.startswith(('He', 'x')), s.endswith('ld'))
print(s.split(', '), '  a  b  '.split(), 'a,b,,c'.split(','), 'a b c'.split(None, 1), 'a b c'.rsplit(' ', 1))
print('x'.join(['1', '2', '3']), ''.join(reversed('abc')), '  pad  '.strip(), 'xxhixx'.strip('x'), ' l'.lstrip(), 'r '.rstrip())
print(s.replace('l', 'L'), s.replace('l', 'L', 1), 'a\nb\r\nc'.splitlines(), 'a\nb\n'.splitlines(True))
print('ab'.center(6, '*'), 'ab'.ljust(5, '.'), 'ab'.rjust(5), '42'.zfill(5), '-42'.zfill(5), 'a\tb'.expandtabs(4))
print('123'.isdigit(), 'abc'.isalpha(), 'ab1'.isalnum(), ' '.isspace(), 'Ab'.istitle(), 'AB'.isupper(), 'ab'.islower(), 'x_1'.isidentifier(), '1x'.isidentifier(), '½'.isnumeric(), '²'.isdecimal())
print('a=b=c'.partition('='), 'a=b=c'.rpartition('='), 'abc'.partition('z'), 'héllo'.encode(), 'héllo'.encode('latin-1'))
print('prefix_name'.removeprefix('prefix_'), 'name.py'.removesuffix('.py'), str(123), str(b'x'), str(None))
print(ord('A'), chr(8364), ord('€'), 'abc' < 'abd', 'Z' < 'a', 'abc'.maketrans('ab', 'xy'), 'abc'.translate({97: 'A', 98: None}))
print(sorted('banana'), list('hi'), 'a-b'.split('-', maxsplit=0), '{:s}'.format('ok'), '%5.1f%%' % 99.44)
