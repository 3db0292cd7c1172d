# memerr: compile(), exec() and eval() of source text, including syntax errors
src = """
def f(x):
    total = 0
    for i in range(x):
        if i % 2:
            total += i
    return total
result = [f(n) for n in range(5)]
"""
ns = {}
exec(compile(src, "<memerr>", "exec"), ns)
print(ns["result"], eval("1 + 2 * 3"), eval("[a for a in 'xyz']"))
try:
    compile("def (:", "<bad>", "exec")
except SyntaxError as e:
    print("SyntaxError", e.lineno)
exec("class K:\n    v = 42\nprint(K.v, (lambda: K.v + 1)())")
