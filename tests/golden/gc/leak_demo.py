# A "leak" in a long-running program is a reference it keeps: a global dict that only
# grows keeps every value alive -- its len() and getsizeof() grow, and so does the number
# of live containers (generation 0's count only goes up); the same loop clearing the
# dict stays flat.  There are no cycles: the collector has nothing to free either way.
import gc
import sys

history = {}


def record(day):
    history[day] = [day, day * 2]


gc.disable()
gc.collect()
for day in range(3000):
    record(day)
    if day % 500 == 499:
        count = gc.get_count()[0]
        print("grows:", len(history), sys.getsizeof(history), count)
history.clear()
gc.collect()
for day in range(3000):
    record(day)
    if len(history) > 50:
        history.clear()
    if day % 500 == 499:
        count = gc.get_count()[0]
        print("flat:", len(history), sys.getsizeof(history), count)
print("collected:", gc.collect())
gc.enable()
