# __eq__ and __hash__ written in Python; an __eq__ that mutates the set being searched
class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v) % 3
    def __eq__(self, other):
        return isinstance(other, K) and self.v == other.v
    def __repr__(self):
        return 'K(%r)' % self.v
s = {K(1), K(2), K(4), K(1)}
print(len(s), K(4) in s, K(7) in s, sorted(k.v for k in s))
target = set()
class Evil:
    def __hash__(self):
        return 1
    def __eq__(self, other):
        target.clear()
        return False
a, b = Evil(), Evil()
target.add(a)
target.add(b)
print(len(target), b in target, a in target)
calls = []
class Loud:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 0
    def __eq__(self, other):
        calls.append((self.v, other.v))
        return self.v == other.v
s = {Loud(1), Loud(2), Loud(3)}
print(len(s), len(calls), Loud(2) in s)
class BadEq:
    def __hash__(self):
        return 5
    def __eq__(self, other):
        raise ValueError('no comparing')
s = {BadEq()}
try:
    BadEq() in s
except ValueError as e:
    print('ValueError', e)
