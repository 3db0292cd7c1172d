# References CPython 3.11's parser leaves on a name in a call's arguments inside a
# display: a call that is an element the target rules reach (every element before it
# could be a target) is parsed once more.  Never run.
import sys
y = [0]
def f(*a, **k): return 0
g = f
def h():
    x = [f(zq_ca_0)]
    x = [f(zq_ca_1), 1]
    x = [1, f(zq_ca_2)]
    x = [f(zq_ca_3[1:])]
    x = [f(1), f(zq_ca_4[1:])]
    x = [f(zq_ca_5), f(zq_ca_5[1:])]
    x = [f(zq_ca_6[0])]
    x = [f(1, zq_ca_7)]
    x = (f(zq_ca_8),)
    x = (f(zq_ca_9))
    [f(zq_ca_10)]
    f(zq_ca_11[1:])
    x = f(zq_ca_12[1:])
    x = [f(zq_ca_13.a)]
    x = [f(y), f(zq_ca_14)]
    x = [g(zq_ca_15)(1)]
    x = [zq_ca_16[1:]]
    x = [y, f(zq_ca_17[1:])]
for n, ctx in [('zq_ca_0', 'x = [f(N)]'), ('zq_ca_1', 'x = [f(N), 1]'), ('zq_ca_2', 'x = [1, f(N)]'), ('zq_ca_3', 'x = [f(N[1:])]'), ('zq_ca_4', 'x = [f(1), f(N[1:])]'), ('zq_ca_5', 'x = [f(N), f(N[1:])]'), ('zq_ca_6', 'x = [f(N[0])]'), ('zq_ca_7', 'x = [f(1, N)]'), ('zq_ca_8', 'x = (f(N),)'), ('zq_ca_9', 'x = (f(N))'), ('zq_ca_10', '[f(N)]'), ('zq_ca_11', 'f(N[1:])'), ('zq_ca_12', 'x = f(N[1:])'), ('zq_ca_13', 'x = [f(N.a)]'), ('zq_ca_14', 'x = [f(y), f(N)]'), ('zq_ca_15', 'x = [g(N)(1)]'), ('zq_ca_16', 'x = [N[1:]]'), ('zq_ca_17', 'x = [y, f(N[1:])]')]:
    print(ctx.ljust(26), sys.getrefcount(sys.intern(n)))
