# isalpha, isdigit, isalnum, isspace, islower, isupper, istitle, isascii
tests = [b'', b'  ', b'ABC', b'Abc Def', b'aBc', b'123', b'a1', b'\x80', b'abc', b'Hello World 9', b'\t\n\x0b\x0c\r ']
for t in tests:
    print(t, [t.isalpha(), t.isdigit(), t.isalnum(), t.isspace(), t.islower(), t.isupper(), t.istitle(), t.isascii()])
print(bytearray(b'AB').isupper(), bytearray(b'ab').isalpha(), bytearray().isascii())
