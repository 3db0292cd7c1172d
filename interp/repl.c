/*
** repl.c -- the interactive loop (CPython's PyRun_InteractiveLoop + Modules/readline.c).
**
** Each statement is read line by line until the parser (PARSE_SINGLE, grammar/parse.h)
** stops asking for more, then parsed, compiled as its own unit and run in __main__; its AST
** arena and code object are dropped afterwards.  That is why `a = 257` and `b = 257` typed
** on two lines give two objects, and why a literal's refcount is lower than in a script.
** An expression statement's value goes to sys.displayhook (echo + `_`); errors print a
** traceback (File "<stdin>", line N) and the loop goes on; SystemExit (exit(), quit())
** and end of input leave it.
**
** Two line sources:
**   - a terminal (stdin and stdout are ttys): libedit's native API (histedit.h) with the
**     prompt on stdout, emacs key bindings, history in ~/.pyheap_history, and Tab bound to
**     repl_tab: four spaces where there is nothing to complete, otherwise rlcompleter's
**     matches (keywords, globals, builtins; attributes after a dot).  Characters come from
**     our own read function (tty_getc), so Ctrl-C (SIGINT sets rt.sigint_pending and
**     interrupts read()) ends el_gets at once and becomes KeyboardInterrupt.
**   - anything else: prompts (str(sys.ps1) / str(sys.ps2), '' when missing) go to stderr
**     and lines are read straight from file descriptor 0, byte by byte, so that what a
**     statement reads with input() is the text that follows it.
** Statements still open at end of input are finished as CPython's tokenizer does at EOF:
** a pending block runs, an open bracket or string is a SyntaxError.
**
** --compare-modes (compare.c) runs this same loop and gets every compiled unit through
** compare_unit_hook, with the input line it started on.
*/
#include "interp/main.h"
#include "interp/compare.h"
#include "interp/compile.h"
#include "interp/vm.h"
#include "interp/arena.h"
#include "grammar/parse.h"
#include "runtime/error.h"
#include "runtime/heap.h"
#include "runtime/gc.h"
#include "runtime/state.h"
#include "runtime/strobject.h"
#include "runtime/listobject.h"
#include "runtime/dictobject.h"
#include "runtime/exceptions.h"
#include "runtime/fileobject.h"
#include "runtime/codeobject.h"
#include "runtime/funcobject.h"
#include "runtime/methodobject.h"
#include "runtime/typeobject.h"
#include <errno.h>
#include <histedit.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define HISTORY_FILE ".pyheap_history"
#define HISTORY_SIZE 1000

static struct {
    int tty;                    /* line editing on a terminal */
    EditLine *el;
    History *hist;
    char *prompt;               /* what el_gets shows (malloc'd) */
    char histfile[PATH_MAX];    /* "" when there is no $HOME */
    Object *globals;            /* borrowed: __main__'s dict */
    Object *completer;          /* the Python completion function, built on first Tab */
    Object *filename;           /* "<stdin>", one object for every statement (CPython) */
    long lines_read;            /* input lines consumed so far */
    volatile sig_atomic_t winch;
} R;

void (*compare_unit_hook)(Object *code, long first_line);

static void
on_sigint(int sig)
{
    (void)sig;
    rt.sigint_pending = 1;
}

static void
on_sigwinch(int sig)
{
    (void)sig;
    R.winch = 1;
}

/* ------------------------------------------------------------------ prompts */

void
repl_print_banner(void)
{
    fprintf(stderr, "pyheap 0.1.0 (Python 3.11.7 compatible) on linux\n"
                    "Type exit() or Ctrl-D (i.e. EOF) to leave.\n");
}

/* str(sys.<which>) as UTF-8, or "" when it is missing or str() fails (as CPython). */
static char *
prompt_text(Object *which)
{
    Object *p = rt.sys_dict ? dict_getitem(rt.sys_dict, which) : NULL;
    char *r = NULL;
    if (p) {
        incref(p);
        Object *s = obj_str(p);
        decref(p);
        if (s && STR_CHECK(s)) {
            ssize_t n;
            const char *t = str_as_utf8(s, &n);
            if (t)
                r = strdup(t);
        }
        xdecref(s);
        err_clear();
    }
    return r ? r : strdup("");
}

