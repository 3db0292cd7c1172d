# NAME attempts in for and with targets, tried as del targets are (subscripts parsed again,
# attribute names twice), and in the later elements of a tuple at a statement's start;
# sys.getrefcount of the identifiers shows it.
import sys
if 0:
    for y[qta] in r: pass
    for y[qtb + 1] in r: pass
    for y.a[qtc] in r: pass
    for y[qtd].a in r: pass
    for y[qte, 1] in r: pass
    for x, y[qtf] in r: pass
    with w as y[qtg]: pass
    with w as y[qth].a: pass
    x = [0 for y[qti] in r]
    for qtj in r: pass
    for qtk.a in r: pass
    for y.qtl in r: pass
    with w as qtm: pass
    with w as qtn.a: pass
    a, y.qva
    a, y[qvb]
    w, y.qvc = 1, 2
    w, y[qvd] = 1, 2
    w, y[qve].a = 1, 2
    x = 1, y.qvf
    w, y.qvg.b = 1, 2
for name in ['qta', 'qtb', 'qtc', 'qtd', 'qte', 'qtf', 'qtg', 'qth', 'qti', 'qtj', 'qtk', 'qtl', 'qtm', 'qtn', 'qva', 'qvb', 'qvc', 'qvd', 'qve', 'qvf', 'qvg']:
    print(name, sys.getrefcount(name))
