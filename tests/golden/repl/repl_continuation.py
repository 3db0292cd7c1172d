# blocks end with an empty line; brackets, triple quotes and backslashes continue
def f(n):
    # a comment inside the block
    total = 0
    for i in range(n):
        if i % 2:
            total += i
        else:
            total -= 1
    return total

f(10)
y = [1,

     2]
y
s = """one

three"""
s
z = 1 + \
    2
z
@staticmethod
def g():
    return 'g'

type(g).__name__
while z:
    z -= 1
else:
    'while-else'

try:
    1/0
except ZeroDivisionError:
    'caught'
finally:
    print('finally')

if 1:
    if 2:
        'nested'

  # an indented comment line is fine
w = (1,
     2,
     3); w
