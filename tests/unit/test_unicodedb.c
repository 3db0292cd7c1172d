/*
** test_unicodedb.c -- the character database (runtime/unicodedb.c).  The exhaustive test
** walks all 0x110000 code points through the C lookups and folds every property and case
** mapping into an FNV-1a digest that scripts/gen_unicodedb.py computed directly from
** python3's str methods and unicodedata (UDB_DIGEST); the spot checks pin well-known
** characters to the values CPython 3.11 prints for them.  Pure functions: no runtime.
*/
#include <criterion/criterion.h>
#include <stdint.h>

#include "runtime/unicodedb.h"

uint64_t unicodedb_expected_digest(void);

static uint64_t
fnv32(uint64_t h, uint32_t v)
{
    for (int i = 0; i < 4; i++) {
        h ^= v & 0xFF;
        h *= UINT64_C(0x100000001B3);
        v >>= 8;
    }
    return h;
}

static uint64_t
fnv_map(uint64_t h, int (*map)(uint32_t, uint32_t *), uint32_t ch)
{
    uint32_t out[3];
    int n = map(ch, out);
    h = fnv32(h, (uint32_t)n);
    for (int i = 0; i < n; i++)
        h = fnv32(h, out[i]);
    return h;
}

/* Same field order as gen_unicodedb.py's digest_of(). */
Test(unicodedb, every_code_point_matches_cpython_digest) {
    int (*const preds[])(uint32_t) = {
        unicode_isprintable, unicode_isspace, unicode_isalpha, unicode_isdecimal,
        unicode_isdigit, unicode_isnumeric, unicode_islower, unicode_isupper,
        unicode_istitle, unicode_iscased, unicode_iscaseignorable, unicode_islinebreak,
        unicode_isxidstart, unicode_isxidcontinue,
    };
    uint64_t h = UINT64_C(0xCBF29CE484222325);
    for (uint32_t c = 0; c < 0x110000; c++) {
        uint32_t bits = 0;
        for (unsigned i = 0; i < sizeof preds / sizeof preds[0]; i++)
            if (preds[i](c))
                bits |= 1u << i;
        h = fnv32(h, bits);
        h = fnv32(h, (uint32_t)unicode_todecimal(c));
        h = fnv32(h, (uint32_t)unicode_todigit(c));
        h = fnv_map(h, unicode_tolower_full, c);
        h = fnv_map(h, unicode_toupper_full, c);
        h = fnv_map(h, unicode_totitle_full, c);
        h = fnv_map(h, unicode_tofolded_full, c);
        h = fnv32(h, unicode_tolower(c));
        h = fnv32(h, unicode_toupper(c));
    }
    cr_assert_eq(h, unicodedb_expected_digest(), "digest %016llx", (unsigned long long)h);
}

