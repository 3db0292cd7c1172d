# gcd and lcm: any number of int arguments (bools and __index__ too), big ints, signs and zeros
import math
print(math.gcd(), math.gcd(0), math.gcd(-5), math.gcd(0, 0), math.gcd(12, 18), math.gcd(-12, 18), math.gcd(12, -18, 27))
print(math.gcd(2**100, 2**80 * 3), math.gcd(3**200 * 5**7, 3**150 * 7), math.gcd(1, 10**100, 5), math.gcd(True, 4))
print(math.lcm(), math.lcm(0), math.lcm(-5), math.lcm(4, 6), math.lcm(4, 6, 10), math.lcm(0, 5), math.lcm(-4, 6))
print(math.lcm(2**64, 3**40), math.lcm(5, 0, 3), math.lcm(*range(1, 60)), math.gcd(*range(6, 600, 6)))
seed = 7
def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return seed
def big(words):
    n = 0
    for _ in range(words):
        n = (n << 64) | rnd()
    return n
for _ in range(20):
    a, b, c = big(4) * 7919, big(3) * 7919, big(1)
    g = math.gcd(a, b)
    print(g % 1000003, a % g == 0, b % g == 0, math.gcd(a * c, b * c) == g * c, math.lcm(a, b) == a * b // g, math.gcd(-a, b) == g)
class Idx:
    def __index__(self): return 36
print(math.gcd(Idx(), 24), math.lcm(Idx(), 24), type(math.gcd(True)).__name__, type(math.lcm(-7)).__name__)
for t in ['math.gcd(1.5)', "math.gcd(1, 'a')", 'math.lcm(2.0)', 'math.lcm(1, 2.0)', 'math.gcd(x=1)', 'math.gcd(1, 1, 1.0)', 'math.lcm(0, 0, None)']:
    try:
        print(t, eval(t))
    except TypeError as e:
        print(t, type(e).__name__, e)
