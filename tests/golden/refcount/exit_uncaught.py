# An uncaught exception: the traceback is printed first; the frames it holds (and their
# locals) live on in sys.last_traceback until finalization drops it.
class T:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


g = T("global")


def fail():
    local = T("local of the failing frame")
    raise KeyError("missing")


fail()
