# Unorderable items: the TypeError names the pair CPython's sort compares first.
def err(label, f):
    try:
        print(label, f())
    except TypeError as e:
        print(label, 'TypeError:', e)


err('int-str', lambda: sorted([1, 'a']))
err('str-int', lambda: sorted(['a', 1]))
err('later', lambda: sorted([1, 2, 'x', 3]))
err('none', lambda: sorted([None, None]))
err('float-none', lambda: sorted([1.5, None, 2]))
err('tuple-2nd', lambda: sorted([(1, 'a'), (1, 2)]))
err('tuple-1st', lambda: sorted([(1, 2), ('a', 2)]))
err('bytes-str', lambda: sorted([b'a', 'a']))
err('sets', lambda: sorted([{1}, {2}, 3]))
err('object', lambda: sorted([object(), object()]))
err('key', lambda: sorted([3, 1, 2], key=lambda x: 'a' if x == 2 else x))
err('lists', lambda: sorted([[1], [2, 'a'], [2, 3]]))
err('complex', lambda: sorted([complex(1), complex(2)]))
err('dicts', lambda: sorted([{}, {}]))
err('reverse', lambda: sorted([1, 'b', 2], reverse=True))
err('ok-numbers', lambda: sorted([True, 2.5, 1, -3, 10**20, False]))
lst = [5, 3, 'x', 1, 4, 'y', 0]
try:
    lst.sort()
except TypeError as e:
    print(e)
print(lst)
big = list(range(100, 0, -1)) + ['z'] + list(range(50))
try:
    big.sort()
except TypeError as e:
    print(e)
print(big[:5], big[-5:], len(big))
