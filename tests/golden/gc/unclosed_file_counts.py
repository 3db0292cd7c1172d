# Generation-0 counts around a file that dies unclosed: the ResourceWarning path makes
# the repr list (first repr), the running frame's frame object and the warnings registry,
# then the io layers die.
import gc
keep = [[] for i in range(50)]
f = open('/dev/null')
a = gc.get_count()[0]
del f
print(gc.get_count()[0] - a, '__warningregistry__' in globals())
f = open('/dev/null', 'rb')
a = gc.get_count()[0]
del f
print(gc.get_count()[0] - a)
f = open('/dev/null'); f.close()
a = gc.get_count()[0]
del f
print(gc.get_count()[0] - a)
def g():
    h = open('/dev/null', 'w')
a = gc.get_count()[0]
g()
print(gc.get_count()[0] - a)
gc.collect()
x = [open('/dev/null') for i in range(3)]
a = gc.get_count()[0]
del x
print(gc.get_count()[0] - a, sorted(__warningregistry__.items(), key=repr))
