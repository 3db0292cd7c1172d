# Constants: shared within one compilation unit (the script), not across REPL statements.
a = 257
b = 257
print('@3', a is b)
c = 256
d = 256
print('@6', c is d)
s1 = 'hello world'
s2 = 'hello world'
print('@9', s1 is s2)
n1 = 'hello_world'
n2 = 'hello_world'
print('@12', n1 is n2)
f1 = 2.5
f2 = 2.5
print('@15', f1 is f2)
t1 = (1, 'x y')
t2 = (1, 'x y')
print('@18', t1 is t2)
def g():
    return 'hello world'

print('@22', g() is s1)
class K:
    v = 257

print('@26', K.v is a, K.v is b)
big = 2 ** 100
print('@28', big is 2 ** 100)
e1 = ''
print('@30', e1 is str())
