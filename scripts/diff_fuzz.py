#!/usr/bin/env python3
"""diff_fuzz.py: random programs run under python3 and pyheap, outputs compared.

  scripts/diff_fuzz.py run PYHEAP LO HI [--repl]   seeds LO..HI-1; each differing program
                                                    is kept as OUT/seedN.py (OUT: $DF_OUT,
                                                    default /tmp/diff_fuzz)
  scripts/diff_fuzz.py reduce PYHEAP FILE [--repl]  cut FILE down to the statements the
                                                    difference needs (printed)
  scripts/diff_fuzz.py show SEED                    print the program of SEED

A program is a list of top-level statements over a few live names: objects of the common
built-in types and of small classes (one with __del__), reference counts, `is` and id()
comparisons (the id-reuse pattern: take an id, del, make another), sizes, containers that
hold and drop references, cycles and gc.collect(), closures, generators driven by next/
send/close, exceptions kept in names, weak references and f-strings.  Nothing it prints
depends on an address, so any difference in the output (stdout and stderr) is a
difference from CPython.  --repl runs the program at the prompt (`-i -q`, each statement
compiled alone), where identity and counts follow other rules.  Both run with
PYTHONHASHSEED=1, which keeps str hashing fixed without changing CPython's start-up.

Some differences are CPython's own variation, not pyheap's.  Address space randomization
changes CPython's address-keyed hashing (subclass dicts, sets of objects), and with it which
block an object gets: a program whose python3 output varies over five runs is not counted
(gdb turns randomization off: `setarch -R python3` shows the same).  Which block a new
object gets can also depend on the length of environment variables (OLDPWD, PWD) that
start-up copies into os.environ; sys.getrefcount(None) moves between runs.  Re-run a
reduced case from two directories before chasing it.
"""
import os
import random
import subprocess
import sys

NAMES = ['a', 'b', 'c', 'x', 'y', 'val', 'item', 'data', 'obj', 'tmp']

PRELUDE = '''import gc
import sys
import weakref


class K:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return 'K(%r)' % (self.n,)


class D(K):
    def __del__(self):
        print('del', self.n)


class S:
    __slots__ = ('p', 'q')

    def __repr__(self):
        return 'S'


def show(v):
    s = repr(v)
    while ' at 0x' in s:
        i = s.index(' at 0x')
        j = i + 6
        while j < len(s) and s[j] in '0123456789abcdef':
            j += 1
        s = s[:i] + ' at ADDR' + s[j:]
    return s[:40]

'''


def lit_str(r):
    alpha = 'abcdefghij' if r.random() < 0.6 else 'abc de_fg!'
    return repr(''.join(r.choice(alpha) for _ in range(r.choice([1, 2, 5, 12, 30, 70]))))


