# An exception raised in C code is made only when something needs it (CPython's
# unnormalized error): the failing call's argument tuple is gone by then, so the
# exception's own args tuple comes from the free list; an error a C function raises and
# clears itself (a missing key while translating) makes no exception object at all; and
# the traceback entries are made before the exception.
import gc, sys


def count():
    return gc.get_count()[0]


cases = [
    ('int("x")', lambda: int('x')),
    ('float("x")', lambda: float('x')),
    ('bytes(-1)', lambda: bytes(-1)),
    ('{}["k"]', lambda: {}['k']),
    ('{}[(1, 2)]', lambda: {}[(1, 2)]),
    ('set().remove(1)', lambda: set().remove(1)),
    ('"abc".index("z")', lambda: 'abc'.index('z')),
    ('[].pop()', lambda: [].pop()),
    ('undefined name', lambda: undefined_name),
    ('str.join bad', lambda: ''.join([1])),
]
for label, f in cases:
    gc.collect()
    try:
        f()
    except Exception as e:
        name = type(e).__name__
        args = e.args
    print(label, name, args, count())
gc.collect()
print('translate', 'abcdef'.translate({97: 98, 99: None}), count())
gc.collect()
print('format_map', '{a}'.format_map({'a': 1}), count())
gc.collect()
d = {}
for i in range(20):
    d.get(i)
    d.setdefault(i % 3, i)
print('dict ops', count())
gc.collect()
for i in range(10):
    try:
        {}[i]
    except KeyError as e:
        pass
print('keyerror loop', count())
try:
    {}[(1, 2)]
except KeyError as e:
    print(repr(e), e.args)


def deep(n):
    if n == 0:
        return int('bad')
    return deep(n - 1)


gc.collect()
try:
    deep(3)
except ValueError as e:
    tb = e.__traceback__
    depth = 0
    while tb:
        depth += 1
        tb = tb.tb_next
    print('traceback entries', depth, count())
