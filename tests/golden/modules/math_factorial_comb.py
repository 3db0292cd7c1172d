# factorial, comb and perm: exact big results, k > n, perm's default k, and the error messages
import math
print([math.factorial(n) for n in range(25)])
for n in [100, 170, 171, 500, 1000, 3000]:
    f = math.factorial(n)
    print(n, f % (10**30 + 57), f.bit_length())
p = 1
for i in range(1, 2001):
    p *= i
print(math.factorial(2000) == p, math.factorial(True), math.factorial(False))
for n in range(0, 16):
    print([math.comb(n, k) for k in range(n + 2)], [math.perm(n, k) for k in range(n + 2)], math.perm(n), math.perm(n, None))
for n in [34, 35, 60, 67, 68, 100, 1000, 10**6, 2**62, 2**64 + 7, 10**30]:
    for k in [2, 3, 10, 20, 33, 34, 35, 67, 68, 100, 500]:
        c = math.comb(n, k)
        q = math.perm(n, k)
        print('cp', n, k, c % (2**61 - 1), c.bit_length(), q % (2**61 - 1), q.bit_length())
print(math.comb(10**4, 5000) % 10**40, math.perm(3000, 1500) % 10**40, math.comb(2**70, 3), math.comb(2**70, 2**70 - 2))
print(math.comb(True, True), math.comb(10, 11), math.perm(3, 4), math.comb(10**30, 10**30 + 1), math.comb(10**30, 1) == 10**30)
tests = ['math.factorial(-1)', 'math.factorial(1.0)', 'math.factorial(1.5)', "math.factorial('5')", 'math.factorial(10**20)',
         'math.factorial(-10**20)', 'math.comb(-1, 2)', 'math.comb(1, -2)', 'math.comb(1.0, 2)', "math.comb(10, '1')",
         'math.comb(10**20, 10**19)', 'math.comb(1)', 'math.perm(-1)', 'math.perm(1, -1)', 'math.perm(10, 1.0)',
         'math.perm(10**20, 10**19)', 'math.perm()', 'math.perm(1, 2, 3)', 'math.comb(n=5, k=2)']
for t in tests:
    try:
        print(t, eval(t))
    except (ValueError, TypeError, OverflowError) as e:
        print(t, type(e).__name__, e)
