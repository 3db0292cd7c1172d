# An augmented assignment to a tuple.
a, b += 1, 2
