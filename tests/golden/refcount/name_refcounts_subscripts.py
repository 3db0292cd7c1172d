# NAME attempts in subscripts of a primary chain begun where a target could start:
# CPython's target and statement rules parse such a subscript again, the first element
# of a tuple twice, a slice element once; sys.getrefcount of the identifiers shows it.
import sys
if 0:
    y[qsaa]
    y[qsab + 1]
    y[qsac, 1]
    y[1, qsad]
    y[qsae:1]
    x = y[qsaf][0]
    x = y[qsag:]
    x = y[qsah, 1:2]
    x = y[1, qsai + 1]
    x = y[1, 2, qsaj]
    x = y[qsak, 1, 2]
    x = y[qsal]
    x = y[qsam * 2 + 1]
    y[qsan] += 1
    y[qsao + 1] += 1
    del y[qsap]
    del y[qsba + 1]
    del y[qsbb, 1]
    del y[1, qsbc]
    del y[qsbd:1]
    x = y(1)[qsbe]
    x = y.a[qsbf]
    y[qsbg][0]
    y[qsbh].a = 1
    y[qsbi][0] = 1
    del y[qsbj][0]
    y[qsbk][0] += 1
    x = y[qsbl](1)
    x = y[qsbm].b
    y[qsbn](1)
    y[qsbo] = x = 1
    x = z = y[qsbp]
    x = y[qsca], 1
    y[qscb], w = 1, 2
    x = y[-qscc]
    y[qscd.a] = 1
for name in ['qsaa', 'qsab', 'qsac', 'qsad', 'qsae', 'qsaf', 'qsag', 'qsah', 'qsai', 'qsaj', 'qsak', 'qsal', 'qsam', 'qsan', 'qsao', 'qsap', 'qsba', 'qsbb', 'qsbc', 'qsbd', 'qsbe', 'qsbf', 'qsbg', 'qsbh', 'qsbi', 'qsbj', 'qsbk', 'qsbl', 'qsbm', 'qsbn', 'qsbo', 'qsbp', 'qsca', 'qscb', 'qscc', 'qscd']:
    print(name, sys.getrefcount(name))
