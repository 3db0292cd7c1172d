# Control flow: if/elif/else, while/for with else, break/continue, nested loops, pass,
# range variants, assert, match-free dispatch.
for n in range(2, 12):
    for d in range(2, n):
        if n % d == 0:
            print(n, 'equals', d, '*', n // d)
            break
    else:
        print(n, 'is prime')
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    if i == 4:
        break
    print('while', i)
else:
    print('not reached')
j = 0
while j < 2:
    j += 1
else:
    print('while else ran', j)
for k in []:
    pass
else:
    print('empty for else')
for a in range(3):
    for b in range(3):
        if b > a:
            break
        if (a + b) % 2:
            continue
        print('pair', a, b)
def classify(v):
    if v < 0:
        return 'neg'
    elif v == 0:
        return 'zero'
    elif v < 10:
        return 'small'
    else:
        return 'big'
print([classify(v) for v in (-5, 0, 5, 50)])
print(list(range(5)), list(range(2, 8, 3)), list(range(10, 0, -3)), list(range(0)), range(1, 10, 2)[2], len(range(0, 100, 7)))
print(range(3), range(1, 5, 2), 5 in range(10), 10 in range(10), range(10).index(4), range(0, 10, 2).count(4), reversed(range(3)).__class__.__name__)
try:
    assert 1 + 1 == 3, 'math is broken'
except AssertionError as e:
    print('AssertionError:', e)
try:
    assert False
except AssertionError as e:
    print('AssertionError args:', e.args)
def first_even(seq):
    for x in seq:
        if x % 2 == 0:
            return x
    return None
print(first_even([1, 3, 4, 5]), first_even([1]))
count = 0
while True:
    count += 1
    if count >= 3:
        break
print('count', count)
for ch in 'abc':
    pass
print('loop var survives', ch)
it = iter([1, 2, 3, 4, 5])
for v in it:
    if v == 2:
        print('skipping', next(it))
    print('got', v)
x = 10
while x:
    x -= 3 if x > 3 else x
print('x', x)
for i, v in enumerate('ab', start=1):
    print(i, v)
for a, b in zip('abc', range(10)):
    print(a, b, end=' ')
print()
for v in reversed([1, 2, 3]):
    print(v, end=';')
print()
print(list(zip()), list(zip([1], [2], [3])), list(enumerate([])), list(map(None.__class__, [])))
outer_done = False
for i in range(3):
    for j in range(3):
        if i * j == 2:
            outer_done = True
            break
    if outer_done:
        break
print('found at', i, j)
