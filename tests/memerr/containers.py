# memerr: lists, tuples, dicts and sets being built, grown, sorted and copied
l = [i * i for i in range(40)]
l.append(l[:])
l.extend(range(5))
l.insert(0, "x")
t = tuple(l[1:10]) + (1, 2)
d = {str(i): i for i in range(30)}
d.update(a=1, b=[1, 2])
d2 = dict(d)
del d2["3"]
s = {i % 7 for i in range(50)} | frozenset("abc")
s.discard(3)
print(sorted(l[1:41], reverse=True)[:5], len(t), len(d2), sorted(s, key=str))
print([k for k, v in d.items() if v == 5], list(zip(t, "abc")), {1: 2} | {3: 4})
