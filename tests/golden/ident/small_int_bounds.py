# The cache holds exactly -5..256: values just outside it are new objects each time.
def make(s):
    return int(s)


for s in ['-7', '-6', '-5', '-1', '0', '1', '255', '256', '257', '1000']:
    a, b = make(s), make(s)
    print(s, a == b, a is b)

n = 250
print([(n + k) is (n + k) for k in range(4, 9)])
m = -2
print([(m - k) is (m - k) for k in range(2, 6)])
