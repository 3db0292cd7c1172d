/*
** fuzz_exec.c -- libFuzzer target (b): the whole interpreter on generated programs.
** Each input is compiled and run as a fresh __main__ under a small heap limit (32 MiB
** above what the interpreter already holds) and an instruction budget (-X budget's
** counter), so runaway loops end in RuntimeError and runaway allocation in MemoryError.
** Whatever the program does, the process must survive, and state the program may have
** changed (recursion limit, int digit limit, gc settings) is reset afterwards.  open()
** and the time module are withheld so inputs cannot touch files or sleep.
*/
#include "fuzz_common.h"

#define FUZZ_HEAP_MIB 32
#define FUZZ_BUDGET 200000

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_init();
    /* no files, no sleeping */
    if (dict_setitem_str(rt.builtins, "open", None) < 0 ||
        dict_setitem_str(rt.modules, "time", None) < 0)
        fuzz_fatal("sandbox");
    return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *src = fuzz_cstring(data, size);
    Object *g = dict_new();
    Object *name = str_from_cstr("__main__");
    if (!g || !name || dict_setitem_str(g, "__name__", name) < 0 ||
        dict_setitem_str(g, "__builtins__", rt.builtins_module) < 0)
        abort();
    decref(name);
    heap_set_limit(heap_bytes_from_os() + ((size_t)FUZZ_HEAP_MIB << 20));
    rt.eval_budget = FUZZ_BUDGET;
    Object *code = compile_source(src, size, "<fuzz>", PARSE_FILE, NULL);
    if (code) {
        Object *r = vm_run_module_code(code, g);
        xdecref(r);
        decref(code);
    }
    err_clear();
    dict_clear(g);
    decref(g);
    gc_collect(2);
    err_clear();
    /* undo what the program may have changed */
    rt.eval_budget = 0;
    heap_set_limit(0);
    rt.recursion_limit = 1000;
    int_max_str_digits = INT_MAX_STR_DIGITS_DEFAULT;
    gc_set_enabled(1);
    gc_set_debug(0);
    for (int i = 0; i < 3; i++)
        gc_set_threshold(i, i == 0 ? 700 : 10);
    if (rt.recursion_depth != 0 || rt.frame != NULL)
        abort();        /* the VM left a frame or a recursion level behind */
    free(src);
    return 0;
}
