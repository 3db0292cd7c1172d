"""startup_tables.py: what the scripts that measure CPython's start-up for pyheap's
runtime/startup_*.h tables share (gen_startup_names.py, gen_startup_pools.py,
gen_startup_mcache.py)."""
import json
import subprocess


def reference_python():
    """The reference python3's executable and its own environment (the pyenv shim puts
    its directories in PATH), with PYTHONHASHSEED=1 as the tests run it."""
    probe = subprocess.run(['python3', '-c', 'import os, sys, json; print(json.dumps('
                            '[sys.executable, dict(os.environ)]))'],
                           capture_output=True, text=True, check=True)
    exe, env = json.loads(probe.stdout)
    env['PYTHONHASHSEED'] = '1'
    return exe, env


def fnv1a(s):
    """FNV-1a, 32 bits, over an ASCII name's bytes: the tables' key (str_fnv1a in
    runtime/strobject.c)."""
    h = 2166136261
    for b in s.encode('ascii'):
        h = ((h ^ b) * 16777619) & 0xffffffff
    return h
