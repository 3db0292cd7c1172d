# CPython's start-up has imported weakref already, so `import weakref` changes no counts:
# the references its objects hold on the small ints, the common names and the static
# singletons are among the start-up's.  pyheap imports it on first use and takes those
# references out of the start-up's (never more than were given).
import sys
names = ['self', 'key', 'data', 'ref', 'items', 'get', 'pop', 'args', 'kwargs', 'value',
         'other', 'o', 'k', 'v', 'func', 'callback', 'obj', '__init__', 'atexit', 'info',
         'WeakSet', 'finalize', '_remove', 'wr', 'item', 'dict', 'len', 'iter', 'next']
def snapshot():
    # floats: a list of ints would itself hold references on the small ints
    ints = [float(sys.getrefcount(i)) for i in range(-5, 257)]
    strs = [float(sys.getrefcount(sys.intern(n))) for n in names]
    single = [float(sys.getrefcount(x)) for x in ('', (), b'', None, True, False)]
    return ints, strs, single
before = snapshot()
import weakref
after = snapshot()
print('ints', [(i - 5, int(y - x)) for i, (x, y) in enumerate(zip(before[0], after[0])) if x != y])
print('names', [(n, int(y - x)) for n, x, y in zip(names, before[1], after[1]) if x != y])
print('singletons', [int(y - x) for x, y in zip(before[2], after[2])])
w = weakref.WeakSet()
print(len(w), sys.getrefcount(0) - before[0][5] < 5)
