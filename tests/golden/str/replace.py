# str.replace: counts, empty old, length-changing and equal-length replacements, kinds that
# widen or shrink, identity of unchanged results, errors.
samples = ['', 'a', 'abc', 'aaa', 'abcabcabc', 'mississippi', 'héllo', 'aéaéa', 'ΩxΩ', 'x\U0001f600x']
pairs = [('', '-'), ('a', ''), ('a', 'b'), ('a', 'xy'), ('ab', 'Z'), ('abc', 'abc'), ('ss', 's'),
         ('é', 'e'), ('é', 'Ω'), ('Ω', 'o'), ('\U0001f600', ''), ('x', '\U0001f601'), ('', ''),
         ('zz', 'q'), ('aéa', '-')]
for s in samples:
    for old, new in pairs:
        print(repr(s), repr(old), repr(new), [s.replace(old, new, n) for n in (-1, 0, 1, 2, 100)])
print(''.replace('', 'x'), ''.replace('', 'x', 1), ''.replace('', 'x', 0), 'ab'.replace('', '-', 2))
s = 'hello world'
print(s.replace('z', 'y') is s, s.replace('o', 'o') is s, s.replace('o', 'x', 0) is s,
      s.replace('', '') is s, s.replace('o', ''.join(['o'])) is s)
print('ab'.replace('b', '') is chr(97), 'éb'.replace('b', '') is chr(0xe9))
r = 'aé'.replace('é', 'b')
print(r, r.isascii(), len(r))
r = 'Ωa'.replace('Ω', 'é')
print(r, ascii(r), 'Ω\U0001f600'.replace('\U0001f600', ''), ascii('\U0001f600é'.replace('\U0001f600', '')))
class S(str):
    pass
t = S('abc')
print(type(t.replace('x', 'y')).__name__, type(t.replace('a', 'b')).__name__)
big = 'ab' * 1000
print(len(big.replace('a', 'xyz')), big.replace('b', '').count('a'), len(big.replace('ab', '')))
for call in [lambda: 'a'.replace('a'), lambda: 'a'.replace(1, 'a'), lambda: 'a'.replace('a', 1),
             lambda: 'a'.replace('a', 'b', 'c'), lambda: 'a'.replace('a', 'b', count=1),
             lambda: 'a'.replace('a', 'b', 1.0), lambda: 'a'.replace('a', 'b', 1, 2)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
