# Lexical forms: every string prefix and quote, escapes (\x \u \U \N{...} octal),
# adjacent concatenation, line continuation, implicit joining, non-ASCII names,
# numeric literals with underscores, comments and semicolons.
s1 = 'single' "double" '''triple single''' """triple double"""
print(s1)
print(r'raw \n stays', R"RAW\t", rb'raw bytes \x00', Rb'\d', br'\w', b'bytes', B'B')
print(f'f {1 + 1}', F'F {2}', rf'rf \n {3}', fR'fR {4}', Rf'\t{5}', f'''multi
{6} line''')
print('\x41\u00e9\U0001F600\N{GREEK SMALL LETTER ALPHA}\N{EM DASH}\101\0\7'.encode('utf-8'))
print('tab\there', 'nl\\n', 'quote\'s', "dq\"s", 'bell\a'.encode(), 'ff\f\v\b\r'.encode())
print(len('\N{LATIN SMALL LETTER E WITH ACUTE}'), '\N{SNOWMAN}', ascii('\N{snowman}'))
total = 1 + \
    2 + \
    3
items = [
    'a',   # comment inside brackets
    'b',
]
call = max(1,
           5,
           3)
print(total, items, call); print('semicolon'); x = 1; y = 2
print(x + y)
π = 3.14159
naïve = 'café'
Ωmega = [π, naïve]
print(Ωmega, len(naïve))
print(1_000_000, 0xFF_FF, 0o7_7, 0b1_0, 1_0.0_1, 1e1_0, .5, 5., 0.5e-3, 0XaB, 0O17, 0B11, 00, 0_0)
if True:
    pass  # trailing comment
    # indented comment line

    print('blank line inside block ok')
def f(a,
      b=2,
      *args,
      **kw): return a + b
print(f(1), f(1, 3))
long_string = ('implicitly '
               'joined '
               f'{"with f-string"}')
print(long_string)
print('''she said "hi" and 'bye' ''', """a 'b' "c" """)
print('\
continued string')
t = 1,
print(t, (1), (1,), ())
print(__doc__ is None, __name__)
