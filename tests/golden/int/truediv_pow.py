# int / int is correctly rounded; int ** negative int is a float; overflow messages
print(1 / 3, -1 / 3, (2**53 + 1) / 1, 10**30 / 7, 2**1100 / 2**1000, 1 / 2**1080)
print(3 / 2**1074, 1 / 2**1075, 3 / 2**1076, -(10**400) / 10**100, 0 / -5)
print(2 ** -1, (-2) ** -3, 10 ** -400, 2 ** -1074, 7 ** 0, 0 ** 0, (-1) ** (2**100 + 1))
for expr in ['2**1024 / 1', '1 / 0', '0 ** -1', 'float(2**1024)', '2**1024 * 1.0',
             'pow(2, 3, 0)', 'pow(2, -1, 4)', '1 << -1', '5 % 0', '5 // 0', 'divmod(5, 0)']:
    try:
        print(eval(expr))
    except Exception as e:
        print(expr, type(e).__name__, e)
print(float(2**53 + 1), float(2**1024 - 2**970 - 1), float(-(3**500)))
