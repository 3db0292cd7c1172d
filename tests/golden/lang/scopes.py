# Closures, global, nonlocal, late binding, class scopes, UnboundLocalError/NameError messages.
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c1, c2 = counter(), counter()
print(c1(), c1(), c1(), c2())
print(c1.__closure__[0].cell_contents, c1.__code__.co_freevars, counter.__code__.co_cellvars)
fs = [lambda: i for i in range(3)]
print([fn() for fn in fs])
fs = [lambda i=i: i for i in range(3)]
print([fn() for fn in fs])
g = 'global'
def read_global():
    return g
def write_global():
    global g
    g = 'changed'
print(read_global(), write_global(), g)
def make():
    x = 'enclosing'
    def mid():
        def inner():
            return x
        return inner
    return mid()()
print(make())
def nl():
    a = 1
    def f():
        nonlocal a
        a = 2
        def g():
            nonlocal a
            a = 3
        g()
    f()
    return a
print(nl())
x = 'module'
class K:
    x = 'class'
    y = x + '!'
    def meth(self):
        return x
    z = [x for _ in range(1)]
print(K.y, K().meth(), K.z)
def func_class():
    v = 'func local'
    class Inner:
        w = v
        u = [v for _ in range(1)]
    class Inner2:
        try:
            w = v
        except NameError as e:
            w = 'NameError: ' + str(e)
        v = 'class v'
        u = v
    return Inner.w, Inner.u, Inner2.w, Inner2.u
print(func_class())
def unbound():
    try:
        print(local_var)
    except UnboundLocalError as e:
        print('UnboundLocalError:', e)
    local_var = 1
unbound()
def name_err():
    try:
        undefined_name
    except NameError as e:
        print('NameError:', e, repr(e.name))
name_err()
def free_unbound():
    def inner():
        return later
    try:
        inner()
    except NameError as e:
        print(type(e).__name__ + ':', e)
    later = 1
free_unbound()
def del_local():
    v = 1
    del v
    try:
        v
    except UnboundLocalError as e:
        print('UnboundLocalError:', e)
del_local()
def shadow():
    len = lambda s: 42
    return len('abc')
print(shadow(), len('abc'))
gv = 1
def global_del():
    global gv
    del gv
global_del()
try:
    gv
except NameError as e:
    print('NameError:', e)
def acc_factory():
    total = []
    def add(v):
        total.append(v)
        return sum(total)
    return add
add = acc_factory()
print(add(1), add(2), add(3))
print(sorted(counter.__code__.co_varnames), (lambda: 0).__name__, counter().__qualname__)
def gen_scope():
    y = 10
    return list(y + i for i in range(3))
print(gen_scope())
exec('q = 5')
print(q, eval('q * 2'), eval('x', {'x': 'from dict'}))
ns = {}
exec('def f():\n    return 7\nr = f()', ns)
print(ns['r'])
print(locals() is globals(), 'gv' in globals(), sorted(k for k in dir() if k in ('K', 'g')))
def show_locals(a, b=2):
    c = 3
    return sorted(locals().items())
print(show_locals(1))
