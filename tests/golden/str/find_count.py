# str.find/rfind/index/rindex/count: slice-style start/end (negative, None, huge,
# __index__ objects), empty needles, every string kind, and the error messages.
class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v

hays = ['abcabcab', 'aaaa', '', 'héllo wörld héllo', 'Ωmega Ω ωΩ', 'x\U0001f600y\U0001f600',
        'mississippi']
subs = ['', 'a', 'ab', 'abc', 'b', 'z', 'l', 'héllo', 'Ω', 'ωΩ', '\U0001f600', 'ss', 'issi',
        'aa', 'x', 'é', 'ö']
bounds = [None, 0, 1, 2, -1, -3, 5, 100, -100]
for h in hays:
    for s in subs:
        out = [h.find(s), h.rfind(s), h.count(s)]
        for st in bounds:
            for en in bounds:
                out.append((h.find(s, st, en), h.rfind(s, st, en), h.count(s, st, en)))
        print(repr(h), repr(s), out)
print('abc'.find('c', Idx(1), Idx(3)), 'abc'.count('', Idx(-2)))
print('abc'.find('', 3), 'abc'.find('', 4), 'abc'.rfind('', 3), 'abc'.rfind(''),
      'abc'.count('', 3), 'abc'.count('', 4), 'abc'.count(''), ''.count(''))
print('abc'.find('a', 10**30), 'abc'.find('a', -10**30), 'abc'.rfind('c', 0, 10**30))
print('aaa'.count('aa'), 'aaaaa'.count('aa'), 'abababa'.count('aba'), 'abababa'.find('aba', 1))
print('a' * 100 + 'b', ('a' * 100 + 'b').find('a' * 50 + 'b'), ('b' + 'a' * 100).rfind('b' + 'a' * 50))
print('abc'.index('c'), 'abcabc'.rindex('b'), 'abcabc'.index('b', 2), 'abcabc'.rindex('a', 0, 3))
print('\u0100\u0101'.find('\u0101'), 'abc'.find('\u0101'), 'abc'.find('\U00010000'), '\u0100a'.find('a'))
print('xyz'.find('é'), 'éxyz'.find('xyz'), 'éxyz'.count('xyz'), 'a\u0100b\u0100'.count('\u0100'))
# matches that straddle code-point boundaries must not count
s = '\u0100\u0001\u0001\u0100'
print(s.find('\u0101'), s.count('\u0101'), '\u4100\u0041'.find('\u4141'))
for call in [lambda: 'abc'.index('d'), lambda: 'abc'.rindex('d'), lambda: 'abc'.find(1),
             lambda: 'abc'.count(None), lambda: 'abc'.find(), lambda: 'abc'.count(),
             lambda: 'abc'.find('a', 1, 2, 3), lambda: 'abc'.find('a', 'x'),
             lambda: 'abc'.rfind('a', 0, 1.5), lambda: 'abc'.index('a', start=1),
             lambda: 'abc'.index('', 4), lambda: 'abc'.rindex(b'a')]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
