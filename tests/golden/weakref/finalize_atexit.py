# weakref.finalize and atexit: finalizers run when their object dies or at exit (newest
# first), atexit functions run at exit (newest first) before finalization; an exception
# in one is reported and the others still run.
import weakref, atexit, gc

registered_at_start = atexit._ncallbacks()

class Res:
    def __init__(self, name):
        self.name = name

def closing(name, *, how='normally'):
    print('closing', name, how)
    return name

a = Res('a')
fa = weakref.finalize(a, closing, 'a')
print(fa.alive, fa.atexit, fa.peek()[0] is a, fa.peek()[1] is closing, fa.peek()[2:])
del a
print(fa.alive, fa(), fa.peek())

b = Res('b')
fb = weakref.finalize(b, closing, 'b', how='called')
print(fb(), fb.alive, fb())
del b

c = Res('c')
fc = weakref.finalize(c, closing, 'c')
obj, func, args, kwargs = fc.detach()
print(obj is c, func is closing, args, kwargs, fc.alive, fc.detach())
del c, obj

d = Res('d')
d.me = d
fd = weakref.finalize(d, closing, 'd', how='by the collector')
del d
print('collect')
gc.collect()

e1, e2 = Res('e1'), Res('e2')
weakref.finalize(e1, closing, 'e1', how='at exit')
weakref.finalize(e2, closing, 'e2', how='at exit')
f3 = Res('f3')
weakref.finalize(f3, closing, 'f3').atexit = False

atexit.register(print, 'atexit: registered first, runs last')
@atexit.register
def goodbye():
    print('atexit: goodbye')
def unwanted():
    print('never')
atexit.register(unwanted)
atexit.unregister(unwanted)
def failing():
    raise RuntimeError('in an exit function')
atexit.register(failing)
atexit.register(lambda x, y=0: print('atexit with args', x, y), 1, y=2)
print('end of program', atexit._ncallbacks() - registered_at_start)
