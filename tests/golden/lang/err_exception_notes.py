# Notes added with add_note() (or stored in __notes__) are printed after the exception
# line, one a line, as CPython 3.11 prints them; __notes__ is an ordinary attribute.
import sys


def report(notes):
    e = ValueError("boom")
    e.__notes__ = notes
    sys.excepthook(ValueError, e, None)


class Seq:
    def __len__(self):
        return 2

    def __getitem__(self, i):
        if i >= 2:
            raise IndexError
        return f"seq{i}"


class BadStr:
    def __str__(self):
        raise RuntimeError


class BadRepr:
    def __repr__(self):
        raise ValueError


saved = sys.stderr
sys.stderr = sys.stdout
report(["one", "two\nlines", 3, "trailing\n"])
report(("tuple note",))
report("str")
report(42)
print()
report([])
report([BadStr(), "after"])
report(Seq())
report(BadRepr())
print()
e = ValueError()
e.__notes__ = "x"
try:
    e.add_note("y")
except TypeError as te:
    print(te)
del e.__notes__
try:
    del e.__notes__
except AttributeError as ae:
    print(ae)
e.add_note("fresh")
print(e.__notes__)
sys.stderr = saved


def load(path):
    try:
        return open(path).read()
    except FileNotFoundError as err:
        err.add_note(f"while loading config {path!r}")
        err.add_note("check the path")
        raise


load("pyheap-no-such-config.cfg")
