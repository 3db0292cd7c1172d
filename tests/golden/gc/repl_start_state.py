import gc
gc.get_count(), gc.get_stats()
