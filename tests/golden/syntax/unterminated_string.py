# A single-quoted string that runs into the end of the line.
name = 'abc
print(name)
