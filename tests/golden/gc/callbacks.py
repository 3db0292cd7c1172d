# gc.callbacks: every callback is called with ("start", info) before and ("stop", info)
# after a collection; info has generation, collected, uncollectable.  A callback that
# raises is reported (stderr) and the collection goes on; one that removes itself from
# the list makes the next one be skipped, as CPython iterates the live list.
import gc

log = []


def watcher(phase, info):
    log.append((phase, info["generation"], info["collected"], info["uncollectable"],
                sorted(info)))


class Node:
    pass


gc.collect()
gc.callbacks.append(watcher)
n = Node()
n.me = n
del n
print(gc.collect(1))
gc.collect(0)
for entry in log:
    print(entry)
log.clear()


def once(phase, info):
    log.append(("once", phase))
    gc.callbacks.remove(once)


gc.callbacks.insert(0, once)
gc.collect()
print(log)
log.clear()


def broken(phase, info):
    raise RuntimeError("callback failed in " + phase)


gc.callbacks[:] = [broken, watcher]
print(gc.collect(0))
print([entry[:2] for entry in log])
gc.callbacks.clear()
