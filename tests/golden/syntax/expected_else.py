# A conditional expression without its else.
x = 1 if True
