# A text file writes through its buffer (f.buffer, a BufferedWriter/Reader/Random), which
# writes through its raw FileIO (f.buffer.raw).  Each layer keeps its own pending bytes, so
# writing to a lower layer directly overtakes what the upper one still holds, as in
# CPython: print('a') then sys.stdout.buffer.write(b'b\n') prints b first when stdout is
# buffered (this test runs without -u; file_buffer_layers_u is the same with -u).
import gc
import os
import sys

print('a')
sys.stdout.buffer.write(b'b\n')
print('c')
sys.stdout.flush()
getattr(sys.stdout.buffer, 'raw', sys.stdout.buffer).write(b'raw first\n')
print('after raw')
sys.stdout.flush()
for s in (sys.stdin, sys.stdout, sys.stderr):
    print(s.buffer, s.buffer.mode, s.line_buffering, s.write_through)
    print(getattr(s.buffer, 'raw', None))
print(sys.getrefcount(sys.stdout.buffer), sys.stdout.buffer is sys.stdout.buffer)

name = os.path.basename(__file__)[:-3] + '.tmp'   # the -u run is a link to this file
f = open(name, 'w')
print(f.buffer, f.buffer.raw, f.buffer.raw.mode, f.buffer.raw.closefd if hasattr(f.buffer.raw, 'closefd') else '')
b = f.buffer
f.write('x')
b.write(b'y')
f.write('z')
f.close()
print(f.closed, b.closed, b.raw.closed)
with open(name) as g:
    print(g.read())

for mode in ('r+', 'a', 'rb', 'wb', 'ab+'):
    f = open(name, mode)
    low = f.raw if 'b' in mode else f.buffer
    print(mode, low, low.mode, getattr(low, 'raw', None))
    f.close()

# closing the buffer closes the text file above it
f = open(name, 'w')
f.buffer.close()
print(f.closed)
try:
    f.write('q')
except ValueError as e:
    print('ValueError:', e)

# a text file reads through its buffer's read-ahead; the buffer never sees the text
# file's
with open(name, 'w') as f:
    f.write('line1\nline2\nline3\n')
f = open(name)
print(f.buffer.readline(), repr(f.readline()), f.buffer.read(), repr(f.read()))
f.close()

# unbuffered binary files write at once
f = open(name, 'wb', buffering=0)
f.write(b'now')
with open(name) as g:
    print(g.read())
f.close()

# the layers count as CPython's objects do
for mode, attrs in (('w', ['buffer']), ('w', ['buffer', 'raw']), ('r+', ['buffer']),
                    ('wb', ['raw']), ('w', [])):
    f = open(name, mode)
    a = gc.get_count()[0]
    o = f
    for at in attrs:
        o = getattr(o, at)
    d = gc.get_count()[0] - a
    del o
    a = gc.get_count()[0]
    f.close()
    del f
    print(mode, attrs, d, gc.get_count()[0] - a)
os.remove(name)
