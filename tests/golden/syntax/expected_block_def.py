# A function definition with no body before the end of the file.
x = 1
def f():
