# mutating a container while iterating over it: CPython's RuntimeErrors (and no errors
# where CPython has none)
def t(label, f):
    try:
        print(label, f())
    except RuntimeError as e:
        print(label, "RuntimeError:", e)
def dict_add():
    d = {i: i for i in range(5)}
    for k in d:
        d[k + 100] = 0
def dict_del():
    d = {i: i for i in range(5)}
    for k in d:
        del d[k]
def dict_same_size():
    d = {1: 1, 2: 2}
    for k in d:
        del d[k]
        d[k + 10] = 0
def dict_values():
    d = {1: 1}
    for v in d.values():
        d[2] = 2
def dict_items():
    d = {1: 1}
    for v in d.items():
        d.pop(1)
def set_add():
    s = {1, 2, 3}
    for x in s:
        s.add(x + 10)
def list_grow():
    l = [1, 2, 3]
    n = 0
    for x in l:
        n += 1
        if n < 10:
            l.append(x)
    return len(l)
def list_shrink():
    l = list(range(10))
    for x in l:
        l.remove(x)
    return l
def sort_mutate():
    l = [3, 1, 2]
    l.sort(key=lambda x: l.append(x) or x)
def deque_like():
    d = dict.fromkeys("abc")
    it = iter(d)
    next(it)
    d.clear()
    return list(it)
for name, f in list(globals().items()):
    if callable(f) and name not in ("t",) and not name.startswith("_"):
        t(name, f)