/* ------------------------------------------------------------------ plain input */

/* One line from fd 0 without its newline (malloc'd), NULL at end of input (or when
** *interrupted is set by Ctrl-C). */
static char *
plain_read_line(const char *prompt, int *interrupted)
{
    file_flush_stdout();
    fputs(prompt, stderr);
    fflush(stderr);
    size_t len = 0, cap = 128;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    for (;;) {
        char c;
        ssize_t n = read(0, &c, 1);
        if (n < 0) {
            if (errno == EINTR && !rt.sigint_pending)
                continue;
            if (errno == EINTR) {
                rt.sigint_pending = 0;
                *interrupted = 1;
            }
            free(buf);
            return NULL;
        }
        if (n == 0) {
            if (len == 0) {
                free(buf);
                return NULL;
            }
            break;
        }
        if (c == '\n')
            break;
        if (len + 2 > cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                return NULL;
            }
            buf = nb;
        }
        buf[len++] = c;
    }
    buf[len] = 0;
    return buf;
}

/* ------------------------------------------------------------------ libedit */

static char *
tty_prompt(EditLine *el)
{
    (void)el;
    return R.prompt ? R.prompt : "";
}

/* libedit's character source: one UTF-8 character from fd 0.  Returns 1, 0 at end of
** input, -1 when Ctrl-C was pressed (el_gets then returns NULL). */
static int
tty_getc(EditLine *el, wchar_t *wc)
{
    unsigned char b[4];
    int need = 1, have = 0;
    for (;;) {
        ssize_t n = read(0, b + have, 1);
        if (n < 0) {
            if (errno != EINTR)
                return -1;
            if (rt.sigint_pending)
                return -1;
            if (R.winch) {
                R.winch = 0;
                el_resize(el);
            }
            continue;
        }
        if (n == 0)
            return 0;
        if (have == 0)
            need = b[0] < 0x80 ? 1 : b[0] >= 0xF0 ? 4 : b[0] >= 0xE0 ? 3 : b[0] >= 0xC0 ? 2 : 1;
        else if ((b[have] & 0xC0) != 0x80) {
            *wc = b[0];                 /* not UTF-8: pass the first byte through */
            return 1;
        }
        if (++have == need)
            break;
    }
    uint32_t c = need == 1 ? b[0] : need == 2 ? b[0] & 0x1F : need == 3 ? b[0] & 0x0F : b[0] & 0x07;
    for (int i = 1; i < need; i++)
        c = (c << 6) | (b[i] & 0x3F);
    *wc = (wchar_t)c;
    return 1;
}

/* ---- completion: rlcompleter's rules, written in Python and compiled on first use */

