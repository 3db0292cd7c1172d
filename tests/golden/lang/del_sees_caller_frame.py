# A finalizer run while a frame's locals are released sees the caller as the running
# frame (CPython 3.11 unlinks the frame first, GH-99729): on return, on an exception
# leaving the function, and for a generator's frame.
import sys
class D:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        fr = sys._getframe(1)
        print(self.tag, 'runs under', fr.f_code.co_name, fr.f_back is None)
def ret():
    d = D('return')
    return 1
def raises():
    d = D('raise')
    raise KeyError('k')
def gen():
    d = D('generator')
    yield 1
def outer():
    ret()
    try:
        raises()
    except KeyError:
        pass
    g = gen()
    next(g)
    del g
outer()
print('done')
