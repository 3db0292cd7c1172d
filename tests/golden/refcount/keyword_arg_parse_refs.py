# References CPython 3.11's parser leaves on a keyword argument's name: a keyword of
# a call that could start an assignment target is parsed once more.  Never run.
import sys
def h():
    print(repr(s.expandtabs(zq_kw_0=3)))
    print(s.expandtabs(zq_kw_1=3))
    x = s.expandtabs(zq_kw_2=3)
    s.expandtabs(zq_kw_3=3)
    f(lambda: 'a'.expandtabs(zq_kw_4=zq_kw_4one))
    x = lambda: a.e(zq_kw_5=1)
    lambda: a.e(zq_kw_6=1)
    x = 'a'.split(zq_kw_7=0)
    f(a=1, zq_kw_8=1)
    f(1, zq_kw_9=1)
    x = f(g(zq_kw_10=1))
    f(zq_kw_11=1)
    x = f(zq_kw_12=1)
for n, ctx in [('zq_kw_0', 'print(repr(s.expandtabs(N=3)))'), ('zq_kw_1', 'print(s.expandtabs(N=3))'), ('zq_kw_2', 'x = s.expandtabs(N=3)'), ('zq_kw_3', 's.expandtabs(N=3)'), ('zq_kw_4', "f(lambda: 'a'.expandtabs(N=None))"), ('zq_kw_5', 'x = lambda: a.e(N=1)'), ('zq_kw_6', 'lambda: a.e(N=1)'), ('zq_kw_7', "x = 'a'.split(N=0)"), ('zq_kw_8', 'f(a=1, N=1)'), ('zq_kw_9', 'f(1, N=1)'), ('zq_kw_10', 'x = f(g(N=1))'), ('zq_kw_11', 'f(N=1)'), ('zq_kw_12', 'x = f(N=1)')]:
    print(ctx.ljust(36), sys.getrefcount(sys.intern(n)))