static const char completer_src[] =
    "import builtins\n"
    "kwlist = ['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await',\n"
    "          'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',\n"
    "          'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda',\n"
    "          'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while',\n"
    "          'with', 'yield']\n"
    "def class_members(klass):\n"
    "    ret = dir(klass)\n"
    "    if hasattr(klass, '__bases__'):\n"
    "        for base in klass.__bases__:\n"
    "            ret = ret + class_members(base)\n"
    "    return ret\n"
    "def global_matches(text, ns):\n"
    "    matches = []\n"
    "    seen = {'__builtins__'}\n"
    "    n = len(text)\n"
    "    for word in kwlist:\n"
    "        if word[:n] == text:\n"
    "            seen.add(word)\n"
    "            if word in {'finally', 'try'}:\n"
    "                word = word + ':'\n"
    "            elif word not in {'False', 'None', 'True', 'break', 'continue', 'pass',\n"
    "                              'else'}:\n"
    "                word = word + ' '\n"
    "            matches.append(word)\n"
    "    for space in [ns, builtins.__dict__]:\n"
    "        for word, val in space.items():\n"
    "            if word[:n] == text and word not in seen:\n"
    "                seen.add(word)\n"
    "                matches.append(postfix(val, word))\n"
    "    return matches\n"
    "def attr_matches(text, ns):\n"
    "    expr, attr = text.rsplit('.', 1)\n"
    "    parts = expr.split('.')\n"
    "    for p in parts:\n"
    "        if not p.isidentifier():\n"
    "            return []\n"
    "    if parts[0] in ns:\n"
    "        obj = ns[parts[0]]\n"
    "    elif hasattr(builtins, parts[0]):\n"
    "        obj = getattr(builtins, parts[0])\n"
    "    else:\n"
    "        return []\n"
    "    for p in parts[1:]:\n"
    "        obj = getattr(obj, p)\n"
    "    words = set(dir(obj))\n"
    "    words.discard('__builtins__')\n"
    "    if hasattr(obj, '__class__'):\n"
    "        words.add('__class__')\n"
    "        words.update(class_members(obj.__class__))\n"
    "    matches = []\n"
    "    n = len(attr)\n"
    "    if attr == '':\n"
    "        noprefix = '_'\n"
    "    elif attr == '_':\n"
    "        noprefix = '__'\n"
    "    else:\n"
    "        noprefix = None\n"
    "    while True:\n"
    "        for word in sorted(words):\n"
    "            if word[:n] == attr and not (noprefix and word[:n + 1] == noprefix):\n"
    "                match = expr + '.' + word\n"
    "                try:\n"
    "                    val = getattr(obj, word)\n"
    "                except Exception:\n"
    "                    pass\n"
    "                else:\n"
    "                    match = postfix(val, match)\n"
    "                matches.append(match)\n"
    "        if matches or not noprefix:\n"
    "            break\n"
    "        noprefix = '__' if noprefix == '_' else None\n"
    "    matches.sort()\n"
    "    return matches\n"
    "def complete(text, ns):\n"
    "    try:\n"
    "        if '.' in text:\n"
    "            return attr_matches(text, ns)\n"
    "        return global_matches(text, ns)\n"
    "    except Exception:\n"
    "        return []\n";

/* Takes no arguments: what inspect.signature(v).parameters is empty for, as far as it
** can be told here (Python functions, bound methods, METH_NOARGS builtins, classes that
** keep object's __init__ and __new__). */
static int
takes_no_arguments(Object *v)
{
    if (TYPE(v) == &method_type) {
        Object *fn = ((MethodObject *)v)->func;
        if (TYPE(fn) != &function_type)
            return 0;
        CodeObject *co = (CodeObject *)FUNC_CODE(fn);
        return co->argcount == 1 && co->kwonlyargcount == 0 &&
               !(co->flags & (CO_VARARGS | CO_VARKEYWORDS));
    }
    if (TYPE(v) == &function_type) {
        CodeObject *co = (CodeObject *)FUNC_CODE(v);
        return co->argcount == 0 && co->kwonlyargcount == 0 &&
               !(co->flags & (CO_VARARGS | CO_VARKEYWORDS));
    }
    if (TYPE(v) == &cfunction_type)
        return (((CFunctionObject *)v)->ml->flags & METH_NOARGS) != 0;
    if (obj_type_check(v, &type_type)) {
        TypeObject *t = (TypeObject *)v;
        Object *init = type_lookup(t, ID(__init__)), *new = type_lookup(t, ID(__new__));
        Object *oinit = type_lookup(&object_type, ID(__init__));
        Object *onew = type_lookup(&object_type, ID(__new__));
        return init == oinit && new == onew;
    }
    return 0;
}

/* postfix(val, word): rlcompleter's _callable_postfix -- '(' after a callable, '()'
** when it takes no arguments. */
static Object *
completer_postfix(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    (void)self;
    (void)kw;
    if (nargs != 2 || !STR_CHECK(args[1]))
        return err_set(exc_TypeError, "postfix(val, word)");
    TypeObject *t = TYPE(args[0]);
    if (t->call == NULL && t->vectorcall == NULL)
        return newref(args[1]);
    Object *p = str_from_cstr(takes_no_arguments(args[0]) ? "()" : "(");
    Object *r = p ? str_concat(args[1], p) : NULL;
    xdecref(p);
    return r;
}

