# open() for writing, appending and reading text files (a temporary file this test
# removes), as a context manager, iteration, readline(s), and the errors for missing files.
import os
path = 'pyheap_lang_files_%d.txt' % os.getpid()
with open(path, 'w') as f:
    print(type(f).__name__, f.mode, f.name == path, f.closed, f.writable(), f.readable())
    n = f.write('alpha\nbeta\n')
    f.writelines(['gamma\n', 'delta'])
    print(n)
print(f.closed)
with open(path, 'a') as f:
    f.write('\nepsilon\n')
    print('appended via print', file=f)
with open(path) as f:
    print(repr(f.read()))
with open(path, 'r') as f:
    print(repr(f.readline()), repr(f.readline(3)), repr(f.readline()))
    print(f.readlines())
    print(repr(f.readline()), repr(f.read()))
with open(path) as f:
    for lineno, line in enumerate(f, 1):
        print(lineno, line.rstrip('\n'))
f = open(path)
first = next(f)
rest = list(f)
f.close()
print(repr(first), len(rest), f.closed)
try:
    f.read()
except ValueError as e:
    print('ValueError:', e)
with open(path, 'w') as f:
    f.write('héllo wörld €\n')
with open(path, encoding='utf-8') as f:
    text = f.read()
print(text, len(text))
try:
    with open(path) as f:
        f.write('x')
except Exception as e:
    print(type(e).__name__ + ':', e)
def read_all(p):
    with open(p) as fh:
        return fh.read()
print(repr(read_all(path)))
os.remove(path)
print('removed', os.path.exists(path))
try:
    open(path)
except FileNotFoundError as e:
    print('FileNotFoundError:', e.errno, e.strerror, e.filename == path)
try:
    open(path, 'q')
except ValueError as e:
    print('ValueError:', e)
try:
    open('.')
except IsADirectoryError as e:
    print('IsADirectoryError:', e)
try:
    open(3.5)
except TypeError as e:
    print('TypeError:', e)
