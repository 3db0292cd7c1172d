/*
** main.c -- the pyheap command: option parsing, interpreter start-up (types, builtins,
** sys, __main__), running a script / -c command / stdin, uncaught-exception reporting
** and SystemExit, the interactive loop (repl.c), and finalization.
*/
#include "interp/main.h"
#include "interp/compare.h"
#include "interp/builtins.h"
#include "interp/compile.h"
#include "interp/vm.h"
#include "interp/arena.h"
#include "runtime/error.h"
#include "runtime/heap.h"
#include "runtime/startup_pools.h"
#include "runtime/gc.h"
#include "runtime/state.h"
#include "runtime/intobject.h"
#include "runtime/strobject.h"
#include "runtime/tupleobject.h"
#include "runtime/listobject.h"
#include "runtime/dictobject.h"
#include "runtime/setobject.h"
#include "runtime/sliceobject.h"
#include "runtime/bytesobject.h"
#include "runtime/moduleobject.h"
#include "runtime/exceptions.h"
#include "runtime/fileobject.h"
#include "runtime/traceback.h"
#include "runtime/typeobject.h"
#include "runtime/methodobject.h"
#include "runtime/modules.h"
#include <errno.h>
#include <signal.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define USAGE                                                                            \
    "usage: %s [option] ... [-c cmd | file | -] [arg] ...\n"                            \
    "Options:\n"                                                                         \
    "-c cmd : program passed in as string (terminates option list)\n"                    \
    "-h     : print this help message and exit (also -? or --help)\n"                    \
    "-i     : inspect interactively after running script\n"                              \
    "-q     : don't print version and copyright messages on interactive startup\n"       \
    "-u     : force the stdout and stderr streams to be unbuffered\n"                      \
    "-V     : print the Python version number and exit (also --version)\n"               \
    "--compare-modes file : run file as a script and statement by statement as the\n"   \
    "         REPL does, and explain every `is`/id() result that differs\n"              \
    "-X opt : pyheap options:\n"                                                          \
    "         -X leakcheck       report objects still alive at exit (exit status 3)\n"  \
    "         -X heapstats       print the allocator statistics at exit\n"               \
    "         -X heaplimit=BYTES cap the heap; exceeding it raises MemoryError\n"        \
    "         -X heap-fail-after=N make the N-th heap allocation fail (tests)\n"       \
    "         -X budget=N        RuntimeError after N loop iterations + calls (tests)\n" \
    "         -X linetable       print each code object's CPython co_linetable size\n"  \
    "-B, -E, -s, -S, -O : accepted for compatibility, no effect\n"                       \
    "file   : program read from script file\n"                                           \
    "-      : program read from stdin (default; interactive mode if a tty)\n"            \
    "arg ...: arguments passed to program in sys.argv[1:]\n"

static const char *progname = "pyheap";
static int fail_injection_armed;  /* -X heap-fail-after=N was given */
static Object *builtins_copy;   /* builtins as at start-up, restored at exit */

/* SIGINT only sets a flag; the VM's eval breaker raises KeyboardInterrupt. */
static void
main_on_sigint(int sig)
{
    (void)sig;
    rt.sigint_pending = 1;
}

/* ------------------------------------------------------------------ running code */

