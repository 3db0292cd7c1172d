# pgo_train.py -- the training run of the profile-guided release build (Makefile: PGO).
# Typical work of the interpreter's hot paths, a few seconds in the instrumented build:
# integer and float loops, calls and recursion, strings, lists, dicts, sets, classes,
# generators, closures, exceptions, comprehensions, formatting, and the collector.
import gc
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def int_loops(n):
    acc = 0
    i = 0
    while i < n:
        acc = (acc + i * 7 ^ (i >> 3)) % 1000003
        i += 1
    for j in range(n):
        acc += j & 255
        if j % 3 == 0:
            acc -= 1
    return acc


def float_loops(n):
    x, y, vx, vy = 0.5, 1.5, 0.01, -0.02
    pts = [[0.1 * k, 0.2 * k, 0.3] for k in range(5)]
    for _ in range(n):
        for p in pts:
            dx = p[0] - x
            dy = p[1] - y
            d = (dx * dx + dy * dy + 0.01) ** 0.5
            p[2] += dx / d * 0.001
            vx += dx * 0.0001
            vy -= dy * 0.0001
        x += vx
        y += vy
    return round(x + y, 6)


def strings(n):
    total = 0
    for i in range(n):
        parts = [str(i * 7 + j) for j in range(8)]
        s = "-".join(parts)
        t = s[2:10] + s[-6:]
        total += len(s) + s.find("-1") + ord(t[3]) + len(s.split("-"))
        u = ""
        for k in range(6):
            u += chr(97 + (i + k) % 26)
        total += len(u.replace("a", "xy").upper()) + (u[1:3] in s)
        total += len(f"{i:>6}|{i * 0.5:.2f}|{u!r}") + len("%d-%s" % (i, u))
    return total


def lists(n):
    total = 0
    for r in range(n):
        a = [(i * 7919) % 1000 for i in range(2000)]
        a.sort()
        b = sorted(a, key=lambda v: -v)
        a.reverse()
        a.insert(0, r)
        a.pop()
        total += a[10] + b[5] + len(a[100:300]) + sum(a[::50])
        c = [v * 2 for v in a if v % 3]
        total += len(c) + (5 in c)
    return total


def dicts(n):
    total = 0
    for r in range(n):
        d = {}
        for i in range(1500):
            d["k" + str(i)] = i
        e = {i: i * i for i in range(1500)}
        for i in range(0, 3000, 2):
            total += d.get("k" + str(i), 0) + e.get(i, -1)
        for k, v in d.items():
            total += v & 1
        del d["k7"]
        s = set(e) & {1, 2, 3, 40, 5000}
        total += len(s) + len(d)
    return total


class Shape:
    def __init__(self, w, h):
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


class Square(Shape):
    def __init__(self, s):
        super().__init__(s, s)

    def area(self):
        return super().area() + 1

    @property
    def side(self):
        return self.w


def objects(n):
    total = 0
    for i in range(n):
        shapes = [Shape(i % 7, 3), Square(i % 5), Shape(2, i % 11)]
        for s in shapes:
            total += s.area()
        total += shapes[1].side
        shapes[0].w += 1
    return total


def gen_numbers(n):
    for i in range(n):
        yield i


def gen_pipeline(n):
    evens = (x for x in gen_numbers(n) if x % 2 == 0)
    squares = (x * x for x in evens)

    def take(it):
        yield from it

    return sum(take(squares)) % 1000000007


def closures(n):
    def make_adder(k):
        def add(x):
            return x + k
        return add

    total = 0
    for i in range(n):
        f = make_adder(i)
        g = lambda x, f=f: f(x) * 2
        total = (total + g(i)) % 1000003
    return total


class AppError(Exception):
    pass


def exceptions(n):
    def deep(k):
        if k == 0:
            raise AppError("x")
        return deep(k - 1)

    caught = 0
    for i in range(n):
        try:
            if i % 2:
                deep(3)
            else:
                {}["missing"]
        except AppError:
            caught += 1
        except KeyError:
            caught += 2
        finally:
            caught += 0
    return caught


class Node:
    def __init__(self):
        self.peer = None


def cycles(n):
    for i in range(n):
        a, b = Node(), Node()
        a.peer, b.peer = b, a
        l = []
        l.append(l)
    return gc.collect()


def tree(d):
    return [None, None] if d == 0 else [tree(d - 1), tree(d - 1)]


for _ in range(N):
    print(fib(25), int_loops(200000), float_loops(60000), strings(15000), lists(15),
          dicts(6), objects(40000), gen_pipeline(300000), closures(100000),
          exceptions(60000), cycles(30000))
    keep = tree(14)
    gc.collect()
    del keep
