# A dedent to a column no enclosing block started at.
def f():
        x = 1
    return x
