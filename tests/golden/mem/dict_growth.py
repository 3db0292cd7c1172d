# dict sizes in 3.11: 64 empty (shared empty keys), compact tables with 2/3 usable, growth to
# the power of two >= used*3, str-only keys in the 16-byte "unicode" entry layout; deleting
# keeps the table, copy()/dict()/clear() rebuild or drop it.
import sys
gs = sys.getsizeof
for kind in ['int', 'str', 'mixed']:
    d = {}
    last = gs(d)
    steps = [last]
    for i in range(200):
        d[i if kind == 'int' else 'k%d' % i if kind == 'str' else (i if i % 2 else 'k%d' % i)] = i
        if gs(d) != last:
            last = gs(d)
            steps.append((i + 1, last))
    print(kind, steps)
    for k in list(d)[:150]:
        del d[k]
    print(' after deleting 150:', gs(d), gs(d.copy()), gs(dict(d)), gs({**d}))
    d.clear()
    print(' cleared:', gs(d))
for n in range(0, 40, 3):
    print(n, gs(dict.fromkeys(range(n))), gs({i: i for i in range(n)}),
          gs(dict(zip(range(n), range(n)))), gs(dict.fromkeys(['s%d' % i for i in range(n)])),
          gs(dict([(i, i) for i in range(n)])), gs(dict(**{'s%d' % i: i for i in range(n)})),
          gs({'s%d' % i: i for i in range(n)}.copy()), gs({i: i for i in range(n)}.copy()))
d = {i: i for i in range(10)}
d.popitem()
print(gs(d))
d.setdefault(100, 1)
print(gs(d))
d.update({j: j for j in range(100, 130)})
print(gs(d))
d = {}
d.update(a=1, b=2)
print(gs(d), gs(dict.fromkeys('abcdefghijkl')), gs(dict.fromkeys(set(range(20)))),
      gs(dict.fromkeys({i: i for i in range(20)})))
