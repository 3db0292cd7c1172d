#!/usr/bin/env python3
"""name_refcount_probe.py PYHEAP: compare the parser's identifier references with CPython's.

For every golden script (tests/golden/**/*.py, REPL transcripts excepted) the body is run
as dead code (under `if 0:`) and, for each identifier of two or more ASCII characters, the
number of references the body adds to sys.getrefcount(name) is measured under python3 and
under PYHEAP (the difference against the same program without the body, so what the
start-ups hold cancels out).  Prints how many identifiers differ and the first files with
differences: (name, CPython's delta, pyheap's delta).  What the delta counts: the NAME
attempts pegen leaves in the arena (grammar/parse.c name_attempts) and the code objects'
names.  Immortal names (CPython's statically allocated identifiers) are skipped.
"""
import sys, os, subprocess, glob, tokenize, io, keyword, collections
pyh = sys.argv[1]
files = sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'golden', '**', '*.py'), recursive=True))
tot_files = bad_files = tot_names = bad_names = 0
report = []
def counts(cmd, prog):
    open('/tmp/name_refcount_probe.py', 'w').write(prog)
    r = subprocess.run([cmd, '/tmp/name_refcount_probe.py'], capture_output=True, text=True, timeout=20).stdout.split('\n')
    return dict(l.rsplit(' ', 1) for l in r if ' ' in l)
for f in files:
    if os.path.basename(f).startswith('repl_'):
        continue
    src = open(f, encoding='utf-8', errors='replace').read()
    if 'from __future__' in src or 'global ' in src or 'nonlocal' in src:
        continue
    try:
        compile(src, f, 'exec')
        toks = list(tokenize.generate_tokens(io.StringIO(src).readline))
    except Exception:
        continue
    names = sorted({t.string for t in toks if t.type == tokenize.NAME and not keyword.iskeyword(t.string) and t.string.isascii() and len(t.string) > 1})
    if not names:
        continue
    body = '\n'.join('    ' + l for l in src.split('\n'))
    tail = 'for _n in %r:\n    print(_n, _s.getrefcount(_n))\n' % names
    withb = 'import sys as _s\nif 0:\n' + body + '\n    pass\n' + tail
    without = 'import sys as _s\n' + tail
    try:
        a1, a0 = counts('python3', withb), counts('python3', without)
        b1, b0 = counts(pyh, withb), counts(pyh, without)
    except Exception:
        continue
    if not a1:
        continue
    tot_files += 1
    diffs = []
    for n in names:
        if n not in a1 or n not in a0 or n not in b1 or n not in b0:
            continue
        if int(a0[n]) > 10**8:
            continue
        da, db = int(a1[n]) - int(a0[n]), int(b1[n]) - int(b0[n])
        tot_names += 1
        if da != db:
            diffs.append((n, da, db))
    if diffs:
        bad_files += 1
        bad_names += len(diffs)
        report.append((f, diffs))
print('files', tot_files, 'with differences', bad_files, 'names', tot_names, 'differing', bad_names)
for f, d in report[:60]:
    print(f.split('tests/golden/')[-1], d[:6])
