# NAME attempts inside groups and displays of an expression: each alternative of the
# atom (tuple, group, generator; list, list comprehension; dict, set and their
# comprehensions) parses the first element again; parenthesized expressions at a
# statement's start or after '=' are also tried as targets.
import sys
if 0:
    x = 1 + (qga + 1)
    x = 1 + (qgb.a)
    x = 1 + (1, qgc)
    x = 1 + (qgd,)
    x = 1 + [qge, 1]
    x = 1 + [qgf for z in w]
    x = 1 + (qgg for z in w)
    x = 1 + {qgh: 1}
    x = 1 + {qgi}
    x = 1 + {qgj: 1 for z in w}
    x = 1 + {qgk for z in w}
    x = 1 + (qgl := 1)
    f((qgm + 1))
    f(a=(qgn))
    if (qgo): pass
    while (qgp): pass
    x = y[(qgq)]
    (qgr)
    (qgs + 1)
    (qgt.a)
    x = (qgu + 1) * 2
    x = (qgv.a)
    x = [(qgw + 1)]
for name in ['qga', 'qgb', 'qgc', 'qgd', 'qge', 'qgf', 'qgg', 'qgh', 'qgi', 'qgj', 'qgk', 'qgl',
             'qgm', 'qgn', 'qgo', 'qgp', 'qgq', 'qgr', 'qgs', 'qgt', 'qgu', 'qgv', 'qgw']:
    print(name, sys.getrefcount(name))
# elements of bracketed del, for and 'as' targets
if 0:
    for (qta, a) in w: pass
    for [a, qtb] in w: pass
    for (qtc) in w: pass
    for a, (qtd, b) in w: pass
    del (qte)
    del [qtf, a]
    with f() as (qtg, a): pass
    x = [1 for (qth, a) in w]
    for x in (qti, a): pass
for name in ['qta', 'qtb', 'qtc', 'qtd', 'qte', 'qtf', 'qtg', 'qth', 'qti']:
    print(name, sys.getrefcount(name))
