# NAME attempts in the subscript of a display element that a target parse may take: in
# `x = [y[k]]` the display is first tried as an assignment target, so the subscript's
# NAME is parsed twice more (four times in parentheses at a statement's start); not when a
# trailer follows the display or the element, nor in a set display.
import sys
if 0:
    x = [y[qda]]
    x = (y[qdb])
    x = [o, y[qdc]]
    x = (o, y[qdd])
    [y[qde]]
    (y[qdf])
    [y[qdg]] = [1]
    x = [[y[qdh]]]
    x = [1, [y[qdi]]]
    x = [y[qdj] for z in w]
    x = [y[qdk]][0]
    x = (y[qdl]).a
    x = [y[qdm].a]
    x = {y[qdn]}
    f([y[qdo]])
    x = [y[1], y[qdp]]
for name in ['qda', 'qdb', 'qdc', 'qdd', 'qde', 'qdf', 'qdg', 'qdh', 'qdi', 'qdj', 'qdk', 'qdl',
             'qdm', 'qdn', 'qdo', 'qdp']:
    print(name, sys.getrefcount(name))
if 0:
    x = [y.a[qea]]
    x = [y[0][qeb]]
    x = [y(1)[qec]]
    x = [y[qed, 1]]
    x = [y[1, qee]]
    x = [y[qef] + 1]
    x = [y[qeg] if w else v]
    x = (y[qeh] == 1)
    (y[qei] + 1)
    x = [y[qej]] = 1
    x = [1 + y[qek]]
    x = [y[qel:1]]
for name in ['qea', 'qeb', 'qec', 'qed', 'qee', 'qef', 'qeg', 'qeh', 'qei', 'qej', 'qek', 'qel']:
    print(name, sys.getrefcount(name))
# subscripts in a chained assignment's later targets
if 0:
    x = y[qfa] = 1
    x = y.a[qfb] = 1
    x = y[qfc].a = 1
    x = y[qfd][0] = 1
    x = z = y[qfe] = 1
for name in ['qfa', 'qfb', 'qfc', 'qfd', 'qfe']:
    print(name, sys.getrefcount(name))
