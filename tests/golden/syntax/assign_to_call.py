# An assignment to a function call (CPython suggests '==').
f() = 1
