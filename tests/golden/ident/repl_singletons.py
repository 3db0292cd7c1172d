# None, True, False, (), '', one-character latin-1 strings and ... are singletons.
def same(a, b):
    return a is b


print(same(None, type(None)()), same(bool(0), False), same(1 == 1, True), same(not 1, False))
print(same((), tuple()), same((), tuple([])), same((), (1, 2)[5:]), same((), tuple(x for x in [])))
print(same('', str()), same('', 'abc'[5:]), same('', ''.join([])), same('', 'a' * 0),
      same('', 'ab'.strip('ab')), same('', format('')), same('', 'x'.replace('x', '')))
print(same(b'', bytes()), same(b'', b'abc'[5:]), same(b'', b''.join([])))
print(same(..., Ellipsis), same(type(...)(), ...), same(NotImplemented, type(NotImplemented)()))
print(same(str(True), repr(True)), same(str(None), 'None'))
