# Indentation that means different things at tab sizes 1 and 8 (TabError).
if True:
        x = 1
	y = 2
