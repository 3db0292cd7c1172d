# DEBUG_STATS reports the generations' sizes as CPython's would be: its start-up objects
# (in the oldest generation, and the young ones a program starts with) are counted, and
# move along with the collections as survivors do.
import gc
gc.set_debug(gc.DEBUG_STATS)
gc.collect(0)
x = [[] for i in range(100)]
gc.collect(1)
gc.set_debug(0)
print(gc.get_count())
