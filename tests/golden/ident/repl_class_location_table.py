# At the prompt, after class statements: the class body's first instructions (__module__,
# __qualname__) have compiler_enter_scope's location, the first line at columns 0..0,
# not the whole class statement, so the body's location table has CPython's length and
# size class, and the ids that follow come out as CPython's.
class C:
    pass

a = 'ab' * 4
k = id(a)
del a
class Q:
    attr = b'xxxxxxxxxxxxxxxxxx'

x2 = 'ab' * 8
id(x2) == k
thing = 'cggifihieaafhfggicicddacfcciifiichgifjf'
k = id(thing)
del thing
class Q(C):
    def m(self):
        return 790930 * 419587

x2 = 'idhehiifhhfjihhdfcjeheeiiiijjge'
id(x2) == k
some_longer_name = [0, 1, 2, 3, 4, 5, 6]
k = id(some_longer_name)
del some_longer_name
class Q:
    some_longer_attribute_name = 'ab' * 12

x2 = []
id(x2) == k
b = str(51728854114833585780403493192)
k = id(b)
del b
class Q:
    attr = str(303027717710360147666150601199)

x2 = str(480153153561931021670708939832)
id(x2) == k
some_longer_name = 'ffcda'
k = id(some_longer_name)
del some_longer_name
class Q:
    attr = 'afec'

x2 = 'ciagjadcaafj'
id(x2) == k
some_longer_name = str(38723638166575982004254970181)
k = id(some_longer_name)
del some_longer_name
class Q:
    some_longer_attribute_name = 'gjchdbfbahcijghifc'

x2 = str(343933497111840674201661671988)
id(x2) == k
x = 668.5
k = id(x)
del x
class Q:
    some_longer_attribute_name = 63009581284

x2 = 259.5
id(x2) == k
a = 185375792492
k = id(a)
del a
class Q:
    some_longer_attribute_name = (300, 301, 302, 303, 304,)

x2 = 254462899274
id(x2) == k
