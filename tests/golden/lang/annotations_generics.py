# Modern annotations evaluate: list[int] and friends are types.GenericAlias (PEP 585),
# int | None is types.UnionType (PEP 604); isinstance() takes unions and refuses aliases;
# class X(list[int]) derives from list through __mro_entries__ (PEP 560).
def f(x: list[int], y: dict[str, list[float]] | None = None) -> tuple[int, ...]:
    return (len(x),)


print(f.__annotations__, f([1, 2]))
count: dict[str, int] = {}
print(__annotations__)


class C:
    items: list[str]
    maybe: int | None = None


print(C.__annotations__)
a = list[int]
print(a, a.__origin__, a.__args__, a.__parameters__, type(a), type(a).__name__)
print(a == list[int], a != list[str], a == list, hash(a) == hash(list[int]), {a: 1}[list[int]])
print(a(), a([1, 2]), a("ab"), dict[str, int](x=1), tuple[int](range(3)), set[int](),
      frozenset[str]("ab") == frozenset("ab"), list(enumerate[int]("ab")))
print(tuple[()], tuple[int, ...], dict[str, list[dict[int, str]]], list[None], list["str"],
      list[1], list[f], list[C], list[...])
print(a.append is list.append, a.__name__, a.__class__, callable(a),
      hasattr(str, "__class_getitem__"), dict.__class_getitem__(int))
u = int | None
print(u, type(u), type(u).__name__, u.__args__, int | str | int, (int | str) | (str | float),
      int | list[int], list[int] | None, None | int, int | int, u == (None | int),
      u == (int | str), hash(int | str) == hash(str | int))
print(isinstance(3, int | str), isinstance("s", int | str), isinstance(None, int | None),
      isinstance(3.0, int | str), issubclass(bool, int | str), issubclass(float, int | str))
for bad in [lambda: isinstance([], list[int]), lambda: issubclass(list, list[int]),
            lambda: int | 3, lambda: 3 | int, lambda: list[int][str], lambda: (int | str)[int],
            lambda: isinstance(1, int | list[int]), lambda: "x" | int]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)


class MyList(list):
    pass


print(MyList[int], MyList[int]([1]), type(MyList[int]([1])).__name__)


class X(list[int]):
    pass


class Y(dict[str, int], metaclass=type):
    pass


print(X.__bases__, X.__orig_bases__, X([1]), X.__mro__, Y.__bases__, Y(a=1),
      "__orig_bases__" in C.__dict__)


class Entries:
    def __mro_entries__(self, bases):
        print("mro_entries", [type(b).__name__ for b in bases])
        return (int, )


class Z(Entries()):
    pass


print(Z.__bases__, Z(5) + 1, type(Z.__orig_bases__[0]).__name__)
