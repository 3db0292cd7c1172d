# The first warning shown makes CPython's warnings module import linecache and tokenize,
# and those call list.sort with a keyword: its Argument Clinic parser builds its keyword
# tuple then, so the program's first sorted(..., key=...) builds none (at the prompt the
# start-up had imported them already).
import gc
gc.collect(); b = gc.get_count()[0]
'a b'.split(sep=None)
print('split, before the warning', gc.get_count()[0] - b)
gc.collect(); b = gc.get_count()[0]
c = compile('x = 1 is 1', '<warns>', 'exec')
gc.collect(); b = gc.get_count()[0]
[2, 1].sort(key=None, reverse=True)
print('sort, after it', gc.get_count()[0] - b)