static char *
read_stream(FILE *f, size_t *len)
{
    size_t cap = 8192, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    size_t r;
    while ((r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
    }
    *len = n;
    return buf;
}

/* Compile and run source as __main__; the AST arena stays alive until the module code
** has finished, as in CPython (visible in sys.getrefcount of literals).  Returns 0 on
** success, -1 with an exception pending. */
static int flag_dis;            /* -X dis: disassemble the main module before running it */

static int
run_source(const char *src, size_t len, const char *filename, Object *g)
{
    Arena *arena = NULL;
    Object *code = compile_source(src, len, filename, PARSE_FILE, &arena);
    if (!code) {
        if (arena)
            arena_free(arena);
        return -1;
    }
    if (flag_dis)
        compile_dis(code, stderr);
    Object *r = vm_run_module_code(code, g);
    decref(code);
    if (arena)
        arena_free(arena);
    if (!r)
        return -1;
    decref(r);
    return 0;
}

/* ------------------------------------------------------------------ start-up */

static Object *
make_main_module(const char *file)
{
    Object *m = module_new("__main__");
    if (!m)
        return NULL;
    Object *d = module_get_dict(m);
    Object *ann = dict_new();
    int ok = ann && dict_setitem_str(d, "__annotations__", ann) == 0 &&
             dict_setitem_str(d, "__builtins__", rt.builtins_module) == 0 &&
             dict_setitem_str(d, "__loader__", None) == 0 &&
             dict_setitem_str(d, "__spec__", None) == 0;
    xdecref(ann);
    if (ok && file) {
        Object *f = str_from_cstr(file);
        ok = f && dict_setitem_str(d, "__file__", f) == 0 &&
             dict_setitem_str(d, "__cached__", None) == 0;
        xdecref(f);
    }
    if (!ok || dict_setitem(rt.modules, ID(__main__), m) < 0) {
        decref(m);
        return NULL;
    }
    rt.main_module = m;
    return m;
}

static void
fatal_startup(void)
{
    fprintf(stderr, "%s: fatal error during start-up\n", progname);
    if (err_occurred())
        err_print();
    exit(1);
}

static void
interp_init(int argc, char **argv)
{
    rt_init(argc, argv);
    if (set_init() < 0 || bytes_init() < 0)
        fatal_startup();
    file_init();
    vm_init();
    rt.modules = dict_new();
    if (!rt.modules)
        fatal_startup();
    rt.builtins_module = builtins_init();
    if (!rt.builtins_module)
        fatal_startup();
    rt.builtins = module_get_dict(rt.builtins_module);
    Object *sys = sysmodule_init(argc, argv);
    if (!sys)
        fatal_startup();
    if (dict_setitem_str(rt.modules, "sys", sys) < 0 ||
        dict_setitem_str(rt.modules, "builtins", rt.builtins_module) < 0 ||
        import_init() < 0)
        fatal_startup();
    /* importlib's _setup gives sys (as builtins) the attributes of a module it imported:
    ** __package__ '' (there is no __spec__ or __loader__: no importlib) */
    Object *empty = str_from_cstr("");
    if (!empty || dict_setitem(module_get_dict(sys), ID(__package__), empty) < 0 ||
        dict_setitem(rt.builtins, ID(__package__), empty) < 0)
        fatal_startup();
    decref(empty);
    /* rt.sys_module keeps the reference: like CPython's interp->sysdict, sys outlives its
    ** removal from sys.modules at exit (interp_teardown releases it). */
    /* CPython copies builtins before io adds open() and site adds exit, quit, help,
    ** copyright, credits and license; finalization restores this copy. */
    static const char *const late_builtins[] = {"open", "exit", "quit", "help", "copyright",
                                                "credits", "license", NULL};
    builtins_copy = dict_copy(rt.builtins);
    if (!builtins_copy)
        fatal_startup();
    /* CPython's start-up code slices strings, which leaves a slice in the one-object
    ** slice cache: a program's first a[i:j] then allocates nothing, so the collector's
    ** generation-0 count (gc.h) does not move.  Leave pyheap's cache in that state. */
    Object *slice = slice_new(None, None, None);
    if (!slice)
        fatal_startup();
    decref(slice);
    for (const char *const *p = late_builtins; *p; p++) {
        Object *k = str_from_cstr(*p);
        if (!k || dict_delitem_if_present(builtins_copy, k) < 0)
            fatal_startup();
        decref(k);
    }
}

/* Wipe a module dict as CPython's _PyModule_ClearDict does, to make the order of the
** __del__s of globals predictable: first every name starting with exactly one
** underscore, then every name but __builtins__, each set to None (not deleted). */
static void
clear_module_dict(Object *d)
{
    for (int pass = 0; pass < 2; pass++) {
        ssize_t pos = 0;
        Object *k, *v;
        while (dict_next(d, &pos, &k, &v)) {
            if (v == None || !STR_CHECK(k))
                continue;
            const char *s = str_as_utf8(k, NULL);
            if (!s) {
                err_clear();
                continue;
            }
            if (pass == 0 ? !(s[0] == '_' && s[1] != '_') : strcmp(s, "__builtins__") == 0)
                continue;
            if (dict_setitem(d, k, None) < 0)
                err_write_unraisable(NULL);
        }
    }
}

/* A module taken out of sys.modules at exit, watched weakly (module_watch). */
typedef struct RemovedModule {
    struct RemovedModule *next;
    Object *name;
    Object *mod;                /* NULL once the module is gone */
} RemovedModule;

/* finalize_modules_delete_special: user values often hide in builtins._ and sys.last_*;
** drop them first.  sys.stdin/stdout/stderr go back to the original streams. */
static void
fini_delete_special(void)
{
    static const char *const sys_deletes[] = {
        "path", "argv", "ps1", "ps2", "last_type", "last_value", "last_traceback",
        "path_hooks", "path_importer_cache", "meta_path", "__interactivehook__", NULL};
    static const char *const sys_files[] = {
        "stdin", "__stdin__", "stdout", "__stdout__", "stderr", "__stderr__", NULL};
    if (dict_setitem_str(rt.builtins, "_", None) < 0)
        err_write_unraisable(NULL);
    for (const char *const *p = sys_deletes; *p; p++)
        if (dict_setitem_str(rt.sys_dict, *p, None) < 0)
            err_write_unraisable(NULL);
    for (const char *const *p = sys_files; *p; p += 2) {
        Object *v = dict_getitem_str(rt.sys_dict, p[1]);
        if (dict_setitem_str(rt.sys_dict, p[0], v ? v : None) < 0)
            err_write_unraisable(NULL);
    }
}

/* finalize_remove_modules: every module in sys.modules is replaced by None, in insertion
** order; a module nobody else holds is freed at once.  Returns the removed modules, newest
** first, each watched so that the caller can tell which ones survived. */
static RemovedModule *
fini_remove_modules(void)
{
    RemovedModule *list = NULL;
    ssize_t pos = 0;
    Object *k, *v;
    while (dict_next(rt.modules, &pos, &k, &v)) {
        if (!MODULE_CHECK(v))
            continue;
        RemovedModule *r = malloc(sizeof *r);
        if (r) {
            r->name = newref(k);
            module_watch(v, &r->mod);
            r->next = list;
            list = r;
        }
        if (dict_setitem(rt.modules, k, None) < 0)
            err_write_unraisable(NULL);
    }
    return list;
}

/* Interpreter finalization in the order of CPython 3.11's Py_FinalizeEx and
** finalize_modules (Python/pylifecycle.c).  This order decides when the __del__s of the
** objects alive at exit run and what they can still see:
**   1. a full collection with callbacks, if the collector is enabled (PyGC_Collect);
**   2. builtins._ and sys.argv, ps1, last_* ... become None; sys.stdout & co. go back to
**      sys.__stdout__ & co.;
**   3. every module in sys.modules is replaced by None, in insertion order: a module no
**      one else holds is freed, and __main__'s dict with it -- unless its functions and
**      classes keep it in a cycle, the usual case; then sys.modules is emptied;
**   4. builtins go back to the copy taken at start-up (no open(), exit, quit...);
**   5. a full collection without callbacks: the __main__ cycle and all it alone reaches
**      dies, finalizers first (PEP 442, in the collector's list order), then tp_clear;
**   6. the modules still alive (a leftover object holds them) are wiped newest first;
**   7. sys's dict, then builtins' dict are wiped (a later __del__'s print() finds
**      sys.stdout None and prints nothing), and a last collection runs.
** interp_teardown then frees what is left. */
static void
interp_fini(void)
{
    atexit_run_callbacks();
    file_flush_stdout();
    gc_exit_begin();
    rt.finalizing = 1;
    if (gc_is_enabled()) {
        Object *exc = err_fetch();
        gc_collect(GC_NUM_GENERATIONS - 1);
        err_restore(exc);
    }
    err_clear();
    fini_delete_special();
    rt.finalizing = 2;          /* sys.meta_path is None: nothing can be imported */
    RemovedModule *removed = fini_remove_modules();
    dict_clear(rt.modules);
    /* finalize_restore_builtins: what the program added to builtins dies after the
    ** original names are back (a __del__ it triggers can still print) */
    Object *user_builtins = dict_copy(rt.builtins);
    if (!user_builtins)
        err_write_unraisable(NULL);
    dict_clear(rt.builtins);
    if (builtins_copy && dict_merge(rt.builtins, builtins_copy, 1) < 0)
        err_clear();
    xdecref(user_builtins);
    gc_collect_final();
    gc_dump_shutdown_stats();
    for (RemovedModule *r = removed; r; r = r->next) {
        if (!r->mod)
            continue;
        Object *d = module_get_dict(r->mod);
        if (d == rt.builtins || d == rt.sys_dict || !d)
            continue;
        Object *m = newref(r->mod);
        clear_module_dict(d);
        decref(m);
    }
    while (removed) {
        RemovedModule *r = removed;
        removed = r->next;
        if (r->mod)
            module_unwatch(r->mod);
        decref(r->name);
        free(r);
    }
    clear_module_dict(rt.sys_dict);
    clear_module_dict(rt.builtins);
    CLEAR(builtins_copy);
    gc_collect_final();
    err_clear();
    /* From here on CPython has no sys.stderr: a __del__ run by the teardown's last
    ** collections can no longer report anything (error.c) */
    rt.finalizing = 3;
    file_flush_stdout();
    if (rt.flag_heapstats)
        heap_print_stats(stderr);
    fflush(stdout);
    fflush(stderr);
}

/* Teardown after finalization (interp_fini keeps CPython's module-clearing order and
** runs __del__s; this only frees): sys.modules, sys and builtins go, one more
** collection takes the cycles they were part of, then the runtime releases its caches
** (rt_fini) and the heap its arenas.  Returns the number of blocks that survived when
** -X leakcheck asked for a report, else 0. */
static ssize_t
interp_teardown(void)
{
    /* -X heap-fail-after=N covers the program and its finalization, not the teardown;
    ** say so when the N-th allocation never came (tests/memerr stops there). */
    if (fail_injection_armed && heap_fail_pending() > 0)
        fprintf(stderr, "%s: -X heap-fail-after: the program made fewer allocations\n",
                progname);
    heap_fail_after(0);
    if (rt.sys_dict)
        dict_clear(rt.sys_dict);
    if (rt.builtins)
        dict_clear(rt.builtins);
    if (rt.modules)
        dict_clear(rt.modules);
    rt.sys_dict = rt.builtins = rt.main_module = NULL;
    CLEAR(rt.sys_module);
    CLEAR(rt.modules);
    CLEAR(rt.builtins_module);
    str_startup_names_release();
    rt_drop_roots();
    gc_collect_final();
    err_clear();
    file_fini();
    vm_fini();
    rt_fini();
    ssize_t leaks = rt.flag_leakcheck ? rt_leak_report(stderr) : 0;
    type_forget_static();
    heap_fini();
    fflush(stderr);
    return leaks;
}

/* ------------------------------------------------------------------ main */

static void
usage_error(const char *msg)
{
    fprintf(stderr, "%s\nusage: %s [option] ... [-c cmd | file | -] [arg] ...\n"
                    "Try `%s -h' for more information.\n",
            msg, progname, progname);
    exit(2);
}

static int
x_option(const char *opt)
{
    if (strcmp(opt, "leakcheck") == 0)
        rt.flag_leakcheck = 1;
    else if (strcmp(opt, "dis") == 0)
        flag_dis = 1;
    else if (strcmp(opt, "heapstats") == 0)
        rt.flag_heapstats = 1;
    else if (strcmp(opt, "linetable") == 0)
        rt.flag_linetable = 1;
    else if (strncmp(opt, "heaplimit=", 10) == 0) {
        char *end;
        errno = 0;
        unsigned long long v = strtoull(opt + 10, &end, 10);
        if (errno || end == opt + 10)
            return -1;
        if (*end == 'k' || *end == 'K')
            v <<= 10, end++;
        else if (*end == 'm' || *end == 'M')
            v <<= 20, end++;
        else if (*end == 'g' || *end == 'G')
            v <<= 30, end++;
        if (*end)
            return -1;
        heap_set_limit((size_t)v);
    } else if (strncmp(opt, "heap-fail-after=", 16) == 0) {
        char *end;
        errno = 0;
        long v = strtol(opt + 16, &end, 10);
        if (errno || end == opt + 16 || *end || v <= 0)
            return -1;
        heap_fail_after(v);
        fail_injection_armed = 1;
    } else if (strncmp(opt, "budget=", 7) == 0) {
        char *end;
        errno = 0;
        long long v = strtoll(opt + 7, &end, 10);
        if (errno || end == opt + 7 || *end || v <= 0)
            return -1;
        rt.eval_budget = v;
    }
    /* unknown -X options are ignored, as CPython does */
    return 0;
}

int
main(int argc, char **argv)
{
    const char *slash = strrchr(argv[0], '/');
    progname = slash ? slash + 1 : argv[0];
    int inspect = 0, quiet = 0, compare = 0;
    const char *command = NULL;
    int i = 1;
    /* -X options must be applied after rt_init (which resets the runtime); collect. */
    const char *xopts[32];
    int nx = 0;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || strcmp(a, "-") == 0)
            break;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (strcmp(a, "--help") == 0) {
            printf(USAGE, progname);
            return 0;
        }
        if (strcmp(a, "--version") == 0) {
            printf("Python 3.11.7 (pyheap)\n");
            return 0;
        }
        if (strcmp(a, "--compare-modes") == 0) {
            compare = 1;
            continue;
        }
        if (a[1] == '-') {
            char msg[256];
            snprintf(msg, sizeof msg, "unknown option %s", a);
            usage_error(msg);
        }
        for (const char *p = a + 1; *p; p++) {
            switch (*p) {
            case 'c':
                if (p[1])
                    command = p + 1;
                else if (i + 1 < argc)
                    command = argv[++i];
                else
                    usage_error("Argument expected for the -c option");
                goto options_done;
            case 'X': {
                const char *opt = p[1] ? p + 1 : (i + 1 < argc ? argv[++i] : NULL);
                if (!opt)
                    usage_error("Argument expected for the -X option");
                if (nx < 32)
                    xopts[nx++] = opt;
                goto next_arg;
            }
            case 'i':
                inspect = 1;
                break;
            case 'q':
                quiet = 1;
                break;
            case 'h':
            case '?':
                printf(USAGE, progname);
                return 0;
            case 'V':
                printf("Python 3.11.7\n");
                return 0;
            case 'u':
                file_unbuffered_stdio = 1;
                break;
            case 'B': case 'E': case 's': case 'S': case 'O': case 'I':
                break;
            default: {
                char msg[64];
                snprintf(msg, sizeof msg, "Unknown option: -%c", *p);
                usage_error(msg);
            }
            }
        }
    next_arg:;
    }
