# `is` / `is not` with a literal (number, string, bytes, tuple...) gets a SyntaxWarning at
# compile time, once per comparison; None, True, False and ... do not.
x = 5
print(x is 1, 1 is x)
print(x is not 'a')
print(x is (), x is (1, 2), x is -1, x is 2.5, x is b'')
print(x is None, x is True, x is ..., x is [], x is not None)
if x is 5:
    print('five')


def f(y):
    return y is 'abc'


print(f('abc'), not x is 2)
