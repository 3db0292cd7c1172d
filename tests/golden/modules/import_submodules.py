# `import a.b.c as d` binds the submodule c (IMPORT_FROM for each part, then the module is
# dropped); `import os.path` finds os.path in sys.modules, as os.py puts it there.
import os, sys
base = 'import_submodules_tmp'
for d in [base, base + '/pkg', base + '/pkg/sub']:
    if not os.path.exists(d):
        os.mkdir(d)
files = {base + '/pkg/__init__.py': 'x = 1\n', base + '/pkg/sub/__init__.py': 'y = 2\n',
         base + '/pkg/sub/mod.py': 'z = 3\n'}
for name, text in files.items():
    with open(name, 'w') as f:
        f.write(text)
sys.path.insert(0, base)
import pkg.sub.mod as m
print(m.z, m.__name__)
import pkg.sub as s
print(s.y, s.__name__)
import pkg.sub.mod
print(pkg.sub.mod.z, pkg.x, pkg.sub.mod is m)
from pkg.sub import mod as m2
print(m2 is m)
import os.path
import os.path as op
print(op is os.path, sys.modules['os.path'] is os.path, os.path.join('a', 'b'))
from os.path import join
print(join('x', 'y'))
for name in files:
    os.remove(name)
for d in [base + '/pkg/sub/__pycache__', base + '/pkg/__pycache__']:
    if os.path.exists(d):
        for f in os.listdir(d):
            os.remove(d + '/' + f)
        os.rmdir(d)
for d in [base + '/pkg/sub', base + '/pkg', base]:
    os.rmdir(d)
