# list capacity after building a list in one go: list(sized) and extend of an empty list
# preallocate an even count, slices are exact, [x]*n and concatenation are exact,
# comprehensions and generators grow by append, extend of a non-empty list uses list_resize.
import sys
def cap(lst):
    return (sys.getsizeof(lst) - sys.getsizeof([])) // 8
for n in [0, 1, 2, 3, 5, 8, 9, 17, 100]:
    src = list(range(n))
    row = [cap(list(range(n))), cap(list(src)), cap(list(tuple(src))), cap(list('a' * n)),
           cap(list(iter(src))), cap(list(x for x in src)), cap([x for x in src]),
           cap([x for x in src if x % 2]), cap(list(map(abs, src))), cap(list({}.fromkeys(src))),
           cap(src[:]), cap(src[1:]), cap(src[::2]), cap(src[::-1]), cap(src.copy()),
           cap([0] * n), cap([1, 2] * n), cap(src + src), cap(src + []), cap([*src]),
           cap([-1, *src]), cap(sorted(src)), cap(list(reversed(src)))]
    print(n, row)
    a = []; a.extend(src); b = []; b.extend(iter(src)); c = [1, 2, 3]; c.extend(src)
    d = [1, 2, 3]; d += src; e = list(src); e *= 3; f = []; f[:] = src
    g = [1, 2]; g[1:1] = src
    print(n, [cap(a), cap(b), cap(c), cap(d), cap(e), cap(f), cap(g)])
