# The parser keeps a reference to an identifier each time one of its rules tries the NAME
# token, until the module has run: sys.getrefcount of identifiers in a script shows them.
import sys
if 0:
    qza = 1
    qzb
    qzc.y = 1
    qzd(1)
    x = qze
    x = qzf(1)
    x = qzg.y
    print(qzh)
    f(1, qzi)
    qzj += 1
    x = 1 + qzk
    if qzl: pass
    while qzm: pass
    class X(qzn): pass
    del qzo
    for qzp in x: pass
    x = [qzq, 1]
    x = [1, qzr]
    x = (qzs)
    x = {qzt}
    x = [qzu for y in z]
    x = [1, [qzv]]
    f([qzw])
    x = {qzx: 1}
    def f(qpa, qpb=1): pass
    def g(qpf, qpg: int): pass
    def k(*qpc): pass
    def m(**qpe): pass
    def n(*, qpd): pass
    def p(qph=1, qpi=2, qpj=3): pass
    h = lambda qpk, qpl=0: 0
    x = y.qaa
    y.qab = 1
    y.qac.z()
    y.qad += 1
    del y.qae
    x = y[qaf]
    import qag
    import qah.z
    from qai import z
    @qaj
    def d(): pass
for name in ['qza', 'qzb', 'qzc', 'qzd', 'qze', 'qzf', 'qzg', 'qzh', 'qzi', 'qzj', 'qzk',
             'qzl', 'qzm', 'qzn', 'qzo', 'qzp', 'qzq', 'qzr', 'qzs', 'qzt', 'qzu', 'qzv',
             'qzw', 'qzx', 'qpa', 'qpb', 'qpc', 'qpd', 'qpe', 'qpf', 'qpg', 'qph', 'qpi',
             'qpj', 'qpk', 'qpl', 'qaa', 'qab', 'qac', 'qad', 'qae', 'qaf', 'qag', 'qah', 'qai',
             'qaj']:
    print(name, sys.getrefcount(name))
