# An exception in __del__ is printed as "Exception ignored in ..." and does not stop the
# program; the script then ends normally (status 0) with that report on stderr.
class Fragile:
    def __del__(self):
        raise ValueError('raised in __del__')
f = Fragile()
del f
print('still running')
