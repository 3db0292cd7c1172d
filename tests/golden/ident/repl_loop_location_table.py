# At the prompt, after loops: an artificial jump and the implicit return take the location
# of the instruction before them, or of their block's only predecessor (CPython's
# propagate_line_numbers), so a loop's location table has CPython's length and size
# class, and the ids that follow come out as CPython's.
class C:
    pass

b = object()
k = id(b)
del b
x2 = object()
id(x2) == k
b = []
k = id(b)
del b
while not k:
    zz = list(range(20))

x2 = []
id(x2) == k
val = 'xxxxxxxxxxxxxxx' + str(409445)
k = id(val)
del val
for it in range(3):
    if it:
        zz = 'ab' * 17

x2 = 'xxxxxxxx' + str(795894)
id(x2) == k
a = {'k0': 0, 'k1': 1, 'k2': 2, 'k3': 3}
k = id(a)
del a
for it in range(2):
    some_longer_target_name = {}

x2 = {'k0': 0, 'k1': 1, 'k2': 2, 'k3': 3, 'k4': 4, 'k5': 5}
id(x2) == k
a = list(range(19))
k = id(a)
del a
x2 = list(range(3))
id(x2) == k
some_longer_name = 'dbhidjcjbiahdcjhjheifgc'
k = id(some_longer_name)
del some_longer_name
for it in range(2):
    q = C()

x2 = 'hijdecfieibiidfdaefdeage'
id(x2) == k
val = b'xxxxxxxxxxxxxxxxxxxxxxxxxxxx'
k = id(val)
del val
for it in range(2):
    some_longer_target_name = 978143 * 695685

x2 = b'xxx'
id(x2) == k
b = 314919 * 122441
k = id(b)
del b
if k:
    some_longer_target_name = 597071 * 457067
else:
    pass

x2 = 949400 * 243275
id(x2) == k
