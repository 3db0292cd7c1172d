# An uncaught TypeError from %-formatting with too few arguments.
print('%s and %s' % ('one',))
