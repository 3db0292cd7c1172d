# bool: a subclass of int with two instances; & | ^ keep bools, arithmetic gives ints
print(True, False, repr(True), str(False), type(True).__name__, isinstance(True, int))
print(True + True, True * 5, -True, ~True, ~False, True / 2, True // 1, True ** 10)
print(True & False, True | False, True ^ True, type(True & True).__name__)
print(True & 3, 6 | False, type(True & 1).__name__, True << 3)
print(bool(), bool(0), bool(7), bool(''), bool('a'), bool([]), bool(0.0), bool(None))
print(True == 1, False == 0, True is bool(1), hash(True), hash(False), int(True))
print(sum([True, True, False]), max(True, 0), f'{True:d} {False:>6} {True}')
print(True.real, True.imag, True.numerator, True.bit_length(), True.to_bytes())
try:
    class B(bool):
        pass
except TypeError as e:
    print('TypeError', e)
try:
    bool(1, 2)
except TypeError as e:
    print('TypeError', e)
try:
    bool(x=1)
except TypeError as e:
    print('TypeError', e)
