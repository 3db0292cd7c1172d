import sys
sys.stderr = sys.stdout
1/0
def g(x):
    y = x + 1
    return y / 0

g(1)
'after'
x = (1 +
     [])
int('nope')
print(sys.last_type.__name__, sys.last_value)
def h(:
    pass
if True:
  x = 1
    y = 2
raise ValueError('bad')
'still here'
