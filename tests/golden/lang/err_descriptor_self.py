# Calling a slot wrapper (int.__add__, list.__len__...) with the wrong kind of self is
# CPython's "requires a 'int' object but received a 'str'"; binding it with __get__ and
# calling a method descriptor (list.append) give "doesn't apply to a ... object".
for f in [lambda: int.__or__(str), lambda: int.__or__.__get__("x"), lambda: int.__add__("x", 1),
          lambda: int.__repr__("x"), lambda: list.__len__(3), lambda: list.append(1, 2),
          lambda: str.upper(1), lambda: dict.__getitem__([], 1), lambda: int.__add__(),
          lambda: float.__neg__(True), lambda: int.__add__(True, 1), lambda: list.__init__((), [])]:
    try:
        print(f())
    except TypeError as e:
        print(e)
