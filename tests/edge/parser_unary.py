# 100000 nested unary operators / lambdas: SyntaxError, RecursionError or MemoryError
# (CPython's parser says MemoryError), never a crash
def t(label, src):
    try:
        compile(src, "<nest>", "exec")
        print(label, "compiled")
    except (SyntaxError, RecursionError, MemoryError) as e:
        print(label, "refused")
t("unary minus", "-" * 100000 + "1")
t("not", "not " * 100000 + "x")
t("tilde", "~" * 100000 + "1")
t("power", "2" + "**2" * 100000)
t("nested lambdas", "lambda: " * 10000 + "1")
t("nested fstrings", "f'{" * 200 + "1" + "}'" * 200)
t("nested dict displays", "{1:" * 100000 + "1" + "}" * 100000)
