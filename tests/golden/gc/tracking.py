# Atoms are never tracked; tuples are tracked when made and untracked by a collection
# when they hold only untracked objects; dicts start untracked, are tracked when a
# container is stored in them, and are untracked again only by a full collection.
import gc

t = gc.is_tracked
print(t(1), t(1.5), t("s"), t(None), t(b"x"), t(()), t([]), t({}), t(set()), t(object()))


class C:
    pass


c = C()
print(t(c), t(C), t(int), t(len), t(lambda: 0), t(range(3)), t(iter([])))
atoms = (1, "a", 2.5)
mixed = (1, [])
nested = ((1, 2), 3)
print("tuples before:", t(atoms), t(mixed), t(nested))
gc.collect()
print("tuples after:", t(atoms), t(mixed), t(nested), t(nested[0]))
d = {"a": 1}
print("dict of atoms:", t(d))
d["b"] = []
print("a list stored:", t(d))
del d["b"]
print("list removed:", t(d))
gc.collect(0)
gc.collect(1)
print("young collections:", t(d))
gc.collect(2)
print("full collection:", t(d))
d["c"] = (1, 2)
print("a tuple stored:", t(d))
print(t(dict(a=1)), t({i: i for i in range(3)}), t({"x": []}.copy()), t(dict.fromkeys("ab")))
c.x = 1
print(t(c.__dict__))
