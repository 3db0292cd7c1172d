# A non-breaking space between tokens.
x = 1 + 2
