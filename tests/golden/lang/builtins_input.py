# input(): EOFError at end of stdin, the prompt on stdout, lines read from sys.stdin
# (here replaced by a temporary file, removed at the end), trailing newline stripped.
import os
import sys
try:
    input('prompt> ')
except EOFError as e:
    print('EOFError:', e)
path = 'pyheap_lang_input_%d.txt' % os.getpid()
with open(path, 'w') as f:
    f.write('first line\nsecond\n\nlast without newline')
saved = sys.stdin
sys.stdin = open(path)
try:
    name = input('name? ')
    print('hello', name)
    print(repr(input()), repr(input()), repr(input('>>')))
    try:
        input()
    except EOFError as e:
        print('EOFError:', e)
finally:
    sys.stdin.close()
    sys.stdin = saved
    os.remove(path)
print(os.path.exists(path))
try:
    input(1, 2)
except TypeError as e:
    print('TypeError:', e)
