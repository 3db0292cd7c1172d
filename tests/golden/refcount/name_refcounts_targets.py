# NAME attempts in for and with targets: tried as del targets are (subscripts parsed
# again, attribute names twice); sys.getrefcount of the identifiers shows it.
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
for name in ['qta', 'qtb', 'qtc', 'qtd', 'qte', 'qtf', 'qtg', 'qth', 'qti', 'qtj', 'qtk', 'qtl', 'qtm', 'qtn']:
    print(name, sys.getrefcount(name))
