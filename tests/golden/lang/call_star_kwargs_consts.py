# f(**kw) builds its empty positional tuple with BUILD_TUPLE 0, which 3.11's flow-graph
# optimizer folds into LOAD_CONST (): () joins the code's constants (and its size).
import sys


def only_kwargs(f, kw):
    return f(**kw)


def star_and_kwargs(f, a, kw):
    return f(*a, **kw)


def literal_kwargs(f):
    return f(x=1, **{'y': 2})


def empty_unpack():
    () = ()
    return 1


for fn in (only_kwargs, star_and_kwargs, literal_kwargs, empty_unpack):
    print(fn.__name__, fn.__code__.co_consts, sys.getsizeof(fn.__code__))
print(only_kwargs(dict, {'a': 1}), literal_kwargs(dict), empty_unpack())
