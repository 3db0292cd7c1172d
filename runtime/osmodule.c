/*
** osmodule.c -- a small 'os' builtin module: the file-system calls scripts use to manage
** their own files (getcwd, listdir, mkdir, rmdir, remove/unlink, rename, getpid) and the
** constants name/sep/linesep/curdir/pardir, plus 'os.path' (CPython's posixpath) with
** exists, isfile, isdir, join, basename, dirname, split.  Errors are CPython's: an
** OSError subclass chosen by errno (FileNotFoundError...) carrying errno, strerror and the
** file name(s), "[Errno 2] No such file or directory: 'x'".
**
** Paths are str (UTF-8) or bytes; functions that return names return the same type as
** their argument, as CPython's do.  Not provided: environ, stat, walk, the process and
** descriptor functions, and the rest of os.path.
*/
#include "modules.h"
#include "object.h"
#include "error.h"
#include "intobject.h"
#include "strobject.h"
#include "bytesobject.h"
#include "tupleobject.h"
#include "listobject.h"
#include "exceptions.h"
#include "methodobject.h"
#include "moduleobject.h"
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A path argument as a NUL-terminated C string (borrowed from 'o').  -1 + TypeError
** ("fname: path should be ...") or ValueError for an embedded NUL. */
static int
os_path_arg(const char *fname, Object *o, const char **out)
{
    ssize_t n;
    const char *s;
    if (STR_CHECK(o)) {
        s = str_as_utf8(o, &n);
        if (!s)
            return -1;
    } else if (BYTES_CHECK(o)) {
        s = BYTES_DATA(o);
        n = BYTES_LEN(o);
    } else {
        err_format(exc_TypeError, "%s: path should be string, bytes or os.PathLike, not %s",
                   fname, TYPE(o)->name);
        return -1;
    }
    if ((ssize_t)strlen(s) != n) {
        err_set(exc_ValueError, "embedded null byte");
        return -1;
    }
    *out = s;
    return 0;
}

/* Raise the OSError subclass for errno 'e' with the file name(s), as CPython's
** PyErr_SetFromErrnoWithFilenameObjects.  Returns NULL. */
static Object *
os_error(int e, Object *file, Object *file2)
{
    Object *en = int_from_long(e), *es = str_from_cstr(strerror(e));
    Object *a = NULL;
    if (en && es)
        a = file2 ? tuple_pack(5, en, es, file, None, file2) : tuple_pack(3, en, es, file);
    xdecref(en);
    xdecref(es);
    if (!a)
        return NULL;
    Object *x = exc_new(exc_OSError, a);
    decref(a);
    if (x) {
        err_set_exc(x);
        decref(x);
    }
    return NULL;
}

static Object *
os_getpid(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return int_from_long((long)getpid());
}

static Object *
os_getcwd(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    char buf[PATH_MAX];
    if (!getcwd(buf, sizeof buf))
        return os_error(errno, NULL, NULL);
    return str_from_cstr(buf);
}

/* remove(path) / unlink(path) / rmdir(path): one path, a call returning -1 on error. */
static Object *
os_path_call(const char *fname, Object *path, int (*fn)(const char *))
{
    const char *p;
    if (os_path_arg(fname, path, &p) < 0)
        return NULL;
    if (fn(p) < 0)
        return os_error(errno, path, NULL);
    return newref(None);
}

static Object *
os_remove(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return os_path_call("remove", args[0], unlink);
}

static Object *
os_unlink(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return os_path_call("unlink", args[0], unlink);
}

static Object *
os_rmdir(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return os_path_call("rmdir", args[0], rmdir);
}

static Object *
os_mkdir(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"path", "mode", NULL};
    Object *v[2];
    if (arg_parse("mkdir", args, (size_t)nargs, kwnames, names, 0, 0, 1, v) < 0)
        return NULL;
    long mode = 0777;
    if (v[1]) {
        mode = int_as_long(v[1]);
        if (mode == -1 && err_occurred())
            return NULL;
    }
    const char *p;
    if (os_path_arg("mkdir", v[0], &p) < 0)
        return NULL;
    if (mkdir(p, (mode_t)mode) < 0)
        return os_error(errno, v[0], NULL);
    return newref(None);
}

