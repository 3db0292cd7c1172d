# A list of one type compares through that type's slot: NotImplemented from __lt__ falls back
# to the full protocol, so __lt__ runs twice; mixed types take the generic path.
log = []


class A:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        log.append(('A.lt', self.v, other.v))
        return NotImplemented

    def __gt__(self, other):
        log.append(('A.gt', self.v, other.v))
        return self.v > other.v


class B(A):
    def __gt__(self, other):
        log.append(('B.gt', self.v, other.v))
        return self.v > other.v


print([a.v for a in sorted([A(2), A(1), A(3)])])
print(log)
log.clear()
print([a.v for a in sorted([A(2), B(1), A(3), B(0)])])
print(log)


class T:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return [1] if self.v < other.v else ''


print([t.v for t in sorted([T(3), T(1), T(2), T(0)])])


class MyInt(int):
    def __lt__(self, other):
        log.append(('MyInt.lt', int(self), int(other)))
        return int.__lt__(self, other)


log.clear()
print(sorted([MyInt(3), MyInt(1), MyInt(2)]), log)
print(sorted([10 ** 20, -5, 3, -10 ** 25, 2 ** 62, 2 ** 30, -2 ** 30, 0]))
print(sorted([True, False, True]), sorted([True, False, 1, 0]))
print(sorted([2.5, -0.0, 0.0, -1e300, 1e-300]), sorted([b'b', b'a', b'ab']))
print(sorted([frozenset({1}), frozenset({1, 2}), frozenset()]))
print(sorted([[2, 1], [1, 2], [1], []]))
