# At the prompt, after an 'if' statement: CPython copies the implicit return for the
# conditional jump (duplicate_exits_without_lineno), the copy taking the jump's location
# (the whole statement), so the statement's location table is longer and lands in another
# size class; the ids that follow come out as CPython's.
class C:
    pass

b = 522284859945
k = id(b)
del b
if k:
    zz = 'eiddhiihg cd ciga bcjaeaehjgggjh'

x2 = 962648840651
id(x2) == k
x = str(276893191197449939422672938111)
k = id(x)
del x
if k:
    q = 797.5

x2 = str(499218727699368237246119251009)
id(x2) == k
thing = list(range(18))
k = id(thing)
del thing
if k:
    q = 598.5

x2 = list(range(7))
id(x2) == k
x = 'j cfijjb d jeebbh h'
k = id(x)
del x
if k:
    zz = 918.5

x2 = 'aeggbajjagj'
id(x2) == k
x = {'k0': 0, 'k1': 1, 'k2': 2, 'k3': 3}
k = id(x)
del x
if k:
    zz = b'xx'

x2 = {}
id(x2) == k
a = 'gejecafffcgghi'
k = id(a)
del a
if k:
    q = str(826444139575274452004486646021)

x2 = 'egeieifagjfagjjca'
id(x2) == k
some_longer_name = C()
k = id(some_longer_name)
del some_longer_name
if k:
    q = object()

x2 = C()
id(x2) == k
thing = {'k0': 0, 'k1': 1, 'k2': 2, 'k3': 3, 'k4': 4}
k = id(thing)
del thing
if k:
    q = 'feh'

x2 = {'k0': 0, 'k1': 1}
id(x2) == k
