# A small "real" script: word statistics over a text written to and read back from a
# temporary file, with a generator pipeline, closures, a decorator, a context manager,
# dict/set operations, sorting by several keys and %-/format-/f-string formatting.
import os
import sys
import time

TEXT = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness."""


def timed(label):
    def deco(fn):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            result = fn(*args, **kwargs)
            elapsed = time.perf_counter() - start
            wrapper.calls += 1
            assert elapsed >= 0
            print(f'[{label}] call #{wrapper.calls} ok')
            return result
        wrapper.calls = 0
        wrapper.__name__ = fn.__name__
        return wrapper
    return deco


class TempText:
    def __init__(self, text):
        self.text = text
        self.path = 'pyheap_lang_textstats_%d.txt' % os.getpid()

    def __enter__(self):
        with open(self.path, 'w') as f:
            f.write(self.text)
        return self.path

    def __exit__(self, *exc):
        os.remove(self.path)
        print('temporary file removed:', not os.path.exists(self.path))
        return False


def lines(path):
    with open(path) as f:
        for line in f:
            yield line.rstrip('\n')


def words(line_iter):
    for line in line_iter:
        for raw in line.split():
            w = raw.strip('.,;:!?').lower()
            if w:
                yield w


def make_counter():
    counts = {}

    def add(word):
        counts[word] = counts.get(word, 0) + 1
        return counts[word]

    def top(n):
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]

    return add, top, counts


@timed('analyse')
def analyse(path):
    add, top, counts = make_counter()
    n = 0
    for w in words(lines(path)):
        add(w)
        n += 1
    return n, top(5), counts


with TempText(TEXT) as path:
    total, best, counts = analyse(path)
    line_lengths = [len(l) for l in lines(path)]

print('words:', total, 'distinct:', len(counts))
for rank, (word, c) in enumerate(best, 1):
    print('%d. %-6s %3d %s' % (rank, word, c, '*' * c))
print('line lengths:', line_lengths, 'max line', max(range(len(line_lengths)), key=line_lengths.__getitem__))
vowels = set('aeiou')
by_vowels = sorted(counts, key=lambda w: (-len(set(w) & vowels), w))[:4]
print('most vowel kinds:', by_vowels)
pairs = {w: w[::-1] for w in counts if len(w) > 6}
print('long words reversed:', sorted(pairs.items()))
print('{:>10}|{:^10}|{:<10}|'.format('right', 'centre', 'left'))
print(f"{'ratio':<8}{total / len(counts):>8.3f}{total // len(counts):>4d}{total % len(counts):>4}")
initials = ''.join(sorted({w[0] for w in counts}))
print('initials:', initials, 'capitalised:', ' '.join(w.capitalize() for w in best_words) if (best_words := [w for w, _ in best]) else '')
print('analyse calls:', analyse.calls, 'stdout ok:', sys.stdout.write('') == 0)