static const MethodDef postfix_def = {"postfix", completer_postfix, METH_VARARGS, NULL};

/* The matches for 'word' as a list of str (new reference), or NULL. */
static Object *
completion_matches(const char *word)
{
    if (!R.completer) {
        Object *code = compile_source(completer_src, sizeof completer_src - 1,
                                      "<pyheap completer>", PARSE_FILE, NULL);
        Object *ns = code ? dict_new() : NULL;
        Object *pf = ns ? cfunction_new(&postfix_def, NULL, NULL) : NULL;
        Object *r = NULL;
        if (pf && dict_setitem_str(ns, "__builtins__", rt.builtins_module) == 0 &&
            dict_setitem_str(ns, "postfix", pf) == 0)
            r = vm_run_module_code(code, ns);
        xdecref(pf);
        xdecref(r);
        xdecref(code);
        Object *fn = r && ns ? dict_getitem_str(ns, "complete") : NULL;
        R.completer = fn ? newref(fn) : NULL;
        xdecref(ns);
        if (!R.completer) {
            err_clear();
            return NULL;
        }
    }
    Object *text = str_from_cstr(word);
    Object *args[2] = {text, R.globals};
    Object *m = text ? obj_vectorcall(R.completer, args, 2, NULL) : NULL;
    xdecref(text);
    if (!m || !LIST_CHECK(m)) {
        xdecref(m);
        err_clear();
        return NULL;
    }
    return m;
}

/* Show the matches below the line, in columns, as readline does on a second Tab. */
static void
show_matches(Object *m)
{
    size_t width = 0;
    for (ssize_t i = 0; i < LIST_LEN(m); i++) {
        ssize_t n;
        const char *s = str_as_utf8(LIST_GET(m, i), &n);
        if (s && (size_t)n > width)
            width = (size_t)n;
    }
    width += 2;
    size_t cols = width < 80 ? 80 / width : 1;
    fputc('\n', stdout);
    for (ssize_t i = 0; i < LIST_LEN(m); i++) {
        ssize_t n;
        const char *s = str_as_utf8(LIST_GET(m, i), &n);
        if (!s)
            continue;
        if ((size_t)(i + 1) % cols == 0 || i + 1 == LIST_LEN(m))
            fprintf(stdout, "%s\n", s);
        else
            fprintf(stdout, "%-*s", (int)width, s);
    }
    fflush(stdout);
    err_clear();
}

static unsigned char
repl_tab(EditLine *el, int ch)
{
    (void)ch;
    static const char delims[] = " \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?";
    const LineInfo *li = el_line(el);
    const char *start = li->cursor;
    while (start > li->buffer && !strchr(delims, start[-1]))
        start--;
    size_t wlen = (size_t)(li->cursor - start);
    if (wlen == 0) {
        el_insertstr(el, "    ");
        return CC_REFRESH;
    }
    char *word = strndup(start, wlen);
    if (!word)
        return CC_ERROR;
    Object *m = completion_matches(word);
    unsigned char rc = CC_ERROR;
    if (m && LIST_LEN(m) > 0) {
        /* the longest common prefix of the matches */
        ssize_t n0;
        const char *first = str_as_utf8(LIST_GET(m, 0), &n0);
        size_t common = first ? (size_t)n0 : 0;
        for (ssize_t i = 1; first && i < LIST_LEN(m); i++) {
            ssize_t n;
            const char *s = str_as_utf8(LIST_GET(m, i), &n);
            size_t k = 0;
            while (s && k < common && k < (size_t)n && s[k] == first[k])
                k++;
            common = k;
        }
        if (first && common > wlen) {
            char *ins = strndup(first, common);
            if (ins) {
                el_deletestr(el, (int)wlen);
                el_insertstr(el, ins);
                free(ins);
                rc = CC_REFRESH;
            }
        } else if (LIST_LEN(m) > 1) {
            show_matches(m);
            rc = CC_REDISPLAY;
        }
    }
    xdecref(m);
    err_clear();
    free(word);
    return rc;
}

