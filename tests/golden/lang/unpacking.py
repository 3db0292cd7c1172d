# Unpacking: tuple/list targets, nested, starred, in for loops, in calls and displays,
# and the ValueError messages.
a, b = 1, 2
(c, d), e = (3, 4), 5
[f, g] = 'xy'
print(a, b, c, d, e, f, g)
first, *rest = [1, 2, 3, 4]
*init, last = range(5)
h, *mid, t = 'abcde'
x, *y = [1]
print(first, rest, init, last, h, mid, t, x, y)
for i, (k, v) in enumerate({'a': 1, 'b': 2}.items()):
    print(i, k, v)
for p, *q in [(1, 2, 3), (4,)]:
    print(p, q)
print(*[1, 2], *'ab', *range(2))
print([*range(3), *[9]], (*'xy', 0), {*[1, 2], *[2, 3]}, {**{'a': 1}, 'b': 2, **{'a': 3}})
def f3(a, b, c):
    return a + b + c
print(f3(*[1, 2, 3]), f3(1, *(2, 3)), f3(*'abc'), f3(**{'a': 1, 'b': 2, 'c': 3}), f3(1, **{'c': 3, 'b': 2}))
cases = ['a, b = [1]', 'a, b = [1, 2, 3]', 'a, *b, c = [1]', 'a, b = 5', '*a, b, c, d = (1, 2)', 'a, b = iter([1, 2, 3])']
for src in cases:
    try:
        exec(src)
    except (ValueError, TypeError) as exc:
        print(type(exc).__name__ + ':', exc)
def gen():
    yield 1
    yield 2
m, n = gen()
print(m, n)
(a, b), [c, *d] = 'ab', range(4)
print(a, b, c, d)
a = [0, 0, 0]
i = 0
i, a[i] = 1, 'set'
print(i, a)
d = {}
d['k'], d['j'] = 1, 2
print(d)
class O:
    pass
o = O()
o.x, o.y = 'attr', 'ibutes'
print(o.x + o.y)
print(dict(**{'x': 1}, y=2), [*{}], [*{'k': 1}])
try:
    dict(**{'x': 1}, x=2)
except TypeError as exc:
    print('TypeError:', exc)
try:
    f3(*5)
except TypeError as exc:
    print('TypeError:', exc)
try:
    f3(**[1])
except TypeError as exc:
    print('TypeError:', exc)
try:
    print(*None)
except TypeError as exc:
    print('TypeError:', exc)
try:
    f3(1, *5)
except TypeError as exc:
    print('TypeError:', exc)
class K:
    def m(self, **kw):
        return kw
try:
    K().m(**{'a': 1}, **{'a': 2})
except TypeError as exc:
    print('TypeError:', exc)
try:
    len(**{'a': 1}, a=2)
except TypeError as exc:
    print('TypeError:', exc)
