# str.encode: utf-8/ascii/latin-1 under their aliases, the error handlers, and the
# UnicodeEncodeError/LookupError messages.
for s in ['', 'abc', 'héllo', 'Ω€', '\U0001f600', 'a\x00b', '\x7f\x80\xff']:
    print(repr(s), s.encode(), s.encode('utf-8'), s.encode('UTF8'), s.encode(encoding='utf_8'))
for enc in ['ascii', 'ASCII', 'us-ascii', '646', 'latin-1', 'latin1', 'Latin_1', 'iso-8859-1',
            'ISO8859-1', 'l1', 'cp819', 'utf-8', 'U8', 'utf', ' utf-8 ']:
    for s in ['abc', 'é', 'Ω']:
        try:
            print(enc, repr(s), s.encode(enc))
        except Exception as e:
            print(enc, repr(s), type(e).__name__, e)
for errors in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace',
               'surrogateescape', 'surrogatepass', 'bogus']:
    for enc in ['ascii', 'latin-1', 'utf-8']:
        for s in ['abc', 'aé€\U0001f600b', 'x\udc80y', 'x\ud800\udfffy', 'éé']:
            try:
                print(errors, enc, ascii(s), s.encode(enc, errors))
            except Exception as e:
                print(errors, enc, ascii(s), type(e).__name__, e)
print(type('abc'.encode()).__name__, type('é'.encode('latin-1')).__name__)
for call in [lambda: 'a'.encode('foo'), lambda: 'a'.encode(1), lambda: 'a'.encode(errors=1),
             lambda: 'a'.encode('utf-8', 'strict', 3), lambda: 'a'.encode(encoding=None),
             lambda: 'a'.encode(codec='utf-8')]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
try:
    'aéb'.encode('ascii')
except UnicodeEncodeError as e:
    print(e.encoding, e.start, e.end, e.reason, ascii(e.object))
