# The AST optimiser folds str * int when the result has at most 4096 characters, and
# str + str without a limit; a folded identifier-like result is interned, other folded
# strings are plain constants.  Strings computed at run time are never interned.
def same(x, y):
    return x is y


a = 'aa' * 50
b = 'aa' * 50
print(a is b, len(a))
c = 'a' * 4096
d = 'a' * 4096
print(c is d)
e = 'a' * 4097
f = 'a' * 4097
print(e is f, e == f)
g = 'ab' * 2048
h = 'ab' * 2048
print(g is h)
i = 'ab' * 2049
j = 'ab' * 2049
print(i is j)
k = 'x' * 4000 + 'y' * 97
m = 'x' * 4000 + 'y' * 97
print(k is m, len(k))
n = 'a b' * 3
o = 'a b' * 3
print(n is o)
p = 'hello' + '_' + 'world'
q = 'hello_world'
print(p is q)
ch = 'a'
r = ch * 50
s = ch * 50
print(r is s, r == s)
t = ''.join(['ab', 'cd'])
u = ''.join(['ab', 'cd'])
print(t is u)
v = ch + 'bc'
w = ch + 'bc'
print(v is w)
empty = ''
print(same('ab' * 0, empty), same('ab' * -1, empty))
