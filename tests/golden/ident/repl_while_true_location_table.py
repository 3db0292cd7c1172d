# At the prompt, after 'while True:' loops: the code starts with a NOP for the loop's line,
# and CPython's location table has RESUME's entry before it, so the table's length and
# size class are CPython's and the ids that follow come out as CPython's.
class C:
    pass

some_longer_name = str(259474555368124611114247430513)
k = id(some_longer_name)
del some_longer_name
while 1:
    some_longer_attribute_name = str(704511047883023533822611141645)
    break

x2 = str(33428090951638827606959400482)
id(x2) == k
a = 'ab' * 8
k = id(a)
del a
while 1:
    some_longer_attribute_name = 'd igdhjeacgfecdfbbgbffjeahibgbie jfjd'
    break

x2 = 'ab' * 4
id(x2) == k
a = (300, 301, 302,)
k = id(a)
del a
x2 = (300, 301,)
id(x2) == k
a = list(range(8))
k = id(a)
del a
while True:
    pass
    q = 388462 * 372828
    break

x2 = list(range(6))
id(x2) == k
some_longer_name = {'k0': 0, 'k1': 1, 'k2': 2, 'k3': 3, 'k4': 4}
k = id(some_longer_name)
del some_longer_name
x2 = {'k0': 0, 'k1': 1, 'k2': 2, 'k3': 3, 'k4': 4}
id(x2) == k
a = 560386 * 764844
k = id(a)
del a
while True:
    pass
    q = list(range(8))
    break

x2 = 970642 * 671388
id(x2) == k
some_longer_name = (300, 301, 302,)
k = id(some_longer_name)
del some_longer_name
x2 = (300,)
id(x2) == k
b = 'gebdjfdhghcecdiiejgjgf'
k = id(b)
del b
while True:
    q = 'xxx' + str(792495)
    break

x2 = 'bccgj'
id(x2) == k
