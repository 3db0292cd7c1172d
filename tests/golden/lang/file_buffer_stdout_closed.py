# Closing sys.stdout.buffer flushes what was written to it; what print() still held in
# the text layer is lost (stdout is buffered here: the tests run without -u), and a print
# afterwards raises ValueError.
import sys

print('held by the text layer, lost')
sys.stdout.buffer.write(b'written to the buffer\n')
sys.stdout.buffer.close()
sys.stderr.write('stderr still works\n')
try:
    print('x')
except ValueError as e:
    sys.stderr.write('ValueError: %s\n' % e)
print('again')
