# Each f-string replacement field is parsed by a parser of its own, whose tokens' bytes
# the AST arena keeps while the script runs: CPython's asks for the expression's tokens
# and the NEWLINE after it (b''), never its ENDMARKER, so each field holds one b''.
import sys
y = 1
print(sys.getrefcount(b'') - 1000000000)   # the fields below included
def counts():
    return float(sys.getrefcount(b''))
before = counts()
src = ['f"{y}"', 'f"{y!r}"', 'f"a{y}b{y}"', 'f"{y:>{y}}"', 'f"{y=}"', 'f"{(y, y)}"', 'f"{2.5:>6}"']
for s in src:
    c = compile(s, '<s>', 'eval')
    print(s.ljust(14), eval(c))
if 0:
    f"{y}"
    f"{y:>{y}}"
    f"a{y}b{y}{y!r}"
print(int(counts() - before))