/* Values printed by python3.11 for chr(c).isX() / unicodedata.decimal/digit. */
Test(unicodedb, spot_check_predicates) {
    cr_assert(unicode_isalpha('A') && !unicode_isalpha('1'));
    cr_assert(unicode_isdecimal(0x660) && unicode_todecimal(0x660) == 0);
    cr_assert(unicode_isdecimal(0x1D7CE) && unicode_todigit(0x1D7CE) == 0);
    cr_assert(!unicode_isdecimal(0xB2) && unicode_isdigit(0xB2) && unicode_todigit(0xB2) == 2);
    cr_assert_eq(unicode_todecimal(0xB2), -1);
    cr_assert(unicode_isnumeric(0x2155) && !unicode_isdigit(0x2155));
    cr_assert(unicode_isnumeric(0x2160) && unicode_isupper(0x2160));
    cr_assert(unicode_isspace(0x2028) && !unicode_isprintable(0x2028));
    cr_assert(unicode_isspace(0x85) && unicode_isspace(0xA0) && !unicode_isspace(0x200B));
    cr_assert(unicode_isspace(0x1C) && unicode_isspace(0x1F) && !unicode_isspace(0x20 + 1));
    cr_assert(!unicode_isprintable(0x200B) && unicode_isprintable(0x10400));
    cr_assert(unicode_islower(0x345) && !unicode_isalpha(0x345));
    cr_assert(!unicode_islower(0x1F88) && !unicode_isupper(0x1F88) && unicode_istitle(0x1F88));
    cr_assert(unicode_istitle(0x1C5) && !unicode_istitle('A'));
    cr_assert(unicode_islinebreak('\n') && unicode_islinebreak(0x1E) &&
              unicode_islinebreak(0x2029) && !unicode_islinebreak(0x1F));
    cr_assert(!unicode_isxidstart('_') && unicode_isxidcontinue('_'));
    cr_assert(!unicode_isxidstart('1') && unicode_isxidcontinue('1'));
    cr_assert(unicode_isxidstart(0xE9) && unicode_isxidstart(0x2118));
    cr_assert(unicode_iscased('a') && unicode_iscased(0x345) && !unicode_iscased('1'));
    cr_assert(unicode_iscaseignorable('\'') && unicode_iscaseignorable(':') &&
              unicode_iscaseignorable(0xAD) && unicode_iscaseignorable(0x345) &&
              !unicode_iscaseignorable('a'));
    cr_assert(!unicode_isalpha(0x110000) && !unicode_isprintable(0x110000));
}

static void
expect_map(int (*map)(uint32_t, uint32_t *), uint32_t ch, int n, uint32_t a, uint32_t b)
{
    uint32_t out[3];
    cr_assert_eq(map(ch, out), n, "U+%04X", ch);
    cr_assert_eq(out[0], a, "U+%04X", ch);
    if (n > 1)
        cr_assert_eq(out[1], b, "U+%04X", ch);
}

Test(unicodedb, spot_check_case_mappings) {
    expect_map(unicode_toupper_full, 0xDF, 2, 'S', 'S');        /* 'ß'.upper() == 'SS' */
    expect_map(unicode_totitle_full, 0xDF, 2, 'S', 's');
    expect_map(unicode_tofolded_full, 0xDF, 2, 's', 's');
    expect_map(unicode_tolower_full, 0xDF, 1, 0xDF, 0);
    expect_map(unicode_tolower_full, 0x130, 2, 'i', 0x307);
    expect_map(unicode_tolower_full, 0x3A3, 1, 0x3C3, 0);
    expect_map(unicode_toupper_full, 0x345, 1, 0x399, 0);
    expect_map(unicode_tofolded_full, 0x345, 1, 0x3B9, 0);
    expect_map(unicode_toupper_full, 0x1F80, 2, 0x1F08, 0x399);
    expect_map(unicode_totitle_full, 0x1F80, 1, 0x1F88, 0);
    expect_map(unicode_tolower_full, 0x1F88, 1, 0x1F80, 0);
    expect_map(unicode_toupper_full, 0x1C5, 1, 0x1C4, 0);
    expect_map(unicode_tolower_full, 0x1C5, 1, 0x1C6, 0);
    expect_map(unicode_tolower_full, 0x10400, 1, 0x10428, 0);
    expect_map(unicode_toupper_full, 0xFB00, 2, 'F', 'F');
    expect_map(unicode_totitle_full, 0xFB00, 2, 'F', 'f');
    expect_map(unicode_tolower_full, 0x2160, 1, 0x2170, 0);
    /* simple mappings: _sre.unicode_tolower(0x130) == 0x69; UnicodeData.txt uppercase */
    cr_assert_eq(unicode_tolower(0x130), 'i');
    cr_assert_eq(unicode_toupper(0xDF), 0xDF);
    cr_assert_eq(unicode_toupper(0x1F80), 0x1F88);
    cr_assert_eq(unicode_toupper('q'), 'Q');
    cr_assert_eq(unicode_tolower(0x110000), 0x110000);
}
