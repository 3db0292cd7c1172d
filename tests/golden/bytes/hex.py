# bytes.hex with separators and bytes.fromhex / bytearray.fromhex, with CPython's errors
b = b'hello world'
print(b.hex(), b.hex(':'), b.hex(b'-', 3), b.hex(' ', -4), b.hex(sep='_', bytes_per_sep=2), b''.hex(':'))
print(b'\x01\x02\x03'.hex(':', 5), b'\x01\x02\x03\x04\x05'.hex(':', -2), bytearray(b'\xab\xcd').hex())
print(bytes.fromhex('01 02ff  a0'), bytearray.fromhex('0a 0B'), bytes.fromhex(''), bytes.fromhex(' 1 2'.replace(' ', '')))
class B(bytes):
    pass
print(type(B.fromhex('61')).__name__, B.fromhex('6162'))
def err(f, *args):
    try:
        f(*args)
    except Exception as e:
        print(type(e).__name__, e)
err(bytes.fromhex, '1')
err(bytes.fromhex, '1g')
err(bytes.fromhex, '\xe91')
err(bytes.fromhex, '12 \xe9')
err(bytes.fromhex, b'12')
err(bytes.fromhex, ' 1 2')
err(b.hex, '::')
err(b.hex, '\xe9')
err(b.hex, 1)
