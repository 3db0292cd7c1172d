# bytearray item and slice assignment and deletion, append/extend/insert/pop/remove/reverse/clear/copy
def show(label, f):
    b = bytearray(b'abcdef')
    try:
        f(b)
        print(label, b)
    except Exception as e:
        print(label, type(e).__name__, e)
def setitem(k, v):
    def f(b):
        b[k] = v
    return f
def delitem(k):
    def f(b):
        del b[k]
    return f
show('b[0]=65', setitem(0, 65))
show('b[-1]=90', setitem(-1, 90))
show('b[6]=1', setitem(6, 1))
show('b[0]=300', setitem(0, 300))
show("b[0]='a'", setitem(0, 'a'))
show('b[1:3]=XYZ', setitem(slice(1, 3), b'XYZ'))
show('b[1:3]=', setitem(slice(1, 3), b''))
show('b[::2]=xyz', setitem(slice(None, None, 2), b'xyz'))
show('b[::2]=xy', setitem(slice(None, None, 2), b'xy'))
show('b[::-1]=', setitem(slice(None, None, -1), b'ABCDEF'))
show('b[3:1]=Q', setitem(slice(3, 1), b'Q'))
show('b[1:3]=5', setitem(slice(1, 3), 5))
show("b[1:3]='ab'", setitem(slice(1, 3), 'ab'))
show('b[1:3]=list', setitem(slice(1, 3), [120, 121, 122]))
show('b[1:1]=ins', setitem(slice(1, 1), b'INS'))
show('b[::3]=iter', setitem(slice(None, None, 3), iter([1, 2])))
show("b['a']=1", setitem('a', 1))
show('del b[0]', delitem(0))
show('del b[-1]', delitem(-1))
show('del b[6]', delitem(6))
show('del b[::2]', delitem(slice(None, None, 2)))
show('del b[::-3]', delitem(slice(None, None, -3)))
show('del b[1::3]', delitem(slice(1, None, 3)))
show('del b[0:3]', delitem(slice(0, 3)))
show('del b[5:1:-1]', delitem(slice(5, 1, -1)))
b = bytearray(b'ab')
b.append(99)
b.extend(b'de')
b.extend([102, 103])
b.extend(x for x in (104,))
b.insert(0, 65)
b.insert(-100, 66)
b.insert(100, 67)
print(b, b.pop(), b.pop(0), b.pop(-2), b)
b.remove(99)
b.reverse()
print(b, b.copy(), b.copy() is b)
b.clear()
print(b, len(b))
b += b'xyz'
b *= 2
print(b)
c = b
c += b'!'
print(c is b, b)
def err(f, *args):
    try:
        f(*args)
    except Exception as e:
        print(type(e).__name__, e)
b = bytearray(b'abc')
err(b.append, 256)
err(b.append, 'a')
err(b.extend, 1)
err(b.extend, 'ab')
err(b.extend, [1, 'a'])
err(b.insert, 0, 300)
err(b.insert, 1)
err(b.pop, 10)
err(bytearray().pop)
err(b.remove, 120)
err(b.remove, 300)
print(b)
x = bytearray(b'ab')
x.extend(x)
print(x)
y = bytearray(b'abcd')
y[1:2] = y
print(y)
