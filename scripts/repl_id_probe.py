#!/usr/bin/env python3
"""repl_id_probe.py PYHEAP [N]: measure how often id() reuse at the prompt differs from CPython.

Writes N random REPL sessions (seeds 1..N), each making an object, taking its id, deleting
it, making another (of the same kind 70% of the time) and comparing the ids, runs each with
`python3 -i -q` and `PYHEAP -i -q`, and prints how many of the comparisons differ.  The
figure of docs/DESIGN.md ("Parser and compiler heap traffic") comes from `... 40`.
"""
import random
import subprocess
import sys

MAKERS = [
    lambda r: repr(''.join(r.choice('abcdefghij ') for _ in range(r.randint(2, 40)))),
    lambda r: repr(''.join(r.choice('abcdefghij') for _ in range(r.randint(2, 40)))),
    lambda r: "'ab' * %d" % r.randint(2, 20),
    lambda r: "str(%d)" % r.randint(10**5, 10**30),
    lambda r: "%d" % r.randint(300, 10**12),
    lambda r: "%d * %d" % (r.randint(300, 10**6), r.randint(300, 10**6)),
    lambda r: "[%s]" % ', '.join(str(i) for i in range(r.randint(0, 8))),
    lambda r: "(%s,)" % ', '.join(str(i + 300) for i in range(r.randint(1, 5))),
    lambda r: "{%s}" % ', '.join("'k%d': %d" % (i, i) for i in range(r.randint(0, 6))),
    lambda r: "b'%s'" % ('x' * r.randint(2, 40)),
    lambda r: "C()",
    lambda r: "object()",
    lambda r: "list(range(%d))" % r.randint(0, 20),
    lambda r: "%d.5" % r.randint(0, 1000),
    lambda r: "{%s}" % ', '.join(str(i) for i in range(1, r.randint(2, 6))),
    lambda r: "'%s' + str(%d)" % ('x' * r.randint(1, 20), r.randint(0, 10**6)),
]
NAMES = ['a', 'b', 'x', 'val', 'thing', 'some_longer_name']


def session(seed):
    r = random.Random(seed)
    out = ["class C:\n    pass\n"]
    for _ in range(12):
        n1, n2 = r.choice(NAMES), r.choice(NAMES) + '2'
        m = r.choice(MAKERS)
        out += ["%s = %s" % (n1, m(r)), "k = id(%s)" % n1, "del %s" % n1]
        if r.random() < 0.3:
            out.append("%s = %s" % (r.choice(NAMES) + '3', r.choice(MAKERS)(r)))
        other = m if r.random() < 0.7 else r.choice(MAKERS)
        out += ["%s = %s" % (n2, other(r)), "id(%s) == k" % n2]
    return '\n'.join(out) + '\n'


def answers(cmd, src):
    res = subprocess.run(cmd + ['-i', '-q'], input=src, capture_output=True, text=True)
    return [l for l in res.stdout.split('\n') if l in ('True', 'False')]


def main():
    pyheap, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 40
    bad = total = 0
    for seed in range(1, n + 1):
        src = session(seed)
        want, got = answers(['python3'], src), answers([pyheap], src)
        total += len(want)
        bad += sum(1 for w, g in zip(want, got) if w != g) + abs(len(want) - len(got))
    print("repl_id_probe: %d of %d id() comparisons differ from CPython" % (bad, total))


if __name__ == '__main__':
    main()
