# property() keeps its doc as CPython's property_init_impl does: as given (None too), else the
# getter's __doc__, None included, so it holds a reference to None; a subclass's instance keeps
# the getter's doc in its own __dict__.
import sys
r = sys.getrefcount
def p(self): return 1
def q(self):
    "qdoc"
    return 2
a = r(None)
x = property(p)
print(a - r(None), x.__doc__)
a = r(None)
y = property(p, None, None, None)
print(a - r(None), y.__doc__)
z = property(q)
print(z.__doc__, property(q, doc='given').__doc__, property().__doc__, property(None).__doc__)
print(z.setter(p).__doc__, z.getter(p).__doc__, x.getter(q).__doc__, property(q, doc='d').getter(p).__doc__)
class SP(property):
    "spdoc"
sp = SP(q)
print(sp.__doc__, sp.__dict__ if hasattr(sp, '__dict__') else None, SP(p).__doc__, SP().__doc__)
class C:
    @property
    def v(self):
        "vdoc"
        return 1
    @v.setter
    def v(self, val):
        pass
print(C.v.__doc__, C().v)
