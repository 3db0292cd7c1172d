# At the prompt every echoed value goes through sys.displayhook, which looks builtins up
# as CPython's does (generation 0 counts after a collection).
import gc
gc.collect()
gc.get_count()
gc.collect(); gc.get_count()
gc.collect(); 5; gc.get_count()
x = gc.collect(); None; gc.get_count()
x = gc.collect(); print(1, 2); gc.get_count()