def maker(r, depth=0):
    """An expression that makes (or finds) an object."""
    k = r.randrange(30)
    if k == 0:
        return str(r.choice([0, 1, 5, 100, 256, 257, 1000, -5, -6, 10 ** 20]))
    if k == 1:
        return lit_str(r)
    if k == 2:
        return '%s * %d' % (lit_str(r), r.choice([2, 3, 50, 100]))
    if k == 3:
        return 'str(%d)' % r.randrange(10 ** r.randrange(1, 25))
    if k == 4:
        return '%d + %d' % (r.randrange(1000), r.randrange(1000))
    if k == 5:
        return '[%s]' % ', '.join(str(r.randrange(300)) for _ in range(r.randrange(6)))
    if k == 6:
        return '(%s,)' % ', '.join(str(r.randrange(200, 400)) for _ in range(r.randrange(1, 4)))
    if k == 7:
        return '{%s}' % ', '.join("'k%d': %d" % (i, i) for i in range(r.randrange(5)))
    if k == 8:
        return '{%s}' % ', '.join(str(i) for i in range(1, r.randrange(2, 7)))
    if k == 9:
        return "b'%s'" % ('x' * r.choice([1, 3, 10, 34, 60]))
    if k == 10:
        return 'K(%d)' % r.randrange(100)
    if k == 11:
        return 'D(%d)' % r.randrange(100)
    if k == 12:
        return 'list(range(%d))' % r.randrange(20)
    if k == 13:
        return '%d.5' % r.randrange(100)
    if k == 14:
        return "'%s' + str(%d)" % ('p' * r.randrange(1, 9), r.randrange(10 ** 6))
    if k == 15:
        return "''.join([%s])" % ', '.join(repr(c) for c in r.sample('abcdef', r.randrange(1, 5)))
    if k == 16:
        return '[i * %d for i in range(%d)]' % (r.randrange(1, 5), r.randrange(8))
    if k == 17:
        return '{i: str(i) for i in range(%d)}' % r.randrange(6)
    if k == 18:
        return '(i for i in range(%d))' % r.randrange(1, 6)
    if k == 19:
        return 'lambda q=%d: q + 1' % r.randrange(5)
    if k == 20:
        return 'tuple(range(%d))' % r.randrange(6)
    if k == 21:
        return 'object()'
    if k == 22:
        return 'S()'
    if k == 23:
        return "f'{%d:>6}|{%r}'" % (r.randrange(1000), r.random() < 0.5)
    if k == 24:
        return "%s.upper()" % lit_str(r)
    if k == 25:
        return 'set()'
    if k == 26:
        return 'bytearray(%d)' % r.randrange(40)
    if k == 27:
        return '%d ** %d' % (r.randrange(2, 9), r.randrange(2, 40))
    if k == 28:
        return 'frozenset({%d, %d})' % (r.randrange(9), r.randrange(9))
    return 'dict(a=%d, b=%s)' % (r.randrange(9), lit_str(r))


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.live = []          # names bound now
        self.out = []

    def name(self):
        return self.r.choice(self.live) if self.live else None

    def bind(self, n):
        if n not in self.live:
            self.live.append(n)

    def unbind(self, n):
        if n in self.live:
            self.live.remove(n)

    def emit(self, s):
        self.out.append(s)

    def stmt(self):
        r = self.r
        k = r.randrange(40)
        n = self.name()
        if k < 5 or n is None:
            v = r.choice(NAMES)
            self.emit('%s = %s' % (v, maker(r)))
            self.bind(v)
        elif k == 5:
            self.emit('print(sys.getrefcount(%s))' % n)
        elif k == 6:
            m = self.name()
            self.emit('print(%s is %s, id(%s) == id(%s))' % (n, m, n, m))
        elif k == 7:
            # the id-reuse pattern
            v = r.choice(NAMES)
            self.emit('k_id = id(%s)' % n)
            self.emit('del %s' % n)
            self.unbind(n)
            self.emit('%s = %s' % (v, maker(r)))
            self.bind(v)
            self.emit('print(id(%s) == k_id)' % v)
        elif k == 8:
            self.emit('del %s' % n)
            self.unbind(n)
        elif k == 9:
            self.emit('print(sys.getsizeof(%s))' % n)
        elif k == 10:
            self.emit('holder = [%s, %s]' % (n, n))
            self.emit('print(sys.getrefcount(%s))' % n)
            if r.random() < 0.5:
                self.emit('holder.clear()')
        elif k == 11:
            v = r.choice(NAMES)
            self.emit('%s = D(%d)' % (v, r.randrange(100, 200)))
            self.emit('%s.me = %s' % (v, v))
            self.emit('del %s' % v)
            self.unbind(v)
            if r.random() < 0.6:
                self.emit('print(gc.collect())')
        elif k == 12:
            self.emit('print(gc.collect())')
        elif k == 13:
            f = 'f%d' % r.randrange(3)
            self.emit('def %s(p, q=%s):\n    loc = [p, q]\n    print(sys.getrefcount(p))\n'
                      '    return loc' % (f, maker(r)))
            v = r.choice(NAMES)
            self.emit('%s = %s(%s)' % (v, f, n))
            self.bind(v)
        elif k == 14:
            self.emit('def mk(z):\n    def inner():\n        return z\n    return inner')
            self.emit('cl = mk(%s)' % n)
            self.emit('print(cl() is %s, sys.getrefcount(%s))' % (n, n))
        elif k == 15:
            self.emit('def gen(z):\n    got = yield z\n    yield got\n    yield 3')
            self.emit('g = gen(%s)' % n)
            self.emit('print(next(g) is %s)' % n)
            if r.random() < 0.5:
                self.emit("print(g.send('s'))")
            self.emit('g.close()')
            self.emit('print(sys.getrefcount(%s))' % n)
        elif k == 16:
            self.emit('try:\n    %s[%d]\nexcept Exception as e:\n    err = e' % (n, r.randrange(99)))
            self.emit('print(type(err).__name__ if "err" in dir() else None)')
        elif k == 17:
            self.emit('try:\n    wr = weakref.ref(%s)\nexcept TypeError:\n    wr = None' % n)
            self.emit('print(wr is None or wr() is %s)' % n)
        elif k == 18:
            self.emit("print(f'{show(%s):.40}')" % n)
        elif k == 19:
            self.emit('print(gc.is_tracked(%s))' % n)
        elif k == 20:
            self.emit('box = {"v": %s}' % n)
            self.emit('print(sys.getrefcount(%s))' % n)
            self.emit('del box')
        elif k == 21:
            m = self.name()
            self.emit('pair = (%s, %s)' % (n, m))
            self.emit('print(sys.getrefcount(pair), len(pair))')
        elif k == 22:
            self.emit('print(show(%s))' % n)
        elif k == 23:
            self.emit('for it in range(%d):\n    tmp = %s' % (r.randrange(1, 4), maker(r)))
            self.bind('tmp')
        elif k >= 32:
            v = r.choice(NAMES)
            self.fourth(v, n)
            self.bind(v)
        else:
            self.more(n)

    def more(self, n):
        """Library calls, attributes and methods: the second half of the statement mix."""
        r = self.r
        k = r.randrange(20)
        v = r.choice(NAMES)
        if k == 0:
            self.emit('%s = sorted([%s], key=lambda e: -e)' % (
                v, ', '.join(str(r.randrange(50)) for _ in range(r.randrange(1, 8)))))
        elif k == 1:
            self.emit('%s = list(map(str, range(%d)))' % (v, r.randrange(12)))
        elif k == 2:
            self.emit('%s = dict(zip(%s, range(%d)))' % (v, lit_str(r), r.randrange(9)))
        elif k == 3:
            self.emit('%s = sys.intern(%s + str(%d))' % (v, lit_str(r), r.randrange(99)))
        elif k == 4:
            self.emit("%s = ''\nfor it in range(%d):\n    %s += str(it)" % (v, r.randrange(1, 30), v))
        elif k == 5:
            self.emit('%s = [[] for it in range(%d)]\n%s.append(%s)' % (
                v, r.randrange(5), v, v))
        elif k == 6:
            self.emit('class P(K):\n    @property\n    def twice(self):\n'
                      '        return self.n * 2\n    def __init__(self, n):\n'
                      '        super().__init__(n)')
            self.emit('%s = P(%d)' % (v, r.randrange(9)))
            self.emit('print(%s.twice, sys.getrefcount(P))' % v)
        elif k == 7:
            self.emit('def counter():\n    c = 0\n    def inc():\n        nonlocal c\n'
                      '        c += 1\n        return c\n    return inc')
            self.emit('%s = counter()\nprint(%s(), %s())' % (v, v, v))
        elif k == 8:
            self.emit('%s = %s[%d:%d]' % (v, r.choice([lit_str(r), '[1, 2, 3, 4, 5]', '(7, 8, 9)']),
                                          r.randrange(3), r.randrange(2, 9)))
        elif k == 9:
            self.emit('%s = {%s}\n%s.update(a=1)\nprint(sys.getsizeof(%s))' % (
                v, ', '.join("'q%d': %d" % (i, i) for i in range(r.randrange(8))), v, v))
        elif k == 10:
            self.emit('%s = []\nfor it in range(%d):\n    %s.append(it)\nprint(sys.getsizeof(%s))'
                      % (v, r.randrange(30), v, v))
        elif k == 11:
            self.emit('def boom():\n    raise ValueError(%s)' % lit_str(r))
            self.emit('try:\n    boom()\nexcept ValueError as ex:\n    %s = ex' % v)
            self.emit('print(type(%s).__name__, len(%s.args))' % (v, v))
        elif k == 12:
            self.emit('%s = tuple(%s)' % (v, r.choice(['[1, 2]', "'ab'", 'range(3)', '{}'])))
        elif k == 13:
            self.emit('%s = %s' % (v, n))
            self.emit('print(%s is %s, sys.getrefcount(%s))' % (v, n, v))
        elif k == 14:
            self.emit('%s = [x for x in range(%d) if x %% 2]' % (v, r.randrange(20)))
            self.emit('print(len(%s), gc.is_tracked(%s))' % (v, v))
        elif k == 15:
            self.emit('%s = %s.__class__.__name__' % (v, n))
        else:
            self.third(v, n)
        if v not in self.live:
            self.live.append(v)

    def third(self, v, n):
        """with, finally, *args/**kwargs, %-formatting, sets, min/max/sum, getattr."""
        r = self.r
        k = r.randrange(16)
        if k >= 12:
            return self.fourth(v, n)
        if k == 0:
            self.emit('class Ctx:\n    def __enter__(self):\n        return [1, 2]\n'
                      '    def __exit__(self, *exc):\n        print(len(exc), exc[0] is None)\n'
                      '        return %s' % r.choice(['False', 'True']))
            self.emit('with Ctx() as %s:\n    %s.append(%s)%s' % (
                v, v, maker(r), '\n    1 / 0' if r.random() < 0.4 else ''))
        elif k == 1:
            self.emit('def fin(z):\n    try:\n        return [z]\n    finally:\n'
                      '        print(sys.getrefcount(z))')
            self.emit('%s = fin(%s)' % (v, n))
        elif k == 2:
            self.emit('def va(*args, **kw):\n    return len(args), sorted(kw)')
            self.emit('%s = va(%s, %s, key=%s)' % (v, n, maker(r), maker(r)))
            self.emit('print(%s)' % v)
        elif k == 3:
            self.emit("%s = '%%s-%%d-%%r' %% (%s, %d, %s)" % (v, lit_str(r), r.randrange(999),
                                                            lit_str(r)))
        elif k == 4:
            self.emit('%s = set([%s]) | set([%s])' % (v, ', '.join(str(i) for i in range(r.randrange(6))),
                                          ', '.join(str(i + 3) for i in range(r.randrange(6)))))
            self.emit('print(sorted(%s), sys.getsizeof(%s))' % (v, v))
        elif k == 5:
            self.emit('%s = (min(%s), max(%s), sum(%s))' % ((v,) + ('[%s]' % ', '.join(
                str(r.randrange(-9, 99)) for _ in range(r.randrange(1, 6))),) * 3))
        elif k == 6:
            self.emit("%s = getattr(%s, '__len__', None)" % (v, n))
            self.emit('print(%s is None or callable(%s))' % (v, v))
        elif k == 7:
            self.emit('%s = [(i, j) for i in range(%d) for j in range(%d)]' % (
                v, r.randrange(4), r.randrange(4)))
            self.emit('print(len(%s), gc.is_tracked(%s[0]) if %s else None)' % (v, v, v))
        elif k == 8:
            self.emit('%s = K(%s)\n%s.extra = [%s]\ndel %s.extra' % (v, n, v, n, v))
            self.emit('print(sys.getrefcount(%s), sys.getsizeof(%s.__dict__))' % (n, v))
        elif k == 9:
            self.emit('%s = isinstance(%s, (int, str)), type(%s) is list' % (v, n, n))
        elif k == 10:
            self.emit('%s = [str(e) for e in range(%d)]\n%s.sort(reverse=True)\n%s.pop()'
                      % (v, r.randrange(1, 12), v, v))
        else:
            self.emit('%s = %s * %d if isinstance(%s, (str, list, tuple)) else %s' % (
                v, n, r.randrange(4), n, n))

    def fourth(self, v, n):
        """Methods of str, list and dict, unpacking, loops with break/continue, class and
        static methods, exception chaining, big ints, non-ASCII text, generation counts."""
        r = self.r
        k = r.randrange(24)
        if k == 0:
            self.emit('%s = %s.split(%r)' % (v, lit_str(r), r.choice(['a', ' ', 'e', 'bc'])))
        elif k == 1:
            self.emit('%s = %s.replace(%r, %r).strip()' % (v, lit_str(r), r.choice('abc '),
                                                          r.choice(['', 'Z', 'xyz'])))
        elif k == 2:
            self.emit("%s = '-'.join(%s)" % (v, r.choice(["['a', 'b']", "'xyz'", '[]',
                                                          "map(str, range(7))"])))
        elif k == 3:
            self.emit('%s = {}\nfor it in %s:\n    %s.setdefault(it, []).append(it)'
                      % (v, lit_str(r), v))
            self.emit('print(len(%s), sys.getsizeof(%s))' % (v, v))
        elif k == 4:
            self.emit('%s = list(range(%d))\n%s.insert(%d, %s)\n%s[1:3] = [%s]\ndel %s[::2]'
                      % (v, r.randrange(2, 12), v, r.randrange(5), n, v, maker(r), v))
            self.emit('print(len(%s), sys.getsizeof(%s), sys.getrefcount(%s))' % (v, v, n))
        elif k == 5:
            self.emit('first, *rest = %s' % r.choice(['range(%d)' % r.randrange(1, 9),
                                                       lit_str(r), '[%s, %s]' % (n, n)]))
            self.emit('print(len(rest), sys.getrefcount(rest))')
            self.bind('first')
        elif k == 6:
            self.emit('%s = None\nfor it in range(%d):\n    if it == %d:\n        break\n'
                      '    if it %% 2:\n        continue\n    %s = [it, %s]\nelse:\n    %s = None'
                      % (v, r.randrange(1, 9), r.randrange(6), v, n, v))
        elif k == 7:
            self.emit('class Q:\n    made = 0\n    @classmethod\n    def mk(cls, a):\n'
                      '        cls.made += 1\n        return cls()\n    @staticmethod\n'
                      '    def one():\n        return %s' % maker(r))
            self.emit('%s = Q.mk(%s)\nprint(Q.made, Q.one() is Q.one(), sys.getrefcount(Q))'
                      % (v, n))
        elif k == 8:
            self.emit('try:\n    try:\n        {}[%s]\n    except KeyError as inner:\n'
                      '        raise ValueError(%d) from inner\nexcept ValueError as outer:\n'
                      '    %s = outer' % (lit_str(r), r.randrange(9), v))
            self.emit('print(type(%s.__cause__).__name__, %s.__context__ is %s.__cause__)'
                      % (v, v, v))
        elif k == 9:
            self.emit('%s = %d ** %d - %d' % (v, r.randrange(2, 99), r.randrange(5, 90),
                                               r.randrange(10 ** 6)))
            self.emit('print(sys.getsizeof(%s), %s %% 1000, %s.bit_length())' % (v, v, v))
        elif k == 10:
            self.emit('%s = %r * %d' % (v, r.choice(['é', 'ü中', '€', 'ab', '\U0001f600']),
                                        r.randrange(1, 30)))
            self.emit('print(sys.getsizeof(%s), len(%s.encode()))' % (v, v))
        elif k == 11:
            self.emit('print(gc.get_count()[0] > 0, gc.get_count()[1:])')
        elif k == 12:
            self.emit('%s = divmod(%d, %d), %d // %d, -%d %% %d' % (
                v, r.randrange(-999, 999), r.randrange(1, 50), r.randrange(999), r.randrange(1, 9),
                r.randrange(999), r.randrange(1, 9)))
        elif k == 13:
            self.emit('%s = [e for e in enumerate(%s)]' % (v, lit_str(r)))
            self.emit('print(len(%s), sys.getrefcount(%s[0]) if %s else 0)' % (v, v, v))
        elif k == 14:
            self.emit('%s = any(e > %d for e in range(%d)), all([])' % (
                v, r.randrange(9), r.randrange(9)))
        elif k == 15:
            self.emit('if (%s := len(%s)) > %d:\n    print(%s)\nelif %s:\n    pass\n'
                      'else:\n    %s = 0' % (v, lit_str(r), r.randrange(20), v, v, v))
        elif k == 16:
            self.emit('%s = {k: v for k, v in zip(%s, %s) if v != %r}' % (
                v, lit_str(r), lit_str(r), r.choice('abcd')))
            self.emit('print(sys.getsizeof(%s), gc.is_tracked(%s))' % (v, v))
        elif k == 17:
            self.emit('%s = %s.get(%r, %s) if isinstance(%s, dict) else %s' % (
                v, n, r.choice(['a', 'k1', 'zz']), maker(r), n, n))
        elif k == 18:
            self.emit('while True:\n    %s = %s\n    if %s:\n        break' % (
                v, maker(r), r.choice(['True', '1', 'len([1])'])))
        elif k == 19:
            self.emit('%s = reversed(%s) if isinstance(%s, (list, tuple, str)) else iter([%s])'
                      % (v, n, n, n))
            self.emit('print(sys.getrefcount(%s))' % n)
        elif k == 20:
            self.emit('%s = b"%s".hex() + str(bytes([%d, %d]))' % (
                v, 'ab' * r.randrange(4), r.randrange(256), r.randrange(256)))
        elif k == 21:
            self.emit('%s = [%s] * %d\n%s.extend(%s for _ in range(%d))' % (
                v, n, r.randrange(5), v, n, r.randrange(5)))
            self.emit('print(sys.getsizeof(%s), sys.getrefcount(%s))' % (v, n))
        elif k == 22:
            self.emit('%s = 1 < %d <= %d != %d, %d if %s else %d' % (
                v, r.randrange(5), r.randrange(5), r.randrange(5), r.randrange(5),
                r.choice(['True', n, '[]']), r.randrange(999)))
        else:
            self.emit('def deco(fn):\n    def wrap(*a):\n        return [fn(*a)]\n    return wrap')
            self.emit('@deco\ndef twice(z):\n    return (z, z)')
            self.emit('%s = twice(%s)\nprint(sys.getrefcount(%s), len(%s[0]))' % (v, n, n, v))

    def program(self, n):
        for _ in range(n):
            self.stmt()
        return self.out


