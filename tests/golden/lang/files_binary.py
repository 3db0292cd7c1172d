# open() in binary mode: _io.BufferedReader/Writer/Random reading and writing bytes (no
# newline translation), their modes and reprs, readline/readlines/iteration, r+b, and
# CPython's errors for wrong arguments, closed files and unsupported operations.
import os
name = "pyheap_files_binary.bin"


def attempt(fn):
    try:
        print(repr(fn()))
    except Exception as e:
        print(type(e).__name__, e)


with open(name, "wb") as f:
    print(f, f.mode, f.name == name, f.write(b"ab\r\ncd\ne"), f.write(bytearray(b"\x00\xff")),
          f.closed, f.writable(), f.readable())
    attempt(lambda: f.write("s"))
    attempt(lambda: f.read())
    attempt(lambda: f.readline())
    attempt(lambda: f.writelines([b"x", "y"]))
    attempt(lambda: f.encoding)
    attempt(lambda: print("x", file=f))
print(f.closed)
for fn in [lambda: f.write(b"x"), lambda: f.read(), lambda: f.flush(), lambda: iter(f),
           lambda: f.readlines(), lambda: f.writelines([])]:
    attempt(fn)
with open(name, "rb") as f:
    print(f, f.mode, f.read(3), f.readline(), f.readline(2), f.readline(), f.read(), f.read())
    attempt(lambda: f.write(b"x"))
    attempt(lambda: f.read(-2))
    attempt(lambda: f.read("x"))
with open(name, "rb") as f:
    print(list(f))
with open(name, "rb") as f:
    print(f.readlines(), f.readline(None))
for hint in [0, 1, 4, 5, 6, 100]:
    with open(name, "rb") as f:
        print(hint, f.readlines(hint))
with open(name, "ab") as f:
    f.writelines([b"1", bytearray(b"2")])
    print(f, f.mode)
with open(name, "r+b") as f:
    print(f, f.mode, f.read(4))
    f.write(b"XY")
    print(f.read(3))
with open(name, "rb") as f:
    print(f.read())
for mode in ["wb+", "ab+", "rb+"]:
    with open(name, mode) as f:
        print(mode, f, f.mode)
os.remove(name)
with open(name, "xb") as f:
    print(f, f.mode)
data = bytes(range(256)) * 64
with open(name, "wb") as f:
    f.write(data)
with open(name, "rb") as f:
    a, b, c = f.read(10), f.read(9000), f.read()
    print(len(a), len(b), len(c), a + b + c == data)
with open(name, "w") as f:
    f.write("héllo\r\nworld")
with open(name, "rb") as f:
    raw = f.read()
    print(raw, raw.decode())
for args in [("rbt",), ("rb", -1, "utf-8"), ("rb", -1, None, "strict"), ("rb", -1, None, None, ""),
             ("rrb",), ("b",), ("rw",), ("bb",), ("rz",), ("wa",)]:
    attempt(lambda: open(name, *args))
os.remove(name)
