# str predicates: isalnum isalpha isascii isdecimal isdigit isidentifier islower isnumeric
# isprintable isspace istitle isupper, on samples and on a sweep of code points.
names = ['isalnum', 'isalpha', 'isascii', 'isdecimal', 'isdigit', 'isidentifier',
         'islower', 'isnumeric', 'isprintable', 'isspace', 'istitle', 'isupper']
samples = ['', 'a', 'A', 'abc', 'ABC', 'Abc', 'aBc', 'abc1', '123', '١٢٣', '²', '½', 'Ⅷ',
           ' ', ' \t\n\r\x0b\x0c', '\x1c\x1d\x1e\x1f', '\x85\xa0', '\u2028', '\u200b',
           '_', '_a1', '1a', 'a b', 'Hello World', 'Hello world', 'HELLO', 'ǅ', 'ǅa', 'Aǅ',
           'ß', 'é', 'Straße', 'ÉCOLE', 'école', 'Σ', 'ᾼ', 'ᾼa', 'a\u0345', '\u0345',
           'a-b', 'A1B2', 'A1b2', '\x7f', '\x00', 'abc\n', '\U0001d7ce', '\U00010400',
           'ℕ', '℘', 'ⅰ', '日本語', '〇', 'ǆemal', '\ud800', '\ufeff', 'ab\u200d',
           'x\u0301', 'ᵃ', 'ª', 'º', '\u2160\u2161', '\u01c5\u01c5', 'ⓐ', 'Ⓐ']
for s in samples:
    print(repr(s), ''.join('1' if getattr(s, n)() else '0' for n in names))
for n in names:
    count = 0
    acc = 0
    for c in range(0, 0x10000, 3):
        if getattr(chr(c), n)():
            count += 1
            acc = (acc * 31 + c) % 1000000007
    print(n, count, acc)
for n in names:
    count = 0
    for c in range(0x10000, 0x110000, 17):
        if getattr(chr(c), n)():
            count += 1
    print(n, 'astral', count)
