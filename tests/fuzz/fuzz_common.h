/*
** fuzz_common.h -- start-up shared by the libFuzzer targets in tests/fuzz/: brings the
** interpreter up once per process the way interp/main.c does (types, builtins, sys,
** sys.modules), minus the command line.  Each target then feeds one input at a time
** through the public API and must leave the interpreter usable for the next input.
** Build: `make fuzz` (clang, -fsanitize=fuzzer,address,undefined); see tests/fuzz/README.
*/
#ifndef PYHEAP_FUZZ_COMMON_H
#define PYHEAP_FUZZ_COMMON_H

#include "interp/builtins.h"
#include "interp/compile.h"
#include "interp/vm.h"
#include "runtime/dictobject.h"
#include "runtime/error.h"
#include "runtime/fileobject.h"
#include "runtime/gc.h"
#include "runtime/heap.h"
#include "runtime/intobject.h"
#include "runtime/moduleobject.h"
#include "runtime/setobject.h"
#include "runtime/bytesobject.h"
#include "runtime/state.h"
#include "runtime/strobject.h"
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static inline void
fuzz_fatal(const char *what)
{
    fprintf(stderr, "fuzz: start-up failed: %s\n", what);
    if (err_occurred())
        err_print();
    abort();
}

/* Bring the interpreter up once.  Program output goes to /dev/null (stderr stays, for
** sanitizer reports). */
static inline void
fuzz_init(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    static char *argv[] = {"fuzz", NULL};
    rt_init(1, argv);
    if (set_init() < 0 || bytes_init() < 0)
        fuzz_fatal("set/bytes");
    file_init();
    vm_init();
    rt.modules = dict_new();
    if (!rt.modules)
        fuzz_fatal("sys.modules");
    rt.builtins_module = builtins_init();
    if (!rt.builtins_module)
        fuzz_fatal("builtins");
    rt.builtins = module_get_dict(rt.builtins_module);
    Object *sys = sysmodule_init(1, argv);
    if (!sys || dict_setitem_str(rt.modules, "sys", sys) < 0 ||
        dict_setitem_str(rt.modules, "builtins", rt.builtins_module) < 0 || import_init() < 0)
        fuzz_fatal("sys");
    decref(sys);
    int devnull = open("/dev/null", O_RDWR);
    if (devnull >= 0) {
        dup2(devnull, 0);
        dup2(devnull, 1);
        close(devnull);
    }
}

/* A NUL-terminated copy of the fuzzer's bytes (the lexer wants a terminator). */
static inline char *
fuzz_cstring(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        abort();
    memcpy(s, data, size);
    s[size] = 0;
    return s;
}

#endif
