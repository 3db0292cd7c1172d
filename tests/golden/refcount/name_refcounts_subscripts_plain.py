# NAME attempts in the subscripts of plain expressions: an element's first NAME is
# tried once more (the first of a tuple twice), a slice element's is not.
import sys
if 0:
    print(y[qua])
    if y[qub]: pass
    x = 1 + y[quc]
    x = -y[qud]
    x = not y[que]
    while y[quf]: pass
    x = {y[qug]: 1}
    x = 1 + y.a[quh]
    x = 1 + y[qui, 1]
    x = 1 + y[quj:]
    x = 1 + y[1, quk]
    f(y[qul])
    f(y[qum].a)
    f(1, y[qun])
    f(k=y[quo])
    x = 1, y[qup]
    x = y[1] + y[quq]
for name in ['qua', 'qub', 'quc', 'qud', 'que', 'quf', 'qug', 'quh', 'qui', 'quj', 'quk', 'qul', 'qum', 'qun', 'quo', 'qup', 'quq']:
    print(name, sys.getrefcount(name))
