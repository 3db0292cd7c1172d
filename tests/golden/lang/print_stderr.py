# print(file=sys.stderr) and sys.stderr.write: stdout keeps its own text, stderr ends with
# the last line written there; the exit status stays 0.
import sys
print('to stdout', 1, 2, sep='|')
print('warning: something odd', file=sys.stderr)
sys.stdout.write('written directly\n')
print('a', 'b', sep='', end='', file=sys.stdout)
print()
sys.stderr.write('last stderr line\n')
print('done')
