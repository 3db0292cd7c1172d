# decode and encode with utf-8, ascii, latin-1, their aliases, and the error handlers
raw = [b'caf\xc3\xa9', b'\xff\xfe', b'a\xe2\x82\x28b', b'\xe2\x82', b'\xed\xa0\x80', b'plain']
for r in raw:
    out = []
    for enc, errs in [('utf-8', 'replace'), ('utf-8', 'ignore'), ('utf-8', 'backslashreplace'), ('ascii', 'replace'),
                      ('latin-1', 'strict'), ('utf-8', 'surrogateescape'), ('UTF8', 'strict'), ('us-ascii', 'strict')]:
        try:
            out.append(r.decode(enc, errs))
        except UnicodeDecodeError as e:
            out.append('%s %s %d-%d %s' % (e.encoding, e.object, e.start, e.end, e.reason))
    print(ascii(out))
print(str(b'abc', 'ascii'), str(b'\xe9', 'latin_1'), str(b'', 'nope'), b''.decode('nope'), bytearray(b'\xc3\xa9').decode())
print(b'x'.decode(encoding='Latin-1'), b'x'.decode('utf_8', errors='strict'))
for s in ['abc', 'h\xe9', 'a\xe9\xe9b', '\u20ac', '\U0001f600x']:
    out = []
    for enc, errs in [('utf-8', 'strict'), ('ascii', 'replace'), ('ascii', 'ignore'), ('ascii', 'xmlcharrefreplace'),
                      ('latin-1', 'backslashreplace'), ('latin-1', 'strict'), ('ascii', 'strict')]:
        try:
            out.append(bytes(s, enc, errs))
        except UnicodeEncodeError as e:
            out.append('%s %d-%d %s' % (e.encoding, e.start, e.end, e.reason))
    print(out)
print(bytearray('\xe9', 'utf-8'), bytes('\udce9', 'ascii', 'surrogateescape'))
def err(f, *args):
    try:
        f(*args)
    except Exception as e:
        print(type(e).__name__, e)
err(b'\xff'.decode)
err(b'\xff\xfe'.decode, 'ascii')
err(b'\xe2\x82'.decode)
err(b'\xff'.decode, 'utf-8', 'bogus')
err(b'a'.decode, 'nope')
err(b'a'.decode, 1)
err(bytes, 'a\u20acb', 'latin-1')
err(bytes, 'a\ud800', 'utf-8')
err(str, 1, 'utf-8')
err(bytes, 'x', 'bogus-codec')
