/*
** report.c -- reporting an uncaught exception as CPython's PyErr_Print does: SystemExit
** becomes an exit status (its message printed when it is not an int), anything else goes
** through sys.excepthook (with "Error in sys.excepthook" when the hook itself fails), and
** the REPL records sys.last_type/last_value/last_traceback.  Shared by main.c, repl.c and
** compare.c, so it lives in the library.
*/
#include "interp/main.h"
#include "runtime/error.h"
#include "runtime/state.h"
#include "runtime/intobject.h"
#include "runtime/strobject.h"
#include "runtime/dictobject.h"
#include "runtime/exceptions.h"
#include "runtime/fileobject.h"
#include "runtime/traceback.h"
#include <stdio.h>

int main_died_of_sigint;

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
    main_died_of_sigint = !rt.interactive && obj_type_check(exc, exc_KeyboardInterrupt);
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

