/*
** main.c -- the pyheap command: option parsing, interpreter start-up (types, builtins,
** sys, __main__), running a script / -c command / stdin, uncaught-exception reporting
** and SystemExit, the interactive loop (repl.c), and finalization.
*/
#include "interp/main.h"
#include "interp/builtins.h"
#include "interp/compile.h"
#include "interp/vm.h"
#include "interp/arena.h"
#include "runtime/error.h"
#include "runtime/heap.h"
#include "runtime/gc.h"
#include "runtime/state.h"
#include "runtime/intobject.h"
#include "runtime/strobject.h"
#include "runtime/tupleobject.h"
#include "runtime/listobject.h"
#include "runtime/dictobject.h"
#include "runtime/setobject.h"
#include "runtime/bytesobject.h"
#include "runtime/moduleobject.h"
#include "runtime/exceptions.h"
#include "runtime/fileobject.h"
#include "runtime/traceback.h"
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
    "-V     : print the Python version number and exit (also --version)\n"               \
    "-X opt : pyheap options:\n"                                                          \
    "         -X leakcheck       report objects still alive at exit (exit status 3)\n"  \
    "         -X heapstats       print the allocator statistics at exit\n"               \
    "         -X heaplimit=BYTES cap the heap; exceeding it raises MemoryError\n"        \
    "-B, -E, -s, -S, -u, -O : accepted for compatibility, no effect\n"                   \
    "file   : program read from script file\n"                                           \
    "-      : program read from stdin (default; interactive mode if a tty)\n"            \
    "arg ...: arguments passed to program in sys.argv[1:]\n"

static const char *progname = "pyheap";
static int died_of_sigint;      /* an uncaught KeyboardInterrupt ended the program */

/* SIGINT only sets a flag; the VM's eval breaker raises KeyboardInterrupt. */
static void
main_on_sigint(int sig)
{
    (void)sig;
    rt.sigint_pending = 1;
}

/* ------------------------------------------------------------------ exceptions */

/* The exit status a SystemExit asks for; prints its message when it is not an int. */
static int
system_exit_status(Object *exc)
{
    Object *code = ((SystemExitObject *)exc)->code;
    if (!code || code == None)
        return 0;
    if (INT_CHECK(code)) {
        int overflow = 0;
        long v = int_as_long_and_overflow(code, &overflow);
        if (overflow)
            return -1 & 0xff;
        return (int)v;
    }
    file_flush_stdout();
    Object *s = obj_str(code);
    if (s) {
        ssize_t n;
        const char *p = str_as_utf8(s, &n);
        if (p) {
            fwrite(p, 1, (size_t)n, stderr);
            fputc('\n', stderr);
        }
        decref(s);
    }
    err_clear();
    fflush(stderr);
    return 1;
}

int
main_report_exception(int set_last, int *exit_code)
{
    Object *exc = err_fetch();
    if (!exc)
        return 0;
    if (obj_type_check(exc, exc_SystemExit)) {
        *exit_code = system_exit_status(exc);
        decref(exc);
        return 1;
    }
    died_of_sigint = !rt.interactive && obj_type_check(exc, exc_KeyboardInterrupt);
    Object *tb = EXC(exc)->traceback ? EXC(exc)->traceback : None;
    if (set_last && rt.sys_dict) {
        dict_setitem_str(rt.sys_dict, "last_type", (Object *)TYPE(exc));
        dict_setitem_str(rt.sys_dict, "last_value", exc);
        dict_setitem_str(rt.sys_dict, "last_traceback", tb);
        err_clear();
    }
    Object *hook = rt.sys_dict ? dict_getitem_str(rt.sys_dict, "excepthook") : NULL;
    if (hook && hook != None) {
        Object *args[3] = {(Object *)TYPE(exc), exc, tb};
        incref(hook);
        Object *r = obj_vectorcall(hook, args, 3, NULL);
        decref(hook);
        if (r) {
            decref(r);
        } else {
            Object *hexc = err_fetch();
            if (hexc && obj_type_check(hexc, exc_SystemExit)) {
                *exit_code = system_exit_status(hexc);
                decref(hexc);
                decref(exc);
                return 1;
            }
            file_flush_stdout();
            fputs("Error in sys.excepthook:\n", stderr);
            if (hexc)
                tb_print_exception(hexc, stderr);
            fputs("\nOriginal exception was:\n", stderr);
            tb_print_exception(exc, stderr);
            fflush(stderr);
            xdecref(hexc);
        }
    } else {
        file_flush_stdout();
        fputs("sys.excepthook is missing\n", stderr);
        tb_print_exception(exc, stderr);
        fflush(stderr);
    }
    decref(exc);
    return 0;
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
    decref(sys);
}

/* Clear a module dict the way CPython's _PyModule_ClearDict does: names starting with
** one underscore first, then every other name but __builtins__. */
static void
clear_module_dict(Object *d)
{
    for (int pass = 0; pass < 2; pass++) {
        ssize_t pos = 0;
        Object *k, *v;
        while (dict_next(d, &pos, &k, &v)) {
            if (v == None || !STR_CHECK(k))
                continue;
            ssize_t n;
            const char *s = str_as_utf8(k, &n);
            if (!s)
                continue;
            int underscore = s[0] == '_' && s[1] != '_';
            if (pass == 0 ? !underscore : (underscore || strcmp(s, "__builtins__") == 0))
                continue;
            if (dict_setitem(d, k, None) < 0)
                err_write_unraisable(NULL);
        }
    }
}

static void
interp_fini(void)
{
    rt.finalizing = 1;
    file_flush_stdout();
    /* Modules are cleared newest first (so __main__ goes before sys and builtins), then
    ** the collector reclaims the cycles that remain. */
    Object *mods = rt.modules ? dict_values_list(rt.modules) : NULL;
    if (mods) {
        for (ssize_t i = LIST_LEN(mods) - 1; i >= 0; i--) {
            Object *m = LIST_GET(mods, i);
            if (m == rt.sys_module || m == rt.builtins_module || !MODULE_CHECK(m))
                continue;
            clear_module_dict(module_get_dict(m));
        }
        decref(mods);
    }
    err_clear();
    gc_collect_final();
    file_flush_stdout();
    if (rt.flag_heapstats)
        heap_print_stats(stderr);
    fflush(stdout);
    fflush(stderr);
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
    else if (strcmp(opt, "heapstats") == 0)
        rt.flag_heapstats = 1;
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
    }
    /* unknown -X options are ignored, as CPython does */
    return 0;
}

int
main(int argc, char **argv)
{
    const char *slash = strrchr(argv[0], '/');
    progname = slash ? slash + 1 : argv[0];
    int inspect = 0, quiet = 0;
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
            case 'B': case 'E': case 's': case 'S': case 'u': case 'O': case 'I':
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

    interp_init(argc, argv);
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
        if (!realpath(script, abspath))
            snprintf(abspath, sizeof abspath, "%s", script);
        /* sys.path[0] is the script's directory */
        static char dir[PATH_MAX];
        snprintf(dir, sizeof dir, "%s", abspath);
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

    if (command) {
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
            fprintf(stderr, "pyheap 0.1.0 (Python 3.11.7 compatible heap)\n"
                            "Type \"help\", \"copyright\", \"credits\" or \"license\" for more "
                            "information.\n");
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
        status = repl_run(g);
    }
    decref(main_mod);
    interp_fini();
    if (died_of_sigint && status == 1) {
        /* as CPython: die of the signal so the parent sees it */
        signal(SIGINT, SIG_DFL);
        kill(getpid(), SIGINT);
    }
    return status;
}
