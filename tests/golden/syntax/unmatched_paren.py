# A closing parenthesis with nothing to close.
x = 1
y = x + 2)
