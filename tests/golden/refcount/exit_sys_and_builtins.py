# Values hidden in builtins are dropped when the original builtins come back (print still
# works); values hidden in sys go when sys is wiped -- after sys.stdout is gone, so their
# __del__ prints nothing.  open() was never in the copy of builtins CPython restores.
import builtins
import sys


class T:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)
        try:
            open
        except NameError:
            print("  open() is gone")


builtins.stashed = T("in builtins")
sys.stashed = T("in sys")
x = T("global")
print("end")
