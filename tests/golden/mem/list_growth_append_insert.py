# list capacity (from getsizeof) while growing by append and insert: 3.11's list_resize
# over-allocates to (n + n//8 + 6) & ~3, so the capacities run 0, 4, 8, 16, 24, 32, 40, 52...
import sys
def cap(lst):
    return (sys.getsizeof(lst) - sys.getsizeof([])) // 8
def steps(grow, n):
    lst, seen = [], [0]
    for i in range(n):
        grow(lst, i)
        if cap(lst) != seen[-1]:
            seen.append(cap(lst))
    return seen
print('append', steps(lambda l, i: l.append(i), 2000))
print('insert front', steps(lambda l, i: l.insert(0, i), 300))
print('insert middle', steps(lambda l, i: l.insert(len(l) // 2, i), 300))
print('insert past end', steps(lambda l, i: l.insert(10 ** 9, i), 300))
print('+= [x]', steps(lambda l, i: l.__iadd__([i]), 300))
lst = list(range(10))
lst.append(10)
print(len(lst), cap(lst))
