# str case conversions: lower/upper/title/capitalize/swapcase/casefold, ASCII and Unicode
# (full mappings that expand, final sigma, titlecase digraphs, Greek iota subscript).
samples = [
    '', 'a', 'A', 'hello world', 'Hello World', 'hELLO wORLD', "they're bill's friends",
    'ab1cd 2ef_gh-ij', '123', '  x  ', 'straße', 'ﬁne ﬂow', 'İstanbul', 'ǆemal ǅ Ǆ',
    'ΣΑΣ', 'ΑΣ.', 'Σ', 'aΣb', 'aΣ', 'a\u0345Σ', 'ὈΔΥΣΣΕΎΣ', 'ᾳ ᾼ ᾀ', 'ŉ ǰ ΐ',
    'ÿµ', 'Ωmega ωMEGA', '\U00010428\U00010400', 'Ⅸ ⅸ', 'ⓐⒶ', 'ǈ', 'ß', 'ﬃ', 'ﬅ',
    'Ǳ ǲ ǳ', 'ĳ Ĳ', 'ς σ Σ', 'abc DEF ghi', 'x\u0301y', '\u1e9e', 'Ⱥ ⱥ', 'ɐ',
]
for s in samples:
    print(repr(s))
    print('  lower     ', repr(s.lower()), len(s.lower()))
    print('  upper     ', repr(s.upper()), len(s.upper()))
    print('  title     ', repr(s.title()))
    print('  capitalize', repr(s.capitalize()))
    print('  swapcase  ', repr(s.swapcase()))
    print('  casefold  ', repr(s.casefold()))

# a sweep: which code points below 0x3000 change under each mapping (sum of results)
for name in ('lower', 'upper', 'title', 'capitalize', 'swapcase', 'casefold'):
    total = 0
    changed = 0
    for c in range(0x3000):
        ch = chr(c)
        r = getattr(ch, name)()
        if r != ch:
            changed += 1
            total += sum(map(ord, r)) * len(r)
    print(name, changed, total)
# the result of upper() on latin-1 text can need a wider kind
print(repr('ÿ'.upper()), repr('µ'.upper()), repr('ß'.upper()))
print(len('aß'.upper()), 'aß'.upper())
# results are new objects even for one character (CPython builds them with PyUnicode_New)
print('a'.upper() is chr(65), 'A'.lower() is chr(97), 'é'.upper() is chr(0xc9))
E = str()
print(''.upper() is E, ''.capitalize() is E, ''.lower() is E)
