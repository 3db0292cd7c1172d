# The temporaries of repr() on containers, after a collection: CPython 3.11 calls
# Py_ReprEnter before a dict's or set's empty case (its first call makes the thread's repr
# list), a view's and a set's repr go through a list of the items.
import gc
d = {1: 2}
d2 = {}
for e in ["f'{d2}-'", "repr(d.keys())", "repr({}.items())", "repr(d.values())", "str({})", "repr({1: [2]})", "repr(((),))", "repr([[]])", "repr(frozenset())", "repr({1: {}})"]:
    c = compile('r = ' + e, 's', 'exec')
    for i in range(2):
        gc.collect(); a = gc.get_count()[0]; exec(c); print(e, gc.get_count()[0]-a)
