# str.format / format_map: automatic and manual numbering, names, attribute and index
# lookups, conversions, nested specs, escaped braces, and every parser error.
class P:
    x = 3
    y = 'why'
    def __format__(self, spec):
        return 'P<' + spec + '>'
    def __repr__(self):
        return 'P()'
    def __str__(self):
        return 'p-str'
class M(dict):
    def __missing__(self, key):
        return '<' + key + '>'
p = P()
cases = [
    ('{} {} {}', (1, 2, 3), {}), ('{0}{1}{0}', ('a', 'b'), {}), ('{x}-{y}', (), {'x': 1, 'y': 2}),
    ('{0.x} {0.y}', (p,), {}), ('{a.x}', (), {'a': p}), ('{0[1]}', ([5, 6],), {}),
    ('{0[k]}', ({'k': 'v'},), {}), ('{0[-1]}', ({'-1': 'neg'},), {}), ('{0[0][1]}', (['xy'],), {}),
    ('{0[0].x}', ([p],), {}), ('{[1]}', ('abc',), {}), ('{0!r} {0!s} {0!a}', ('é',), {}),
    ('{0!r:>10}', ('ab',), {}), ('{:>{w}.{p}f}', (3.14159,), {'w': 10, 'p': 2}),
    ('{:{}{}}', ('ab', '>', 5), {}), ('{0:{1}}', ('abc', 's'), {}), ('{{}} {{{0}}}', (7,), {}),
    ('{}', (p,), {}), ('{:abc}', (p,), {}), ('{!s:>8}', (p,), {}), ('{!r}', (p,), {}),
    ('{:d} {:x} {:08.3f} {:,}', (42, 255, -3.14159, 1234567), {}), ('{:e}', (12345.6789,), {}),
    ('{:%}', (0.25,), {}), ('{:^9}', ('mid',), {}), ('{:*<6}|{:é>4}', ('l', 'r'), {}),
    ('{00}{01}', ('a', 'b'), {}), ('{٠}', ('arabic-indic zero',), {}), ('', (), {}),
    ('no fields', (1,), {'x': 2}), ('{}', ('',), {}), ('x{}y', ('',), {}), ('{:}', ('e',), {}),
    ('{0}', (None,), {}), ('{0}', (True,), {}), ('{0:5}', (True,), {}), ('{:.3}', ('abcdef',), {}),
    ('Ω{}\U0001f600', ('é',), {}), ('{0.real}', (3,), {}), ('{0.__class__.__name__}', (1.5,), {}),
    ('{0[]}', ({},), {}),
]
for fmt, args, kwargs in cases:
    try:
        print(repr(fmt), repr(fmt.format(*args, **kwargs)))
    except Exception as e:
        print(repr(fmt), type(e).__name__, e)
errors = ['{', '}', 'a}b', '{0!x}', '{0!}', '{!r:}', '{0!rr}', '{:{:{}}}', '{0[}', '{0[0]x}',
          '{0.}', '{0..a}', '{a{}', '{0:{}', '{0[0}', '{0}{}', '{}{0}', '{1}', '{a}', '{b}',
          '{:{}}', '{-1}', '{0!', '{0!r', '{0:', '{0:{1:{2}}}', '{0[0]}', '{0.nope}', '{:{:{:{}}}}',
          '{0!\u1234}', '{0!\x7f}', '{99999999999999999999}', '{0[99999999999999999999]}',
          '}}{', '{{}', '{:d}', '{0:=5}', '{!}']
for fmt in errors:
    try:
        print(repr(fmt), repr(fmt.format('xy', 5, 'q', a=1)))
    except Exception as e:
        print(repr(fmt), type(e).__name__, e)
for fmt in ['{0}', '{a}', '{a[0]}', '{zz}', '{a.__class__.__name__}', '{}']:
    try:
        print(repr(fmt), repr(fmt.format_map(M(a='q'))))
    except Exception as e:
        print(repr(fmt), type(e).__name__, e)
print('{x}'.format_map({'x': 1}), 'abc'.format_map(1), '{x}'.format(x='k', y='unused'))
for call in [lambda: '{x}'.format_map(1), lambda: 'a'.format_map(), lambda: '{x}'.format_map({}),
             lambda: '{}'.format()]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
s = 'no braces'
print(s.format() is s, s.format(1, k=2) is s, '{}'.format(s) is s, '{}{}'.format('', s) is s,
      '{}'.format('a') is chr(97) or True, '{}{}'.format('a', '') is chr(97), '{:.1}'.format('ab') is chr(97))
class S(str):
    pass
x = S('abc')
print(type(x.format()).__name__, type('{}'.format(x)).__name__, type('{:5}'.format(x)).__name__,
      type(S('{}').format('a')).__name__, type(x.format_map({})).__name__)
