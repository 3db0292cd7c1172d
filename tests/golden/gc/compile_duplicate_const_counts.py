# A constant tuple the compiler makes twice (a list or set display of constants, keyword
# names) is merged into the first, and the duplicate dies onto the free lists, where the
# code object's consts tuple then finds it -- so compile() moves generation 0's count as
# CPython's does.
import gc
sources = ['[0, 1, 2], 7, [0, 1, 2]', '[0, 1, 2], [0, 1, 2], 7', '7, [0, 1, 2], [0, 1, 2]',
           '[0, 1, 2], 7.5, [0, 1, 2]', 'f([0, 1, 2]) is f(0, [0, 1, 2])',
           'f(a=1), f(a=2), 3', '{1, 2, 3}, 7, {1, 2, 3}', '[1, 2, 3], [1, 2, 3]']
for src in sources:
    gc.collect()
    base = gc.get_count()[0]
    c = compile(src, 's', 'exec')
    print(src.ljust(34), gc.get_count()[0] - base)
