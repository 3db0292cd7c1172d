# the 4300-digit limit for int<->str conversion (CPython 3.11's sys.set_int_max_str_digits)
import sys
print(sys.get_int_max_str_digits())
try:
    str(10**4300)
except ValueError as e:
    print(e)
try:
    int('1' * 4301)
except ValueError as e:
    print(e)
print(len(str(-(10**4299))), len(hex(10**5000)))
print(int('1' * 5000, 16) % 1000)
sys.set_int_max_str_digits(0)
print(len(str(10**5000)), int('9' * 5000) % 1000)
sys.set_int_max_str_digits(5000)
try:
    int('1' * 5001)
except ValueError as e:
    print(e)
print(len(str(10**4999)))
