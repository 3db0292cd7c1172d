# The small 'os' module: names, os.path helpers, creating/renaming/removing files and
# directories in the test's directory (everything created is removed), and OSError
# subclasses with errno/strerror/filename as CPython raises them.
import os
print(os.name, os.sep, os.linesep == '\n', os.curdir, os.pardir, os.error is OSError)
print(os.path.join('a', 'b', '/c', 'd'), os.path.join('a/', 'b'), os.path.join('', 'x'), os.path.join('a'))
print(os.path.basename('/x/y.txt'), os.path.dirname('/x/y.txt'), os.path.split('a//b'), os.path.split('//'), os.path.dirname('x'), os.path.split('a/'))
p = 'pyheap_lang_os_%d' % os.getpid()
print(os.path.exists(p), type(os.getpid()).__name__, type(os.getcwd()).__name__, os.getcwd().startswith('/'))
with open(p, 'w') as f:
    f.write('x')
print(os.path.exists(p), os.path.isfile(p), os.path.isdir(p), os.path.isdir('.'), p in os.listdir('.'), p in os.listdir())
os.rename(p, p + '.moved')
print(os.path.exists(p), os.path.exists(p + '.moved'))
os.remove(p + '.moved')
def attempt(label, fn):
    try:
        fn()
    except Exception as e:
        fname = getattr(e, 'filename', None)
        print(label, type(e).__name__, getattr(e, 'errno', None), getattr(e, 'strerror', None), fname == p if fname else fname)
attempt('remove', lambda: os.remove(p))
attempt('unlink', lambda: os.unlink(p))
attempt('rmdir', lambda: os.rmdir(p))
attempt('listdir', lambda: os.listdir(p))
attempt('rename', lambda: os.rename(p, p + '.x'))
attempt('remove(5)', lambda: os.remove(5))
attempt('join(1)', lambda: os.path.join(1))
attempt('join()', lambda: os.path.join())
attempt('basename(3)', lambda: os.path.basename(3))
attempt('mkdir(.)', lambda: os.mkdir('.'))
os.mkdir(p)
print(os.path.isdir(p), os.listdir(p))
with open(os.path.join(p, 'inner.txt'), 'w') as f:
    f.write('inner')
print(os.listdir(p))
attempt('rmdir nonempty', lambda: os.rmdir(p))
os.remove(os.path.join(p, 'inner.txt'))
os.rmdir(p)
print(os.path.exists(p), os.path.exists('a\0b'), os.path.exists(12345))
