# open() in CPython 3.11 builds a FileIO (with a __dict__ for its name), a buffered object
# and, for text, a TextIOWrapper (with a __dict__ for its mode) and its codec objects,
# calling each with an argument tuple that goes to the free lists afterwards.  Right
# after a collection (empty free lists) generation 0 counts all of them; sys.getsizeof
# reports the wrapper's struct, or the buffered object's with its buffer.
import gc, sys
files = []
for mode in ['r', 'rb', 'w', 'wb', 'r+', 'rb+', 'a', 'ab', 'r', 'w']:
    gc.collect()
    before = gc.get_count()[0]
    f = open('/dev/null', mode)
    after = gc.get_count()[0]
    files.append(f)
    print(mode, after - before, sys.getsizeof(f))
keep = [[] for i in range(60)]     # generation 0's count well above 0
for f in files:
    before = gc.get_count()[0]
    f.close()
    files[files.index(f)] = None
    del f
    print(gc.get_count()[0] - before)
f = open('/dev/null', 'rb', buffering=100)
print(sys.getsizeof(f), f.__sizeof__())
f.close()
print(sys.getsizeof(sys.stdout), sys.stdout.__sizeof__())

f = open('/dev/null', 'rb', buffering=0); print(type(f), f.name, f.mode, f.read(), f.readable(), f.__sizeof__()); print(sys.getsizeof(f)); f.close(); print(f)
f = open('/dev/null', 'wb', buffering=0); print(f.write(b'abc'), f); f.close()
try: open('/dev/null', 'r', buffering=0)
except ValueError as e: print(e)
try: open('/dev/null', 'r', buffering='x')
except TypeError as e: print(e)
import gc
gc.collect()
before = gc.get_count()[0]
f = open('/dev/null', 'rb', buffering=0)
print('FileIO', gc.get_count()[0] - before)
