# regression (fuzz exec): suppressed and re-raised exceptions from nested module-level withs
class CM:
    def __init__(self, suppress):
        self.suppress = suppress
    def __enter__(self):
        return self
    def __exit__(self, typ, val, tb):
        print("exit", typ and typ.__name__, self.suppress)
        return self.suppress
with CM(True) as a:
    print(len(a, 1, 2))
with CM(True), CM(False):
    print({}["k"])
try:
    with CM(False) as b:
        print([].pop())
except IndexError as e:
    print("caught", e)
print("done")
