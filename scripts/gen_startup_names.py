#!/usr/bin/env python3
"""gen_startup_names.py PYHEAP [OUTDIR]  (writes OUTDIR/startup_names.h, startup_ints.h,
startup_singletons.h and startup_warn.h)

CPython 3.11's start-up leaves thousands of identifier-like strings interned and alive:
the names and constants of the modules it has imported (site, os, codecs, io, ...), the
method names of the built-in types, and its deep-frozen modules' strings, which are
statically allocated with an immortal refcount (sys.getrefcount('self') is 1000000599).
A program that uses such a name gets that string, with those references, where pyheap
would make a new one.  This script measures, for each such name, how many references
CPython's start-up objects hold beyond what pyheap's own start-up holds, once as a script
and once at the prompt, and writes them as a C table (runtime/strobject.c reads it).

The small ints -5..256 are measured the same way: CPython's are statically allocated with
an immortal count and its start-up objects hold hundreds of references to the common ones
(sys.getrefcount(0) is about 1000000472 at a script's first line); startup_ints.h has
the references beyond pyheap's for each, as a script and at the prompt.  So are the
other static singletons: the 256 one-character latin-1 strings, the 256 one-byte bytes,
'', () and b''
(sys.getrefcount(()) is about 1000000554): startup_singletons.h.

The first warning a script shows makes python3 import linecache, tokenize and token (to
show the source line); what that adds is startup_warn.h.

Run it with the reference python3 (the oracle the golden tests are generated with) and a
pyheap built from this tree:  python3 scripts/gen_startup_names.py ./pyheap runtime
"""
import os
import re
import subprocess
import sys
import sysconfig
import tempfile

from startup_tables import fnv1a

NAME = re.compile(r'[A-Za-z0-9_]{2,64}\Z')
WORD = re.compile(r'[A-Za-z_][A-Za-z0-9_]{1,63}')

# Walks the heap of a python3 just started and prints every identifier-like str it
# finds (the strings CPython's start-up made; which of them are interned is measured
# below).
COLLECT = r'''
import gc, sys, builtins, re
ok = re.compile(r'[A-Za-z0-9_]{2,64}\Z').match
found = set()
seen = set()
todo = list(gc.get_objects()) + list(sys.modules.values()) + [builtins, sys]
types = [object]
while types:
    t = types.pop()
    todo.append(t)
    try:
        types.extend(type.__subclasses__(t))
    except TypeError:
        pass
while todo:
    o = todo.pop()
    if id(o) in seen:
        continue
    seen.add(id(o))
    if type(o) is str:
        if ok(o):
            found.add(o)
        continue
    if isinstance(o, dict):
        todo.extend(o.keys()); todo.extend(o.values())
    elif isinstance(o, (list, tuple, set, frozenset)):
        todo.extend(o)
    elif type(o).__name__ == 'code':
        todo.extend((o.co_names, o.co_varnames, o.co_consts, o.co_cellvars,
                     o.co_freevars, o.co_name, o.co_qualname))
    elif callable(o) and hasattr(o, '__code__'):
        todo.extend((o.__code__, o.__name__, o.__qualname__, o.__dict__,
                     o.__defaults__ or (), o.__kwdefaults__ or {}))
    elif isinstance(o, type):
        todo.append(dict(vars(o)))
        todo.append(o.__name__)
    else:
        try:
            todo.append(vars(o))
        except TypeError:
            pass
        n = getattr(type(o), '__name__', None)
        if isinstance(n, str):
            todo.append(n)
sys.stdout.write('\n'.join(sorted(found)) + '\n')
'''

# For each candidate (read as a new, uninterned string), whether interning it returns
# another object -- the one the start-up made -- and that object's refcount.  The
# references this script's own code and frame hold are the same under pyheap (all of its
# identifiers are pyheap's start-up names), so the difference of the two is what CPython's
# start-up holds beyond pyheap's.
MEASURE = r'''import sys
for line in open(NAMES_FILE):
    cand = line[:-1]
    canon = sys.intern(cand)
    if canon is not cand:
        sys.stdout.write(cand + ' ' + str(sys.getrefcount(canon)) + '\n')

'''


