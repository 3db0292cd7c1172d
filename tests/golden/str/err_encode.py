# An uncaught UnicodeEncodeError from str.encode('ascii').
print('abc'.encode('ascii'))
print('naïve café'.encode('ascii'))
