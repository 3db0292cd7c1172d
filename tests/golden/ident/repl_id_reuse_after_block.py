# id() reuse at the prompt after multi-line statements: each statement's lines are read
# (and their buffers allocated) as CPython's tokenizer reads them, whatever the statement
# before was.
class C:
    pass

x = 683981 * 242058
k = id(x)
del x
x2 = 136838 * 74567
id(x2) == k
def f(a):
    return a * 2

y = 10 ** 12 + 7
k = id(y)
del y
y2 = 10 ** 12 + 9
id(y2) == k
for i in range(3):
    pass

t = (300, 301, 302)
k = id(t)
del t
t2 = (400, 401, 402)
id(t2) == k
s = 'word' + str(123456)
k = id(s)
del s
s2 = 'other' + str(654321)
id(s2) == k