def program(seed):
    return PRELUDE, Gen(seed).program(random.Random(seed).randrange(10, 40))


def render(prelude, stmts, repl):
    """Script text.  At the prompt a blank line ends a compound statement, so the prelude
    loses the blank lines inside its classes and each compound statement gets one."""
    if repl:
        lines, blocks = prelude.split('\n'), []
        for i, line in enumerate(lines):
            if line.strip() or not (i + 1 < len(lines) and lines[i + 1].startswith(' ')):
                blocks.append(line)
        prelude = '\n'.join(blocks)
    parts = [prelude]
    for s in stmts:
        parts.append(s + ('\n\n' if repl and '\n' in s else '\n'))
    return ''.join(parts)


def shell_env():
    """The environment python3 sees when a shell starts it.  CPython copies the environment
    into os.environ at start-up, so its length moves blocks; this script itself runs
    behind pyenv's shim, which put its directories in front of PATH, and would put them
    there twice for the python3 it starts."""
    env = dict(os.environ, PYTHONHASHSEED='1')
    root = env.get('PYENV_ROOT')
    if root:
        parts = env.get('PATH', '').split(':')
        while parts and parts[0].startswith(root + '/') and '/shims' not in parts[0]:
            parts.pop(0)
        env['PATH'] = ':'.join(parts)
    return env


