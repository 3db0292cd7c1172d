# popping the last element, then once more, ends in CPython's KeyError
s = {7}
print(s.pop(), s)
s.pop()
