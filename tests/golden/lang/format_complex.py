# complex.__format__ (format(), str.format, f-strings): e/E/f/F/g/G/n and no type, the
# str()-like form with parentheses, signs, grouping, padding of the whole, and CPython's
# errors (zero padding, '=' alignment, unknown codes); complex(re, im) keeps -0.0.
vals = [1+2j, -1.5-2.25j, 0j, -0.0+0j, complex(-0.0, -0.0), 0-3j, 1e20+1e-5j,
        complex(float("inf"), float("nan")), 12345.678-98765.4321j, complex(-0.0, 1)]
specs = ["", "g", ".2f", ">20", "<20", "^20", "*^24.3e", "+", " ", ",.2f", "_.1f", "z.1f",
         "#g", "#.0f", ".0f", "n", "E", "F", "G", ".3", "10", "x<12", ".2%", "d", "010", "=10",
         "0<10", ".2fg"]
for v in vals:
    row = []
    for s in specs:
        try:
            row.append(format(v, s))
        except Exception as e:
            row.append(f"{type(e).__name__}: {e}")
    print(repr(v), row)
z = 3-4j
print(f"{z}", f"{z:.1f}", f"{z!r:>12}", "{:^15.2e}".format(z), f"[{z:{'>'}{14}.{2}f}]")
print(complex(-0.0, -0.0), complex(1, -0.0), complex(-0.0, 0.0), complex(1j, -0.0),
      complex(1+1j, 1j), complex(0.5, 2+3j))
