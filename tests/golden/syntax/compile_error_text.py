# Errors found after parsing (symbol table, compiler) take their source line from the
# file named by the filename, as CPython's PyErr_ProgramTextObject: none for "<x>" (or the
# REPL's "<stdin>"); global/nonlocal errors point at the statement.
def show(src, fn="<x>"):
    try:
        compile(src, fn, "exec")
    except SyntaxError as e:
        print(repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))

show("return 5")
show("x = 1\nnonlocal x")
show("nonlocal y")
show("def f():\n    global x\n    def g():\n        nonlocal x\n")
show("def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n")
show("break")
show("def f(a, a): pass")
show("f(x=1, x=2)")
show("yield 1")
show("return 5", __file__)          # line 1 of this very file
show("\n\n\nreturn 5", __file__)    # line 4
