# an unhashable element ends the program with CPython's TypeError
s = {1, 2}
print(len(s))
s.add((3, 4))
print(s)
t = {1, [2]}
print(t)
