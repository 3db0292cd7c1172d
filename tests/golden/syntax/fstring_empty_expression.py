# An f-string with an empty replacement field.
print(f'value: {}')