/* Make the terminal's text UTF-8 for libedit (PEP 538 coerces the C locale the same way). */
static void
tty_locale(void)
{
    if (!setlocale(LC_CTYPE, "") || strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
        setlocale(LC_CTYPE, "C.UTF-8");
}

static int
tty_init(void)
{
    tty_locale();
    R.el = el_init("pyheap", stdin, stdout, stderr);
    if (!R.el)
        return -1;
    HistEvent ev;
    R.hist = history_init();
    if (R.hist) {
        history(R.hist, &ev, H_SETSIZE, HISTORY_SIZE);
        history(R.hist, &ev, H_SETUNIQUE, 1);
        el_set(R.el, EL_HIST, history, R.hist);
    }
    el_set(R.el, EL_EDITOR, "emacs");
    el_set(R.el, EL_PROMPT, tty_prompt);
    el_set(R.el, EL_GETCFN, tty_getc);
    el_set(R.el, EL_ADDFN, "pyheap-complete", "indent, or complete a name", repl_tab);
    el_set(R.el, EL_BIND, "^I", "pyheap-complete", NULL);
    el_source(R.el, NULL);              /* ~/.editrc, as every libedit program */
    const char *home = getenv("HOME");
    R.histfile[0] = 0;
    if (home && *home &&
        (size_t)snprintf(R.histfile, sizeof R.histfile, "%s/%s", home, HISTORY_FILE) <
            sizeof R.histfile) {
        if (R.hist)
            history(R.hist, &ev, H_LOAD, R.histfile);
    } else {
        R.histfile[0] = 0;
    }
    return 0;
}

static void
tty_fini(void)
{
    HistEvent ev;
    if (R.hist && R.histfile[0])
        history(R.hist, &ev, H_SAVE, R.histfile);
    if (R.el)
        el_end(R.el);
    if (R.hist)
        history_end(R.hist);
    R.el = NULL;
    R.hist = NULL;
    free(R.prompt);
    R.prompt = NULL;
}

static char *
tty_read_line(const char *prompt, int *interrupted)
{
    file_flush_stdout();
    fflush(stderr);
    free(R.prompt);
    R.prompt = strdup(prompt);
    rt.sigint_pending = 0;
    int count = 0;
    const char *line = el_gets(R.el, &count);
    if (rt.sigint_pending) {
        rt.sigint_pending = 0;
        *interrupted = 1;
        return NULL;
    }
    if (!line || count <= 0)
        return NULL;
    size_t n = strlen(line);
    if (n && line[n - 1] == '\n')
        n--;
    char *r = strndup(line, n);
    if (r && n && R.hist) {
        HistEvent ev;
        history(R.hist, &ev, H_ENTER, r);
    }
    return r;
}

/* ------------------------------------------------------------------ the loop */

/* Compile and run one parsed statement: 0, or -1 with the exception pending.  The code
** object is gone when it returns (run_mod), the caller then frees the AST arena and only
** then reports the exception (PyRun_InteractiveOneObjectEx). */
static int
run_unit(Mod *mod, const char *src, size_t len, Arena *arena, long first_line)
{
    /* PyImport_AddModuleObject("__main__") makes and drops a weak reference (80 bytes) */
    heap_free(heap_alloc(80));
    gc_count_transient_alloc();
    Object *code = compile_mod_with(mod, R.filename, PARSE_SINGLE, src, len, arena);
    if (code && compare_unit_hook)
        compare_unit_hook(code, first_line);
    Object *r = code ? vm_run_module_code(code, R.globals) : NULL;
    xdecref(code);
    xdecref(r);
    return r ? 0 : -1;
}

/* After a statement: the exception it left, if any, then flush_io().  1 = stop. */
static int
statement_done(int rc, int *status)
{
    int stop = rc < 0 ? main_report_exception(1, status) : 0;
    file_flush_stdout();
    fflush(stderr);
    return stop;
}

/* Parse what has been typed; runs it when complete.  Returns 1 to stop the loop, 0 when
** the statement is done (run or reported), -1 when more lines are needed.  At end of
** input ('at_eof') an unfinished statement is closed the way the tokenizer does at EOF. */
/* The probe's arena goes back to the side heap it came from (its list object to the side
** mode's free list). */
static void
arena_free_side(Arena *arena)
{
    heap_side_enter();
    arena_free(arena);
    heap_side_leave();
}

static int
try_statement(const char *buf, size_t len, long first_line, int at_eof, int *status)
{
    /* Whether the statement is complete is found out with the heap on the side (the
    ** probe's blocks come from malloc); a complete one is parsed again for real, with
    ** CPython's tokenizer traffic for reading its lines (docs/DESIGN.md, "Parser and
    ** compiler heap traffic"). */
    heap_side_enter();
    Arena *arena = arena_new();
    ParseResult pr = arena ? parse_source(buf, len, "<stdin>", PARSE_SINGLE, arena)
                           : (ParseResult){NULL, 0};
    heap_side_leave();
    if (!arena)
        return main_report_exception(1, status);
    int probe = 1;
    if (!pr.mod && !pr.incomplete) {
        /* a syntax error: CPython's parse makes its exception in the pools, so does the
        ** real parse */
        heap_side_enter();
        err_clear();
        heap_side_leave();
    }
    if (pr.mod || !pr.incomplete) {
        arena_free_side(arena);
        probe = 0;
        arena = arena_new();
        if (!arena)
            return main_report_exception(1, status);
        parse_model_lines = 1;
        pr = parse_source(buf, len, "<stdin>", PARSE_SINGLE, arena);
        parse_model_lines = 0;
    } else {
        heap_side_enter();
        err_clear();        /* incomplete: the probe's exception goes where it came from */
        heap_side_leave();
    }
    if (!pr.mod && pr.incomplete && at_eof) {
        /* EOF ends an open block like a blank line; anything else left open (a bracket,
        ** a string, a backslash, a header without a body) gets the error the module
        ** parser gives at end of file, at the same position */
        arena_free_side(arena);
        arena = arena_new();
        char *b2 = malloc(len + 2);
        if (!arena || !b2) {
            free(b2);
            if (arena)
                arena_free(arena);
            err_no_memory();
            return main_report_exception(1, status);
        }
        memcpy(b2, buf, len);
        b2[len] = '\n';
        b2[len + 1] = 0;
        pr = parse_source(b2, len + 1, "<stdin>", PARSE_SINGLE, arena);
        if (!pr.mod) {
            Object *single_err = err_fetch();
            arena_free(arena);
            arena = arena_new();
            pr = arena ? parse_source(buf, len, "<stdin>", PARSE_FILE, arena)
                       : (ParseResult){NULL, 0};
            if (pr.mod) {
                pr.mod = NULL;
                err_restore(single_err);
            } else {
                xdecref(single_err);
            }
        }
        int rc = pr.mod ? run_unit(pr.mod, b2, len + 1, arena, first_line) : -1;
        free(b2);
        if (arena)
            arena_free(arena);
        return statement_done(rc, status);
    }
    if (!pr.mod && pr.incomplete) {
        arena_free_side(arena);
        return -1;
    }
    int rc = pr.mod ? run_unit(pr.mod, buf, len, arena, first_line) : -1;
    if (probe)
        arena_free_side(arena);
    else
        arena_free(arena);
    return statement_done(rc, status);
}

/* End of input ends the line the prompt was on: CPython writes that "\n" to sys.stderr
** (to the C stream when sys.stderr is None or broken). */
static void
eof_newline(void)
{
    file_flush_stdout();
    Object *f = rt.sys_dict ? dict_getitem_str(rt.sys_dict, "stderr") : NULL;
    if (f && f != None) {
        incref(f);
        int r = file_write_cstr(f, "\n");
        Object *res = r == 0 ? obj_call_method(f, "flush", NULL, 0) : NULL;
        xdecref(res);
        decref(f);
        err_clear();
        if (r == 0)
            return;
    }
    fputc('\n', stderr);
    fflush(stderr);
}

static void
report_interrupt(int *status)
{
    file_flush_stdout();
    fputc('\n', R.tty ? stdout : stderr);
    fflush(R.tty ? stdout : stderr);
    err_set_object(exc_KeyboardInterrupt, NULL);
    main_report_exception(1, status);
}

int
repl_run(Object *g, const unsigned short *pool_shape)
{
    memset((void *)&R, 0, sizeof R);
    R.globals = g;
    R.tty = isatty(0) && isatty(1);
    struct sigaction sa, old_int, old_winch;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_sigint;          /* no SA_RESTART: read() must see EINTR */
    sigaction(SIGINT, &sa, &old_int);
    sa.sa_handler = on_sigwinch;
    sigaction(SIGWINCH, &sa, &old_winch);
    /* sys.ps1 / sys.ps2 are created when missing, once (PyRun_InteractiveLoopFlags) */
    const char *names[2] = {"ps1", "ps2"}, *dflt[2] = {">>> ", "... "};
    for (int i = 0; i < 2; i++) {
        if (rt.sys_dict && !dict_getitem_str(rt.sys_dict, names[i])) {
            Object *p = str_from_cstr(dflt[i]);
            if (p)
                dict_setitem_str(rt.sys_dict, names[i], p);
            xdecref(p);
        }
    }
    err_clear();
    R.filename = str_from_cstr("<stdin>");
    if (!R.filename) {
        err_clear();
        return 1;
    }
    if (R.tty && tty_init() < 0)
        R.tty = 0;
    /* the pools as CPython's first PyRun_InteractiveOneObjectEx finds them */
    if (pool_shape && heap_shape(pool_shape) < 0)
        err_clear();

    char *buf = NULL;
    size_t len = 0, cap = 0;
    long first_line = 0;
    int status = 0, stop = 0;
    char *ps1 = NULL, *ps2 = NULL;
    while (!stop) {
        if (len == 0) {
            /* both prompts are looked up when a statement starts */
            free(ps1);
            free(ps2);
            ps1 = prompt_text(ID(ps1));
            ps2 = prompt_text(ID(ps2));
            first_line = R.lines_read + 1;
        }
        const char *prompt = len == 0 ? ps1 : ps2;
        int interrupted = 0;
        char *line = R.tty ? tty_read_line(prompt, &interrupted)
                           : plain_read_line(prompt, &interrupted);
        if (interrupted) {
            report_interrupt(&status);
            len = 0;
            continue;
        }
        if (!line) {
            eof_newline();
            if (len == 0)
                break;
            stop = try_statement(buf, len, first_line, 1, &status) == 1;
            len = 0;
            continue;
        }
        R.lines_read++;
        size_t n = strlen(line);
        if (len + n + 2 > cap) {
            size_t ncap = (len + n + 2) * 2;
            char *nb = realloc(buf, ncap);
            if (!nb) {
                free(line);
                err_no_memory();
                stop = main_report_exception(1, &status);
                len = 0;
                continue;
            }
            buf = nb;
            cap = ncap;
        }
        memcpy(buf + len, line, n);
        len += n;
        buf[len++] = '\n';
        buf[len] = 0;
        free(line);
        int r = try_statement(buf, len, first_line, 0, &status);
        if (r >= 0) {
            stop = r;
            len = 0;
        }
    }
    if (!stop)
        status = 0;
    free(ps1);
    free(ps2);
    free(buf);
    if (R.tty)
        tty_fini();
    xdecref(R.completer);
    R.completer = NULL;
    decref(R.filename);
    R.filename = NULL;
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGWINCH, &old_winch, NULL);
    return status;
}
