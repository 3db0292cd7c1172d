# str.__format__ / format(str, spec): fill, alignment, width, precision truncation, the
# '0' flag, non-ASCII fills, and the ValueError messages for specs str does not accept.
specs = ['', 's', '<', '>', '^', '10', '<10', '>10', '^10', '^9', '*^9', 'é>7', '\U0001f600^8',
         '.2', '.0', '10.3', '>10.3s', '05', '>05', 'x<05', '0<5', '3', '4.4', '2.9', '\x00<6',
         '<<6', '{^6']
for v in ['', 'abcd', 'é', 'Ωmega', '\U0001f600x']:
    print(repr(v), [format(v, s) for s in specs])
s = 'text'
print(format(s, '') is s, format(s, '<2') is s, format(s, 's') is s, format(s, '.10') is s,
      format(s, '4') is s, format(s, '5') is s, format('abc', '.1') is chr(97))
print('{:>6}|{:^7}|{:.2}|{:*<5}'.format('ab', 'cd', 'xyz', 'q'))
class S(str):
    pass
x = S('abc')
print(type(format(x, '')).__name__, type(format(x, '<5')).__name__, format(x, '^7'))
for spec in ['d', '+', '-', ' ', '#', '=5', '0=5', ',', '_', ',s', 'z', 'é', '5.2x', '.', '<<<',
             '.2f', 'ss', '10,', '>+10', '\U0001f600', 'n', '%']:
    try:
        print(repr(spec), repr(format('ab', spec)))
    except Exception as e:
        print(repr(spec), type(e).__name__, e)
for call in [lambda: 'a'.__format__(1), lambda: 'a'.__format__(None), lambda: 'a'.__format__(),
             lambda: format('a', 'x' * 3 + 'd'), lambda: format('a', '99999999999999999999')]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
