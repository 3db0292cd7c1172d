# At the prompt: the implicit 'return None' of a statement takes the whole location of the
# statement's last instruction (CPython's propagate_line_numbers), so a long target name
# ('some_longer_name = ...', 16 columns or more) makes a longer location table, a block of
# another size class, and the ids that follow come out as CPython's.
class C:
    pass

a = {1, 2, 3, 4}
k = id(a)
x2 = {1, 2}
some_longer_name = 825.5
del some_longer_name
id(some_longer_name2) == k
thing = {'k0': 0, 'k1': 1, 'k2': 2}
a2 = 'xxxxxxxxxxxxxxx' + str(788790)
val2 = 'ab' * 4
thing2 = b'xxxxxxxxxxx'
thing = str(835545648982321758821411744263)
k = id(thing)
del thing
x3 = list(range(3))
x2 = str(378155436276898171421838771002)
id(x2) == k
