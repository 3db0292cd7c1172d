# int/str conversions past 4300 digits raise CPython 3.11's ValueError (sys.set_int_max_str_digits)
import sys
for f in (lambda: int("9" * 100000), lambda: str(10 ** 100000), lambda: int("1" * 4301),
          lambda: repr(-10 ** 5000), lambda: "%d" % 10 ** 5000, lambda: f"{10 ** 5000}"):
    try:
        f()
        print("no error")
    except ValueError as e:
        print("ValueError:", e)
print(len(str(10 ** 4299)), int("7" * 4300) % 10, hex(10 ** 5000)[:6], int("f" * 5000, 16) > 0)
sys.set_int_max_str_digits(0)
print(len(str(10 ** 20000)))
sys.set_int_max_str_digits(5000)
print(sys.get_int_max_str_digits(), len(str(10 ** 4999)))
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print("ValueError:", e)
