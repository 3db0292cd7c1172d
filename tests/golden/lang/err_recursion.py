# Infinite recursion raises RecursionError (the traceback repeats, CPython abbreviates it).
def down(n):
    return down(n + 1)
down(0)
