# The memory article's task-list advice: a very long mission list built eagerly holds every
# task at once, while a generator (yield) produces each task on demand; the consumer
# (map, like Pool.imap) pulls them lazily.  Memory stays flat: the generator's size does
# not depend on the number of tasks, and no containers pile up in generation 0.
import gc
import sys
def mission_list_eager(n):
    return [('task', i) for i in range(n)]
def mission_list_lazy(n):
    for i in range(n):
        yield ('task', i)
def mission_function(mission):
    return mission[1] * 2
print(sys.getsizeof(mission_list_eager(10)), sys.getsizeof(mission_list_eager(10000)))
small, huge = mission_list_lazy(10), mission_list_lazy(10 ** 12)
print(sys.getsizeof(small) == sys.getsizeof(huge), type(huge).__name__)
print(next(huge), next(huge))
gc.collect()
gc.disable()
before = gc.get_count()[0]
total = 0
for result in map(mission_function, mission_list_lazy(100000)):
    total += result
after = gc.get_count()[0]
gc.enable()
print(total, 'gen0 growth while streaming 100000 tasks:', after - before < 50)
gc.collect()
gc.disable()
before = gc.get_count()[0]
tasks = mission_list_eager(100000)
after = gc.get_count()[0]
gc.enable()
print('gen0 growth for the eager list:', after - before >= 100000, len(tasks))
del tasks
order = []
def traced_missions(n):
    for i in range(n):
        order.append(f'make {i}')
        yield ('task', i)
def traced_function(m):
    order.append(f'run {m[1]}')
    return m[1]
results = map(traced_function, traced_missions(3))
print(order)
print(list(results))
print(order)
def chunked(it, size):
    chunk = []
    for x in it:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
print([len(c) for c in chunked(mission_list_lazy(10), 4)])
print(sum(1 for _ in mission_list_lazy(5000)), max(m[1] for m in mission_list_lazy(7)))
