# localtime, mktime and ctime agree with each other whatever the local time zone is
import time
ok = True
for secs in [0, 1, 86400 * 180, 951782400, 1234567890, 1700000000, 2**31 - 1, 2**31 + 12345, -86400 * 400]:
    lt = time.localtime(secs)
    ok = ok and time.mktime(lt) == secs and time.ctime(secs) == time.asctime(lt)
    ok = ok and isinstance(lt.tm_gmtoff, int) and isinstance(lt.tm_zone, str) and lt.tm_isdst in (0, 1)
print(ok, type(time.mktime(time.localtime())).__name__, len(time.ctime()), len(time.asctime()), len(time.ctime(None)))
print(time.localtime(1.99) == time.localtime(1), time.localtime(-0.5) == time.localtime(-1), type(time.localtime()).__name__)
print(type(time.timezone).__name__, type(time.altzone).__name__, time.daylight in (0, 1), type(time.tzname).__name__,
      len(time.tzname), time.timezone % 60)
for tup in [(2000, 1, 1, 0, 0, 0, 0, 1, -1), (2010, 7, 15, 12, 30, 45, 0, 1, -1), (1999, 12, 31, 23, 59, 59, 0, 1, -1)]:
    secs = time.mktime(tup)
    print(secs == int(secs), time.localtime(secs)[:6] == tup[:6])
tests = ['time.mktime((1, 2))', 'time.mktime(5)', 'time.mktime()', "time.ctime('a')", "time.ctime(float('nan'))",
         'time.ctime(1e300)', 'time.ctime(10**30)', 'time.ctime(1, 2)', 'time.localtime(1, 2)', 'time.ctime(1e18)',
         'time.mktime((2000.5, 1, 1, 0, 0, 0, 0, 1, 0))', 'time.localtime(x=1)']
for t in tests:
    try:
        print(t, eval(t))
    except (TypeError, ValueError, OverflowError, OSError) as e:
        print(t, type(e).__name__, e)
