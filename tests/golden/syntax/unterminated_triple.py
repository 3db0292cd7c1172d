# A triple-quoted string that is never closed.
def f():
    """Docstring
    return 1
