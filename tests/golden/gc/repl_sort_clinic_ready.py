import gc
gc.collect(); b = gc.get_count()[0]; [2, 1].sort(key=None); print(gc.get_count()[0] - b)
gc.collect(); b = gc.get_count()[0]; "a b".split(sep=None); print(gc.get_count()[0] - b)
