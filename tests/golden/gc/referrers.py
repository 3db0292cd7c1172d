# get_referrers: the tracked containers that refer to an object; get_referents: what a
# container refers to (its traverse function, in CPython's order).
import gc


class Node:
    pass


target = Node()
holder = Node()
holder.attr = target
in_list = [1, target, "x"]
in_dict = {"k": target}
in_tuple = (target, 2)
refs = gc.get_referrers(target)
print(sorted(type(r).__name__ for r in refs))
print(any(r is holder for r in refs), any(r is in_list for r in refs),
      any(r is in_dict for r in refs), any(r is in_tuple for r in refs))
print([type(x).__name__ for x in gc.get_referents(in_list)])
print(gc.get_referents(in_tuple)[0] is target, gc.get_referents(in_dict)[0] is target)
print([type(x).__name__ for x in gc.get_referents(holder)])
print(gc.get_referents(1, "str", None), gc.get_referents())
print(len(gc.get_referents(in_list, in_tuple)))
print(gc.get_referrers(), type(gc.get_referrers(object())).__name__)
