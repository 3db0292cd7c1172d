# A guided tour of Python's memory management, run on pyheap.
#
# Each section is one experiment from the notes pyheap is built from (reference counting,
# the cycle collector and its 700/10/10 thresholds, the memory pool, interning, list
# memory, leaks, generators).  Every number printed here is what CPython 3.11 prints for
# the same script: try `python3 examples/tour.py` and compare.
import gc
import sys


def section(title):
    print()
    print("==", title, "==")


# ---------------------------------------------------------------------------------------
section("1. Reference counting")
print("Every object counts the references to it; getrefcount adds one for its argument.")
x = []
print("x = []                     ->", sys.getrefcount(x))
y = x
print("y = x                      ->", sys.getrefcount(x))
box = [x, x]
print("box = [x, x]               ->", sys.getrefcount(x))
del box
print("del box                    ->", sys.getrefcount(x))
del y


def inside(arg):
    return sys.getrefcount(arg)


print("inside a call f(x)         ->", inside(x))


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("   __del__ ran for", self.name)


print("An object is freed the moment its count reaches 0:")
n = Noisy("n")
print(" rebinding n ...")
n = None
print(" ... done")

# ---------------------------------------------------------------------------------------
section("2. Cycles need the garbage collector")
a = Noisy("a")
b = Noisy("b")
a.other = b
b.other = a
print("a <-> b reference each other; del a, b leaves both counts above 0.")
del a, b
print("gc.collect() finds them:")
found = gc.collect()
print("gc.collect() returned", found, "(2 instances; their __dict__s live inline)")

# ---------------------------------------------------------------------------------------
section("3. Generations: 700 / 10 / 10")
print("gc.get_threshold() ->", gc.get_threshold())
print("Generation 0 is collected when allocations minus deallocations of container")
print("objects exceed 700.  Each object below is in a cycle with itself:")


class Node:
    def __init__(self):
        self.me = self


gc.collect()
collections = []


def watch(phase, info):
    if phase == "start":
        collections.append((info["generation"], created))


gc.callbacks.append(watch)
created = 0
for created in range(1, 2001):
    Node()
gc.callbacks.remove(watch)
print("collections during 2000 allocations: (generation, objects created so far)")
print("  ", collections)
print("gc.get_count() now ->", gc.get_count())

# ---------------------------------------------------------------------------------------
section("4. The memory pool and per-type free lists")
print("Blocks up to 512 bytes come from pools of 16 KiB in 1 MiB arenas; a freed block")
print("goes back to its pool, not to the OS.  Floats also keep a free list of 100:")
k = 3                      # values computed at run time (constants live in the code)
f = k * 1.5
old = id(f)
del f
g = k * 2.5
print("a new float reuses the freed float's id:", id(g) == old)
lst = [1, 2, 3]
old = id(lst)
del lst
print("a new list reuses the freed list's id:  ", id([4, 5]) == old)
print("An int has no free list in 3.11: its block goes straight back to the pool,")
print("where the next int of the same size class finds it:")
i = k * 10 ** 10
old = id(i)
del i
j = k * 10 ** 10
print("  a new int reuses the freed int's id:   ", id(j) == old)
print("A freed float is kept on the float free list, so an int can't have it:")
f = k * 1.5
old = id(f)
del f
j2 = k * 10 ** 10
print("  a new int takes the float's id:        ", id(j2) == old)
g2 = k * 2.5
print("  the next float does:                   ", id(g2) == old)
print("sys._debugmallocstats() prints the pools and free lists (to stderr).")

# ---------------------------------------------------------------------------------------
section("5. Interning")
print("Small ints -5..256 are preallocated:")
print("  int('256') is int('256') ->", int("256") is int("256"))
print("  int('257') is int('257') ->", int("257") is int("257"))
print("Identifier-like string constants are interned at compile time:")
s1 = "hello_world"
s2 = "hello_world"
print("  'hello_world' is 'hello_world' ->", s1 is s2)
print("Folded at compile time ('aa' * 50) and interned too:")
t1 = "aa" * 50
t2 = "aa" * 50
print("  'aa' * 50 is 'aa' * 50 ->", t1 is t2)
c = "a"
print("Computed at run time, never interned:")
print("  c * 50 is c * 50 ->", c * 50 is c * 50)
print("sys.intern() makes them one object:")
print("  sys.intern(c * 50) is sys.intern(c * 50) ->", sys.intern(c * 50) is sys.intern(c * 50))

# ---------------------------------------------------------------------------------------
section("6. Script versus REPL")
print("A script is one compilation unit, so equal constants are one object:")
ns = {}
exec(compile("a = 257\nb = 257\nsame = a is b", "<script>", "exec"), ns)
print("  a = 257; b = 257 as a script      -> a is b:", ns["same"])
ns = {}
for line in ["a = 257", "b = 257", "same = a is b"]:
    exec(compile(line, "<stdin>", "single"), ns)
print("  the same lines typed at the REPL  -> a is b:", ns["same"])
print("(run `./pyheap --compare-modes FILE` to see every such difference in a file)")

# ---------------------------------------------------------------------------------------
section("7. List memory")
print("A list over-allocates so append is amortised O(1); its id never changes:")
lst = []
start = id(lst)
sizes = []
for k in range(20):
    lst.append(k)
    size = sys.getsizeof(lst)
    if not sizes or sizes[-1][1] != size:
        sizes.append((len(lst), size))
print("  (length, getsizeof) at each growth:", sizes)
print("  same object after 20 appends:", id(lst) == start)
print("  capacity = (getsizeof - 56) / 8 slots")

# ---------------------------------------------------------------------------------------
section("8. Leaks")
print("A global dict that only grows is a leak even with a perfect collector:")
cache = {}
for day in range(100):
    cache[day] = [day] * 10
print("  after 100 days: len", len(cache), "size", sys.getsizeof(cache))
cache = {}
for day in range(100):
    cache[day] = [day] * 10
    if len(cache) > 50:
        del cache[day - 50]
print("  keeping 50 days: len", len(cache), "size", sys.getsizeof(cache))
print("With gc disabled, cycles pile up until collected:")
gc.collect()
gc.disable()
for k in range(1000):
    Node()
print("  gc.get_count() with gc disabled:", gc.get_count())
print("  gc.collect() ->", gc.collect())
gc.enable()

# ---------------------------------------------------------------------------------------
section("9. Generators keep a long task list lazy")
missions = [k * k for k in range(100000)]
print("a list of 100000 tasks:    getsizeof", sys.getsizeof(missions))


def mission_list(n):
    for k in range(n):
        yield k * k


lazy = mission_list(100000)
print("a generator of the same:   getsizeof", sys.getsizeof(lazy))
print("sum over both equal:", sum(missions) == sum(lazy))
print()
print("End of the tour.")
