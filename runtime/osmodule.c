/*
** osmodule.c -- a small 'os' builtin module: the file-system calls scripts use to manage
** their own files (getcwd, listdir, mkdir, rmdir, remove/unlink, rename, getpid, getenv)
** and the constants name/sep/linesep/curdir/pardir, plus 'os.path' (CPython's posixpath)
** with exists, isfile, isdir, getsize, join, basename, dirname, split, splitext, isabs,
** normpath, abspath.  Errors are CPython's: an
** OSError subclass chosen by errno (FileNotFoundError...) carrying errno, strerror and the
** file name(s), "[Errno 2] No such file or directory: 'x'".
**
** Paths are str (UTF-8) or bytes; functions that return names return the same type as
** their argument, as CPython's do.  Not provided: environ, stat, walk, the process and
** descriptor functions, and the rest of os.path.
*/
#include "modules.h"
#include "object.h"
#include "buf.h"
#include "heap.h"
#include "error.h"
#include "intobject.h"
#include "strobject.h"
#include "bytesobject.h"
#include "tupleobject.h"
#include "listobject.h"
#include "dictobject.h"
#include "state.h"
#include "exceptions.h"
#include "methodobject.h"
#include "moduleobject.h"
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
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
        return exc_set_from_errno(errno, NULL, NULL);
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
        return exc_set_from_errno(errno, path, NULL);
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
    if (arg_parse_clinic("mkdir", args, (size_t)nargs, kwnames, names, 0, 0, 1, v) < 0)
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
        return exc_set_from_errno(errno, v[0], NULL);
    return newref(None);
}

static Object *
os_rename(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"src", "dst", NULL};
    Object *v[2];
    if (arg_parse_clinic("rename", args, (size_t)nargs, kwnames, names, 0, 0, 2, v) < 0)
        return NULL;
    const char *src, *dst;
    if (os_path_arg("rename", v[0], &src) < 0 || os_path_arg("rename", v[1], &dst) < 0)
        return NULL;
    if (rename(src, dst) < 0)
        return exc_set_from_errno(errno, v[0], v[1]);
    return newref(None);
}

static Object *
os_listdir(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"path", NULL};
    Object *v[1];
    if (arg_parse_clinic("listdir", args, (size_t)nargs, kwnames, names, 0, 0, 0, v) < 0)
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
            exc_set_from_errno(e, shown, NULL);
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

/* getenv(key, default=None): os.environ.get(key, default); a key that is not a str is
** the TypeError of os.environ's encodekey. */
static Object *
os_getenv(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"key", "default", NULL};
    Object *v[2];
    if (arg_parse("getenv", args, (size_t)nargs, kwnames, names, 0, 0, 1, v) < 0)
        return NULL;
    if (!STR_CHECK(v[0]))
        return err_format(exc_TypeError, "str expected, not %s", TYPE(v[0])->name);
    ssize_t n;
    const char *k = str_as_utf8(v[0], &n);
    if (!k)
        return NULL;
    const char *val = (ssize_t)strlen(k) == n ? getenv(k) : NULL;
    if (val)
        return str_from_cstr(val);
    return newref(v[1] ? v[1] : None);
}

