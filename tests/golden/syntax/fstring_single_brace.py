# A single closing brace in an f-string.
x = 1
print(f'{x}}')
