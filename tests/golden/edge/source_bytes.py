# compile()/exec() of source text: NUL bytes, a BOM, CR/CRLF line ends, no final newline,
# a coding cookie
def t(label, src):
    try:
        ns = {}
        exec(compile(src, "<src>", "exec"), ns)
        print(label, "ran", ns.get("x"))
    except (SyntaxError, ValueError) as e:
        print(label, type(e).__name__, e)
t("nul str", "x = 1\0\n")
t("nul bytes", b"x = 1\0\n")
t("bom", b"\xef\xbb\xbfx = 2\n")
t("crlf", b"x = 3\r\nif x:\r\n    x = 4\r\n")
t("cr only", b"x = 5\rx = 6\r")
t("no final newline", "x = 7\nif x:\n    x = 8")
t("continuation crlf", b"x = 1 + \\\r\n    2\r\n")
t("latin-1 cookie", b"# -*- coding: latin-1 -*-\nx = '\xe9'\n")
t("empty", "")
t("only comment", "# nothing")
