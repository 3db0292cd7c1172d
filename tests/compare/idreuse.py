# id(): memory freed by one statement is reused by the next allocation of its kind --
# unless the REPL, compiling the next statement, allocates in between.
x = 2.5
i = id(x * 3)
j = id(x * 5.0)
print('@5', i == j)
k = id([1, 2])
m = id([3, 4])
print('@8', k == m)
u = id(1000)
v = id(1000)
print('@11', u == v)
w = id(x * 7)
print('@13', w == i)