def run(cmd, text, repl, cwd):
    env = shell_env()
    # one file per process (two runs may share the directory), names of one length
    name = 'df_%07d.py' % (os.getpid() % 10000000)
    path = os.path.join(cwd, name)
    with open(path, 'w') as f:
        f.write(text)
    try:
        if repl:
            res = subprocess.run(cmd + ['-i', '-q'], input=text, capture_output=True, text=True,
                                 env=env, cwd=cwd, timeout=30)
        else:
            res = subprocess.run(cmd + [name], capture_output=True, text=True, env=env,
                                 cwd=cwd, timeout=30)
    except subprocess.TimeoutExpired:
        return 'TIMEOUT'
    finally:
        os.unlink(path)
    return res.stdout + '\n--stderr--\n' + res.stderr + '\n--status %d' % res.returncode


def differs(pyheap, prelude, stmts, repl, cwd):
    """pyheap's output is not python3's, and python3 gives the same output five times
    (address space randomization moves CPython's address-keyed hashing, and with it
    which block some objects get: such a program shows nothing about pyheap)."""
    text = render(prelude, stmts, repl)
    want = run(['python3'], text, repl, cwd)
    if want == run([pyheap], text, repl, cwd):
        return False
    return all(run(['python3'], text, repl, cwd) == want for _ in range(4))