options_done:
    if (command)
        i++;

    /* sys.argv: ['-c', args...] for -c, [script, args...] otherwise, [''] for the REPL */
    const char *script = NULL;
    if (!command) {
        if (i < argc && strcmp(argv[i], "-") != 0)
            script = argv[i];
    }
    int nargs = argc - i;
    char **sargv = malloc(sizeof(char *) * (size_t)(nargs + 2));
    int sargc = 0;
    if (command)
        sargv[sargc++] = "-c";
    else if (script)
        sargv[sargc++] = (char *)script, i++;
    else if (i < argc)
        sargv[sargc++] = "-", i++;
    else
        sargv[sargc++] = "";
    for (; i < argc; i++)
        sargv[sargc++] = argv[i];
    sargv[sargc] = NULL;

    /* -X leakcheck lists large blocks too: the registry must see the first one */
    for (int k = 0; k < nx; k++)
        if (strcmp(xopts[k], "leakcheck") == 0)
            heap_track_blocks(1);
    /* PYTHONMALLOCSTATS, as CPython's: the allocator report before each new arena (from
    ** the first one, mapped during start-up) and at exit, like -X heapstats. */
    const char *mallocstats = getenv("PYTHONMALLOCSTATS");
    if (mallocstats && *mallocstats)
        heap_set_arena_stats(1);
    /* CPython's config: PYTHONUNBUFFERED set and not empty is -u */
    const char *unbuf = getenv("PYTHONUNBUFFERED");
    if (unbuf && *unbuf)
        file_unbuffered_stdio = 1;
    interp_init(argc, argv);
    if (mallocstats && *mallocstats)
        rt.flag_heapstats = 1;
    for (int k = 0; k < nx; k++)
        if (x_option(xopts[k]) < 0) {
            fprintf(stderr, "%s: invalid -X option: %s\n", progname, xopts[k]);
            return 2;
        }
    rt.progname = progname;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = main_on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);

    char abspath[PATH_MAX];
    const char *path0 = "";
    if (script) {
        /* __file__ and the tracebacks name the script by its absolute path as given --
        ** joined to the working directory, symbolic links and '..' kept (CPython's
        ** _Py_abspath) -- even when the file is missing */
        size_t slen = strlen(script), cl;
        if (script[0] != '/' && getcwd(abspath, sizeof abspath) &&
            (cl = strlen(abspath)) + 1 + slen < sizeof abspath) {
            abspath[cl] = '/';
            memcpy(abspath + cl + 1, script, slen + 1);
        } else {
            snprintf(abspath, sizeof abspath, "%s", script);
        }
        /* sys.path[0] is the directory of the file the links lead to */
        char real[PATH_MAX];
        static char dir[PATH_MAX];
        snprintf(dir, sizeof dir, "%s", realpath(script, real) ? real : abspath);
        char *sl = strrchr(dir, '/');
        if (sl)
            *sl = 0;
        path0 = dir;
    }
    sysmodule_set_argv(sargc, sargv, path0);
    free(sargv);

    Object *main_mod = make_main_module(script ? abspath : NULL);
    if (!main_mod)
        fatal_startup();
    Object *g = module_get_dict(main_mod);
    int status = 0;
    int interactive = 0;
    const unsigned short *repl_shape = NULL;
    heap_ballast_take();
    if (!compare) {     /* a program run as CPython runs a script, or the prompt */
        /* CPython's start-up has imported os and time (site, zipimport), and the
        ** reference python3's site-packages math: importing them again makes nothing new */
        const char *preload[] = {"os", "time", "math"};
        import_specless = 1;
        for (int k = 0; k < 3; k++) {
            Object *m = import_module_cstr(preload[k]);
            if (!m)
                fatal_startup();
            decref(m);
        }
        import_specless = 0;
        /* names CPython's start-up leaves interned (and alive) that pyheap's does not
        ** make: an identifier met by the parser counts one reference more when it is
        ** interned already (the modules imported on first use) */
        static const char *const startup_names[] = {"gc", "weakref", "_weakref", "atexit"};
        for (size_t k = 0; k < sizeof startup_names / sizeof startup_names[0]; k++)
            if (!rt_keep(str_intern_cstr(startup_names[k])))
                fatal_startup();
        int repl = !(command || script || !(inspect || isatty(0)));
        /* CPython's start-up names: PYHEAP_STARTUP_NAMES=0 turns them off (for
        ** scripts/gen_startup_names.py, which measures pyheap without them) */
        const char *sn = getenv("PYHEAP_STARTUP_NAMES");
        if (!sn || strcmp(sn, "0") != 0) {
            str_startup_names_enable(repl);
            int_startup_refs(repl);
            str_singletons_startup_refs(repl);
            if (repl)
                arg_clinic_warning_imports();
        }
        rt_prime_freelists(repl);
        /* The collector as CPython's start-up leaves it: gc.get_stats(), and generation
        ** counts that make gc.get_count() CPython's after a program's first `import gc`
        ** (CPython's import machinery allocates there; pyheap's native import does not).
        ** Measured with python3 -c 'import gc; print(gc.get_count(), gc.get_stats())', the
        ** same as a script file and at the prompt. */
        static const ssize_t stats_run[3][3] = {{22, 43, 0}, {2, 92, 0}, {0, 0, 0}};
        static const ssize_t stats_repl[3][3] = {{25, 67, 0}, {2, 92, 0}, {0, 0, 0}};
        static const ssize_t count_file[3] = {228, 0, 2}, count_cmd[3] = {227, 0, 2},
                             count_repl[3] = {595, 3, 2};
        /* CPython's start-up objects by generation, beyond pyheap's: len(gc.get_objects(i))
        ** in CPython less pyheap's at that first line (script [322, 0, 10919], prompt
        ** [679, 874, 10919]); pyheap's own are all in generation 2 here.  Of generation
        ** 0's, the tuples of atoms its first collection untracks (DEBUG_STATS' sizes
        ** before and after it) */
        static const ssize_t resident_run[3] = {293, 0, 0}, resident_repl[3] = {650, 874, 0};
        ssize_t resident[3];
        memcpy(resident, repl ? resident_repl : resident_run, sizeof resident);
        resident[2] = 10919 - gc_tracked_total();
        gc_set_start_state(repl ? count_repl : script ? count_file : count_cmd,
                           repl ? stats_repl : stats_run, resident, repl ? 60 : 67);
        /* None, True and False: CPython's are ordinary (not immortal) objects that its
        ** start-up objects refer to thousands of times; their counts start as
        ** sys.getrefcount shows them at a first line (script 5497/409/386, -c 5494,
        ** prompt 5968/483/477), pyheap's own references counted on top as CPython's. */
        /* CPython's start-up ran except clauses, whose POP_EXCEPT left None as the
        ** handled exception: the first handler of the program does not add that reference */
        if (!rt.exc_base.exc_value)
            rt.exc_base.exc_value = newref(None);
        none_obj.refcnt += repl ? 5968 - 268435552 : script ? 5497 - 268435553
                                                            : 5494 - 268435552;
        true_obj.ob_base.ob_base.refcnt += repl ? 476 : 402;
        false_obj.ob_base.ob_base.refcnt += repl ? 472 : 381;
        /* NotImplemented and Ellipsis likewise: 5 and 16 at a script's first line, 5 and
        ** 19 at the prompt (pyheap's own references, 3 and 4, counted on top) */
        notimplemented_obj.refcnt += 5 - ((1 << 28) + 3);
        ellipsis_obj.refcnt += (repl ? 19 : 16) - ((1 << 28) + 4);
        /* ... and exit: python3 -c 'import gc; gc.set_debug(gc.DEBUG_STATS)' (and the
        ** same at the prompt) shows its start-up objects dying in the final collections */
        static const GcExitModel exit_run = {-1, {2, 0}, 200, -125, {5669, 4316},
                                             {4274 - 123, 1169, 1392}},
                                 exit_repl = {-1, {5, 4}, 224, -10, {6496, 5108},
                                              {4604 - 123, 1201, 2116}};
        gc_set_exit_model(repl ? &exit_repl : &exit_run);
        type_mcache_model_start(repl);
        rt_singleton_startup_refs[0] = repl ? 5968 : 5497;
        rt_singleton_startup_refs[1] = repl ? 476 : 402;
        rt_singleton_startup_refs[2] = repl ? 472 : 381;
        /* the pools as CPython's are when it parses the program (the prompt's: repl_run) */
        if (repl)
            repl_shape = startup_pools_repl;
        else if (heap_shape(startup_pools_script) < 0)
            err_clear();
    }

    if (compare) {
        if (!script)
            usage_error("--compare-modes needs a file");
        status = compare_modes_main(abspath, g);
    } else if (command) {
        if (run_source(command, strlen(command), "<string>", g) < 0 &&
            !main_report_exception(0, &status))
            status = 1;
        interactive = inspect;
    } else if (script) {
        FILE *f = fopen(script, "rb");
        if (!f) {
            int e = errno;
            fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", progname, abspath, e,
                    strerror(e));
            status = 2;
        } else {
            size_t len;
            char *src = read_stream(f, &len);
            fclose(f);
            if (!src) {
                fprintf(stderr, "%s: out of memory reading %s\n", progname, script);
                status = 1;
            } else {
                if (run_source(src, len, abspath, g) < 0 && !main_report_exception(0, &status))
                    status = 1;
                free(src);
            }
            interactive = inspect;
        }
    } else if (inspect || isatty(0)) {
        interactive = 1;
        if (!quiet && isatty(0))
            repl_print_banner();
    } else {
        size_t len;
        char *src = read_stream(stdin, &len);
        if (src) {
            if (run_source(src, len, "<stdin>", g) < 0 && !main_report_exception(0, &status))
                status = 1;
            free(src);
        }
    }
    if (interactive && status != 2) {
        rt.interactive = 1;
        status = repl_run(g, repl_shape);
    }
    decref(main_mod);
    interp_fini();
    if (interp_teardown() > 0)
        status = 3;             /* -X leakcheck found survivors */
    if (main_died_of_sigint && status == 1) {
        /* as CPython: die of the signal so the parent sees it */
        signal(SIGINT, SIG_DFL);
        kill(getpid(), SIGINT);
    }
    return status;
}
