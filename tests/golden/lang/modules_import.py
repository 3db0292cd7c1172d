# Importing a user module next to the script: executed once, cached in sys.modules,
# import forms (import / from-import / as / star), module attributes, ImportError messages.
import sys
print('langhelper' in sys.modules)
import langhelper
import langhelper as lh
from langhelper import greet, Thing as T, CONSTANT
print(langhelper is lh, 'langhelper' in sys.modules, sys.modules['langhelper'] is lh)
print(greet('you'), T(3), CONSTANT, lh.__name__, type(lh).__name__, lh.__file__.endswith('langhelper.py'))
print(lh.bump(), lh.bump(), lh.counter, langhelper.counter)
import langhelper
print('second import did not re-execute', lh.counter)
from langhelper import *
print(bump(), Thing('star'), '_private' in dir(), 'counter' in dir())
print(sorted(k for k in vars(lh) if not k.startswith('__')))
try:
    import no_such_module_xyz
except ModuleNotFoundError as e:
    print('ModuleNotFoundError:', e, e.name)
try:
    from langhelper import missing_name
except ImportError as e:
    print('ImportError:', str(e).replace(__file__.rsplit('/', 1)[0] + '/', ''))
try:
    from sys import no_such_attr
except ImportError as e:
    print('ImportError:', e)
import math, time, gc
import math as m2
from math import pi as PI, sqrt
print(m2 is math, PI, sqrt(16), type(time.time()).__name__, gc.isenabled())
def lazy_import():
    import langhelper as inner
    return inner.greet('function')
print(lazy_import())
if True:
    import sys as conditional_sys
print(conditional_sys is sys, __name__, sys.modules['__main__'].__name__)
lh.new_attr = 'set from importer'
import langhelper as again
print(again.new_attr)
del sys.modules['langhelper']
import langhelper as reloaded
print(reloaded is lh, reloaded.counter)
