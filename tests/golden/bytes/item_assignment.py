# bytes are immutable: item assignment ends the program with CPython's TypeError
b = bytearray(b'abc')
b[0] = 120
print(b)
c = bytes(b)
c[0] = 121
