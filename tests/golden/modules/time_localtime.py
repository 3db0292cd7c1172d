# localtime, mktime and ctime agree with each other whatever the local time zone is
import time
ok = True
for secs in [0, 1, 86400 * 180, 951782400, 1234567890, 1700000000, 2**31 - 1, 2**31 + 12345, -86400 * 400]:
    lt = time.localtime(secs)
    ok = ok and time.mktime(lt) == secs and time.ctime(secs) == time.asctime(lt)
    ok = ok and lt.tm_gmtoff == time.mktime(time.gmtime(secs)) * 0 + lt.tm_gmtoff and isinstance(lt.tm_zone, str)
print(ok, type(time.mktime(time.localtime())).__name__, len(time.ctime()), len(time.asctime()), time.ctime(None) == time.ctime() or True)
print(time.localtime(1.99) == time.localtime(1), time.localtime(-0.5) == time.localtime(-1), type(time.localtime()).__name__)
print(type(time.timezone).__name__, type(time.altzone).__name__, time.daylight in (0, 1), type(time.tzname).__name__, len(time.tzname))
print(time.mktime((2000, 1, 1, 0, 0, 0, 0, 1, -1)) + time.timezone - 946684800 in (0, -3600, 3600) or True)
for t in ['time.mktime((1, 2))', 'time.mktime(5)', 'time.mktime()', "time.ctime('a')", "time.ctime(float('nan'))",
          'time.ctime(1e300)', 'time.ctime(10**30)', 'time.ctime(1, 2)', 'time.localtime(1, 2)', 'time.ctime(1e18)',
          "time.mktime((2000.5, 1, 1, 0, 0, 0, 0, 1, 0))"]:
    try:
        print(t, eval(t))
    except (TypeError, ValueError, OverflowError, OSError) as e:
        print(t, type(e).__name__, e)
