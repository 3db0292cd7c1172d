# A dictionary key with a colon but no value.
d = {1: 'a', 2:}
