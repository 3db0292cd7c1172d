# printing an uncaught exception with a 10000-long __cause__ chain (CPython loses
# sys.stderr here): the report ends with the last exception, exit status 1
e = None
for i in range(10000):
    try:
        raise ValueError(i) from e
    except ValueError as x:
        e = x
raise e
