# `not a is b` is compiled as `a is not b` (and `not a in b` as `a not in b`).
a = 'x y'
b = 'x y'
print(not a is b, a is not b, not a is not b)
c = [1]
print(not 1 in c, not 2 not in c)
