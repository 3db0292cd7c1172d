# DEBUG_STATS during interpreter exit: CPython's finalization collects three more times
# after the first one, and its start-up objects die in them.  The sizes its headers show
# (generation 0 holds what finalization itself made before the second) are CPython's.
import gc
gc.set_debug(gc.DEBUG_STATS)
