# Results that are the same in both modes: caches, interning, singletons, run-time values.
a = 100
b = 100
print('@4', a is b)
s = 'name_like'
t = 'name_like'
print('@7', s is t)
x = 1000
y = x + 1
z = x + 1
print('@11', y is z)
e = ()
print('@13', e is tuple(), None is None)
w = ''.join(['a', 'b'])
print('@15', w is 'ab'[0:2], id([]) == id([]))
