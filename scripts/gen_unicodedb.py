#!/usr/bin/env python3
"""gen_unicodedb.py -- write runtime/unicodedb_data.h from this python3's own Unicode
database (CPython 3.11: Unicode 14.0.0), using only str methods, unicodedata and _sre,
so the tables agree with CPython by construction.

Usage: python3 scripts/gen_unicodedb.py [runtime/unicodedb_data.h]

Layout of the output (read by runtime/unicodedb.c):
  udb_records[]   distinct property records {flags, decimal, digit, lower, upper, title,
                  fold}; case fields hold a delta (mapped - ch) unless UDB_EXTENDED is
                  set, in which case each is (count << 24) | index into udb_ext[], where
                  udb_ext[index] is the simple (1:1) mapping and the next 'count' entries
                  the full mapping.
  udb_index1[ch >> UDB_SHIFT], udb_index2[(block << UDB_SHIFT) + (ch & mask)]
                  the two-level lookup from code point to record number.
  UDB_DIGEST      FNV-1a digest of every property of every code point, computed here
                  straight from Python (not from the tables): tests/unit/test_unicodedb.c
                  recomputes it through the C lookups.
"""
import sys
import _sre
import unicodedata

NCP = 0x110000

# flag bits (keep in sync with runtime/unicodedb.c)
F_PRINTABLE = 1 << 0
F_SPACE = 1 << 1
F_ALPHA = 1 << 2
F_DECIMAL = 1 << 3
F_DIGIT = 1 << 4
F_NUMERIC = 1 << 5
F_LOWER = 1 << 6
F_UPPER = 1 << 7
F_TITLE = 1 << 8
F_CASED = 1 << 9
F_CASE_IGNORABLE = 1 << 10
F_LINEBREAK = 1 << 11
F_XID_START = 1 << 12
F_XID_CONTINUE = 1 << 13
F_EXTENDED = 1 << 14

FLAG_ORDER = [F_PRINTABLE, F_SPACE, F_ALPHA, F_DECIMAL, F_DIGIT, F_NUMERIC, F_LOWER,
              F_UPPER, F_TITLE, F_CASED, F_CASE_IGNORABLE, F_LINEBREAK, F_XID_START,
              F_XID_CONTINUE]


def properties(c):
    """Return (flags, decimal, digit, lower, upper, title, fold, slower, supper)."""
    s = chr(c)
    f = 0
    if s.isprintable():
        f |= F_PRINTABLE
    if s.isspace():
        f |= F_SPACE
    if s.isalpha():
        f |= F_ALPHA
    if s.isdecimal():
        f |= F_DECIMAL
    if s.isdigit():
        f |= F_DIGIT
    if s.isnumeric():
        f |= F_NUMERIC
    if s.islower():
        f |= F_LOWER
    if s.isupper():
        f |= F_UPPER
    # chr(c).istitle() is also true for uppercase letters; the property is category Lt
    if unicodedata.category(s) == 'Lt':
        f |= F_TITLE
    # Cased: title() lowers the letter after a cased character (do_title)
    if ('a' + s + 'a').title()[-1] == 'a':
        f |= F_CASED
    # Case_Ignorable: the final-sigma rule of lower() skips it (handle_capital_sigma)
    a = ('A' + s + '\u03a3').lower()[-1] == '\u03c2'
    b = (s + '\u03a3').lower()[-1] == '\u03c2'
    if a and not b:
        f |= F_CASE_IGNORABLE
    if len(('a' + s + 'b').splitlines()) > 1:
        f |= F_LINEBREAK
    if c != 0x5F and s.isidentifier():
        f |= F_XID_START
    if ('a' + s).isidentifier():
        f |= F_XID_CONTINUE
    dec = unicodedata.decimal(s, -1)
    dig = unicodedata.digit(s, -1)
    lower = [ord(x) for x in s.lower()]
    upper = [ord(x) for x in s.upper()]
    title = [ord(x) for x in s.title()]
    fold = [ord(x) for x in s.casefold()]
    slower = _sre.unicode_tolower(c)
    # Simple uppercase: the full mapping when it is one character; otherwise the
    # single-character titlecase if there is one (U+1F80 -> U+1F88), else unchanged
    # (U+00DF).  Python exposes no simple uppercase; this matches UnicodeData.txt.
    if len(upper) == 1:
        supper = upper[0]
    elif len(title) == 1:
        supper = title[0]
    else:
        supper = c
    return f, dec, dig, lower, upper, title, fold, slower, supper


def fnv(h, v):
    for _ in range(4):
        h ^= v & 0xFF
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
        v >>= 8
    return h


def digest_of(props):
    h = 0xCBF29CE484222325
    for c, (f, dec, dig, lower, upper, title, fold, slower, supper) in enumerate(props):
        bits = 0
        for i, m in enumerate(FLAG_ORDER):
            if f & m:
                bits |= 1 << i
        h = fnv(h, bits)
        h = fnv(h, dec & 0xFFFFFFFF)
        h = fnv(h, dig & 0xFFFFFFFF)
        for m in (lower, upper, title, fold):
            h = fnv(h, len(m))
            for x in m:
                h = fnv(h, x)
        h = fnv(h, slower)
        h = fnv(h, supper)
    return h


