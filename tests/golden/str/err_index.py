# An uncaught ValueError from str.index ends the script with CPython's message.
s = 'hello'
print(s.index('l'))
print(s.index('z'))