static const MethodDef os_methods[] = {
    {"getenv", os_getenv, METH_VARARGS | METH_KEYWORDS,
     "Get an environment variable, return None if it doesn't exist."},
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

/* The UTF-8 text of a path argument (a str), or NULL with TypeError set. */
static const char *
path_utf8(Object *o, ssize_t *n)
{
    return path_check_str(o) < 0 ? NULL : str_as_utf8(o, n);
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

/* normpath(p), posixpath's algorithm: drop empty and '.' components, let '..' remove
** the one before it (not past the root, kept at the start of a relative path), keep
** one or two leading slashes (three or more become one); "" becomes ".". */
static Object *
path_normpath_str(const char *s, ssize_t n)
{
    if (n == 0)
        return str_from_cstr(".");
    int initial = 0;
    if (s[0] == '/')
        initial = n >= 2 && s[1] == '/' && !(n >= 3 && s[2] == '/') ? 2 : 1;
    /* components as (start, length) pairs, at most n/2 + 1 of them */
    ssize_t *comp = heap_alloc(sizeof(ssize_t) * 2 * (size_t)(n / 2 + 2));
    if (!comp)
        return err_no_memory();
    ssize_t nc = 0;
    for (ssize_t i = 0; i <= n;) {
        ssize_t j = i;
        while (j < n && s[j] != '/')
            j++;
        ssize_t len = j - i;
        int dot = len == 1 && s[i] == '.';
        int dotdot = len == 2 && s[i] == '.' && s[i + 1] == '.';
        if (len > 0 && !dot) {
            int last_dotdot = nc > 0 && comp[2 * nc - 1] == 2 && s[comp[2 * nc - 2]] == '.' &&
                              s[comp[2 * nc - 2] + 1] == '.';
            if (!dotdot || (!initial && nc == 0) || last_dotdot) {
                comp[2 * nc] = i;
                comp[2 * nc + 1] = len;
                nc++;
            } else if (nc > 0) {
                nc--;
            }
        }
        i = j + 1;
    }
    Buf b;
    buf_init(&b);
    int rc = 0;
    for (int k = 0; k < initial; k++)
        rc |= buf_putc(&b, '/');
    for (ssize_t k = 0; k < nc; k++) {
        if (k > 0)
            rc |= buf_putc(&b, '/');
        rc |= buf_append(&b, s + comp[2 * k], (size_t)comp[2 * k + 1]);
    }
    heap_free(comp);
    Object *r = NULL;
    if (rc == 0)
        r = b.len ? str_from_utf8(b.data, (ssize_t)b.len) : str_from_cstr(".");
    buf_free(&b);
    return r;
}

static Object *
path_normpath(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    ssize_t n;
    const char *s = path_utf8(args[0], &n);
    return s ? path_normpath_str(s, n) : NULL;
}

/* abspath(p): normpath(join(os.getcwd(), p)) for a relative p. */
static Object *
path_abspath(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    ssize_t n;
    const char *s = path_utf8(args[0], &n);
    if (!s)
        return NULL;
    if (n > 0 && s[0] == '/')
        return path_normpath_str(s, n);
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        return exc_set_from_errno(errno, NULL, NULL);
    Buf b;
    buf_init(&b);
    size_t cl = strlen(cwd);
    int rc = buf_append(&b, cwd, cl);
    if (n > 0 && (cl == 0 || cwd[cl - 1] != '/'))
        rc |= buf_putc(&b, '/');
    rc |= buf_append(&b, s, (size_t)n);
    Object *r = rc == 0 ? path_normpath_str(b.data, (ssize_t)b.len) : NULL;
    buf_free(&b);
    return r;
}

static Object *
path_isabs(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    ssize_t n;
    const char *s = path_utf8(args[0], &n);
    return s ? bool_from(n > 0 && s[0] == '/') : NULL;
}

/* splitext(p) -> (root, ext): ext from the last '.' of the last component, unless only
** dots precede it there (".bashrc" has no extension), as genericpath._splitext. */
static Object *
path_splitext(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    ssize_t n;
    const char *s = path_utf8(args[0], &n);
    if (!s)
        return NULL;
    ssize_t sep = -1, dot = -1;
    for (ssize_t i = 0; i < n; i++) {
        if (s[i] == '/')
            sep = i;
        else if (s[i] == '.')
            dot = i;
    }
    ssize_t cut = n;
    if (dot > sep)
        for (ssize_t i = sep + 1; i < dot; i++)
            if (s[i] != '.') {
                cut = dot;
                break;
            }
    Object *root = str_from_utf8(s, cut), *ext = str_from_utf8(s + cut, n - cut);
    Object *r = root && ext ? tuple_pack(2, root, ext) : NULL;
    xdecref(root);
    xdecref(ext);
    return r;
}

/* getsize(p): os.stat(p).st_size. */
static Object *
path_getsize(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    const char *p;
    struct stat st;
    if (!STR_CHECK(args[0]) && !BYTES_CHECK(args[0]))
        return err_format(exc_TypeError,
                          "stat: path should be string, bytes, os.PathLike or integer, not %s",
                          TYPE(args[0])->name);
    if (os_path_arg("stat", args[0], &p) < 0)
        return NULL;
    if (stat(p, &st) < 0)
        return exc_set_from_errno(errno, args[0], NULL);
    return int_from_ssize((ssize_t)st.st_size);
}

static const MethodDef path_methods[] = {
    {"normpath", path_normpath, METH_O, "Normalize path, eliminating double slashes, etc."},
    {"abspath", path_abspath, METH_O, "Return an absolute path."},
    {"isabs", path_isabs, METH_O, "Test whether a path is absolute"},
    {"splitext", path_splitext, METH_O, "Split the extension from a pathname."},
    {"getsize", path_getsize, METH_O, "Return the size of a file, reported by os.stat()."},
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
    /* os.py's sys.modules['os.path'] = path: `import os.path` finds it there */
    if (rt.modules) {
        Object *key = str_from_cstr("os.path");
        int r = key ? dict_setitem(rt.modules, key, path) : -1;
        xdecref(key);
        if (r < 0)
            goto error;
    }
    decref(path);
    return m;
error:
    xdecref(path);
    xdecref(m);
    return NULL;
}
