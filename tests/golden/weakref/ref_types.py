# Which objects can be weakly referenced, and where the types keep their list
# (__weakrefoffset__, as CPython reports it).
import weakref, sys

def f():
    yield 1

class C:
    def m(self):
        pass

class S:
    __slots__ = ('a',)

class SW:
    __slots__ = ('a', '__weakref__')

class MySet(set):
    pass

class MyInt(int):
    pass

objs = [('function', f), ('generator', f()), ('code', f.__code__), ('class', C),
        ('instance', C()), ('bound method', C().m), ('builtin', len),
        ('set', {1}), ('frozenset', frozenset()), ('module', sys),
        ('file', open(__file__)), ('generic alias', list[int]),
        ('slots', S()), ('slots+weakref', SW()), ('set subclass', MySet()),
        ('int subclass', MyInt(3))]
for name, o in objs:
    try:
        r = weakref.ref(o)
        print(name, 'yes', r() is o, type(o).__weakrefoffset__)
    except TypeError as e:
        print(name, 'no', e)
objs[10][1].close()
print(S.__weakrefoffset__, SW.__weakrefoffset__, SW.__basicsize__, MySet.__basicsize__)
print(MyInt.__weakrefoffset__, MyInt.__basicsize__)
