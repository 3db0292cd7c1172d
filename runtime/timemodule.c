/*
** timemodule.c -- the 'time' builtin module: clocks (time, monotonic, perf_counter,
** process_time, thread_time and their _ns variants), sleep, and the calendar functions
** gmtime, localtime, mktime, asctime, ctime, strftime with the struct_time type, as
** CPython 3.11's Modules/timemodule.c on Linux (same argument conversions, messages and
** rounding).  Not provided: strptime (needs the _strptime Python module), tzset,
** clock_settime, clock_getres, get_clock_info, pthread_getcpuclockid.
**
** Time values are int64 nanoseconds internally (CPython's _PyTime_t); a float result is
** made the way _PyTime_AsSecondsDouble does it (exact seconds are converted directly,
** otherwise ns / 1e9), so the float clocks round as CPython's do.
**
** struct_time is a static subtype of tuple laid out like CPython's structseq: 11 item
** slots of which the first 9 are the visible tuple (SIZE == 9: len, indexing, hashing,
** comparison and iteration are tuple's own) and the last two, tm_zone and tm_gmtoff,
** are reachable only as attributes.  Because tuple code only knows about SIZE items,
** struct_time has its own dealloc and traverse covering all 11.
**
** sleep is interruptible: the SIGINT handler sets rt.sigint_pending and the interrupted
** clock_nanosleep returns EINTR; sleep then raises KeyboardInterrupt (any other signal
** just resumes the sleep towards the same absolute deadline).
*/
#include "modules.h"
#include "object.h"
#include "error.h"
#include "state.h"
#include "gc.h"
#include "intobject.h"
#include "floatobject.h"
#include "tupleobject.h"
#include "strobject.h"
#include "dictobject.h"
#include "typeobject.h"
#include "methodobject.h"
#include "moduleobject.h"
#include <errno.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>


#define SEC_TO_NS 1000000000LL
typedef int64_t timens_t;

/* ================================================================ conversions */

static Object *
time_overflow_time_t(void)
{
    return err_set(exc_OverflowError, "timestamp out of range for platform time_t");
}