def run_probe(cmd, prompt, src, env_extra=None):
    """The pairs 'key count' a probe prints, run as a script or typed at the prompt."""
    env = dict(os.environ, **(env_extra or {}))
    with tempfile.NamedTemporaryFile('w', suffix='.py', delete=False) as f:
        f.write(src)
        path = f.name
    try:
        args = cmd + ['-i', '-q'] if prompt else cmd + [path]
        res = subprocess.run(args, input=src if prompt else None, capture_output=True,
                             text=True, env=env)
    finally:
        os.unlink(path)
    if res.returncode != 0 or not res.stdout:
        sys.exit('gen_startup_names: %s failed:\n%s' % (' '.join(cmd), res.stderr))
    counts = {}
    for line in res.stdout.splitlines():
        parts = line.split(' ')
        if len(parts) == 2 and parts[1].isdigit():
            counts[parts[0]] = int(parts[1])
    return counts


def run(cmd, prompt, names_file, env_extra=None):
    # the file's name as a constant: a path is not identifier-like, so never interned
    return run_probe(cmd, prompt, MEASURE.replace('NAMES_FILE', repr(names_file)), env_extra)


def median_run(measure, runs=5):
    """Each count as most runs see it: a few of CPython's vary with the hash seed (the
    layouts of the sets and dicts that hold them)."""
    results = [measure() for _ in range(runs)]
    out = {}
    for k in results[0]:
        vals = sorted(r[k] for r in results if k in r)
        out[k] = vals[len(vals) // 2]
    return out


# The small ints' refcounts: the loop's own references (the variable, the argument, the
# constants -5 and 1) are the same under pyheap, so the difference is the start-ups'.  No
# range(): pyheap's range iterator holds its range, CPython's does not.
MEASURE_INTS = r'''import sys
v = -5
while v < 257:
    sys.stdout.write(str(v) + ' ' + str(sys.getrefcount(v)) + '\n')
    v = v + 1

'''


def run_ints(cmd, prompt, env_extra=None):
    counts = {int(k): v for k, v in run_probe(cmd, prompt, MEASURE_INTS, env_extra).items()}
    if len(counts) != 262:
        sys.exit('gen_startup_names: %s measured %d small ints' % (' '.join(cmd), len(counts)))
    return counts


def write_ints(path, pyheap):
    off = {'PYHEAP_STARTUP_NAMES': '0'}
    cpy = [median_run(lambda: run_ints([sys.executable], p)) for p in (0, 1)]
    pyh = [median_run(lambda: run_ints([pyheap], p, off)) for p in (0, 1)]
    with open(path, 'w') as out:
        out.write('/* Generated by scripts/gen_startup_names.py from %s (%s): do not edit.\n'
                  '** The references CPython 3.11\'s start-up objects hold on the small ints\n'
                  '** -5..256 beyond pyheap\'s: {script, prompt}. */\n'
                  % (sys.executable, sys.version.split()[0]))
        out.write('static const int32_t startup_int_refs[262][2] = {\n')
        for v in range(-5, 257):
            out.write('    {%d, %d},  /* %d */\n' % (max(cpy[0][v] - pyh[0][v], 0),
                                                    max(cpy[1][v] - pyh[1][v], 0), v))
        out.write('};\n')


# The static singletons' refcounts: chr(v), str(), tuple() and bytes() return them.
MEASURE_SINGLETONS = r'''import sys
v = 0
while v < 256:
    sys.stdout.write('S' + str(v) + ' ' + str(sys.getrefcount(chr(v))) + '\n')
    v = v + 1

v = 0
while v < 128:
    c = chr(v)
    i = sys.intern(c)
    if i is not c:
        sys.stdout.write('I' + str(v) + ' ' + str(sys.getrefcount(i)) + '\n')
    v = v + 1

v = 0
while v < 256:
    sys.stdout.write('Y' + str(v) + ' ' + str(sys.getrefcount(chr(v).encode('latin-1'))) + '\n')
    v = v + 1

sys.stdout.write('E ' + str(sys.getrefcount(str())) + '\n')
sys.stdout.write('T ' + str(sys.getrefcount(tuple())) + '\n')
sys.stdout.write('B ' + str(sys.getrefcount(bytes())) + '\n')

'''


def write_singletons(path, pyheap):
    off = {'PYHEAP_STARTUP_NAMES': '0'}
    cpy = [median_run(lambda: run_probe([sys.executable], p, MEASURE_SINGLETONS))
           for p in (0, 1)]
    pyh = [median_run(lambda: run_probe([pyheap], p, MEASURE_SINGLETONS, off)) for p in (0, 1)]
    frozen = sorted(int(k[1:]) for k in cpy[0] if k[0] == 'I')
    for m in cpy + pyh:
        if len(m) != 259 + 256 + len(frozen):
            sys.exit('gen_startup_names: %d singletons measured' % len(m))

    def d(key):
        return '{%d, %d}' % (cpy[0][key] - pyh[0][key], cpy[1][key] - pyh[1][key])

    with open(path, 'w') as out:
        out.write('/* Generated by scripts/gen_startup_names.py from %s (%s): do not edit.\n'
                  '** The references CPython 3.11\'s start-up objects hold on its static\n'
                  '** singletons beyond pyheap\'s (negative: pyheap holds more): {script,\n'
                  '** prompt}. */\n' % (sys.executable, sys.version.split()[0]))
        out.write('static const int32_t startup_char_refs[256][2] = {\n')
        for v in range(256):
            out.write('    %s,  /* %r */\n' % (d('S%d' % v), chr(v)))
        out.write('};\n')
        out.write('/* the interned one-letter names of the deep-frozen modules */\n')
        out.write('static const struct { char c; int32_t d[2]; } startup_frozen_char_refs[] = {\n')
        for v in frozen:
            out.write("    {'%s', %s},\n" % (chr(v), d('I%d' % v)))
        out.write('};\n')
        out.write('/* the 256 one-byte bytes objects */\n')
        out.write('static const int32_t startup_byte_refs[256][2] = {\n')
        for v in range(256):
            out.write('    %s,  /* %r */\n' % (d('Y%d' % v), bytes((v,))))
        out.write('};\n')
        out.write('static const int32_t startup_empty_str_refs[2] = %s;\n' % d('E'))
        out.write('static const int32_t startup_empty_tuple_refs[2] = %s;\n' % d('T'))
        out.write('static const int32_t startup_empty_bytes_refs[2] = %s;\n' % d('B'))


# A program whose compilation shows a warning: python3's warnings module formats it, and
# the first time that imports linecache (and tokenize, token).  The two variants parse
# alike; only the second warns.
WARN_TAILS = ('if 0: _w == 0\n', 'if 0: _w is 0\n')
MEASURE_COUNT = r'''import gc, sys
sys.stdout.write('C ' + str(gc.get_count()[0]) + '\n')
'''


def write_warned(path, names_file, cands):
    """What the first warning a script or -c shows adds in CPython (python3's warnings
    module imports linecache, tokenize and token to show the source line): references on
    the small ints, the singletons and interned names, and generation 0's count."""
    def both(src):
        return [median_run(lambda: run_probe([sys.executable], 0, src + t), 3)
                for t in WARN_TAILS]
    ints = both(MEASURE_INTS)
    sing = both(MEASURE_SINGLETONS)
    count = both(MEASURE_COUNT)
    names = both(MEASURE.replace('NAMES_FILE', repr(names_file)))
    with open(path, 'w') as out:
        out.write('/* Generated by scripts/gen_startup_names.py from %s (%s): do not edit.\n'
                  '** What CPython 3.11\'s first shown warning adds in a script (its warnings\n'
                  '** module imports linecache, tokenize and token): references on the small\n'
                  '** ints, the static singletons and interned names, and generation 0\'s count. */\n'
                  % (sys.executable, sys.version.split()[0]))
        out.write('#define WARN_GC_COUNT %d\n' % (count[1]['C'] - count[0]['C']))
        out.write('static const int32_t warn_int_refs[262] = {\n')
        vals = [ints[1][str(v)] - ints[0][str(v)] for v in range(-5, 257)]
        for i in range(0, 262, 16):
            out.write('    ' + ', '.join(str(x) for x in vals[i:i + 16]) + ',\n')
        out.write('};\nstatic const int32_t warn_char_refs[256] = {\n')
        vals = [sing[1]['S%d' % v] - sing[0]['S%d' % v] for v in range(256)]
        for i in range(0, 256, 16):
            out.write('    ' + ', '.join(str(x) for x in vals[i:i + 16]) + ',\n')
        out.write('};\n')
        for key, name in (('E', 'str'), ('T', 'tuple'), ('B', 'bytes')):
            out.write('static const int32_t warn_empty_%s_refs = %d;\n'
                      % (name, sing[1][key] - sing[0][key]))
        rows = []
        for name in cands:
            if name not in names[1]:
                continue
            d = names[1][name] - names[0].get(name, 2)
            if d > 0:
                rows.append((name, d))
        out.write('static const struct { const char *name; int32_t d; } warn_names[] = {\n')
        for name, d in rows:
            out.write('    {"%s", %d},\n' % (name, d))
        out.write('};\n')


def main():
    pyheap = os.path.abspath(sys.argv[1])
    outdir = sys.argv[2] if len(sys.argv) > 2 else None
    cands = set(subprocess.run([sys.executable, '-c', COLLECT], capture_output=True,
                               text=True, check=True,
                               env=dict(os.environ, PYTHONHASHSEED='0')).stdout.split())
    # identifiers of the standard library's sources: interned where its modules were
    # imported (deep-frozen ones too) even when no live object shows them
    lib = sysconfig.get_paths()['stdlib']
    for fn in os.listdir(lib):
        if fn.endswith('.py'):
            with open(os.path.join(lib, fn), encoding='utf-8', errors='replace') as f:
                cands.update(WORD.findall(f.read()))
    cands = sorted(c for c in cands if NAME.match(c) and c.isascii())
    with tempfile.NamedTemporaryFile('w', delete=False) as f:
        f.write('\n'.join(cands) + '\n')
        names_file = f.name
    try:
        off = {'PYHEAP_STARTUP_NAMES': '0'}
        cpy = [median_run(lambda: run([sys.executable], p, names_file)) for p in (0, 1)]
        pyh = [median_run(lambda: run([pyheap], p, names_file, off)) for p in (0, 1)]
        if outdir:
            write_warned(os.path.join(outdir, 'startup_warn.h'), names_file, cands)
    finally:
        os.unlink(names_file)
    rows = []
    for name in cands:
        d = []
        for mode in (0, 1):
            c = cpy[mode].get(name)
            # a name pyheap has not interned would come back as the candidate itself:
            # its count would be the two references the script holds (canon, argument)
            d.append(0 if c is None else c - pyh[mode].get(name, 2))
        if d[0] > 0 or d[1] > 0:
            rows.append((name, max(d[0], 0), max(d[1], 0)))
    slots = 1
    while slots < 2 * len(rows):
        slots *= 2
    table = [-1] * slots
    for k, (name, _, _) in enumerate(rows):
        j = fnv1a(name) & (slots - 1)
        while table[j] >= 0:
            j = (j + 1) & (slots - 1)
        table[j] = k
    out = open(os.path.join(outdir, 'startup_names.h'), 'w') if outdir else sys.stdout
    out.write('/* Generated by scripts/gen_startup_names.py from %s (%s): do not edit.\n'
              '** The identifier-like strings CPython 3.11\'s start-up leaves interned, with\n'
              '** the references its start-up objects hold beyond pyheap\'s, as a script and at\n'
              '** the prompt. */\n' % (sys.executable, sys.version.split()[0]))
    out.write('#define STARTUP_NAMES_COUNT %d\n#define STARTUP_NAMES_SLOTS %d\n'
              '#define STARTUP_NAME_MAXLEN %d\n\n' % (len(rows), slots,
                                                     max(len(r[0]) for r in rows)))
    out.write('typedef struct StartupName {\n    const char *name;\n    uint32_t hash;\n'
              '    int32_t len;\n    int32_t d_script, d_repl;\n} StartupName;\n\n')
    out.write('static const StartupName startup_names[STARTUP_NAMES_COUNT] = {\n')
    for name, ds, dr in rows:
        out.write('    {"%s", %du, %d, %d, %d},\n' % (name, fnv1a(name), len(name), ds, dr))
    out.write('};\n\nstatic const int16_t startup_names_slots[STARTUP_NAMES_SLOTS] = {\n')
    for i in range(0, slots, 16):
        out.write('    ' + ', '.join(str(x) for x in table[i:i + 16]) + ',\n')
    out.write('};\n')
    if outdir:
        out.close()
        write_ints(os.path.join(outdir, 'startup_ints.h'), pyheap)
        write_singletons(os.path.join(outdir, 'startup_singletons.h'), pyheap)
    sys.stderr.write('gen_startup_names: %d names (%d candidates)\n' % (len(rows), len(cands)))


if __name__ == '__main__':
    main()
