# strftime and asctime on explicit time tuples: directives, zero-filled fields, range checks, bad tuples
import time
t = time.gmtime(1000000000)
print(time.strftime('%Y-%m-%dT%H:%M:%S %a %A %b %B %d %I %p %U %w %W %y %j %% %Z %z', t))
print(time.strftime('%c | %x | %X | %D | %e | %C | %G %g %V %u', t))
print(repr(time.strftime('', t)), repr(time.strftime('%', t)), time.strftime('é%Y€', t), time.strftime('%Y' * 300, t)[:12])
print(time.strftime('%Y-%m-%d', (2000, 0, 0, 0, 0, 0, 0, 0, 0)), time.strftime('%a %j', (2000, 1, 1, 0, 0, 0, 9, 0, 5)))
print(time.strftime('%Y %Z %z', time.struct_time((2000, 1, 1, 0, 0, 0, 0, 1, 0, 'ABC', 3600))))
print(time.strftime('%Y', (-5, 1, 1, 0, 0, 0, 0, 1, 0)), time.strftime('%S', (2000, 1, 1, 0, 0, 61, 0, 1, -7)))
print(time.asctime(t), time.asctime((2000, 1, 1, 0, 0, 0, 0, 1, 0)), time.asctime(time.gmtime(1e10)), time.asctime((12345, 12, 31, 23, 59, 59, 6, 365, 0)))
bad_tuples = [(2000, 13, 1, 0, 0, 0, 0, 1, 0), (2000, 1, 32, 0, 0, 0, 0, 1, 0), (2000, 1, 1, 24, 0, 0, 0, 1, 0),
              (2000, 1, 1, 0, 60, 0, 0, 1, 0), (2000, 1, 1, 0, 0, 62, 0, 1, 0), (2000, 1, 1, 0, 0, 0, -2, 1, 0),
              (2000, 1, 1, 0, 0, 0, 0, 367, 0), (2000, -1, 1, 0, 0, 0, 0, 1, 0), (1, 2), [2000, 1, 1, 0, 0, 0, 0, 1, 0], 5,
              (2000.5, 1, 1, 0, 0, 0, 0, 1, 0), ('2000', 1, 1, 0, 0, 0, 0, 1, 0), (2**40, 1, 1, 0, 0, 0, 0, 1, 0),
              (-2**40, 1, 1, 0, 0, 0, 0, 1, 0), (-2147483648, 1, 1, 0, 0, 0, 0, 1, 0), (10**30, 1, 1, 0, 0, 0, 0, 1, 0)]
for bt in bad_tuples:
    for f in (time.strftime, time.asctime):
        try:
            print(f(*(('%Y',) if f is time.strftime else ()), bt))
        except (TypeError, ValueError, OverflowError) as e:
            print(f.__name__, type(e).__name__, e)
for t in ['time.strftime()', "time.strftime('%Y', (1,) * 9, 3)", "time.strftime(x='1')", 'time.strftime(1)',
          "time.strftime('a\\0b', (2000, 1, 1, 0, 0, 0, 0, 1, 0))", 'time.asctime(1, 2)', 'time.asctime(x=1)']:
    try:
        print(t, eval(t))
    except (TypeError, ValueError) as e:
        print(t, type(e).__name__, e)
