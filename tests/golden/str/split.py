# str.split/rsplit (whitespace and separator, maxsplit), splitlines (every line break,
# keepends), partition/rpartition; results that are the original object.
samples = ['', ' ', 'a', 'a b c', '  a  b  c  ', 'a,b,,c,', ',a,b,', 'a\tb\nc\x0bd\x0ce\rf',
           'a\x1cb\x1dc\x1ed\x1fe\x85f\xa0g', 'a\u2028b\u3000c\u2003d', 'xyxyxy', 'héllo wörld',
           'Ω Ω  Ω', '\U0001f600 \U0001f601', 'one::two::::three', 'aaaa']
for s in samples:
    print(repr(s))
    for m in (-1, 0, 1, 2, 10):
        print('  ', m, s.split(None, m), s.rsplit(None, m))
    for sep in (' ', ',', '::', 'xy', 'a', 'aa', 'é', 'Ω', '\U0001f600'):
        print('  ', repr(sep), s.split(sep), s.rsplit(sep), s.split(sep, 1), s.rsplit(sep, 1),
              s.split(sep, 0))
print('a b'.split(sep=None, maxsplit=1), 'a,b,c'.rsplit(sep=',', maxsplit=1), 'a b'.split(maxsplit=0))
lines = ['', 'a', 'a\n', 'a\nb', 'a\r\nb\r\n', 'a\rb\r', 'a\n\nb', '\n', '\r\n', '\n\r',
         'a\x0bb\x0cc\x1cd\x1de\x1ef\x85g\u2028h\u2029i', 'x\r\r\ny', 'é\nö', 'no breaks']
for s in lines:
    print(repr(s), s.splitlines(), s.splitlines(True), s.splitlines(keepends=False))
for s in ['a-b-c', 'abc', '', '-', 'a--b', 'é-ö-ü', 'x\U0001f600y\U0001f600z']:
    for sep in ('-', '--', 'b', 'ö', '\U0001f600', 'q'):
        print(repr(s), repr(sep), s.partition(sep), s.rpartition(sep))
s = 'hello world'
print(s.split()[0] is s, s.split('x')[0] is s, s.rsplit()[0] is s, s.rsplit('q')[0] is s,
      s.splitlines()[0] is s, s.partition('q')[0] is s, s.rpartition('q')[2] is s,
      'hello'.split()[0] is 'hello'.split()[0])
word = 'word'
o = 'o'
print(word.split()[0] is word, (' ' + word).split()[0] is word, word.partition(o)[1] is o)
class S(str):
    pass
t = S('ab')
print(type(t.split('abc')[0]).__name__, type(t.split('x')[0]).__name__, type(t.split()[0]).__name__,
      type(t.partition('x')[0]).__name__, type(t.rsplit('Ā')[0]).__name__)
print('a b'.split()[0] is chr(97), 'a,b'.split(',')[1] is chr(98), 'ba'.partition('b')[2] is chr(97),
      'a\nb'.splitlines()[1] is chr(98), 'é,x'.split(',')[0] is chr(0xe9))
for call in [lambda: 'a'.split(''), lambda: 'a'.rsplit(''), lambda: 'a'.split(1),
             lambda: 'a'.rsplit(b','), lambda: 'a'.split(maxsplit='x'), lambda: 'a'.split(None, None),
             lambda: 'a'.split('a', 1, 2), lambda: 'a'.split(x=2), lambda: 'a'.partition(''),
             lambda: 'a'.partition(1), lambda: 'a'.rpartition(None), lambda: 'a'.rpartition(''),
             lambda: 'a'.splitlines('x'), lambda: 'a'.splitlines(1, 2), lambda: 'a'.partition()]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
