# s += t on a local extends s in place only once CPython 3.11 has quickened the code (8 calls
# or backward jumps) and specialised the site (BINARY_OP_INPLACE_ADD_UNICODE): id(s) shows it
def f(n):
    s = 'start'
    prev = id(s)
    out = []
    for i in range(n):
        s += 'x'
        out.append('=' if id(s) == prev else '.')
        prev = id(s)
    return ''.join(out)
print(f(40))
print(f(40))
def g(n):
    s = 'start'
    prev = id(s)
    out = []
    for i in range(n):
        s = s + 'y'
        t = 1
        out.append('=' if id(s) == prev else '.')
        prev = id(s)
    return ''.join(out)
print(g(40))
