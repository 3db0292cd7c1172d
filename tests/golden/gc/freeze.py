# gc.freeze() moves every tracked object to the permanent generation, which collections
# ignore (the counts restart at 0); unfreeze() puts them back in generation 2.
import gc


class Node:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


gc.collect()
gc.collect(0)
print(gc.get_count(), gc.get_freeze_count())
n = Node("frozen cycle")
n.me = n
del n
gc.freeze()
print(gc.get_count(), gc.get_freeze_count() > 0, len(gc.get_objects()))
print("collect while frozen:", gc.collect())
gc.unfreeze()
print(gc.get_freeze_count())
print("collect after unfreeze:", gc.collect())
