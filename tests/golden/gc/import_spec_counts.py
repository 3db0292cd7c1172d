# Importing sys or builtins again (or calling sys.displayhook, which looks builtins up)
# makes CPython read the module's __spec__._initializing, which those two specs lack: an
# AttributeError is made and dropped, and its args tuple stays in generation 0's count.
import gc, sys
def after(f):
    gc.collect()
    f()
    return gc.get_count()[0]
print(after(lambda: __import__('sys')), after(lambda: __import__('builtins')))
print(after(lambda: __import__('gc')), after(lambda: __import__('math')))
print(after(lambda: sys.displayhook(None)))
gc.collect()
import sys
from sys import path
import gc
print(gc.get_count()[0])
