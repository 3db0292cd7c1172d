class T:
    def __init__(self, name): self.name = name
    def __repr__(self): return "T(%r)" % self.name
    def __del__(self): print("del", self.name)

a = T("a")
T("echoed, kept in _")
def fail():
    local = T("in the failing frame")
    1 / 0

fail()
b = T("b")
print("end of input")
