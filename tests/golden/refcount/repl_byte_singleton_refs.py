# At the prompt too: the 256 one-byte bytes objects are static singletons, as in CPython, and CPython's
# start-up objects hold references to some of them (b'0', b'1'): sys.getrefcount of each.
import sys
v = 0
out = []
while v < 256:
    n = sys.getrefcount(chr(v).encode('latin-1')) - 1000000000
    if n != 0 and v not in (49, 51):     # b'1', b'3': see DESIGN.md, known differences
        out.append((v, n))
    v = v + 1

print(out)
s = str(0).encode()
z, o, b = b'0', b'1', b'b'
print(sys.getrefcount(s) - 1000000000, s is z, bytes([49]) is o, b'ab'[1:] is b)
