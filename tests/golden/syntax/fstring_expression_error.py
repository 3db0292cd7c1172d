# A syntax error inside an f-string replacement field.
x = 1
print(f'{x y}')
