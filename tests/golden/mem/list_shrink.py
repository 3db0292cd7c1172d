# list capacity while shrinking: pop, del, remove, slice deletion and clear reallocate only
# when the length falls below half the capacity (3.11's list_resize), then to n + n//8 + 6.
import sys
def cap(lst):
    return (sys.getsizeof(lst) - sys.getsizeof([])) // 8
def shrink(op, n=200):
    lst = list(range(n))
    seen = [(len(lst), cap(lst))]
    while lst:
        op(lst)
        if cap(lst) != seen[-1][1]:
            seen.append((len(lst), cap(lst)))
    return seen
print('pop', shrink(lambda l: l.pop()))
print('pop(0)', shrink(lambda l: l.pop(0)))
print('del l[-1]', shrink(lambda l: l.__delitem__(-1)))
print('remove', shrink(lambda l: l.remove(l[0])))
print('del l[:3]', shrink(lambda l: l.__delitem__(slice(None, 3))))
print('del l[::2]', shrink(lambda l: l.__delitem__(slice(None, None, 2))))
print('l[-5:] = []', shrink(lambda l: l.__setitem__(slice(-5, None), [])))
for n in [10, 50, 100]:
    for k in [1, 3, n // 2, n - 1, n]:
        a = list(range(n)); del a[:k]
        b = list(range(n)); b[:k] = [0]
        c = list(range(n)); c[1:2] = list(range(k))
        d = list(range(n)); d *= 0
        e = list(range(n)); e.clear()
        print(n, k, cap(a), cap(b), cap(c), cap(d), cap(e))