def reduce(pyheap, prelude, stmts, repl, cwd):
    chunk = max(1, len(stmts) // 2)
    while chunk >= 1:
        i = 0
        while i < len(stmts):
            t = stmts[:i] + stmts[i + chunk:]
            if t and differs(pyheap, prelude, t, repl, cwd):
                stmts = t
            else:
                i += chunk
        chunk //= 2
    return stmts


def main():
    args = [a for a in sys.argv[1:] if a != '--repl']
    repl = '--repl' in sys.argv
    out = os.environ.get('DF_OUT', '/tmp/diff_fuzz')
    os.makedirs(out, exist_ok=True)
    if args[0] == 'show':
        p, s = program(int(args[1]))
        sys.stdout.write(render(p, s, repl))
    elif args[0] == 'run':
        pyheap, lo, hi = os.path.abspath(args[1]), int(args[2]), int(args[3])
        bad = 0
        for seed in range(lo, hi):
            p, s = program(seed)
            if differs(pyheap, p, s, repl, out):
                bad += 1
                with open(os.path.join(out, 'seed%d%s.py' % (seed, '_repl' if repl else '')),
                          'w') as f:
                    f.write(render(p, s, repl))
                print('seed', seed, 'differs', flush=True)
        print('diff_fuzz: %d of %d programs differ' % (bad, hi - lo))
    elif args[0] == 'reduce':
        pyheap = os.path.abspath(args[1])
        text = open(args[2]).read()
        prelude, body = PRELUDE, text[len(render(PRELUDE, [], repl)):]
        stmts, cur = [], []
        for line in body.split('\n'):
            if line.startswith((' ', '\t', 'except', 'else', 'finally')) and cur:
                cur.append(line)
            else:
                if cur:
                    stmts.append('\n'.join(cur))
                cur = [line] if line.strip() else []
        if cur:
            stmts.append('\n'.join(cur))
        stmts = reduce(pyheap, prelude, stmts, repl, out)
        sys.stdout.write(render(prelude, stmts, repl))


if __name__ == '__main__':
    main()
