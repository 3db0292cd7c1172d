# At the prompt too: the first repr of a container makes what CPython's first Py_ReprEnter makes -- the
# thread state's dict, its "Py_Repr" list (whose key is a static string, no block) and
# the list's first item block -- so the ids around it come out as in CPython.
c = list(dict.fromkeys('xy').keys())
print(id(bytearray(b'x')) == id('%r' % (c,)))
print(id(bytearray(b'x')) == id(repr(c)))
print(id(bytearray(b'x')) == id('%s' % (c,)))
print(id(bytearray(b'x')) == id(str(c)))
d = ['x', 'y']
print(id(bytearray(b'x')) == id(repr(d)))
print(id(bytearray(b'x')) == id('%r' % ('abcdefgh',)))
print(id(bytearray(b'x')) == id('%r-%r' % (1, 2)))
e = {'k': [1, (2, 3)]}
print(id(bytearray(b'xyz')) == id(repr(e)), id(1.5 + len(d)) == id(repr(e)))
