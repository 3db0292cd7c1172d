# A starred element of a display where an assignment target could start: star_target's
# '*' may be followed by a nested display (star_atom), so CPython 3.11's target rules
# reach a number that starts it and convert it once more -- a reference the AST arena
# holds while the script runs.  The statements never run.
import sys
y = [0]
def f(*a): return a
if 0:
    x = [*(150, 1)]
    x = (*(153, 1),)
    x = [*[156, 1]]
    x = [0, *(159, 1)]
    x = *(162, 1),
    x = [*(1, 2), *[165, 1]]
    x = {*(168, 1)}
    x = [*((171, 5), 6)]
    [*(174, 1)]
    f(*(177, 1))
    x = [*(y, 180)]
    x = *y, *(183, 1)
    x = [*y, *(186,)]
    x = [*(189 + 1, 2)]
for n, ctx in [(150, 'x = [*(N, 1)]'), (153, 'x = (*(N, 1),)'), (156, 'x = [*[N, 1]]'), (159, 'x = [0, *(N, 1)]'), (162, 'x = *(N, 1),'), (165, 'x = [*(1, 2), *[N, 1]]'), (168, 'x = {*(N, 1)}'), (171, 'x = [*((N, 5), 6)]'), (174, '[*(N, 1)]'), (177, 'f(*(N, 1))'), (180, 'x = [*(y, N)]'), (183, 'x = *y, *(N, 1)'), (186, 'x = [*y, *(N,)]'), (189, 'x = [*(N + 1, 2)]')]:
    print(ctx.ljust(26), sys.getrefcount(n) - 1000000000)
