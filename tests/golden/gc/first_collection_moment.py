# The first automatic collection of a program comes when generation 0's count, which
# CPython's start-up leaves at some hundreds, passes 700: a program that makes cyclic
# garbage from its first line sees it after as many allocations as in CPython.
import gc
class N:
    def __init__(self, i):
        self.i = i
        self.me = self
    def __del__(self):
        print('collected', self.i)
for i in range(1200):
    N(i)
    if i % 50 == 0:
        print('made', i, gc.get_count())
