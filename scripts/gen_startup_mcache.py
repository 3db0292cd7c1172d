#!/usr/bin/env python3
"""gen_startup_mcache.py [OUTDIR]  (writes OUTDIR/startup_mcache.h; default runtime)

CPython 3.11's method cache (_PyType_Lookup's 4096 entries) starts with every entry
holding a reference to None (_PyType_InitCache), and an entry gives it up the first time a
(type version, name) lookup fills it.  So sys.getrefcount(None) drops by one at the first
lookup of each attribute name on each type, unless CPython's start-up already made it.
pyheap models this (runtime/typeobject.c, "None in the method cache") and needs the pairs
CPython's start-up looked up; this script reads them out of the reference python3, under
gdb: a breakpoint on _PyType_Lookup records every (static type, name object) pair until
the first sys.getrefcount call of `import sys; sys.getrefcount(None)` (as a script, and
at the prompt with -i -q), where the entries still holding None are counted.

A pair is kept when its name object is still the one a later lookup would use: the
interned string (1: what a program's code uses) or one of the C code's _Py_ID strings
in _PyRuntime (0: 3.11 does not intern all of them, so `x.sort()` in a program is
another pair than the C code's lookup of 'sort').  A name that died, or a deep-frozen
module's own constant, is not kept.  Heap types (importlib's, enum's, ...) are left out:
pyheap's start-up has none of them.

It needs gdb and a python3 whose libpython has its symbols and debug information
(pyenv's builds; about 20 s).  PYTHONHASHSEED=1 and python3's own environment are used,
as the tests run it.
"""
import os
import subprocess
import sys
import tempfile

from startup_tables import fnv1a, reference_python

GDB_PY = r'''
import gdb
PAIRS = {}
class Lookup(gdb.Breakpoint):
    def stop(self):
        t = gdb.parse_and_eval('type')
        if int(t['tp_flags']) & (1 << 9):           # Py_TPFLAGS_HEAPTYPE: not pyheap's
            return False
        o = gdb.parse_and_eval('(PyASCIIObject*)name')
        st = o['state']
        if int(st['ascii']) and int(st['compact']) and int(o['length']) <= 100:
            n = int(o['length'])
            s = bytes(gdb.selected_inferior().read_memory(int(o) + 48, n)).decode()
            PAIRS.setdefault((t['tp_name'].string(), s), set()).add(int(o))
        return False
def identity(addr, s):
    """1: the name is the interned string, the object a program's own code uses; 0: one
    of the C code's _Py_ID strings, which live in _PyRuntime and are not interned in
    3.11 (another object, so another pair, than the same name in a program); None: dead,
    or a deep-frozen module's static constant (neither)."""
    if not alive(addr, s):
        return None
    o = gdb.parse_and_eval('(PyASCIIObject*)%d' % addr)
    if int(o['state']['interned']):
        return 1
    rt = int(gdb.parse_and_eval('(long)&_PyRuntime'))
    rt_end = rt + int(gdb.parse_and_eval('sizeof(_PyRuntime)'))
    return 0 if rt <= addr < rt_end else None
def alive(addr, s):
    """The name object a lookup used is still that string: a pair whose name died (its
    entry evicted) is another pair for CPython when the name is made again."""
    o = gdb.parse_and_eval('(PyASCIIObject*)%d' % addr)
    if int(o['ob_base']['ob_refcnt']) <= 0 or int(o['ob_base']['ob_type']) != \
            int(gdb.parse_and_eval('(long)&PyUnicode_Type')):
        return False
    st = o['state']
    if not (int(st['ascii']) and int(st['compact'])):
        return False
    n = int(o['length'])
    return n == len(s) and bytes(gdb.selected_inferior().read_memory(addr + 48, n)).decode(
        errors='replace') == s
class Dump(gdb.Command):
    def __init__(self):
        super().__init__('dumpmc', gdb.COMMAND_USER)
    def invoke(self, arg, tty):
        ht = gdb.parse_and_eval('((struct pyruntimestate*)&_PyRuntime)'
                                '->interpreters.main->type_cache.hashtable')
        none = int(gdb.parse_and_eval('(long)&_Py_NoneStruct'))
        nones = sum(int(ht[i]['name']) == none for i in range(4096))
        with open(arg.strip(), 'w') as f:
            f.write('%d\n' % nones)
            rows = set()
            for (t, n), addrs in PAIRS.items():
                for a in addrs:
                    i = identity(a, n)
                    if i is not None:
                        rows.add((t, n, i))
            for t, n, i in sorted(rows):
                f.write('%d %s %s\n' % (i, t, n))
Dump()
Lookup('_PyType_Lookup')
'''

