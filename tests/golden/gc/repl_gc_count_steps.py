# gc.get_count()[0] moves by what each statement leaves allocated, as in CPython's REPL:
# the parser's and compiler's own objects come and go inside the statement.
import gc
class C: pass

def step(last=[gc.get_count()[0]]):
    n = gc.get_count()[0]
    d = n - last[0]
    last[0] = n
    return d

step()
a = [1]
step()
x = C()
step()
y = {1: [2]}
step()
w = (1, [2])
step()
del a, x
step()
step()
