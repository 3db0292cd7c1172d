# __package__ of the modules a program sees: '' for builtins, sys and the built-in
# modules (importlib sets it from their spec), None for the __main__ of a script.
import builtins, sys, gc, math, time, atexit
for m in (builtins, sys, gc, math, time, atexit):
    print(m.__name__, repr(m.__package__))
print(repr(__package__), repr(__name__))
print(sys.getrefcount(''))
