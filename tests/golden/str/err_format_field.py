# An uncaught IndexError from str.format with a missing positional argument.
print('{0} {1}'.format('only'))
