# An old-style octal literal.
x = 0777
