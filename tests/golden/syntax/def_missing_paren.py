# A def without its parameter list.
def f:
    pass