def splitbins(t):
    """Best (bytes) two-level split of table t: (shift, index1, index2)."""
    best = None
    for shift in range(1, 14):
        size = 1 << shift
        blocks = {}
        index1 = []
        index2 = []
        for i in range(0, len(t), size):
            blk = tuple(t[i:i + size])
            if blk not in blocks:
                blocks[blk] = len(index2) >> shift
                index2.extend(blk)
            index1.append(blocks[blk])
        w1 = 1 if max(index1) < 256 else 2 if max(index1) < 65536 else 4
        w2 = 1 if max(index2) < 256 else 2 if max(index2) < 65536 else 4
        total = len(index1) * w1 + len(index2) * w2
        if best is None or total < best[0]:
            best = (total, shift, index1, index2, w1, w2)
    return best[1:]


def ctype(w):
    return {1: 'uint8_t', 2: 'uint16_t', 4: 'uint32_t'}[w]


def emit_array(out, decl, values, per_line=16):
    out.append(decl + ' = {')
    for i in range(0, len(values), per_line):
        out.append('    ' + ', '.join(str(v) for v in values[i:i + per_line]) + ',')
    out.append('};')


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else 'runtime/unicodedb_data.h'
    props = [properties(c) for c in range(NCP)]
    ext = []
    ext_index = {}
    records = []
    record_index = {}
    cp_record = []
    for c, (f, dec, dig, lower, upper, title, fold, slower, supper) in enumerate(props):
        full = (lower, upper, title, fold)
        simple = (slower, supper, title[0], fold[0])
        if any(len(m) != 1 for m in full) or slower != lower[0] or supper != upper[0]:
            f |= F_EXTENDED
            fields = []
            for s1, m in zip(simple, full):
                key = (s1,) + tuple(m)
                if key not in ext_index:
                    ext_index[key] = len(ext)
                    ext.extend(key)
                fields.append((len(m) << 24) | ext_index[key])
        else:
            fields = [m[0] - c for m in full]
        rec = (f, dec, dig) + tuple(fields)
        if rec not in record_index:
            record_index[rec] = len(records)
            records.append(rec)
        cp_record.append(record_index[rec])
    shift, index1, index2, w1, w2 = splitbins(cp_record)

    # self-check: decode every code point from the tables as the C code does
    for c in range(NCP):
        r = records[index2[(index1[c >> shift] << shift) + (c & ((1 << shift) - 1))]]
        f, dec, dig, lower, upper, title, fold, slower, supper = props[c]
        assert r[0] & ~F_EXTENDED == f and r[1] == dec and r[2] == dig
        for k, m in enumerate((lower, upper, title, fold)):
            v = r[3 + k]
            if r[0] & F_EXTENDED:
                n, i = v >> 24, v & 0xFFFFFF
                assert ext[i + 1:i + 1 + n] == m
                if k == 0:
                    assert ext[i] == slower
                if k == 1:
                    assert ext[i] == supper
            else:
                assert [c + v] == m and (k != 0 or c + v == slower) and \
                    (k != 1 or c + v == supper)

    out = []
    out.append('/*')
    out.append('** unicodedb_data.h -- GENERATED by scripts/gen_unicodedb.py from Python %s'
               % sys.version.split()[0])
    out.append('** (Unicode %s).  Do not edit; rerun the script.  Included only by'
               % unicodedata.unidata_version)
    out.append('** runtime/unicodedb.c, which documents the layout.')
    out.append('*/')
    out.append('#define UDB_UNIDATA_VERSION "%s"' % unicodedata.unidata_version)
    out.append('#define UDB_SHIFT %d' % shift)
    out.append('#define UDB_DIGEST UINT64_C(0x%016x)' % digest_of(props))
    out.append('')
    out.append('static const UdbRecord udb_records[%d] = {' % len(records))
    for r in records:
        out.append('    {%d, %d, %d, {%d, %d, %d, %d}},' % r)
    out.append('};')
    out.append('')
    emit_array(out, 'static const uint32_t udb_ext[%d]' % len(ext), ext, 12)
    out.append('')
    emit_array(out, 'static const %s udb_index1[%d]' % (ctype(w1), len(index1)), index1, 20)
    out.append('')
    emit_array(out, 'static const %s udb_index2[%d]' % (ctype(w2), len(index2)), index2, 20)
    with open(path, 'w') as fp:
        fp.write('\n'.join(out) + '\n')
    sys.stderr.write('%s: %d records, %d ext, shift %d, index1 %d x %d, index2 %d x %d\n'
                     % (path, len(records), len(ext), shift, len(index1), w1,
                        len(index2), w2))


if __name__ == '__main__':
    main()
