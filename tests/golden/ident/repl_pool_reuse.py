# id() reuse across REPL statements: which freed block a new object gets depends on the
# blocks CPython's tokenizer, parser and compiler take between the statements.
s = "hello world"
k = id(s)
del s
t = "another string"
id(t) == k
a = 548801 * 725385
k = id(a)
del a
b = 99752881657
id(b) == k
x = object()
k = id(x)
del x
val2 = object()
id(val2) == k
u = 'ab' * 7
k = id(u)
del u
w = 'cd' * 7
id(w) == k
n = 10 ** 12
k = id(n)
del n
m = 10 ** 13
id(m) == k
