# open() in CPython 3.11 makes a FileIO under a buffered object, and for text a
# TextIOWrapper with its codec state: generation 0 counts them all while the file lives.
import gc
gc.disable()
with open('count_open_files.tmp', 'w') as f:
    f.write('hello\n')
res = []
for mode in ['r', 'w', 'rb', 'wb', 'a', 'r+', 'rb+']:
    ds = []
    for i in range(4):
        c0 = gc.get_count()[0]
        f = open('count_open_files.tmp', mode)
        c1 = gc.get_count()[0]
        f.close()
        c2 = gc.get_count()[0]
        del f
        c3 = gc.get_count()[0]
        ds.append((c1 - c0, c2 - c1, c3 - c2))
    res.append((mode, ds[2:]))
for r in res:
    print(r)
import os
os.remove('count_open_files.tmp')
