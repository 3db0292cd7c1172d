# At the prompt too: format(v, spec) and f'{v:{spec}}' build their result as CPython's _PyUnicodeWriter does: the
# text outside the pools, then the result's block after the intermediate ones CPython
# makes (int: the digits as a str outside the fast path; float: PyOS_double_to_string's
# buffer and, outside the fast path, a str of it); True and False format to static
# strings.  So a block freed just before is or is not the result's, as in CPython.
vals = [0, 7, -3, 255, 10**20, 2.5, -0.0, 1e300, True, 3+4j]
specs = ['', '>6', 'x', '#x', 'X', '+d', ' d', ',', '_', 'b', '08.3f', '.2e', '%', 'g', '^9', 'n', '=+8']
out = []
for v in vals:
    for s in specs:
        try:
            a = id(bytearray(b'xx')) == id(format(v, s))
            b = id(bytearray(b'x' * 20)) == id(f'{v:{s}}')
            out.append(str(int(a)) + str(int(b)))
        except (ValueError, TypeError):
            out.append('--')

print(' '.join(out))
