# The full text of tracebacks, not only their last line: exceptions raised in __del__ are
# reported through sys.stderr ("Exception ignored in ..."), which this test points at a
# temporary file and prints back (addresses and directories removed).  Covers the PEP 657
# markers: ~~^~~ for binary operators, ~~~^^^ for subscripts, ^^^^ for calls/attributes,
# multi-frame tracebacks, and lines where CPython prints no markers.
import os
import sys

path = 'pyheap_lang_tbtext_%d.txt' % os.getpid()


def helper(x):
    return x.missing_attribute


def divide(a, b):
    return a / b


class Report:
    def __init__(self, action):
        self.action = action

    def __del__(self):
        self.action()


actions = [
    lambda: {'key': [1, 2]}['key'][5],
    lambda: divide(1, 0),
    lambda: helper(42),
    lambda: 'text' + 5,
    lambda: int('not a number'),
    lambda: [1, 2, 3].index(99),
    lambda: (None,)[0](),
    lambda: {}.setdefault([], 1),
    lambda: (1, 2) < (1, 'x'),
    lambda: [x for x in range(3)][10],
]


def run(action):
    r = Report(action)
    del r


saved = sys.stderr
sys.stderr = open(path, 'w')
for act in actions:
    run(act)
sys.stderr.close()
sys.stderr = saved
with open(path) as fh:
    for line in fh:
        line = line.rstrip('\n').split(' at 0x')[0]
        if line.startswith('  File "'):
            quoted = line.split('"')[1]
            line = line.replace(quoted, os.path.basename(quoted))
        print(line)
os.remove(path)
print('removed', not os.path.exists(path))
