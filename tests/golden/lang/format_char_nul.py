# Integer format type 'c' with code point 0: the NUL character is kept and padded like
# any other character (format(), str.format, f-strings, '%c').
for spec in ["c", "3c", "<3c", "^5c", "*>4c", "03c"]:
    print(spec, repr(format(0, spec)), repr(format(233, spec)), repr(format(0x1F600, spec)))
print(repr("{:c}|{:>2c}".format(0, 0)), repr(f"[{0:c}]"), repr("%c%3c" % (0, 0)))
print(len(format(0, "c")), format(0, "c") == chr(0), format(0, "4c").count(" "))
