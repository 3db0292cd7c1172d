# regression (fuzz exec): an exception inside a module-level 'with' raised while a call's
# NULL and callable were on the stack -- the handler depth counted __enter__'s result
class CM:
    def __enter__(self):
        return 1
    def __exit__(self, typ, val, tb):
        print("exit", typ.__name__)
        return typ is KeyError
with CM() as a:
    undefined_function("x")
