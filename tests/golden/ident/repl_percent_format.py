# 'fmt' % (a, b) with only %s/%r/%a is compiled as an f-string, so its result is a new
# string from BUILD_STRING, never one of the arguments; with one argument that is the
# whole format, it is the argument itself.
h = 'hello world'
e = ''
a = 'a'
print(('%s' % h) is h, ('%s' % (h,)) is h, ('%s%s' % (e, h)) is h, ('%s%s' % (h, e)) is h)
print(('%s%s' % (e, a)) is a, ('%c%s' % (97, e)) is chr(97), ('%s' % (a,)) is a)
print(('{}'.format(h)) is h, ('{}{}'.format(e, h)) is h, ('{}{}'.format(h, e)) is h)
print(f'{h}' is h, f'{h}{e}' is h, f'{e}{a}' is chr(97), f'{a!s}' is a)
print('%5s|%-5s|%.2s|%r' % (a, a, h, a), '%s and %s' % (1, [2]))
try:
    print('%s %s' % (a,))
except TypeError as exc:
    print(exc)

try:
    print('%s' % (a, a))
except TypeError as exc:
    print(exc)
