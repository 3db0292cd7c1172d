# AttributeError on an instance, uncaught, from a method call chain.
class Point:
    def __init__(self, x):
        self.x = x
p = Point(1)
print(p.x)
print(p.y + 1)
