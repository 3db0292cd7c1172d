class S(str):
    def __hash__(self):
        return str.__hash__(self)
d = {"k1": 1}
d[S("k1")] = 2
print(len(d), hash(S("k1")) == hash("k1"))
class H:
    def __hash__(self): return 2**64 + 5
    def __eq__(self, o): return True
print(hash(H()) == hash(2**64 + 5), hash(H()))
class M:
    def __hash__(self): return -1
print(hash(M()))
class B:
    def __hash__(self): return 2**62
print(hash(B()))