static Object *
time_overflow_pytime(void)
{
    return err_set(exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
}

/* OSError(errno, strerror(errno)). */
static Object *
time_oserror(int e)
{
    Object *code = int_from_long(e);
    Object *msg = str_from_cstr(strerror(e));
    Object *args = code && msg ? tuple_pack(2, code, msg) : NULL;
    xdecref(code);
    xdecref(msg);
    if (!args)
        return NULL;
    err_set_object(exc_OSError, args);
    decref(args);
    return NULL;
}

/* _PyTime_AsSecondsDouble */
static Object *
time_float_from_ns(timens_t t)
{
    volatile double d;
    if (t % SEC_TO_NS == 0) {
        d = (double)(t / SEC_TO_NS);
    } else {
        d = (double)t;
        d /= 1e9;
    }
    return float_from_double(d);
}

static int
time_clock_ns(clockid_t clk, timens_t *out)
{
    struct timespec ts;
    if (clock_gettime(clk, &ts) != 0) {
        time_oserror(errno);
        return -1;
    }
    *out = (timens_t)ts.tv_sec * SEC_TO_NS + ts.tv_nsec;
    return 0;
}

/* Seconds object -> ns (CPython's _PyTime_FromSecondsObject): floats are scaled and
** rounded (away from zero if 'round_up', else towards -inf), anything else must be an
** int or have __index__. */
static int
time_seconds_to_ns(Object *obj, int round_up, timens_t *out)
{
    if (FLOAT_CHECK(obj)) {
        volatile double d = FLOAT_VAL(obj);
        if (isnan(d)) {
            err_set(exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        d *= 1e9;
        d = round_up ? (d >= 0.0 ? ceil(d) : floor(d)) : floor(d);
        if (!(-9223372036854775808.0 <= d && d < 9223372036854775808.0)) {
            time_overflow_time_t();
            return -1;
        }
        *out = (timens_t)d;
        return 0;
    }
    Object *i = num_index(obj);
    if (!i)
        return -1;
    int overflow;
    long sec = int_as_long_and_overflow(i, &overflow);
    decref(i);
    if (sec == -1 && err_occurred())
        return -1;
    if (overflow || __builtin_mul_overflow((timens_t)sec, SEC_TO_NS, out)) {
        time_overflow_pytime();
        return -1;
    }
    return 0;
}

/* Seconds object -> time_t rounded towards -inf (_PyTime_ObjectToTime_t). */
static int
time_object_to_time_t(Object *obj, time_t *out)
{
    if (FLOAT_CHECK(obj)) {
        double intpart, d = FLOAT_VAL(obj);
        if (isnan(d)) {
            err_set(exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        d = floor(d);
        (void)modf(d, &intpart);
        if (!(-9223372036854775808.0 <= intpart && intpart < 9223372036854775808.0)) {
            time_overflow_time_t();
            return -1;
        }
        *out = (time_t)intpart;
        return 0;
    }
    Object *i = num_index(obj);
    if (!i)
        return -1;
    int overflow;
    long v = int_as_long_and_overflow(i, &overflow);
    decref(i);
    if (v == -1 && err_occurred())
        return -1;
    if (overflow) {
        time_overflow_time_t();
        return -1;
    }
    *out = (time_t)v;
    return 0;
}

static int
time_localtime_r(time_t t, struct tm *tm)
{
    errno = 0;
    if (localtime_r(&t, tm) == NULL) {
        time_oserror(errno ? errno : EINVAL);
        return -1;
    }
    return 0;
}

static int
time_gmtime_r(time_t t, struct tm *tm)
{
    errno = 0;
    if (gmtime_r(&t, tm) == NULL) {
        time_oserror(errno ? errno : EINVAL);
        return -1;
    }
    return 0;
}

/* ================================================================ struct_time */

#define STRUCT_TIME_VISIBLE 9
#define STRUCT_TIME_FIELDS 11

static const char *const struct_time_names[STRUCT_TIME_FIELDS] = {
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
    "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff",
};

static TypeObject struct_time_type;

static void
struct_time_dealloc(Object *o)
{
    gc_untrack(o);
    for (int i = STRUCT_TIME_FIELDS - 1; i >= 0; i--)
        xdecref(TUPLE_GET(o, i));
    TYPE(o)->free(o);
}

static int
struct_time_traverse(Object *o, visitproc visit, void *arg)
{
    for (int i = 0; i < STRUCT_TIME_FIELDS; i++)
        OBJ_VISIT(TUPLE_GET(o, i));
    return 0;
}

/* A struct_time whose 11 fields are items[] (new references, stolen). */
static Object *
struct_time_new_take(TypeObject *t, Object **items)
{
    Object *o = obj_alloc(t, STRUCT_TIME_FIELDS);
    if (!o) {
        for (int i = 0; i < STRUCT_TIME_FIELDS; i++)
            xdecref(items[i]);
        return NULL;
    }
    SIZE(o) = STRUCT_TIME_VISIBLE;
    for (int i = 0; i < STRUCT_TIME_FIELDS; i++)
        TUPLE_SET(o, i, items[i]);
    gc_track(o);
    return o;
}

static Object *
struct_time_from_tm(const struct tm *p)
{
    Object *items[STRUCT_TIME_FIELDS];
    long vals[STRUCT_TIME_VISIBLE] = {
        (long)p->tm_year + 1900, p->tm_mon + 1, p->tm_mday, p->tm_hour, p->tm_min,
        p->tm_sec, (p->tm_wday + 6) % 7 /* Monday is 0 */, p->tm_yday + 1, p->tm_isdst,
    };
    int ok = 1;
    for (int i = 0; i < STRUCT_TIME_VISIBLE; i++)
        ok &= (items[i] = int_from_long(vals[i])) != NULL;
    ok &= (items[9] = str_from_cstr(p->tm_zone ? p->tm_zone : "")) != NULL;
    ok &= (items[10] = int_from_long(p->tm_gmtoff)) != NULL;
    if (!ok) {
        for (int i = 0; i < STRUCT_TIME_FIELDS; i++)
            xdecref(items[i]);
        return NULL;
    }
    return struct_time_new_take(&struct_time_type, items);
}

/* The fields are read-only members at the item offsets, as CPython's structseq does. */
#define STRUCT_TIME_MEMBER(i, name, doc)                                                 \
    {name, MEMBER_OBJECT, (ssize_t)(offsetof(TupleObject, items) + (i) * sizeof(Object *)),  \
     MEMBER_READONLY, doc}

static const MemberDef struct_time_members[] = {
    STRUCT_TIME_MEMBER(0, "tm_year", "year, for example, 1993"),
    STRUCT_TIME_MEMBER(1, "tm_mon", "month of year, range [1, 12]"),
    STRUCT_TIME_MEMBER(2, "tm_mday", "day of month, range [1, 31]"),
    STRUCT_TIME_MEMBER(3, "tm_hour", "hours, range [0, 23]"),
    STRUCT_TIME_MEMBER(4, "tm_min", "minutes, range [0, 59]"),
    STRUCT_TIME_MEMBER(5, "tm_sec", "seconds, range [0, 61])"),
    STRUCT_TIME_MEMBER(6, "tm_wday", "day of week, range [0, 6], Monday is 0"),
    STRUCT_TIME_MEMBER(7, "tm_yday", "day of year, range [1, 366]"),
    STRUCT_TIME_MEMBER(8, "tm_isdst", "1 if summer time is in effect, 0 if not, and -1 if unknown"),
    STRUCT_TIME_MEMBER(9, "tm_zone", "abbreviation of timezone name"),
    STRUCT_TIME_MEMBER(10, "tm_gmtoff", "offset from UTC in seconds"),
    {NULL, 0, 0, 0, NULL},
};

static Object *
struct_time_repr(Object *o)
{
    StrBuilder b;
    sb_init(&b);
    if (sb_puts(&b, "time.struct_time(") < 0)
        goto error;
    for (int i = 0; i < STRUCT_TIME_VISIBLE; i++) {
        if ((i && sb_puts(&b, ", ") < 0) || sb_puts(&b, struct_time_names[i]) < 0 ||
            sb_putc(&b, '=') < 0 || sb_put_repr(&b, TUPLE_GET(o, i)) < 0)
            goto error;
    }
    if (sb_putc(&b, ')') < 0)
        goto error;
    return sb_finish(&b);
error:
    sb_discard(&b);
    return NULL;
}

/* struct_time(sequence, dict=None): 9 to 11 items; missing ones come from dict (by
** field name) or are None. */
static Object *
struct_time_new(TypeObject *t, Object *args, Object *kwds)
{
    Object *seq = NULL, *dict = NULL, *tup = NULL;
    ssize_t nargs = TUPLE_LEN(args), nkw = kwds ? dict_size(kwds) : 0;
    if (nargs + nkw > 2)
        return err_format(exc_TypeError, "structseq() takes at most 2 arguments (%zd given)",
                          nargs + nkw);
    if (nargs >= 1)
        seq = TUPLE_GET(args, 0);
    if (nargs >= 2)
        dict = TUPLE_GET(args, 1);
    if (kwds) {
        Object *key, *value;
        ssize_t pos = 0;
        while (dict_next(kwds, &pos, &key, &value)) {
            if (str_eq_cstr(key, "sequence") && !seq)
                seq = value;
            else if (str_eq_cstr(key, "dict") && !dict)
                dict = value;
            else if (str_eq_cstr(key, "sequence") || str_eq_cstr(key, "dict"))
                return err_format(exc_TypeError,
                                  "argument for structseq() given by name ('%U') and "
                                  "position (%d)",
                                  key, str_eq_cstr(key, "sequence") ? 1 : 2);
            else if (seq)
                return err_format(exc_TypeError,
                                  "'%U' is an invalid keyword argument for structseq()",
                                  key);
        }
    }
    if (!seq)
        return err_set(exc_TypeError, "structseq() missing required argument 'sequence' "
                                      "(pos 1)");
    if (dict && !DICT_CHECK(dict))
        return err_format(exc_TypeError, "%s() takes a dict as second arg, if any", t->name);
    Object *it = obj_get_iter(seq);
    if (!it) {
        if (err_matches(exc_TypeError)) {
            err_clear();
            err_set(exc_TypeError, "constructor requires a sequence");
        }
        return NULL;
    }
    decref(it);
    tup = tuple_from_iterable(seq);
    if (!tup)
        return NULL;
    ssize_t len = TUPLE_LEN(tup);
    if (len < STRUCT_TIME_VISIBLE || len > STRUCT_TIME_FIELDS) {
        err_format(exc_TypeError, "%s() takes an %s %d-sequence (%zd-sequence given)",
                   t->name, len < STRUCT_TIME_VISIBLE ? "at least" : "at most",
                   len < STRUCT_TIME_VISIBLE ? STRUCT_TIME_VISIBLE : STRUCT_TIME_FIELDS,
                   len);
        decref(tup);
        return NULL;
    }
    Object *items[STRUCT_TIME_FIELDS];
    for (ssize_t i = 0; i < STRUCT_TIME_FIELDS; i++) {
        Object *v = NULL;
        if (i < len)
            v = TUPLE_GET(tup, i);
        else if (dict) {
            v = dict_getitem_str(dict, struct_time_names[i]);
            if (!v && err_occurred()) {
                for (ssize_t j = 0; j < i; j++)
                    decref(items[j]);
                decref(tup);
                return NULL;
            }
        }
        items[i] = newref(v ? v : None);
    }
    decref(tup);
    return struct_time_new_take(t, items);
}

static Object *
struct_time_reduce(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *tup = tuple_from_array(TUPLE_ITEMS(self), STRUCT_TIME_VISIBLE);
    Object *d = dict_new();
    Object *pair = NULL, *r = NULL;
    if (tup && d && dict_setitem_str(d, "tm_zone", TUPLE_GET(self, 9)) == 0 &&
        dict_setitem_str(d, "tm_gmtoff", TUPLE_GET(self, 10)) == 0)
        pair = tuple_pack(2, tup, d);
    if (pair)
        r = tuple_pack(2, (Object *)TYPE(self), pair);
    xdecref(pair);
    xdecref(tup);
    xdecref(d);
    return r;
}

static const MethodDef struct_time_methods[] = {
    {"__reduce__", struct_time_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static TypeObject struct_time_type = {
    .ob_base = {{1, &type_type}, 0},
    .name = "time.struct_time",
    .basicsize = offsetof(TupleObject, items),
    .itemsize = sizeof(Object *),
    .flags = TPFLAG_GC | TPFLAG_TUPLE_SUBCLASS,
    .doc = "The time value as returned by gmtime(), localtime(), and strptime(), and\n"
           " accepted by asctime(), mktime() and strftime().  May be considered as a\n"
           " sequence of 9 integers.\n\n"
           " Note that several fields' values are not the same as those defined by\n"
           " the C language standard for struct tm.  For example, the value of the\n"
           " field tm_year is the actual year, not year - 1900.  See individual\n"
           " fields' descriptions for details.",
    .dealloc = struct_time_dealloc,
    .traverse = struct_time_traverse,
    .repr = struct_time_repr,
    .new_ = struct_time_new,
    .methods = struct_time_methods,
    .members = struct_time_members,
    .base = &tuple_type,
};

/* A time tuple (tuple or struct_time of 9 ints) -> struct tm, as CPython's gettmarg;
** 'what' names the caller in the arity message. */
static int
time_gettmarg(Object *args, struct tm *p, const char *what)
{
    int v[STRUCT_TIME_VISIBLE];
    memset(p, 0, sizeof(*p));
    if (!TUPLE_CHECK(args)) {
        err_set(exc_TypeError, "Tuple or struct_time argument required");
        return -1;
    }
    if (TUPLE_LEN(args) != STRUCT_TIME_VISIBLE) {
        err_format(exc_TypeError, "%s(): illegal time tuple argument", what);
        return -1;
    }
    for (int i = 0; i < STRUCT_TIME_VISIBLE; i++) {
        Object *n = num_index(TUPLE_GET(args, i));
        if (!n)
            return -1;
        int overflow;
        long x = int_as_long_and_overflow(n, &overflow);
        decref(n);
        if (x == -1 && err_occurred())
            return -1;
        if (overflow) {
            err_set(exc_OverflowError, "Python int too large to convert to C long");
            return -1;
        }
        if (x > INT_MAX) {
            err_set(exc_OverflowError, "signed integer is greater than maximum");
            return -1;
        }
        if (x < INT_MIN) {
            err_set(exc_OverflowError, "signed integer is less than minimum");
            return -1;
        }
        v[i] = (int)x;
    }
    if (v[0] < INT_MIN + 1900) {
        err_set(exc_OverflowError, "year out of range");
        return -1;
    }
    p->tm_year = v[0] - 1900;
    p->tm_mon = v[1] - 1;
    p->tm_mday = v[2];
    p->tm_hour = v[3];
    p->tm_min = v[4];
    p->tm_sec = v[5];
    p->tm_wday = (v[6] + 1) % 7;
    p->tm_yday = v[7] - 1;
    p->tm_isdst = v[8];
    if (TYPE(args) == &struct_time_type) {
        Object *zone = TUPLE_GET(args, 9), *off = TUPLE_GET(args, 10);
        if (zone != None) {
            if (!STR_CHECK(zone)) {
                err_format(exc_TypeError, "bad argument type for built-in operation");
                return -1;
            }
            p->tm_zone = str_as_utf8(zone, NULL);    /* lives as long as 'args' */
            if (!p->tm_zone)
                return -1;
        }
        if (off != None) {
            Object *n = num_index(off);
            if (!n)
                return -1;
            p->tm_gmtoff = int_as_long(n);
            decref(n);
            if (p->tm_gmtoff == -1 && err_occurred())
                return -1;
        }
    }
    return 0;
}

/* Range checks before strftime/asctime index tables with the fields; zeros in month,
** day and day of year mean "the first" (CPython's checktm). */
static int
time_checktm(struct tm *buf)
{
    const char *msg = NULL;
    if (buf->tm_mon == -1)
        buf->tm_mon = 0;
    else if (buf->tm_mon < 0 || buf->tm_mon > 11)
        msg = "month out of range";
    if (!msg) {
        if (buf->tm_mday == 0)
            buf->tm_mday = 1;
        else if (buf->tm_mday < 0 || buf->tm_mday > 31)
            msg = "day of month out of range";
    }
    if (!msg && (buf->tm_hour < 0 || buf->tm_hour > 23))
        msg = "hour out of range";
    if (!msg && (buf->tm_min < 0 || buf->tm_min > 59))
        msg = "minute out of range";
    if (!msg && (buf->tm_sec < 0 || buf->tm_sec > 61))
        msg = "seconds out of range";
    if (!msg && buf->tm_wday < 0)
        msg = "day of week out of range";
    if (!msg) {
        if (buf->tm_yday == -1)
            buf->tm_yday = 0;
        else if (buf->tm_yday < 0 || buf->tm_yday > 365)
            msg = "day of year out of range";
    }
    if (msg) {
        err_set(exc_ValueError, msg);
        return -1;
    }
    return 0;
}

/* ================================================================ clocks */

static Object *
time_clock_float(clockid_t clk)
{
    timens_t t;
    if (time_clock_ns(clk, &t) < 0)
        return NULL;
    return time_float_from_ns(t);
}

static Object *
time_clock_int(clockid_t clk)
{
    timens_t t;
    if (time_clock_ns(clk, &t) < 0)
        return NULL;
    return int_from_ll(t);
}

static Object *
time_time(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return time_clock_float(CLOCK_REALTIME);
}

static Object *
time_time_ns(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return time_clock_int(CLOCK_REALTIME);
}

static Object *
time_monotonic(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return time_clock_float(CLOCK_MONOTONIC);
}

static Object *
time_monotonic_ns(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return time_clock_int(CLOCK_MONOTONIC);
}

static Object *
time_process_time(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return time_clock_float(CLOCK_PROCESS_CPUTIME_ID);
}

static Object *
time_process_time_ns(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return time_clock_int(CLOCK_PROCESS_CPUTIME_ID);
}

static Object *
time_thread_time(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return time_clock_float(CLOCK_THREAD_CPUTIME_ID);
}

static Object *
time_thread_time_ns(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return time_clock_int(CLOCK_THREAD_CPUTIME_ID);
}

static int
time_clk_arg(const char *fname, Object *const *args, ssize_t nargs, Object *kwnames,
             clockid_t *clk)
{
    if (arg_no_kwargs(fname, kwnames) < 0)
        return -1;
    if (nargs != 1) {
        err_format(exc_TypeError, "%s() takes exactly 1 argument (%zd given)", fname, nargs);
        return -1;
    }
    if (FLOAT_CHECK(args[0])) {
        err_set(exc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    Object *n = num_index(args[0]);
    if (!n)
        return -1;
    long v = int_as_long(n);
    decref(n);
    if (v == -1 && err_occurred())
        return -1;
    *clk = (clockid_t)v;
    return 0;
}

static Object *
time_clock_gettime(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    clockid_t clk;
    struct timespec ts;
    if (time_clk_arg("clock_gettime", args, nargs, kwnames, &clk) < 0)
        return NULL;
    if (clock_gettime(clk, &ts) != 0)
        return time_oserror(errno);
    return float_from_double((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}

static Object *
time_clock_gettime_ns(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    clockid_t clk;
    if (time_clk_arg("clock_gettime", args, nargs, kwnames, &clk) < 0)
        return NULL;
    return time_clock_int(clk);
}

/* ================================================================ sleep */

static Object *
time_sleep(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    timens_t secs, now, deadline;
    if (time_seconds_to_ns(args[0], 1, &secs) < 0)
        return NULL;
    if (secs < 0)
        return err_set(exc_ValueError, "sleep length must be non-negative");
    if (time_clock_ns(CLOCK_MONOTONIC, &now) < 0)
        return NULL;
    if (__builtin_add_overflow(now, secs, &deadline))
        deadline = INT64_MAX;
    struct timespec ts = {.tv_sec = (time_t)(deadline / SEC_TO_NS),
                          .tv_nsec = (long)(deadline % SEC_TO_NS)};
    for (;;) {
        int r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL);
        if (r == 0)
            break;
        if (r != EINTR)
            return time_oserror(r);
        if (rt.sigint_pending) {
            rt.sigint_pending = 0;
            return err_set_object(exc_KeyboardInterrupt, NULL);
        }
    }
    return newref(None);
}

/* ================================================================ calendar functions */

/* The optional seconds argument of gmtime/localtime/ctime: missing or None means now. */
static int
time_parse_when(const char *fname, Object *const *args, ssize_t nargs, Object *kwnames,
                time_t *when)
{
    if (arg_no_kwargs(fname, kwnames) < 0)
        return -1;
    if (nargs > 1) {
        err_format(exc_TypeError, "%s() takes at most 1 argument (%zd given)", fname, nargs);
        return -1;
    }
    if (nargs == 0 || args[0] == None) {
        *when = time(NULL);
        return 0;
    }
    return time_object_to_time_t(args[0], when);
}

static Object *
time_gmtime(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    time_t when;
    struct tm buf;
    if (time_parse_when("gmtime", args, nargs, kwnames, &when) < 0 ||
        time_gmtime_r(when, &buf) < 0)
        return NULL;
    return struct_time_from_tm(&buf);
}

static Object *
time_localtime(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    time_t when;
    struct tm buf;
    if (time_parse_when("localtime", args, nargs, kwnames, &when) < 0 ||
        time_localtime_r(when, &buf) < 0)
        return NULL;
    return struct_time_from_tm(&buf);
}

/* 'Sat Jun  6 16:26:11 1998' (asctime without the newline, any year) */
static Object *
time_asctime_tm(const struct tm *t)
{
    static const char wday_name[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char mon_name[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char buf[64];
    snprintf(buf, sizeof buf, "%s %s%3d %.2d:%.2d:%.2d %d", wday_name[t->tm_wday],
             mon_name[t->tm_mon], t->tm_mday, t->tm_hour, t->tm_min, t->tm_sec,
             1900 + t->tm_year);
    return str_from_cstr(buf);
}

static Object *
time_ctime(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    time_t when;
    struct tm buf;
    if (time_parse_when("ctime", args, nargs, kwnames, &when) < 0 ||
        time_localtime_r(when, &buf) < 0)
        return NULL;
    return time_asctime_tm(&buf);
}

static Object *
time_asctime(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    struct tm buf;
    if (arg_no_kwargs("asctime", kwnames) < 0 ||
        arg_check_count("asctime", (size_t)nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0) {
        if (time_localtime_r(time(NULL), &buf) < 0)
            return NULL;
    } else if (time_gettmarg(args[0], &buf, "asctime") < 0 || time_checktm(&buf) < 0) {
        return NULL;
    }
    return time_asctime_tm(&buf);
}

static Object *
time_mktime(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    struct tm buf;
    if (time_gettmarg(args[0], &buf, "mktime") < 0)
        return NULL;
    buf.tm_wday = -1;                   /* sentinel: mktime() sets it on success */
    time_t tt = mktime(&buf);
    if (tt == (time_t)-1 && buf.tm_wday == -1)
        return err_set(exc_OverflowError, "mktime argument out of range");
    return float_from_double((double)tt);
}

static Object *
time_strftime(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    struct tm buf;
    if (arg_no_kwargs("strftime", kwnames) < 0)
        return NULL;
    if (nargs < 1 || nargs > 2)
        return err_format(exc_TypeError, "strftime() takes at %s %d argument%s (%zd given)",
                          nargs < 1 ? "least" : "most", nargs < 1 ? 1 : 2,
                          nargs < 1 ? "" : "s", nargs);
    if (!STR_CHECK(args[0]))
        return err_format(exc_TypeError, "strftime() argument 1 must be str, not %s",
                          TYPE(args[0])->name);
    memset(&buf, 0, sizeof buf);
    if (nargs == 1) {
        if (time_localtime_r(time(NULL), &buf) < 0)
            return NULL;
    } else if (time_gettmarg(args[1], &buf, "strftime") < 0 || time_checktm(&buf) < 0) {
        return NULL;
    }
    if (buf.tm_isdst < -1)              /* in case %Z indexes with it */
        buf.tm_isdst = -1;
    else if (buf.tm_isdst > 1)
        buf.tm_isdst = 1;

    ssize_t fmtlen;
    const char *fmt = str_as_utf8(args[0], &fmtlen);
    if (!fmt)
        return NULL;
    if ((ssize_t)strlen(fmt) != fmtlen)
        return err_set(exc_ValueError, "embedded null character");
    /* strftime's 0 is ambiguous (empty result or buffer too small): grow the buffer
    ** until the result is non-empty or the buffer is 256 times the format. */
    for (size_t size = 1024;; size += size) {
        char *out = malloc(size);
        if (!out)
            return err_no_memory();
        size_t n = strftime(out, size, fmt, &buf);
        if (n > 0 || size >= 256 * (size_t)fmtlen) {
            Object *r = str_from_utf8(out, (ssize_t)n);
            free(out);
            return r;
        }
        free(out);
    }
}

/* ================================================================ the module */

static const MethodDef time_methods[] = {
    {"time", time_time, METH_NOARGS,
     "time() -> floating point number\n\n"
     "Return the current time in seconds since the Epoch.\n"
     "Fractions of a second may be present if the system clock provides them."},
    {"time_ns", time_time_ns, METH_NOARGS,
     "time_ns() -> int\n\nReturn the current time in nanoseconds since the Epoch."},
    {"monotonic", time_monotonic, METH_NOARGS,
     "monotonic() -> float\n\nMonotonic clock, cannot go backward."},
    {"monotonic_ns", time_monotonic_ns, METH_NOARGS,
     "monotonic_ns() -> int\n\nMonotonic clock, cannot go backward, as nanoseconds."},
    {"perf_counter", time_monotonic, METH_NOARGS,
     "perf_counter() -> float\n\nPerformance counter for benchmarking."},
    {"perf_counter_ns", time_monotonic_ns, METH_NOARGS,
     "perf_counter_ns() -> int\n\nPerformance counter for benchmarking as nanoseconds."},
    {"process_time", time_process_time, METH_NOARGS,
     "process_time() -> float\n\n"
     "Process time for profiling: sum of the kernel and user-space CPU time."},
    {"process_time_ns", time_process_time_ns, METH_NOARGS,
     "process_time() -> int\n\n"
     "Process time for profiling as nanoseconds:\n"
     "sum of the kernel and user-space CPU time."},
    {"thread_time", time_thread_time, METH_NOARGS,
     "thread_time() -> float\n\n"
     "Thread time for profiling: sum of the kernel and user-space CPU time."},
    {"thread_time_ns", time_thread_time_ns, METH_NOARGS,
     "thread_time() -> int\n\n"
     "Thread time for profiling as nanoseconds:\n"
     "sum of the kernel and user-space CPU time."},
    {"clock_gettime", time_clock_gettime, METH_VARARGS | METH_KEYWORDS | METH_TUPLE,
     "clock_gettime(clk_id) -> float\n\nReturn the time of the specified clock clk_id."},
    {"clock_gettime_ns", time_clock_gettime_ns, METH_VARARGS | METH_KEYWORDS | METH_TUPLE,
     "clock_gettime_ns(clk_id) -> int\n\n"
     "Return the time of the specified clock clk_id as nanoseconds."},
    {"sleep", time_sleep, METH_O,
     "sleep(seconds)\n\n"
     "Delay execution for a given number of seconds.  The argument may be\n"
     "a floating point number for subsecond precision."},
    {"gmtime", time_gmtime, METH_VARARGS | METH_KEYWORDS | METH_TUPLE,
     "gmtime([seconds]) -> (tm_year, tm_mon, tm_mday, tm_hour, tm_min,\n"
     "                       tm_sec, tm_wday, tm_yday, tm_isdst)\n\n"
     "Convert seconds since the Epoch to a time tuple expressing UTC (a.k.a.\n"
     "GMT).  When 'seconds' is not passed in, convert the current time instead.\n\n"
     "If the platform supports the tm_gmtoff and tm_zone, they are available as\n"
     "attributes only."},
    {"localtime", time_localtime, METH_VARARGS | METH_KEYWORDS | METH_TUPLE,
     "localtime([seconds]) -> (tm_year,tm_mon,tm_mday,tm_hour,tm_min,\n"
     "                          tm_sec,tm_wday,tm_yday,tm_isdst)\n\n"
     "Convert seconds since the Epoch to a time tuple expressing local time.\n"
     "When 'seconds' is not passed in, convert the current time instead."},
    {"asctime", time_asctime, METH_VARARGS | METH_KEYWORDS | METH_TUPLE,
     "asctime([tuple]) -> string\n\n"
     "Convert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'.\n"
     "When the time tuple is not present, current time as returned by localtime()\n"
     "is used."},
    {"ctime", time_ctime, METH_VARARGS | METH_KEYWORDS | METH_TUPLE,
     "ctime(seconds) -> string\n\n"
     "Convert a time in seconds since the Epoch to a string in local time.\n"
     "This is equivalent to asctime(localtime(seconds)). When the time tuple is\n"
     "not present, current time as returned by localtime() is used."},
    {"mktime", time_mktime, METH_O,
     "mktime(tuple) -> floating point number\n\n"
     "Convert a time tuple in local time to seconds since the Epoch.\n"
     "Note that mktime(gmtime(0)) will not generally return zero for most\n"
     "time zones; instead the returned value will either be equal to that\n"
     "of the timezone or altzone attributes on the time module."},
    {"strftime", time_strftime, METH_VARARGS | METH_KEYWORDS | METH_TUPLE,
     "strftime(format[, tuple]) -> string\n\n"
     "Convert a time tuple to a string according to a format specification.\n"
     "See the library reference manual for formatting codes. When the time tuple\n"
     "is not present, current time as returned by localtime() is used."},
    {NULL, NULL, 0, NULL},
};

static int
time_add_int(Object *m, const char *name, long v)
{
    Object *o = int_from_long(v);
    if (!o)
        return -1;
    int r = module_add_object(m, name, o);
    decref(o);
    return r;
}

/* timezone, altzone, daylight, tzname from the local time of January and July of the
** current year (CPython's init_timezone where tm_zone exists). */
static int
time_init_timezone(Object *m)
{
    static const time_t YEAR = (365 * 24 + 6) * 3600;
    struct tm p;
    char janname[10], julyname[10];
    time_t t = (time(NULL) / YEAR) * YEAR;
    if (time_localtime_r(t, &p) < 0)
        return -1;
    snprintf(janname, sizeof janname, "%s", p.tm_zone ? p.tm_zone : "");
    long janzone = -p.tm_gmtoff;
    t += YEAR / 2;
    if (time_localtime_r(t, &p) < 0)
        return -1;
    snprintf(julyname, sizeof julyname, "%s", p.tm_zone ? p.tm_zone : "");
    long julyzone = -p.tm_gmtoff;
    int south = janzone < julyzone;     /* DST is reversed in the southern hemisphere */
    Object *a = str_from_cstr(south ? julyname : janname);
    Object *b = str_from_cstr(south ? janname : julyname);
    Object *names = a && b ? tuple_pack(2, a, b) : NULL;
    xdecref(a);
    xdecref(b);
    if (!names)
        return -1;
    int r = module_add_object(m, "tzname", names);
    decref(names);
    if (r < 0 || time_add_int(m, "timezone", south ? julyzone : janzone) < 0 ||
        time_add_int(m, "altzone", south ? janzone : julyzone) < 0 ||
        time_add_int(m, "daylight", janzone != julyzone) < 0)
        return -1;
    return 0;
}

/* Build a new 'time' module (called by the import system).  New reference. */
Object *
timemodule_init(void)
{
    if (!(struct_time_type.flags & TPFLAG_READY)) {
        if (type_ready(&struct_time_type) < 0)
            return NULL;
        static const struct {
            const char *name;
            long v;
        } counts[] = {{"n_sequence_fields", STRUCT_TIME_VISIBLE},
                      {"n_fields", STRUCT_TIME_FIELDS},
                      {"n_unnamed_fields", 0}};
        for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
            Object *v = int_from_long(counts[i].v);
            if (!v || dict_setitem_str(struct_time_type.dict, counts[i].name, v) < 0) {
                xdecref(v);
                return NULL;
            }
            decref(v);
        }
        type_modified(&struct_time_type);
    }
    tzset();
    Object *m = module_new("time");
    if (!m)
        return NULL;
    Object *doc = str_from_cstr(
        "This module provides various functions to manipulate time values.");
    if (!doc)
        goto error;
    int r = module_add_object(m, "__doc__", doc);
    decref(doc);
    if (r < 0 || module_add_functions(m, time_methods) < 0 ||
        module_add_object(m, "struct_time", (Object *)&struct_time_type) < 0 ||
        time_init_timezone(m) < 0 || time_add_int(m, "CLOCK_REALTIME", CLOCK_REALTIME) < 0 ||
        time_add_int(m, "CLOCK_MONOTONIC", CLOCK_MONOTONIC) < 0 ||
        time_add_int(m, "CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID) < 0 ||
        time_add_int(m, "CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID) < 0)
        goto error;
    return m;
error:
    decref(m);
    return NULL;
}
