# An assignment with a bad target: CPython 3.11's invalid_assignment reads the first
# element and, when the first target is a tuple, the elements after its first comma as
# named expressions, so the one followed by '=' meets invalid_named_expression first when
# what follows the '=' starts with an operand not itself followed by '='.
cases = ['*(1, 2), b = 3, 4', '(1, 2), b = 3, 4', 'a, f() = 3', '*f(), a = 3',
         '*[1], a = 3', '1, (b) = 2', '1, [b] = 2', '1, b.c = 2', '1, b = 2 = 3',
         '1, b = c = 3', '1, b = yield', '1, *b = 2', '1, b = 2 < 3', '1, b = -2',
         '1, b = not 2', '1, b = lambda: 2', '1, b = (2, 3)', '1, b = [2]', '1, b = 2, 3',
         '1, 2 = 3', '1, True = 2', '1, None = 2', '1, (2, 3) = 4', '1, x + 1 = 2',
         'f(), x = 2, 3', 'a, b = 1', 'x = 1, f() = 2', '[1, b] = 2', '(1, b) = 2',
         'a.b = 1, f() = 2', 'a[0] = 1, f() = 2', 'x = f() = 2', 'x = y = f() = 2',
         '(x) = 1, f() = 2', '[x] = 1, f() = 2', 'x, y = 1, f() = 2', 'x = 1, 2 = 3',
         'x = (1 = 2)', 'f() = 1', 'f() = x = 1', 'x = yield = 1', '(yield) = 1',
         'x = 1 = 2', 'x = -1 = 2', '*a = 1, f() = 2', 'None = 1', 'x.y = None = 1']
for src in cases:
    try:
        compile(src, '<s>', 'exec')
        print(src.ljust(20), 'compiles')
    except SyntaxError as e:
        print(src.ljust(20), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
