# An '=' where an expression is expected (CPython suggests '==').
if x = 1:
    pass
