# The script stops at its first uncaught exception; the REPL reports it and goes on.
a = 1000
b = 1000
print('@4', a is b)
1 / 0
c = 1000
print('@7', c is a)
