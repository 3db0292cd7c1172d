# | & - ^ and their in-place forms, comparisons and result types for set/frozenset mixes
a, b = {1, 2, 3}, {2, 3, 4}
print(a | b, a & b, a - b, b - a, a ^ b)
fa = frozenset(a)
print(fa | b, type(fa | b).__name__, b | fa, type(b | fa).__name__)
print(fa & b, fa - b, fa ^ b)
print(a == fa, a != fa, fa == {1, 2, 3}, a == b)
print(a < a, a <= a, {1} < a, {1} <= a, a > {1}, a >= a, {1, 5} < a, {1, 5} > a)
print(set() == frozenset(), set() < {0}, a == [1, 2, 3])
c = a
c |= {9}
print(c is a, a)
c &= {1, 2, 9}
print(c is a, a)
c -= {9}
print(c is a, a)
c ^= {2, 7}
print(c is a, a)
f = frozenset([1])
g = f
g |= {2}
print(g is f, f, g)
for f in (lambda: a | [1], lambda: a & [1], lambda: a - [1], lambda: a ^ [1], lambda: a < [1], lambda: a <= [1]):
    try:
        f()
    except TypeError as e:
        print(e)
try:
    a |= [1]
except TypeError as e:
    print(e)
print(a | a, a & a, a - a, a ^ a)
big = set(range(100))
print(len(big - {1, 2}), {1, 2} - big, len(big & {1, 200}), big > {5})
