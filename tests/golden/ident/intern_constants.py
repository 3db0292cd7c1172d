# String constants made only of letters, digits and underscores are interned when the code
# is compiled; other string constants are not (they are shared only within one unit).
# Names (attributes, parameters, keywords, class members) are interned too.
import sys


def same(a, b):
    return a is b


a = 'hello_world'
b = 'hello_world'
print(a is b, a is sys.intern('hello' + '_world'))
c = 'hello world'
d = 'hello world'
print(c is d, c is sys.intern('hello' + ' world'))
print(same('café', sys.intern('caf' + 'é')), same('123abc', sys.intern('123' + 'abc')))
print(same('x!', sys.intern('x' + '!')), same('_', sys.intern('_')))
dyn = ''.join(['hello', '_world'])
print(dyn is a, dyn == a)


class Point:
    coordinate = 1
    def method_name(self):
        return 0


print(same([k for k in vars(Point) if k == 'coordinate'][0], 'coordinate'))
print(same(Point.method_name.__name__, 'method_name'))


def f(keyword_arg=1):
    return keyword_arg


print(same(f.__code__.co_varnames[0], 'keyword_arg'))


def g(**kw):
    return list(kw)[0]


print(same(g(some_key=1), 'some_key'))
obj = Point()
setattr(obj, ''.join(['dyn', '_attr']), 1)
print(same(list(vars(obj))[0], 'dyn_attr'))