static Object *
os_rename(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"src", "dst", NULL};
    Object *v[2];
    if (arg_parse("rename", args, (size_t)nargs, kwnames, names, 0, 0, 2, v) < 0)
        return NULL;
    const char *src, *dst;
    if (os_path_arg("rename", v[0], &src) < 0 || os_path_arg("rename", v[1], &dst) < 0)
        return NULL;
    if (rename(src, dst) < 0)
        return os_error(errno, v[0], v[1]);
    return newref(None);
}

static Object *
os_listdir(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"path", NULL};
    Object *v[1];
    if (arg_parse("listdir", args, (size_t)nargs, kwnames, names, 0, 0, 0, v) < 0)
        return NULL;
    Object *path = v[0] && v[0] != None ? v[0] : NULL;
    const char *p = ".";
    if (path && os_path_arg("listdir", path, &p) < 0)
        return NULL;
    int as_bytes = path && BYTES_CHECK(path);
    DIR *d = opendir(p);
    if (!d) {
        int e = errno;
        Object *shown = path ? newref(path) : str_from_cstr(".");
        if (shown)
            os_error(e, shown, NULL);
        xdecref(shown);
        return NULL;
    }
    Object *list = list_new(0);
    struct dirent *ent;
    while (list && (ent = readdir(d)) != NULL) {
        const char *n = ent->d_name;
        if (strcmp(n, ".") == 0 || strcmp(n, "..") == 0)
            continue;
        Object *name = as_bytes ? bytes_from_buf(n, (ssize_t)strlen(n)) : str_from_cstr(n);
        if (!name || list_append_take(list, name) < 0)
            CLEAR(list);
    }
    closedir(d);
    return list;
}

static const MethodDef os_methods[] = {
    {"getpid", os_getpid, METH_NOARGS, "Return the current process id."},
    {"getcwd", os_getcwd, METH_NOARGS,
     "Return a unicode string representing the current working directory."},
    {"remove", os_remove, METH_O, "Remove a file (same as unlink())."},
    {"unlink", os_unlink, METH_O, "Remove a file (same as remove())."},
    {"rmdir", os_rmdir, METH_O, "Remove a directory."},
    {"mkdir", os_mkdir, METH_VARARGS | METH_KEYWORDS, "Create a directory."},
    {"rename", os_rename, METH_VARARGS | METH_KEYWORDS, "Rename a file or directory."},
    {"listdir", os_listdir, METH_VARARGS | METH_KEYWORDS,
     "Return a list containing the names of the files in the directory."},
    {NULL, NULL, 0, NULL},
};

/* ================================================================ os.path (posixpath) */

/* exists/isfile/isdir: stat() the path; False on any OSError or ValueError. */
static Object *
path_test(Object *arg, int what)
{
    struct stat st;
    if (INT_CHECK(arg)) {
        long fd = int_as_long(arg);
        if (fd == -1 && err_occurred())
            return NULL;
        if (fd < INT_MIN || fd > INT_MAX || fstat((int)fd, &st) < 0)
            return bool_from(0);
    } else {
        const char *p;
        if (!STR_CHECK(arg) && !BYTES_CHECK(arg))
            return err_format(exc_TypeError,
                              "stat: path should be string, bytes, os.PathLike or integer, "
                              "not %s",
                              TYPE(arg)->name);
        if (os_path_arg("stat", arg, &p) < 0) {
            err_clear();        /* embedded NUL: ValueError means "does not exist" */
            return bool_from(0);
        }
        if (stat(p, &st) < 0)
            return bool_from(0);
    }
    if (what == 1)
        return bool_from(S_ISREG(st.st_mode));
    if (what == 2)
        return bool_from(S_ISDIR(st.st_mode));
    return bool_from(1);
}

static Object *
path_exists(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return path_test(args[0], 0);
}

static Object *
path_isfile(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return path_test(args[0], 1);
}

static Object *
path_isdir(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return path_test(args[0], 2);
}

static int
path_check_str(Object *o)
{
    if (STR_CHECK(o))
        return 0;
    err_format(exc_TypeError, "expected str, bytes or os.PathLike object, not %s",
               TYPE(o)->name);
    return -1;
}

