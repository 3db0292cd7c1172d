/*
** repl.c -- the interactive loop.  Each statement is parsed (PARSE_SINGLE), compiled as
** its own unit and run in __main__, then its AST arena and code object are dropped,
** exactly as CPython's PyRun_InteractiveLoop does: that is why `a = 257; b = 257` typed
** on two lines gives two objects, and why a literal's refcount is lower than in a script.
** On a terminal lines come from libedit (history, editing); otherwise prompts go to stderr
** and lines are read from sys.stdin, as `python3 -i < file` does.
*/
#include "interp/main.h"
#include "interp/compile.h"
#include "interp/vm.h"
#include "interp/arena.h"
#include "grammar/parse.h"
#include "runtime/error.h"
#include "runtime/heap.h"
#include "runtime/state.h"
#include "runtime/strobject.h"
#include "runtime/dictobject.h"
#include "runtime/exceptions.h"
#include "runtime/fileobject.h"
#include <editline/readline.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void
on_sigint(int sig)
{
    (void)sig;
    rt.sigint_pending = 1;
}

/* The prompt text: str(sys.ps1) / str(sys.ps2), as CPython. */
static char *
prompt_text(const char *which, const char *dflt)
{
    Object *p = rt.sys_dict ? dict_getitem_str(rt.sys_dict, which) : NULL;
    if (!p)
        return strdup(dflt);
    Object *s = obj_str(p);
    if (!s) {
        err_clear();
        return strdup("");
    }
    ssize_t n;
    const char *t = str_as_utf8(s, &n);
    char *r = strdup(t ? t : "");
    decref(s);
    err_clear();
    return r;
}

/* Read one line (without its newline) into a malloc'd string; NULL at end of input.
** *interrupted is set when Ctrl-C was pressed instead. */
static char *
read_line(int tty, const char *prompt, int *interrupted)
{
    *interrupted = 0;
    if (tty) {
        rt.sigint_pending = 0;
        char *line = readline(prompt);
        if (rt.sigint_pending) {
            rt.sigint_pending = 0;
            *interrupted = 1;
            free(line);
            return NULL;
        }
        if (line && *line)
            add_history(line);
        return line;
    }
    file_flush_stdout();
    fputs(prompt, stderr);
    fflush(stderr);
    Object *s = file_readline_std();
    if (!s) {
        if (err_matches(exc_KeyboardInterrupt))
            *interrupted = 1;
        err_clear();
        return NULL;
    }
    ssize_t n;
    const char *t = str_as_utf8(s, &n);
    char *r = t ? strdup(t) : strdup("");
    decref(s);
    err_clear();
    return r;
}

/* Run one complete statement; returns 1 when a SystemExit asks the loop to stop. */
static int
run_statement(Mod *mod, const char *src, size_t len, Arena *arena, Object *g, int *status)
{
    Object *code = compile_mod(mod, "<stdin>", PARSE_SINGLE, src, len, arena);
    Object *r = code ? vm_run_module_code(code, g) : NULL;
    xdecref(code);
    if (r) {
        decref(r);
        file_flush_stdout();
        return 0;
    }
    return main_report_exception(1, status);
}

int
repl_run(Object *g)
{
    int tty = isatty(0) && isatty(2);
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old);
    if (!dict_getitem_str(rt.sys_dict, "ps1")) {
        Object *p1 = str_from_cstr(">>> "), *p2 = str_from_cstr("... ");
        if (p1 && p2) {
            dict_setitem_str(rt.sys_dict, "ps1", p1);
            dict_setitem_str(rt.sys_dict, "ps2", p2);
        }
        xdecref(p1);
        xdecref(p2);
        err_clear();
    }
    char *buf = NULL;
    size_t len = 0, cap = 0;
    int status = 0;
    for (;;) {
        char *prompt = len == 0 ? prompt_text("ps1", ">>> ") : prompt_text("ps2", "... ");
        int interrupted;
        char *line = read_line(tty, prompt ? prompt : "", &interrupted);
        free(prompt);
        if (interrupted) {
            file_flush_stdout();
            fputs("\nKeyboardInterrupt\n", stderr);
            len = 0;
            continue;
        }
        if (!line) {
            fputc('\n', stderr);
            break;
        }
        size_t n = strlen(line);
        if (len + n + 2 > cap) {
            cap = (len + n + 2) * 2;
            char *nb = realloc(buf, cap);
            if (!nb) {
                free(line);
                err_no_memory();
                main_report_exception(1, &status);
                len = 0;
                continue;
            }
            buf = nb;
        }
        memcpy(buf + len, line, n);
        len += n;
        buf[len++] = '\n';
        buf[len] = 0;
        free(line);

        Arena *arena = arena_new();
        if (!arena) {
            err_no_memory();
            main_report_exception(1, &status);
            len = 0;
            continue;
        }
        ParseResult pr = parse_source(buf, len, "<stdin>", PARSE_SINGLE, arena);
        if (!pr.mod && pr.incomplete) {
            err_clear();
            arena_free(arena);
            continue;
        }
        int stop = 0;
        if (!pr.mod)
            stop = main_report_exception(1, &status);
        else
            stop = run_statement(pr.mod, buf, len, arena, g, &status);
        arena_free(arena);
        len = 0;
        if (stop)
            goto done;
    }
    status = 0;
done:
    sigaction(SIGINT, &old, NULL);
    free(buf);
    return status;
}
