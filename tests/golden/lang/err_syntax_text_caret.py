# A SyntaxError's text and the caret line the top-level report draws for it, as CPython
# 3.11: only an exact SyntaxError uses its end position (subclasses get one caret); a
# location running onto later lines is underlined to the end of the first; the text keeps
# its '\n' when read from the named file or on the tokenizer's current line.
import sys

sys.stderr = sys.stdout     # the excepthook's report is compared as stdout


def report(e):
    print(type(e).__name__, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
    e.__traceback__ = None
    sys.excepthook(type(e), e, None)


def show(src, fn="<x>"):
    try:
        compile(src, fn, "exec")
    except SyntaxError as e:
        report(e)


report(SyntaxError("exact", ("f.py", 1, 2, "abcdef\n", 1, 5)))
report(SyntaxError("to line 2", ("f.py", 1, 2, "abcdef\n", 2, 3)))
report(SyntaxError("past the end", ("f.py", 1, 2, "abcdef\n", 1, 30)))
report(IndentationError("sub", ("f.py", 1, 2, "abcdef\n", 1, 5)))
report(TabError("sub", ("f.py", 1, 2, "abcdef\n", 1, 5)))


class MySyntaxError(SyntaxError):
    pass


report(MySyntaxError("user", ("f.py", 1, 1, "    abcdef\n", 1, 9)))

show("class A:\npass\n")            # IndentationError: one caret under 'pass'
show("if 1:\n    a\n  b\n")          # unindent mismatch
show("x = 1 +\n")                   # on the tokenizer's line: '\n' kept
show("for i in x\n    pass\n")
show("a = 1\ndel f(\n1)\n")           # before the tokenizer's line: no '\n'
show("x = (1,\n 2\n")                # '(' never closed, two lines back
show("x = (1,\n")
show('x = "abc\n')                   # the tokenizer's own errors: no '\n'
show("d = {1: 2}}\n")
show("\n\nx = (1,\n 2]\n")
show("\ndel f(\n1)\n", __file__.rsplit("/", 1)[-1])   # line 2 of this file, from disk
