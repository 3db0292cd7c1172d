# int(x), int(str, base) with prefixes, underscores, whitespace, bytes, floats, and CPython's errors
def show(*args, **kw):
    try:
        print(repr(int(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, e)

show()
show(42)
show(-3.99)
show(1e20)
show(True)
show('  -12_345  ')
show('0x_ff', 0)
show('0o17', 0)
show('0B101', 0)
show('ff', 16)
show('0xff', 16)
show('zz', 36)
show('010', 0)
show('000', 0)
show('0_0', 0)
show('12', base=3)
show(b' 42 ')
show(bytearray(b'-7'))
show('\u0661\u0662\u0663')
show('\u3000 7 \u00a0')
show('abc')
show('')
show('1__2')
show('_1')
show('1_')
show('+ 1')
show('12\x00')
show(b'12a')
show('x' * 300)
show('5', 1)
show('5', 37)
show(5, 10)
show(base=10)
show([])
show(None)
show(1, 2, 3)
show('1', foo=2)
show(float('inf'))
show(float('nan'))
show(2.5e300)

class WithInt:
    def __int__(self):
        return 7
class WithIndex:
    def __index__(self):
        return 8
class WithTrunc:
    def __trunc__(self):
        return 9
class BadInt:
    def __int__(self):
        return 'x'
class BadIndex:
    def __index__(self):
        return 1.5
show(WithInt())
show(WithIndex())
show(BadInt())
show(BadIndex())
