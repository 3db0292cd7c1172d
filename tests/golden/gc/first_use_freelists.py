# The first print() builds Argument Clinic's keyword tuple and the first repr() of a
# container builds the thread-state dict and its "Py_Repr" list: CPython keeps them, and
# takes them from the free lists when those hold objects, so the generation-0 count moves
# only when the free lists are empty.
import gc

gc.collect()
keep = [[], [], [], [], []]
tuple([1, 2, 3, 4])             # a 4-tuple on the free list: print's keyword tuple
[[]]                            # two lists on the free list: the Py_Repr list
a = gc.get_count()
print(1)
b = gc.get_count()
r = repr([a])
c = gc.get_count()
print(a, b, c)
t = (1, 2, 3, 4)
u = tuple([5, 6, 7, 8])
l = list(range(3))
print(gc.get_count())