PROBE = 'import sys\nsys.getrefcount(None)\n'


def lookups(tmp, exe, env, mode):
    out = os.path.join(tmp, mode + '.txt')
    with open(os.path.join(tmp, 'g.py'), 'w') as f:
        f.write(PROBE)
    args = '-i -q < g.py' if mode == 'repl' else 'g.py'
    script = os.path.join(tmp, 'g.gdb')
    with open(script, 'w') as f:
        f.write('set pagination off\nunset environment LINES\nunset environment COLUMNS\n'
                'set breakpoint pending on\nbreak sys_getrefcount\nsource %s\nrun %s\n'
                'dumpmc %s\nkill\n' % (os.path.join(tmp, 'dump.py'), args, out))
    subprocess.run(['gdb', '-q', '-batch', '-x', script, exe], env=env, cwd=tmp,
                   capture_output=True, text=True, check=True)
    with open(out) as f:
        nones = int(f.readline())
        return nones, [tuple(line.rstrip('\n').split(' ', 2)) for line in f]


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else 'runtime'
    exe, env = reference_python()
    pairs, nones = {}, {}
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, 'dump.py'), 'w') as f:
            f.write(GDB_PY)
        for bit, mode in ((1, 'script'), (2, 'repl')):
            nones[mode], found = lookups(tmp, exe, env, mode)
            for ident, t, name in found:
                k = (t, name, int(ident))
                pairs[k] = pairs.get(k, 0) | bit
    rows = sorted(pairs.items())
    types = []
    for i, ((t, _, _), _) in enumerate(rows):
        if not types or types[-1][0] != t:
            types.append([t, i, 0])
        types[-1][2] += 1
    lines = ['/* Generated by scripts/gen_startup_mcache.py from %s: do not edit.'
             % os.path.basename(exe),
             '** The (type, attribute name) lookups CPython 3.11\'s start-up made by a first',
             '** line: for each static type (sorted by name), its pairs: the name, its FNV-1a',
             '** hash, a mask of modes (1: script, 2: prompt) and which name object (1: the',
             '** interned one a program uses, 0: one of the C code\'s).  Read by',
             '** type_mcache_model_start (runtime/typeobject.c). */',
             '#ifndef PYHEAP_STARTUP_MCACHE_H',
             '#define PYHEAP_STARTUP_MCACHE_H', '',
             '/* the entries still holding None then: {script, prompt} */',
             'static const int startup_mcache_nones[2] = {%d, %d};' % (nones['script'],
                                                                      nones['repl']), '',
             'static const struct {',
             '    const char *name;',
             '    uint32_t fnv;',
             '    unsigned char modes, program;',
             '} startup_mcache[] = {']
    for (t, name, ident), m in rows:
        lines.append('    {"%s", %#010xu, %d, %d},  /* %s */' % (name, fnv1a(name), m, ident, t))
    lines += ['};', '', 'typedef struct {', '    const char *type;',
              '    unsigned short first, n;', '} StartupMcacheType;', '',
              'static const StartupMcacheType startup_mcache_types[] = {']
    for t, first, n in types:
        lines.append('    {"%s", %d, %d},' % (t, first, n))
    lines += ['};', '', '#endif']
    with open(os.path.join(outdir, 'startup_mcache.h'), 'w') as f:
        f.write('\n'.join(lines) + '\n')


if __name__ == '__main__':
    main()
