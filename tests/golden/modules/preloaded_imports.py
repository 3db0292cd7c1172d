# CPython's start-up has already imported os and time (site, zipimport), and the reference
# python3's site-packages math: importing them makes no new objects, so generation 0 does
# not move.
import gc
c = gc.get_count()[0]
import os, time, math
print(gc.get_count()[0] - c)
import sys
print("os" in sys.modules, "time" in sys.modules, "math" in sys.modules, os.path.join("a", "b"))
