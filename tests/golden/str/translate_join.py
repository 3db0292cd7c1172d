# str.maketrans/translate and str.join: mapping forms, deletions, expansions, lookups on
# arbitrary mappings, errors; join over lists, tuples, iterators and mixed kinds.
t = str.maketrans('abc', 'xyz')
print(sorted(t.items()))
t2 = str.maketrans('ab', 'éΩ', 'cd')
print(sorted(t2.items()))
t3 = str.maketrans({'a': 'A', 98: None, 'é': 'ee', 99: 0x1F600})
print(sorted(t3.items()))
print(str.maketrans({}), str.maketrans('', ''), str.maketrans('', '', 'x'))
for s in ['', 'abc', 'aabbccdd', 'hello', 'éabcΩ', 'cab\U0001f600']:
    print(repr(s), repr(s.translate(t)), repr(s.translate(t2)), repr(s.translate(t3)),
          repr(s.translate({})), repr(s.translate({ord('a'): 'AAA'})))
class Table:
    def __getitem__(self, c):
        if c == ord('x'):
            raise LookupError
        if c == ord('q'):
            return None
        return c + 1
print('abcxq'.translate(Table()), 'abc'.translate([ord('z')] * 99 + ['B']))
print('a'.translate({}) is chr(97), 'b'.translate({98: 97}) is chr(97), 'hello'.translate({}) == 'hello')
for call in [lambda: str.maketrans(1), lambda: str.maketrans({1.5: 2}),
             lambda: str.maketrans({'ab': 2}), lambda: str.maketrans('ab', 'c'),
             lambda: str.maketrans('a', 1), lambda: str.maketrans(1, 'a'),
             lambda: str.maketrans('a', 'b', 1), lambda: str.maketrans(), lambda: str.maketrans('a', None),
             lambda: 'a'.translate({97: 1.5}), lambda: 'a'.translate({97: 0x110000}),
             lambda: 'a'.translate(1), lambda: 'a'.translate({97: -1}), lambda: ''.translate(1),
             lambda: 'a'.translate()]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)

print('-'.join(['a', 'b', 'c']), ''.join(('x', 'y')), ', '.join(iter(['1', '2'])),
      '|'.join(c for c in 'abc'), ''.join([]), 'x'.join(['only']), repr(' '.join(['', ''])))
print('é'.join(['a', 'b']), 'a'.join(['é', 'Ω', '\U0001f600']), ''.join('héllo'), ''.join({'k': 1}))
print(''.join(['a' * 3] * 4), '\U0001f600'.join([]), repr('Ω'.join(['x'])))
parts = ['ab']
print(''.join(parts) is parts[0], '-'.join(['a', '']) is chr(97), ''.join(['a', '']) == 'a')
class S(str):
    pass
print(type(''.join([S('x')])).__name__, type(''.join(['x', S('y')])).__name__, ''.join([S('x'), 'y']))
for call in [lambda: 'a'.join(1), lambda: 'a'.join([1]), lambda: 'a'.join(['a', b'b']),
             lambda: 'a'.join(['a', None, 3]), lambda: 'a'.join(), lambda: 'a'.join([], []),
             lambda: ''.join(x for x in [1])]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
