# TypeError from a binary operator, with the caret line under the operator.
def label(count):
    return 'count: ' + count
print(label('3'))
print(label(3))
