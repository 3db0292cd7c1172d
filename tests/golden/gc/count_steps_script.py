# gc.get_count()[0] moves by the tracked objects a statement leaves: new lists, dicts and
# small tuples come from the free lists, which hold at a script's start what CPython's hold.
import gc


class C:
    pass


def step(last=[gc.get_count()[0]]):
    n = gc.get_count()[0]
    d = n - last[0]
    last[0] = n
    return d


print(step())
z = [C() for i in range(3)]
print(step())
z2 = [i for i in range(3)]
print(step())
z3 = [[i] for i in range(3)]
print(step())
d = {'a': [1], 'b': (2, [3])}
print(step())
