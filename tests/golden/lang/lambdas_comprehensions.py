# Lambdas and comprehensions: list/set/dict/generator, nesting, conditions, own scope
# (loop variables do not leak), class-body scoping, closures over comprehension variables.
sq = lambda x: x * x
print(sq(7), (lambda: 'no args')(), (lambda *a: len(a))(1, 2, 3), (lambda a, *, k=1: a + k)(1, k=5))
pairs = [(1, 'b'), (2, 'a'), (3, 'c')]
print(sorted(pairs, key=lambda p: p[1]), list(map(lambda p: p[0] * 10, pairs)), list(filter(lambda p: p[0] % 2, pairs)))
print([x * 2 for x in range(5)], [x for x in range(10) if x % 3 == 0], [(i, j) for i in range(3) for j in range(i)])
print({x % 3 for x in range(10)}, {k: v for k, v in zip('abc', range(3))}, {v: k for k, v in {'a': 1, 'b': 2}.items()})
print([[i * j for j in range(3)] for i in range(3)], [x for row in [[1, 2], [3]] for x in row])
print([x for x in range(20) if x % 2 if x % 3], [y.upper() for y in 'abc' if y != 'b'])
gen = (x ** 2 for x in range(4))
print(type(gen).__name__, next(gen), list(gen), list(gen), sum(x for x in range(101)))
x = 'outer'
res = [x for x in 'inner']
print(x, res)
try:
    [leak for leak in range(3)]
    print(leak)
except NameError as e:
    print('NameError:', e)
class Scope:
    base = 10
    vals = [i for i in range(3)]
    try:
        bad = [base + i for i in range(3)]
    except NameError as e:
        err = str(e)
    firsts = [base for _ in range(1)] if False else None
print(Scope.vals, Scope.err)
class Scope2:
    base = [1, 2]
    ok = [v * 2 for v in base]
print(Scope2.ok)
fns = [lambda: i for i in range(3)]
print([f() for f in fns])
fns = [(lambda j: lambda: j)(i) for i in range(3)]
print([f() for f in fns])
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(col) for col in zip(*matrix)], [[row[i] for row in matrix] for i in range(3)])
print({(a, b) for a in range(2) for b in range(2)}, dict.fromkeys('ab', 0), {i: [] for i in range(2)})
def lazy():
    print('generator body starts')
    for i in range(2):
        yield i
g = (v for v in lazy())
print('genexp created')
print(list(g))
try:
    (1 / 0 for _ in range(1))
    print('genexp first iterable evaluated eagerly only for range')
    (v for v in 1 / 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
print([(lambda v: v + 1)(v) for v in range(3)], [f(2) for f in (lambda v: v, lambda v: -v)])
nested_gen = ((i, j) for i in range(2) for j in range(2) if i != j)
print(list(nested_gen), [w for w in (z * 2 for z in range(3))])
print(max((len(w), w) for w in 'the quick brown fox'.split()), any(c.isupper() for c in 'abC'), all(n > 0 for n in []))
total = 0
def add_walrus():
    return [total := total + v for v in range(4)] if False else [(t := v) for v in range(2)] + [t]
print(add_walrus())
print(list(map(lambda a, b: a * b, [1, 2], [3, 4])), sorted(['b', 'A', 'c'], key=str.lower), (lambda: (yield))().__class__.__name__)
