# Traceback with PEP 657 carets through several frames: subscript, call, binary op.
def average(values):
    return sum(values) / len(values)
def report(data):
    totals = {k: average(v) for k, v in data.items()}
    return totals
print(report({'a': [1, 2]}))
report({'a': [1, 2], 'b': []})
