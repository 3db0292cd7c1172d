# an uncaught ValueError from int() shows the repr of the bad string
print(int('12'))
print(int('12abc'))
