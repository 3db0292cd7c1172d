# An exception in __del__ is printed as "Exception ignored in: <__del__ function>" with a
# traceback (no chained exceptions) and the program goes on.  The report goes to
# sys.stderr, captured here (addresses masked).
import gc
import sys


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)

    def flush(self):
        self.parts.append("<flush>\n")


def masked(text):
    out = []
    for line in text.splitlines():
        if " at 0x" in line:
            line = line[:line.index(" at 0x")] + " at ADDRESS>"
        out.append(line)
    return out


class Bad:
    def __init__(self, kind):
        self.kind = kind

    def __del__(self):
        if self.kind == "plain":
            raise ValueError
        if self.kind == "chained":
            try:
                {}["missing"]
            except KeyError as e:
                raise RuntimeError("while handling") from e
        [][1]


capture = Capture()
sys.stderr = capture
b = Bad("plain")
del b
print("after plain")
c = Bad("chained")
c = None
print("after chained")
d = Bad("index")
d.me = d
del d
print("collected:", gc.collect())
sys.stderr = sys.__stderr__
here = __file__.rsplit("/", 1)[0] + "/"          # the checkout's location varies
for line in masked("".join(capture.parts)):
    print("|", line.replace(here, ""))
e = Bad("plain")
del e
print("the last one went to the real stderr")
