# References the parser and compiler leave on an attribute name (sys.getrefcount of the
# name), for chains at a statement's start and in display elements, in code never run.
import sys
if 0:
    x.qa
    x.qb + 1
    x[0].qc
    x.qd: int = 1
    x.qe, y.qe
    [x.qf]
    y = [a, x.qg]
    (x.qh)
    (x.qi, y) = 1, 2
    (x.qj) += 1
    (x.qk): int = 1
    (x.ql)[1:2]
    (x.qm)()
    {x.qn}
    [1, x.qo]
    [x.qp.z]
    inf, nan = m.inf, m.qq
    y = m.x, m.qr
    y = 1, m.qs
for n in ['qa', 'qb', 'qc', 'qd', 'qe', 'qf', 'qg', 'qh', 'qi', 'qj', 'qk', 'ql', 'qm', 'qn',
          'qo', 'qp', 'qq', 'qr', 'qs']:
    print(n, sys.getrefcount(n))
