x = 1
exit()
print('not reached')
