# The memory article's generational-gc demo: two objects with __del__ that refer to each
# other cannot be freed by reference counting; with the default threshold (700, 10, 10)
# the automatic generation-0 collection frees them while the program allocates more
# containers, and __del__ runs then (PEP 442, Python >= 3.4: nothing in gc.garbage).
# Between gc.collect() and the end of the loop the program only records what happens
# (print would allocate interpreter-internal objects of its own); the log is printed after.
import gc
log = []
class A:
    def __init__(self):
        log.append('object born')
    def __del__(self):
        log.append(('object del', self.name, 'after', len(junk), 'new containers'))
junk = []
print(gc.get_threshold())
gc.collect()
a = A()
a.name = 'a'
b = A()
b.name = 'b'
a.t = b
b.t = a
del a
del b
log.append(('cycle dropped: nothing freed yet, gen0 count', gc.get_count()))
for i in range(1000):
    junk.append([i])
    if i % 100 == 0:
        log.append((i, gc.get_count()))
for entry in log:
    print(entry)
print(gc.garbage)
log.clear()
c = A()
c.name = 'c'
c.self = c
del c
found = gc.collect()
gc.set_threshold(5, 10, 10)
threshold = gc.get_threshold()
d = A()
d.name = 'd'
d.self = d
del d
for i in range(10):
    junk.append([])
gc.set_threshold(700, 10, 10)
print('explicit collect found', found, 'unreachable objects')
print(threshold)
print(log)
