# memerr: sorting with keys, iterator protocol objects, builtins that build containers
data = [(i * 7919) % 101 for i in range(60)]
print(sorted(data)[:5], sorted(data, key=lambda x: (-x, str(x)))[:3], max(data), min(data))
print(list(enumerate("abc", 1)), list(zip(range(3), "xyz", [1.5] * 3)), list(reversed(data[:4])))
print(list(map(str, range(5))), list(filter(None, [0, 1, "", "a"])), any(x > 99 for x in data))
print(dict(zip("abc", range(3))), set(map(abs, [-1, 1, -2])), sum(range(100)), divmod(7, 2))
words = "the quick brown fox jumps over the lazy dog".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3], len(set(words)))
