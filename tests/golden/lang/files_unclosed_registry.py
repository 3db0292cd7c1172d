# A file that dies unclosed makes CPython's FileIO finalizer warn "unclosed file" (a
# ResourceWarning the default filters ignore); the warnings path still gives the running
# code's globals a __warningregistry__ with the filters' version.  open()'s default
# encoding is the locale's, named 'UTF-8'; the standard streams say 'utf-8'.
import sys
f = open('/dev/null')
print(f, f.encoding, sys.stdout.encoding)
print(open('/dev/null', 'w', encoding='utf-8'), open('/dev/null', 'rb'))
print('__warningregistry__' in globals())
def k():
    x = open('/dev/null')
k()
print(sorted(globals().get('__warningregistry__', {}).items(), key=repr))
c = open('/dev/null')
c.close()
del c
print(sorted(globals()['__warningregistry__'].items(), key=repr))
