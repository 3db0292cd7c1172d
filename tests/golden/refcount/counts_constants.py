# Constants: a literal is held by its code object's co_consts; in a script, also by the
# compiler's AST, which lives until the main module has run.  exec() of a string keeps
# its AST while the code runs; exec() of a compiled code object does not.
import sys


def f():
    x = 1000
    return sys.getrefcount(x)          # co_consts + local + argument


def g():
    return sys.getrefcount("an unusual constant")


n = 12345
print(sys.getrefcount(n))               # name + co_consts + AST + argument
print(f(), g())
s = "not an identifier"
print(sys.getrefcount(s))
print(sys.getrefcount(3.25))
print(sys.getrefcount((1, 2, "x")))
exec("print(sys.getrefcount(54321))")
code = compile("print(sys.getrefcount(65432))", "<s>", "exec")
exec(code)
exec(compile('print(sys.getrefcount("first constant"))', "<s>", "exec"))
print(eval("sys.getrefcount(7777)"))
y = 7777
print(sys.getrefcount(y))
