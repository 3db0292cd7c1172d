/*
** unicodedb.h -- character properties and case mappings for str methods, generated from
** CPython 3.11's unicodedata (Unicode 14.0.0) by scripts/gen_unicodedb.py into
** unicodedb_data.h.  Semantics are CPython's _PyUnicode_Is* / _PyUnicode_To*.
*/
#ifndef PYHEAP_UNICODEDB_H
#define PYHEAP_UNICODEDB_H

#include <stdint.h>

int unicode_isprintable(uint32_t ch);   /* str.isprintable / repr() escaping */
int unicode_isspace(uint32_t ch);
int unicode_isalpha(uint32_t ch);
int unicode_isdecimal(uint32_t ch);
int unicode_isdigit(uint32_t ch);
int unicode_isnumeric(uint32_t ch);
int unicode_isalnum(uint32_t ch);
int unicode_islower(uint32_t ch);
int unicode_isupper(uint32_t ch);
int unicode_istitle(uint32_t ch);
int unicode_iscased(uint32_t ch);
int unicode_iscaseignorable(uint32_t ch);
int unicode_islinebreak(uint32_t ch);
int unicode_isxidstart(uint32_t ch);
int unicode_isxidcontinue(uint32_t ch);
int unicode_todecimal(uint32_t ch);     /* -1 if not a decimal digit */
int unicode_todigit(uint32_t ch);
/* Full case mappings (may expand: 'ß'.upper() == 'SS'); write up to 3 code points into
** out and return how many. */
int unicode_tolower_full(uint32_t ch, uint32_t *out);
int unicode_toupper_full(uint32_t ch, uint32_t *out);
int unicode_totitle_full(uint32_t ch, uint32_t *out);
int unicode_tofolded_full(uint32_t ch, uint32_t *out);
/* Simple (1:1) mappings */
uint32_t unicode_tolower(uint32_t ch);
uint32_t unicode_toupper(uint32_t ch);

#endif
