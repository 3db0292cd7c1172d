# huge literals in source: a 5000-digit int is CPython 3.11's SyntaxError, hex is fine,
# megabyte strings and long float literals work
def t(label, src):
    try:
        ns = {}
        exec(src, ns)
        v = ns["x"]
        print(label, type(v).__name__, len(v) if isinstance(v, (str, bytes, list)) else v.bit_length() if isinstance(v, int) else v)
    except (SyntaxError, ValueError, OverflowError) as e:
        print(label, type(e).__name__, e)
t("int 4300 digits", "x = " + "9" * 4300)
t("int 5000 digits", "x = " + "9" * 5000)
t("hex 50000 digits", "x = 0x" + "f" * 50000)
t("float 5000 digits", "x = 1." + "5" * 5000)
t("float overflow", "x = 1e999999")
t("str 1MB", "x = '" + "a" * 1000000 + "'")
t("bytes 1MB", "x = b'" + "b" * 1000000 + "'")
t("list 100000", "x = [" + "1," * 100000 + "]")
t("imag", "x = " + "7" * 400 + "j")
