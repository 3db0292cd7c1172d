# Expressions and operators: precedence, chained comparisons, boolean short-circuit,
# identity/membership, bitwise ops, conditional expressions, walrus.
print(2 + 3 * 4 ** 2, (2 + 3) * 4, -2 ** 2, (-2) ** 2, 2 ** -1, 2 ** 3 ** 2)
print(7 // 2, -7 // 2, 7 % 3, -7 % 3, 7 % -3, divmod(-7, 2), divmod(7.5, 2))
print(1 < 2 < 3, 1 < 3 < 2, 1 == 1.0 == True, 3 > 2 >= 2 != 1)
print(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 10, -16 >> 2, 1 << 70)
print(not 0, not [], not [0], 0 or 'x', '' or [] or 0, 1 and 2, 0 and 1/0)
print(None is None, [] is [], 1 in [1, 2], 3 not in (1, 2), 'b' in 'abc', 'ab' in 'xaby')
x = 5
print('big' if x > 3 else 'small', 'a' if 0 else 'b' if 0 else 'c')
def side(tag, v):
    print('eval', tag)
    return v
print(side('a', 1) < side('b', 2) < side('c', 0) < side('d', 5))
print(side('e', 0) and side('f', 1), side('g', 1) or side('h', 0))
if (n := len('hello')) > 3:
    print('walrus', n)
print([y := 10, y ** 2])
data = [1, 2, 3, 4]
print([v for v in data if (w := v * 2) > 4], w)
print(True + True, True * 10, -True, ~True, False - 1, 3 / True)
print(10 / 4, 10 // 4, 10 % 4, 2 ** 0.5, 4 ** 0.5, (-8) ** (1 / 3))
a = b = c = 7
print(a, b, c)
a, b = b + 1, a - 1
print(a, b)
i = 0
i += 1; i *= 10; i -= 3; i //= 2; i **= 2; i %= 7; i <<= 3; i >>= 1; i |= 1; i &= 0xF; i ^= 2
print(i)
s = 'ab'; s *= 3; s += '!'
print(s)
lst = [1]; alias = lst; lst += [2]; lst *= 2
print(lst, alias is lst)
t = (1,); alias = t; t += (2,)
print(t, alias, alias is t)
print(1 if [] else 2, 1 if [[]] else 2, bool(0.0), bool(0j), bool(''), bool(' '))
print(- - 3, + -3, - + 3, not not 3)
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9, 1e308 * 10, -1e308 * 10)
print((1, 2) < (1, 3), [1, 2] < [1, 2, 0], 'abc' < 'abd', (1, 'a') == (1, 'a'))
print(max(1, 2, 3) == 3 and min('b', 'a') == 'a')
