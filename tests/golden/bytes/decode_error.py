# an undecodable byte ends the program with CPython's UnicodeDecodeError
data = b'ok: \xc3\xa9'
print(data.decode())
print(b'caf\xe9'.decode())
