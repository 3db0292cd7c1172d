# A bare * with no keyword-only parameters after it.
def f(a, *):
    pass
