# At the prompt too: a built-in module imported at run time has the spec CPython's BuiltinImporter gives it
# (module.__spec__, module.__loader__), and the spec holds what CPython's holds: two
# references to False (_set_fileattr, _initializing), none to the names of its
# attributes (CPython's start-up made specs already).
import sys
def counts():
    return [float(sys.getrefcount(x)) for x in (True, False, 1, 'origin', 'name', 'loader')]

before = counts()
import gc
print([int(y - x) for x, y in zip(before, counts())])
print(gc.__spec__)
print(gc.__loader__, gc.__spec__.loader is gc.__loader__)
print(gc.__spec__.name, gc.__spec__.origin, repr(gc.__spec__.parent), gc.__spec__.has_location)
print(gc.__spec__.submodule_search_locations, gc.__spec__.cached, gc.__spec__._initializing)
print(type(gc.__spec__).__name__, type(gc.__spec__).__module__)
print(gc.__spec__ == gc.__spec__, gc.__loader__.is_package('gc'), gc.__loader__.get_source('gc'))
print(gc.__loader__.find_spec('gc'), gc.__loader__.find_spec('no_such_module'))
print(gc.is_tracked(gc.__spec__), gc.__package__ == '')
import atexit
print(atexit.__spec__)
