# The io layers at their edges: writing to a closed layer, a buffer that outlives its text
# file, closing the raw file under the others, sys.stdout replaced and restored
# (file_buffer_stdout_closed closes stdout's buffer).
import sys, gc
def t(label, fn):
    try:
        r = fn()
        print(label, 'ok', r)
    except Exception as e:
        print(label, type(e).__name__, e)
t('str to buffer', lambda: sys.stdout.buffer.write('str'))
t('bytearray', lambda: sys.stdout.buffer.write(bytearray(b'ba\n')))
t('stdin buffer read', lambda: sys.stdin.buffer.read())
t('stdin buffer readline', lambda: sys.stdin.buffer.readline())
t('stdin read', lambda: sys.stdin.read())
f = open('file_buffer_edges.tmp', 'w')
b = f.buffer
r = b.raw
t('raw write', lambda: r.write(b'R'))
t('buffer write', lambda: b.write(b'B'))
t('text write', lambda: f.write('T'))
r.close()
t('text write after raw close', lambda: f.write('T'))
t('buffer write after raw close', lambda: b.write(b'B'))
t('flush after close', lambda: f.flush())
t('close', lambda: f.close())
t('closed', lambda: (f.closed, b.closed, r.closed))
del f
t('b after f died', lambda: (b.closed, b.write(b'x')))
del b, r
gc.collect()
f = open('file_buffer_edges.tmp', 'r+')
t('r+ read through', lambda: f.read())
t('buffer seekable', lambda: f.buffer.seekable())
t('buffer name', lambda: (f.buffer.name, f.buffer.raw.name))
f.close()
print(open('file_buffer_edges.tmp').read())
g = open('file_buffer_edges.tmp', 'rb')
t('raw of reader', lambda: g.raw.read())
t('reader read', lambda: g.read())
g.close()
t('raw after close', lambda: g.raw)
x = open('file_buffer_edges.tmp', 'w').buffer
t('orphan buffer', lambda: x.closed)
t('orphan write', lambda: x.write(b'z'))
class W:
    def write(self, s): return len(s)
sys.stdout = W()
print('to W')
sys.stdout = sys.__stdout__
t('stdout back', lambda: sys.stdout.buffer is sys.__stdout__.buffer)
import os
os.remove('file_buffer_edges.tmp')
