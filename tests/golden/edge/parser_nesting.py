# the parser and compiler on absurd nesting: SyntaxError / RecursionError, never a crash
def t(label, src):
    try:
        compile(src, "<nest>", "exec")
        print(label, "compiled")
    except (SyntaxError, RecursionError) as e:
        print(label, type(e).__name__, e)
t("brackets", "(" * 100000 + ")" * 100000)
t("lists", "[" * 100000 + "]" * 100000)
t("attr chain", "a" + ".b" * 100000)
t("call chain", "f" + "()" * 100000)
t("adds", "1" + "+1" * 100000)
t("nested ifs", "".join(" " * i + "if x:\n" for i in range(200)) + " " * 200 + "pass\n")
t("deep but fine", "(" * 150 + "1" + ")" * 150)
