# gmtime and struct_time: fields, the tuple behaviour, hidden tm_zone/tm_gmtoff, the constructor and pickling support
import time
for secs in [0, 1, -1, 1.9, -1.5, 86399, 951782400, 1234567890, 2**31, -2**31, 10**10, True, None]:
    t = time.gmtime(secs)
    if secs is None:
        print(type(t).__name__, len(t), t.tm_zone)
        continue
    print(secs, t, tuple(t), t.tm_zone, t.tm_gmtoff)
t = time.gmtime(1234567890)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday, t.tm_isdst)
print(t[0], t[-1], t[2:5], len(t), list(t) == list(tuple(t)), t == tuple(t), hash(t) == hash(tuple(t)), t + (1,))
print(isinstance(t, tuple), type(t).__name__, type(t).__module__, repr(type(t)), t.n_fields, t.n_sequence_fields, t.n_unnamed_fields)
print(t.__reduce__(), time.gmtime(0) < time.gmtime(1), time.gmtime(0) == time.gmtime(0.5))
s = time.struct_time((2000, 1, 2, 3, 4, 5, 6, 7, 0))
print(s, s.tm_zone, s.tm_gmtoff)
s = time.struct_time([2000, 1, 2, 3, 4, 5, 6, 7, 0, 'XYZ'], {'tm_gmtoff': 3600, 'tm_zone': 'ignored'})
print(s, s.tm_zone, s.tm_gmtoff, time.struct_time(range(9)), time.struct_time(range(11)).tm_gmtoff)
print(time.struct_time((1,) * 9, {'tm_zone': 'Q'}).tm_zone, time.struct_time((1,) * 9, {}).tm_zone)
for t in ['time.struct_time((1, 2, 3))', 'time.struct_time(range(12))', 'time.struct_time(5)', 'time.struct_time()',
          'time.struct_time(x=1)', 'time.struct_time((1,) * 9, 5)', 'time.struct_time((1,) * 9, None)', 'time.struct_time((1,) * 9, dict={})',
          'time.struct_time(sequence=(1,) * 9, dict={})', 'time.struct_time((1,) * 9, sequence=(1,) * 9)', 'time.struct_time((1,) * 9, {}, 3)', 'time.gmtime(1, 2)', 'time.gmtime(secs=1)',
          "time.gmtime('x')", "time.gmtime(float('nan'))", 'time.gmtime(1e300)', 'time.gmtime(10**30)', 'time.gmtime(1e18)',
          'time.gmtime(0).tm_year.bit_length()', 'setattr(time.gmtime(0), "tm_year", 5)']:
    try:
        print(t, eval(t))
    except (TypeError, ValueError, OverflowError, OSError, AttributeError) as e:
        print(t, type(e).__name__, e)
