# list.sort makes exactly CPython's '<' calls, in order: runs, binary insertion, galloping merges.
log = []


class K:
    def __init__(self, v, i):
        self.v = v
        self.i = i

    def __lt__(self, other):
        log.append((self.i, other.i))
        return self.v < other.v


def run(label, values, **kw):
    log.clear()
    items = [K(v, i) for i, v in enumerate(values)]
    items.sort(**kw)
    print(label, len(log), [k.i for k in items] if len(items) <= 12 else '')
    if len(log) <= 40:
        print('  ', log)
    else:
        h = 0
        for a, b in log:
            h = (h * 1000003 + a * 7919 + b) % 2305843009213693951
        print('   first', log[:8], 'last', log[-4:], 'hash', h)
    return items


run('empty', [])
run('one', [5])
run('two', [2, 1])
run('asc', [1, 2, 3, 4, 5])
run('desc', [5, 4, 3, 2, 1])
run('equal', [3, 3, 3, 3])
run('desc-then-equal', [5, 4, 4, 3])
run('mixed', [3, 1, 4, 1, 5, 9, 2, 6, 5, 3])

seed = 12345


def lcg(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n


run('random64', [lcg(100) for _ in range(64)])
run('random65', [lcg(100) for _ in range(65)])
run('random300', [lcg(1000) for _ in range(300)])
# two long ascending runs that interleave in blocks: galloping in merge_lo
a = list(range(0, 400, 2)) + list(range(1, 400, 2))
run('interleaved', a)
# blocks: long stretches of one run winning, then the other (min_gallop adapts)
b = [x for blk in range(10) for x in range(blk * 100, blk * 100 + 40)]
b += [x for blk in range(10) for x in range(blk * 100 + 40, blk * 100 + 100)]
run('blocks', b)
# a short run followed by a long one and vice versa: merge_lo vs merge_hi
run('short-long', list(range(100, 170)) + list(range(0, 300)))
run('long-short', list(range(0, 300)) + list(range(100, 170)))
run('sawtooth', [i % 37 for i in range(500)])
run('reverse-random', [lcg(50) for _ in range(200)], reverse=True)
