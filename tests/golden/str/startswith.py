# str.startswith/endswith: tuples, start/end slices, empty prefixes, errors.
s = 'hello world'
for p in ['', 'h', 'hello', 'world', 'd', 'hello world', 'hello world!', 'o w', 'é']:
    row = [s.startswith(p), s.endswith(p)]
    for st, en in [(None, None), (0, 5), (6, None), (-5, None), (None, -6), (3, 3), (12, None),
                   (11, None), (-100, 100), (5, 2)]:
        row.append((s.startswith(p, st, en), s.endswith(p, st, en)))
    print(repr(p), row)
print(s.startswith(('x', 'he')), s.endswith(('x', 'y')), s.startswith(()), s.endswith(('ld',)))
print('éabc'.startswith('é'), 'abcé'.endswith('cé'), 'abc'.startswith('\u0100'),
      '\u0100abc'.endswith('abc'), '\U00010000x'.startswith('\U00010000'))
print(''.startswith(''), ''.endswith(''), ''.startswith('', 1), 'abc'.endswith('', 3),
      'abc'.endswith('', 4))
for call in [lambda: s.startswith(1), lambda: s.endswith(None), lambda: s.startswith(('h', 1)),
             lambda: s.endswith(('d', 1)), lambda: s.endswith((1, 'd')), lambda: s.startswith(),
             lambda: s.startswith('h', 'a'), lambda: s.endswith('d', 0, 1, 2),
             lambda: s.startswith(['h'])]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
