# The lists split()/rsplit() build are preallocated as CPython's (MAX_PREALLOC = 12) and
# splitlines() appends from empty: sys.getsizeof shows the capacity.
import sys
for s in ['', 'a', 'a b', 'a b c d e f g h i j k l', ' '.join('abcdefghijklmnopq'),
          ' '.join('abcdefghijklmnopqrstuvwxyz' * 2)]:
    print(len(s.split()), sys.getsizeof(s.split()), sys.getsizeof(s.rsplit()),
          sys.getsizeof(s.split(' ')), sys.getsizeof(s.split(None, 1)),
          sys.getsizeof(s.split(' ', 3)), sys.getsizeof(s.rsplit(' ', 20)),
          sys.getsizeof(s.replace(' ', '\n').splitlines()),
          sys.getsizeof(s.split('Ā')), sys.getsizeof(s.rsplit('x' * 200)))
