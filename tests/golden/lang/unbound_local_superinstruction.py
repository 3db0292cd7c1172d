# An unbound local read by the second half of a combined instruction (STORE_FAST then
# LOAD_FAST, LOAD_FAST twice, LOAD_CONST then LOAD_FAST) is reported at its own line
# (and column), as CPython reports it.
def f1():
    y = 1
    e = [e]
def f2():
    x = 1
    return x, e
    e = 2
def f3():
    return (1, e)
    e = 2
def f4(a):
    b = a
    c = d
    d = 1
for fn in (f1, f2, f3, lambda: f4(1)):
    try:
        fn()
    except UnboundLocalError as ex:
        tb = ex.__traceback__
        while tb.tb_next:
            tb = tb.tb_next
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno, ex)
