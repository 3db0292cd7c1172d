# str.__sizeof__ and str.__getnewargs__, and that every CPython 3.11 str method exists.
for s in ['', 'a', 'abc', 'é', 'héllo', 'Ω', 'Ωmega', '\U0001f600', 'x' * 100]:
    print(repr(s), s.__sizeof__(), s.__getnewargs__(), type(s.__getnewargs__()[0]).__name__)
s = 'word'
print(s.__getnewargs__()[0] is s, s.__getnewargs__()[0] == s, 'a'.__getnewargs__()[0] is chr(97))
names = [n for n in dir(str) if not n.startswith('_')]
print(len(names), names)
print(callable(str.maketrans), str.maketrans('a', 'b') == {97: 98}, 'x'.maketrans('x', 'y'))
print(str.upper('abc'), str.join('-', 'ab'), str.__format__('ab', '>3'))
for call in [lambda: str.upper(1), lambda: 'a'.upper(1), lambda: 'a'.isalpha(1),
             lambda: 'a'.__sizeof__(1), lambda: 'a'.__getnewargs__(1)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
