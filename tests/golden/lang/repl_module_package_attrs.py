# __package__ of the modules at the prompt: '' for builtins, sys and the built-in modules,
# None for __main__.
import builtins, sys, gc, math, time, atexit
for m in (builtins, sys, gc, math, time, atexit):
    print(m.__name__, repr(m.__package__))

print(repr(__package__), repr(__name__))
print(sys.getrefcount(''))
