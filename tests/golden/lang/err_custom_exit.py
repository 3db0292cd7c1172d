# sys.exit with an int code: no traceback, exit status 3.
import sys
print('before')
sys.exit(3)
print('after')
