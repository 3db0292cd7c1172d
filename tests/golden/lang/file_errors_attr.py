# A text file's errors attribute: 'strict' unless open() was given one; sys.stderr's is
# 'backslashreplace'; stdin's and stdout's depend on the locale ('surrogateescape' under
# C/POSIX or C.UTF-8, or when the locale is not installed).
import sys
print(sys.stderr.errors)
print(sys.stdout.errors in ('strict', 'surrogateescape'), sys.stdin.errors == sys.stdout.errors)
f = open('file_errors_attr.tmp', 'w')
print(f.errors, f.encoding)
f.close()
f = open('file_errors_attr.tmp', 'w', errors='replace')
print(f.errors)
f.write('x')
f.close()
f = open('file_errors_attr.tmp', encoding='ascii', errors='ignore')
print(f.errors, f.read())
f.close()
import os
os.remove('file_errors_attr.tmp')
