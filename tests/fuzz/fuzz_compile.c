/*
** fuzz_compile.c -- libFuzzer target (a): arbitrary bytes through the lexer, parser,
** symbol table and compiler, in the three modes (file / interactive / eval chosen by the
** input's length).  Every input must give a code object or a SyntaxError-family
** exception (MemoryError / RecursionError for absurd nesting), never a crash or a leak.
*/
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_init();
    char *src = fuzz_cstring(data, size);
    static const ParseMode modes[3] = {PARSE_FILE, PARSE_SINGLE, PARSE_EVAL};
    Object *code = compile_source(src, size, "<fuzz>", modes[size % 3], NULL);
    if (code)
        decref(code);
    else if (!err_occurred())
        abort();        /* NULL without an exception */
    err_clear();
    free(src);
    return 0;
}
