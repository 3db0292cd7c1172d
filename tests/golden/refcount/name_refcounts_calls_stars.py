# NAME attempts: an annotated assignment's target (its rule comes first: one attempt), the
# first argument of a call that may start an assignment target (a method call, a call on a
# subscript or call, in a display element; not when the chain is the target), and a
# starred name first where a target could start; and a statement's first NAME whose chain
# of trailers ends in a call (t_primary tries the chain to its end); keyword names, tried
# by the positional alternative of 'args' while only positional arguments came before.
import sys

def fn():
    qca: int = 1
    qcb: int
    x = a.b(qcc)
    a.b(qcd)
    x = [a.b(qce)]
    a.b(qcf).c = 1
    f(qcg)[0] = 1
    x = a[0](qch)
    x = f(1)(qci)
    x = *qcj,
    x = [*qck]
    [*qcl] = x
    x = [1, *qcm]
    x = (*qcn.a,)
    qco.collect()
    x = qcp.a.b()
    qcq.a().b
    x = qcr[0](1)
    qcs.set_debug(qcs.DEBUG_STATS)
    f(a, qct=1)
    f(a, b=1, qcu=2)
    f(*a, qcv=1)
    f(**a, qcw=1)
    f(qcx=1)
    class C(a, qcy=1): pass
    x = a @ qcz

for name in ['qca', 'qcb', 'qcc', 'qcd', 'qce', 'qcf', 'qcg', 'qch', 'qci', 'qcj', 'qck', 'qcl',
             'qcm', 'qcn', 'qco', 'qcp', 'qcq', 'qcr', 'qcs', 'qct', 'qcu', 'qcv', 'qcw', 'qcx',
             'qcy', 'qcz']:
    print(name, sys.getrefcount(name))
