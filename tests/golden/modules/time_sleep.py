# sleep waits at least as long as asked (ints, floats, bools), and rejects negative, nan and non-numbers
import time
for secs in [0.01, 0.02, 0, 0.0, False, 0.001]:
    t0 = time.monotonic()
    r = time.sleep(secs)
    dt = time.monotonic() - t0
    print(repr(secs), r, dt >= secs, dt < secs + 1.0)
t0 = time.perf_counter_ns()
time.sleep(0.015)
print(time.perf_counter_ns() - t0 >= 15000000)
for t in ['time.sleep(-1)', 'time.sleep(-0.001)', "time.sleep(float('nan'))", "time.sleep('a')", 'time.sleep(None)',
          'time.sleep(1e300)', 'time.sleep(10**30)', 'time.sleep()', 'time.sleep(1, 2)', 'time.sleep(secs=1)', 'time.sleep(-1e-10)']:
    try:
        print(t, eval(t))
    except (TypeError, ValueError, OverflowError) as e:
        print(t, type(e).__name__, e)
