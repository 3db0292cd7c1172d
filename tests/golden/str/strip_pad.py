# strip/lstrip/rstrip (whitespace and character sets), removeprefix/removesuffix,
# center/ljust/rjust/zfill, expandtabs; unchanged results are the same object.
samples = ['', '   ', '  abc  ', '\t\n abc \r\x0b\x0c', 'xxabcxx', 'abc', '\x85\xa0abc\u3000\u2028',
           'éaé', 'ΩaΩ', '\U0001f600a\U0001f600', '\x1c\x1d a \x1e\x1f']
for s in samples:
    print(repr(s), repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip(None)),
          repr(s.strip('x')), repr(s.strip('xc')), repr(s.lstrip('xa')), repr(s.rstrip('cx')),
          repr(s.strip('éΩ\U0001f600')), repr(s.strip('')))
s = 'hello'
print(s.strip() is s, s.lstrip('x') is s, s.rstrip('') is s, ' a '.strip() is chr(97),
      'ab'.rstrip('b') is chr(97), 'é '.strip() is chr(0xe9))
for p in ['', 'he', 'hello', 'hello!', 'lo', 'x', 'é']:
    print(repr(p), repr(s.removeprefix(p)), repr(s.removesuffix(p)), s.removeprefix(p) is s,
          s.removesuffix(p) is s)
print('ab'.removeprefix('a') is chr(98), 'ab'.removesuffix('b') is chr(97), 'éab'.removeprefix('é'))
for w in [-5, 0, 1, 3, 4, 5, 6, 7, 10]:
    print(w, repr('abc'.center(w)), repr('abcd'.center(w, '*')), repr('ab'.ljust(w, '.')),
          repr('ab'.rjust(w, 'é')), repr('42'.zfill(w)), repr('-42'.zfill(w)), repr('+x'.zfill(w)),
          repr(''.zfill(w)), repr('-'.zfill(w)), repr('Ω'.center(w, '\U0001f600')))
print('abc'.center(3) is 'abc'.center(3), 'a'.center(1) is chr(97), 'é'.ljust(1) is chr(0xe9))
t = 'text'
print(t.center(2) is t, t.ljust(4) is t, t.rjust(0) is t, t.zfill(-1) is t, t.center(5) is t)
print(repr(''.center(1, 'a')), ''.center(1, 'a') is chr(97), ''.zfill(1) is chr(48))
tabs = ['a\tb', '\t', 'ab\tc\td', '12345678\tx', 'a\nb\tc', 'a\r\tb', '\t\t', 'é\tΩ\t\U0001f600\t.', '']
for s in tabs:
    print(repr(s), [s.expandtabs(n) for n in (8, 4, 1, 0, -1)], repr(s.expandtabs(tabsize=3)))
print('\t'.expandtabs(1) is chr(32), t.expandtabs() is t)
for call in [lambda: 'a'.center(), lambda: 'a'.center(1, 2, 3), lambda: 'a'.center('x'),
             lambda: 'a'.center(3, 'xy'), lambda: 'a'.center(3, 5), lambda: 'a'.center(width=3),
             lambda: 'a'.center(10**20), lambda: 'a'.ljust(3.0), lambda: 'a'.rjust(3, ''),
             lambda: 'a'.zfill('a'), lambda: 'a'.zfill(), lambda: 'a'.strip(1),
             lambda: 'a'.lstrip(b'a'), lambda: 'a'.rstrip(1, 2), lambda: 'a'.removeprefix(1),
             lambda: 'a'.removesuffix(None), lambda: 'a'.expandtabs('x'),
             lambda: 'a'.expandtabs(tabsize=None), lambda: 'a'.expandtabs(1, 2)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
