# The gc module documents itself as CPython's does (help(gc), gc.__doc__).
import gc
print(gc.__doc__)
print(sorted(k for k in vars(gc) if not k.startswith("_")) == sorted(k for k in dir(gc) if not k.startswith("_")))
