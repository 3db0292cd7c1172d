# A backslash inside an f-string replacement field.
print(f'{"\n".join([])}')
