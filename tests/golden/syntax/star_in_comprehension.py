# Iterable unpacking as a comprehension element.
x = [*a for a in [[1]]]
