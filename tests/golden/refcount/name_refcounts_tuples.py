# NAME attempts of the later elements of a display or tuple where an assignment target
# could start: while every element before could be a target (a name, a starred name, a
# chain not ending in a call, a display of such), the target rules parse the next one
# too; not when the display or tuple is the target.
import sys

def fn():
    x = [a, qta]
    x = (a.b, qtb)
    x = a, qtc
    x, y = y, qtd
    a, qte
    x = [1, qtf]
    x = [f(), qtg]
    x = [a, qth] + 1
    x = (a, qti).b
    (a, qtj) = x
    a, qtk = x
    x = [a for a in b], qtl
    x = [(a, b), qtm]
    x = [a, qtn()]
    x = [a, f(qto)]
    x = [*y[qtp]]
    return a, qtq

for name in ['qta', 'qtb', 'qtc', 'qtd', 'qte', 'qtf', 'qtg', 'qth', 'qti', 'qtj', 'qtk', 'qtl',
             'qtm', 'qtn', 'qto', 'qtp', 'qtq']:
    print(name, sys.getrefcount(name))
