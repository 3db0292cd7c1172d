# -X heaplimit=64M (heaplimit.opts): allocating past the heap limit raises MemoryError in
# the script, the program goes on once memory is freed, and an uncaught one ends it.
chunks = []
try:
    while True:
        chunks.append(bytearray(1 << 20))
except MemoryError:
    print('MemoryError after more than 32 chunks of 1 MiB:', len(chunks) > 32)
del chunks
words = [str(i) for i in range(100000)]
print('memory is usable again:', len(words))
del words
big = []
while True:
    big.append([0] * 100000)
