# DEBUG_STATS during interpreter exit: CPython's finalization collects three more times
# after the first one, and its start-up objects die in them.  The sizes its headers show
# from the second one on (generation 0 holds what finalization itself made) are CPython's.
import gc
gc.set_debug(gc.DEBUG_STATS)
