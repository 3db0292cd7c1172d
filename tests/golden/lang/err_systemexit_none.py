# raise SystemExit (None code) exits 0; finally blocks run on the way out.
try:
    raise SystemExit
finally:
    print('cleanup')
