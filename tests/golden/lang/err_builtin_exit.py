# exit() builtin with a code: finally blocks and atexit-free teardown, status 5.
try:
    print('exiting')
    exit(5)
finally:
    print('finally before exit')
print('not reached')
