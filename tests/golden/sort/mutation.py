# The list is empty while it is sorted; changing it raises "list modified during sort"
# and the changes are dropped (unless another exception is already propagating).
lst = [3, 1, 2]
seen = []


def key(x):
    seen.append((x, len(lst), list(lst)))
    return x


lst.sort(key=key)
print(lst, seen)


class M:
    def __init__(self, v, action=None):
        self.v = v
        self.action = action

    def __lt__(self, other):
        if self.action:
            self.action()
        return self.v < other.v

    def __repr__(self):
        return 'M%d' % self.v


def attempt(label, make, **kw):
    global target
    target = make()
    try:
        target.sort(**kw)
        print(label, 'ok', target)
    except Exception as e:
        print(label, type(e).__name__, e, target)


target = None
attempt('append', lambda: [M(2, lambda: target.append(0)), M(1), M(3)])
attempt('clear', lambda: [M(2, lambda: target.clear()), M(1), M(3)])
attempt('insert', lambda: [M(2, lambda: target.insert(0, 5)), M(1), M(3)])
attempt('extend-empty', lambda: [M(2, lambda: target.extend([])), M(1), M(3)])
attempt('slice-del', lambda: [M(2, lambda: target.__delitem__(slice(None))), M(1), M(3)])
attempt('inner-sort', lambda: [M(2, lambda: target.sort()), M(1), M(3)])
attempt('key-append', lambda: [3, 1, 2], key=lambda x: target.append(x) or x)
attempt('reverse-append', lambda: [M(2, lambda: target.append(0)), M(1), M(3)], reverse=True)


def boom():
    target.append(0)
    raise LookupError('boom')


# the comparison's own exception wins over the modification
attempt('append-raise', lambda: [M(2, boom), M(1), M(3)])


def bad_key(x):
    target.append(x)
    if x == 1:
        raise KeyError(x)
    return x


attempt('key-raise', lambda: [3, 1, 2], key=bad_key)
# sorting a list from inside its own key function sees an empty list
inner = []
lst = [2, 1]
lst.sort(key=lambda x: inner.append(sorted(lst)) or x)
print(lst, inner)
