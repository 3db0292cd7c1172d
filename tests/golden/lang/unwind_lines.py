# Where a return, break or continue leaves a with block or runs a finally body, the
# with statement's __exit__ is called at the with's line and the finally body runs at
# its own lines (CPython's compiler_unwind_fblock), so tracebacks point there.
import sys


class Boom:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        raise KeyError('exit')


def lines(tb):
    out = []
    while tb:
        out.append(tb.tb_lineno)
        tb = tb.tb_next
    return out


def ret():
    with Boom():
        return 1


def brk():
    for i in range(3):
        with Boom():
            break


def cont():
    for i in range(3):
        with Boom():
            continue


def fin():
    try:
        return 1
    finally:
        [][0]


def fin_break():
    for i in range(2):
        try:
            break
        finally:
            {}['k']


for fn in (ret, brk, cont, fin, fin_break):
    try:
        fn()
    except LookupError:
        print(fn.__name__, lines(sys.exc_info()[2]))
