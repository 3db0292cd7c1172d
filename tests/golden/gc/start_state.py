# The collector as CPython's start-up leaves it: the generation counts and gc.get_stats()
# at a program's first `import gc`.
import gc
print(gc.get_count(), gc.get_stats())
