# CPython 3.11 creates its static singletons with _PyObject_IMMORTAL_INIT (refcount
# 999999999): the small ints, the empty tuple, the empty and 1-character latin-1 strings,
# the empty and 1-byte bytes.  Their counts only look "immortal"; None, True and False
# start from a real count.
import sys
for o in [0, 256, -5, (), '', 'a', '\xe9', b'', b'z']:
    print(repr(o), sys.getrefcount(o) >= 999999999)
for o in [257, (1,), 'ab', '\u0100', b'zz', None, True, False]:
    print(repr(o), sys.getrefcount(o) >= 999999999)
