# A closing bracket that does not match the opening one (on an earlier line).
x = [1, 2,
     3)
