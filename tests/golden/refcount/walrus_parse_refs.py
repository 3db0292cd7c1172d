# References CPython 3.11's parser leaves on the name an assignment expression (:=)
# binds, by where it stands: a display, a comprehension, a group, a call.  Never run.
import sys
y = [0]
def f(*a, **k): return 0
def h():
    x = [y, zq_wa_0 := 2]
    f(y, zq_wa_1 := 2)
    x = [zq_wa_2 := zq_wa_2 + v for v in y]
    x = [1, zq_wa_3 := 2]
    x = (1, zq_wa_4 := 2)
    f(1, zq_wa_5 := 2)
    print(zq_wa_6 := 1)
    x = [zq_wa_7 := v for v in y]
    x = [zq_wa_8 := 1]
    x = (zq_wa_9 := 1)
    [zq_wa_10 := v for v in y]
    f(zq_wa_11 := 1)
    x = [(zq_wa_12 := v) for v in y]
    x = {zq_wa_13 := v for v in y}
    x = [y, (zq_wa_14 := 1)]
    if (zq_wa_15 := 1): pass
    while (zq_wa_16 := 0): pass
    x = [v for v in y if (zq_wa_17 := v)]
    pass
for n, ctx in [('zq_wa_0', 'x = [y, N := 2]'), ('zq_wa_1', 'f(y, N := 2)'), ('zq_wa_2', 'x = [N := N + v for v in y]'), ('zq_wa_3', 'x = [1, N := 2]'), ('zq_wa_4', 'x = (1, N := 2)'), ('zq_wa_5', 'f(1, N := 2)'), ('zq_wa_6', 'print(N := 1)'), ('zq_wa_7', 'x = [N := v for v in y]'), ('zq_wa_8', 'x = [N := 1]'), ('zq_wa_9', 'x = (N := 1)'), ('zq_wa_10', '[N := v for v in y]'), ('zq_wa_11', 'f(N := 1)'), ('zq_wa_12', 'x = [(N := v) for v in y]'), ('zq_wa_13', 'x = {N := v for v in y}'), ('zq_wa_14', 'x = [y, (N := 1)]'), ('zq_wa_15', 'if (N := 1): pass'), ('zq_wa_16', 'while (N := 0): pass'), ('zq_wa_17', 'x = [v for v in y if (N := v)]')]:
    print(ctx.ljust(34), sys.getrefcount(sys.intern(n)))
