# Equal constants anywhere in one compilation unit -- module, functions, lambdas, classes,
# nested functions, default values -- are one object.  In the REPL every statement is its
# own unit.
s1 = 'hello world'


def same(a, b):
    return a is b


def g():
    return 'hello world'


print(g() is s1)


class K:
    v = 'hello world'
    def m(self):
        return 'hello world', 1000
    class Inner:
        w = 1000


print(K.v is s1, K().m()[0] is s1, K().m()[1] is K.Inner.w)
lam = lambda: 'hello world'
print(lam() is s1)
print([x for x in ['hello world']][0] is s1, next(x for x in ('hello world',)) is s1)


def outer():
    def inner():
        return 'hello world', 1000, 2.5, (1, 'hello world')
    return inner()


r = outer()
print(r[0] is s1, r[1] is K.Inner.w, same(r[3], (1, 'hello world')), r[3][1] is s1)


def dflt(a=1000, b='hello world'):
    return a, b


print(dflt()[0] is r[1], dflt()[1] is s1)
t1 = (1, (2, 'a b'))
t2 = (1, (2, 'a b'))
print(t1 is t2, t1[1] is t2[1])
print(same((1, 2), (1.0, 2)), same(0.0, -0.0), same(1, True), same(1.0, 1))
