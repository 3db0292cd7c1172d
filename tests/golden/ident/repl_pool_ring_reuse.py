# At the prompt, which block a new object gets depends on the ring of partly used pools
# of its size class: CPython reaches its first prompt with a head pool holding only a few
# free blocks, then another, ... so a block freed into a pool behind the head is not the
# next one handed out (a set freed here is reused by the next set only after the
# compiler's symtable sets have taken and given back the head pool's blocks).
class C:
    pass

val = {1}
k = id(val)
del val
x2 = {1, 2, 3, 4, 5}
id(x2) == k
val = {1}
k = id(val)
del val
x2 = {1, 2, 3, 4, 5}
id(x2) == k
val = {1}
k = id(val)
del val
x2 = {1, 2, 3, 4, 5}
id(x2) == k
val = {1, 2, 3}
k = id(val)
del val
x2 = {1, 2, 3, 4}
id(x2) == k
val = {1, 2, 3}
k = id(val)
del val
x2 = {1, 2, 3, 4}
id(x2) == k
val = {1, 2, 3}
k = id(val)
del val
x2 = {1, 2, 3, 4}
id(x2) == k
val = b'xxxxxxxxxx'
k = id(val)
del val
x2 = b'xxxxxxxxxx'
id(x2) == k
val = b'xxxxxxxxxx'
k = id(val)
del val
x2 = b'xxxxxxxxxx'
id(x2) == k
val = b'xxxxxxxxxx'
k = id(val)
del val
x2 = b'xxxxxxxxxx'
id(x2) == k
val = frozenset({1, 2})
k = id(val)
del val
x2 = set([3, 4])
id(x2) == k
val = frozenset({1, 2})
k = id(val)
del val
x2 = set([3, 4])
id(x2) == k
val = frozenset({1, 2})
k = id(val)
del val
x2 = set([3, 4])
id(x2) == k
val = [1, 2]
k = id(val)
del val
x2 = [3, 4]
id(x2) == k
val = [1, 2]
k = id(val)
del val
x2 = [3, 4]
id(x2) == k
val = [1, 2]
k = id(val)
del val
x2 = [3, 4]
id(x2) == k
val = {1: 2}
k = id(val)
del val
x2 = {3: 4, 5: 6}
id(x2) == k
val = {1: 2}
k = id(val)
del val
x2 = {3: 4, 5: 6}
id(x2) == k
val = {1: 2}
k = id(val)
del val
x2 = {3: 4, 5: 6}
id(x2) == k
