# Which freed float block does a float literal get at the prompt?  CPython's parser makes
# extra float objects for a literal (the PEG 'primary' rule runs twice, and a literal at
# the start of a statement or after '=' is first tried as an assignment target); they
# live until the statement has run, so the literal's own object is not always the block
# freed last.
def fill():
    global a, ids
    a = [1.5 + 0.1 * i for i in range(10)]
    ids = [id(v) for v in a]

def where(x):
    return ids.index(id(x)) if id(x) in ids else -1

fill()
del a
y = 2.71828
print("y = lit", where(y))
fill()
del a
y = 2.71828 + 1.0
print("y = lit + lit", where(y))
fill()
del a
y = -2.71828
print("y = -lit", where(y))
fill()
del a
y = (2.71828)
print("y = (lit)", where(y))
fill()
del a
y = [2.5, 3.5]
print("y = [lit, lit]", where(y[0]), where(y[1]))
fill()
del a
y = 1.5, 2.5
print("y = lit, lit", where(y[0]), where(y[1]))
fill()
del a
y = z = 2.71828
print("y = z = lit", where(y))
fill()
del a
y: float = 2.71828
print("annotated", where(y))
fill()
del a
y = lambda a=2.71828: a
print("lambda default", where(y()))
fill()
del a
y = 3 * 2.71828
print("y = 3 * lit", where(y))
fill()
del a
y = 2.71828 * 3
print("y = lit * 3", where(y))
fill()
del a
y = {1: 2.71828}
print("dict value", where(y[1]))
fill()
del a
y = 1.5; w = 2.5
print("two statements on a line", where(y), where(w))
fill()
del a
if 1: y = 2.71828

print("after a header", where(y))
fill()
del a
2.71828
import builtins
print("expression statement", where(getattr(builtins, "_", None)))
x = 3.14159
j = id(x)
del x
y = 2.71828
print("del x, then y = lit: same block?", id(y) == j)
