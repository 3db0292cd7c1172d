# What showing a warning leaves in generation 0's count: each compile() that warns makes
# the warning, its registry key and the WarningMessage's arguments (tuples onto the free
# lists, the rest freed); the first one also imports linecache, tokenize and token into
# the reference interpreter.  Counts after a collection (empty free lists).
import gc
x = 1
c = compile("x is 5", "<s>", "exec")
for src in ["x is 5 or x is 6", "x == 5 or x == 6", "x is 7", "x is not 'a b'"]:
    gc.collect()
    before = gc.get_count()[0]
    c = compile(src, "<s>", "exec")
    print(repr(src), gc.get_count()[0] - before)
