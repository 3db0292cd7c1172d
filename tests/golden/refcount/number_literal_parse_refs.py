# How many times CPython 3.11's parser converts a number literal, by context: each
# conversion is a reference the AST arena holds while the script runs.  A number that
# starts an element of a display, group or tuple where an assignment target could start
# (every element before it a possible target too) is converted once more, by the target
# rules.  The statements never run.
import sys
y = [0]
def f(*a): return a
if 0:
    100
    x = 103
    [106]
    x = [109]
    x = [y, 112]
    x = [y[0], 115]
    x = (118)
    x = (121, 1)
    x = y, 124
    f(127)
    f(y, 130)
    x = [133 for q in y]
    x = [q for q in [136]]
    x = {139}
    x = {142: 1}
    x = [[145]]
    x = [y, [148]]
    x = [y, (151, 1)]
    (154)
    (157, y)
    y, 160
    x = [163][0]
    x = [166, y]
    x = (169,)
    x = [-172]
    x = [175 + 1]
    x = ((178))
    x = ([181],)
    x = [y, y, 184]
    x = [y, 1, 187]
    x = y = [190]
    x: int = [193]
    x = [*y, 196]
    x = y, [199]
    x = (y), 202
    [y, 205]
    x = [208].count(1)
    x = lambda: [211]
    x = [214].a
    x = ([217]).a
    x = [[220].count(1)]
    x = [[223].a]
    x = [229][0].b()
    x = y, [232].a
    z = [y, 235, 2.5]
    x = {238, 1}
    x = [y, {241}]
    x = [2.5, 244]
for n, ctx in [(100, 'N'), (103, 'x = N'), (106, '[N]'), (109, 'x = [N]'), (112, 'x = [y, N]'), (115, 'x = [y[0], N]'), (118, 'x = (N)'), (121, 'x = (N, 1)'), (124, 'x = y, N'), (127, 'f(N)'), (130, 'f(y, N)'), (133, 'x = [N for q in y]'), (136, 'x = [q for q in [N]]'), (139, 'x = {N}'), (142, 'x = {N: 1}'), (145, 'x = [[N]]'), (148, 'x = [y, [N]]'), (151, 'x = [y, (N, 1)]'), (154, '(N)'), (157, '(N, y)'), (160, 'y, N'), (163, 'x = [N][0]'), (166, 'x = [N, y]'), (169, 'x = (N,)'), (172, 'x = [-N]'), (175, 'x = [N + 1]'), (178, 'x = ((N))'), (181, 'x = ([N],)'), (184, 'x = [y, y, N]'), (187, 'x = [y, 1, N]'), (190, 'x = y = [N]'), (193, 'x: int = [N]'), (196, 'x = [*y, N]'), (199, 'x = y, [N]'), (202, 'x = (y), N'), (205, '[y, N]'), (208, 'x = [N].count(1)'), (211, 'x = lambda: [N]'), (214, 'x = [N].a'), (217, 'x = ([N]).a'), (220, 'x = [[N].count(1)]'), (223, 'x = [[N].a]'), (229, 'x = [N][0].b()'), (232, 'x = y, [N].a'), (235, 'z = [y, N, 2.5]'), (238, 'x = {N, 1}'), (241, 'x = [y, {N}]'), (244, 'x = [2.5, N]')]:
    print(ctx.ljust(22), sys.getrefcount(n) - 1000000000)
