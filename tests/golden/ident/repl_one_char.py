# One-character latin-1 strings made at run time are the cached singletons, when they come
# from indexing, slicing, chr(), decoding...; str(int), f-strings and joins make new ones.
# Constants: 'g' is the singleton, while 'a' is another interned object (CPython starts
# with some one-letter names interned from its frozen modules).
def same(a, b):
    return a is b


s = 'hello'
print(same(s[0], s[0]), same(s[1:2], s[1:2]), same(chr(104), s[0]), same(s[::5], s[::5]))
print(same(chr(255), chr(255)), same(chr(256), chr(256)), same('é'[0], chr(233)))
print(same(b'a'.decode(), chr(97)), same('A'.lower(), chr(97)), same(' a '.strip(), chr(97)))
print(same('ab'.split('b')[0], chr(97)), same(list('xy')[0], chr(120)), same(max('ab'), chr(98)))
print(same(str(5), str(5)), same(repr(5), repr(5)), same(format(5), format(5)))
print(same('%d' % 5, '%d' % 5), same('{}'.format(5), '{}'.format(5)), same(f'{5}', f'{5}'))
n = 7
print(same(f'{n}', f'{n}'), same(f'{n:d}', f'{n:d}'), same(''.join(['a', '']), chr(97)))
print(same('g', chr(103)), same('a', chr(97)), same('_', chr(95)), same('z', chr(122)))
print([c for c in 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_' if c is chr(ord(c))])
