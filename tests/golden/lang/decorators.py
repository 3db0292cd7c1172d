# Decorators: plain, with arguments, stacked (application order), class decorators,
# functools-free wraps, decorators returning non-functions.
def trace(fn):
    def wrapper(*args, **kwargs):
        print('call', fn.__name__, args, kwargs)
        return fn(*args, **kwargs)
    wrapper.__name__ = fn.__name__
    wrapper.__wrapped__ = fn
    return wrapper
@trace
def add(a, b=0):
    return a + b
print(add(1, b=2), add.__name__, add.__wrapped__(5))
def repeat(n):
    print('repeat factory', n)
    def deco(fn):
        print('decorating', fn.__name__)
        def inner(*a):
            return [fn(*a) for _ in range(n)]
        return inner
    return deco
@repeat(3)
def hello(name):
    return 'hi ' + name
print(hello('bob'))
def tag(label):
    def deco(fn):
        print('apply', label)
        def w():
            return label + '(' + fn() + ')'
        return w
    return deco
@tag('outer')
@tag('inner')
def base():
    return 'x'
print(base())
registry = {}
def register(cls):
    registry[cls.__name__] = cls
    cls.registered = True
    return cls
@register
class Plugin:
    pass
print(registry, Plugin.registered)
def to_value(fn):
    return fn()
@to_value
def computed():
    return 42
print(computed)
def counted(fn):
    def w(*a):
        w.calls += 1
        return fn(*a)
    w.calls = 0
    return w
@counted
def noop():
    pass
noop(); noop()
print(noop.calls)
class Memo:
    def __init__(self, fn):
        self.fn = fn
        self.cache = {}
    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.fn(n)
        return self.cache[n]
@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), len(fib.cache), type(fib).__name__)
class Widget:
    def __repr__(self):
        return 'Widget()'
    @staticmethod
    @trace
    def make(kind):
        return 'widget-' + kind
    @property
    @trace
    def size(self):
        return 3
print(Widget.make('a'), Widget().size)
deco_list = [trace]
@deco_list[0]
def subscripted():
    return 'sub'
print(subscripted())
@(lambda f: f)
def identity_decorated():
    return 'lambda-decorated'
print(identity_decorated())
