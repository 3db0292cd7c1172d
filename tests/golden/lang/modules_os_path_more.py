# os.path.normpath/abspath/isabs/splitext/getsize and os.getenv, as posixpath and os.
import os
for p in ["", ".", "..", "/", "//", "///", "////a", "//a/b", "a/b/../c", "../a", "../../a/..",
          "/..", "/../a", "a/./b/", "a//b", "./", "a/..", "a/../..", "/a/b/../../..",
          "x/y/z/../../w/.", "é/ü/../ö", "..//..", "a/b/c/../../../../d"]:
    ap = os.path.abspath(p)
    print(repr(p), repr(os.path.normpath(p)), os.path.isabs(p), os.path.isabs(ap),
          ap == os.path.normpath(os.path.join(os.getcwd(), p)))
for p in ["a.txt", ".bashrc", "..x", "a/.b", "a.b/c", "a.b/c.d.e", "...", "a.", "/x/..y.z",
          "f.tar.gz", "noext", "d.x/", "é.ö", ""]:
    print(repr(p), os.path.splitext(p))
print(os.path.abspath("/x/../y"), os.path.abspath(__file__) == __file__)
name = "pyheap_os_getsize_%d.txt" % os.getpid()
with open(name, "w") as f:
    f.write("héllo\n")
print(os.path.getsize(name))
os.remove(name)
for bad in [lambda: os.path.getsize(name), lambda: os.path.getsize(3.5), lambda: os.path.splitext(1),
            lambda: os.path.normpath(None), lambda: os.path.abspath(2), lambda: os.getenv(1),
            lambda: os.path.isabs(b"x" and 3)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, str(e).replace(name, "NAME"))
var = "PYHEAP_SURELY_UNSET_VARIABLE"
print(os.getenv(var), os.getenv(var, "dflt"), os.getenv(key=var, default=3), os.getenv(var + "\0"))
