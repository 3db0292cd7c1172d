# The documents' demo: instances that form reference cycles and print in __del__.  With
# the default thresholds (700, 10, 10) generation 0 is collected by the allocation that
# makes its count exceed 700, so the cycles are freed in batches: the "collected" lines
# appear in the middle of the "made" lines, at the same place as in CPython.
import gc


class Cyclic:
    def __init__(self, number):
        self.number = number
        self.partner = Cyclic.Partner(self)

    class Partner:
        def __init__(self, owner):
            self.owner = owner

    def __del__(self):
        print("collected", self.number)


print(gc.get_threshold())
gc.collect()                            # start from an empty generation 0
for i in range(800):
    c = Cyclic(i)
    if i % 25 == 0:
        print("made", i, "count", gc.get_count())
del c
print("end", gc.get_count())
