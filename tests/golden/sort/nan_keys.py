# NaN keys: sort is only as ordered as '<' says, and the result matches CPython exactly.
nan = float('nan')
inf = float('inf')
data = [3.0, nan, 1.0, 2.0, nan, -1.0, 0.5, inf, nan, -inf, 7.0, 2.0]
print(sorted(data))
print(sorted(data, reverse=True))
# mixed ints and floats (no float-only fast path)
mixed = [3, nan, 1.5, 2, nan, -1, 0, 10**20, nan, -2.5]
print(sorted(mixed))
# NaN as a key, stability of the equal-key groups in between
words = ['pear', 'fig', 'apple', 'kiwi', 'plum', 'date', 'lime', 'nut']
keys = {'pear': 2.0, 'fig': nan, 'apple': 1.0, 'kiwi': 2.0, 'plum': nan, 'date': 1.0,
        'lime': 0.0, 'nut': 2.0}
print(sorted(words, key=keys.get))
print(sorted(words, key=keys.get, reverse=True))
# a longer list: NaNs cut it into independently sorted stretches
seed = 99
vals = []
for i in range(300):
    seed = (seed * 1103515245 + 12345) % 2147483648
    vals.append(nan if seed % 17 == 0 else float(seed % 1000))
s = sorted(vals)
print(sum(i * (0 if v != v else v) for i, v in enumerate(s)), [i for i, v in enumerate(s) if v != v])
