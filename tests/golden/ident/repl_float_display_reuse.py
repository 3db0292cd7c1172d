# Which freed float block a float literal in a display gets at the prompt.  CPython's
# parser parses a display where an assignment target could start as an expression first,
# then tries it as a target list, converting the literals it reaches once more: after the
# display, so the literal's own object comes first.
def fill():
    global a, ids
    a = [1.5 + 0.1 * i for i in range(10)]
    ids = [id(v) for v in a]

def where(x):
    return ids.index(id(x)) if id(x) in ids else -1

x = 1
fill()
del a
y = [[2.71828]]
print('y = [[2.71828]]', where(y[0][0]))
fill()
del a
y = [x, 2.71828]
print('y = [x, 2.71828]', where(y[1]))
fill()
del a
y = x, [2.71828]
print('y = x, [2.71828]', where(y[1][0]))
fill()
del a
y = [2.5, 3.5][0]
print('y = [2.5, 3.5][0]', where(y))
fill()
del a
y = [2.5, 3.5].copy()
print('y = [2.5, 3.5].copy()', where(y[0]))
fill()
del a
y = (2.5, 3.5)
print('y = (2.5, 3.5)', where(y[1]))
fill()
del a
y = [x, (2.5, 3.5)]
print('y = [x, (2.5, 3.5)]', where(y[1][0]))
fill()
del a
y = [2.5 + 1.0]
print('y = [2.5 + 1.0]', where(y[0]))
fill()
del a
y = [2.5 for i in 'ab']
print("y = [2.5 for i in 'ab']", where(y[1]))
fill()
del a
y = z = [2.5]
print('y = z = [2.5]', where(y[0]))
fill()
del a
y = 1.5, 2.5, [3.5]
print('y = 1.5, 2.5, [3.5]', where(y[2][0]))
fill()
del a
y = [x, 2.5], [3.5]
print('y = [x, 2.5], [3.5]', where(y[1][0]))
fill()
del a
y = x, 2.5
print('y = x, 2.5', where(y[1]))
fill()
del a
y = [x.real, 2.5]
print('y = [x.real, 2.5]', where(y[1]))
