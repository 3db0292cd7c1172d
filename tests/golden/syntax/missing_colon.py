# An if statement without its colon.
x = 1
if x > 0
    print(x)
