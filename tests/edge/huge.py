# under -X heaplimit=32M absurd allocations fail at once with MemoryError/OverflowError
import sys
def t(label, f):
    try:
        f()
        print(label, "no error")
    except (MemoryError, OverflowError) as e:
        print(label, type(e).__name__)
t("str repeat", lambda: "a" * 10**10)
t("list repeat", lambda: [0] * 10**12)
t("shift", lambda: 1 << 10**10)
t("power", lambda: 10 ** (10 ** 8))
t("bytes repeat", lambda: b"x" * 10**11)
t("tuple repeat", lambda: (1,) * 10**12)
t("bytearray", lambda: bytearray(10**12))
t("list(range)", lambda: list(range(10**12)))
t("str join", lambda: "".join(["x" * 10**6] * 100))
t("dict", lambda: dict.fromkeys(range(10**8)))
t("str big literal", lambda: eval("'" + "x" * 100 + "'" + " * 10**10"))
print("still alive", len([1] * 1000))
