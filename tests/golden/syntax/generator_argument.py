# An unparenthesized generator expression next to another argument.
f(x for x in range(3), 1)
