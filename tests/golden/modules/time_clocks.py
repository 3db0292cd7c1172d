# the clocks: result types, monotonic clocks never go backwards, _ns variants agree with the float ones
import time
for name in ['time', 'monotonic', 'perf_counter', 'process_time', 'thread_time']:
    f, fns = getattr(time, name), getattr(time, name + '_ns')
    a, b, c = f(), fns(), f()
    print(name, type(a).__name__, type(b).__name__, a <= c, abs(b / 1e9 - a) < 1.0)
for name in ['monotonic', 'perf_counter', 'monotonic_ns', 'perf_counter_ns', 'process_time_ns']:
    f = getattr(time, name)
    prev, ok = f(), True
    for _ in range(2000):
        t = f()
        ok = ok and t >= prev
        prev = t
    print(name, 'non-decreasing', ok)
print(time.time() > 1.6e9, time.time_ns() > 1.6e18, time.perf_counter() <= time.perf_counter())
t0 = time.process_time()
x = 0
for i in range(200000):
    x += i
print(time.process_time() >= t0, x)
print(abs(time.clock_gettime(time.CLOCK_REALTIME) - time.time()) < 1.0, type(time.clock_gettime_ns(time.CLOCK_MONOTONIC)).__name__)
for t in ['time.time(1)', 'time.monotonic_ns(None)', 'time.perf_counter(x=1)']:
    try:
        eval(t)
    except TypeError as e:
        print(t, type(e).__name__, e)
