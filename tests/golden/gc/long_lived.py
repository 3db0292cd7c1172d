# Generation 2 is collected only when the objects promoted by generation-1 collections
# since the last full collection exceed 25% of those that survived it.
import gc


class Node:
    pass


keep = [Node() for i in range(100000)]
gc.collect()
full = gc.get_stats()[2]["collections"]
gc.set_threshold(100, 2, 2)
more = [Node() for i in range(5000)]
print("after 5000 new long-lived objects, a full collection:",
      gc.get_stats()[2]["collections"] > full)
more += [Node() for i in range(60000)]
print("after 65000, a full collection:", gc.get_stats()[2]["collections"] > full)
gc.set_threshold(700, 10, 10)
