# b += b on a bytearray raises BufferError as in CPython 3.11 (the operand's buffer is exported)
b = bytearray(b'ab')
b.extend(b)
print(b)
b += b