/* join(a, *p): an absolute component restarts the path; '/' is added between parts
** unless the path so far is empty or already ends with one. */
static Object *
path_join(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (arg_no_kwargs("join", kwnames) < 0)
        return NULL;
    if (nargs == 0)     /* the message of posixpath.join(a, *p), a Python function */
        return err_set(exc_TypeError, "join() missing 1 required positional argument: 'a'");
    for (ssize_t i = 0; i < nargs; i++)
        if (!STR_CHECK(args[i]))
            return err_format(exc_TypeError,
                              "expected str, bytes or os.PathLike object, not %s",
                              TYPE(args[i])->name);
    Object *path = newref(args[0]);
    for (ssize_t i = 1; i < nargs && path; i++) {
        ssize_t bn, pn;
        const char *b = str_as_utf8(args[i], &bn);
        const char *p = str_as_utf8(path, &pn);
        if (!b || !p) {
            CLEAR(path);
            break;
        }
        if (bn > 0 && b[0] == '/')
            SETREF(path, newref(args[i]));
        else if (pn == 0 || p[pn - 1] == '/')
            SETREF(path, str_from_format("%U%U", path, args[i]));
        else
            SETREF(path, str_from_format("%U/%U", path, args[i]));
    }
    return path;
}

/* split(p) -> (head, tail) as posixpath.split: tail after the last '/', head with its
** trailing slashes removed unless it is all slashes. */
static Object *
path_split_impl(Object *arg, int which)
{
    if (path_check_str(arg) < 0)
        return NULL;
    ssize_t n;
    const char *s = str_as_utf8(arg, &n);
    if (!s)
        return NULL;
    ssize_t i = n;
    while (i > 0 && s[i - 1] != '/')
        i--;
    Object *tail = which != 1 ? str_from_utf8(s + i, n - i) : NULL;
    if (which == 2)
        return tail;
    ssize_t h = i;
    int all_slashes = 1;
    for (ssize_t k = 0; k < h; k++)
        if (s[k] != '/')
            all_slashes = 0;
    if (h > 0 && !all_slashes)
        while (h > 0 && s[h - 1] == '/')
            h--;
    Object *head = str_from_utf8(s, h);
    if (which == 1)
        return head;
    Object *r = head && tail ? tuple_pack(2, head, tail) : NULL;
    xdecref(head);
    xdecref(tail);
    return r;
}

static Object *
path_split(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return path_split_impl(args[0], 0);
}

static Object *
path_dirname(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return path_split_impl(args[0], 1);
}

static Object *
path_basename(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return path_split_impl(args[0], 2);
}

static const MethodDef path_methods[] = {
    {"exists", path_exists, METH_O, "Test whether a path exists."},
    {"isfile", path_isfile, METH_O, "Test whether a path is a regular file"},
    {"isdir", path_isdir, METH_O, "Return true if the pathname refers to an existing directory."},
    {"join", path_join, METH_VARARGS, "Join two or more pathname components."},
    {"split", path_split, METH_O, "Split a pathname into (head, tail)."},
    {"dirname", path_dirname, METH_O, "Returns the directory component of a pathname"},
    {"basename", path_basename, METH_O, "Returns the final component of a pathname"},
    {NULL, NULL, 0, NULL},
};

static int
os_add_str(Object *m, const char *name, const char *v)
{
    Object *s = str_from_cstr(v);
    if (!s)
        return -1;
    int r = module_add_object(m, name, s);
    decref(s);
    return r;
}

/* Build a new 'os' module with its 'path' submodule.  New reference. */
Object *
osmodule_init(void)
{
    Object *m = module_new("os");
    Object *path = module_new("posixpath");
    if (!m || !path)
        goto error;
    if (module_add_functions(m, os_methods) < 0 || module_add_functions(path, path_methods) < 0 ||
        os_add_str(m, "name", "posix") < 0 || os_add_str(m, "sep", "/") < 0 ||
        os_add_str(m, "linesep", "\n") < 0 || os_add_str(m, "curdir", ".") < 0 ||
        os_add_str(m, "pardir", "..") < 0 || os_add_str(path, "sep", "/") < 0 ||
        module_add_object(m, "error", (Object *)exc_OSError) < 0 ||
        module_add_object(m, "path", path) < 0)
        goto error;
    decref(path);
    return m;
error:
    xdecref(path);
    xdecref(m);
    return NULL;
}
