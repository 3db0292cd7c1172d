# list() and dict() called as types allocate fresh objects (CPython's list_vectorcall and
# dict_new go through tp_alloc), while [] and {} take from the free lists.
import gc

print(id(list()) == id(list()), id([]) == id([]), id(list()) == id([]))
print(id(dict()) == id(dict()), id({}) == id({}), id(dict()) == id({}))
print(id(list(range(3))) == id(list(range(3))), id(dict(a=1)) == id(dict(a=1)))

a = [1]
i = id(a)
del a
b = list()
print("freed list reused by list():", id(b) == i)
a = {1: 2}
i = id(a)
del a
b = dict()
print("freed dict reused by dict():", id(b) == i)

# generation-0 counting: a fresh allocation counts, a dealloc onto a free list does not
gc.collect()
keep = [[], [], [], []]
c0 = gc.get_count()[0]
list([1, 2])
list([1, 2])
dict(a=1)
dict(a=1)
print("count delta:", gc.get_count()[0] - c0)
print(gc.is_tracked(dict()), gc.is_tracked(dict(a=1)), gc.is_tracked(dict(a=[])))
