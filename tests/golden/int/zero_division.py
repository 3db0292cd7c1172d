# an uncaught ZeroDivisionError from integer floor division ends the script
print('before')
x = 10**30
print(x // 0)
